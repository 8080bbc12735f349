import { useQuery } from '@tanstack/react-query';
import { useAuth } from '../../app/auth';
import type { TodoItem } from '../../app/webModule';
import { type SubmissionQuery, srApi, srKeys } from './api';
import type { scheduledReportsZh } from './i18n';

type Key = keyof typeof scheduledReportsZh;

function useCount(q: SubmissionQuery, enabled: boolean) {
  return useQuery({
    queryKey: srKeys.submissions(q),
    queryFn: () => srApi.submissions(q),
    enabled,
    staleTime: 30_000,
  });
}

/** Workbench: reports my unit must submit (overdue ones apart), reports sent to my unit for review. */
export function useScheduledReportsTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const submit = can('scheduled_reports.submit');
  const review = can('scheduled_reports.review');
  const draft = useCount({ side: 'mine', state: 'draft', pageSize: 1 }, submit);
  const returned = useCount({ side: 'mine', state: 'returned', pageSize: 1 }, submit);
  const overdue = useCount({ side: 'mine', overdue: 'true', pageSize: 1 }, submit);
  const submitted = useCount({ side: 'review', state: 'submitted', pageSize: 1 }, review);
  const resubmitted = useCount({ side: 'review', state: 'resubmitted', pageSize: 1 }, review);
  const items: TodoItem<Key>[] = [];
  const late = overdue.data?.total ?? 0;
  const due = (draft.data?.total ?? 0) + (returned.data?.total ?? 0) - late;
  if (late > 0)
    items.push({
      key: 'sr-overdue',
      label: 'scheduledReports.todo.overdue',
      count: late,
      to: '/scheduled-reports/submissions?tab=overdue',
      due: 'overdue',
    });
  if (due > 0)
    items.push({
      key: 'sr-due',
      label: 'scheduledReports.todo.due',
      count: due,
      to: '/scheduled-reports/submissions?tab=mine',
    });
  const toReview = (submitted.data?.total ?? 0) + (resubmitted.data?.total ?? 0);
  if (toReview > 0)
    items.push({
      key: 'sr-review',
      label: 'scheduledReports.todo.review',
      count: toReview,
      to: '/scheduled-reports/submissions?tab=review',
    });
  return items;
}
