import { enumOptions } from '../../app/components/enumOptions';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  type FormListFieldData,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { CADENCES, FIELD_TYPES } from '../../../shared/contracts/scheduledReports';
import { EmptyHint, ErrorResult } from '../../app/components/Status';
import { useSaving } from '../../app/components/useSaving';
import { type MessageKey, useI18n } from '../../app/i18n';
import { formValues } from '../../app/formValues';
import { OrgUnitSelect } from '../org/api';
import { type Template, srApi, srKeys } from './api';
import { AddPageHeader } from '../../app/components/AddPageHeader';

/** The due rule of a template in words: 每月20日前, 每年6月、12月31日前… */
export function useDueRule() {
  const { t } = useI18n();
  return (tp: Pick<Template, 'cadence' | 'dueDay' | 'dueInNextMonth'>) =>
    tp.dueInNextMonth
      ? t('scheduledReports.dueRule.next', { day: tp.dueDay })
      : t(`scheduledReports.dueRule.${tp.cadence}` as MessageKey, { day: tp.dueDay });
}

/** 报告模板: the recurring reports, what they ask, when they are due, who submits and who receives. */
export default function TemplatesPage() {
  const { t } = useI18n();
  const dueRule = useDueRule();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Template | null>(null);
  const templates = useQuery({ queryKey: srKeys.templates, queryFn: srApi.templates });
  const toggle = useSaving((tp: Template) => srApi.updateTemplate(tp.id, { active: !tp.active }), {
    invalidate: srKeys.all,
    done: () => t('scheduledReports.form.saved'),
  });
  if (templates.isError) return <ErrorResult error={templates.error} onRetry={() => templates.refetch()} />;
  return (
    <>
      <AddPageHeader
        title={t('scheduledReports.templates.title')}
        subtitle={t('scheduledReports.templates.subtitle')}
        permission="scheduled_reports.manage"
        addLabel={t('scheduledReports.templates.new')}
        onAdd={() => setCreating(true)}
      />
      <Table<Template>
        rowKey="id"
        loading={templates.isPending}
        dataSource={templates.data?.items ?? []}
        locale={{ emptyText: <EmptyHint text={t('scheduledReports.templates.empty')} /> }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          {
            title: t('scheduledReports.field.title'),
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <Link to={`/scheduled-reports/board?template=${r.id}`}>{r.title}</Link>
                {r.basis ? <Typography.Text type="secondary">{r.basis}</Typography.Text> : null}
                {!r.active ? <Tag>{t('scheduledReports.templates.inactive')}</Tag> : null}
              </Space>
            ),
          },
          {
            title: t('scheduledReports.field.cadence'),
            width: 200,
            render: (_, r) => (
              <Space direction="vertical" size={0}>
                <span>{t(`scheduledReports.cadence.${r.cadence}` as MessageKey)}</span>
                <Typography.Text type="secondary">{dueRule(r)}</Typography.Text>
              </Space>
            ),
          },
          { title: t('scheduledReports.field.receiver'), dataIndex: 'receiverName', width: 140 },
          {
            title: t('scheduledReports.field.submitters'),
            render: (_, r) => r.submitterNames.join('、'),
          },
          {
            title: t('scheduledReports.field.fields'),
            width: 90,
            render: (_, r) => r.fields.length,
          },
          {
            title: '',
            width: 240,
            render: (_, r) => (
              <Space wrap={false}>
                <Link to={`/scheduled-reports/board?template=${r.id}`}>
                  {t('scheduledReports.templates.board')}
                </Link>
                {r.canManage ? (
                  <Button size="small" onClick={() => setEditing(r)}>
                    {t('scheduledReports.templates.edit')}
                  </Button>
                ) : null}
                {r.canManage ? (
                  <Button size="small" onClick={() => toggle.mutate(r)}>
                    {r.active ? t('scheduledReports.templates.stop') : t('scheduledReports.templates.resume')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      {creating ? <TemplateDrawer template={null} onClose={() => setCreating(false)} /> : null}
      {editing ? <TemplateDrawer template={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

interface FormValues {
  orgUnitId: string;
  title: string;
  basis?: string;
  description?: string;
  cadence: (typeof CADENCES)[number];
  dueDay: number;
  dueInNextMonth?: boolean;
  remindDays: number;
  startsOn: Dayjs;
  mode: 'units' | 'communities_under';
  unitIds?: string[];
  underId?: string;
  fields: {
    key?: string;
    label: string;
    type: (typeof FIELD_TYPES)[number];
    required?: boolean;
    source?: string;
  }[];
  attachments?: { label: string; required?: boolean }[];
}

/** The next unused field key (`f1`, `f2`, …): existing fields keep theirs, so handed-in figures stay attached. */
function fieldKeys(fields: FormValues['fields']): string[] {
  const used = new Set(fields.map((f) => f.key).filter(Boolean));
  let n = 1;
  return fields.map((f) => {
    if (f.key) return f.key;
    while (used.has(`f${n}`)) n++;
    used.add(`f${n}`);
    return `f${n}`;
  });
}

/** New template, or edit one (`template`): everything but the receiving unit, which fixes who reads the reports. */
function TemplateDrawer({ template, onClose }: { template: Template | null; onClose: () => void }) {
  const open = true;
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const mode = Form.useWatch('mode', form);
  const figures = useQuery({ queryKey: srKeys.figures, queryFn: srApi.figures, enabled: open });
  const create = useSaving(
    (v: FormValues) => {
      const keys = fieldKeys(v.fields);
      const body = {
        title: v.title,
        basis: v.basis || null,
        description: v.description || null,
        cadence: v.cadence,
        dueDay: v.dueDay,
        dueInNextMonth: !!v.dueInNextMonth,
        remindDays: v.remindDays,
        startsOn: v.startsOn.format('YYYY-MM-DD'),
        submitters:
          v.mode === 'units'
            ? { mode: 'units' as const, unitIds: v.unitIds ?? [] }
            : { mode: 'communities_under' as const, unitId: v.underId ?? '' },
        fields: v.fields.map((f, i) => ({
          key: keys[i]!,
          label: f.label,
          type: f.type,
          required: !!f.required,
          source: f.source || null,
        })),
        attachments: (v.attachments ?? []).map((a) => ({ label: a.label, required: !!a.required })),
      };
      return template
        ? srApi.updateTemplate(template.id, body)
        : srApi.createTemplate({ ...body, orgUnitId: v.orgUnitId });
    },
    {
      invalidate: srKeys.all,
      done: () => t('scheduledReports.form.saved'),
      form,
      after: () => {
        form.resetFields();
        onClose();
      },
    },
  );
  return (
    <Drawer
      title={
        template
          ? t('scheduledReports.templates.editTitle', { title: template.title })
          : t('scheduledReports.templates.new')
      }
      open={open}
      onClose={onClose}
      width={720}
      destroyOnClose
      extra={
        <Button type="primary" loading={create.isPending} onClick={() => form.submit()}>
          {t('scheduledReports.templates.save')}
        </Button>
      }
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        onFinish={(v) => create.mutate(v)}
        initialValues={
          template
            ? {
                ...formValues(template, [
                  'title',
                  'basis',
                  'description',
                  'cadence',
                  'dueDay',
                  'dueInNextMonth',
                  'remindDays',
                ]),
                startsOn: dayjs(template.startsOn),
                mode: template.submitters.mode,
                unitIds: template.submitters.mode === 'units' ? template.submitters.unitIds : undefined,
                underId:
                  template.submitters.mode === 'communities_under' ? template.submitters.unitId : undefined,
                fields: template.fields.map((f) => ({
                  key: f.key,
                  label: f.label,
                  type: f.type,
                  required: f.required,
                  source: f.source ?? undefined,
                })),
                attachments: template.attachments,
              }
            : {
                cadence: 'monthly',
                dueDay: 20,
                remindDays: 3,
                mode: 'communities_under',
                fields: [{ label: '', type: 'text', required: true }],
              }
        }
      >
        <Form.Item name="title" label={t('scheduledReports.field.title')} rules={[{ required: true }]}>
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="basis" label={t('scheduledReports.field.basis')}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="description" label={t('scheduledReports.field.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {template ? (
          <Form.Item
            label={t('scheduledReports.field.receiver')}
            extra={t('scheduledReports.templates.receiverFixed')}
          >
            <Input value={template.receiverName ?? ''} disabled />
          </Form.Item>
        ) : (
          <OfficeUnitItem name="orgUnitId" label={t('scheduledReports.field.receiver')} />
        )}
        <Space wrap align="start">
          <Form.Item name="cadence" label={t('scheduledReports.field.cadence')}>
            <Select style={{ width: 140 }} options={enumOptions(t, 'scheduledReports.cadence', CADENCES)} />
          </Form.Item>
          <Form.Item name="dueDay" label={t('scheduledReports.field.dueDay')} rules={[{ required: true }]}>
            <InputNumber min={1} max={31} />
          </Form.Item>
          <Form.Item name="remindDays" label={t('scheduledReports.field.remindDays')}>
            <InputNumber min={0} max={30} />
          </Form.Item>
          <Form.Item
            name="startsOn"
            label={t('scheduledReports.field.startsOn')}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.Item name="dueInNextMonth" valuePropName="checked">
          <Checkbox>{t('scheduledReports.field.dueInNextMonth')}</Checkbox>
        </Form.Item>
        <Form.Item name="mode" label={t('scheduledReports.field.submitterMode')}>
          <Radio.Group
            options={[
              { value: 'communities_under', label: t('scheduledReports.field.modeCommunities') },
              { value: 'units', label: t('scheduledReports.field.modeUnits') },
            ]}
          />
        </Form.Item>
        {mode === 'units' ? (
          <FormRows
            name="unitIds"
            initialValue={template?.submitters.mode === 'units' ? undefined : ['']}
            label={t('scheduledReports.field.submitters')}
            addText={t('scheduledReports.field.submitters')}
            blank=""
          >
            {(item) => (
              <Form.Item name={item.name} noStyle rules={[{ required: true }]}>
                <OrgUnitSelect style={{ width: 320 }} />
              </Form.Item>
            )}
          </FormRows>
        ) : (
          <OfficeUnitItem name="underId" label={t('scheduledReports.field.submitters')} />
        )}
        <FormRows
          name="fields"
          label={t('scheduledReports.field.fields')}
          addText={t('scheduledReports.field.addField')}
          blank={{ type: 'number' }}
          wrap
        >
          {(item) => (
            <>
              <Form.Item name={[item.name, 'key']} hidden>
                <Input />
              </Form.Item>
              <Form.Item name={[item.name, 'label']} noStyle rules={[{ required: true }]}>
                <Input placeholder={t('scheduledReports.field.fieldLabel')} style={{ width: 200 }} />
              </Form.Item>
              <Form.Item name={[item.name, 'type']} noStyle>
                <Select
                  style={{ width: 120 }}
                  options={enumOptions(t, 'scheduledReports.type', FIELD_TYPES)}
                />
              </Form.Item>
              <Form.Item name={[item.name, 'source']} noStyle>
                <Select
                  allowClear
                  placeholder={t('scheduledReports.field.source')}
                  style={{ width: 200 }}
                  options={(figures.data ?? []).map((f) => ({ value: f.key, label: f.label }))}
                />
              </Form.Item>
              <RequiredCheck row={item.name} />
            </>
          )}
        </FormRows>
        <FormRows
          name="attachments"
          label={t('scheduledReports.field.attachments')}
          addText={t('scheduledReports.field.addAttachment')}
          blank={{}}
        >
          {(item) => (
            <>
              <Form.Item name={[item.name, 'label']} noStyle rules={[{ required: true }]}>
                <Input placeholder={t('scheduledReports.field.attachmentLabel')} style={{ width: 260 }} />
              </Form.Item>
              <RequiredCheck row={item.name} />
            </>
          )}
        </FormRows>
      </Form>
    </Drawer>
  );
}

/**
 * A form list under a label: each row's fields (`children`) then a remove icon, one row a line (`wrap`: the
 * fields wrap, aligned at the top), and a dashed button (`addText`) that adds `blank`.
 */
/** A form row's 必填 checkbox: whether that field or attachment must be given. */
function RequiredCheck({ row }: { row: number }) {
  const { t } = useI18n();
  return (
    <Form.Item name={[row, 'required']} noStyle valuePropName="checked">
      <Checkbox>{t('scheduledReports.field.required')}</Checkbox>
    </Form.Item>
  );
}

/** A required pick of an office: a city, district or subdistrict. */
function OfficeUnitItem({ name, label }: { name: string; label: string }) {
  return (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <OrgUnitSelect selectableKinds={['city', 'district', 'subdistrict']} />
    </Form.Item>
  );
}

function FormRows({
  name,
  label,
  addText,
  blank,
  initialValue,
  wrap,
  children,
}: {
  name: string;
  label: string;
  addText: string;
  blank: unknown;
  initialValue?: unknown[];
  wrap?: boolean;
  children: (item: FormListFieldData) => ReactNode;
}) {
  return (
    <Form.List name={name} initialValue={initialValue}>
      {(items, { add, remove }) => (
        <Form.Item label={label}>
          {items.map((item) => (
            <Space
              key={item.key}
              align={wrap ? 'start' : undefined}
              style={{ display: 'flex', marginBottom: 8 }}
              wrap={wrap}
            >
              {children(item)}
              <MinusCircleOutlined onClick={() => remove(item.name)} />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add(blank)}>
            {addText}
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
}
