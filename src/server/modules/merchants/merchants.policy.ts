import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { ItemCategory } from '../../../shared/contracts/merchants';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import {
  type Actor,
  can,
  escapeLike,
  inScope,
  requirePermission,
  scopeWhere,
} from '../../platform/permissions';
import { unitInScope, unitNames as orgUnitNames } from '../org/org.api';
import {
  type merchantSettlements,
  type redemptionItems,
  redemptionPoints,
  redemptionPointUsers,
  type redemptions,
} from './merchants.table';

// Who may see and work a redemption point, and helpers shared by the merchants use cases (DESIGN: .policy.ts).

export type PointRow = typeof redemptionPoints.$inferSelect;
export type ItemRow = typeof redemptionItems.$inferSelect;
export type RedemptionRow = typeof redemptions.$inferSelect;
export type SettlementRow = typeof merchantSettlements.$inferSelect;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const DAY = 86_400_000;
export const CHINA = 8 * 3_600_000;

export function checkId(id: string): void {
  if (!UUID_RE.test(id)) throw notFound();
}

/** The calendar date in China (UTC+8) of an instant, YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA).toISOString().slice(0, 10);
}

/** The first instant of the China day after `date` (YYYY-MM-DD). */
export function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA + DAY);
}

export const countOf = (rows: { n: number }[]) => rows[0]?.n ?? 0;
export const short = (id: string) => id.replace(/-/g, '').slice(-8).toUpperCase();

// ---------------------------------------------------------------------------------------------
// Who may see and work a point. Community staff: merchants.manage / redemptions.counter over their
// subtree. A merchant login (role `merchant`): only the one point it is linked to, and only while it
// still holds the role at that point's community.
// ---------------------------------------------------------------------------------------------

export function withRoles(actor: Actor, pick: (role: string) => boolean): Actor {
  return { ...actor, assignments: actor.assignments.filter((a) => pick(a.role)) };
}

export async function linkedPointIds(ctx: ActorCtx): Promise<string[]> {
  if (!ctx.actor.assignments.some((a) => a.role === 'merchant')) return [];
  const rows = await ctx.db
    .select({ pointId: redemptionPointUsers.pointId })
    .from(redemptionPointUsers)
    .where(eq(redemptionPointUsers.userId, ctx.actor.userId));
  return rows.map((r) => r.pointId);
}

export type Access = 'manage' | 'counter' | 'read';

export function accessWhere(
  ctx: ActorCtx,
  linked: string[],
  pointId: AnyPgColumn,
  path: AnyPgColumn,
  access: Access,
): SQL {
  const manage = scopeWhere(ctx.actor, 'merchants.manage', path);
  const staff = scopeWhere(
    withRoles(ctx.actor, (r) => r !== 'merchant'),
    'redemptions.counter',
    path,
  );
  const merchant =
    linked.length > 0
      ? and(
          inArray(pointId, linked),
          scopeWhere(
            withRoles(ctx.actor, (r) => r === 'merchant'),
            'redemptions.counter',
            path,
          ),
        )!
      : sql`false`;
  if (access === 'manage') return manage;
  if (access === 'counter') return or(staff, merchant)!;
  return or(manage, staff, merchant)!;
}

/**
 * The subtree filter of a list's `?orgUnitId=`. A unit outside the actor's scope answers 404 exactly like
 * an unknown id (DESIGN convention 5): an empty 200 would tell that the unit exists.
 */
export async function unitSubtree(
  ctx: ActorCtx,
  orgUnitId: string | undefined,
  access: 'read' | 'manage',
  column: AnyPgColumn | SQL,
): Promise<SQL | undefined> {
  if (!orgUnitId) return undefined;
  checkId(orgUnitId);
  const u = await unitInScope(
    ctx.db,
    ctx.actor,
    access === 'manage' ? 'merchants.manage' : ['merchants.manage', 'redemptions.counter'],
    orgUnitId,
  );
  if (!u) throw notFound();
  return sql`${column} like ${`${escapeLike(u.path)}%`}`;
}

export function requireRead(ctx: ActorCtx) {
  if (!can(ctx.actor, 'merchants.manage')) requirePermission(ctx.actor, 'redemptions.counter');
}

export async function findPoint(ctx: ActorCtx, id: string, access: Access): Promise<PointRow> {
  checkId(id);
  const linked = await linkedPointIds(ctx);
  const [row] = await ctx.db
    .select()
    .from(redemptionPoints)
    .where(
      and(
        eq(redemptionPoints.id, id),
        accessWhere(ctx, linked, redemptionPoints.id, redemptionPoints.orgPath, access),
      ),
    );
  if (!row) throw notFound();
  return row;
}

export function pointAbilities(ctx: ActorCtx, p: PointRow, linked: string[]) {
  const manage = inScope(ctx.actor, 'merchants.manage', p.orgPath);
  const staffCounter = inScope(
    withRoles(ctx.actor, (r) => r !== 'merchant'),
    'redemptions.counter',
    p.orgPath,
  );
  const merchantCounter =
    linked.includes(p.id) &&
    inScope(
      withRoles(ctx.actor, (r) => r === 'merchant'),
      'redemptions.counter',
      p.orgPath,
    );
  return {
    edit: manage,
    counter: p.status === 'active' && (staffCounter || merchantCounter),
    settle: manage,
  };
}

export async function unitNames(db: Db, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  return orgUnitNames(
    db,
    ids.filter((x): x is string => !!x),
  );
}

export async function pointNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: redemptionPoints.id, name: redemptionPoints.name })
    .from(redemptionPoints)
    .where(inArray(redemptionPoints.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export const itemDto = (r: ItemRow) => ({
  id: r.id,
  pointId: r.pointId,
  name: r.name,
  category: r.category as ItemCategory,
  pricePoints: r.pricePoints,
  stock: r.stock,
  active: r.active,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  let e: unknown = err;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    const x = e as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (x.code === '23505')
      return !constraint || x.constraint === constraint || String(x.message).includes(constraint);
    e = x.cause;
  }
  return false;
}

export function requireKey(headerKey: string | undefined, bodyKey: string | undefined): string {
  const key = (headerKey ?? bodyKey ?? '').trim();
  if (key.length < 8 || key.length > 100)
    throw new AppError(
      'merchants.idempotency_key',
      422,
      {},
      { fields: [{ path: 'idempotencyKey', code: 'merchants.idempotency_key' }] },
    );
  return key;
}
