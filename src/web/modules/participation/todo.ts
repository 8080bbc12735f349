import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import type { TodoItem } from '../../app/webModule';
import { ptApi, ptKeys } from './api';
import type { participationZh } from './i18n';

type Key = keyof typeof participationZh;

/** Workbench: meetings whose sign-in is open and that still wait to be closed. */
export function useParticipationTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const manage = can('participation.manage');
  const open = useQuery({
    queryKey: ptKeys.meetings({ status: 'open', pageSize: 1 }),
    queryFn: () => ptApi.meetings({ status: 'open', pageSize: 1 }),
    enabled: manage,
    staleTime: 30_000,
  });
  const items: TodoItem<Key>[] = [];
  if (manage && open.data?.total)
    items.push({
      key: 'pt-open',
      label: 'participation.todo.open',
      count: open.data.total,
      to: '/meetings?status=open',
    });
  return items;
}
