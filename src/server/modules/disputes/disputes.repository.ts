import {
  type SQL,
  and,
  arrayOverlaps,
  asc,
  desc,
  eq,
  ilike,
  inArray,
  isNotNull,
  lt,
  max,
  or,
  sql,
} from 'drizzle-orm';
import type { DisputeListQuery } from '../../../shared/contracts/disputes';
import { rowsOfParent, rowsOfParents } from '../../platform/rowsOfParents';
import { namesById } from '../../platform/namesById';
import { type Db, rowsOf } from '../../platform/db';
import { upsertRow } from '../../platform/upsertRow';
import { findRowInScope } from '../../platform/findInScope';
import { type Page, listPage } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { finderInScope, rowInserter, rowUpdater } from '../../platform/rowAccessors';
import {
  type DisputeAction,
  bodiesPolicy,
  centreScope,
  disputeScope,
  handlerScope,
  meetingsPolicy,
} from './disputes.policy';
import {
  dsBodies,
  dsBodyMembers,
  dsContacts,
  dsDisputes,
  dsEvents,
  dsListEntries,
  dsMeetings,
  dsNumberSeq,
  dsParties,
  dsSessions,
  dsTicketLimits,
} from './disputes.table';

/** The only code that queries the disputes module's tables (CONTRIBUTING: boundaries). */
export type DisputeRow = typeof dsDisputes.$inferSelect;
export type PartyRow = typeof dsParties.$inferSelect;
export type EventRow = typeof dsEvents.$inferSelect;
export type SessionRow = typeof dsSessions.$inferSelect;
export type BodyRow = typeof dsBodies.$inferSelect;
export type MemberRow = typeof dsBodyMembers.$inferSelect;
export type ListEntryRow = typeof dsListEntries.$inferSelect;

export async function nextDisputeSeq(db: Db): Promise<number> {
  const [r] = rowsOf<{ n: string }>(
    await db.execute(sql`select nextval(${sql.raw(`'${dsNumberSeq.seqName}'`)})::bigint as n`),
  );
  return Number(r!.n);
}

export const insertDispute = rowInserter(dsDisputes);

export async function insertParties(tx: Db, rows: (typeof dsParties.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(dsParties).values(rows);
}

export async function insertEvent(tx: Db, row: typeof dsEvents.$inferInsert): Promise<void> {
  await tx.insert(dsEvents).values(row);
}

/** A dispute in reach for `action` (any of its three paths in scope), else undefined (404). */
export function findDispute(
  db: Db,
  actor: Actor,
  action: DisputeAction,
  id: string,
): Promise<DisputeRow | undefined> {
  return findRowInScope(db, dsDisputes, id, disputeScope(actor, action));
}

function listWhere(actor: Actor, q: Omit<DisputeListQuery, 'page' | 'pageSize'>, now: Date): SQL | undefined {
  const conds: (SQL | undefined)[] = [disputeScope(actor, 'read')];
  if (q.status) conds.push(eq(dsDisputes.status, q.status));
  if (q.ticketKind) conds.push(eq(dsDisputes.ticketKind, q.ticketKind));
  if (q.source) conds.push(eq(dsDisputes.source, q.source));
  if (q.workOrderId) conds.push(eq(dsDisputes.workOrderId, q.workOrderId));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(dsDisputes.number, like), ilike(dsDisputes.title, like)));
  }
  if (q.view === 'to_divert') conds.push(eq(dsDisputes.status, 'registered'), centreScope(actor));
  if (q.view === 'to_accept') conds.push(eq(dsDisputes.status, 'diverted'), handlerScope(actor));
  if (q.view === 'in_hand')
    conds.push(inArray(dsDisputes.status, ['accepted', 'mediating']), handlerScope(actor));
  if (q.view === 'overdue')
    conds.push(
      inArray(dsDisputes.status, ['diverted', 'accepted', 'mediating']),
      or(
        isNotNull(dsDisputes.overdueAt),
        and(eq(dsDisputes.status, 'diverted'), lt(dsDisputes.acceptDueAt, now)),
        and(inArray(dsDisputes.status, ['accepted', 'mediating']), lt(dsDisputes.finishDueAt, now)),
      ),
    );
  if (q.view === 'confirm_window')
    conds.push(inArray(dsDisputes.status, ['agreed', 'closed']), sql`${dsDisputes.confirmDueAt} > ${now}`);
  return and(...conds);
}

export function listDisputeRows(
  db: Db,
  actor: Actor,
  q: DisputeListQuery,
  now: Date,
): Promise<Page<DisputeRow>> {
  return listPage(db, {
    table: dsDisputes,
    where: listWhere(actor, q, now),
    orderBy: [desc(dsDisputes.createdAt), desc(dsDisputes.id)],
    page: q,
  });
}

