import { type QueryKey, useQuery } from '@tanstack/react-query';
import { Card } from 'antd';
import { type ComponentProps, type ReactNode, useState } from 'react';
import { PageTable } from './PageTable';

/**
 * A tab's list read a page at a time (`fetch` of the page, cached under `queryKey` of it) as a PageTable in a
 * small card; `toolbar` stands above the table and `children` (the tab's dialogs) below it.
 */
export function PagedCard<R extends object>({
  queryKey,
  fetch,
  toolbar,
  children,
  ...table
}: {
  queryKey: (page: number) => QueryKey;
  fetch: (page: number) => Promise<{ items: R[]; total: number }>;
  toolbar?: ReactNode;
  children?: ReactNode;
} & Omit<ComponentProps<typeof PageTable<R>>, 'list' | 'page' | 'onPage' | 'children'>) {
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: queryKey(page), queryFn: () => fetch(page) });
  return (
    <Card size="small">
      {toolbar}
      <PageTable<R> list={list} page={page} onPage={setPage} {...table} />
      {children}
    </Card>
  );
}
