import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import type { TodoItem } from '../../app/webModule';
import { ptApi, ptKeys } from './api';
import type { participationZh } from './i18n';

type Key = keyof typeof participationZh;

/** Workbench: meetings whose sign-in is open, and late disclosures or unanswered objections (R-LAW-DC-1). */
export function useParticipationTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const manage = can('participation.manage');
  const open = useQuery({
    queryKey: ptKeys.meetings({ status: 'open', pageSize: 1 }),
    queryFn: () => ptApi.meetings({ status: 'open', pageSize: 1 }),
    enabled: manage,
    staleTime: 30_000,
  });
  const late = useQuery({
    queryKey: ['participation', 'overdue'],
    queryFn: ptApi.overdue,
    enabled: can('participation.read'),
    staleTime: 60_000,
  });
  const items: TodoItem<Key>[] = [];
  const lateCount = (late.data?.missing.length ?? 0) + (late.data?.unanswered.length ?? 0);
  if (lateCount)
    items.push({
      key: 'pt-overdue',
      label: 'participation.todo.overdue',
      count: lateCount,
      to: '/disclosures',
    });
  if (manage && open.data?.total)
    items.push({
      key: 'pt-open',
      label: 'participation.todo.open',
      count: open.data.total,
      to: '/meetings?status=open',
    });
  return items;
}
