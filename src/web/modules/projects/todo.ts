import { useAuth } from '../../app/auth';
import type { Query } from '../../app/api';
import { useListTotal, waitingTodos } from '../../app/todoCounts';
import type { TodoItem } from '../../app/webModule';
import { projectsApi, projectsKeys } from './api';
import type { projectsZh } from './i18n';

type Key = keyof typeof projectsZh;

const useApplicationsCount = (view: string, enabled: boolean) => {
  const q: Query = { view, pageSize: 1 };
  return useListTotal(projectsKeys.applications(q), () => projectsApi.applications(q), enabled, 30_000);
};

/** Workbench: applications at the user's step, those to score, and monthly reports to file (subdistricts). */
export function useProjectsTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const acts = can('projects.apply') || can('projects.review') || can('projects.manage');
  const scores = can('projects.score');
  const review = can('projects.review');
  const waiting = useApplicationsCount('waiting', acts);
  const toScore = useApplicationsCount('toScore', scores);
  const reportsQuery: Query = { view: 'open', pageSize: 1 };
  const reports = useListTotal(
    projectsKeys.reports(reportsQuery),
    () => projectsApi.reports(reportsQuery),
    review,
    30_000,
  );
  return waitingTodos([
    { key: 'pj-reports', label: 'projects.todo.reports', count: reports, to: '/projects/reports?view=open' },
    {
      key: 'pj-waiting',
      label: 'projects.todo.waiting',
      count: waiting,
      to: '/projects/applications?view=waiting',
    },
    {
      key: 'pj-score',
      label: 'projects.todo.toScore',
      count: toScore,
      to: '/projects/applications?view=toScore',
    },
  ]);
}
