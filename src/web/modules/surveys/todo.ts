import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import type { TodoItem } from '../../app/webModule';
import { svApi } from './api';
import type { surveysZh } from './i18n';

type Key = keyof typeof surveysZh;
const WEEK = 7 * 86_400_000;

/** Workbench: collecting surveys that close within a week with fewer responses than their target. */
export function useSurveysTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const open = useQuery({
    queryKey: ['surveys', 'list', { status: 'published', pageSize: 100 }],
    queryFn: () => svApi.list({ status: 'published', pageSize: 100 }),
    enabled: can('surveys.read'),
    staleTime: 60_000,
  });
  const now = Date.now();
  const low = (open.data?.items ?? []).filter((s) => {
    const left = new Date(s.closesAt).getTime() - now;
    return left >= 0 && left <= WEEK && s.target !== null && s.responses < s.target;
  });
  if (!low.length) return [];
  const soonest = Math.min(...low.map((s) => new Date(s.closesAt).getTime()));
  return [
    {
      key: 'sv-low',
      label: 'surveys.todo.lowResponse',
      count: low.length,
      to: low.length === 1 ? `/surveys/${low[0]!.id}` : '/surveys?status=published',
      due: soonest - now < 86_400_000 ? 'today' : 'week',
    },
  ];
}