/** Every row of a list query (the Excel export), newest first, at most `limit`. */
export function allDisputeRows(
  db: Db,
  actor: Actor,
  q: Omit<DisputeListQuery, 'page' | 'pageSize'>,
  now: Date,
  limit: number,
): Promise<DisputeRow[]> {
  return db
    .select()
    .from(dsDisputes)
    .where(listWhere(actor, q, now))
    .orderBy(desc(dsDisputes.createdAt), desc(dsDisputes.id))
    .limit(limit);
}

export function partiesOf(db: Db, disputeIds: readonly string[]): Promise<PartyRow[]> {
  return rowsOfParents(
    db,
    dsParties,
    dsParties.disputeId,
    disputeIds,
    asc(dsParties.disputeId),
    asc(dsParties.seq),
  );
}

export function partyOf(db: Db, disputeId: string, partyId: string): Promise<PartyRow | undefined> {
  return findRowInScope(db, dsParties, partyId, eq(dsParties.disputeId, disputeId));
}

export async function markPartyRefused(tx: Db, partyId: string, at: Date, note: string): Promise<void> {
  await tx.update(dsParties).set({ refusedAt: at, refusalNote: note }).where(eq(dsParties.id, partyId));
}

export function eventsOf(db: Db, disputeId: string): Promise<EventRow[]> {
  return rowsOfParent(db, dsEvents, dsEvents.disputeId, disputeId, asc(dsEvents.at), asc(dsEvents.id));
}

export function sessionsOf(db: Db, disputeId: string): Promise<SessionRow[]> {
  return rowsOfParent(db, dsSessions, dsSessions.disputeId, disputeId, asc(dsSessions.heldAt));
}

export async function insertSession(tx: Db, row: typeof dsSessions.$inferInsert): Promise<void> {
  await tx.insert(dsSessions).values(row);
}

/** A dispute row updated by a deadline's work (the row is locked by the sweep). */
export async function patchDispute(tx: Db, id: string, patch: Partial<DisputeRow>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await tx.update(dsDisputes).set(patch).where(eq(dsDisputes.id, id));
}

// ---------------------------------------------------------------- classification lists

/** The newest version of each list's entries (empty when a list was never imported). */
export async function currentListEntries(db: Db): Promise<ListEntryRow[]> {
  const versions = await db
    .select({ list: dsListEntries.list, version: max(dsListEntries.version) })
    .from(dsListEntries)
    .groupBy(dsListEntries.list);
  if (versions.length === 0) return [];
  return db
    .select()
    .from(dsListEntries)
    .where(
      and(
        or(
          ...versions.map((v) => and(eq(dsListEntries.list, v.list), eq(dsListEntries.version, v.version!))),
        )!,
        eq(dsListEntries.active, true),
      ),
    )
    .orderBy(asc(dsListEntries.list), asc(dsListEntries.code));
}

export async function latestListVersion(db: Db, list: string): Promise<number> {
  const [r] = await db
    .select({ v: max(dsListEntries.version) })
    .from(dsListEntries)
    .where(eq(dsListEntries.list, list));
  return r?.v ?? 0;
}

export async function insertListEntries(tx: Db, rows: (typeof dsListEntries.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(dsListEntries).values(rows);
}

// ---------------------------------------------------------------- ticket limits

export function limitRows(db: Db) {
  return db.select().from(dsTicketLimits);
}

export async function upsertLimit(tx: Db, row: typeof dsTicketLimits.$inferInsert): Promise<void> {
  await upsertRow(tx, dsTicketLimits, dsTicketLimits.kind, row, {
    acceptMinutes: row.acceptMinutes,
    finishMinutes: row.finishMinutes,
    updatedAt: row.updatedAt,
  });
}

// ---------------------------------------------------------------- handling bodies

export function listBodyRows(db: Db, actor: Actor, extra?: SQL): Promise<BodyRow[]> {
  return db
    .select()
    .from(dsBodies)
    .where(and(bodiesPolicy.scope(actor, 'read'), extra))
    .orderBy(asc(dsBodies.orgPath), asc(dsBodies.kind), asc(dsBodies.name));
}

/** Bodies that may serve a dispute handled at `path`: those of its unit and of the units above it. */
export function bodiesAround(db: Db, path: string): Promise<BodyRow[]> {
  return db
    .select()
    .from(dsBodies)
    .where(and(eq(dsBodies.active, true), sql`${path} like ${dsBodies.orgPath} || '%'`))
    .orderBy(asc(dsBodies.kind), asc(dsBodies.name));
}

export const findBody = finderInScope(bodiesPolicy, dsBodies);

/** The body with this id wherever it is (undefined for an id that is not a UUID). */
export function bodyById(db: Db, id: string): Promise<BodyRow | undefined> {
  return findRowInScope(db, dsBodies, id, undefined);
}

export function bodyNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  return namesById(db, dsBodies, dsBodies.name, ids);
}

