import { type SQL, and, asc, desc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { upsertRow } from '../../platform/upsertRow';
import { rowsOfParents } from '../../platform/rowsOfParents';
import { findRowInScope } from '../../platform/findInScope';
import { type Page, listPage } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { rowInserter } from '../../platform/rowAccessors';
import { type MeetingAction, boardScope, disclosuresPolicy, schedulesPolicy } from './participation.policy';
import { ptDisclosureSchedules, ptDisclosures, ptObjections } from './participation.table';

/** Queries of disclosures, objections and schedules (CONTRIBUTING: boundaries). */
export type DisclosureRow = typeof ptDisclosures.$inferSelect;
export type ObjectionRow = typeof ptObjections.$inferSelect;
export type ScheduleRow = typeof ptDisclosureSchedules.$inferSelect;

export const insertDisclosure = rowInserter(ptDisclosures);

/** A disclosure for staff (`read`/`manage` scope) or for a resident's board (`board`). */
export async function findDisclosure(
  db: Db,
  actor: Actor,
  action: MeetingAction | 'board',
  id: string,
  lock = false,
): Promise<DisclosureRow | undefined> {
  const scope = action === 'board' ? boardScope(actor) : disclosuresPolicy.scope(actor, action);
  return findRowInScope(db, ptDisclosures, id, scope, lock);
}

export async function listDisclosureRows(
  db: Db,
  actor: Actor,
  filters: { path?: string; kind?: string; board?: boolean; now: Date },
  page: { page: number; pageSize: number },
): Promise<Page<DisclosureRow>> {
  const conds: (SQL | undefined)[] = [
    filters.board
      ? and(
          boardScope(actor),
          sql`${ptDisclosures.postedAt} <= ${filters.now}`,
          isNull(ptDisclosures.takenDownAt),
        )
      : disclosuresPolicy.scope(actor, 'read'),
    filters.path ? sql`${ptDisclosures.orgPath} like ${`${filters.path}%`}` : undefined,
    filters.kind ? eq(ptDisclosures.kind, filters.kind) : undefined,
  ];
  return listPage(db, {
    table: ptDisclosures,
    where: and(...conds),
    orderBy: [desc(ptDisclosures.postedAt), desc(ptDisclosures.id)],
    page,
  });
}

export async function takeDown(tx: Db, id: string, now: Date): Promise<DisclosureRow | undefined> {
  const [d] = await tx
    .update(ptDisclosures)
    .set({ takenDownAt: now, updatedAt: now })
    .where(and(eq(ptDisclosures.id, id), isNull(ptDisclosures.takenDownAt)))
    .returning();
  return d;
}

export function objectionsOf(db: Db, disclosureIds: string[]): Promise<ObjectionRow[]> {
  return rowsOfParents(
    db,
    ptObjections,
    ptObjections.disclosureId,
    disclosureIds,
    asc(ptObjections.raisedAt),
    asc(ptObjections.id),
  );
}

export const insertObjection = rowInserter(ptObjections);

export async function answerObjection(
  tx: Db,
  disclosureId: string,
  id: string,
  patch: { answer: string; answeredBy: string; answeredAt: Date },
): Promise<ObjectionRow | undefined> {
  const [o] = await tx
    .update(ptObjections)
    .set(patch)
    .where(
      and(
        eq(ptObjections.id, id),
        eq(ptObjections.disclosureId, disclosureId),
        isNull(ptObjections.answeredAt),
      ),
    )
    .returning();
  return o;
}

export async function findObjection(
  db: Db,
  disclosureId: string,
  id: string,
): Promise<ObjectionRow | undefined> {
  return firstRow(
    db,
    ptObjections,
    and(eq(ptObjections.id, id), eq(ptObjections.disclosureId, disclosureId)),
  );
}

/** Objections in the actor's scope unanswered past their 5 days. */
export async function unansweredObjections(db: Db, actor: Actor, now: Date) {
  return db
    .select({ o: ptObjections, d: ptDisclosures })
    .from(ptObjections)
    .innerJoin(ptDisclosures, eq(ptDisclosures.id, ptObjections.disclosureId))
    .where(
      and(
        disclosuresPolicy.scope(actor, 'read'),
        isNull(ptObjections.answeredAt),
        lt(ptObjections.answerDueAt, now),
      ),
    )
    .orderBy(asc(ptObjections.answerDueAt))
    .limit(500);
}

export async function upsertSchedule(
  tx: Db,
  row: typeof ptDisclosureSchedules.$inferInsert,
): Promise<ScheduleRow> {
  return upsertRow(
    tx,
    ptDisclosureSchedules,
    [ptDisclosureSchedules.orgUnitId, ptDisclosureSchedules.kind],
    row,
    {
      frequency: row.frequency,
      updatedAt: row.updatedAt,
    },
  );
}

export async function schedulesInScope(db: Db, actor: Actor): Promise<ScheduleRow[]> {
  return db
    .select()
    .from(ptDisclosureSchedules)
    .where(schedulesPolicy.scope(actor, 'read'))
    .orderBy(asc(ptDisclosureSchedules.orgPath), asc(ptDisclosureSchedules.kind))
    .limit(2000);
}

/** Which (unit, kind, period) postings exist among these. */
export async function postedPeriods(
  db: Db,
  keys: { unitId: string; kind: string; period: string }[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ u: ptDisclosures.orgUnitId, k: ptDisclosures.kind, p: ptDisclosures.period })
    .from(ptDisclosures)
    .where(
      or(
        ...keys.map((k) =>
          and(
            eq(ptDisclosures.orgUnitId, k.unitId),
            eq(ptDisclosures.kind, k.kind),
            eq(ptDisclosures.period, k.period),
          ),
        ),
      ),
    );
  return new Set(rows.map((r) => `${r.u}|${r.k}|${r.p}`));
}

/** Every schedule (the reminder job, run for the whole platform). */
export function allSchedules(db: Db): Promise<ScheduleRow[]> {
  return db
    .select()
    .from(ptDisclosureSchedules)
    .orderBy(asc(ptDisclosureSchedules.orgPath), asc(ptDisclosureSchedules.kind))
    .limit(20000);
}
