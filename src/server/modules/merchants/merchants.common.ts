import type { ItemCategory } from '../../../shared/contracts/merchants';
import { AppError, notFound } from '../../platform/errors';
import { checkId } from '../../platform/ids';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { type PostingEntry, ensureAccount } from '../ledger/ledger.api';
import { findUnitInScope, unitNames } from '../org/org.api';
import { type Access, merchantsPolicy } from './merchants.policy';
import { findPointRow, linkedPointIds, pointNames } from './merchants.repository';
import type { merchantSettlements, redemptionItems, redemptionPoints, redemptions } from './merchants.table';

// Row types, China dates and small helpers shared by the merchants use cases.

export type PointRow = typeof redemptionPoints.$inferSelect;
export type ItemRow = typeof redemptionItems.$inferSelect;
export type RedemptionRow = typeof redemptions.$inferSelect;
export type SettlementRow = typeof merchantSettlements.$inferSelect;

export const DAY = 86_400_000;
export const CHINA = 8 * 3_600_000;

/** An id that cannot exist answers 404 before touching the database (platform/ids.ts). */
export { checkId };

export { chinaDate, chinaDayEnd as endOfChinaDay } from '../../../shared/chinaTime';

export const short = (id: string) => id.replace(/-/g, '').slice(-8).toUpperCase();

/** The redemption point's points account on the ledger (opened on its first posting). */
export function ensurePointAccount(
  tx: Db,
  ctx: UseCaseCtx,
  point: Pick<PointRow, 'id' | 'orgUnitId' | 'orgPath' | 'name'>,
): Promise<string> {
  return ensureAccount(tx, ctx, {
    ownerKind: 'merchant',
    ownerId: point.id,
    unit: 'points',
    orgUnitId: point.orgUnitId,
    orgPath: point.orgPath,
    name: point.name,
  });
}

/** A volunteer's points account, opened in their community `place` (the unit they redeem from). */
export function ensureVolunteerPointsAccount(
  tx: Db,
  ctx: UseCaseCtx,
  volunteer: { id: string; name: string },
  place: { id: string; path: string },
): Promise<string> {
  return ensureAccount(tx, ctx, {
    ownerKind: 'volunteer',
    ownerId: volunteer.id,
    unit: 'points',
    orgUnitId: place.id,
    orgPath: place.path,
    name: volunteer.name,
  });
}

/** The two ledger entries that move `amount` points from one account to another. */
export function pointsMove(fromAccount: string, toAccount: string, amount: number): PostingEntry[] {
  return [
    { accountId: fromAccount, unit: 'points', amount: -amount },
    { accountId: toAccount, unit: 'points', amount },
  ];
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

/** A unique-index violation (platform/db.ts), of any index unless one is named. */
export { isUniqueViolation } from '../../platform/db';

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

/**
 * Where redemption or settlement rows happened, for their DTOs: loads the point and unit names of all the rows
 * and answers each row's pointId, pointName and orgUnitName.
 */
export async function pointPlaceNames(db: Db, rows: { pointId: string; orgUnitId: string }[]) {
  const pointIds = rows.map((r) => r.pointId);
  const unitIds = rows.map((r) => r.orgUnitId);
  const [points, units] = await Promise.all([pointNames(db, pointIds), unitNames(db, unitIds)]);
  return (r: { pointId: string; orgUnitId: string }) => ({
    pointId: r.pointId,
    pointName: points.get(r.pointId) ?? null,
    orgUnitName: units.get(r.orgUnitId) ?? null,
  });
}

/** Unit names by id, for the *Name fields of DTOs (optional references may be empty). */
export { unitNames };

/**
 * The path of a list's `?orgUnitId=` unit. A unit outside the actor's scope answers 404 exactly like an
 * unknown id (DESIGN convention 5): an empty 200 would tell that the unit exists.
 */
export async function unitPathFor(
  ctx: ActorCtx,
  orgUnitId: string | undefined,
  access: 'read' | 'manage',
): Promise<string | undefined> {
  if (!orgUnitId) return undefined;
  checkId(orgUnitId);
  const { manage, counter } = merchantsPolicy.permissions;
  const u = await findUnitInScope(ctx, orgUnitId, access === 'manage' ? manage : [manage, counter]);
  return u.path;
}

/** A point in reach for `access`, else 404. */
export async function findPoint(ctx: ActorCtx, id: string, access: Access): Promise<PointRow> {
  const linked = await linkedPointIds(ctx.db, ctx.actor);
  const row = await findPointRow(ctx.db, ctx.actor, linked, access, id);
  if (!row) throw notFound();
  return row;
}
