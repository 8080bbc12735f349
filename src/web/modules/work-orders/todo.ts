import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import type { TodoItem } from '../../app/webModule';
import { woApi, woKeys } from './api';
import type { workOrdersZh } from './i18n';

type Key = keyof typeof workOrdersZh;

/** Workbench: work orders waiting for my dispatch (intake view) and my handling unit's to-dos (mine view). */
export function useWorkOrdersTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const dispatch = can('work_orders.dispatch');
  const handle = can('work_orders.handle');
  // The same query keys as the counts on the work-order list tabs: one request serves both.
  const intake = useQuery({
    queryKey: woKeys.count('intake'),
    queryFn: () => woApi.count('intake'),
    enabled: dispatch,
    staleTime: 30_000,
  });
  const mine = useQuery({
    queryKey: woKeys.count('mine'),
    queryFn: () => woApi.count('mine'),
    enabled: handle,
    staleTime: 30_000,
  });
  const items: TodoItem<Key>[] = [];
  if (dispatch && intake.data)
    items.push({
      key: 'wo-intake',
      label: 'wo.todo.intake',
      count: intake.data,
      to: '/work-orders?view=intake',
    });
  if (handle && mine.data)
    items.push({ key: 'wo-mine', label: 'wo.todo.mine', count: mine.data, to: '/work-orders?view=mine' });
  return items;
}
