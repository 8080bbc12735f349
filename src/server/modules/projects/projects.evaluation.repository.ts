import { and, asc, count, desc, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { countWhere } from '../../platform/figureQuery';
import { upsertRow } from '../../platform/upsertRow';
import { AppError } from '../../platform/errors';
import {
  pjApplications,
  pjCallEvaluation,
  pjCalls,
  pjDisbursements,
  pjEvaluations,
  pjExemptions,
  pjReports,
  pjSpends,
} from './projects.table';
import {
  DEFAULT_ADJUSTMENTS,
  DEFAULT_GRADE_BANDS,
  DEFAULT_QUOTA_FLOOR,
} from '../../../shared/contracts/projects.evaluation';
import { rowsOfApplication } from './projects.childRows';

export type CallEvaluationRow = typeof pjCallEvaluation.$inferSelect;
export type EvaluationRow = typeof pjEvaluations.$inferSelect;
export type ExemptionRow = typeof pjExemptions.$inferSelect;

/** A call's evaluation settings, or the defaults when the bureau has set none. */
export async function callEvaluationOf(db: Db, callId: string): Promise<CallEvaluationRow> {
  const [r] = await db.select().from(pjCallEvaluation).where(eq(pjCallEvaluation.callId, callId));
  return (
    r ?? {
      callId,
      bands: DEFAULT_GRADE_BANDS.map((b) => ({ ...b })),
      adjustments: { ...DEFAULT_ADJUSTMENTS },
      floor: DEFAULT_QUOTA_FLOOR,
      evaluatorIds: [],
      subdistrictQuotas: {},
      quotasFromCallId: null,
      createdAt: new Date(0),
      updatedAt: new Date(0),
    }
  );
}

export async function saveCallEvaluation(db: Db, row: typeof pjCallEvaluation.$inferInsert) {
  const { callId: _c, createdAt: _a, ...set } = row;
  return upsertRow(db, pjCallEvaluation, pjCallEvaluation.callId, row, set);
}

/** Selected projects per subdistrict of a call. */
export async function selectedBySubdistrict(db: Db, callId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ sd: pjApplications.subdistrictId, n: count() })
    .from(pjApplications)
    .where(and(eq(pjApplications.callId, callId), eq(pjApplications.state, 'selected')))
    .groupBy(pjApplications.subdistrictId);
  return new Map(rows.map((r) => [r.sd, r.n]));
}

/**
 * R-PJ-4: the subdistrict's quota on the call (when one is set), checked at selection after the call row
 * was locked by the total quota check (so concurrent selections are counted one after the other).
 */
export async function checkSubdistrictQuota(
  tx: Db,
  a: { callId: string; subdistrictId: string },
  unitName: (id: string) => Promise<string>,
) {
  const [settings] = await tx.select().from(pjCallEvaluation).where(eq(pjCallEvaluation.callId, a.callId));
  const quota = settings?.subdistrictQuotas[a.subdistrictId];
  if (quota === undefined || quota === null) return;
  const selected = await countWhere(
    tx,
    pjApplications,
    and(
      eq(pjApplications.callId, a.callId),
      eq(pjApplications.subdistrictId, a.subdistrictId),
      eq(pjApplications.state, 'selected'),
    ),
  );
  if (selected > quota)
    throw new AppError('projects.subdistrict_quota_full', 409, {
      unit: await unitName(a.subdistrictId),
      quota,
    });
}

export async function evaluationOf(db: Db, applicationId: string): Promise<EvaluationRow | undefined> {
  return firstRow(db, pjEvaluations, eq(pjEvaluations.applicationId, applicationId));
}

export async function evaluationsOfCall(db: Db, callId: string): Promise<EvaluationRow[]> {
  return db.select().from(pjEvaluations).where(eq(pjEvaluations.callId, callId));
}

export async function countEvaluations(db: Db, callId: string): Promise<number> {
  return countWhere(db, pjEvaluations, eq(pjEvaluations.callId, callId));
}

export async function upsertEvaluation(db: Db, row: typeof pjEvaluations.$inferInsert) {
  const { id: _i, applicationId: _a, createdAt: _c, createdBy: _b, ...set } = row;
  return upsertRow(db, pjEvaluations, pjEvaluations.applicationId, row, set);
}

export function exemptionsOf(db: Db, applicationId: string): Promise<ExemptionRow[]> {
  return rowsOfApplication(db, pjExemptions, applicationId, desc(pjExemptions.createdAt));
}

export async function insertExemption(db: Db, row: typeof pjExemptions.$inferInsert) {
  await db.insert(pjExemptions).values(row);
}

/** Moves one project's completion (and, if given, summary) deadline; the completion overdue flag clears. */
export async function moveOneProjectDue(
  db: Db,
  id: string,
  completionDueAt: Date,
  summaryDueAt: Date | null,
  now: Date,
) {
  await db
    .update(pjApplications)
    .set({
      completionDueAt,
      completionOverdueAt: null,
      ...(summaryDueAt && { summaryDueAt, summaryOverdueAt: null }),
      updatedAt: now,
    })
    .where(eq(pjApplications.id, id));
}

/** The bureau's latest earlier call (same issuer, an earlier year, results published). */
export async function previousCall(db: Db, call: { id: string; orgUnitId: string; year: number }) {
  const [r] = await db
    .select()
    .from(pjCalls)
    .where(
      and(
        eq(pjCalls.orgUnitId, call.orgUnitId),
        lt(pjCalls.year, call.year),
        eq(pjCalls.status, 'published'),
        ne(pjCalls.id, call.id),
      ),
    )
    .orderBy(desc(pjCalls.year), desc(pjCalls.publishedAt))
    .limit(1);
  return r;
}

/** Reports, disbursements, spends and exemptions of a set of projects (the year summary). */
export async function summaryFacts(db: Db, ids: string[]) {
  if (ids.length === 0) return { reports: [], disbursements: [], spends: [], evaluations: [] };
  const [reports, disbursements, spends, evaluations] = await Promise.all([
    db
      .select()
      .from(pjReports)
      .where(inArray(pjReports.applicationId, ids))
      .orderBy(asc(pjReports.applicationId), asc(pjReports.month)),
    db.select().from(pjDisbursements).where(inArray(pjDisbursements.applicationId, ids)),
    db.select().from(pjSpends).where(inArray(pjSpends.applicationId, ids)),
    db.select().from(pjEvaluations).where(inArray(pjEvaluations.applicationId, ids)),
  ]);
  return { reports, disbursements, spends, evaluations };
}
