import { useQuery } from '@tanstack/react-query';
import { Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { AddButton } from '../../app/components/AddButton';
import { useAuth } from '../../app/auth';
import { PageHeader } from '../../app/components/PageHeader';
import { EmptyHint, ErrorResult } from '../../app/components/Status';
import { formatDate } from '../../app/format';
import { useI18n } from '../../app/i18n';
import { type Call, projectsApi, projectsKeys } from './api';
import { CallFormModal } from './CallFormModal';
import { CallStatusTag } from './parts';

/** The calls (申报通知) the user may read: issued in their area or for it. */
export default function CallsPage() {
  const { t } = useI18n();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const q = { page, pageSize: 20 };
  const list = useQuery({ queryKey: projectsKeys.calls(q), queryFn: () => projectsApi.calls(q) });

  const columns: TableColumnsType<Call> = [
    { title: t('projects.call.year'), dataIndex: 'year', width: 80 },
    {
      title: t('projects.call.title'),
      dataIndex: 'title',
      render: (v: string, r) => <Link to={`/projects/calls/${r.id}`}>{v}</Link>,
    },
    { title: t('projects.call.issuer'), dataIndex: 'orgUnitName', width: 140, responsive: ['md'] },
    {
      title: t('projects.call.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: Call['status']) => <CallStatusTag status={v} />,
    },
    {
      title: t('projects.call.applicationDue'),
      dataIndex: 'applicationDue',
      width: 120,
      render: (v: string) => formatDate(v),
    },
    {
      title: t('projects.call.quota'),
      key: 'quota',
      width: 130,
      render: (_, r) => t('projects.call.selected', { n: r.selectedCount, quota: r.quota }),
    },
    {
      title: t('projects.call.applications'),
      key: 'count',
      width: 100,
      align: 'right',
      render: (_, r) => Object.values(r.counts).reduce((n, x) => n + x, 0),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('projects.calls.title')}
        subtitle={t('projects.calls.subtitle')}
        extra={
          can('projects.manage') ? (
            <AddButton onClick={() => setCreating(true)} data-testid="call-new">
              {t('projects.calls.new')}
            </AddButton>
          ) : null
        }
      />
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <Table<Call>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isFetching}
          locale={{ emptyText: list.isPending ? ' ' : <EmptyHint text={t('projects.calls.empty')} /> }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          data-testid="calls-table"
        />
      )}
      <CallFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(call) => {
          setCreating(false);
          navigate(`/projects/calls/${call.id}`);
        }}
      />
    </>
  );
}
