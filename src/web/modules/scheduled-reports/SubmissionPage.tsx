import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { FieldDef } from '../../../shared/contracts/scheduledReports';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorResult, PageLoading } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { chinaMinute } from '../../../shared/chinaTime';
import { type MessageKey, useI18n } from '../../app/i18n';
import { type SubmissionDetail, openingValue, srApi, srKeys } from './api';
import { StateTags, usePeriodText, yuan } from './shared';

type FormValues = Record<string, number | string | null | undefined>;

/** What the form shows for a stored value: amounts in yuan. */
const toForm = (f: FieldDef, v: number | string | null | undefined) =>
  v === null || v === undefined ? undefined : f.type === 'amount' && typeof v === 'number' ? v / 100 : v;
/** What the API stores: amounts in fen. */
const fromForm = (f: FieldDef, v: number | string | null | undefined) =>
  v === null || v === undefined || v === ''
    ? null
    : f.type === 'amount' && typeof v === 'number'
      ? Math.round(v * 100)
      : v;

/** One unit's report: the form with pre-filled figures (the unit) or the review (the receiving unit). */
export default function SubmissionPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const periodText = usePeriodText();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const detail = useQuery({ queryKey: srKeys.submission(id), queryFn: () => srApi.submission(id) });
  const s = detail.data;
  const editable = !!s?.actions.includes('save');

  useEffect(() => {
    if (!s) return;
    const init: FormValues = {};
    for (const f of s.fields) init[f.key] = toForm(f, openingValue(s, f.key, editable));
    for (const [i, a] of s.attachmentDefs.entries())
      init[`att_${i}`] = s.attachments.find((x) => x.label === a.label)?.name;
    init.note = s.note ?? undefined;
    form.setFieldsValue(init);
  }, [s, editable, form]);

  const done = (next: SubmissionDetail, text: MessageKey) => {
    qc.setQueryData(srKeys.submission(id), next);
    qc.invalidateQueries({ queryKey: srKeys.all });
    message.success(t(text));
  };
  const bodyOf = (v: FormValues) => ({
    values: Object.fromEntries(s!.fields.map((f) => [f.key, fromForm(f, v[f.key])])),
    attachments: s!.attachmentDefs
      .map((a, i) => ({ label: a.label, name: String(v[`att_${i}`] ?? '').trim() }))
      .filter((a) => a.name),
    note: (v.note as string | undefined) || null,
  });
  const save = useMutation({
    mutationFn: (submitAfter: boolean) =>
      form.validateFields().then(async (v) => {
        const saved = await srApi.save(id, bodyOf(v));
        return submitAfter ? srApi.act(id, { action: 'submit' }) : saved;
      }),
    onSuccess: (next, submitAfter) =>
      done(next, submitAfter ? 'scheduledReports.form.submitted' : 'scheduledReports.form.saved'),
    onError: (e) => showError(e),
  });
  const review = useMutation({
    mutationFn: (body: { action: 'accept' } | { action: 'return'; reason: string }) => srApi.act(id, body),
    onSuccess: (next) => {
      setReturning(false);
      setReason('');
      done(next, 'scheduledReports.form.done');
    },
    onError: (e) => showError(e),
  });

  if (detail.isError) return <ErrorResult error={detail.error} onRetry={() => detail.refetch()} />;
  if (!s) return <PageLoading />;
  return (
    <>
      <PageHeader
        title={t('scheduledReports.form.title', { title: s.templateTitle, period: periodText(s.period) })}
        subtitle={t('scheduledReports.form.meta', {
          unit: s.unitName ?? '',
          receiver: s.receiverName ?? '',
          due: s.dueOn,
        })}
        extra={
          <Space>
            <Button onClick={() => navigate(-1)}>{t('scheduledReports.form.back')}</Button>
            {editable ? (
              <>
                <Button loading={save.isPending} onClick={() => save.mutate(false)}>
                  {t('scheduledReports.form.save')}
                </Button>
                <Button type="primary" loading={save.isPending} onClick={() => save.mutate(true)}>
                  {t('scheduledReports.form.submit')}
                </Button>
              </>
            ) : null}
            {s.actions.includes('accept') ? (
              <>
                <Button danger onClick={() => setReturning(true)}>
                  {t('scheduledReports.form.return')}
                </Button>
                <Button
                  type="primary"
                  loading={review.isPending}
                  onClick={() => review.mutate({ action: 'accept' })}
                >
                  {t('scheduledReports.form.accept')}
                </Button>
              </>
            ) : null}
          </Space>
        }
      />
      {s.state === 'returned' && s.returnReason ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('scheduledReports.form.returned', { reason: s.returnReason })}
        />
      ) : null}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('scheduledReports.field.state')}>
            <StateTags state={s.state} late={s.late} overdue={s.overdue} />
          </Descriptions.Item>
          <Descriptions.Item label={t('scheduledReports.field.due')}>{s.dueOn}</Descriptions.Item>
          <Descriptions.Item label={t('scheduledReports.field.submittedAt')}>
            {(s.submittedAt ? chinaMinute(new Date(s.submittedAt)) : '') || '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Form form={form} layout="vertical" disabled={!editable} style={{ maxWidth: 760 }}>
          {s.fields.map((f) => {
            const figure = s.figures[f.key];
            const extra =
              editable && f.source && figure !== undefined && figure !== null ? (
                <Space size={4}>
                  <Tag color="blue">{t('scheduledReports.form.figure')}</Tag>
                  <span>{f.type === 'amount' ? yuan(figure) : figure}</span>
                  <Button
                    type="link"
                    size="small"
                    onClick={() => form.setFieldValue(f.key, toForm(f, figure))}
                  >
                    {t('scheduledReports.form.useFigure')}
                  </Button>
                </Space>
              ) : undefined;
            return (
              <Form.Item
                key={f.key}
                name={f.key}
                label={f.label}
                required={f.required}
                extra={extra ?? f.hint ?? undefined}
              >
                {f.type === 'text' ? (
                  <Input.TextArea rows={3} maxLength={5000} />
                ) : f.type === 'amount' ? (
                  <InputNumber
                    min={0}
                    precision={2}
                    style={{ width: 220 }}
                    addonAfter={t('scheduledReports.form.yuan')}
                  />
                ) : f.type === 'percent' ? (
                  <InputNumber min={0} max={100} style={{ width: 160 }} addonAfter="%" />
                ) : (
                  <InputNumber style={{ width: 220 }} />
                )}
              </Form.Item>
            );
          })}
          {s.attachmentDefs.map((a, i) => (
            <Form.Item key={a.label} name={`att_${i}`} label={a.label} required={a.required}>
              <Input placeholder={t('scheduledReports.field.attachmentName')} maxLength={200} />
            </Form.Item>
          ))}
          <Form.Item name="note" label={t('scheduledReports.field.note')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Form>
      </Card>
      {s.events.length ? (
        <Card size="small" title={t('scheduledReports.form.history')}>
          <Timeline
            items={s.events.map((e) => ({
              children: (
                <Typography.Text>
                  {chinaMinute(new Date(e.at))}　{e.actorName ?? ''}　
                  {t(`scheduledReports.event.${e.action}` as MessageKey)}
                  {e.comment ? `：${e.comment}` : ''}
                </Typography.Text>
              ),
            }))}
          />
        </Card>
      ) : null}
      <Modal
        open={returning}
        title={t('scheduledReports.form.return')}
        onCancel={() => setReturning(false)}
        okButtonProps={{ danger: true, loading: review.isPending, disabled: !reason.trim() }}
        onOk={() => review.mutate({ action: 'return', reason })}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          placeholder={t('scheduledReports.form.returnReason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
