import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import type { TodoItem } from '../../app/webModule';
import { assessmentsApi, assessmentsKeys } from './api';
import type { assessmentsZh } from './i18n';

type Key = keyof typeof assessmentsZh;

/** Workbench: the third-party evaluator's assigned rounds still open. */
export function useAssessmentsTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const evaluates = can('assessments.evaluate');
  const q = { view: 'assigned', pageSize: 50 };
  const assigned = useQuery({
    queryKey: assessmentsKeys.rounds(q),
    queryFn: () => assessmentsApi.rounds(q),
    enabled: evaluates,
    staleTime: 30_000,
  });
  const open = (assigned.data?.items ?? []).filter((r) => r.state === 'open');
  const count = open.reduce((n, r) => n + (r.counts.evaluation ?? 0), 0);
  if (!evaluates || open.length === 0) return [];
  return [
    {
      key: 'as-assigned',
      label: 'assessments.todo.assigned',
      count: count || open.length,
      to: open.length === 1 ? `/assessments/rounds/${open[0]!.id}` : '/assessments/rounds?view=assigned',
    },
  ];
}
