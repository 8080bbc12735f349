import type { UseQueryResult } from '@tanstack/react-query';
import { Table, type TableColumnsType } from 'antd';
import { useNavigate } from 'react-router';
import { ErrorResult } from './Status';

/**
 * A list page's table, twenty rows a page (`page`, `onPage`), whose rows open their own page (`rowPath`) on a
 * click; an error with a retry instead of the table, `empty` in an empty one.
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
    <Table<R>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={list.data?.items}
      loading={list.isFetching && !list.data}
      locale={{ emptyText: empty }}
      onRow={(r) => ({ onClick: () => navigate(rowPath(r)), style: { cursor: 'pointer' } })}
      pagination={{
        current: page,
        pageSize: 20,
        total: list.data?.total ?? 0,
        showSizeChanger: false,
        onChange: onPage,
      }}
      data-testid={testId}
    />
  );
}
