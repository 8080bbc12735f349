import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { checkId } from '../../platform/ids';
import { ancestorOfKind, type OrgUnit, unitInScope as orgUnitInScope, unitNames } from '../org/org.api';
import { volunteersPolicy } from './volunteers.policy';

export type VolPermission = 'volunteers.read' | 'volunteers.write';

/** An id that cannot exist answers 404 before touching the database (platform/ids.ts). */
export { checkId };

/** A unit the actor may see for `permission`, else 404 (DESIGN convention 5). */
export async function unitInScope(ctx: ActorCtx, id: string, permission: VolPermission): Promise<OrgUnit> {
  checkId(id);
  const unit = await orgUnitInScope(ctx.db, ctx.actor, permission, id);
  if (!unit) throw notFound();
  return unit;
}

/** Checks the actor holds `permission` and answers the scope it gives ('read' or 'write'). */
export function requireAccess(ctx: ActorCtx, permission: VolPermission): 'read' | 'write' {
  const action = permission === 'volunteers.write' ? 'write' : 'read';
  volunteersPolicy.require(ctx.actor, action);
  return action;
}

/** A record the scoped lookup found, else 404 (out of scope reads as unknown). */
export function foundOr404<T>(row: T | undefined): T {
  if (!row) throw notFound();
  return row;
}

/**
 * The path a read list is narrowed to by its `?orgUnitId=` (undefined: the whole scope), after checking the
 * actor may read volunteers; a unit outside their scope answers 404.
 */
export async function readListPath(
  ctx: ActorCtx,
  orgUnitId: string | undefined,
): Promise<string | undefined> {
  volunteersPolicy.require(ctx.actor, 'read');
  const unit = orgUnitId ? await unitInScope(ctx, orgUnitId, 'volunteers.read') : undefined;
  return unit?.path;
}

/** Where a volunteer, team or activity belongs: a community or one of its grids, active, in write scope. */
export async function placeForWrite(
  ctx: ActorCtx,
  db: Db,
  orgUnitId: string,
  kinds: readonly string[] = ['community', 'grid'],
): Promise<{ unit: OrgUnit; communityId: string; gridId: string | null }> {
  checkId(orgUnitId);
  const unit = await orgUnitInScope(db, ctx.actor, 'volunteers.write', orgUnitId);
  if (!unit) throw notFound();
  if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  if (!kinds.includes(unit.kind)) throw invalidField('orgUnitId', 'volunteers.unit_kind');
  if (unit.kind === 'community') return { unit, communityId: unit.id, gridId: null };
  const community = await communityOf(db, unit.path);
  if (!community) throw invalidField('orgUnitId', 'volunteers.unit_kind');
  return { unit, communityId: community.id, gridId: unit.kind === 'grid' ? unit.id : null };
}

/** The community on a path, or null above community level. */
export async function communityOf(db: Db, path: string): Promise<OrgUnit | null> {
  return ancestorOfKind(db, path, 'community');
}

/** The grid on a path, if any. */
export async function gridOf(db: Db, path: string): Promise<OrgUnit | null> {
  return ancestorOfKind(db, path, 'grid');
}

/** Unit names by id, for the *Name fields of DTOs (optional references may be empty). */
export { unitNames };

/** Whether the actor may edit a record at `path` (the UI's edit buttons). */
export function writable(ctx: ActorCtx, path: string): boolean {
  return volunteersPolicy.can(ctx.actor, 'write', { orgPath: path });
}

/** A unique-index violation (platform/db.ts), of any index unless one is named. */
export { isUniqueViolation } from '../../platform/db';

/** Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m). */
export function haversineM(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
}

export { chinaDate, chinaDayStart } from '../../../shared/chinaTime';
