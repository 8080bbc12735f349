import type { ActorCtx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import type { Locale } from '../../../shared/i18n/errors';
import type { Page } from '../../platform/listing';
import type { Policy } from '../../platform/policy';
import { findUnitInScope, unitInScope } from '../org/org.api';

export { unitNamesOf } from '../org/org.api';

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

/**
 * A list use case: the actor may read (`policy`, 401/403), the query's unit is in their read scope (else 404),
 * one page of `rows` under its path (all in scope when the query names no unit), made DTOs by `dtos`.
 */
export function listUnder<Q extends { orgUnitId?: string }, R, D>(
  policy: Pick<Policy<'read', never>, 'require'>,
  rows: (ctx: ActorCtx, q: Q, path: string | undefined) => Promise<Page<R>>,
  dtos: (ctx: ActorCtx, rows: R[], loc: Locale) => Promise<D[]>,
) {
  return async (ctx: ActorCtx, q: Q, loc: Locale): Promise<Page<D>> => {
    policy.require(ctx.actor, 'read');
    const page = await rows(ctx, q, await filterPath(ctx, q.orgUnitId));
    return { ...page, items: await dtos(ctx, page.items, loc) };
  };
}
