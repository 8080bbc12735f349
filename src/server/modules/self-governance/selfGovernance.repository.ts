import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { rowsOfParents } from '../../platform/rowsOfParents';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { inReach } from '../../platform/inReach';
import type { PageQuery } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { insertRow } from '../../platform/rows';
import { finderInScope, versionedUpdater } from '../../platform/rowAccessors';
import { sgPolicy } from './selfGovernance.policy';
import { sgBodies, sgElections, sgPositions, sgReviews, sgVacancies } from './selfGovernance.table';

/** Every query of the self-governance tables; reads AND the policy's scope in (out of reach → 404). */
export type BodyRow = typeof sgBodies.$inferSelect;
export type PositionRow = typeof sgPositions.$inferSelect;
export type VacancyRow = typeof sgVacancies.$inferSelect;
export type ElectionRow = typeof sgElections.$inferSelect;
export type ReviewRow = typeof sgReviews.$inferSelect;

/** Reads in the actor's `self_governance.read` scope, under a unit's path when given. */
const read = inReach(sgPolicy, 'read');

export const listBodyRows = read.lister(
  sgBodies,
  [
    asc(sgBodies.orgPath),
    sql`case ${sgBodies.kind} when 'party_committee' then 0 when 'residents_committee' then 1 when 'villagers_committee' then 1 when 'supervision_committee' then 2 when 'sub_committee' then 3 when 'residents_group' then 4 when 'villagers_group' then 4 else 5 end`,
    asc(sgBodies.name),
    asc(sgBodies.id),
  ],
  (q: PageQuery & { path?: string; kind?: string }) => [q.kind ? eq(sgBodies.kind, q.kind) : undefined],
);

/** All bodies under `path` in reach (overview). */
export function bodiesUnder(db: Db, actor: Actor, path: string | undefined): Promise<BodyRow[]> {
  return read.rows(db, actor, sgBodies, path);
}

export const findBody = finderInScope(sgPolicy, sgBodies);

export function bodiesByIds(db: Db, ids: string[]): Promise<BodyRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.select().from(sgBodies).where(inArray(sgBodies.id, ids));
}

export const insertBody = (db: Db, row: typeof sgBodies.$inferInsert): Promise<BodyRow> =>
  insertRow(db, sgBodies, row);

/** Positions of these bodies (any scope: the caller read the bodies in scope). */
export function positionsOf(db: Db, bodyIds: string[]): Promise<PositionRow[]> {
  return rowsOfParents(
    db,
    sgPositions,
    sgPositions.bodyId,
    bodyIds,
    sql`case ${sgPositions.post} when 'secretary' then 0 when 'director' then 1 when 'chair' then 2 when 'deputy_secretary' then 3 when 'deputy_director' then 4 when 'group_leader' then 5 when 'member' then 6 else 7 end`,
    asc(sgPositions.createdAt),
    asc(sgPositions.id),
  );
}

/** All positions under `path` in reach (overview, 一肩挑). */
export function positionsUnder(db: Db, actor: Actor, path: string | undefined): Promise<PositionRow[]> {
  return read.rows(db, actor, sgPositions, path);
}

export const findPosition = finderInScope(sgPolicy, sgPositions, sgPositions.orgPath);

export const insertPosition = (db: Db, row: typeof sgPositions.$inferInsert): Promise<PositionRow> =>
  insertRow(db, sgPositions, row);

/** Updates when the version still matches; undefined when another change won. */
export const updatePosition = versionedUpdater(sgPositions);

export const insertVacancy = (db: Db, row: typeof sgVacancies.$inferInsert): Promise<VacancyRow> =>
  insertRow(db, sgVacancies, row);

export function openVacancyOf(db: Db, positionId: string): Promise<VacancyRow | undefined> {
  return firstRow(db, sgVacancies, and(eq(sgVacancies.positionId, positionId), isNull(sgVacancies.closedOn)));
}

export async function closeVacancy(
  db: Db,
  id: string,
  patch: {
    closedOn: string;
    filledBy: string;
    filledVia: string;
    electionId: string | null;
    updatedAt: Date;
  },
): Promise<void> {
  await db.update(sgVacancies).set(patch).where(eq(sgVacancies.id, id));
}

export const listVacancyRows = read.lister(
  sgVacancies,
  [asc(sgVacancies.openedOn), asc(sgVacancies.id)],
  (q: PageQuery & { path?: string; state?: 'open' | 'closed'; openedBefore?: string }) => [
    q.state === 'open'
      ? isNull(sgVacancies.closedOn)
      : q.state === 'closed'
        ? isNotNull(sgVacancies.closedOn)
        : undefined,
    q.openedBefore ? sql`${sgVacancies.openedOn} < ${q.openedBefore}` : undefined,
  ],
);

export function vacanciesUnder(db: Db, actor: Actor, path: string | undefined): Promise<VacancyRow[]> {
  return read.rows(db, actor, sgVacancies, path, isNull(sgVacancies.closedOn));
}

export const listElectionRows = read.lister(sgElections, [desc(sgElections.heldOn), desc(sgElections.id)]);

export function electionsUnder(db: Db, actor: Actor, path: string | undefined): Promise<ElectionRow[]> {
  return read.rows(db, actor, sgElections, path);
}

export const insertElection = (db: Db, row: typeof sgElections.$inferInsert): Promise<ElectionRow> =>
  insertRow(db, sgElections, row);

export const listReviewRows = read.lister(
  sgReviews,
  [desc(sgReviews.heldOn), desc(sgReviews.id)],
  (q: PageQuery & { path?: string; kind?: string }) => [q.kind ? eq(sgReviews.kind, q.kind) : undefined],
);

export function reviewsUnder(
  db: Db,
  actor: Actor,
  path: string | undefined,
  since: string,
): Promise<ReviewRow[]> {
  return read.rows(db, actor, sgReviews, path, sql`${sgReviews.heldOn} >= ${since}`);
}

export const insertReview = (db: Db, row: typeof sgReviews.$inferInsert): Promise<ReviewRow> =>
  insertRow(db, sgReviews, row);
