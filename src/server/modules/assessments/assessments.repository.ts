import { type SQL, and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { RoundListQuery } from '../../../shared/contracts/assessments';
import type { Db } from '../../platform/db';
import { upsertRow } from '../../platform/upsertRow';
import { rowsOfParent, rowsOfParents } from '../../platform/rowsOfParents';
import { findRowInScope } from '../../platform/findInScope';
import { firstRow } from '../../platform/firstRow';
import { isUuid } from '../../platform/ids';
import { type Page, listPage } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { insertRow, updateRowBumpingVersion } from '../../platform/rows';
import { roundReadScope, roundsPolicy, sheetsPolicy } from './assessments.policy';
import {
  asAttachments,
  asEvidenceLinks,
  asFrameworkVersions,
  asFrameworks,
  asItemScores,
  asNodes,
  asRounds,
  asScoreChanges,
  asSheetEvents,
  asSheets,
} from './assessments.table';

/**
 * Every query of the assessments module's tables. Rounds and sheets are read with the policy's scope ANDed
 * in (out of reach = not found); frameworks are platform-wide data.
 */
export type FrameworkRow = typeof asFrameworks.$inferSelect;
export type VersionRow = typeof asFrameworkVersions.$inferSelect;
export type NodeRow = typeof asNodes.$inferSelect;
export type RoundRow = typeof asRounds.$inferSelect;
export type SheetRow = typeof asSheets.$inferSelect;
export type ItemRow = typeof asItemScores.$inferSelect;

/** A sheet's rows in a table kept under it (score changes, timeline, attachments, evidence links), in `order`. */
function rowsOfSheet<T extends PgTable & { sheetId: AnyPgColumn }>(
  db: Db,
  table: T,
  sheetId: string,
  ...order: SQL[]
): Promise<T['$inferSelect'][]> {
  return rowsOfParent(db, table, table.sheetId, sheetId, ...order);
}

// ---------------------------------------------------------------- frameworks

export const listFrameworkRows = (db: Db) =>
  db.select().from(asFrameworks).orderBy(desc(asFrameworks.builtIn), asc(asFrameworks.name));

export const frameworkByKey = (db: Db, key: string): Promise<FrameworkRow | undefined> =>
  firstRow(db, asFrameworks, eq(asFrameworks.key, key));

/** Frameworks are platform-wide: no scope. */
export const frameworkById = (db: Db, id: string): Promise<FrameworkRow | undefined> =>
  findRowInScope(db, asFrameworks, id, undefined);

export function versionsOf(db: Db, frameworkIds: string[]): Promise<VersionRow[]> {
  return rowsOfParents(
    db,
    asFrameworkVersions,
    asFrameworkVersions.frameworkId,
    frameworkIds,
    asc(asFrameworkVersions.version),
  );
}

export async function versionById(db: Db, id: string, lock = false): Promise<VersionRow | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db.select().from(asFrameworkVersions).where(eq(asFrameworkVersions.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export const nodesOf = (db: Db, versionId: string): Promise<NodeRow[]> =>
  db.select().from(asNodes).where(eq(asNodes.versionId, versionId)).orderBy(asc(asNodes.sort));

/** Inserts a framework unless its key exists (built-ins installed concurrently); the row that holds the key. */
export async function insertFramework(db: Db, row: typeof asFrameworks.$inferInsert) {
  const [created] = await db.insert(asFrameworks).values(row).onConflictDoNothing().returning();
  return created;
}

export const insertVersion = (db: Db, row: typeof asFrameworkVersions.$inferInsert) =>
  insertRow(db, asFrameworkVersions, row);

export async function insertNodes(db: Db, rows: (typeof asNodes.$inferInsert)[]) {
  if (rows.length) await db.insert(asNodes).values(rows);
}

export async function lockVersion(db: Db, id: string, at: Date) {
  await db
    .update(asFrameworkVersions)
    .set({ lockedAt: at })
    .where(and(eq(asFrameworkVersions.id, id), sql`${asFrameworkVersions.lockedAt} is null`));
}

// ---------------------------------------------------------------- rounds

export async function findRound(
  db: Db,
  actor: Actor,
  id: string,
  action: 'read' | 'manage' = 'read',
): Promise<RoundRow | undefined> {
  const scope = action === 'read' ? roundReadScope(actor) : roundsPolicy.scope(actor, 'manage');
  return findRowInScope(db, asRounds, id, scope);
}

export async function roundById(db: Db, id: string, lock = false): Promise<RoundRow | undefined> {
  const q = db.select().from(asRounds).where(eq(asRounds.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export function listRoundRows(db: Db, actor: Actor, q: RoundListQuery): Promise<Page<RoundRow>> {
  return listPage(db, {
    table: asRounds,
    where: and(
      roundReadScope(actor),
      q.year ? eq(asRounds.year, q.year) : undefined,
      q.view === 'assigned'
        ? sql`exists (select 1 from ${asSheets} where ${asSheets.roundId} = ${asRounds.id} and ${asSheets.evaluatorId} = ${actor.userId})`
        : undefined,
    ),
    orderBy: [desc(asRounds.year), desc(asRounds.createdAt), desc(asRounds.id)],
    page: q,
  });
}

export const insertRound = (db: Db, row: typeof asRounds.$inferInsert): Promise<RoundRow> =>
  insertRow(db, asRounds, row);

export const updateRoundRow = (db: Db, id: string, patch: Partial<typeof asRounds.$inferInsert>) =>
  updateRowBumpingVersion(db, asRounds, id, patch);

/** Sheets per round and state among those the actor may read. */
export async function sheetStateCounts(db: Db, actor: Actor, roundIds: string[]) {
  const out = new Map<string, Record<string, number>>();
  if (roundIds.length === 0) return out;
  const rows = await db
    .select({ roundId: asSheets.roundId, state: asSheets.state, n: sql<number>`count(*)::int` })
    .from(asSheets)
    .where(and(inArray(asSheets.roundId, roundIds), sheetsPolicy.scope(actor, 'read')))
    .groupBy(asSheets.roundId, asSheets.state);
  for (const r of rows) {
    const m = out.get(r.roundId) ?? {};
    m[r.state] = r.n;
    out.set(r.roundId, m);
  }
  return out;
}

/** All sheets of a round, without scope (publishing checks every one). */
export const allSheetsOfRound = (db: Db, roundId: string) =>
  db.select().from(asSheets).where(eq(asSheets.roundId, roundId));

// ---------------------------------------------------------------- sheets

export async function findSheet(
  db: Db,
  actor: Actor,
  id: string,
  lock = false,
): Promise<SheetRow | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db
    .select()
    .from(asSheets)
    .where(and(eq(asSheets.id, id), sheetsPolicy.scope(actor, 'read')));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export const sheetsOfRound = (db: Db, actor: Actor, roundId: string) =>
  db
    .select()
    .from(asSheets)
    .where(and(eq(asSheets.roundId, roundId), sheetsPolicy.scope(actor, 'read')))
    .orderBy(asc(asSheets.createdAt), asc(asSheets.id));

export async function insertSheets(db: Db, rows: (typeof asSheets.$inferInsert)[]) {
  if (rows.length) await db.insert(asSheets).values(rows);
}

export const updateSheetRow = (db: Db, id: string, patch: Partial<typeof asSheets.$inferInsert>) =>
  updateRowBumpingVersion(db, asSheets, id, patch);

export const itemsOf = (db: Db, sheetIds: string[]): Promise<ItemRow[]> =>
  sheetIds.length
    ? db.select().from(asItemScores).where(inArray(asItemScores.sheetId, sheetIds))
    : Promise.resolve([]);

export async function upsertItem(db: Db, row: typeof asItemScores.$inferInsert) {
  await upsertRow(db, asItemScores, [asItemScores.sheetId, asItemScores.nodeId], row, {
    selfState: row.selfState,
    selfEvidence: row.selfEvidence,
    evalState: row.evalState,
    evalMethods: row.evalMethods,
    evalNote: row.evalNote,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  });
}

export async function insertChanges(db: Db, rows: (typeof asScoreChanges.$inferInsert)[]) {
  if (rows.length) await db.insert(asScoreChanges).values(rows);
}

export const changesOf = (db: Db, sheetId: string) =>
  rowsOfSheet(db, asScoreChanges, sheetId, desc(asScoreChanges.at), desc(asScoreChanges.id));

export const eventsOf = (db: Db, sheetId: string) =>
  rowsOfSheet(db, asSheetEvents, sheetId, asc(asSheetEvents.at), asc(asSheetEvents.id));

/**
 * Signed sheets of these units in published rounds of the same framework before `year`, latest first
 * (year-over-year comparison). Read within the actor's scope.
 */
export async function earlierResults(
  db: Db,
  actor: Actor,
  frameworkId: string,
  year: number,
  unitIds: string[],
) {
  if (unitIds.length === 0) return [];
  return db
    .select({ orgUnitId: asSheets.orgUnitId, total: asSheets.total, year: asRounds.year })
    .from(asSheets)
    .innerJoin(asRounds, eq(asRounds.id, asSheets.roundId))
    .innerJoin(asFrameworkVersions, eq(asFrameworkVersions.id, asRounds.versionId))
    .where(
      and(
        inArray(asSheets.orgUnitId, unitIds),
        eq(asFrameworkVersions.frameworkId, frameworkId),
        lt(asRounds.year, year),
        eq(asRounds.state, 'published'),
        eq(asSheets.state, 'signed'),
        sheetsPolicy.scope(actor, 'read'),
      ),
    )
    .orderBy(desc(asRounds.year));
}

// ---------------------------------------------------------------- attachments

export type AttachmentRow = typeof asAttachments.$inferSelect;

export async function insertAttachment(db: Db, row: typeof asAttachments.$inferInsert) {
  await db.insert(asAttachments).values(row);
}

export const attachmentsOf = (db: Db, sheetId: string): Promise<AttachmentRow[]> =>
  rowsOfSheet(db, asAttachments, sheetId, asc(asAttachments.createdAt), asc(asAttachments.id));

/** An attachment by id; its sheet's scope is checked by the caller. */
export const attachmentById = (db: Db, id: string): Promise<AttachmentRow | undefined> =>
  findRowInScope(db, asAttachments, id, undefined);

export type EvidenceLinkRow = typeof asEvidenceLinks.$inferSelect;

/** Attaches a record; false when the same record is already attached to the node. */
export async function insertEvidenceLink(db: Db, row: typeof asEvidenceLinks.$inferInsert): Promise<boolean> {
  const out = await db
    .insert(asEvidenceLinks)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: asEvidenceLinks.id });
  return out.length > 0;
}

export const evidenceLinksOf = (db: Db, sheetId: string): Promise<EvidenceLinkRow[]> =>
  rowsOfSheet(db, asEvidenceLinks, sheetId, asc(asEvidenceLinks.createdAt), asc(asEvidenceLinks.id));

/** A record attached to this sheet, by the link's id (not a UUID or another sheet's: undefined). */
export const evidenceLinkById = (db: Db, sheetId: string, id: string): Promise<EvidenceLinkRow | undefined> =>
  findRowInScope(db, asEvidenceLinks, id, eq(asEvidenceLinks.sheetId, sheetId));

export async function deleteEvidenceLink(db: Db, id: string): Promise<void> {
  await db.delete(asEvidenceLinks).where(eq(asEvidenceLinks.id, id));
}
