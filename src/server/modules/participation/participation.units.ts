import type { ActorCtx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { unitInScope } from '../org/org.api';

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
