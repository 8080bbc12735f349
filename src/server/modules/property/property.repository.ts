import { and, asc, desc, eq, exists, inArray, sql } from 'drizzle-orm';
import type { HonourQuery } from '../../../shared/contracts/property';
import type { Db } from '../../platform/db';
import { rowsOfParents } from '../../platform/rowsOfParents';
import { firstRow } from '../../platform/firstRow';
import { inReach } from '../../platform/inReach';
import type { Page, PageQuery } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { insertRow } from '../../platform/rows';
import { finderInScope, versionedUpdater } from '../../platform/rowAccessors';
import { type PropertyAction, propertyPolicy } from './property.policy';
import { pmAppraisals, pmCompounds, pmHonours, pmIssues, pmMeetings, pmNotices } from './property.table';

/** Every query of the property tables; reads AND the policy's scope in (out of reach → 404). */
export type CompoundRow = typeof pmCompounds.$inferSelect;
export type MeetingRow = typeof pmMeetings.$inferSelect;
export type IssueRow = typeof pmIssues.$inferSelect;
export type NoticeRow = typeof pmNotices.$inferSelect;
export type AppraisalRow = typeof pmAppraisals.$inferSelect;
export type HonourRow = typeof pmHonours.$inferSelect;

/** Reads in the actor's `property.read` scope, under a unit's path when given. */
const read = inReach(propertyPolicy, 'read');

/** The recorded profiles of compounds under `path` in the actor's reach. */
export function profilesUnder(db: Db, actor: Actor, path: string | undefined): Promise<CompoundRow[]> {
  return read.rows(db, actor, pmCompounds, path);
}

export function profileOf(
  db: Db,
  actor: Actor,
  action: PropertyAction,
  unitId: string,
): Promise<CompoundRow | undefined> {
  return firstRow(
    db,
    pmCompounds,
    and(eq(pmCompounds.orgUnitId, unitId), propertyPolicy.scope(actor, action)),
  );
}

/** A compound's profile whatever the actor (the resident's own compound on the phone). */
export function profileOfUnit(db: Db, unitId: string): Promise<CompoundRow | undefined> {
  return firstRow(db, pmCompounds, eq(pmCompounds.orgUnitId, unitId));
}

export const insertProfile = (db: Db, row: typeof pmCompounds.$inferInsert): Promise<CompoundRow> =>
  insertRow(db, pmCompounds, row);

/** Updates when the version still matches (optimistic lock); undefined when another change won. */
export const updateProfile = versionedUpdater(pmCompounds);

// ---- 三方联动 meetings and issues

export function listMeetingRows(
  db: Db,
  actor: Actor,
  q: PageQuery & { path?: string; open?: 'true' | 'false' },
): Promise<Page<MeetingRow>> {
  const openIssue = db
    .select({ x: sql`1` })
    .from(pmIssues)
    .where(and(eq(pmIssues.meetingId, pmMeetings.id), eq(pmIssues.status, 'open')));
  return read.page(
    db,
    actor,
    pmMeetings,
    q,
    [desc(pmMeetings.heldOn), desc(pmMeetings.id)],
    q.open === 'true' ? exists(openIssue) : q.open === 'false' ? sql`not ${exists(openIssue)}` : undefined,
  );
}

export const findMeeting = finderInScope(propertyPolicy, pmMeetings, pmMeetings.orgPath);

export const insertMeeting = (db: Db, row: typeof pmMeetings.$inferInsert): Promise<MeetingRow> =>
  insertRow(db, pmMeetings, row);

export function issuesOf(db: Db, meetingIds: string[]): Promise<IssueRow[]> {
  return rowsOfParents(
    db,
    pmIssues,
    pmIssues.meetingId,
    meetingIds,
    asc(pmIssues.createdAt),
    asc(pmIssues.id),
  );
}

export async function insertIssues(db: Db, rows: (typeof pmIssues.$inferInsert)[]): Promise<IssueRow[]> {
  if (rows.length === 0) return [];
  return db.insert(pmIssues).values(rows).returning();
}

export const findIssue = finderInScope(propertyPolicy, pmIssues, pmIssues.orgPath);

/** Resolves an open issue; undefined when it was resolved meanwhile. */
export async function resolveIssueRow(
  db: Db,
  id: string,
  patch: { resolvedOn: string; resolution: string; updatedAt: Date },
): Promise<IssueRow | undefined> {
  const [r] = await db
    .update(pmIssues)
    .set({ ...patch, status: 'resolved' })
    .where(and(eq(pmIssues.id, id), eq(pmIssues.status, 'open')))
    .returning();
  return r;
}

// ---- notices, appraisals, honours

export const listNoticeRows = read.lister(pmNotices, [desc(pmNotices.publishedOn), desc(pmNotices.id)]);

/** The notices posted to these units (a resident's compound and community), newest first. */
export function noticesForUnits(db: Db, unitIds: string[], limit: number): Promise<NoticeRow[]> {
  if (unitIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(pmNotices)
    .where(inArray(pmNotices.orgUnitId, unitIds))
    .orderBy(desc(pmNotices.publishedOn), desc(pmNotices.id))
    .limit(limit);
}

export const insertNotice = (db: Db, row: typeof pmNotices.$inferInsert): Promise<NoticeRow> =>
  insertRow(db, pmNotices, row);

export const listAppraisalRows = read.lister(pmAppraisals, [
  desc(pmAppraisals.appraisedOn),
  desc(pmAppraisals.id),
]);

export const insertAppraisal = (db: Db, row: typeof pmAppraisals.$inferInsert): Promise<AppraisalRow> =>
  insertRow(db, pmAppraisals, row);

export const listHonourRows = read.lister(
  pmHonours,
  [desc(pmHonours.year), desc(pmHonours.month), desc(pmHonours.awardedOn), desc(pmHonours.id)],
  (q: HonourQuery & { path?: string }) => [
    q.kind ? eq(pmHonours.kind, q.kind) : undefined,
    q.year ? eq(pmHonours.year, q.year) : undefined,
  ],
);

/** Honours of one year in the actor's reach. */
export function honoursOfYear(db: Db, actor: Actor, year: number): Promise<HonourRow[]> {
  return read.rows(db, actor, pmHonours, undefined, eq(pmHonours.year, year));
}

/** Inserts an honour; undefined when the compound already holds it for the period. */
export async function insertHonour(
  db: Db,
  row: typeof pmHonours.$inferInsert,
): Promise<HonourRow | undefined> {
  const [r] = await db.insert(pmHonours).values(row).onConflictDoNothing().returning();
  return r;
}
