import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { App, Button, Card, Col, DatePicker, Flex, Row, Statistic, Tag } from 'antd';
import type { StatisticProps, TableProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useEChart } from '../../app/useEChart';
import { Link } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorResult } from '../../app/components/Status';
import { useShowError } from '../../app/errors';
import { type MessageKey, type TFunction, useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { type DutyReport, type Report, type ServerRow, svcApi, svcKeys } from './api';
import { STATUS_COLORS } from './meta';
import { SmallTable } from '../../app/components/SmallTable';
import { DownloadButton } from '../../app/components/DownloadButton';
import { TotalRow } from '../../app/components/TotalRow';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** Service hours (one decimal) from the row's `minutes`. */
const hoursColumn = (t: TFunction) => ({
  title: t('services.reports.hours'),
  dataIndex: 'minutes',
  render: (v: number) => Math.round((v / 60) * 10) / 10,
});

/** The row's average rating (two decimals, — when there is none). */
const ratingColumn = (t: TFunction) => ({
  title: t('services.reports.avgRating'),
  dataIndex: 'averageRating',
  render: (v: number | null) => v?.toFixed(2) ?? '—',
});

/** One figure of the report, in a quarter-width card. */
function StatCard(props: StatisticProps) {
  return (
    <Col xs={12} md={6}>
      <Card size="small">
        <Statistic {...props} />
      </Card>
    </Col>
  );
}

/** One table of the report in a card, on `lg` of the row's 24 columns on wide screens (all when left out). */
function TableCard<R extends object>({
  title,
  lg,
  ...table
}: { title: string; lg?: number } & Omit<TableProps<R>, 'title'>) {
  return (
    <Col xs={24} lg={lg}>
      <Card size="small" title={title}>
        <SmallTable<R> {...table} />
      </Card>
    </Col>
  );
}

function StatusChart({ rows, label }: { rows: Report['byStatus']; label: (s: string) => string }) {
  const option = useMemo(() => {
    const colors: Record<string, string> = {
      gold: '#d4b106',
      orange: '#fa8c16',
      blue: '#1677ff',
      processing: '#1677ff',
      purple: '#722ed1',
      green: '#389e0d',
      default: '#8c8c8c',
    };
    return {
      animation: false,
      grid: { left: 90, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((r) => label(r.status)), inverse: true },
      series: [
        {
          type: 'bar',
          barMaxWidth: 22,
          label: { show: true, position: 'right' },
          data: rows.map((r) => ({
            value: r.count,
            itemStyle: { color: colors[STATUS_COLORS[r.status as 'ordered'] ?? 'default'] },
          })),
        },
      ],
    };
  }, [rows, label]);
  const el = useEChart(option);
  return <div ref={el} style={{ height: Math.max(160, rows.length * 34) }} />;
}

const ORDER = [
  'ordered',
  'dispatched',
  'accepted',
  'in_service',
  'served',
  'confirmed',
  'closed',
  'cancelled',
];

/** Orders by status and community, top services, ratings and the servers' yearly records. */
export default function ReportsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const [communityId, setCommunityId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs] | null>(null);
  const q = {
    communityId,
    from: range?.[0].startOf('day').toISOString(),
    to: range?.[1].add(1, 'day').startOf('day').toISOString(),
  };
  const report = useQuery({ queryKey: svcKeys.report(q), queryFn: () => svcApi.report(q) });
  const servers = useQuery({ queryKey: svcKeys.servers(q), queryFn: () => svcApi.servers(q) });
  const duty = useQuery({ queryKey: svcKeys.dutyReport(q), queryFn: () => svcApi.dutyReport(q) });
  const statusLabel = (s: string) => t(`services.status.${s}` as MessageKey);
  const year = (range?.[1] ?? dayjs()).year();
  const r = report.data;
  return (
    <>
      <PageHeader
        title={t('services.reports.title')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            onClick={() =>
              svcApi
                .reportXlsx(q)
                .then((name) => message.success(name))
                .catch(showError)
            }
          >
            {t('services.reports.export')}
          </Button>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={12} wrap>
          <OrgUnitSelect
            value={communityId ?? null}
            onChange={(v) => setCommunityId(v)}
            selectableKinds={['community']}
            searchKind="community"
            allowClear
            placeholder={t('services.orders.pickCommunity')}
            style={{ minWidth: 220 }}
          />
          <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as [Dayjs, Dayjs] | null)} />
        </Flex>
      </Card>
      {report.isError ? <ErrorResult error={report.error} onRetry={() => report.refetch()} /> : null}
      <Row gutter={[12, 12]}>
        <StatCard title={t('services.reports.total')} value={r?.total ?? 0} loading={report.isPending} />
        <StatCard
          title={t('services.reports.confirmed')}
          value={
            r?.byStatus
              .filter((s) => s.status === 'confirmed' || s.status === 'closed')
              .reduce((a, s) => a + s.count, 0) ?? 0
          }
          loading={report.isPending}
        />
        <StatCard
          title={t('services.reports.hours')}
          value={Math.round(((r?.servedMinutes ?? 0) / 60) * 10) / 10}
          loading={report.isPending}
        />
        <StatCard
          title={t('services.reports.avgRating')}
          value={r?.averageRating ?? '—'}
          precision={r?.averageRating ? 2 : undefined}
          suffix={r?.averageRating ? '/ 5' : undefined}
          loading={report.isPending}
        />
        <Col xs={24} lg={10}>
          <Card size="small" title={t('services.reports.byStatus')}>
            {r ? (
              <StatusChart
                rows={[...r.byStatus].sort((a, b) => ORDER.indexOf(a.status) - ORDER.indexOf(b.status))}
                label={statusLabel}
              />
            ) : null}
          </Card>
        </Col>
        <TableCard
          lg={14}
          title={t('services.reports.top')}
          rowKey="title"
          dataSource={r?.topServices}
          columns={[
            { title: t('services.field.title'), dataIndex: 'title' },
            { title: t('services.reports.total'), dataIndex: 'orders', width: 90 },
            { ...ratingColumn(t), width: 100 },
          ]}
        />
        <TableCard
          title={t('services.reports.byCommunity')}
          rowKey="communityId"
          dataSource={r?.byCommunity}
          columns={[
            { title: t('services.field.community'), dataIndex: 'communityName' },
            { title: t('services.reports.total'), dataIndex: 'orders' },
            { title: t('services.reports.confirmed'), dataIndex: 'confirmed' },
            hoursColumn(t),
            ratingColumn(t),
          ]}
        />
        <TableCard<ServerRow>
          title={t('services.reports.servers')}
          rowKey="volunteerId"
          loading={servers.isPending}
          dataSource={servers.data}
          pagination={{ pageSize: 10, showSizeChanger: false }}
          columns={[
            {
              title: t('services.record.name'),
              dataIndex: 'name',
              render: (v: string, s) => (
                <>
                  {v} {s.kind === 'party_member' ? <Tag color="red">在职党员</Tag> : null}
                </>
              ),
            },
            { title: t('services.field.community'), dataIndex: 'communityName' },
            { title: t('services.record.orders'), dataIndex: 'orders' },
            hoursColumn(t),
            ratingColumn(t),
            {
              title: '',
              key: 'rec',
              render: (_: unknown, s) => (
                <Link to={`/services/record/${s.volunteerId}?year=${year}`}>
                  {t('services.reports.record')}
                </Link>
              ),
            },
          ]}
        />
        <DutyCard report={duty.data} loading={duty.isPending} download={() => svcApi.dutyReportXlsx(q)} />
      </Row>
    </>
  );
}

