import { Table, type TableProps } from 'antd';
import type { ListPageProps } from './PageTable';
import { listTableProps } from './QueryTable';
import { ErrorResult } from './Status';

/**
 * A list query's page as a table, twenty rows a page: the query's error with a retry instead of the table, and
 * `empty` (as an EmptyHint) once it has loaded with no rows. `page` and `onPage` drive the paging; the other
 * props go to the table.
 */
export function QueryPageTable<R extends object>({
  list,
  page,
  onPage,
  empty,
  ...table
}: ListPageProps<R> & { empty: string } & Omit<
    TableProps<R>,
    'dataSource' | 'loading' | 'pagination' | 'locale'
  >) {
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Table<R>
      rowKey="id"
      size="middle"
      {...listTableProps(list, empty)}
      pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: onPage }}
      {...table}
    />
  );
}
