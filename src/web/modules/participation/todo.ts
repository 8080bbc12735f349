import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import { useListTotal, waitingTodos } from '../../app/todoCounts';
import type { TodoItem } from '../../app/webModule';
import { type MeetingQuery, ptApi, ptKeys } from './api';
import type { participationZh } from './i18n';

type Key = keyof typeof participationZh;

/** Workbench: meetings whose sign-in is open, and late disclosures or unanswered objections (R-LAW-DC-1). */
export function useParticipationTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const manage = can('participation.manage');
  const openMeetings: MeetingQuery = { status: 'open', pageSize: 1 };
  const open = useListTotal(
    ptKeys.meetings(openMeetings),
    () => ptApi.meetings(openMeetings),
    manage,
    30_000,
  );
  const late = useQuery({
    queryKey: ['participation', 'overdue'],
    queryFn: ptApi.overdue,
    enabled: can('participation.read'),
    staleTime: 60_000,
  });
  const lateCount = (late.data?.missing.length ?? 0) + (late.data?.unanswered.length ?? 0);
  return waitingTodos([
    { key: 'pt-overdue', label: 'participation.todo.overdue', count: lateCount, to: '/disclosures' },
    { key: 'pt-open', label: 'participation.todo.open', count: open, to: '/meetings?status=open' },
  ]);
}