type DutyRow = DutyReport['stations'][number];

/**
 * The neighbour stations' duty in the period, by station: slots and visitors, and of them the liaison duty
 * of 两代表一委员 (seed 003 三(三)1): their slots, the visitors they received and the matters they logged.
 */
function DutyCard({
  report,
  loading,
  download,
}: {
  report: DutyReport | undefined;
  loading: boolean;
  download: () => Promise<unknown>;
}) {
  const { t } = useI18n();
  const total = report?.total;
  return (
    <Col xs={24}>
      <Card
        size="small"
        title={t('services.reports.duty')}
        extra={
          <DownloadButton size="small" download={download}>
            {t('services.reports.export')}
          </DownloadButton>
        }
      >
        <SmallTable<DutyRow>
          rowKey="stationId"
          loading={loading}
          dataSource={report?.stations}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: t('services.field.community'), dataIndex: 'communityName' },
            { title: t('services.field.station'), dataIndex: 'stationName' },
            { title: t('services.reports.dutySlots'), dataIndex: 'slots', align: 'right' },
            { title: t('services.field.visitors'), dataIndex: 'visitors', align: 'right' },
            { title: t('services.reports.deputySlots'), dataIndex: 'deputySlots', align: 'right' },
            { title: t('services.reports.deputyVisitors'), dataIndex: 'deputyVisitors', align: 'right' },
            { title: t('services.reports.deputyLogs'), dataIndex: 'deputyLogs', align: 'right' },
          ]}
          summary={() =>
            total && (report?.stations.length ?? 0) > 1 ? (
              <TotalRow
                label={t('services.reports.dutyTotal')}
                cells={[
                  ['station', ''],
                  ['slots', total.slots],
                  ['visitors', total.visitors],
                  ['deputySlots', total.deputySlots],
                  ['deputyVisitors', total.deputyVisitors],
                  ['deputyLogs', total.deputyLogs],
                ]}
              />
            ) : null
          }
        />
      </Card>
    </Col>
  );
}
