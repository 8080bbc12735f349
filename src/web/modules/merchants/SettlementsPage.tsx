import { useQuery } from '@tanstack/react-query';
import { DatePicker, Flex, Table, type TableColumnsType } from 'antd';
import type dayjs from 'dayjs';
import { useState } from 'react';
import { DownloadButton } from '../../app/components/DownloadButton';
import { PageHeader } from '../../app/components/PageHeader';
import { FilterSelect } from '../../app/components/FilterSelect';
import { listTableProps, sizePickerPaging } from '../../app/components/QueryTable';
import { ErrorResult } from '../../app/components/Status';
import { formatDateTime } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { dateColumn, linkColumn } from '../../app/components/columns';
import { merchantsApi, merchantsKeys, type Settlement } from './api';
import { yuan } from './parts';
import { refilterOf, usePaging } from '../../app/usePaging';

/** Settlements between the community and its redemption points; exportable as .xlsx. */
export default function SettlementsPage() {
  const { t } = useI18n();
  const [pointId, setPointId] = useState<string>();
  const [range, setRange] = useState<[dayjs.Dayjs | null, dayjs.Dayjs | null] | null>(null);
  const { page, pageSize, setPage, setPaging } = usePaging();
  const refilter = refilterOf(setPage);
  const filters = {
    pointId,
    from: range?.[0]?.format('YYYY-MM-DD'),
    to: range?.[1]?.format('YYYY-MM-DD'),
  };
  const q = { ...filters, page, pageSize };
  const list = useQuery({
    queryKey: merchantsKeys.settlements(q),
    queryFn: () => merchantsApi.settlements(q),
  });
  const points = useQuery({
    queryKey: merchantsKeys.points({ pageSize: 200 }),
    queryFn: () => merchantsApi.points({ pageSize: 200 }),
  });

  const columns: TableColumnsType<Settlement> = [
    { title: t('merchants.settlement.number'), dataIndex: 'number', width: 180 },
    linkColumn<Settlement>(
      t('merchants.counter.point'),
      'pointName',
      (r) => `/merchants/points/${r.pointId}`,
    ),
    { title: t('merchants.field.community'), dataIndex: 'orgUnitName', width: 120, responsive: ['md'] },
    dateColumn(t('merchants.settlement.upTo'), 'upTo', 110),
    { title: t('merchants.settlement.count'), dataIndex: 'redemptionCount', width: 90, align: 'right' },
    { title: t('merchants.settlement.points'), dataIndex: 'pointsTotal', width: 90, align: 'right' },
    {
      title: t('merchants.settlement.cash'),
      dataIndex: 'cashFen',
      width: 110,
      align: 'right',
      render: (v: number) => (v ? yuan(v) : '—'),
    },
    { title: t('merchants.settlement.by'), dataIndex: 'createdByName', width: 110, responsive: ['lg'] },
    {
      title: t('merchants.settlement.at'),
      dataIndex: 'createdAt',
      width: 150,
      render: (v: string) => formatDateTime(v),
      responsive: ['md'],
    },
    { title: t('merchants.settle.note'), dataIndex: 'note', ellipsis: true, responsive: ['xl'] },
  ];

  return (
    <>
      <PageHeader
        title={t('merchants.settlements.title')}
        subtitle={t('merchants.settlements.subtitle')}
        extra={
          <DownloadButton
            download={() => merchantsApi.exportSettlements(filters)}
            data-testid="settlements-export"
          >
            {t('merchants.settlements.export')}
          </DownloadButton>
        }
      />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <FilterSelect
          searchable
          width={240}
          placeholder={t('merchants.counter.point')}
          value={pointId}
          onChange={refilter(setPointId)}
          options={(points.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
        />
        <DatePicker.RangePicker value={range} onChange={refilter(setRange)} />
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<Settlement>
          rowKey="id"
          size="middle"
          columns={columns}
          {...listTableProps(list, t('merchants.settlements.empty'))}
          pagination={sizePickerPaging(list.data?.total, page, pageSize, setPaging)}
          data-testid="settlements-table"
        />
      )}
    </>
  );
}
