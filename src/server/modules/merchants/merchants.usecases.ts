import { sql } from 'drizzle-orm';
import type {
  CreateItemBody,
  CreatePointBody,
  PointKind,
  PointListQuery,
  PointStatus,
  UpdateItemBody,
  UpdatePointBody,
} from '../../../shared/contracts/merchants';
import { isValidUscc } from '../../../shared/validation/codes';
import { auditRecord } from '../../platform/recordAudit';
import { writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { maskedPhoneFields } from '../../platform/sealedFields';
import { roleUnitPaths, userByUsername } from '../accounts/accounts.api';
import { findUnitInScope } from '../org/org.api';
import {
  checkId,
  chinaDate,
  findPoint,
  isUniqueViolation,
  itemDto,
  type PointRow,
  unitNames,
  unitPathFor,
} from './merchants.common';
import { merchantsPolicy, pointAbilities, requireRead } from './merchants.policy';
import {
  deleteLink,
  insertItem,
  insertLink,
  insertPoint,
  itemById,
  itemRowsOf,
  linkOfUser,
  linkedPointIds,
  listPointRows,
  operatorsOf,
  pointFigures,
  updateItemRow,
  updatePointRow,
  usccTakenBy,
} from './merchants.repository';

// Redemption points, their catalogues and counter logins (R-VP-1).

async function pointDtos(ctx: ActorCtx, rows: PointRow[]) {
  const ids = rows.map((r) => r.id);
  const [units, linked, figures] = await Promise.all([
    unitNames(
      ctx.db,
      rows.map((r) => r.orgUnitId),
    ),
    linkedPointIds(ctx.db, ctx.actor),
    pointFigures(ctx.db, ids),
  ]);
  const countBy = figures.items;
  const unsettledBy = figures.unsettled;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as PointKind,
    name: r.name,
    address: r.address,
    contactName: r.contactName,
    contactPhone: r.contactPhoneMask,
    uscc: r.uscc,
    status: r.status as PointStatus,
    registeredOn: r.registeredOn,
    fenPerPoint: r.fenPerPoint,
    orgUnitId: r.orgUnitId,
    orgUnitName: units.get(r.orgUnitId) ?? null,
    itemCount: countBy.get(r.id) ?? 0,
    unsettledPoints: unsettledBy.get(r.id) ?? 0,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    abilities: pointAbilities(ctx.actor, r, linked),
  }));
}

/** The audit trail keeps no contact phone, in clear, encrypted or masked (R-LAW-PI-1). */
function pointAuditView(r: PointRow) {
  const { contactPhoneEnc: _enc, contactPhoneMask: _mask, ...rest } = r;
  return rest;
}

const usccTaken = () =>
  new AppError('merchants.uscc_taken', 409, {}, { fields: [{ path: 'uscc', code: 'merchants.uscc_taken' }] });

async function checkUscc(ctx: ActorCtx, uscc: string | null | undefined, selfId?: string) {
  if (!uscc) return;
  if (!isValidUscc(uscc)) throw invalidField('uscc', 'merchants.uscc');
  if (await usccTakenBy(ctx.db, uscc, selfId)) throw usccTaken();
}

// ---------------------------------------------------------------------------------------------
// Redemption points and catalogues (R-VP-1)
// ---------------------------------------------------------------------------------------------

export async function listPoints(ctx: ActorCtx, q: PointListQuery) {
  requireRead(ctx.actor);
  const linked = await linkedPointIds(ctx.db, ctx.actor);
  const unitPath = await unitPathFor(ctx, q.orgUnitId, 'read');
  const page = await listPointRows(ctx.db, ctx.actor, linked, q, unitPath);
  return { ...page, items: await pointDtos(ctx, page.items) };
}

async function itemsOf(db: Db, pointId: string) {
  return (await itemRowsOf(db, pointId)).map(itemDto);
}

export async function getPoint(ctx: ActorCtx, id: string) {
  requireRead(ctx.actor);
  const p = await findPoint(ctx, id, 'read');
  const [dto] = await pointDtos(ctx, [p]);
  const operators = merchantsPolicy.can(ctx.actor, 'manage', p) ? await operatorsOf(ctx.db, id) : [];
  return { ...dto!, items: await itemsOf(ctx.db, id), operators, today: chinaDate(ctx.clock.now()) };
}

/** The community a point registers with: in the actor's merchants.manage scope (else 404), active, a community. */
async function communityForWrite(ctx: ActorCtx, orgUnitId: string) {
  checkId(orgUnitId);
  const unit = await findUnitInScope(ctx, orgUnitId, merchantsPolicy.permissions.manage);
  if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  if (unit.kind !== 'community') throw invalidField('orgUnitId', 'merchants.unit_kind');
  return unit;
}

