import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Flex, Table, type TableColumnsType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useMemo, useState } from 'react';
import { DownloadButton } from '../../app/components/DownloadButton';
import { PageHeader } from '../../app/components/PageHeader';
import { TotalRow } from '../../app/components/TotalRow';
import { EmptyHint, ErrorResult } from '../../app/components/Status';
import { formatNumber } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { useEChart } from '../../app/useEChart';
import { OrgUnitSelect } from '../org/api';
import { hours, ledgerApi, ledgerKeys, type Report } from './api';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

type Row = Report['rows'][number];

function PointsChart({ rows, labels }: { rows: Row[]; labels: [string, string, string] }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 64 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.communityName),
        axisLabel: { rotate: rows.length > 6 ? 30 : 0, interval: 0 },
      },
      yAxis: [{ type: 'value' }, { type: 'value', splitLine: { show: false } }],
      series: [
        {
          name: labels[0],
          type: 'bar',
          data: rows.map((r) => r.pointsIssued),
          itemStyle: { color: '#1d5fbf' },
        },
        {
          name: labels[1],
          type: 'bar',
          data: rows.map((r) => r.pointsRedeemed),
          itemStyle: { color: '#fa8c16' },
        },
        {
          name: labels[2],
          type: 'bar',
          barMaxWidth: 48,
          yAxisIndex: 1,
          data: rows.map((r) => hours(r.minutesDeposited)),
          itemStyle: { color: '#389e0d' },
        },
      ],
    }),
    [rows, labels],
  );
  const el = useEChart(option);
  return <div ref={el} style={{ height: 320, width: '100%' }} />;
}

/** Points issued / redeemed and hours deposited by community and period, with export. */
export default function ReportPage() {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    // Today in China (UTC+8), whatever the browser's time zone.
    const today = dayjs(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    return [today.startOf('year'), today];
  });
  const [unitId, setUnitId] = useState<string>();
  const from = range[0].format('YYYY-MM-DD');
  const to = range[1].format('YYYY-MM-DD');
  const q = useQuery({
    queryKey: ledgerKeys.report(from, to, unitId),
    queryFn: () => ledgerApi.report(from, to, unitId),
  });
  const n = (v: number) => formatNumber(v);
  const h = (v: number) => formatNumber(hours(v), 1);
  const columns: TableColumnsType<Row> = [
    { title: t('ledger.field.community'), dataIndex: 'communityName', fixed: 'left', width: 140 },
    { title: t('ledger.report.issued'), dataIndex: 'pointsIssued', align: 'right', render: n },
    { title: t('ledger.report.redeemed'), dataIndex: 'pointsRedeemed', align: 'right', render: n },
    { title: t('ledger.report.pointsBalance'), dataIndex: 'pointsBalance', align: 'right', render: n },
    { title: t('ledger.report.deposited'), dataIndex: 'minutesDeposited', align: 'right', render: h },
    { title: t('ledger.report.withdrawn'), dataIndex: 'minutesWithdrawn', align: 'right', render: h },
    { title: t('ledger.report.donated'), dataIndex: 'minutesDonated', align: 'right', render: h },
    { title: t('ledger.report.minutesBalance'), dataIndex: 'minutesBalance', align: 'right', render: h },
    { title: t('ledger.report.pool'), dataIndex: 'poolBalance', align: 'right', render: h },
    { title: t('ledger.report.volunteers'), dataIndex: 'volunteers', align: 'right' },
  ];
  const labels = useMemo(
    () =>
      [t('ledger.report.issued'), t('ledger.report.redeemed'), t('ledger.report.deposited')] as [
        string,
        string,
        string,
      ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('ledger.report.title')}
        subtitle={t('ledger.report.subtitle')}
        extra={
          <DownloadButton download={() => ledgerApi.exportReport(from, to, unitId)}>
            {t('ledger.report.export')}
          </DownloadButton>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <DatePicker.RangePicker
          allowClear={false}
          value={range}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
        />
        <OrgUnitSelect allowClear style={{ width: 240 }} value={unitId} onChange={(v) => setUnitId(v)} />
      </Flex>
      {q.isError ? (
        <ErrorResult error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <>
          {q.data && q.data.rows.length > 0 ? (
            <Card size="small" style={{ marginBottom: 16 }}>
              <PointsChart rows={q.data.rows} labels={labels} />
            </Card>
          ) : null}
          <Table<Row>
            rowKey="communityId"
            size="middle"
            scroll={{ x: 'max-content' }}
            columns={columns}
            dataSource={q.data?.rows ?? []}
            loading={q.isFetching}
            pagination={false}
            locale={{ emptyText: q.isPending ? ' ' : <EmptyHint text={t('ledger.report.empty')} /> }}
            summary={() =>
              q.data && q.data.rows.length > 0 ? (
                <TotalRow
                  label={t('ledger.report.total')}
                  cells={[
                    ['pointsIssued', n(q.data.total.pointsIssued)],
                    ['pointsRedeemed', n(q.data.total.pointsRedeemed)],
                    ['pointsBalance', n(q.data.total.pointsBalance)],
                    ['minutesDeposited', h(q.data.total.minutesDeposited)],
                    ['minutesWithdrawn', h(q.data.total.minutesWithdrawn)],
                    ['minutesDonated', h(q.data.total.minutesDonated)],
                    ['minutesBalance', h(q.data.total.minutesBalance)],
                    ['poolBalance', h(q.data.total.poolBalance)],
                    ['volunteers', q.data.total.volunteers],
                  ]}
                />
              ) : null
            }
          />
        </>
      )}
    </>
  );
}
