import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Descriptions,
  Empty,
  Form,
  type FormListFieldData,
  Input,
  InputNumber,
  List,
  Modal,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { type ReactNode, useState } from 'react';
import { FUNDING_SOURCES, type FundingSource } from '../../../shared/contracts/projects';
import type { ChangesDto } from '../../../shared/contracts/projects.changes';
import type { Wire } from '../../../shared/contracts/wire';
import { api } from '../../app/api';
import { enumOptions } from '../../app/components/enumOptions';
import { useBusyAction } from '../../app/useBusyAction';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { type ApplicationDetail, projectsKeys } from './api';
import { yuan, SectionCard } from './parts';

type Changes = Wire<ChangesDto>;
type Change = Changes['items'][number];
const enc = encodeURIComponent;
const changesKey = (id: string) => ['projects', 'changes', id] as const;
const STATE_COLOR = { pending: 'processing', approved: 'success', rejected: 'default' } as const;
const toFen = (v: number | null | undefined) => Math.round((v ?? 0) * 100);

type FormValues = {
  reason: string;
  targets: string[];
  summary?: string;
  budgetLines: { item: string; amount: number }[];
  funding: { source: FundingSource; amount: number }[];
};

/**
 * 内容变更 of a selected project (R-PJ-4, no swaps midway): the community requests a change of targets,
 * plan summary or budget (funding kept balanced) with a reason; the bureau approves or rejects it with a
 * comment; every request stays in the history.
 */
