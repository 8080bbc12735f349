import { useAuth } from '../../app/auth';
import { useListTotal, waitingTodos } from '../../app/todoCounts';
import type { TodoItem } from '../../app/webModule';
import { type SubmissionQuery, srApi, srKeys } from './api';
import type { scheduledReportsZh } from './i18n';

type Key = keyof typeof scheduledReportsZh;

const useCount = (q: SubmissionQuery, enabled: boolean) =>
  useListTotal(srKeys.submissions(q), () => srApi.submissions(q), enabled, 30_000);

/** Workbench: reports my unit must submit (overdue ones apart), reports sent to my unit for review. */
export function useScheduledReportsTodo(): TodoItem<Key>[] {
  const { can } = useAuth();
  const submit = can('scheduled_reports.submit');
  const review = can('scheduled_reports.review');
  const draft = useCount({ side: 'mine', state: 'draft', pageSize: 1 }, submit);
  const returned = useCount({ side: 'mine', state: 'returned', pageSize: 1 }, submit);
  const late = useCount({ side: 'mine', overdue: 'true', pageSize: 1 }, submit);
  const submitted = useCount({ side: 'review', state: 'submitted', pageSize: 1 }, review);
  const resubmitted = useCount({ side: 'review', state: 'resubmitted', pageSize: 1 }, review);
  return waitingTodos([
    {
      key: 'sr-overdue',
      label: 'scheduledReports.todo.overdue',
      count: late,
      to: '/scheduled-reports/submissions?tab=overdue',
      due: 'overdue',
    },
    {
      key: 'sr-due',
      label: 'scheduledReports.todo.due',
      count: draft + returned - late,
      to: '/scheduled-reports/submissions?tab=mine',
    },
    {
      key: 'sr-review',
      label: 'scheduledReports.todo.review',
      count: submitted + resubmitted,
      to: '/scheduled-reports/submissions?tab=review',
    },
  ]);
}
