import type { UseQueryResult } from '@tanstack/react-query';
import { Table, type TableProps } from 'antd';
import type { TFunction } from '../i18n';
import { EmptyHint, ErrorResult } from './Status';

/**
 * The rows, spinner and empty text of an antd Table showing a list query, spread into it:
 * `<Table {...listTableProps(list, t('x.empty'))} />`. The empty text shows once the list has loaded with no rows.
 */
export function listTableProps<R>(list: UseQueryResult<{ items: R[] }>, empty: string) {
  return {
    dataSource: list.data?.items ?? [],
    loading: list.isFetching,
    locale: { emptyText: list.isPending ? ' ' : <EmptyHint text={empty} /> },
  };
}

/**
 * A list query's table (`listTableProps`), or its error with a retry while nothing has loaded; the other props
 * (columns, paging …) go to the table.
 */
export function QueryTable<R extends object>({
  list,
  empty,
  ...table
}: { list: UseQueryResult<{ items: R[] }>; empty: string } & Omit<
  TableProps<R>,
  'dataSource' | 'loading' | 'locale'
>) {
  if (list.isError && !list.data) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return <Table<R> {...listTableProps(list, empty)} {...table} />;
}

/** The pagination of a list the server pages at a fixed size, hidden while one page holds it all. */
export function fixedPaging(
  list: UseQueryResult<{ total: number }>,
  page: number,
  pageSize: number,
  onChange: (page: number) => void,
) {
  return { current: page, pageSize, total: list.data?.total ?? 0, onChange, hideOnSinglePage: true };
}

/**
 * The pagination of a list of `total` rows whose reader picks the page size (10, 20, 50 or 100 a page);
 * `onChange` gets the new page and page size.
 */
export function sizePickerPaging(
  total: number | undefined,
  page: number,
  pageSize: number,
  onChange: (page: number, pageSize: number) => void,
) {
  return { current: page, pageSize, total: total ?? 0, showSizeChanger: true, onChange };
}

/** A `sizePickerPaging` of a list query, its total shown (共 N 条). */
export function sizedPaging(
  list: UseQueryResult<{ total: number }>,
  page: number,
  pageSize: number,
  t: TFunction,
  onChange: (page: number, pageSize: number) => void,
) {
  return {
    ...sizePickerPaging(list.data?.total, page, pageSize, onChange),
    showTotal: (total: number) => t('common.total', { total }),
  };
}
