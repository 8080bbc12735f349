import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import type { TodoItem } from '../../app/webModule';
import { type ListQuery, dsApi, dsKeys } from './api';
import type { disputesZh } from './i18n';

type Key = keyof typeof disputesZh;

function useCount(q: ListQuery, enabled: boolean) {
  return useQuery({
    queryKey: dsKeys.list(q),
    queryFn: () => dsApi.list(q),
    enabled,
    staleTime: 30_000,
  });
}

/** Workbench: disputes waiting for the centre's diversion, tickets waiting for the user's unit, overdue ones. */
export function useDisputesTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const centre = can('disputes.dispatch');
  const handler = can('disputes.handle');
  const toDivert = useCount({ view: 'to_divert', pageSize: 1 }, centre);
  const toAccept = useCount({ view: 'to_accept', pageSize: 1 }, handler);
  const overdue = useCount({ view: 'overdue', pageSize: 1 }, centre || handler);
  const items: TodoItem<Key>[] = [];
  if (centre && toDivert.data?.total)
    items.push({
      key: 'ds-divert',
      label: 'disputes.todo.toDivert',
      count: toDivert.data.total,
      to: '/disputes?view=to_divert',
    });
  if (handler && toAccept.data?.total)
    items.push({
      key: 'ds-accept',
      label: 'disputes.todo.toAccept',
      count: toAccept.data.total,
      to: '/disputes?view=to_accept',
    });
  if (overdue.data?.total)
    items.push({
      key: 'ds-overdue',
      label: 'disputes.todo.overdue',
      due: 'overdue',
      count: overdue.data.total,
      to: '/disputes?view=overdue',
    });
  return items;
}
