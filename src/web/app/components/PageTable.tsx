import type { UseQueryResult } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import type { ReactNode } from 'react';
import { ErrorResult } from './Status';

/** A table of one page of a list query: the query, the page shown and what turns it (twenty rows a page). */
export interface ListPageProps<R> {
  list: UseQueryResult<{ items: R[]; total: number }>;
  page: number | undefined;
  onPage: (page: number) => void;
}

/**
 * The console's small paged table of a list query, twenty rows a page, with the query's error (and a retry)
 * above it. `page` and `onPage` drive the paging; `empty` is what an empty table says (antd's own when left
 * out); the other props go to the table (`loading` replaces the query's pending).
 */
export function PageTable<R extends object>({
  list,
  page,
  onPage,
  empty,
  ...table
}: ListPageProps<R> & { empty?: ReactNode } & Omit<TableProps<R>, 'dataSource' | 'pagination' | 'locale'>) {
  return (
    <>
      {list.isError ? <ErrorResult error={list.error} onRetry={() => list.refetch()} /> : null}
      <Table<R>
        rowKey="id"
        size="small"
        loading={list.isPending}
        dataSource={list.data?.items}
        locale={empty === undefined ? undefined : { emptyText: empty }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total,
          showSizeChanger: false,
          onChange: onPage,
        }}
        {...table}
      />
    </>
  );
}
