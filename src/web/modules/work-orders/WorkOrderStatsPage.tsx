import { useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  List,
  Progress,
  Row,
  Segmented,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type HTMLAttributes, lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type {
  HeatmapDto,
  HotspotsDto,
  LevelsReportDto,
  RatesReportDto,
  StatsRowDto,
  TopCategoriesDto,
} from '../../../shared/contracts/workOrderStats';
import type { Wire } from '../../../shared/contracts/wire';
import { useNavigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { api } from '../../app/api';
import { ExportButton } from '../../app/components/ExportButton';
import { PageHeader } from '../../app/components/PageHeader';
import { TotalRow } from '../../app/components/TotalRow';
import { BlockSkeleton, EmptyHint, QueryBoundary } from '../../app/components/Status';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';

type Rates = Wire<RatesReportDto>;
type StatsRow = Wire<StatsRowDto>;
type Levels = Wire<LevelsReportDto>;
type TopCategories = Wire<TopCategoriesDto>;
type Hotspots = Wire<HotspotsDto>;
type Heatmap = Wire<HeatmapDto>;
type GroupBy = 'community' | 'grid';

const Charts = {
  Composite: lazy(() => import('./WorkOrderStatsCharts').then((m) => ({ default: m.CompositeChart }))),
  Levels: lazy(() => import('./WorkOrderStatsCharts').then((m) => ({ default: m.LevelsPie }))),
};
const StatsHeatMap = lazy(() => import('./StatsHeatMap'));

/** A fraction 0…1 as a percentage, "—" when there is nothing to divide by. */
const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${formatNumber(v * 100, 1)}%`;
const byRate = (k: keyof StatsRow['rates']) => (a: StatsRow, b: StatsRow) =>
  (a.rates[k] ?? -1) - (b.rates[k] ?? -1);
/** A right-aligned, sortable column of one of a row's rates, as a percentage. */
const rateColumn = (
  title: string,
  key: string,
  rate: keyof StatsRow['rates'],
): TableColumnsType<StatsRow>[number] => ({
  title,
  key,
  align: 'right',
  sorter: byRate(rate),
  render: (_, r) => pct(r.rates[rate]),
});

export default function WorkOrderStatsPage() {
  const { t } = useI18n();
  const [orgUnitId, setOrgUnitId] = useState<string | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs()]);
  const [groupBy, setGroupBy] = useState<GroupBy>('community');

  const period = {
    orgUnitId,
    from: range[0].format('YYYY-MM-DD'),
    to: range[1].format('YYYY-MM-DD'),
  };
  const grouped = { ...period, groupBy };
  const rates = useQuery({
    queryKey: ['work-orders', 'stats', 'rates', grouped],
    queryFn: () => api.get<Rates>('/api/work-orders/stats/rates', grouped),
  });
  const levels = useQuery({
    queryKey: ['work-orders', 'stats', 'levels', grouped],
    queryFn: () => api.get<Levels>('/api/work-orders/stats/levels', grouped),
  });
  const top = useQuery({
    queryKey: ['work-orders', 'stats', 'top', period],
    queryFn: () => api.get<TopCategories>('/api/work-orders/stats/top-categories', { ...period, limit: 10 }),
  });
  const heat = useQuery({
    queryKey: ['work-orders', 'stats', 'heatmap', period],
    queryFn: () => api.get<Heatmap>('/api/work-orders/stats/heatmap', period),
  });
  const hot = useQuery({
    queryKey: ['work-orders', 'stats', 'hotspots', orgUnitId, groupBy],
    queryFn: () => api.get<Hotspots>('/api/work-orders/stats/hotspots', { orgUnitId, groupBy }),
  });

  const today = dayjs();
  return (
    <div data-testid="wo-stats">
      <PageHeader
        title={t('wostats.title')}
        subtitle={
          rates.data
            ? t('wostats.subtitle', { unit: rates.data.unit.name, from: rates.data.from, to: rates.data.to })
            : undefined
        }
        extra={
          <ExportButton
            download={() => api.download('/api/work-orders/stats/rates.xlsx', grouped, 'rates.xlsx')}
            label={t('wostats.export')}
            data-testid="wo-stats-export"
          />
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <OrgUnitSelect
            value={orgUnitId}
            onChange={(v) => setOrgUnitId(v)}
            allowClear
            placeholder={t('wostats.unitPlaceholder')}
            style={{ width: 260 }}
            data-testid="wo-stats-unit"
          />
          <DatePicker.RangePicker
            value={range}
            allowClear={false}
            disabledDate={(d) => d.isAfter(today, 'day')}
            presets={[
              { label: t('wostats.thisYear'), value: [today.startOf('year'), today] },
              {
                label: t('wostats.thisQuarter'),
                value: [today.startOf('month').subtract(today.month() % 3, 'month'), today],
              },
              { label: t('wostats.thisMonth'), value: [today.startOf('month'), today] },
              {
                label: t('wostats.lastMonth'),
                value: [
                  today.subtract(1, 'month').startOf('month'),
                  today.subtract(1, 'month').endOf('month'),
                ],
              },
              {
                label: t('wostats.lastYear'),
                value: [today.subtract(1, 'year').startOf('year'), today.subtract(1, 'year').endOf('year')],
              },
            ]}
            onChange={(v) => {
              if (v?.[0] && v[1]) setRange([v[0], v[1]]);
            }}
            data-testid="wo-stats-period"
          />
          <Segmented<GroupBy>
            value={groupBy}
            onChange={setGroupBy}
            options={[
              { value: 'community', label: t('wostats.byCommunity') },
              { value: 'grid', label: t('wostats.byGrid') },
            ]}
          />
        </Flex>
      </Card>

      <QueryBoundary query={rates} skeletonRows={10}>
        {(data) => <RatesBody data={data} />}
      </QueryBoundary>

      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={10}>
          <Card title={t('wostats.levels')} data-testid="wo-stats-levels" style={{ height: '100%' }}>
            <QueryBoundary query={levels} skeletonRows={6}>
              {(data) => <LevelsBody data={data} />}
            </QueryBoundary>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('wostats.heatmap')} style={{ height: '100%' }}>
            <QueryBoundary query={heat} skeletonRows={8}>
              {(data) => <HeatBody data={data} />}
            </QueryBoundary>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('wostats.topCategories')} style={{ height: '100%' }}>
            <QueryBoundary query={top} skeletonRows={8}>
              {(data) => <TopBody data={data} />}
            </QueryBoundary>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={t('wostats.hotspots')}
            extra={
              hot.data ? (
                <Typography.Text type="secondary">{`${hot.data.week} · ${hot.data.from} ~ ${hot.data.to}`}</Typography.Text>
              ) : null
            }
            style={{ height: '100%' }}
          >
            <QueryBoundary query={hot} skeletonRows={6}>
              {(data) => <HotspotsBody data={data} />}
            </QueryBoundary>
          </Card>
        </Col>
      </Row>
    </div>
  );
}

function RatesBody({ data }: { data: Rates }) {
  const { t } = useI18n();
  const rowName = (r: StatsRow) => (r.own ? t('wostats.own', { name: r.unitName }) : r.unitName);
  const chartItems = useMemo(
    () =>
      data.rows.map((r) => ({
        name: r.own ? t('wostats.own', { name: r.unitName }) : r.unitName,
        value: r.rates.composite,
      })),
    [data.rows, t],
  );
  const columns: TableColumnsType<StatsRow> = [
    { title: t('wostats.unit'), key: 'unit', fixed: 'left', width: 150, render: (_, r) => rowName(r) },
    {
      title: t('wostats.received'),
      key: 'received',
      align: 'right',
      sorter: (a, b) => a.counters.received - b.counters.received,
      render: (_, r) => formatNumber(r.counters.received),
    },
    {
      title: t('wostats.valid'),
      key: 'valid',
      align: 'right',
      render: (_, r) => formatNumber(r.counters.valid),
    },
    rateColumn(t('wostats.response'), 'response', 'response'),
    rateColumn(t('wostats.resolution'), 'resolution', 'resolution'),
    rateColumn(t('wostats.satisfaction'), 'satisfaction', 'satisfaction'),
    {
      title: t('wostats.composite'),
      key: 'composite',
      align: 'right',
      sorter: byRate('composite'),
      defaultSortOrder: 'descend',
      render: (_, r) => <Typography.Text strong>{pct(r.rates.composite)}</Typography.Text>,
    },
    rateColumn(t('wostats.onTimeAcceptance'), 'ota', 'onTimeAcceptance'),
    rateColumn(t('wostats.onTimeCompletion'), 'otc', 'onTimeCompletion'),
    {
      title: t('wostats.overdue'),
      key: 'overdue',
      align: 'right',
      render: (_, r) =>
        r.counters.overdue > 0 ? <Typography.Text type="danger">{r.counters.overdue}</Typography.Text> : 0,
    },
  ];
  const total = data.total;
  const w = data.weights;
  return (
    <Row gutter={[16, 16]}>
      {(
        [
          ['response', total.rates.response],
          ['resolution', total.rates.resolution],
          ['satisfaction', total.rates.satisfaction],
          ['composite', total.rates.composite],
        ] as const
      ).map(([k, v]) => (
        <Col xs={12} md={6} key={k}>
          <Card size="small">
            <Statistic title={t(`wostats.${k}`)} value={pct(v)} />
          </Card>
        </Col>
      ))}
      <Col span={24}>
        <Card
          title={t('wostats.compositeChart')}
          extra={
            <Typography.Text type="secondary">
              {t('wostats.weights', { r: w.responseWeight, s: w.resolutionWeight, f: w.satisfactionWeight })}
            </Typography.Text>
          }
        >
          {data.rows.length === 0 ? (
            <EmptyHint text={t('wostats.empty')} />
          ) : (
            <Suspense fallback={<BlockSkeleton rows={6} />}>
              <Charts.Composite items={chartItems} seriesName={t('wostats.composite')} />
            </Suspense>
          )}
        </Card>
      </Col>
      <Col span={24}>
        <Card styles={{ body: { padding: 0 } }}>
          <Table<StatsRow>
            rowKey={(r) => `${r.unitId}${r.own ? ':own' : ''}`}
            size="middle"
            columns={columns}
            dataSource={data.rows}
            pagination={data.rows.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <EmptyHint text={t('wostats.empty')} /> }}
            data-testid="wo-stats-rates"
            onRow={() => ({ 'data-testid': 'wo-stats-row' }) as HTMLAttributes<HTMLElement>}
            summary={() =>
              data.rows.length > 0 ? (
                <TotalRow
                  label={t('wostats.total')}
                  cells={[
                    ['received', formatNumber(total.counters.received)],
                    ['valid', formatNumber(total.counters.valid)],
                    ['response', pct(total.rates.response)],
                    ['resolution', pct(total.rates.resolution)],
                    ['satisfaction', pct(total.rates.satisfaction)],
                    ['composite', pct(total.rates.composite)],
                    ['onTimeAcceptance', pct(total.rates.onTimeAcceptance)],
                    ['onTimeCompletion', pct(total.rates.onTimeCompletion)],
                    ['overdue', total.counters.overdue],
                  ]}
                />
              ) : null
            }
          />
        </Card>
      </Col>
    </Row>
  );
}

function LevelsBody({ data }: { data: Levels }) {
  const { t } = useI18n();
  const x = data.total;
  const items = useMemo(
    () => [
      { name: t('wostats.level.grid'), value: x.grid },
      { name: t('wostats.level.community'), value: x.community },
      { name: t('wostats.level.subdistrict'), value: x.subdistrict },
      { name: t('wostats.level.above'), value: x.above },
    ],
    [x, t],
  );
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('wostats.motto')}
      </Typography.Paragraph>
      {x.closed === 0 ? (
        <EmptyHint text={t('wostats.empty')} />
      ) : (
        <>
          <Flex gap={24} wrap>
            <Statistic title={t('wostats.gridShare')} value={pct(x.gridShare)} />
            <Statistic title={t('wostats.withinCommunityShare')} value={pct(x.withinCommunityShare)} />
            <Statistic title={t('wostats.closedWithLevel')} value={x.closed} />
          </Flex>
          <Suspense fallback={<BlockSkeleton rows={5} />}>
            <Charts.Levels items={items} />
          </Suspense>
        </>
      )}
    </div>
  );
}

function HeatBody({ data }: { data: Heatmap }) {
  const { t } = useI18n();
  const label = useCallback((n: number) => t('wostats.cellCount', { n }), [t]);
  if (data.cells.length === 0) return <EmptyHint text={t('wostats.noLocations')} />;
  return (
    <div>
      <Typography.Text type="secondary">
        {t('wostats.heatmapHint', { total: data.total, cells: data.cells.length })}
        {data.truncated ? ` ${t('wostats.truncated')}` : ''}
      </Typography.Text>
      <Suspense fallback={<BlockSkeleton rows={8} />}>
        <div style={{ marginTop: 8 }}>
          <StatsHeatMap data={data} label={label} />
        </div>
      </Suspense>
    </div>
  );
}

function TopBody({ data }: { data: TopCategories }) {
  const { t } = useI18n();
  if (data.rows.length === 0) return <EmptyHint text={t('wostats.empty')} />;
  const max = Math.max(1, ...data.rows.map((r) => r.received));
  return (
    <List
      size="small"
      dataSource={data.rows}
      data-testid="wo-stats-top"
      renderItem={(r, i) => (
        <List.Item>
          <Flex vertical style={{ width: '100%' }} gap={2}>
            <Flex justify="space-between">
              <span>
                <Tag color={i < 3 ? 'volcano' : undefined}>{i + 1}</Tag>
                {r.categoryName}
              </span>
              <Typography.Text type="secondary">
                {t('wostats.topLine', { n: r.received, share: pct(r.share), res: pct(r.resolution) })}
              </Typography.Text>
            </Flex>
            <Progress percent={(r.received / max) * 100} showInfo={false} size="small" />
          </Flex>
        </List.Item>
      )}
    />
  );
}

function HotspotsBody({ data }: { data: Hotspots }) {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  // A recurring category in a community becomes a deliberation topic in one action (the topics page opens
  // its form with these filled in; the orders of the period become the topic's evidence).
  const toTopic = (r: Hotspots['rows'][number]) =>
    navigate(
      `/topics?${new URLSearchParams({
        fromCategory: r.categoryCode,
        categoryName: r.categoryName,
        communityId: r.unitId,
        communityName: r.unitName,
        from: dayjs(data.to).subtract(29, 'day').format('YYYY-MM-DD'),
        to: data.to,
      })}`,
    );
  const canTopic = data.groupBy === 'community' && can('participation.propose');
  const rows = data.rows.filter((r) => r.highFrequency);
  const columns: TableColumnsType<Hotspots['rows'][number]> = [
    { title: t('wostats.unit'), dataIndex: 'unitName' },
    { title: t('wostats.category'), dataIndex: 'categoryName' },
    { title: t('wostats.thisWeek'), dataIndex: 'count', align: 'right' },
    {
      title: t('wostats.prevAverage'),
      dataIndex: 'previousAverage',
      align: 'right',
      render: (n: number) => formatNumber(n, 1),
    },
    {
      title: '',
      key: 'rising',
      render: (_, r) => (r.rising ? <Tag color="red">{t('wostats.rising')}</Tag> : null),
    },
    ...(canTopic
      ? [
          {
            title: '',
            key: 'topic',
            width: 110,
            render: (_: unknown, r: Hotspots['rows'][number]) => (
              <Button size="small" onClick={() => toTopic(r)}>
                {t('wostats.toTopic')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <div>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('wostats.hotspotsHint', { min: data.minCount })}
      </Typography.Paragraph>
      <Table
        rowKey={(r) => `${r.unitId}:${r.categoryCode}`}
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: <EmptyHint text={t('wostats.noHotspots')} /> }}
        data-testid="wo-stats-hotspots"
      />
    </div>
  );
}
