import type { UseQueryResult } from '@tanstack/react-query';
import type { TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { PageTable } from './PageTable';
import { ErrorResult } from './Status';
import { clickableRows } from './clickableRows';

/**
 * A list page's table, twenty rows a page (`page`, `onPage`), whose rows open their own page (`rowPath`) on a
 * click; an error with a retry instead of the table, `empty` in an empty one. A `PageTable` of middle size.
 */
export function PagedLinkTable<R extends { id: string }>({
  list,
  columns,
  empty,
  rowPath,
  page,
  onPage,
  testId,
}: {
  list: UseQueryResult<{ items: R[]; total: number }>;
  columns: TableColumnsType<R>;
  empty: string;
  rowPath: (row: R) => string;
  page: number;
  onPage: (page: number) => void;
  testId: string;
}) {
  const navigate = useNavigate();
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return (
    <PageTable<R>
      list={list}
      page={page}
      onPage={onPage}
      empty={empty}
      size="middle"
      columns={columns}
      onRow={clickableRows((r) => navigate(rowPath(r)))}
      data-testid={testId}
    />
  );
}
