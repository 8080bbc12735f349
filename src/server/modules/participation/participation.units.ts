import type { ActorCtx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { findUnitInScope, unitInScope } from '../org/org.api';

/**
 * The unit a new record goes to: the active unit with this id where the actor holds `permission`, else 404
 * (unknown, out of scope and archived alike).
 */
export async function activeUnitFor(
  ctx: ActorCtx,
  permission: 'participation.manage' | 'participation.propose',
  orgUnitId: string,
) {
  const unit = await unitInScope(ctx.db, ctx.actor, permission, orgUnitId);
  if (unit?.status !== 'active') throw notFound();
  return unit;
}

/** The path of the unit a list is filtered to (in the actor's read scope, else 404); undefined for no filter. */
export async function filterPath(ctx: ActorCtx, orgUnitId: string | undefined): Promise<string | undefined> {
  if (!orgUnitId) return undefined;
  const unit = await findUnitInScope(ctx, orgUnitId, 'participation.read');
  return unit.path;
}
