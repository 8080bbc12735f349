import { useAuth } from '../../app/auth';
import { useListTotal, waitingTodos } from '../../app/todoCounts';
import type { TodoItem } from '../../app/webModule';
import { type ListQuery, dsApi, dsKeys } from './api';
import type { disputesZh } from './i18n';

type Key = keyof typeof disputesZh;

const useCount = (q: ListQuery, enabled: boolean) =>
  useListTotal(dsKeys.list(q), () => dsApi.list(q), enabled, 30_000);

/** Workbench: disputes waiting for the centre's diversion, tickets waiting for the user's unit, overdue ones. */
export function useDisputesTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const centre = can('disputes.dispatch');
  const handler = can('disputes.handle');
  const toDivert = useCount({ view: 'to_divert', pageSize: 1 }, centre);
  const toAccept = useCount({ view: 'to_accept', pageSize: 1 }, handler);
  const overdue = useCount({ view: 'overdue', pageSize: 1 }, centre || handler);
  return waitingTodos([
    { key: 'ds-divert', label: 'disputes.todo.toDivert', count: toDivert, to: '/disputes?view=to_divert' },
    { key: 'ds-accept', label: 'disputes.todo.toAccept', count: toAccept, to: '/disputes?view=to_accept' },
    {
      key: 'ds-overdue',
      label: 'disputes.todo.overdue',
      due: 'overdue',
      count: overdue,
      to: '/disputes?view=overdue',
    },
  ]);
}
