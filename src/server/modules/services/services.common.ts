import { type AuditedWrite, auditedWrite } from '../../platform/auditedRows';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { type RowUnit, newUnitRow } from '../../platform/newRow';
import { isUuid } from '../../platform/ids';
import { AppError, invalidField, notFound } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { mayOrderIn, servicesUnitPolicy } from './services.policy';
import * as org from '../org/org.api';

export type Unit = org.OrgUnit;

export async function unitById(db: Db, id: string | null | undefined): Promise<Unit | null> {
  if (!isUuid(id)) return null;
  return (await org.unitById(db, id)) ?? null;
}

/**
 * The community `id` as the actor may use it with `permission`: 404 when it is outside their scope
 * (DESIGN convention 5), 422 when the unit is not a community.
 */
export async function communityFor(
  db: Db,
  actor: Actor,
  permission: 'services.read' | 'services.write' | 'services.dispatch',
  id: string,
): Promise<Unit> {
  const unit = await unitById(db, id);
  const action =
    permission === 'services.read' ? 'read' : permission === 'services.write' ? 'write' : 'dispatch';
  if (!unit || !servicesUnitPolicy.can(actor, action, { orgPath: unit.path })) throw notFound();
  if (unit.kind !== 'community') throw invalidField('communityId', 'services.not_community');
  return unit;
}

/** The community a list is filtered to, found in the actor's services.read scope (none when not asked for). */
export const communityFilter = async (ctx: ActorCtx, communityId: string | undefined) =>
  communityId ? (await communityFor(ctx.db, ctx.actor, 'services.read', communityId)).id : undefined;

/**
 * Stores a new row of a community's records (a need, resource, project or station) under `unit` (the
 * community, or a grid in it) through the repository's `insert`, together with its audit entry, and answers
 * the row's DTO.
 */
export async function insertCommunityRow<I, R extends { id: string; orgPath: string }, D>(
  ctx: ActorCtx,
  insert: (db: Db, values: I) => Promise<R>,
  unit: RowUnit,
  communityId: string,
  fields: Omit<I, 'id' | 'orgUnitId' | 'orgPath' | 'createdAt' | 'updatedAt' | 'communityId'>,
  audit: AuditedWrite<R>,
  dtos: (db: Db, rows: R[]) => Promise<D[]>,
): Promise<D> {
  const values = { ...newUnitRow(ctx, unit, ctx.clock.now()), communityId, ...fields };
  const row = await auditedWrite(ctx, (tx) => insert(tx, values as I), audit);
  return (await dtos(ctx.db, [row]))[0]!;
}

/**
 * The community a resident or volunteer orders in (services.order): their role may be assigned at the
 * community or above it, or at a grid, compound, building or household inside it (then a scope root lies
 * inside the community's path). 404 when neither holds, 422 when the unit is not a community.
 */
export async function orderingCommunity(db: Db, actor: Actor, id: string): Promise<Unit> {
  const unit = await unitById(db, id);
  if (!unit || !mayOrderIn(actor, unit.path)) throw notFound();
  if (unit.kind !== 'community') throw invalidField('communityId', 'services.not_community');
  return unit;
}

/** A grid (or compound/building) inside the community, or 422. */
export async function gridIn(
  db: Db,
  community: Unit,
  gridId: string | null | undefined,
): Promise<Unit | null> {
  if (!gridId) return null;
  const grid = await unitById(db, gridId);
  if (!grid?.path.startsWith(community.path) || grid.id === community.id)
    throw invalidField('gridId', 'services.grid_outside_community');
  return grid;
}

/** The community at or above the first of `roots` (a policy's roots for the actor) below one, for defaults. */
export async function homeCommunity(db: Db, roots: readonly string[]): Promise<Unit | null> {
  for (const path of roots) {
    const ids = path.split('/').filter(Boolean);
    if (ids.length === 0) continue;
    const units = await org.unitsByIds(db, ids);
    const community = units.find((u) => u.kind === 'community');
    if (community) return community;
  }
  return null;
}

/** The community above (or at) a path. */
export function communityOfPath(db: Db, path: string): Promise<Unit | null> {
  return org.communityOfPath(db, path);
}

/** Unit names by id, for the *Name fields of DTOs (optional references may be empty). */
export { unitNames } from '../org/org.api';

/** The names of the rows' communities by id (for their DTOs' `communityName`). */
export function communityNamesOf(db: Db, rows: { communityId: string }[]): Promise<Map<string, string>> {
  return org.unitNames(
    db,
    rows.map((r) => r.communityId),
  );
}

/** The DTOs of a community's rows: the id, the community's id and name, then what `rest` shows of the row. */
export async function communityDtos<R extends { id: string; communityId: string }, D>(
  db: Db,
  rows: R[],
  rest: (row: R) => D,
) {
  const names = await communityNamesOf(db, rows);
  return rows.map((r) => ({
    id: r.id,
    communityId: r.communityId,
    communityName: names.get(r.communityId) ?? null,
    ...rest(r),
  }));
}

export const conflict = (
  code: string,
  params: Record<string, unknown> = {},
  details?: Record<string, unknown>,
) => new AppError(code, 409, params, details);
