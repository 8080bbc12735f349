import { useQuery } from '@tanstack/react-query';
import { Card, Col, DatePicker, Empty, Row, Statistic, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { PageHeader } from '../../app/components/PageHeader';
import { ErrorResult } from '../../app/components/Status';
import { formatNumber } from '../../app/format';
import { type MessageKey, useI18n } from '../../app/i18n';
import { dsApi, dsKeys } from './api';
import { labelOf } from './meta';
import { SmallTable } from '../../app/components/SmallTable';

/** Dispute statistics: by source, nature, outcome, level of resolution, ticket, community and month. */
export default function StatsPage() {
  const { t } = useI18n();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const from = range?.[0]?.format('YYYY-MM-DD');
  const to = range?.[1]?.format('YYYY-MM-DD');
  const q = useQuery({ queryKey: dsKeys.stats(from, to), queryFn: () => dsApi.stats(from, to) });
  const s = q.data;
  const pct = (v: number | null | undefined) => (v == null ? '—' : `${formatNumber(v * 100, 1)}%`);
  /** A small table of figures keyed by `key`, without paging. */
  const table = <R extends object>(rows: R[] | undefined, columns: TableColumnsType<R>) => (
    <SmallTable rowKey="key" dataSource={rows} columns={columns} />
  );
  /** Columns showing a field as it is, each titled with a message. */
  const plain = (columns: [MessageKey, string][]) =>
    columns.map(([title, dataIndex]) => ({ title: t(title), dataIndex }));
  const small = (title: string, rows: { key: string; count: number }[] | undefined, prefix: string) => (
    <Card size="small" title={title} style={{ marginBottom: 12 }}>
      {rows?.length ? (
        table(rows, [
          { title: title, dataIndex: 'key', render: (v: string) => labelOf(t, prefix, v) },
          { title: t('disputes.stats.count'), dataIndex: 'count', width: 90 },
        ])
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </Card>
  );
  return (
    <>
      <PageHeader
        title={t('disputes.stats.title')}
        subtitle={t('disputes.stats.subtitle')}
        extra={<DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />}
      />
      {q.isError ? <ErrorResult error={q.error} onRetry={() => q.refetch()} /> : null}
      <Row gutter={12} style={{ marginBottom: 12 }}>
        {[
          [t('disputes.stats.total'), s?.total],
          [t('disputes.stats.finished'), s?.finished],
          [t('disputes.stats.successRate'), pct(s?.successRate)],
          [t('disputes.stats.averageDays'), s?.averageDays == null ? '—' : formatNumber(s.averageDays, 1)],
          [t('disputes.stats.diverted'), s?.diverted],
          [t('disputes.stats.escalated'), s?.escalated],
          [t('disputes.stats.special'), s ? `${s.specialResolved} / ${s.special}` : undefined],
        ].map(([title, value]) => (
          <Col key={String(title)} xs={12} md={4}>
            <Card size="small" loading={q.isPending}>
              <Statistic title={title} value={value ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={12}>
        <Col xs={24} lg={8}>
          {small(t('disputes.field.source'), s?.bySource, 'disputes.source')}
          {small(t('disputes.field.ticket'), s?.byTicket, 'disputes.ticket')}
        </Col>
        <Col xs={24} lg={8}>
          {small(t('disputes.field.nature'), s?.byNature, 'disputes.nature')}
          {small(t('disputes.field.level'), s?.byLevel, 'disputes.level')}
        </Col>
        <Col xs={24} lg={8}>
          {small(t('disputes.field.outcome'), s?.byOutcome, 'disputes.outcome')}
          <Card size="small" title={t('disputes.stats.byMonth')} style={{ marginBottom: 12 }}>
            {table(
              s?.byMonth,
              plain([
                ['disputes.stats.month', 'key'],
                ['disputes.stats.registered', 'registered'],
                ['disputes.stats.finished', 'finished'],
                ['disputes.stats.escalated', 'escalated'],
              ]),
            )}
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('disputes.stats.byCommunity')}>
        {table(
          s?.byCommunity,
          plain([
            ['disputes.field.community', 'name'],
            ['disputes.stats.count', 'count'],
            ['disputes.stats.finished', 'finished'],
            ['disputes.stats.success', 'success'],
            ['disputes.stats.escalated', 'overdue'],
            ['disputes.stats.specialAssigned', 'special'],
            ['disputes.stats.specialResolved', 'specialResolved'],
          ]),
        )}
      </Card>
    </>
  );
}
