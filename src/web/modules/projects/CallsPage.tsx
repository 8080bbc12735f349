import { useQuery } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { QueryPageTable } from '../../app/components/QueryPageTable';
import { useI18n } from '../../app/i18n';
import { dateColumn, linkColumn } from '../../app/components/columns';
import { type Call, projectsApi, projectsKeys } from './api';
import { CallFormModal } from './CallFormModal';
import { CallStatusTag } from './parts';
import { AddPageHeader } from '../../app/components/AddPageHeader';

/** The calls (申报通知) the user may read: issued in their area or for it. */
export default function CallsPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const q = { page, pageSize: 20 };
  const list = useQuery({ queryKey: projectsKeys.calls(q), queryFn: () => projectsApi.calls(q) });

  const columns: TableColumnsType<Call> = [
    { title: t('projects.call.year'), dataIndex: 'year', width: 80 },
    linkColumn<Call>(t('projects.call.title'), 'title', (r) => `/projects/calls/${r.id}`),
    { title: t('projects.call.issuer'), dataIndex: 'orgUnitName', width: 140, responsive: ['md'] },
    {
      title: t('projects.call.status'),
      dataIndex: 'status',
      width: 110,
      render: (v: Call['status']) => <CallStatusTag status={v} />,
    },
    dateColumn(t('projects.call.applicationDue'), 'applicationDue', 120),
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
      <AddPageHeader
        title={t('projects.calls.title')}
        subtitle={t('projects.calls.subtitle')}
        permission="projects.manage"
        addLabel={t('projects.calls.new')}
        onAdd={() => setCreating(true)}
        addTestId="call-new"
      />
      <QueryPageTable<Call>
        list={list}
        page={page}
        onPage={setPage}
        columns={columns}
        empty={t('projects.calls.empty')}
        data-testid="calls-table"
      />
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
