import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { rowsOfParent } from '../../platform/rowsOfParents';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { finderInScope, rowInserter, statusMover } from '../../platform/rowAccessors';
import { inReach } from '../../platform/inReach';
import type { PageQuery } from '../../platform/listing';
import { meetingsPolicy } from './participation.policy';
import { ptAttendance, ptCorrections, ptMeetings, ptMotions } from './participation.table';

/** The only code that queries the participation module's tables (CONTRIBUTING: boundaries). */
export type MeetingRow = typeof ptMeetings.$inferSelect;
export type AttendanceRow = typeof ptAttendance.$inferSelect;
export type MotionRow = typeof ptMotions.$inferSelect;
export type CorrectionRow = typeof ptCorrections.$inferSelect;

export const insertMeeting = rowInserter(ptMeetings);

/** A meeting in reach for `action`, else undefined (404); `lock` reads it FOR UPDATE. */
export const findMeeting = finderInScope(meetingsPolicy, ptMeetings);

/** One page of the meetings in reach for reading, under `path` when given, newest first. */
export const listMeetingRows = inReach(meetingsPolicy, 'read').lister(
  ptMeetings,
  [desc(ptMeetings.heldAt), desc(ptMeetings.id)],
  (q: PageQuery & { path?: string; kind?: string; status?: string }) => [
    q.kind ? eq(ptMeetings.kind, q.kind) : undefined,
    q.status ? eq(ptMeetings.status, q.status) : undefined,
  ],
);

/** Moves a meeting on from `from` (optimistic: 0 rows when someone else moved it first). */
export const updateMeeting = statusMover(ptMeetings);

/** Inserts sign-ins, skipping people already signed in; answers how many were new. */
export async function insertAttendance(tx: Db, rows: (typeof ptAttendance.$inferInsert)[]): Promise<number> {
  if (rows.length === 0) return 0;
  const done = await tx
    .insert(ptAttendance)
    .values(rows)
    .onConflictDoNothing()
    .returning({ id: ptAttendance.id });
  return done.length;
}

export function attendanceOf(db: Db, meetingId: string): Promise<AttendanceRow[]> {
  return rowsOfParent(
    db,
    ptAttendance,
    ptAttendance.meetingId,
    meetingId,
    asc(ptAttendance.signedAt),
    asc(ptAttendance.id),
  );
}

/** Those present by the meeting's basis: people, or distinct households represented. */
export async function presentCount(db: Db, meetingId: string, basis: string): Promise<number> {
  const [r] = await db
    .select({
      n:
        basis === 'households'
          ? sql<number>`count(distinct ${ptAttendance.householdId})::int`
          : sql<number>`count(*)::int`,
    })
    .from(ptAttendance)
    .where(eq(ptAttendance.meetingId, meetingId));
  return r?.n ?? 0;
}

export async function presentResidentIds(db: Db, meetingId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: ptAttendance.residentId })
    .from(ptAttendance)
    .where(and(eq(ptAttendance.meetingId, meetingId), inArray(ptAttendance.residentId, ids)));
  return new Set(rows.map((r) => r.id!));
}

export async function motionsOf(db: Db, meetingId: string): Promise<MotionRow[]> {
  return db.select().from(ptMotions).where(eq(ptMotions.meetingId, meetingId)).orderBy(asc(ptMotions.seq));
}

export async function insertMotion(
  tx: Db,
  row: Omit<typeof ptMotions.$inferInsert, 'seq'>,
): Promise<MotionRow> {
  const [m] = await tx
    .insert(ptMotions)
    .values({
      ...row,
      seq: sql`(select coalesce(max(${ptMotions.seq}), 0) + 1 from ${ptMotions} where ${ptMotions.meetingId} = ${row.meetingId})`,
    })
    .returning();
  return m!;
}

export async function findMotion(db: Db, meetingId: string, id: string): Promise<MotionRow | undefined> {
  return firstRow(db, ptMotions, and(eq(ptMotions.meetingId, meetingId), eq(ptMotions.id, id)));
}

/** Records a tally once: 0 rows when the motion already has one. */
export async function recordTally(
  tx: Db,
  id: string,
  patch: Pick<
    typeof ptMotions.$inferInsert,
    'yes' | 'no' | 'abstain' | 'presentAtVote' | 'passed' | 'decidedAt'
  >,
): Promise<MotionRow | undefined> {
  const [m] = await tx
    .update(ptMotions)
    .set(patch)
    .where(and(eq(ptMotions.id, id), sql`${ptMotions.decidedAt} is null`))
    .returning();
  return m;
}

export const insertCorrection = rowInserter(ptCorrections);

export function correctionsOf(db: Db, meetingId: string): Promise<CorrectionRow[]> {
  return rowsOfParent(
    db,
    ptCorrections,
    ptCorrections.meetingId,
    meetingId,
    asc(ptCorrections.createdAt),
    asc(ptCorrections.id),
  );
}

/** Present counts of several meetings at once (for lists of open meetings). */
export async function presentCounts(db: Db, meetings: MeetingRow[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const m of meetings) {
    if (m.status === 'closed') out.set(m.id, m.present ?? 0);
    else out.set(m.id, await presentCount(db, m.id, m.basis));
  }
  return out;
}

/**
 * A meeting by id without a staff scope, locked: for a resident's QR sign-in, which the caller allows only
 * with the meeting's token and only for an elector of its unit.
 */
export async function meetingForQr(tx: Db, id: string): Promise<MeetingRow | undefined> {
  const [m] = await tx.select().from(ptMeetings).where(eq(ptMeetings.id, id)).for('update');
  return m;
}
