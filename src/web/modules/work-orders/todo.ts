import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import type { TodoDue, TodoItem } from '../../app/webModule';
import { type WoView, woApi, woKeys } from './api';
import type { workOrdersZh } from './i18n';

type Key = keyof typeof workOrdersZh;

/** The deadline views the workbench sums into its overdue / due today / due this week tiles. */
const DUE_VIEWS: { view: WoView; due: TodoDue; label: Key }[] = [
  { view: 'overdue', due: 'overdue', label: 'wo.todo.overdue' },
  { view: 'due_today', due: 'today', label: 'wo.todo.dueToday' },
  { view: 'due_week', due: 'week', label: 'wo.todo.dueWeek' },
];

const useCount = (view: WoView, enabled: boolean) =>
  useQuery({ queryKey: woKeys.count(view), queryFn: () => woApi.count(view), enabled, staleTime: 30_000 });

/**
 * Workbench: work orders waiting for my dispatch (intake view), my handling unit's to-dos (mine view), and
 * those in my reach whose time limit has run out, runs out today or this week.
 */
export function useWorkOrdersTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const dispatch = can('work_orders.dispatch');
  const handle = can('work_orders.handle');
  const deadlines = dispatch || handle;
  // The same query keys as the counts on the work-order list tabs: one request serves both.
  const intake = useCount('intake', dispatch);
  const mine = useCount('mine', handle);
  const overdue = useCount('overdue', deadlines);
  const today = useCount('due_today', deadlines);
  const week = useCount('due_week', deadlines);
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
  const counts = [overdue.data, today.data, week.data];
  DUE_VIEWS.forEach(({ view, due, label }, i) => {
    const count = counts[i];
    if (deadlines && count)
      items.push({ key: `wo-${view}`, label, count, due, to: `/work-orders?view=${view}` });
  });
  return items;
}
