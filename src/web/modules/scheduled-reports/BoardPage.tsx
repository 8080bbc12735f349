import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { FieldDef } from '../../../shared/contracts/scheduledReports';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyHint, ErrorResult } from '../../app/components/Status';
import { useI18n } from '../../app/i18n';
import { type Board, type Cycle, srApi, srKeys } from './api';
import { StateTags, usePeriodText, yuan } from './shared';
import { useDueRule } from './TemplatesPage';
import { SmallTable } from '../../app/components/SmallTable';

type UnitRow = Board['units'][number];

/** 报送情况: units × periods of one template, each cell the unit's report; rollup, export, overdue list. */
export default function BoardPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const periodText = usePeriodText();
  const dueRule = useDueRule();
  const [params, setParams] = useSearchParams();
  const [rollupOf, setRollupOf] = useState<Cycle | null>(null);
  const templates = useQuery({ queryKey: srKeys.templates, queryFn: srApi.templates });
  const templateId = params.get('template') ?? templates.data?.items[0]?.id;
  const board = useQuery({
    queryKey: srKeys.board(templateId ?? ''),
    queryFn: () => srApi.board(templateId!),
    enabled: !!templateId,
  });
  const overdueQ = { templateId, pageSize: 50 };
  const overdue = useQuery({
    queryKey: srKeys.overdue(overdueQ),
    queryFn: () => srApi.overdue(overdueQ),
    enabled: !!templateId,
  });
  if (templates.isError) return <ErrorResult error={templates.error} onRetry={() => templates.refetch()} />;
  if (board.isError) return <ErrorResult error={board.error} onRetry={() => board.refetch()} />;
  const b = board.data;
  return (
    <>
      <PageHeader title={t('scheduledReports.board.title')} subtitle={t('scheduledReports.board.subtitle')} />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            style={{ width: '100%', maxWidth: 640 }}
            aria-label={t('scheduledReports.board.template')}
            value={templateId}
            loading={templates.isPending}
            options={(templates.data?.items ?? []).map((tp) => ({
              value: tp.id,
              label: `${tp.title}（${tp.receiverName ?? ''}）`,
            }))}
            onChange={(v) => setParams({ template: v }, { replace: true })}
          />
          {b ? (
            <Typography.Text type="secondary">
              {t('scheduledReports.field.due')}：{dueRule(b.template)}　{t('scheduledReports.field.receiver')}
              ：{b.template.receiverName}　{t('scheduledReports.field.submitters')}：
              {b.template.submitterNames.join('、')}
            </Typography.Text>
          ) : null}
        </Space>
      </Card>
      {b && b.cycles.length === 0 ? (
        <EmptyHint text={t('scheduledReports.board.noCycles')} />
      ) : (
        <Table<UnitRow>
          rowKey="orgUnitId"
          size="middle"
          bordered
          loading={board.isPending && !!templateId}
          dataSource={b?.units ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('scheduledReports.field.unit'), dataIndex: 'name', fixed: 'left', width: 140 },
            ...(b?.cycles ?? []).map((c, i) => ({
              key: c.id,
              title: (
                <Space direction="vertical" size={2}>
                  <strong>{periodText(c.period)}</strong>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('scheduledReports.board.dueOn', { date: c.dueOn })}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('scheduledReports.board.progress', {
                      done:
                        (c.counts.submitted ?? 0) + (c.counts.resubmitted ?? 0) + (c.counts.accepted ?? 0),
                      total: c.total,
                      late: c.late,
                    })}
                  </Typography.Text>
                  <Space size={4}>
                    <Button size="small" onClick={() => setRollupOf(c)}>
                      {t('scheduledReports.board.rollup')}
                    </Button>
                    {can('scheduled_reports.export') ? (
                      <Button
                        size="small"
                        icon={<DownloadOutlined />}
                        aria-label={t('scheduledReports.board.export')}
                        onClick={() => srApi.exportCycle(c.id)}
                      />
                    ) : null}
                  </Space>
                </Space>
              ),
              render: (_: unknown, r: UnitRow) => {
                const cell = r.cells[i];
                if (!cell) return <Typography.Text type="secondary">—</Typography.Text>;
                return (
                  <Link to={`/scheduled-reports/submissions/${cell.submissionId}`}>
                    <StateTags state={cell.state} late={cell.late} overdue={cell.overdue} />
                  </Link>
                );
              },
            })),
          ]}
        />
      )}
      <Card size="small" title={t('scheduledReports.board.overdueList')} style={{ marginTop: 16 }}>
        <SmallTable
          rowKey="id"
          loading={overdue.isPending && !!templateId}
          dataSource={overdue.data?.items ?? []}
          locale={{ emptyText: t('scheduledReports.board.noOverdue') }}
          columns={[
            { title: t('scheduledReports.field.unit'), dataIndex: 'unitName' },
            { title: t('scheduledReports.field.period'), render: (_, r) => periodText(r.period) },
            { title: t('scheduledReports.field.due'), dataIndex: 'dueOn' },
            {
              title: t('scheduledReports.field.state'),
              render: (_, r) => <StateTags state={r.state} overdue={r.overdue} />,
            },
          ]}
        />
      </Card>
      <RollupModal cycle={rollupOf} onClose={() => setRollupOf(null)} />
    </>
  );
}

function RollupModal({ cycle, onClose }: { cycle: Cycle | null; onClose: () => void }) {
  const { t } = useI18n();
  const periodText = usePeriodText();
  const rollup = useQuery({
    queryKey: srKeys.rollup(cycle?.id ?? ''),
    queryFn: () => srApi.rollup(cycle!.id),
    enabled: !!cycle,
  });
  const r = rollup.data;
  const numeric = (r?.fields ?? []).filter((f) => f.type !== 'text');
  const show = (f: FieldDef, v: number | null | undefined) =>
    v === null || v === undefined ? '—' : f.type === 'amount' ? yuan(v) : f.type === 'percent' ? `${v}%` : v;
  type Row = { key: string; name: string; count: string; totals: Record<string, number | null> };
  const rows: Row[] = r
    ? [
        ...r.children.map((c) => ({
          key: c.orgUnitId,
          name: c.name,
          count: `${c.count}/${c.expected}`,
          totals: c.totals,
        })),
        {
          key: 'total',
          name: t('scheduledReports.rollup.total'),
          count: `${r.count}/${r.expected}`,
          totals: r.totals,
        },
      ]
    : [];
  return (
    <Modal
      open={!!cycle}
      onCancel={onClose}
      footer={null}
      width={900}
      title={
        cycle
          ? t('scheduledReports.rollup.title', {
              title: cycle.templateTitle,
              period: periodText(cycle.period),
            })
          : ''
      }
    >
      <Typography.Paragraph type="secondary">
        {r
          ? `${r.unit.name}　${t('scheduledReports.rollup.count', { count: r.count, expected: r.expected })}　`
          : ''}
        {t('scheduledReports.rollup.hint')}
      </Typography.Paragraph>
      <SmallTable<Row>
        rowKey="key"
        loading={rollup.isPending}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t('scheduledReports.field.unit'), dataIndex: 'name' },
          { title: '', dataIndex: 'count', width: 70 },
          ...numeric.map((f) => ({
            key: f.key,
            title: f.type === 'amount' ? `${f.label}（${t('scheduledReports.form.yuan')}）` : f.label,
            align: 'right' as const,
            render: (_: unknown, row: Row) => show(f, row.totals[f.key]),
          })),
        ]}
      />
    </Modal>
  );
}