export const insertBody = rowInserter(dsBodies);

export const updateBodyRow = rowUpdater(dsBodies);

export async function replaceMembers(tx: Db, bodyId: string, rows: (typeof dsBodyMembers.$inferInsert)[]) {
  await tx.delete(dsBodyMembers).where(eq(dsBodyMembers.bodyId, bodyId));
  if (rows.length) await tx.insert(dsBodyMembers).values(rows);
}

export function membersOf(db: Db, bodyIds: readonly string[]): Promise<MemberRow[]> {
  const m = dsBodyMembers;
  return rowsOfParents(db, m, m.bodyId, bodyIds, asc(m.bodyId), asc(m.position), asc(m.name));
}

export function membersByIds(db: Db, ids: readonly string[]): Promise<MemberRow[]> {
  return rowsOfParents(db, dsBodyMembers, dsBodyMembers.id, ids);
}

/** Open disputes per body (its load). */
export async function bodyLoads(db: Db, bodyIds: readonly string[]): Promise<Map<string, number>> {
  if (bodyIds.length === 0) return new Map();
  // A body's load counts the open disputes it leads and those it joins (R-DS-2 joint mediation).
  const rows = await db
    .select({ bodyId: dsDisputes.bodyId, joint: dsDisputes.jointBodyIds })
    .from(dsDisputes)
    .where(
      and(
        or(inArray(dsDisputes.bodyId, [...bodyIds]), arrayOverlaps(dsDisputes.jointBodyIds, [...bodyIds])),
        inArray(dsDisputes.status, ['diverted', 'accepted', 'mediating']),
      ),
    );
  const wanted = new Set(bodyIds);
  const loads = new Map<string, number>();
  for (const r of rows)
    for (const id of new Set([...(r.bodyId ? [r.bodyId] : []), ...r.joint]))
      if (wanted.has(id)) loads.set(id, (loads.get(id) ?? 0) + 1);
  return loads;
}

// ---------------------------------------------------------------- joint meetings and contacts (R-DS-3)

export type MeetingRow = typeof dsMeetings.$inferSelect;
export type ContactRow = typeof dsContacts.$inferSelect;

export function listMeetingRows(db: Db, actor: Actor): Promise<MeetingRow[]> {
  return db
    .select()
    .from(dsMeetings)
    .where(meetingsPolicy.scope(actor, 'read'))
    .orderBy(desc(dsMeetings.heldAt))
    .limit(200);
}

export const insertMeeting = rowInserter(dsMeetings);

/** Disputes of this subdistrict among `ids` (the cases a meeting discussed). */
export function disputesUnder(db: Db, dispatchPath: string, ids: readonly string[]) {
  return disputeTitles(db, ids, eq(dsDisputes.dispatchPath, dispatchPath));
}

/** The number and title of the disputes among `ids` (and matching `where` when given). */
export function disputeTitles(db: Db, ids: readonly string[], where?: SQL) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: dsDisputes.id, number: dsDisputes.number, title: dsDisputes.title })
    .from(dsDisputes)
    .where(and(inArray(dsDisputes.id, [...ids]), where));
}

export function contactRows(db: Db, unitIds: readonly string[]): Promise<ContactRow[]> {
  return rowsOfParents(db, dsContacts, dsContacts.orgUnitId, unitIds);
}

export async function upsertContact(tx: Db, row: typeof dsContacts.$inferInsert): Promise<void> {
  await upsertRow(tx, dsContacts, dsContacts.orgUnitId, row, {
    leaderName: row.leaderName,
    leaderTitle: row.leaderTitle,
    contactName: row.contactName,
    contactInfo: row.contactInfo,
    orgPath: row.orgPath,
    updatedAt: row.updatedAt,
  });
}

/** Every dispute in the actor's read scope registered in [from, to) (statistics). */
export function disputesInRange(db: Db, actor: Actor, from: Date, to: Date): Promise<DisputeRow[]> {
  return db
    .select()
    .from(dsDisputes)
    .where(
      and(
        disputeScope(actor, 'read'),
        sql`${dsDisputes.createdAt} >= ${from}`,
        sql`${dsDisputes.createdAt} < ${to}`,
      ),
    )
    .limit(100_000);
}

/** The joint meetings on disputes in the actor's reading scope held between two instants (R-DS-3). */
export function meetingRowsBetween(db: Db, actor: Actor, from: Date, to: Date): Promise<MeetingRow[]> {
  return db
    .select()
    .from(dsMeetings)
    .where(
      and(
        meetingsPolicy.scope(actor, 'read'),
        sql`${dsMeetings.heldAt} >= ${from.toISOString()}`,
        sql`${dsMeetings.heldAt} <= ${to.toISOString()}`,
      ),
    )
    .orderBy(asc(dsMeetings.heldAt))
    .limit(500);
}
