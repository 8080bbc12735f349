import { DownloadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App as AntApp,
  Alert,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Space,
  Statistic,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useParams } from 'react-router';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { BlockSkeleton, ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { linkColumn } from '../../app/components/columns';
import { type Results, assessmentsApi, assessmentsKeys } from './api';
import { Bars, GRADE_BAR, GradeTag, RoundStateTag, SheetStateTag, fmt } from './parts';
import { SmallTable } from '../../app/components/SmallTable';

type Row = Results['rows'][number];

/**
 * S004-01: how many of the communities in the round's scope are 幸福社区, against the target; the communities the
 * round leaves out and the sheets not signed yet are said, since both lower the share.
 */
function Coverage({ coverage: c }: { coverage: Results['coverage'] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('assessments.coverage.title')} data-testid="results-coverage">
      <Space wrap size={32} align="end">
        <Statistic
          title={t('assessments.results.qualified')}
          value={c.qualified}
          suffix={t('assessments.coverage.share', {
            communities: c.communities,
            share: c.sharePercent ?? t('assessments.common.none'),
          })}
        />
        <Statistic
          title={t('assessments.coverage.target')}
          value={t('assessments.coverage.targetValue', { target: c.targetPercent })}
        />
        <Tag color={c.met ? 'green' : 'red'} style={{ marginBottom: 6 }}>
          {t(c.met ? 'assessments.coverage.met' : 'assessments.coverage.notMet')}
        </Tag>
      </Space>
      {c.unassessed > 0 ? (
        <Typography.Paragraph type="warning" style={{ margin: '8px 0 0' }}>
          {t('assessments.coverage.unassessed', { n: c.unassessed })}
        </Typography.Paragraph>
      ) : null}
      {c.signed < c.assessed ? (
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('assessments.coverage.pending', { n: c.assessed - c.signed })}
        </Typography.Paragraph>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('assessments.coverage.basis', { target: c.targetPercent })}
      </Typography.Paragraph>
    </Card>
  );
}

