import type { ActorCtx } from './context';
import type { Db } from './db';
import type { Page } from './listing';
import type { Actor } from './permissions';
import type { Policy } from './policy';

/**
 * A module's list use cases: the actor may take `action` (401/403), the query's `communityId` is a unit in
 * reach (`unitOf`, which answers 404 otherwise), one page of `rows` under that unit's path, made DTOs by `dtos`.
 * `const listInReach = listInUnit(fooPolicy, 'read', filterUnit);` then
 * `export const listFoos = (ctx, q) => listInReach(ctx, q, listFooRows, fooDtos);`.
 */
export function listInUnit<A extends string>(
  policy: Pick<Policy<A, never>, 'require'>,
  action: A,
  unitOf: (ctx: ActorCtx, id: string | undefined) => Promise<{ path: string } | undefined>,
) {
  return async <Q extends { communityId?: string }, R, D>(
    ctx: ActorCtx,
    q: Q,
    rows: (db: Db, actor: Actor, q: Q & { path?: string }) => Promise<Page<R>>,
    dtos: (ctx: ActorCtx, rows: R[]) => Promise<D[]>,
  ): Promise<Page<D>> => {
    policy.require(ctx.actor, action);
    const root = await unitOf(ctx, q.communityId);
    const page = await rows(ctx.db, ctx.actor, { ...q, path: root?.path });
    return { ...page, items: await dtos(ctx, page.items) };
  };
}
