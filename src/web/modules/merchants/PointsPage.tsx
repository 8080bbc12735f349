import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Input, Progress, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  NEW_POINTS_TARGET,
  POINT_KINDS,
  POINT_STATUSES,
  type PointKind,
  type PointStatus,
} from '../../../shared/contracts/merchants';
import { AddButton } from '../../app/components/AddButton';
import { PageHeader } from '../../app/components/PageHeader';
import { RowLinkTable } from '../../app/components/RowLinkTable';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { linkColumn } from '../../app/components/columns';
import { merchantsApi, merchantsKeys, type Point } from './api';
import { KindTag, kindKey, PointFormModal, StatusTag, statusKey } from './parts';
import { FilterSelect } from '../../app/components/FilterSelect';
import { refilterOf, usePaging } from '../../app/usePaging';

/** Redemption points in the user's area, with the year's new points against the R-VP-1 target. */
export default function PointsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<PointKind>();
  const [status, setStatus] = useState<PointStatus>();
  const [year, setYear] = useState<number>();
  const { page, pageSize, setPage, setPaging } = usePaging();
  const [creating, setCreating] = useState(false);
  const thisYear = new Date().getFullYear();
  const refilter = refilterOf(setPage);
  const query = { q: q || undefined, kind, status, year, page, pageSize };
  const list = useQuery({ queryKey: merchantsKeys.points(query), queryFn: () => merchantsApi.points(query) });
  const yearCount = useQuery({
    queryKey: merchantsKeys.points({ year: thisYear, pageSize: 1 }),
    queryFn: () => merchantsApi.points({ year: thisYear, pageSize: 1 }),
  });

  const columns: TableColumnsType<Point> = [
    linkColumn<Point>(t('merchants.field.name'), 'name', (r) => `/merchants/points/${r.id}`),
    {
      title: t('merchants.field.kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: PointKind) => <KindTag kind={k} />,
    },
    { title: t('merchants.field.community'), dataIndex: 'orgUnitName', width: 130, responsive: ['md'] },
    { title: t('merchants.field.address'), dataIndex: 'address', ellipsis: true, responsive: ['lg'] },
    { title: t('merchants.field.contactPhone'), dataIndex: 'contactPhone', width: 130, responsive: ['lg'] },
    {
      title: t('merchants.field.registeredOn'),
      dataIndex: 'registeredOn',
      width: 120,
      render: (v: string) => formatDate(v),
      responsive: ['sm'],
    },
    {
      title: t('merchants.field.items'),
      dataIndex: 'itemCount',
      width: 80,
      align: 'right',
      responsive: ['md'],
    },
    { title: t('merchants.field.unsettled'), dataIndex: 'unsettledPoints', width: 110, align: 'right' },
    {
      title: t('merchants.field.status'),
      dataIndex: 'status',
      width: 90,
      render: (s: PointStatus) => <StatusTag status={s} />,
    },
  ];

  const n = yearCount.data?.total ?? 0;
  return (
    <>
      <PageHeader
        title={t('merchants.points.title')}
        subtitle={t('merchants.points.subtitle')}
        extra={
          <AddButton onClick={() => setCreating(true)} data-testid="point-new">
            {t('merchants.points.new')}
          </AddButton>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex align="center" gap={16} wrap>
          <Typography.Text strong data-testid="points-year-count">
            {t('merchants.points.thisYear', { n, target: NEW_POINTS_TARGET })}
          </Typography.Text>
          <Progress
            percent={Math.min(100, Math.round((n / NEW_POINTS_TARGET) * 100))}
            status={n >= NEW_POINTS_TARGET ? 'success' : 'active'}
            style={{ flex: 1, minWidth: 160, margin: 0 }}
          />
        </Flex>
      </Card>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('merchants.points.search')}
          style={{ width: 220 }}
          onSearch={(v) => refilter(setQ)(v.trim())}
        />
        <FilterSelect
          width={130}
          placeholder={t('merchants.field.kind')}
          value={kind}
          onChange={refilter(setKind)}
          options={POINT_KINDS.map((k) => ({ value: k, label: t(kindKey(k)) }))}
        />
        <FilterSelect
          width={110}
          placeholder={t('merchants.field.status')}
          value={status}
          onChange={refilter(setStatus)}
          options={POINT_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
        />
        <FilterSelect
          width={120}
          placeholder={t('merchants.points.year')}
          value={year}
          onChange={refilter(setYear)}
          options={[0, 1, 2, 3, 4].map((i) => ({ value: thisYear - i, label: String(thisYear - i) }))}
        />
      </Flex>
      <RowLinkTable<Point>
        list={list}
        columns={columns}
        empty={t('merchants.points.empty')}
        rowTestId="point-row"
        rowPath={(r) => `/merchants/points/${r.id}`}
        page={page}
        pageSize={pageSize}
        onPaging={setPaging}
      />
      <PointFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => {
          setCreating(false);
          navigate(`/merchants/points/${p.id}`);
        }}
      />
    </>
  );
}
