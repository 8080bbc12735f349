import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import type { TodoItem } from '../../app/webModule';
import { type AppQuery, wiaApi, wiaKeys } from './api';
import type { wiaZh } from './i18n';

type Key = keyof typeof wiaZh;

const useCount = (q: AppQuery, enabled: boolean) =>
  useQuery({ queryKey: wiaKeys.apps(q), queryFn: () => wiaApi.apps(q), enabled, staleTime: 30_000 });

/** Workbench: applications awaiting the decision (R-AC-1) and those past their 15 working days. */
export function useWiaTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const decide = can('work_item_access.decide');
  const submitted = useCount({ state: 'submitted', pageSize: 1 }, decide);
  const consulting = useCount({ state: 'consulting', pageSize: 1 }, decide);
  const overdue = useCount({ overdue: 'true', pageSize: 1 }, decide);
  const items: TodoItem<Key>[] = [];
  const pending = (submitted.data?.total ?? 0) + (consulting.data?.total ?? 0);
  if (decide && pending)
    items.push({ key: 'wia-pending', label: 'wia.todo.pending', count: pending, to: '/work-item-access' });
  if (decide && overdue.data?.total)
    items.push({
      key: 'wia-overdue',
      label: 'wia.todo.overdue',
      count: overdue.data.total,
      to: '/work-item-access?overdue=true',
    });
  return items;
}
