import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/permissions';
import { applicationsPolicy } from './projects.policy';
import { reviewerLimit } from './projects.repository';
import { pjApplications, pjReports } from './projects.table';

/** Applications of a call in the actor's reach, counted per subdistrict and state, with their late flags. */
export function applicationCounts(db: Db, actor: Actor, callId: string) {
  const a = pjApplications;
  return db
    .select({
      subdistrictId: a.subdistrictId,
      state: a.state,
      n: count(),
      submitOverdue: count(a.overdueAt),
      completed: count(a.completedAt),
      completionOverdue: count(a.completionOverdueAt),
      summarized: count(a.summaryAt),
      summaryOverdue: count(a.summaryOverdueAt),
    })
    .from(a)
    .where(and(eq(a.callId, callId), applicationsPolicy.scope(actor, 'read'), reviewerLimit(actor)))
    .groupBy(a.subdistrictId, a.state);
}

/** Monthly reports of the call's projects in the actor's reach, per subdistrict: filed, open past due, filed late. */
export function reportCounts(db: Db, actor: Actor, callId: string, now: Date) {
  const a = pjApplications;
  const r = pjReports;
  return db
    .select({
      subdistrictId: a.subdistrictId,
      filed: count(r.filedAt),
      openOverdue: sql<number>`count(*) filter (where ${r.filedAt} is null and ${r.dueAt} <= ${now})`.mapWith(
        Number,
      ),
      filedLate:
        sql<number>`count(*) filter (where ${r.filedAt} is not null and ${r.overdueAt} is not null)`.mapWith(
          Number,
        ),
    })
    .from(r)
    .innerJoin(a, eq(a.id, r.applicationId))
    .where(and(eq(r.callId, callId), applicationsPolicy.scope(actor, 'read'), reviewerLimit(actor)))
    .groupBy(a.subdistrictId);
}
