import { useAuth } from '../../app/auth';
import { useListTotal, waitingTodos } from '../../app/todoCounts';
import type { TodoItem } from '../../app/webModule';
import { type OrderView, svcApi, svcKeys } from './api';
import type { servicesZh } from './i18n';

type Key = keyof typeof servicesZh;

/** How many orders the dispatcher's `view` holds (a one-row page's total). */
const useOrderCount = (view: OrderView, enabled: boolean) =>
  useListTotal(
    svcKeys.orders({ view, pageSize: 1 }),
    () => svcApi.orders({ view, pageSize: 1 }),
    enabled,
    30_000,
  );

/** Workbench: service orders waiting for dispatch, orders sent back (not accepted in time), my open tasks. */
export function useServicesTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const dispatch = can('services.dispatch');
  const queue = useOrderCount('queue', dispatch);
  const alerts = useOrderCount('alerts', dispatch);
  const tasks = useListTotal(
    svcKeys.myTasks('open'),
    () => svcApi.myTasks('open'),
    can('services.serve'),
    30_000,
  );
  return waitingTodos([
    { key: 'svc-queue', label: 'services.todo.queue', count: queue, to: '/services/orders?view=queue' },
    { key: 'svc-alerts', label: 'services.todo.alerts', count: alerts, to: '/services/orders?view=alerts' },
    { key: 'svc-tasks', label: 'services.todo.tasks', count: tasks, to: '/m/tasks' },
  ]);
}
