import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { ROOM_ITEMS } from '../../../shared/contracts/deliberation';
import type { Db } from '../../platform/db';
import { findRowInScope } from '../../platform/findInScope';
import { type Page, type PageQuery, listPage } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { finderInScope, rowInserter, rowUpdater } from '../../platform/rowAccessors';
import { inReach } from '../../platform/inReach';
import { type MeetingAction, conventionsPolicy, homeScope, roomsPolicy } from './participation.policy';
import { ptConventionVersions, ptConventions, ptMeetings, ptRooms } from './participation.table';

/** Queries of council rooms (R-DL-5) and conventions (R-DL-6). */
export type RoomRow = typeof ptRooms.$inferSelect;
export type ConventionRow = typeof ptConventions.$inferSelect;
export type VersionRow = typeof ptConventionVersions.$inferSelect;

/** SQL: the room misses at least one of the six items (R-DL-5). */
const incompleteSql = sql`(${sql.join(
  ROOM_ITEMS.map((k) => sql`coalesce((${ptRooms.checklist} -> ${k} ->> 'ok')::boolean, false) = false`),
  sql` or `,
)})`;

/** One page of the rooms in reach for reading, under `path` when given; `incomplete` 'true' or 'false' filters. */
export const listRoomRows = inReach(roomsPolicy, 'read').lister(
  ptRooms,
  [asc(ptRooms.orgPath), asc(ptRooms.name), asc(ptRooms.id)],
  (q: PageQuery & { path?: string; incomplete?: 'true' | 'false' }) => [
    q.incomplete === undefined
      ? undefined
      : q.incomplete === 'true'
        ? incompleteSql
        : sql`not ${incompleteSql}`,
  ],
);

export const findRoom = finderInScope(roomsPolicy, ptRooms);

export const insertRoom = rowInserter(ptRooms);

export const updateRoom = rowUpdater(ptRooms);

// ---- conventions

export function listConventionRows(
  db: Db,
  actor: Actor,
  f: { path?: string; homes?: readonly string[] },
  page: { page: number; pageSize: number },
): Promise<Page<ConventionRow>> {
  return listPage(db, {
    table: ptConventions,
    where: and(
      f.homes
        ? and(homeScope(f.homes, ptConventions.orgPath), sql`${ptConventions.publishedNo} is not null`)
        : conventionsPolicy.scope(actor, 'read'),
      f.path ? sql`${ptConventions.orgPath} like ${`${f.path}%`}` : undefined,
    ),
    orderBy: [asc(ptConventions.orgPath), asc(ptConventions.title), asc(ptConventions.id)],
    page,
  });
}

export async function findConvention(
  db: Db,
  actor: Actor,
  action: MeetingAction | 'board',
  id: string,
  lock = false,
  homes: readonly string[] = [],
): Promise<ConventionRow | undefined> {
  const scope =
    action === 'board'
      ? and(homeScope(homes, ptConventions.orgPath), sql`${ptConventions.publishedNo} is not null`)
      : conventionsPolicy.scope(actor, action);
  return findRowInScope(db, ptConventions, id, scope, lock);
}

export const insertConvention = rowInserter(ptConventions);

export const updateConvention = rowUpdater(ptConventions);

export function versionsOf(db: Db, conventionId: string) {
  return db
    .select({ v: ptConventionVersions, meetingTitle: ptMeetings.title })
    .from(ptConventionVersions)
    .leftJoin(ptMeetings, eq(ptMeetings.id, ptConventionVersions.meetingId))
    .where(eq(ptConventionVersions.conventionId, conventionId))
    .orderBy(desc(ptConventionVersions.no));
}

export async function versionCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: ptConventionVersions.conventionId, n: sql<number>`max(${ptConventionVersions.no})::int` })
    .from(ptConventionVersions)
    .where(inArray(ptConventionVersions.conventionId, ids))
    .groupBy(ptConventionVersions.conventionId);
  return new Map(rows.map((r) => [r.id, r.n]));
}

export async function insertVersion(tx: Db, row: typeof ptConventionVersions.$inferInsert) {
  await tx.insert(ptConventionVersions).values(row);
}

/** Rates from surveys (the hook): written without an actor's scope; the caller is the surveys module. */
export async function writeRates(
  tx: Db,
  id: string,
  rates: {
    awarenessPermille: number | null;
    compliancePermille: number | null;
    ratesSource: string;
    ratesAt: Date;
  },
) {
  const [c] = await tx.update(ptConventions).set(rates).where(eq(ptConventions.id, id)).returning();
  return c;
}

/** The published conventions of one unit (the surveys hook feeds their rates). */
export async function publishedConventionsOf(
  db: Db,
  orgUnitId: string,
): Promise<{ id: string; title: string }[]> {
  return db
    .select({ id: ptConventions.id, title: ptConventions.title })
    .from(ptConventions)
    .where(and(eq(ptConventions.orgUnitId, orgUnitId), sql`${ptConventions.publishedNo} is not null`));
}
