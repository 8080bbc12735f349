import { useQuery } from '@tanstack/react-query';
import { Flex, Segmented } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { enumOptions } from '../../app/components/enumOptions';
import { ErrorResult } from '../../app/components/Status';
import { useI18n } from '../../app/i18n';
import { refilterOf } from '../../app/usePaging';
import { projectsApi, projectsKeys } from './api';
import { ReportsTable } from './ReportsTable';

type View = 'open' | 'overdue' | 'filed' | 'all';

/** Every pilot's monthly progress reports in reach: to file, overdue (the bureau's list), filed. */
export default function ReportsPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const [view, setView] = useState<View>((params.get('view') as View | null) ?? 'open');
  const [page, setPage] = useState(1);
  const refilter = refilterOf(setPage);
  const q = { view: view === 'all' ? undefined : view, page, pageSize: 20 };
  const list = useQuery({ queryKey: projectsKeys.reports(q), queryFn: () => projectsApi.reports(q) });
  return (
    <>
      <PageHeader title={t('projects.reports.title')} subtitle={t('projects.reports.subtitle')} />
      <Flex style={{ marginBottom: 12 }}>
        <Segmented<View>
          value={view}
          onChange={refilter(setView)}
          options={enumOptions(t, 'projects.reports.view', ['open', 'overdue', 'filed', 'all'] as const)}
        />
      </Flex>
      {list.isError ? (
        <ErrorResult error={list.error} onRetry={() => list.refetch()} />
      ) : (
        <ReportsTable
          showProject
          reports={list.data?.items ?? []}
          loading={list.isFetching}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        />
      )}
    </>
  );
}