export async function createPoint(ctx: ActorCtx, input: CreatePointBody) {
  merchantsPolicy.require(ctx.actor, 'manage');
  if (input.uscc && !isValidUscc(input.uscc)) throw invalidField('uscc', 'merchants.uscc');
  const unit = await communityForWrite(ctx, input.orgUnitId);
  await checkUscc(ctx, input.uscc);
  const id = ctx.ids();
  const now = ctx.clock.now();
  try {
    const row = await ctx.db.transaction(async (tx) => {
      // Copies the unit's path into the row: hold the org-tree lock shared (ARCHITECTURE.md).
      await tx.execute(sql`select pg_advisory_xact_lock_shared(7411002)`);
      const created = await insertPoint(tx, {
        id,
        kind: input.kind,
        name: input.name,
        address: input.address ?? null,
        contactName: input.contactName ?? null,
        ...maskedPhoneFields(ctx.pii, 'contactPhone', input.contactPhone),
        uscc: input.uscc ?? null,
        status: 'active',
        registeredOn: input.registeredOn ?? chinaDate(now),
        fenPerPoint: input.fenPerPoint ?? null,
        orgUnitId: unit.id,
        orgPath: unit.path,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(tx, ctx, {
        action: 'merchants.point.create',
        entityType: 'redemption_point',
        entityId: id,
        orgPath: unit.path,
        after: pointAuditView(created!),
      });
      return created!;
    });
    return getPoint(ctx, row.id);
  } catch (err) {
    if (isUniqueViolation(err, 'redemption_points_uscc_uq')) throw usccTaken();
    throw err;
  }
}

export async function updatePoint(ctx: ActorCtx, id: string, input: UpdatePointBody) {
  merchantsPolicy.require(ctx.actor, 'manage');
  if (input.uscc && !isValidUscc(input.uscc)) throw invalidField('uscc', 'merchants.uscc');
  const before = await findPoint(ctx, id, 'manage');
  if (input.uscc !== undefined) await checkUscc(ctx, input.uscc, id);
  try {
    await ctx.db.transaction(async (tx) => {
      const after = await updatePointRow(tx, id, {
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.name !== undefined && { name: input.name }),
        ...(input.address !== undefined && { address: input.address }),
        ...(input.contactName !== undefined && { contactName: input.contactName }),
        ...maskedPhoneFields(ctx.pii, 'contactPhone', input.contactPhone),
        ...(input.uscc !== undefined && { uscc: input.uscc }),
        ...(input.status !== undefined && { status: input.status }),
        ...(input.registeredOn !== undefined && { registeredOn: input.registeredOn }),
        ...(input.fenPerPoint !== undefined && { fenPerPoint: input.fenPerPoint }),
        updatedAt: ctx.clock.now(),
      });
      await auditRecord(tx, ctx, after!, {
        action: 'merchants.point.update',
        entityType: 'redemption_point',
        before: pointAuditView(before),
        after: { ...pointAuditView(after!), contactPhoneChanged: input.contactPhone !== undefined },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err, 'redemption_points_uscc_uq')) throw usccTaken();
    throw err;
  }
  return getPoint(ctx, id);
}

export async function createItem(ctx: ActorCtx, pointId: string, input: CreateItemBody) {
  merchantsPolicy.require(ctx.actor, 'manage');
  const point = await findPoint(ctx, pointId, 'manage');
  const id = ctx.ids();
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertItem(tx, { id, pointId, ...input, createdAt: now, updatedAt: now });
    await writeAudit(tx, ctx, {
      action: 'merchants.item.create',
      entityType: 'redemption_item',
      entityId: id,
      orgPath: point.orgPath,
      after: created,
    });
    return created!;
  });
  return itemDto(row);
}

export async function updateItem(ctx: ActorCtx, itemId: string, input: UpdateItemBody) {
  merchantsPolicy.require(ctx.actor, 'manage');
  const item = await itemById(ctx.db, itemId);
  if (!item) throw notFound();
  const point = await findPoint(ctx, item.pointId, 'manage');
  const row = await ctx.db.transaction(async (tx) => {
    // The row lock orders this edit with counter redemptions decrementing the same stock.
    const before = await itemById(tx, itemId, true);
    const after = await updateItemRow(tx, itemId, { ...input, updatedAt: ctx.clock.now() });
    await writeAudit(tx, ctx, {
      action: 'merchants.item.update',
      entityType: 'redemption_item',
      entityId: itemId,
      orgPath: point.orgPath,
      before,
      after,
    });
    return after!;
  });
  return itemDto(row);
}

/** Links a merchant login (holding role `merchant` at the point's community) to the point's counter. */
export async function linkOperator(ctx: ActorCtx, pointId: string, username: string) {
  merchantsPolicy.require(ctx.actor, 'manage');
  const point = await findPoint(ctx, pointId, 'manage');
  const user = await userByUsername(ctx.db, username);
  const roles = user ? await roleUnitPaths(ctx.db, user.id, ['merchant']) : [];
  if (!user?.active || !roles.some((path) => point.orgPath.startsWith(path)))
    throw invalidField('username', 'merchants.user_not_merchant');
  const existing = await linkOfUser(ctx.db, user.id);
  if (existing) {
    if (existing.pointId === pointId) return getPoint(ctx, pointId);
    throw new AppError(
      'merchants.user_linked',
      409,
      {},
      { fields: [{ path: 'username', code: 'merchants.user_linked' }] },
    );
  }
  try {
    await ctx.db.transaction(async (tx) => {
      const id = ctx.ids();
      await insertLink(tx, { id, pointId, userId: user.id, createdAt: ctx.clock.now() });
      await auditRecord(tx, ctx, point, {
        action: 'merchants.operator.link',
        entityType: 'redemption_point',
        after: { userId: user.id, username: user.username },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('merchants.user_linked', 409);
    throw err;
  }
  return getPoint(ctx, pointId);
}

export async function unlinkOperator(ctx: ActorCtx, pointId: string, userId: string) {
  merchantsPolicy.require(ctx.actor, 'manage');
  const point = await findPoint(ctx, pointId, 'manage');
  checkId(userId);
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteLink(tx, pointId, userId))) throw notFound();
    await auditRecord(tx, ctx, point, {
      action: 'merchants.operator.unlink',
      entityType: 'redemption_point',
      before: { userId },
    });
  });
  return getPoint(ctx, pointId);
}