export function ChangesCard({ a }: { a: ApplicationDetail }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [busy, withBusy] = useBusyAction();
  const [comment, setComment] = useState('');
  const [form] = Form.useForm<FormValues>();
  const q = useQuery({
    queryKey: changesKey(a.id),
    queryFn: () => api.get<Changes>(`/api/projects/applications/${enc(a.id)}/changes`),
  });
  const c = q.data;
  if (!c) return null;

  const refresh = async (next: Changes) => {
    qc.setQueryData(changesKey(a.id), next);
    await qc.invalidateQueries({ queryKey: projectsKeys.application(a.id) });
  };
  const startRequest = () => {
    form.setFieldsValue({
      reason: '',
      targets: a.targets,
      summary: a.summary ?? '',
      budgetLines: a.budgetLines.map((l) => ({ item: l.item, amount: l.amountFen / 100 })),
      funding: a.funding.map((f) => ({ source: f.source, amount: f.amountFen / 100 })),
    });
    setOpen(true);
  };
  const submit = async () => {
    const v = await form.validateFields();
    await withBusy(async () => {
      const next = await api.post<Changes>(`/api/projects/applications/${enc(a.id)}/changes`, {
        reason: v.reason,
        targets: v.targets.filter((x) => x?.trim()),
        summary: v.summary?.trim() || null,
        budgetLines: v.budgetLines.map((l) => ({ item: l.item, amountFen: toFen(l.amount) })),
        funding: v.funding.map((f) => ({ source: f.source, amountFen: toFen(f.amount) })),
      });
      await refresh(next);
      message.success(t('projects.change.sent'));
      setOpen(false);
    });
  };
  const decide = async (ch: Change, decision: 'approve' | 'reject') => {
    await withBusy(async () => {
      await refresh(
        await api.post<Changes>(`/api/projects/changes/${enc(ch.id)}/decision`, { decision, comment }),
      );
      setComment('');
      message.success(t('projects.change.decided'));
    });
  };

  const show = (key: string, v: unknown) => {
    if (key === 'targets') return (v as string[]).join('；');
    if (key === 'summary') return (v as string | null) ?? '—';
    if (key === 'budgetLines')
      return (v as { item: string; amountFen: number }[])
        .map((l) => `${l.item} ${yuan(l.amountFen)}`)
        .join('；');
    if (key === 'funding')
      return (v as { source: FundingSource; amountFen: number }[])
        .map((f) => `${t(`projects.funding.${f.source}`)} ${yuan(f.amountFen)}`)
        .join('；');
    return String(v);
  };

  return (
    <SectionCard
      title={t('projects.change.title')}
      extra={
        c.abilities.request ? (
          <Button size="small" type="primary" onClick={startRequest} data-testid="change-request">
            {t('projects.change.request')}
          </Button>
        ) : null
      }
      data-testid="changes-card"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('projects.change.help')}
      </Typography.Paragraph>
      {c.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.change.empty')} />
      ) : (
        <List
          dataSource={c.items}
          renderItem={(ch) => (
            <List.Item key={ch.id} style={{ display: 'block' }}>
              <Space size={4} wrap>
                <Tag color={STATE_COLOR[ch.state]}>{t(`projects.change.${ch.state}`)}</Tag>
                <Typography.Text strong>{ch.reason}</Typography.Text>
              </Space>
              <div>
                <Typography.Text type="secondary">
                  {t('projects.change.requestedBy', {
                    name: ch.requestedByName ?? '',
                    at: formatDateTime(ch.requestedAt),
                  })}
                </Typography.Text>
              </div>
              <Descriptions size="small" column={1} style={{ marginTop: 4 }}>
                {Object.keys(ch.proposed).map((k) => (
                  <Descriptions.Item
                    key={k}
                    label={t(
                      `projects.change.field.${k as 'targets' | 'summary' | 'budgetLines' | 'funding'}`,
                    )}
                  >
                    <div>
                      <Typography.Text type="secondary">{t('projects.change.before')}：</Typography.Text>
                      {show(k, ch.before[k])}
                    </div>
                    <div>
                      <Typography.Text type="secondary">{t('projects.change.after')}：</Typography.Text>
                      {show(k, ch.proposed[k])}
                    </div>
                  </Descriptions.Item>
                ))}
              </Descriptions>
              {ch.decidedAt ? (
                <Typography.Text>
                  {t('projects.change.decidedBy', {
                    name: ch.decidedByName ?? '',
                    at: formatDateTime(ch.decidedAt),
                    result: t(`projects.change.${ch.state}`),
                    comment: ch.decisionComment ?? '',
                  })}
                </Typography.Text>
              ) : c.abilities.decide ? (
                <Space.Compact style={{ width: '100%', marginTop: 8 }}>
                  <Input
                    placeholder={t('projects.change.comment')}
                    value={comment}
                    maxLength={1000}
                    onChange={(e) => setComment(e.target.value)}
                    data-testid="change-comment"
                  />
                  <Button
                    type="primary"
                    disabled={!comment.trim()}
                    loading={busy}
                    onClick={() => decide(ch, 'approve')}
                  >
                    {t('projects.change.approve')}
                  </Button>
                  <Button
                    danger
                    disabled={!comment.trim()}
                    loading={busy}
                    onClick={() => decide(ch, 'reject')}
                  >
                    {t('projects.change.reject')}
                  </Button>
                </Space.Compact>
              ) : null}
            </List.Item>
          )}
        />
      )}
      <Modal
        open={open}
        width={720}
        title={t('projects.change.request')}
        onCancel={() => setOpen(false)}
        onOk={submit}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('projects.change.help')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('projects.change.reason')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          <RowsField name="targets" label={t('projects.change.field.targets')} blank="">
            {(f) => (
              <Form.Item name={f.name} noStyle rules={[{ required: true, whitespace: true }]}>
                <Input style={{ width: 560 }} maxLength={200} />
              </Form.Item>
            )}
          </RowsField>
          <Form.Item name="summary" label={t('projects.change.summary')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <RowsField
            name="budgetLines"
            label={t('projects.change.field.budgetLines')}
            blank={{ item: '', amount: 0 }}
          >
            {(f) => (
              <>
                <Form.Item name={[f.name, 'item']} noStyle rules={[{ required: true, whitespace: true }]}>
                  <Input style={{ width: 360 }} maxLength={100} />
                </Form.Item>
                <AmountItem field={f} />
              </>
            )}
          </RowsField>
          <RowsField
            name="funding"
            label={t('projects.change.field.funding')}
            blank={{ source: 'other', amount: 0 }}
          >
            {(f) => (
              <>
                <Form.Item name={[f.name, 'source']} noStyle rules={[{ required: true }]}>
                  <Select
                    style={{ width: 200 }}
                    options={enumOptions(t, 'projects.funding', FUNDING_SOURCES)}
                  />
                </Form.Item>
                <AmountItem field={f} />
              </>
            )}
          </RowsField>
        </Form>
      </Modal>
    </SectionCard>
  );
}

/** A labelled form list of rows, each with a remove icon, and a small add button that adds `blank`. */
function RowsField({
  name,
  label,
  blank,
  children,
}: {
  name: string;
  label: string;
  blank: unknown;
  children: (field: FormListFieldData) => ReactNode;
}) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Form.Item label={label}>
          {fields.map((f) => (
            <Space key={f.key} style={{ display: 'flex', marginBottom: 4 }}>
              {children(f)}
              <MinusCircleOutlined onClick={() => remove(f.name)} />
            </Space>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add(blank)} />
        </Form.Item>
      )}
    </Form.List>
  );
}

/** A row's amount in yuan (required, at least 0.01). */
function AmountItem({ field }: { field: FormListFieldData }) {
  return (
    <Form.Item name={[field.name, 'amount']} noStyle rules={[{ required: true }]}>
      <InputNumber min={0.01} precision={2} addonAfter="元" style={{ width: 180 }} />
    </Form.Item>
  );
}
