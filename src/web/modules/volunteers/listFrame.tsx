import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Flex, Table, type TablePaginationConfig, type TableProps } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { ErrorResult } from '../../app/components/Status';
import { listTableProps } from '../../app/components/QueryTable';
import { useI18n } from '../../app/i18n';
import { OrgUnitSelect } from '../org/api';
import { AddPageHeader } from '../../app/components/AddPageHeader';

/** The 220-wide community/grid filter of the volunteers pages. */
export function UnitFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (orgUnitId: string | undefined) => void;
}) {
  const { t } = useI18n();
  return (
    <OrgUnitSelect
      value={value}
      onChange={onChange}
      placeholder={t('volunteers.filterUnit')}
      style={{ width: 220 }}
    />
  );
}

/**
 * The frame of the activities and teams pages: the title with a create button (for volunteers.write), a card
 * with the unit filter above the list (`children`), and the page's dialogs after the card.
 */
export function UnitListFrame({
  title,
  createLabel,
  createTestId,
  onCreate,
  orgUnitId,
  onUnit,
  dialogs,
  filters,
  children,
}: {
  title: string;
  createLabel: string;
  createTestId: string;
  onCreate: () => void;
  orgUnitId: string | undefined;
  onUnit: (orgUnitId: string | undefined) => void;
  dialogs: ReactNode;
  /** More filters beside the unit filter. */
  filters?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div>
      <AddPageHeader
        title={title}
        permission="volunteers.write"
        addLabel={createLabel}
        onAdd={onCreate}
        addTestId={createTestId}
      />
      <Card styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <UnitFilter value={orgUnitId} onChange={onUnit} />
          {filters}
        </Flex>
        {children}
      </Card>
      {dialogs}
    </div>
  );
}

/**
 * The table of a volunteers list page whose rows open on a click (`onOpen`): `failed` shows the list's error
 * with a retry instead; `empty` is the hint once the list has loaded with no rows; other props go to the table.
 */
export function OpenRowsTable<R extends { id: string }>({
  list,
  failed,
  empty,
  onOpen,
  ...table
}: {
  list: UseQueryResult<{ items: R[] }>;
  failed: boolean;
  empty: string;
  onOpen: (row: R) => void;
} & Omit<TableProps<R>, 'dataSource' | 'loading' | 'locale' | 'onRow'>) {
  if (failed) return <ErrorResult error={list.error} onRetry={() => list.refetch()} />;
  return (
    <Table<R>
      rowKey="id"
      size="middle"
      {...listTableProps(list, empty)}
      scroll={{ x: 'max-content' }}
      onRow={(r) =>
        ({
          className: 'linli-row-clickable',
          onClick: () => onOpen(r),
        }) as HTMLAttributes<HTMLElement>
      }
      {...table}
    />
  );
}

/**
 * The pager of a server-paged volunteers list: the page and its size, the list's total with 共 N 条, and the
 * size changer when `sizeChanger` is set (otherwise antd's default).
 */
export function useListPager(
  total: number | undefined,
  page: number,
  pageSize: number,
  onChange: (page: number, pageSize: number) => void,
  sizeChanger = false,
): TablePaginationConfig {
  const { t } = useI18n();
  return {
    current: page,
    pageSize,
    total: total ?? 0,
    ...(sizeChanger ? { showSizeChanger: true } : {}),
    showTotal: (n) => t('common.total', { total: n }),
    onChange,
  };
}
