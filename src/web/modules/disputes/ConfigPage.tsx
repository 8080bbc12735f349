import { useQuery } from '@tanstack/react-query';
import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, InputNumber, Space, Tag, Tooltip, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import type { DsTicketKind } from '../../../shared/contracts/disputes';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorResult } from '../../app/components/Status';
import { type MessageKey, useI18n } from '../../app/i18n';
import { labelColumn } from '../../app/components/columns';
import { type Limits, dsApi, dsKeys } from './api';
import { TicketTag, labelOf } from './meta';
import { SmallTable } from '../../app/components/SmallTable';
import { useSaving } from '../../app/components/useSaving';

/** The two classification lists (R-DS-1) and the ticket time limits (R-WO-3). */
export default function ConfigPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const lists = useQuery({ queryKey: dsKeys.lists, queryFn: dsApi.lists });
  const upload = useSaving(({ list, file }: { list: string; file: File }) => dsApi.importXlsx(list, file), {
    invalidate: dsKeys.lists,
    done: (r, v) =>
      t('disputes.config.imported', { n: r.lists.find((l) => l.list === v.list)?.entries.length ?? 0 }),
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
          <SmallTable
            rowKey="code"
            dataSource={l.entries}
            columns={[
              { title: t('disputes.field.code'), dataIndex: 'code', width: 90 },
              { title: t('disputes.field.title'), dataIndex: 'name' },
              labelColumn(t, t('disputes.field.kind'), 'category', 'disputes.category', 120),
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
  const q = useQuery({ queryKey: dsKeys.limits, queryFn: dsApi.limits });
  const [draft, setDraft] = useState<Limits['limits']>([]);
  useEffect(() => setDraft(q.data?.limits ?? []), [q.data]);
  const editable = can('disputes.configure');
  const save = useSaving(() => dsApi.putLimits({ limits: draft }), {
    invalidate: dsKeys.limits,
    done: () => t('disputes.config.saved'),
  });
  type Field = 'acceptMinutes' | 'finishMinutes';
  const setField = (kind: string, field: Field, v: number | null) =>
    setDraft((d) => d.map((x) => (x.kind === kind ? { ...x, [field]: v ?? x[field] } : x)));
  /** A limit in minutes: a number input (at least `min`) for those who configure, its value for the others. */
  const minutesColumn = (field: Field, min: number) => ({
    title: t(`disputes.field.${field}` as const),
    dataIndex: field,
    render: (v: number, r: Limits['limits'][number]) =>
      editable ? (
        <InputNumber min={min} value={v} onChange={(x) => setField(r.kind, field, x)} />
      ) : (
        <Typography.Text>{v}</Typography.Text>
      ),
  });
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
      <SmallTable
        rowKey="kind"
        loading={q.isPending}
        dataSource={draft}
        columns={[
          {
            title: t('disputes.field.ticket'),
            dataIndex: 'kind',
            width: 120,
            render: (v: DsTicketKind) => <TicketTag kind={v} t={t} />,
          },
          minutesColumn('acceptMinutes', 5),
          minutesColumn('finishMinutes', 30),
        ]}
      />
    </Card>
  );
}
