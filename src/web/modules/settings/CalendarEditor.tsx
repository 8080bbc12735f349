import { PlusOutlined, SortAscendingOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import {
  type CalendarDayInput,
  type CalendarYearDto,
  DAY_KINDS,
  type ReplaceCalendarYearBody,
} from '../../../shared/contracts/calendar';
import { api } from '../../app/api';
import { EmptyHint } from '../../app/components/Status';
import { useFormSaving } from '../../app/formSaving';
import { useI18n } from '../../app/i18n';
import { requiredText } from '../../app/formRules';
import { calendarKeys } from './calendarKeys';
import { type PasteProblem, parseCalendarPaste } from './calendarPaste';
import { RemoveRowButton } from '../../app/components/RemoveRowButton';

interface Row {
  date?: Dayjs | null;
  kind?: CalendarDayInput['kind'];
  name?: string;
}
interface Values {
  days: Row[];
}

const toRow = (d: CalendarDayInput): Row => ({ date: dayjs(d.date), kind: d.kind, name: d.name });
const dateOf = (r: Row) => r.date?.format('YYYY-MM-DD') ?? '';

/**
 * Loads or corrects one year's schedule (R-LAW-CAL-1): the rows replace the year as a whole when saved;
 * lines pasted from the State Council notice fill the rows.
 */
export default function CalendarEditor({ data, onClose }: { data: CalendarYearDto; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, runSave] = useFormSaving(form);
  const [paste, setPaste] = useState('');
  const [problems, setProblems] = useState<PasteProblem[]>([]);
  const year = data.year;
  const rows = Form.useWatch('days', form) ?? [];

  const put = (days: CalendarDayInput[], done: string) =>
    runSave(async () => {
      const saved = await api.put<CalendarYearDto>(`/api/calendar/${year}`, {
        days,
      } satisfies ReplaceCalendarYearBody);
      qc.setQueryData(calendarKeys.year(year), saved);
      await qc.invalidateQueries({ queryKey: calendarKeys.all });
      message.success(done);
      onClose();
    });

  const submit = (v: Values) =>
    put(
      (v.days ?? []).map((r) => ({ date: dateOf(r), kind: r.kind!, name: (r.name ?? '').trim() })),
      t('cal.saved', { year }),
    );

  const applyPaste = (mode: 'replace' | 'append') => {
    const parsed = parseCalendarPaste(paste, year);
    setProblems(parsed.problems);
    if (parsed.days.length === 0) {
      if (parsed.problems.length === 0) message.warning(t('cal.pasteNothing'));
      return;
    }
    const current = (form.getFieldValue('days') as Row[] | undefined) ?? [];
    const merged = new Map<string, Row>();
    if (mode === 'append') for (const r of current) merged.set(dateOf(r) || `row-${merged.size}`, r);
    for (const d of parsed.days) merged.set(d.date, toRow(d));
    const next = [...merged.values()].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : 1));
    form.setFieldsValue({ days: next });
    message.success(t('cal.pasteApplied', { n: parsed.days.length }));
    if (parsed.problems.length === 0) setPaste('');
  };

  const sortRows = () => {
    const current = (form.getFieldValue('days') as Row[] | undefined) ?? [];
    form.setFieldsValue({ days: [...current].sort((a, b) => (dateOf(a) < dateOf(b) ? -1 : 1)) });
  };

  const holidays = rows.filter((r) => r?.kind === 'holiday').length;
  const workdays = rows.filter((r) => r?.kind === 'workday').length;

  return (
    <Drawer
      open
      title={t('cal.editTitle', { year })}
      size={820}
      onClose={onClose}
      destroyOnHidden
      data-testid="cal-editor"
      footer={
        <Flex justify="space-between" gap={8} wrap>
          <div>
            {data.source === 'admin' ? (
              <Popconfirm
                title={t('cal.resetConfirm', { year })}
                description={<div style={{ maxWidth: 320 }}>{t('cal.resetConfirmText')}</div>}
                onConfirm={() => put([], t('cal.resetDone', { year }))}
              >
                <Button danger disabled={saving} data-testid="cal-reset">
                  {t('cal.reset')}
                </Button>
              </Popconfirm>
            ) : null}
          </div>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="cal-save">
              {t('cal.save', { year })}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon title={t('cal.editHint', { year })} />
        <Card size="small" title={t('cal.pasteTitle')}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('cal.pasteHint')}
          </Typography.Paragraph>
          <Input.TextArea
            value={paste}
            onChange={(e) => setPaste(e.target.value)}
            rows={5}
            placeholder={t('cal.pastePlaceholder', { year })}
            style={{ fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace' }}
            data-testid="cal-paste"
          />
          {problems.length > 0 ? (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 8 }}
              title={t('cal.pasteProblems', { n: problems.length })}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {problems.slice(0, 8).map((p) => (
                    <li key={p.line}>
                      {t('cal.pasteLine', { line: p.line })}
                      {t(`cal.pasteReason.${p.reason}`, { year })}:
                      <Typography.Text code>{p.text}</Typography.Text>
                    </li>
                  ))}
                </ul>
              }
              data-testid="cal-paste-problems"
            />
          ) : null}
          <Flex gap={8} style={{ marginTop: 8 }}>
            <Button
              type="primary"
              ghost
              disabled={!paste.trim()}
              onClick={() => applyPaste('replace')}
              data-testid="cal-paste-replace"
            >
              {t('cal.pasteReplace')}
            </Button>
            <Button
              disabled={!paste.trim()}
              onClick={() => applyPaste('append')}
              data-testid="cal-paste-append"
            >
              {t('cal.pasteAppend')}
            </Button>
          </Flex>
        </Card>
        <Form<Values>
          form={form}
          onFinish={submit}
          initialValues={{ days: data.days.map(toRow) }}
          data-testid="cal-form"
        >
          <Form.List name="days">
            {(fields, { add, remove }) => (
              <Card
                size="small"
                title={t('cal.rowsTitle', { year })}
                extra={
                  <Flex gap={12} align="center">
                    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="cal-rows-count">
                      {t('cal.counts', { holidays, workdays })}
                    </Typography.Text>
                    <Button
                      size="small"
                      icon={<SortAscendingOutlined />}
                      onClick={sortRows}
                      disabled={fields.length < 2}
                    >
                      {t('cal.sort')}
                    </Button>
                  </Flex>
                }
              >
                {fields.length === 0 ? (
                  <EmptyHint text={t('cal.rowsEmpty')} />
                ) : (
                  <Flex gap={8} style={{ marginBottom: 6, fontSize: 12, color: '#8c8c8c' }}>
                    <span style={{ width: 200 }}>{t('cal.date')}</span>
                    <span style={{ width: 130 }}>{t('cal.kind')}</span>
                    <span style={{ flex: 1 }}>{t('cal.festival')}</span>
                    <span style={{ width: 32 }} />
                  </Flex>
                )}
                {fields.map((f) => (
                  <Flex key={f.key} gap={8} align="flex-start" data-testid="cal-row">
                    <Form.Item
                      name={[f.name, 'date']}
                      rules={[
                        { required: true, message: t('common.required') },
                        {
                          validator: async (_, v: Dayjs | null | undefined) => {
                            if (v && v.year() !== year) throw new Error(t('cal.pasteReason.year', { year }));
                          },
                        },
                      ]}
                      style={{ width: 200, marginBottom: 8 }}
                    >
                      <DatePicker
                        format={['YYYY-MM-DD ddd', 'YYYY-MM-DD']}
                        defaultPickerValue={dayjs(`${year}-01-01`)}
                        disabledDate={(d) => d.year() !== year}
                        style={{ width: '100%' }}
                        data-testid="cal-row-date"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'kind']}
                      rules={[{ required: true, message: t('common.required') }]}
                      style={{ width: 130, marginBottom: 8 }}
                    >
                      <Select
                        options={DAY_KINDS.map((k) => ({ value: k, label: t(`cal.kindOption.${k}`) }))}
                        data-testid="cal-row-kind"
                      />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'name']}
                      rules={requiredText(t)}
                      style={{ flex: 1, marginBottom: 8 }}
                    >
                      <Input
                        maxLength={30}
                        placeholder={t('cal.namePlaceholder')}
                        data-testid="cal-row-name"
                      />
                    </Form.Item>
                    <RemoveRowButton onClick={() => remove(f.name)} testId="cal-row-remove" />
                  </Flex>
                ))}
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  onClick={() => {
                    const last = (form.getFieldValue('days') as Row[] | undefined)?.at(-1);
                    add({
                      date: last?.date ? last.date.add(1, 'day') : undefined,
                      kind: last?.kind ?? 'holiday',
                      name: last?.name,
                    });
                  }}
                  style={{ marginTop: 4 }}
                  data-testid="cal-add-row"
                >
                  {t('cal.addRow')}
                </Button>
              </Card>
            )}
          </Form.List>
        </Form>
      </Flex>
    </Drawer>
  );
}
