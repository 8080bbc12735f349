import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { UploadOutlined } from '@ant-design/icons';
import { App, Button, Card, InputNumber, Space, Table, Tag, Tooltip, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { DsTicketKind } from '../../../shared/contracts/disputes';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { type MessageKey, useI18n } from '../../app/i18n';
import { type Limits, dsApi, dsKeys } from './api';
import { TicketTag, labelOf } from './meta';

/** The two classification lists (R-DS-1) and the ticket time limits (R-WO-3). */
export default function ConfigPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const lists = useQuery({ queryKey: dsKeys.lists, queryFn: dsApi.lists });
  const upload = useMutation({
    mutationFn: ({ list, file }: { list: string; file: File }) => dsApi.importXlsx(list, file),
    onSuccess: (r, v) => {
      message.success(
        t('disputes.config.imported', { n: r.lists.find((l) => l.list === v.list)?.entries.length ?? 0 }),
      );
      qc.invalidateQueries({ queryKey: dsKeys.lists });
    },
    onError: (e) => showError(e),
  });
  return (
    <>
      <PageHeader title={t('disputes.config.title')} subtitle={t('disputes.config.subtitle')} />
      <LimitsCard />
      {lists.isError ? <ErrorResult error={lists.error} onRetry={() => lists.refetch()} /> : null}
      {(lists.data?.lists ?? []).map((l) => (
        <Card
          key={l.list}
          size="small"
          style={{ marginBottom: 12 }}
          title={
            <Space>
              <span>{t(`disputes.list.${l.list}` as MessageKey)}</span>
              <Tag>
                {l.version === 0
                  ? t('disputes.config.builtIn')
                  : t('disputes.config.version', { v: l.version })}
              </Tag>
            </Space>
          }
          extra={
            can('disputes.configure') ? (
              <Tooltip title={t('disputes.config.importHint')}>
                <Upload
                  accept=".xlsx"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    upload.mutate({ list: l.list, file });
                    return false;
                  }}
                >
                  <Button size="small" icon={<UploadOutlined />} loading={upload.isPending}>
                    {t('disputes.config.import')}
                  </Button>
                </Upload>
              </Tooltip>
            ) : null
          }
        >
          <Table
            rowKey="code"
            size="small"
            pagination={false}
            dataSource={l.entries}
            columns={[
              { title: t('disputes.field.code'), dataIndex: 'code', width: 90 },
              { title: t('disputes.field.title'), dataIndex: 'name' },
              {
                title: t('disputes.field.kind'),
                dataIndex: 'category',
                width: 120,
                render: (v: string) => labelOf(t, 'disputes.category', v),
              },
              {
                title: t('disputes.field.suggestedBody'),
                dataIndex: 'suggestedBody',
                width: 160,
                render: (v: string | null) => labelOf(t, 'disputes.body', v) || '—',
              },
              {
                title: t('disputes.field.suggestedTicket'),
                dataIndex: 'suggestedTicket',
                width: 110,
                render: (v: DsTicketKind) => <TicketTag kind={v} t={t} />,
              },
            ]}
          />
        </Card>
      ))}
    </>
  );
}

function LimitsCard() {
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = App.useApp();
  const q = useQuery({ queryKey: dsKeys.limits, queryFn: dsApi.limits });
  const [draft, setDraft] = useState<Limits['limits']>([]);
  useEffect(() => setDraft(q.data?.limits ?? []), [q.data]);
  const editable = can('disputes.configure');
  const save = useMutation({
    mutationFn: () => dsApi.putLimits({ limits: draft }),
    onSuccess: () => {
      message.success(t('disputes.config.saved'));
      qc.invalidateQueries({ queryKey: dsKeys.limits });
    },
    onError: (e) => showError(e),
  });
  const setField = (kind: string, field: 'acceptMinutes' | 'finishMinutes', v: number | null) =>
    setDraft((d) => d.map((x) => (x.kind === kind ? { ...x, [field]: v ?? x[field] } : x)));
  return (
    <Card
      size="small"
      title={t('disputes.config.limits')}
      style={{ marginBottom: 12 }}
      extra={
        editable ? (
          <Button type="primary" size="small" onClick={() => save.mutate()} loading={save.isPending}>
            {t('disputes.config.save')}
          </Button>
        ) : null
      }
    >
      <Table
        rowKey="kind"
        size="small"
        pagination={false}
        loading={q.isPending}
        dataSource={draft}
        columns={[
          {
            title: t('disputes.field.ticket'),
            dataIndex: 'kind',
            width: 120,
            render: (v: DsTicketKind) => <TicketTag kind={v} t={t} />,
          },
          {
            title: t('disputes.field.acceptMinutes'),
            dataIndex: 'acceptMinutes',
            render: (v: number, r) =>
              editable ? (
                <InputNumber min={5} value={v} onChange={(x) => setField(r.kind, 'acceptMinutes', x)} />
              ) : (
                <Typography.Text>{v}</Typography.Text>
              ),
          },
          {
            title: t('disputes.field.finishMinutes'),
            dataIndex: 'finishMinutes',
            render: (v: number, r) =>
              editable ? (
                <InputNumber min={30} value={v} onChange={(x) => setField(r.kind, 'finishMinutes', x)} />
              ) : (
                <Typography.Text>{v}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
