import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import type { TodoItem } from '../../app/webModule';
import { svcApi, svcKeys } from './api';
import type { servicesZh } from './i18n';

type Key = keyof typeof servicesZh;

/** Workbench: service orders waiting for dispatch, orders sent back (not accepted in time), my open tasks. */
export function useServicesTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const dispatch = can('services.dispatch');
  const serve = can('services.serve');
  const queue = useQuery({
    queryKey: svcKeys.orders({ view: 'queue', pageSize: 1 }),
    queryFn: () => svcApi.orders({ view: 'queue', pageSize: 1 }),
    enabled: dispatch,
    staleTime: 30_000,
  });
  const alerts = useQuery({
    queryKey: svcKeys.orders({ view: 'alerts', pageSize: 1 }),
    queryFn: () => svcApi.orders({ view: 'alerts', pageSize: 1 }),
    enabled: dispatch,
    staleTime: 30_000,
  });
  const tasks = useQuery({
    queryKey: svcKeys.myTasks('open'),
    queryFn: () => svcApi.myTasks('open'),
    enabled: serve,
    staleTime: 30_000,
  });
  const items: TodoItem<Key>[] = [];
  if (dispatch && queue.data?.total)
    items.push({
      key: 'svc-queue',
      label: 'services.todo.queue',
      count: queue.data.total,
      to: '/services/orders?view=queue',
    });
  if (dispatch && alerts.data?.total)
    items.push({
      key: 'svc-alerts',
      label: 'services.todo.alerts',
      count: alerts.data.total,
      to: '/services/orders?view=alerts',
    });
  if (serve && tasks.data?.total)
    items.push({ key: 'svc-tasks', label: 'services.todo.tasks', count: tasks.data.total, to: '/m/tasks' });
  return items;
}