/** A round: its schedule and evaluator, each community's sheet and result, the grading rule, bars, export, publish. */
export default function RoundPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useAuth();
  const qc = useQueryClient();
  const showError = useShowError();
  const { message } = AntApp.useApp();
  const q = useQuery({ queryKey: assessmentsKeys.results(id), queryFn: () => assessmentsApi.results(id) });
  if (q.isError) return <ErrorResult error={q.error} onRetry={() => q.refetch()} />;
  if (!q.data) return <BlockSkeleton />;
  const { round, rows } = q.data;
  const parts = rows[0]?.result?.parts ?? [];
  const minPart = parts.find((p) => p.qualifyingMin != null);
  const columns: TableColumnsType<Row> = [
    {
      title: t('assessments.results.rank'),
      dataIndex: 'rank',
      width: 64,
      render: (r: number | null) => r ?? '',
    },
    {
      title: t('assessments.results.subdistrict'),
      dataIndex: 'subdistrictName',
      width: 120,
      responsive: ['md'],
    },
    linkColumn<Row>(
      t('assessments.results.community'),
      'orgUnitName',
      (r) => `/assessments/sheets/${r.sheetId}`,
    ),
    {
      title: t('assessments.round.state'),
      dataIndex: 'state',
      width: 110,
      render: (s: Row['state']) => <SheetStateTag state={s} />,
    },
    ...parts.map((p, i) => ({
      title: `${p.name}（${p.total}）`,
      key: `part-${p.key}`,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, r: Row) => {
        const part = r.result?.parts[i];
        return (
          <span style={{ color: part && !part.reached ? '#cf1322' : undefined }}>{fmt(part?.score)}</span>
        );
      },
    })),
    {
      title: t('assessments.results.total'),
      key: 'total',
      width: 90,
      align: 'right',
      render: (_, r) => <strong>{fmt(r.result?.total)}</strong>,
    },
    {
      title: t('assessments.results.grade'),
      key: 'grade',
      width: 90,
      render: (_, r) => (r.result ? <GradeTag grade={r.result.grade} /> : null),
    },
    {
      title: t('assessments.results.qualified'),
      key: 'qualified',
      width: 200,
      render: (_, r) =>
        !r.result ? null : r.result.qualified ? (
          <Tag color="green">{t('assessments.results.yes')}</Tag>
        ) : (
          <Space size={4} wrap>
            <Tag color="red">{t('assessments.results.no')}</Tag>
            {!r.result.eligible && minPart ? (
              <span style={{ color: '#cf1322', fontSize: 12 }}>
                {t('assessments.results.notEligible', { min: minPart.qualifyingMin ?? '' })}
              </span>
            ) : null}
          </Space>
        ),
    },
    {
      title: t('assessments.results.previous'),
      key: 'previous',
      width: 130,
      render: (_, r) =>
        r.previousTotal == null || !r.result ? (
          ''
        ) : (
          <span>
            {fmt(r.previousTotal)}（{t('assessments.results.change', { year: r.previousYear ?? '' })}{' '}
            {r.result.total - r.previousTotal >= 0 ? '+' : ''}
            {fmt(r.result.total - r.previousTotal)}）
          </span>
        ),
    },
  ];
  const sorted = [...rows].filter((r) => r.result).sort((a, b) => b.result!.total - a.result!.total);
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {round.title}
            <RoundStateTag state={round.state} />
          </Space>
        }
        subtitle={`${round.orgUnitName ?? ''} · ${round.frameworkName} · ${t('assessments.fw.version', { n: round.frameworkVersion })}`}
        extra={
          <>
            {can('assessments.export') ? (
              <Button
                icon={<DownloadOutlined />}
                onClick={() => assessmentsApi.exportResults(round.id).catch(showError)}
              >
                {t('assessments.round.export')}
              </Button>
            ) : null}
            {round.abilities.publish ? (
              <Popconfirm
                title={t('assessments.round.publish')}
                onConfirm={async () => {
                  try {
                    await assessmentsApi.publish(round.id);
                    message.success(t('assessments.round.published'));
                    await qc.invalidateQueries({ queryKey: assessmentsKeys.all });
                  } catch (e) {
                    showError(e);
                  }
                }}
              >
                <Button type="primary" data-testid="round-publish">
                  {t('assessments.round.publish')}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 4 }}>
          <Descriptions.Item label={t('assessments.round.year')}>{round.year}</Descriptions.Item>
          <Descriptions.Item label={t('assessments.round.evaluator')}>
            {round.evaluatorName}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessments.round.selfDue')}>
            {formatDate(round.selfDue)}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessments.round.reviewDue')}>
            {formatDate(round.reviewDue)}
          </Descriptions.Item>
          <Descriptions.Item label={t('assessments.round.evaluationDue')}>
            {formatDate(round.evaluationDue)}
          </Descriptions.Item>
        </Descriptions>
        <Coverage coverage={q.data.coverage} />
        <Alert
          type="info"
          showIcon
          data-testid="results-edge-rule"
          message={`${t('assessments.results.edgeRule')}：${q.data.edgeRuleText}`}
          description={`${t('assessments.results.rounding')}：${q.data.roundingText}`}
        />
        <Card size="small" title={t('assessments.results.title')}>
          <SmallTable<Row>
            rowKey="sheetId"
            columns={columns}
            dataSource={[...rows].sort((a, b) => (a.rank ?? 1e9) - (b.rank ?? 1e9))}
            scroll={{ x: 1000 }}
            data-testid="results-table"
          />
        </Card>
        {sorted.length ? (
          <Card size="small" title={t('assessments.results.chart')}>
            <Bars
              max={parts.reduce((s, p) => s + p.total, 0) || 100}
              marks={q.data.bands
                .filter((b) => b.min > 0)
                .map((b) => ({ value: b.min, label: `${b.name} ${b.min}` }))}
              rows={sorted.map((r) => ({
                label: r.orgUnitName ?? '',
                value: r.result!.total,
                color: GRADE_BAR[r.result!.grade.key] ?? '#8c8c8c',
                note: r.result!.grade.name,
              }))}
            />
          </Card>
        ) : null}
      </Space>
    </>
  );
}
