import { Table, type TableProps } from 'antd';

/** A small table without paging: a record's few rows (lines of a detail, a card's list). */
export function SmallTable<R extends object>(props: TableProps<R>) {
  return <Table<R> size="small" pagination={false} {...props} />;
}
