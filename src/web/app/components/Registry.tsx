import { type QueryKey, type UseQueryResult, keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import { type ComponentProps, type ReactNode, useState } from 'react';
import type { Permission } from '../../../shared/permissions';
import { useAuth } from '../auth';
import { AddButton } from './AddButton';
import type { Query } from '../api';
import { ErrorResult } from './Status';
import { SubmitModal } from './SubmitModal';

/**
 * The building blocks of a registry page (a tab of records with filters, a paged table and a form in a
 * modal), shared by the console's registry modules so each tab states only its columns, filters and fields.
 */

export interface Paged<R> {
  items: R[];
  total: number;
}

/**
 * One page of a list query. `filters` are the query's other parameters: the page goes back to 1 whenever they
 * change. Returns the query, the query parameters sent (for exports) and antd pagination props with the total.
 */
export function usePagedQuery<P extends Paged<unknown>>(
  key: (q: Query) => QueryKey,
  fetch: (q: Query) => Promise<P>,
  filters: Query = {},
  pageSize = 20,
) {
  const filtersKey = JSON.stringify(filters);
  const [paging, setPaging] = useState({ page: 1, pageSize, filtersKey });
  const page = paging.filtersKey === filtersKey ? paging.page : 1;
  const query: Query = { ...filters, page, pageSize: paging.pageSize };
  const list = useQuery({
    queryKey: key(query),
    queryFn: () => fetch(query),
    placeholderData: keepPreviousData,
  });
  const pagination = {
    current: page,
    pageSize: paging.pageSize,
    total: list.data?.total,
    showSizeChanger: true,
    onChange: (p: number, s: number) => setPaging({ page: p, pageSize: s, filtersKey }),
  };
  return { list, query, filters, pagination };
}

/**
 * The small table of a `usePagedQuery` list, a page at a time (no error of its own: RegistryCard's, or the tab
 * or drawer around it, shows it); `empty` is what an empty table says (antd's own 暂无数据 when left out).
 */
export function PagedTable<R extends object>({
  paged,
  empty,
  ...table
}: {
  paged: { list: UseQueryResult<Paged<R>>; pagination: object };
  empty?: string;
} & Omit<TableProps<R>, 'dataSource' | 'loading' | 'pagination'>) {
  return (
    <Table<R>
      rowKey="id"
      size="small"
      loading={paged.list.isPending}
      dataSource={paged.list.data?.items}
      locale={empty ? { emptyText: empty } : undefined}
      pagination={paged.pagination}
      {...table}
    />
  );
}

/**
 * A registry tab: a toolbar (filters, buttons) above a paged table, an error with a retry instead of the table
 * when the list fails, and whatever dialogs the tab opens as children.
 */
export function RegistryCard<R extends object>({
  paged,
  toolbar,
  empty,
  children,
  ...table
}: {
  paged: { list: UseQueryResult<Paged<R>>; pagination: object };
  toolbar?: ReactNode;
  /** What the table says when there is nothing (antd's own 暂无数据 when left out). */
  empty?: string;
  children?: ReactNode;
} & Omit<TableProps<R>, 'dataSource' | 'loading' | 'pagination' | 'children'>) {
  const { list } = paged;
  if (list.isError) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Card size="small">
      {toolbar ? <div style={{ marginBottom: 12 }}>{toolbar}</div> : null}
      <PagedTable<R> paged={paged} empty={empty} {...table} />
      {children}
    </Card>
  );
}

/**
 * A registry tab whose toolbar (its `filters`, if any) ends with a 新建 button for users holding `permission`;
 * the button opens `create`'s form (`fields`), titled as the button. `children` are the tab's other dialogs.
 */
export function CreateRegistry<R extends object>({
  permission,
  filters,
  create,
  fields,
  children,
  ...card
}: {
  permission: Permission;
  filters?: ReactNode;
  create: Omit<ComponentProps<typeof FormModal>, 'onClose' | 'children'>;
  /** The fields of `create`'s form. */
  fields: ReactNode;
} & Omit<ComponentProps<typeof RegistryCard<R>>, 'toolbar'>) {
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  const add = can(permission) ? <AddButton onClick={() => setAdding(true)}>{create.title}</AddButton> : null;
  return (
    <RegistryCard<R>
      toolbar={
        filters ? (
          <Space wrap>
            {filters}
            {add}
          </Space>
        ) : (
          add
        )
      }
      {...card}
    >
      {adding ? (
        <FormModal {...create} onClose={() => setAdding(false)}>
          {fields}
        </FormModal>
      ) : null}
      {children}
    </RegistryCard>
  );
}

/**
 * A form in a modal that posts its values and refreshes the queries under `invalidate`. Before posting, empty
 * fields become null (`empty: 'null'`, for edits that clear a field) or are left out (`'omit'`), dates picked
 * with a DatePicker become YYYY-MM-DD, and the `fenFields` (entered in yuan) become integer fen.
 */
export function FormModal({
  title,
  initialValues,
  submit,
  onClose,
  children,
  invalidate,
  width = 640,
  empty = 'null',
  fenFields = [],
  savedText,
}: {
  title: string;
  initialValues?: Record<string, unknown>;
  submit: (body: Record<string, unknown>) => Promise<unknown>;
  onClose: () => void;
  children: ReactNode;
  invalidate: QueryKey;
  width?: number;
  empty?: 'null' | 'omit';
  fenFields?: string[];
  /** The toast after saving (default: 已保存). */
  savedText?: string;
}) {
  const toBody = (v: Record<string, unknown>) => {
    const body: Record<string, unknown> = {};
    for (const [key, val] of Object.entries(v)) {
      if (val === '' || val === undefined) {
        if (empty === 'null') body[key] = null;
      } else if (dayjs.isDayjs(val)) body[key] = val.format('YYYY-MM-DD');
      else if (fenFields.includes(key) && typeof val === 'number') body[key] = Math.round(val * 100);
      else body[key] = val;
    }
    return body;
  };
  return (
    <SubmitModal
      title={title}
      initialValues={initialValues}
      submit={(v: Record<string, unknown>) => submit(toBody(v))}
      onClose={onClose}
      invalidate={invalidate}
      width={width}
      savedText={savedText}
    >
      {children}
    </SubmitModal>
  );
}
