import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import type { TodoItem } from '../../app/webModule';
import { projectsApi, projectsKeys } from './api';
import type { projectsZh } from './i18n';

type Key = keyof typeof projectsZh;

/** Workbench: applications at the user's step, those to score, and monthly reports to file (subdistricts). */
export function useProjectsTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const acts = can('projects.apply') || can('projects.review') || can('projects.manage');
  const scores = can('projects.score');
  const waiting = useQuery({
    queryKey: projectsKeys.applications({ view: 'waiting', pageSize: 1 }),
    queryFn: () => projectsApi.applications({ view: 'waiting', pageSize: 1 }),
    enabled: acts,
    staleTime: 30_000,
  });
  const toScore = useQuery({
    queryKey: projectsKeys.applications({ view: 'toScore', pageSize: 1 }),
    queryFn: () => projectsApi.applications({ view: 'toScore', pageSize: 1 }),
    enabled: scores,
    staleTime: 30_000,
  });
  const review = can('projects.review');
  const reports = useQuery({
    queryKey: projectsKeys.reports({ view: 'open', pageSize: 1 }),
    queryFn: () => projectsApi.reports({ view: 'open', pageSize: 1 }),
    enabled: review,
    staleTime: 30_000,
  });
  const items: TodoItem<Key>[] = [];
  if (review && reports.data?.total)
    items.push({
      key: 'pj-reports',
      label: 'projects.todo.reports',
      count: reports.data.total,
      to: '/projects/reports?view=open',
    });
  if (acts && waiting.data?.total)
    items.push({
      key: 'pj-waiting',
      label: 'projects.todo.waiting',
      count: waiting.data.total,
      to: '/projects/applications?view=waiting',
    });
  if (scores && toScore.data?.total)
    items.push({
      key: 'pj-score',
      label: 'projects.todo.toScore',
      count: toScore.data.total,
      to: '/projects/applications?view=toScore',
    });
  return items;
}
