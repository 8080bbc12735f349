import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Row, Select, Statistic, Tag } from 'antd';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo, useState } from 'react';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryBoundary } from '../../app/components/Status';
import { type MessageKey, useI18n } from '../../app/i18n';
import { useEChart } from '../../app/useEChart';
import { merchantsApi, merchantsKeys, type Report } from './api';
import { SmallTable } from '../../app/components/SmallTable';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  CanvasRenderer,
]);

function Chart({ option, height = 300 }: { option: echarts.EChartsCoreOption; height?: number }) {
  const el = useEChart(option);
  return <div ref={el} style={{ width: '100%', height }} />;
}

/** R-VP-1 measures: new points per year against the target, points redeemed per point and month, top items. */
export default function ReportPage() {
  const { t } = useI18n();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const report = useQuery({ queryKey: merchantsKeys.report(year), queryFn: () => merchantsApi.report(year) });
  return (
    <>
      <PageHeader
        title={t('merchants.report.title')}
        extra={
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={[0, 1, 2, 3, 4].map((i) => ({ value: thisYear - i, label: String(thisYear - i) }))}
            data-testid="report-year"
          />
        }
      />
      <QueryBoundary query={report}>{(r) => <ReportBody r={r} />}</QueryBoundary>
    </>
  );
}

/** The four figures over the report, in their order: the total they show and its label. */
const TOTALS: [keyof Report['totals'], MessageKey][] = [
  ['points', 'merchants.report.totalPoints'],
  ['redemptions', 'merchants.report.totalRedemptions'],
  ['settledPoints', 'merchants.report.settledPoints'],
  ['activePoints', 'merchants.report.activePoints'],
];

function ReportBody({ r }: { r: Report }) {
  const { t } = useI18n();
  const newOption = useMemo<echarts.EChartsCoreOption>(() => {
    const years = r.newPoints[0]?.byYear.map((y) => String(y.year)) ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: years },
      yAxis: { type: 'value', minInterval: 1 },
      series: r.newPoints.map((s, i) => ({
        name: s.subdistrictName,
        type: 'bar',
        data: s.byYear.map((y) => y.count),
        ...(i === 0
          ? {
              markLine: {
                symbol: 'none',
                lineStyle: { color: '#cf1322', type: 'dashed' },
                label: { formatter: `${r.target}` },
                data: [{ yAxis: r.target }],
              },
            }
          : {}),
      })),
    };
  }, [r]);
  const monthOption = useMemo<echarts.EChartsCoreOption>(() => {
    const months = Array.from({ length: 12 }, (_, i) => `${r.year}-${String(i + 1).padStart(2, '0')}`);
    const byPoint = new Map<string, Map<string, number>>();
    for (const row of r.byPointMonth) {
      const m = byPoint.get(row.pointName) ?? new Map<string, number>();
      m.set(row.month, row.points);
      byPoint.set(row.pointName, m);
    }
    return {
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: months.map((m) => m.slice(5)) },
      yAxis: { type: 'value' },
      series: [...byPoint].map(([name, m]) => ({
        name,
        type: 'bar',
        stack: 'points',
        data: months.map((mm) => m.get(mm) ?? 0),
      })),
    };
  }, [r]);

  return (
    <Row gutter={[16, 16]}>
      {TOTALS.map(([key, label]) => (
        <Col key={key} xs={12} md={6}>
          <Card size="small">
            <Statistic title={t(label)} value={r.totals[key]} />
          </Card>
        </Col>
      ))}
      <Col xs={24} lg={12}>
        <Card size="small" title={t('merchants.report.newPoints', { target: r.target })}>
          <SmallTable
            rowKey="subdistrictId"
            dataSource={r.newPoints}
            data-testid="report-new-points"
            columns={[
              { title: t('merchants.report.subdistrict'), dataIndex: 'subdistrictName' },
              {
                title: t('merchants.report.thisYear', { year: r.year }),
                dataIndex: 'count',
                align: 'right',
                width: 110,
              },
              {
                key: 'met',
                width: 90,
                render: (_: unknown, s: Report['newPoints'][number]) =>
                  !s.wholeSubdistrict ? (
                    <Tag>{t('merchants.report.partial')}</Tag>
                  ) : s.met ? (
                    <Tag color="green">{t('merchants.report.met')}</Tag>
                  ) : (
                    <Tag color="red">{t('merchants.report.notMet')}</Tag>
                  ),
              },
            ]}
          />
          {r.newPoints.length ? <Chart option={newOption} height={240} /> : null}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('merchants.report.topItems')}>
          <SmallTable
            rowKey="itemName"
            dataSource={r.topItems}
            locale={{ emptyText: t('merchants.report.empty') }}
            columns={[
              { title: t('merchants.item.name'), dataIndex: 'itemName' },
              { title: t('merchants.report.quantity'), dataIndex: 'quantity', align: 'right', width: 90 },
              { title: t('merchants.redemption.points'), dataIndex: 'points', align: 'right', width: 90 },
            ]}
          />
        </Card>
      </Col>
      <Col span={24}>
        <Card size="small" title={t('merchants.report.byMonth')}>
          {r.byPointMonth.length ? (
            <Chart option={monthOption} height={340} />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('merchants.report.empty')} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
