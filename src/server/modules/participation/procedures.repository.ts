import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { rowsOfParents } from '../../platform/rowsOfParents';
import { finderInScope, rowInserter } from '../../platform/rowAccessors';
import { inReach } from '../../platform/inReach';
import type { PageQuery } from '../../platform/listing';
import { proceduresPolicy } from './participation.policy';
import { ptDisclosures, ptMeetings, ptMotions, ptProcedureSteps, ptProcedures } from './participation.table';

/** Queries of procedures and their steps (CONTRIBUTING: boundaries). */
export type ProcedureRow = typeof ptProcedures.$inferSelect;
export type StepRow = typeof ptProcedureSteps.$inferSelect;

export const insertProcedure = rowInserter(ptProcedures);

export const findProcedure = finderInScope(proceduresPolicy, ptProcedures);

/** One page of the procedures in reach for reading, under `path` when given, newest first. */
export const listProcedureRows = inReach(proceduresPolicy, 'read').lister(
  ptProcedures,
  [desc(ptProcedures.createdAt), desc(ptProcedures.id)],
  (q: PageQuery & { path?: string; status?: string; matterClass?: string }) => [
    q.status ? eq(ptProcedures.status, q.status) : undefined,
    // seed 002 (S002-05): by “三重一大” class, or those without one
    q.matterClass === 'none'
      ? isNull(ptProcedures.matterClass)
      : q.matterClass
        ? eq(ptProcedures.matterClass, q.matterClass)
        : undefined,
  ],
);

export function stepsOf(db: Db, procedureIds: string[]): Promise<StepRow[]> {
  return rowsOfParents(
    db,
    ptProcedureSteps,
    ptProcedureSteps.procedureId,
    procedureIds,
    asc(ptProcedureSteps.idx),
  );
}

/** Completes step `idx` if it is still the procedure's next step (0 rows when another request won). */
export async function completeStep(
  tx: Db,
  p: ProcedureRow,
  row: typeof ptProcedureSteps.$inferInsert,
  last: boolean,
  now: Date,
): Promise<boolean> {
  const moved = await tx
    .update(ptProcedures)
    .set({ step: p.step + 1, status: last ? 'done' : 'running', updatedAt: now })
    .where(and(eq(ptProcedures.id, p.id), eq(ptProcedures.step, p.step)))
    .returning({ id: ptProcedures.id });
  if (moved.length === 0) return false;
  await tx.insert(ptProcedureSteps).values(row);
  return true;
}

/** Titles of linked records for the steps' display (no scope: the procedure's reader sees its links). */
export async function linkedTitles(db: Db, steps: StepRow[]) {
  const meetingIds = steps.flatMap((s) => (s.meetingId ? [s.meetingId] : []));
  const motionIds = steps.flatMap((s) => (s.motionId ? [s.motionId] : []));
  const disclosureIds = steps.flatMap((s) => (s.disclosureId ? [s.disclosureId] : []));
  const meetings = meetingIds.length
    ? await db
        .select({ id: ptMeetings.id, title: ptMeetings.title, due: ptMeetings.due, kind: ptMeetings.kind })
        .from(ptMeetings)
        .where(inArray(ptMeetings.id, meetingIds))
    : [];
  const motions = motionIds.length
    ? await db.select().from(ptMotions).where(inArray(ptMotions.id, motionIds))
    : [];
  const disclosures = disclosureIds.length
    ? await db
        .select({ id: ptDisclosures.id, title: ptDisclosures.title })
        .from(ptDisclosures)
        .where(inArray(ptDisclosures.id, disclosureIds))
    : [];
  return { meetings, motions, disclosures };
}

/** Whether a disclosure already serves a step of some procedure. */
export async function disclosureUsed(db: Db, disclosureId: string): Promise<boolean> {
  const [r] = await db
    .select({ id: ptProcedureSteps.id })
    .from(ptProcedureSteps)
    .where(eq(ptProcedureSteps.disclosureId, disclosureId))
    .limit(1);
  return !!r;
}
