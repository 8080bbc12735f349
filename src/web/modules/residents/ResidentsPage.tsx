import { CloudUploadOutlined, DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Popconfirm, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { specialGroupsMasked } from '../../../shared/i18n/labels';
import type { ResidentDto } from '../../../shared/contracts/residents';
import {
  REGISTRATION_STATUSES,
  type RegistrationStatus,
  SPECIAL_GROUP_TAGS,
  type SpecialGroupTag,
} from '../../../shared/orgKinds';
import { AddButton } from '../../app/components/AddButton';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { QueryTable, sizedPaging } from '../../app/components/QueryTable';
import { useShowError } from '../../app/errors';
import { useI18n } from '../../app/i18n';
import { useUrlListParams } from '../../app/useUrlListParams';
import { OrgUnitSelect } from '../org/api';
import { filterQuery, type ResidentFilters, residentKeys, residentsApi } from './api';
import { QuerySearch } from '../../app/components/QuerySearch';

export const STATUS_COLORS: Record<RegistrationStatus, string> = {
  registered: 'blue',
  permanent: 'green',
  migrant: 'orange',
};
export const TAG_COLORS: Record<SpecialGroupTag, string> = {
  living_alone: 'volcano',
  empty_nest: 'gold',
  left_behind: 'purple',
  disabled: 'magenta',
  severely_disabled: 'red',
  low_income: 'cyan',
};

function readFilters(params: URLSearchParams): ResidentFilters {
  const tags = params
    .getAll('tags')
    .filter((t): t is SpecialGroupTag => (SPECIAL_GROUP_TAGS as readonly string[]).includes(t));
  const status = params.get('status');
  return {
    q: params.get('q') || undefined,
    orgUnitId: params.get('orgUnitId') || undefined,
    tags: tags.length ? tags : undefined,
    status: (REGISTRATION_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as RegistrationStatus)
      : undefined,
  };
}

export default function ResidentsPage() {
  const { t, label, locale } = useI18n();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  // Filters live in the URL so a list can be linked to and survives reload; a filter change goes back to page 1.
  const { params, page, pageSize, update } = useUrlListParams<keyof ResidentFilters>();
  const filters = useMemo(() => readFilters(params), [params]);
  const [exporting, setExporting] = useState(false);

  const list = useQuery({
    queryKey: residentKeys.list(filters, page, pageSize),
    queryFn: () => residentsApi.list(filters, page, pageSize),
    placeholderData: keepPreviousData,
  });

  const exportXlsx = async (full = false, format: 'xlsx' | 'csv' = 'xlsx') => {
    setExporting(true);
    try {
      const query = full ? { ...filterQuery(filters), full: true } : filterQuery(filters);
      const name = await api.download(`/api/residents/export.${format}`, query, `residents.${format}`);
      message.success(t('common.exported', { name }));
    } catch (e) {
      showError(e);
    } finally {
      setExporting(false);
    }
  };

  const columns: TableColumnsType<ResidentDto> = [
    {
      title: label('name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 96,
      render: (name: string, r) => (
        <Link to={`/residents/${r.id}`} data-testid="resident-link" onClick={(e) => e.stopPropagation()}>
          {name}
        </Link>
      ),
    },
    {
      title: label('gender'),
      dataIndex: 'gender',
      width: 64,
      responsive: ['md'],
      render: (g: string) => label(g),
    },
    { title: label('birthDate'), dataIndex: 'birthDate', width: 110, responsive: ['md'] },
    {
      title: label('idNumber'),
      dataIndex: 'idNumber',
      width: 180,
      render: (v: string | null) => (
        <Typography.Text style={{ fontFamily: 'monospace' }}>{v ?? '—'}</Typography.Text>
      ),
    },
    {
      title: label('phone'),
      dataIndex: 'phone',
      width: 120,
      render: (v: string | null) => (
        <Typography.Text style={{ fontFamily: 'monospace' }}>{v ?? '—'}</Typography.Text>
      ),
    },
    { title: label('community'), dataIndex: 'communityName', width: 120 },
    { title: label('unit'), dataIndex: 'unitName', width: 130, ellipsis: true, responsive: ['md'] },
    {
      title: label('registrationStatus'),
      dataIndex: 'registrationStatus',
      width: 90,
      render: (s: RegistrationStatus) => <Tag color={STATUS_COLORS[s]}>{label(s)}</Tag>,
    },
    {
      title: label('tags'),
      dataIndex: 'specialGroupCount',
      responsive: ['md'],
      // Sensitive (R-LAW-PI-1): the list shows how many; the tags are revealed (audited) on the detail page.
      render: (n: number) =>
        n ? <Tag data-testid="resident-row-tags">{specialGroupsMasked(n, locale)}</Tag> : null,
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('residents.title')}
        extra={
          <>
            {can('residents.write') ? (
              <AddButton onClick={() => navigate('/residents/new')} data-testid="residents-create">
                {t('residents.create')}
              </AddButton>
            ) : null}
            {can('residents.import') ? (
              <Button
                icon={<CloudUploadOutlined />}
                onClick={() => navigate('/residents/import')}
                data-testid="residents-import"
              >
                {t('residents.import')}
              </Button>
            ) : null}
            {can('residents.export') ? (
              <>
                <Button
                  icon={<DownloadOutlined />}
                  loading={exporting}
                  onClick={() => exportXlsx(false)}
                  data-testid="residents-export"
                >
                  {exporting ? t('common.exporting') : t('common.export')}
                </Button>
                <Button
                  icon={<DownloadOutlined />}
                  loading={exporting}
                  onClick={() => exportXlsx(false, 'csv')}
                  data-testid="residents-export-csv"
                >
                  {t('residents.exportCsv')}
                </Button>
              </>
            ) : null}
            {can('residents.export') && can('residents.reveal') ? (
              <Popconfirm
                title={t('residents.exportFull')}
                description={t('residents.exportFullConfirm')}
                onConfirm={() => exportXlsx(true)}
              >
                <Button loading={exporting} data-testid="residents-export-full">
                  {t('residents.exportFull')}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Flex wrap gap={12} style={{ marginBottom: 16 }}>
          <QuerySearch
            q={filters.q}
            onQuery={(q) => update({ q })}
            placeholder={t('residents.searchPlaceholder')}
            testId="residents-search"
          />
          <OrgUnitSelect
            value={filters.orgUnitId}
            onChange={(v) => update({ orgUnitId: v })}
            placeholder={t('residents.filterUnit')}
            style={{ width: 220, maxWidth: '100%' }}
            data-testid="residents-filter-unit"
          />
          <Select<SpecialGroupTag[]>
            mode="multiple"
            allowClear
            value={filters.tags ?? []}
            onChange={(v) => update({ tags: v })}
            placeholder={t('residents.filterTags')}
            style={{ minWidth: 180, maxWidth: '100%' }}
            maxTagCount="responsive"
            options={SPECIAL_GROUP_TAGS.map((tag) => ({ value: tag, label: label(tag) }))}
            data-testid="residents-filter-tags"
          />
          <Select<RegistrationStatus>
            allowClear
            value={filters.status}
            onChange={(v) => update({ status: v })}
            placeholder={t('residents.filterStatus')}
            style={{ width: 130 }}
            options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: label(s) }))}
            data-testid="residents-filter-status"
          />
        </Flex>
        <QueryTable<ResidentDto>
          list={list}
          empty={t('residents.empty')}
          rowKey="id"
          size="middle"
          columns={columns}
          scroll={{ x: 'max-content' }}
          data-testid="residents-table"
          onRow={(r) =>
            ({
              'data-testid': 'resident-row',
              className: 'linli-row-clickable',
              onClick: () => navigate(`/residents/${r.id}`),
            }) as React.HTMLAttributes<HTMLElement>
          }
          pagination={sizedPaging(list, page, pageSize, t, (p, ps) =>
            update({ page: String(p), pageSize: String(ps) }),
          )}
        />
      </Card>
    </div>
  );
}
