import type { UseQueryResult } from '@tanstack/react-query';
import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes, MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import { listTableProps, sizePickerPaging } from './QueryTable';
import { ErrorResult } from './Status';

/**
 * One page of a list whose rows open their own page (`rowPath`) on a click, unless the click was on a link
 * inside the row; `rowTestId` marks each row for the browser journeys. An error with a retry instead of the
 * table; `empty` is said (as an EmptyHint) once the list has loaded with no rows. `page` and `pageSize` (the
 * reader picks it) are the caller's, changed through `onPaging` (`usePaging`).
 */
export function RowLinkTable<R extends { id: string }>({
  list,
  columns,
  empty,
  rowTestId,
  rowPath,
  page,
  pageSize,
  onPaging,
}: {
  list: UseQueryResult<{ items: R[]; total: number }>;
  columns: TableColumnsType<R>;
  empty: string;
  rowTestId: string;
  rowPath: (row: R) => string;
  page: number;
  pageSize: number;
  onPaging: (page: number, pageSize: number) => void;
}) {
  const navigate = useNavigate();
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Table<R>
      rowKey="id"
      size="middle"
      columns={columns}
      {...listTableProps(list, empty)}
      onRow={(r) =>
        ({
          'data-testid': rowTestId,
          style: { cursor: 'pointer' },
          onClick: (e: MouseEvent) => {
            if ((e.target as HTMLElement).closest('a')) return;
            navigate(rowPath(r));
          },
        }) as HTMLAttributes<HTMLElement>
      }
      pagination={sizePickerPaging(list.data?.total, page, pageSize, onPaging)}
    />
  );
}
