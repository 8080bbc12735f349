import { and, asc, eq, gt, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import type { Actor } from '../../platform/permissions';
import { stationsPolicy } from './services.policy';

import { countWhere, countsBy } from '../../platform/figureQuery';
import { rowInserter, rowUpdater } from '../../platform/rowAccessors';
import { svcDutyLogs, svcDutySlots, svcStations } from './services.table';

/**
 * Writes and the person-on-duty reads of the duty rota (stations, duty slots, duty logs) for
 * `services.duty.ts`. The use case finds the slot or station in reach first (services.repository.ts's
 * finders, or the person's own slot); these only read and write.
 */
/** A duty log as stored. */
export type DutyLogRow = typeof svcDutyLogs.$inferSelect;

/** Inserts one station (through `insertCommunityRow`, which writes its audit entry). */
export const insertStation = rowInserter(svcStations);

/** Updates one station (found in reach by the use case, which writes its audit entry). */
export const updateStationRow = rowUpdater(svcStations);

/** The first slot of the person (`personKey`) that overlaps [startsAt, endsAt), with its station's name. */
export async function dutySlotClash(db: Db, personKey: string, startsAt: Date, endsAt: Date) {
  const [clash] = await db
    .select({ slot: svcDutySlots, stationName: svcStations.name })
    .from(svcDutySlots)
    .innerJoin(svcStations, eq(svcStations.id, svcDutySlots.stationId))
    .where(
      and(
        eq(svcDutySlots.personKey, personKey),
        lt(svcDutySlots.startsAt, endsAt),
        gt(svcDutySlots.endsAt, startsAt),
      ),
    )
    .limit(1);
  return clash;
}

/** Inserts one duty slot and returns it. */
export const insertDutySlot = rowInserter(svcDutySlots);

/** How many logs the slot has. */
export function dutyLogCount(db: Db, slotId: string): Promise<number> {
  return countWhere(db, svcDutyLogs, eq(svcDutyLogs.slotId, slotId));
}

/** Deletes the slot (one the use case found in reach, without logs). */
export async function deleteDutySlot(db: Db, id: string): Promise<void> {
  await db.delete(svcDutySlots).where(eq(svcDutySlots.id, id));
}

/** The number of logs of each of these slots (slots without logs are left out). */
export function dutyLogCounts(db: Db, slotIds: string[]): Promise<Map<string, number>> {
  return countsBy(db, svcDutyLogs, svcDutyLogs.slotId, slotIds);
}

/** Inserts one duty log and returns it. */
export const insertDutyLog = rowInserter(svcDutyLogs);

/** The slot's logs with content, oldest first. */
export function dutyLogRowsWithContent(db: Db, slotId: string): Promise<DutyLogRow[]> {
  return db
    .select()
    .from(svcDutyLogs)
    .where(and(eq(svcDutyLogs.slotId, slotId), ne(svcDutyLogs.content, '')))
    .orderBy(asc(svcDutyLogs.at));
}

/** The slots of the login on duty (`person_user_id`) starting in (from, to), with their station, by start. */
export function dutySlotRowsOfUser(db: Db, userId: string, from: Date, to: Date) {
  return db
    .select({ slot: svcDutySlots, stationName: svcStations.name, stationAddress: svcStations.address })
    .from(svcDutySlots)
    .innerJoin(svcStations, eq(svcStations.id, svcDutySlots.stationId))
    .where(
      and(
        eq(svcDutySlots.personUserId, userId),
        gt(svcDutySlots.startsAt, from),
        lt(svcDutySlots.startsAt, to),
      ),
    )
    .orderBy(asc(svcDutySlots.startsAt));
}

/** All logs of these slots, oldest first. */
export function dutyLogRowsOfSlots(db: Db, slotIds: string[]): Promise<DutyLogRow[]> {
  return db
    .select()
    .from(svcDutyLogs)
    .where(inArray(svcDutyLogs.slotId, slotIds))
    .orderBy(asc(svcDutyLogs.at));
}

/** A duty slot by id in any scope (the caller checks it is the actor's own), or undefined. */
export function dutySlotById(db: Db, id: string) {
  return firstRow(db, svcDutySlots, eq(svcDutySlots.id, id));
}

/** A duty log by id in any scope (the caller checks who may see it), or undefined. */
export function dutyLogById(db: Db, id: string): Promise<DutyLogRow | undefined> {
  return firstRow(db, svcDutyLogs, eq(svcDutyLogs.id, id));
}

/** Sets the log's photo and returns the log. */
export async function setDutyLogPhoto(db: Db, id: string, photoId: string): Promise<DutyLogRow> {
  const [row] = await db.update(svcDutyLogs).set({ photoId }).where(eq(svcDutyLogs.id, id)).returning();
  return row!;
}

/**
 * The duty report's figures of each station in reach for reading (of `communityId`, a community found in
 * scope): the slots starting in [from, to) and the visitors their logs received, and of them the deputies'
 * (两代表一委员, person type `deputy`) slots, visitors and logs. Stations without slots count zero.
 */
export function dutyReportRows(
  db: Db,
  actor: Actor,
  f: { communityId: string | undefined; from: Date | undefined; to: Date | undefined },
) {
  const deputy = sql`${svcDutySlots.personType} = 'deputy'`;
  return db
    .select({
      stationId: svcStations.id,
      stationName: svcStations.name,
      communityId: svcStations.communityId,
      slots: sql<number>`count(distinct ${svcDutySlots.id})::int`,
      visitors: sql<number>`coalesce(sum(${svcDutyLogs.visitors}), 0)::int`,
      deputySlots: sql<number>`(count(distinct ${svcDutySlots.id}) filter (where ${deputy}))::int`,
      deputyVisitors: sql<number>`coalesce(sum(${svcDutyLogs.visitors}) filter (where ${deputy}), 0)::int`,
      deputyLogs: sql<number>`(count(${svcDutyLogs.id}) filter (where ${deputy}))::int`,
    })
    .from(svcStations)
    .leftJoin(
      svcDutySlots,
      and(
        eq(svcDutySlots.stationId, svcStations.id),
        f.from ? gte(svcDutySlots.startsAt, f.from) : undefined,
        f.to ? lt(svcDutySlots.startsAt, f.to) : undefined,
      ),
    )
    .leftJoin(svcDutyLogs, eq(svcDutyLogs.slotId, svcDutySlots.id))
    .where(
      and(
        stationsPolicy.scope(actor, 'read'),
        f.communityId ? eq(svcStations.communityId, f.communityId) : undefined,
      ),
    )
    .groupBy(svcStations.id, svcStations.name, svcStations.communityId)
    .orderBy(asc(svcStations.name), asc(svcStations.id))
    .limit(1000);
}
