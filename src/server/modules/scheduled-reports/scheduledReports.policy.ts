import { type SQL, sql } from 'drizzle-orm';
import { type Policy, definePolicy } from '../../platform/policy';
import { type Actor, inScope, scopeWhere } from '../../platform/permissions';
import { srCycles, srSubmissions, srTemplates } from './scheduledReports.table';

/**
 * Who may do what with scheduled reports (信息报告, R-RP-1).
 *
 * A template lives at its receiving unit; the units that submit lie under it, so a template (and its
 * cycles) is in reach for reading when it lies in the actor's subtree or above a unit where they hold the
 * permission. Managing needs it in the subtree.
 *
 * A submission has two paths: the submitting unit's (`org_path`) and the receiving unit's (its cycle's
 * `org_path`). Reading needs either in scope; filling in and submitting needs the submitting unit in the
 * actor's `submit` scope while the receiving unit is not in their `review` scope (the receiving side
 * reviews, it does not submit for its units); accepting and returning needs the receiving unit in scope.
 */
export type ReportAction = 'read' | 'manage' | 'submit' | 'review' | 'export';

/** The receiving unit's path of a submission row, as SQL (a correlated subquery on its cycle). */
export const receiverPathSql: SQL<string> = sql<string>`(select c.org_path from ${srCycles} c where c.id = ${srSubmissions.cycleId})`;

export type SubmissionRec = { orgPath: string; receiverPath: string };

export const submissionsPolicy: Policy<ReportAction, SubmissionRec> = definePolicy<
  ReportAction,
  SubmissionRec
>({
  permissions: {
    read: 'scheduled_reports.read',
    manage: 'scheduled_reports.manage',
    submit: 'scheduled_reports.submit',
    review: 'scheduled_reports.review',
    export: 'scheduled_reports.export',
  },
  pathColumns: [srSubmissions.orgPath, receiverPathSql],
  pathsOf: (r) => [r.orgPath, r.receiverPath],
});

export const templatesPolicy: Policy<ReportAction, { orgPath: string }> = definePolicy<
  ReportAction,
  { orgPath: string }
>({
  permissions: submissionsPolicy.permissions,
  pathColumn: srTemplates.orgPath,
  pathOf: (r) => r.orgPath,
});

/** Submissions the actor fills in: their unit in `submit` scope, the receiving unit not in `review` scope. */
export function submitSideScope(actor: Actor): SQL {
  return sql`(${scopeWhere(actor, 'scheduled_reports.submit', srSubmissions.orgPath)} and not ${scopeWhere(
    actor,
    'scheduled_reports.review',
    receiverPathSql,
  )})`;
}

export function canSubmit(actor: Actor, r: SubmissionRec): boolean {
  return (
    inScope(actor, 'scheduled_reports.submit', r.orgPath) &&
    !inScope(actor, 'scheduled_reports.review', r.receiverPath)
  );
}

export function canReview(actor: Actor, r: SubmissionRec): boolean {
  return inScope(actor, 'scheduled_reports.review', r.receiverPath);
}
