import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import type { TodoItem } from '../../app/webModule';
import { type TaskQuery, ktApi, ktKeys } from './api';
import type { keyTasksZh } from './i18n';

type Key = keyof typeof keyTasksZh;

function useCount(q: TaskQuery, enabled: boolean) {
  return useQuery({
    queryKey: ktKeys.tasks(q),
    queryFn: () => ktApi.tasks(q),
    enabled,
    staleTime: 30_000,
  });
}

/** Workbench: overdue key tasks (supervisors and responsible units), tasks in progress to report on. */
export function useKeyTasksTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const supervise = can('key_tasks.supervise');
  const report = can('key_tasks.report');
  const overdue = useCount({ overdue: 'true', pageSize: 1 }, supervise || report);
  const toReport = useCount({ state: 'in_progress', overdue: 'false', pageSize: 1 }, report);
  const items: TodoItem<Key>[] = [];
  if (overdue.data?.total)
    items.push({
      key: 'kt-overdue',
      label: 'keyTasks.todo.overdue',
      count: overdue.data.total,
      to: '/key-tasks?overdue=true',
    });
  if (toReport.data?.total)
    items.push({
      key: 'kt-report',
      label: 'keyTasks.todo.toReport',
      count: toReport.data.total,
      to: '/key-tasks?state=in_progress',
    });
  return items;
}
