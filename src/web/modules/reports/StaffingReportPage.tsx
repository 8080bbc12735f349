import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type HTMLAttributes, lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { api } from '../../app/api';
import { ExportButton } from '../../app/components/ExportButton';
import { PageHeader } from '../../app/components/PageHeader';
import { BlockSkeleton, EmptyHint, QueryBoundary } from '../../app/components/Status';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import type { StaffingReportDto, StaffingRowDto } from '../../../shared/contracts/reports';

type StaffingReportView = StaffingReportDto;
type StaffingRowView = StaffingRowDto;

const StaffingChart = lazy(() => import('./StaffingChart'));
const UrbanVillagesCard = lazy(() => import('./UrbanVillagesCard'));

export default function StaffingReportPage() {
  const { t } = useI18n();
  const report = useQuery({
    queryKey: ['reports', 'staffing'],
    queryFn: () => api.get<StaffingReportView>('/api/reports/staffing'),
  });

  const floor = report.data?.floorPer10k ?? 18;
  return (
    <div>
      <PageHeader
        title={t('staffing.title')}
        subtitle={t('staffing.subtitle', { floor, ceiling: report.data?.ceilingPer1k ?? 3 })}
        extra={
          <ExportButton
            download={() => api.download('/api/reports/staffing.xlsx', undefined, 'staffing.xlsx')}
            data-testid="staffing-export"
          />
        }
      />
      <QueryBoundary query={report} skeletonRows={12}>
        {(data) => <StaffingBody rows={data.rows} floor={data.floorPer10k} />}
      </QueryBoundary>
      <Suspense fallback={<BlockSkeleton rows={3} />}>
        <UrbanVillagesCard />
      </Suspense>
    </div>
  );
}

function StaffingBody({ rows, floor }: { rows: StaffingRowView[]; floor: number }) {
  const { t } = useI18n();
  if (rows.length === 0)
    return (
      <Card>
        <EmptyHint text={t('staffing.empty')} />
      </Card>
    );
  const ok = rows.filter((r) => r.meetsStandard).length;
  const shortfall = rows.reduce((s, r) => s + r.shortfall, 0);
  const residents = rows.reduce((s, r) => s + r.permanentResidents, 0);
  const workers = rows.reduce((s, r) => s + r.communityWorkers, 0);
  const multiSubdistrict = new Set(rows.map((r) => r.subdistrictName)).size > 1;

  const columns: TableColumnsType<StaffingRowView> = [
    ...(multiSubdistrict
      ? [
          {
            title: t('staffing.subdistrict'),
            dataIndex: 'subdistrictName',
            width: 120,
            fixed: 'left' as const,
          },
        ]
      : []),
    {
      title: t('staffing.community'),
      dataIndex: 'communityName',
      width: 130,
      fixed: 'left',
      render: (name: string, r) => <Link to={`/org/${r.communityId}`}>{name}</Link>,
    },
    {
      title: t('staffing.permanent'),
      dataIndex: 'permanentResidents',
      align: 'right',
      sorter: (a, b) => a.permanentResidents - b.permanentResidents,
      render: (n: number) => formatNumber(n),
    },
    {
      title: t('staffing.workers'),
      dataIndex: 'communityWorkers',
      align: 'right',
      sorter: (a, b) => a.communityWorkers - b.communityWorkers,
      render: (n: number, r) => <span title={t('staffing.gridWorkersNote', { n: r.gridWorkers })}>{n}</span>,
    },
    {
      title: t('staffing.socialWorkerQualified'),
      dataIndex: 'socialWorkerQualified',
      align: 'right',
      sorter: (a, b) => a.socialWorkerQualified - b.socialWorkerQualified,
    },
    {
      title: t('staffing.assistantSocialWorkerQualified'),
      dataIndex: 'assistantSocialWorkerQualified',
      align: 'right',
      sorter: (a, b) => a.assistantSocialWorkerQualified - b.assistantSocialWorkerQualified,
    },
    {
      title: t('staffing.per10k'),
      dataIndex: 'workersPer10k',
      align: 'right',
      sorter: (a, b) => a.workersPer10k - b.workersPer10k,
      render: (n: number, r) => (
        <Tag
          color={r.meetsStandard ? 'green' : 'red'}
          style={{ marginInlineEnd: 0 }}
          data-testid="staffing-per10k"
        >
          {formatNumber(n, 1)} ·{' '}
          {r.meetsStandard
            ? t('staffing.meets')
            : r.withinCeiling
              ? t('staffing.below')
              : t('staffing.above')}
        </Tag>
      ),
    },
    { title: t('staffing.required'), dataIndex: 'required', align: 'right' },
    {
      title: t('staffing.shortfall'),
      dataIndex: 'shortfall',
      align: 'right',
      sorter: (a, b) => a.shortfall - b.shortfall,
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    { title: t('staffing.ceiling'), dataIndex: 'maxAllowed', align: 'right' },
    {
      title: t('staffing.excess'),
      dataIndex: 'excess',
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : n),
    },
    { title: t('staffing.grids'), dataIndex: 'grids', align: 'right' },
    {
      title: t('staffing.gridsWithout'),
      dataIndex: 'gridsWithoutWorker',
      align: 'right',
      render: (n: number) => (n > 0 ? <Typography.Text type="warning">{n}</Typography.Text> : n),
    },
    {
      title: t('staffing.openGrids'),
      dataIndex: 'openGrids',
      width: 220,
      render: (names: string[]) => names.join('、') || '—',
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('staffing.community')} value={rows.length} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('staffing.permanent')} value={residents} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('staffing.workers')} value={workers} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic
            title={t('staffing.shortfall')}
            value={shortfall}
            styles={{ content: { color: shortfall > 0 ? '#cf1322' : '#389e0d' } }}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card
          title={t('staffing.chartTitle')}
          extra={
            <Typography.Text type="secondary">
              {t('staffing.summary', { n: rows.length, ok, bad: rows.length - ok, short: shortfall })}
            </Typography.Text>
          }
        >
          <Suspense fallback={<BlockSkeleton rows={6} />}>
            <StaffingChart
              rows={rows}
              floor={floor}
              floorLabel={t('staffing.floor', { floor })}
              seriesName={t('staffing.per10k')}
            />
          </Suspense>
        </Card>
      </Col>
      <Col span={24}>
        <Card styles={{ body: { padding: 0 } }}>
          <Table<StaffingRowView>
            rowKey="communityId"
            size="middle"
            columns={columns}
            dataSource={rows}
            pagination={rows.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 'max-content' }}
            className="linli-nowrap-head"
            data-testid="staffing-table"
            onRow={() => ({ 'data-testid': 'staffing-row' }) as HTMLAttributes<HTMLElement>}
          />
        </Card>
      </Col>
    </Row>
  );
}
