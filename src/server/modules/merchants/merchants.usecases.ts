import { randomInt } from 'node:crypto';
import {
  and,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import {
  CODE_TTL_MINUTES,
  type CreateItemBody,
  type CreatePointBody,
  type IssueCodeBody,
  type ItemCategory,
  NEW_POINTS_TARGET,
  type PointKind,
  type PointListQuery,
  type PointStatus,
  type RedeemBody,
  type RedemptionListQuery,
  type SettleBody,
  type SettlementListQuery,
  type UpdateItemBody,
  type UpdatePointBody,
} from '../../../shared/contracts/merchants';
import { isValidUscc } from '../../../shared/validation/codes';
import { auditFailure, writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import { maskPhone } from '../../platform/crypto';
import { type Db, rowsOf } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { offsetOf } from '../../platform/pagination';
import {
  type Actor,
  can,
  escapeLike,
  inScope,
  requirePermission,
  scopeWhere,
} from '../../platform/permissions';
import { userRoles, users } from '../accounts/accounts.table';
import { balancesOf, ensureAccount, postTransaction } from '../ledger/ledger.core';
import { orgUnits } from '../org/org.table';
import { volunteers } from '../volunteers/volunteers.table';
import {
  merchantSettlements,
  redemptionCodes,
  redemptionItems,
  redemptionLines,
  redemptionPoints,
  redemptionPointUsers,
  redemptions,
} from './merchants.table';

type PointRow = typeof redemptionPoints.$inferSelect;
type ItemRow = typeof redemptionItems.$inferSelect;
type RedemptionRow = typeof redemptions.$inferSelect;
type SettlementRow = typeof merchantSettlements.$inferSelect;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = 86_400_000;
const CHINA = 8 * 3_600_000;

export function checkId(id: string): void {
  if (!UUID_RE.test(id)) throw notFound();
}

/** The calendar date in China (UTC+8) of an instant, YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA).toISOString().slice(0, 10);
}

/** The first instant of the China day after `date` (YYYY-MM-DD). */
function endOfChinaDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA + DAY);
}

const countOf = (rows: { n: number }[]) => rows[0]?.n ?? 0;
const short = (id: string) => id.replace(/-/g, '').slice(-8).toUpperCase();

// ---------------------------------------------------------------------------------------------
// Who may see and work a point. Community staff: merchants.manage / redemptions.counter over their
// subtree. A merchant login (role `merchant`): only the one point it is linked to, and only while it
// still holds the role at that point's community.
// ---------------------------------------------------------------------------------------------

function withRoles(actor: Actor, pick: (role: string) => boolean): Actor {
  return { ...actor, assignments: actor.assignments.filter((a) => pick(a.role)) };
}

async function linkedPointIds(ctx: ActorCtx): Promise<string[]> {
  if (!ctx.actor.assignments.some((a) => a.role === 'merchant')) return [];
  const rows = await ctx.db
    .select({ pointId: redemptionPointUsers.pointId })
    .from(redemptionPointUsers)
    .where(eq(redemptionPointUsers.userId, ctx.actor.userId));
  return rows.map((r) => r.pointId);
}

type Access = 'manage' | 'counter' | 'read';

function accessWhere(
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

function requireRead(ctx: ActorCtx) {
  if (!can(ctx.actor, 'merchants.manage')) requirePermission(ctx.actor, 'redemptions.counter');
}

async function findPoint(ctx: ActorCtx, id: string, access: Access): Promise<PointRow> {
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

function pointAbilities(ctx: ActorCtx, p: PointRow, linked: string[]) {
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

async function unitNames(db: Db, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: orgUnits.id, name: orgUnits.name })
    .from(orgUnits)
    .where(inArray(orgUnits.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function pointNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: redemptionPoints.id, name: redemptionPoints.name })
    .from(redemptionPoints)
    .where(inArray(redemptionPoints.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function pointDtos(ctx: ActorCtx, rows: PointRow[]) {
  const ids = rows.map((r) => r.id);
  const [units, linked, counts, unsettled] = await Promise.all([
    unitNames(
      ctx.db,
      rows.map((r) => r.orgUnitId),
    ),
    linkedPointIds(ctx),
    ids.length
      ? ctx.db
          .select({ pointId: redemptionItems.pointId, n: sql<number>`count(*)::int` })
          .from(redemptionItems)
          .where(inArray(redemptionItems.pointId, ids))
          .groupBy(redemptionItems.pointId)
      : Promise.resolve([]),
    ids.length
      ? ctx.db
          .select({ pointId: redemptions.pointId, n: sql<number>`coalesce(sum(total_points), 0)::int` })
          .from(redemptions)
          .where(and(inArray(redemptions.pointId, ids), isNull(redemptions.settlementId)))
          .groupBy(redemptions.pointId)
      : Promise.resolve([]),
  ]);
  const countBy = new Map(counts.map((c) => [c.pointId, c.n]));
  const unsettledBy = new Map(unsettled.map((c) => [c.pointId, c.n]));
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
    abilities: pointAbilities(ctx, r, linked),
  }));
}

const itemDto = (r: ItemRow) => ({
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

/** The audit trail keeps no contact phone, in clear, encrypted or masked (R-LAW-PI-1). */
function pointAuditView(r: PointRow) {
  const { contactPhoneEnc: _enc, contactPhoneMask: _mask, ...rest } = r;
  return rest;
}

function sealContactPhone(ctx: ActorCtx, phone: string | null | undefined) {
  if (phone === undefined) return {};
  const v = phone ? phone.replace(/[\s-]/g, '').replace(/^\+?86/, '') : null;
  return { contactPhoneEnc: v ? ctx.pii.encrypt(v) : null, contactPhoneMask: v ? maskPhone(v) : null };
}

const usccTaken = () =>
  new AppError('merchants.uscc_taken', 409, {}, { fields: [{ path: 'uscc', code: 'merchants.uscc_taken' }] });

async function checkUscc(ctx: ActorCtx, uscc: string | null | undefined, selfId?: string) {
  if (!uscc) return;
  if (!isValidUscc(uscc)) throw invalidField('uscc', 'merchants.uscc');
  const [dup] = await ctx.db
    .select({ id: redemptionPoints.id })
    .from(redemptionPoints)
    .where(and(eq(redemptionPoints.uscc, uscc), selfId ? ne(redemptionPoints.id, selfId) : undefined));
  if (dup) throw usccTaken();
}

function isUniqueViolation(err: unknown, constraint?: string): boolean {
  let e: unknown = err;
  for (let i = 0; i < 5 && e && typeof e === 'object'; i++) {
    const x = e as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (x.code === '23505')
      return !constraint || x.constraint === constraint || String(x.message).includes(constraint);
    e = x.cause;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Redemption points and catalogues (R-VP-1)
// ---------------------------------------------------------------------------------------------

export async function listPoints(ctx: ActorCtx, q: PointListQuery) {
  requireRead(ctx);
  const linked = await linkedPointIds(ctx);
  let subtree: SQL | undefined;
  if (q.orgUnitId) {
    checkId(q.orgUnitId);
    const [u] = await ctx.db
      .select({ path: orgUnits.path })
      .from(orgUnits)
      .where(eq(orgUnits.id, q.orgUnitId));
    if (!u) throw notFound();
    subtree = sql`${redemptionPoints.orgPath} like ${`${escapeLike(u.path)}%`}`;
  }
  const where = and(
    accessWhere(ctx, linked, redemptionPoints.id, redemptionPoints.orgPath, 'read'),
    subtree,
    q.q ? sql`${redemptionPoints.name} ilike ${`%${escapeLike(q.q)}%`}` : undefined,
    q.kind ? eq(redemptionPoints.kind, q.kind) : undefined,
    q.status ? eq(redemptionPoints.status, q.status) : undefined,
    q.year
      ? sql`${redemptionPoints.registeredOn} >= ${`${q.year}-01-01`} and ${redemptionPoints.registeredOn} <= ${`${q.year}-12-31`}`
      : undefined,
  );
  const total = countOf(
    await ctx.db.select({ n: sql<number>`count(*)::int` }).from(redemptionPoints).where(where),
  );
  const rows = await ctx.db
    .select()
    .from(redemptionPoints)
    .where(where)
    .orderBy(desc(redemptionPoints.registeredOn), asc(redemptionPoints.name), asc(redemptionPoints.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return { items: await pointDtos(ctx, rows), total, page: q.page, pageSize: q.pageSize };
}

async function itemsOf(db: Db, pointId: string) {
  const rows = await db
    .select()
    .from(redemptionItems)
    .where(eq(redemptionItems.pointId, pointId))
    .orderBy(desc(redemptionItems.active), asc(redemptionItems.category), asc(redemptionItems.name));
  return rows.map(itemDto);
}

export async function getPoint(ctx: ActorCtx, id: string) {
  requireRead(ctx);
  const p = await findPoint(ctx, id, 'read');
  const [dto] = await pointDtos(ctx, [p]);
  const operators = inScope(ctx.actor, 'merchants.manage', p.orgPath)
    ? await ctx.db
        .select({
          userId: users.id,
          username: users.username,
          displayName: users.displayName,
          linkedAt: redemptionPointUsers.createdAt,
        })
        .from(redemptionPointUsers)
        .innerJoin(users, eq(users.id, redemptionPointUsers.userId))
        .where(eq(redemptionPointUsers.pointId, id))
        .orderBy(asc(users.username))
    : [];
  return { ...dto!, items: await itemsOf(ctx.db, id), operators };
}

/** The community a point registers with: in the actor's merchants.manage scope (else 404), active, a community. */
async function communityForWrite(ctx: ActorCtx, orgUnitId: string) {
  checkId(orgUnitId);
  const [unit] = await ctx.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, orgUnitId), scopeWhere(ctx.actor, 'merchants.manage', orgUnits.path)));
  if (!unit) throw notFound();
  if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  if (unit.kind !== 'community') throw invalidField('orgUnitId', 'merchants.unit_kind');
  return unit;
}

export async function createPoint(ctx: ActorCtx, input: CreatePointBody) {
  requirePermission(ctx.actor, 'merchants.manage');
  if (input.uscc && !isValidUscc(input.uscc)) throw invalidField('uscc', 'merchants.uscc');
  const unit = await communityForWrite(ctx, input.orgUnitId);
  await checkUscc(ctx, input.uscc);
  const id = ctx.ids();
  const now = ctx.clock.now();
  try {
    const row = await ctx.db.transaction(async (tx) => {
      // Copies the unit's path into the row: hold the org-tree lock shared (ARCHITECTURE.md).
      await tx.execute(sql`select pg_advisory_xact_lock_shared(7411002)`);
      const [created] = await tx
        .insert(redemptionPoints)
        .values({
          id,
          kind: input.kind,
          name: input.name,
          address: input.address ?? null,
          contactName: input.contactName ?? null,
          ...sealContactPhone(ctx, input.contactPhone),
          uscc: input.uscc ?? null,
          status: 'active',
          registeredOn: input.registeredOn ?? chinaDate(now),
          fenPerPoint: input.fenPerPoint ?? null,
          orgUnitId: unit.id,
          orgPath: unit.path,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
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
  requirePermission(ctx.actor, 'merchants.manage');
  if (input.uscc && !isValidUscc(input.uscc)) throw invalidField('uscc', 'merchants.uscc');
  const before = await findPoint(ctx, id, 'manage');
  if (input.uscc !== undefined) await checkUscc(ctx, input.uscc, id);
  try {
    await ctx.db.transaction(async (tx) => {
      const [after] = await tx
        .update(redemptionPoints)
        .set({
          ...(input.kind !== undefined && { kind: input.kind }),
          ...(input.name !== undefined && { name: input.name }),
          ...(input.address !== undefined && { address: input.address }),
          ...(input.contactName !== undefined && { contactName: input.contactName }),
          ...sealContactPhone(ctx, input.contactPhone),
          ...(input.uscc !== undefined && { uscc: input.uscc }),
          ...(input.status !== undefined && { status: input.status }),
          ...(input.registeredOn !== undefined && { registeredOn: input.registeredOn }),
          ...(input.fenPerPoint !== undefined && { fenPerPoint: input.fenPerPoint }),
          updatedAt: ctx.clock.now(),
        })
        .where(eq(redemptionPoints.id, id))
        .returning();
      await writeAudit(tx, ctx, {
        action: 'merchants.point.update',
        entityType: 'redemption_point',
        entityId: id,
        orgPath: after!.orgPath,
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
  requirePermission(ctx.actor, 'merchants.manage');
  const point = await findPoint(ctx, pointId, 'manage');
  const id = ctx.ids();
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(redemptionItems)
      .values({ id, pointId, ...input, createdAt: now, updatedAt: now })
      .returning();
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
  requirePermission(ctx.actor, 'merchants.manage');
  checkId(itemId);
  const [item] = await ctx.db.select().from(redemptionItems).where(eq(redemptionItems.id, itemId));
  if (!item) throw notFound();
  const point = await findPoint(ctx, item.pointId, 'manage');
  const row = await ctx.db.transaction(async (tx) => {
    // The row lock orders this edit with counter redemptions decrementing the same stock.
    const [before] = await tx
      .select()
      .from(redemptionItems)
      .where(eq(redemptionItems.id, itemId))
      .for('update');
    const [after] = await tx
      .update(redemptionItems)
      .set({ ...input, updatedAt: ctx.clock.now() })
      .where(eq(redemptionItems.id, itemId))
      .returning();
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
  requirePermission(ctx.actor, 'merchants.manage');
  const point = await findPoint(ctx, pointId, 'manage');
  const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
  const roles = user
    ? await ctx.db
        .select({ path: orgUnits.path })
        .from(userRoles)
        .innerJoin(orgUnits, eq(orgUnits.id, userRoles.orgUnitId))
        .where(and(eq(userRoles.userId, user.id), eq(userRoles.role, 'merchant')))
    : [];
  if (!user?.active || !roles.some((r) => point.orgPath.startsWith(r.path)))
    throw invalidField('username', 'merchants.user_not_merchant');
  const [existing] = await ctx.db
    .select()
    .from(redemptionPointUsers)
    .where(eq(redemptionPointUsers.userId, user.id));
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
      await tx
        .insert(redemptionPointUsers)
        .values({ id, pointId, userId: user.id, createdAt: ctx.clock.now() });
      await writeAudit(tx, ctx, {
        action: 'merchants.operator.link',
        entityType: 'redemption_point',
        entityId: pointId,
        orgPath: point.orgPath,
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
  requirePermission(ctx.actor, 'merchants.manage');
  const point = await findPoint(ctx, pointId, 'manage');
  checkId(userId);
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(redemptionPointUsers)
      .where(and(eq(redemptionPointUsers.pointId, pointId), eq(redemptionPointUsers.userId, userId)))
      .returning();
    if (gone.length === 0) throw notFound();
    await writeAudit(tx, ctx, {
      action: 'merchants.operator.unlink',
      entityType: 'redemption_point',
      entityId: pointId,
      orgPath: point.orgPath,
      before: { userId },
    });
  });
  return getPoint(ctx, pointId);
}

// ---------------------------------------------------------------------------------------------
// The holder's phone: nearby points, a short-lived code, recent redemptions
// ---------------------------------------------------------------------------------------------

async function volunteerOfUser(db: Db, userId: string) {
  const [v] = await db
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.userId, userId), eq(volunteers.status, 'active')));
  return v;
}

async function pointsBalance(db: Db, volunteerId: string): Promise<number> {
  return (await balancesOf(db, 'volunteer', volunteerId)).points;
}

const codeHash = (ctx: Pick<ActorCtx, 'pii'>, code: string) => ctx.pii.mac('linli-redemption-code-v1', code);

/** Checks phone-picked lines against a point's active catalogue. */
async function checkLines(db: Db, pointId: string, lines: { itemId: string; quantity: number }[]) {
  if (lines.length === 0) return;
  const rows = await db
    .select({ id: redemptionItems.id })
    .from(redemptionItems)
    .where(
      and(
        inArray(
          redemptionItems.id,
          lines.map((l) => l.itemId),
        ),
        eq(redemptionItems.pointId, pointId),
        eq(redemptionItems.active, true),
      ),
    );
  if (rows.length !== lines.length) throw invalidField('items', 'merchants.item_unknown');
}

/**
 * A redemption code for the logged-in volunteer: 8 random digits, valid 10 minutes, single use; only its
 * keyed hash is stored. A new code retires the holder's earlier unused ones.
 */
export async function issueCode(ctx: ActorCtx, input: IssueCodeBody) {
  requirePermission(ctx.actor, 'ledger.own');
  const v = await volunteerOfUser(ctx.db, ctx.actor.userId);
  if (!v) throw new AppError('merchants.not_a_volunteer', 409);
  if (input.items?.length && !input.pointId) throw invalidField('pointId', 'merchants.point_required');
  if (input.pointId) {
    const [p] = await ctx.db
      .select()
      .from(redemptionPoints)
      .where(and(eq(redemptionPoints.id, input.pointId), eq(redemptionPoints.status, 'active')));
    if (!p) throw invalidField('pointId', 'merchants.point_unknown');
    await checkLines(ctx.db, p.id, input.items ?? []);
  }
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
  let code = '';
  for (let attempt = 0; attempt < 10; attempt++) {
    code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    const [clash] = await ctx.db
      .select({ id: redemptionCodes.id })
      .from(redemptionCodes)
      .where(
        and(
          eq(redemptionCodes.codeHash, codeHash(ctx, code)),
          isNull(redemptionCodes.usedAt),
          gt(redemptionCodes.expiresAt, now),
        ),
      );
    if (!clash) break;
  }
  const id = ctx.ids();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(redemptionCodes)
      .set({ expiresAt: now })
      .where(
        and(
          eq(redemptionCodes.userId, ctx.actor.userId),
          isNull(redemptionCodes.usedAt),
          gt(redemptionCodes.expiresAt, now),
        ),
      );
    await tx.insert(redemptionCodes).values({
      id,
      codeHash: codeHash(ctx, code),
      volunteerId: v.id,
      userId: ctx.actor.userId,
      pointId: input.pointId ?? null,
      items: input.items?.length ? input.items : null,
      expiresAt,
      createdAt: now,
    });
    await writeAudit(tx, ctx, {
      action: 'merchants.code.issue',
      entityType: 'redemption_code',
      entityId: id,
      orgPath: v.orgPath,
      after: { volunteerId: v.id, pointId: input.pointId ?? null, expiresAt },
    });
  });
  return { code, expiresAt, volunteerName: v.name, balance: await pointsBalance(ctx.db, v.id) };
}

/** The subdistrict (else the community) around a path: "nearby" redemption points. */
async function nearbyRoot(db: Db, path: string): Promise<string> {
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 0) return path;
  const rows = await db
    .select({ path: orgUnits.path, kind: orgUnits.kind })
    .from(orgUnits)
    .where(inArray(orgUnits.id, ids));
  return (
    rows.find((r) => r.kind === 'subdistrict')?.path ?? rows.find((r) => r.kind === 'community')?.path ?? path
  );
}

/** The phone page: the holder's balance, nearby active points with their in-stock items, recent redemptions. */
export async function myRedeem(ctx: ActorCtx) {
  const v = await volunteerOfUser(ctx.db, ctx.actor.userId);
  const basePath = v?.orgPath ?? ctx.actor.assignments.find((a) => a.orgPath !== '/')?.orgPath ?? null;
  const root = basePath ? await nearbyRoot(ctx.db, basePath) : '/';
  const [community] = v
    ? await ctx.db.select({ path: orgUnits.path }).from(orgUnits).where(eq(orgUnits.id, v.communityId))
    : [];
  const pts = await ctx.db
    .select()
    .from(redemptionPoints)
    .where(
      and(
        eq(redemptionPoints.status, 'active'),
        sql`${redemptionPoints.orgPath} like ${`${escapeLike(root)}%`}`,
      ),
    )
    .orderBy(asc(redemptionPoints.name))
    .limit(100);
  const items = pts.length
    ? await ctx.db
        .select()
        .from(redemptionItems)
        .where(
          and(
            inArray(
              redemptionItems.pointId,
              pts.map((p) => p.id),
            ),
            eq(redemptionItems.active, true),
          ),
        )
        .orderBy(asc(redemptionItems.pricePoints), asc(redemptionItems.name))
    : [];
  const units = await unitNames(
    ctx.db,
    pts.map((p) => p.orgUnitId),
  );
  const points = pts
    .map((p) => ({
      id: p.id,
      kind: p.kind as PointKind,
      name: p.name,
      address: p.address,
      orgUnitName: units.get(p.orgUnitId) ?? null,
      ownCommunity: !!community && p.orgPath.startsWith(community.path),
      items: items
        .filter((i) => i.pointId === p.id)
        .map((i) => ({
          id: i.id,
          name: i.name,
          category: i.category as ItemCategory,
          pricePoints: i.pricePoints,
          stock: i.stock,
        })),
    }))
    .sort(
      (a, b) =>
        Number(b.ownCommunity) - Number(a.ownCommunity) ||
        Number(b.kind === 'love_supermarket') - Number(a.kind === 'love_supermarket') ||
        a.name.localeCompare(b.name, 'zh-CN'),
    );
  const recent = v
    ? await redemptionDtos(
        ctx.db,
        await ctx.db
          .select()
          .from(redemptions)
          .where(eq(redemptions.volunteerId, v.id))
          .orderBy(desc(redemptions.redeemedAt))
          .limit(10),
      )
    : [];
  return {
    volunteerName: v?.name ?? null,
    balance: v ? await pointsBalance(ctx.db, v.id) : null,
    points,
    recent: recent.map((r) => ({
      id: r.id,
      number: r.number,
      pointName: r.pointName ?? '',
      totalPoints: r.totalPoints,
      redeemedAt: r.redeemedAt,
      lines: r.lines.map((l) => ({ itemName: l.itemName, quantity: l.quantity, points: l.points })),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The counter
// ---------------------------------------------------------------------------------------------

/** The points this user works the counter of, with their catalogues. */
export async function counterPoints(ctx: ActorCtx) {
  requirePermission(ctx.actor, 'redemptions.counter');
  const linked = await linkedPointIds(ctx);
  const pts = await ctx.db
    .select()
    .from(redemptionPoints)
    .where(
      and(
        eq(redemptionPoints.status, 'active'),
        accessWhere(ctx, linked, redemptionPoints.id, redemptionPoints.orgPath, 'counter'),
      ),
    )
    .orderBy(asc(redemptionPoints.kind), asc(redemptionPoints.name))
    .limit(200);
  const units = await unitNames(
    ctx.db,
    pts.map((p) => p.orgUnitId),
  );
  const items = pts.length
    ? await ctx.db
        .select()
        .from(redemptionItems)
        .where(
          and(
            inArray(
              redemptionItems.pointId,
              pts.map((p) => p.id),
            ),
            eq(redemptionItems.active, true),
          ),
        )
        .orderBy(asc(redemptionItems.category), asc(redemptionItems.name))
    : [];
  return pts.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind as PointKind,
    orgUnitName: units.get(p.orgUnitId) ?? null,
    items: items.filter((i) => i.pointId === p.id).map(itemDto),
    mayEnterVolunteer: inScope(ctx.actor, 'merchants.manage', p.orgPath) && can(ctx.actor, 'volunteers.read'),
  }));
}

type CodeRow = typeof redemptionCodes.$inferSelect;

/** The newest code with this hash; unknown → 404, used → 409, expired → 410, picked for another point → 409. */
async function validCode(
  tx: Db,
  ctx: ActorCtx,
  code: string,
  pointId: string,
  lock: boolean,
): Promise<CodeRow> {
  const q = tx
    .select()
    .from(redemptionCodes)
    .where(eq(redemptionCodes.codeHash, codeHash(ctx, code)))
    .orderBy(desc(redemptionCodes.createdAt))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  if (!row) throw new AppError('merchants.code_unknown', 404);
  if (row.usedAt) throw new AppError('merchants.code_used', 409);
  if (row.expiresAt.getTime() <= ctx.clock.now().getTime()) throw new AppError('merchants.code_expired', 410);
  if (row.pointId && row.pointId !== pointId) throw new AppError('merchants.code_other_point', 409);
  return row;
}

/** Wrong codes a counter login may enter in 10 minutes before it must wait (8 digits, no guessing). */
export const MAX_CODE_FAILURES = 10;
const CODE_FAILURES = new Set(['merchants.code_unknown', 'merchants.code_used', 'merchants.code_expired']);

/** 429 when this login entered too many wrong codes in the last 10 minutes. */
async function guardCodeAttempts(ctx: ActorCtx) {
  const since = new Date(ctx.clock.now().getTime() - CODE_TTL_MINUTES * 60_000);
  const [row] = rowsOf<{ n: number }>(
    await ctx.db.execute(sql`select count(*)::int as n from audit_log
      where actor_id = ${ctx.actor.userId} and action = 'merchants.code.rejected' and at > ${since.toISOString()}`),
  );
  if ((row?.n ?? 0) >= MAX_CODE_FAILURES)
    throw new AppError('merchants.too_many_attempts', 429, { minutes: CODE_TTL_MINUTES });
}

/** A rejected code is recorded (its own transaction) so repeated guessing is seen and throttled. */
async function recordCodeFailure(ctx: ActorCtx, pointId: string, err: unknown) {
  if (err instanceof AppError && CODE_FAILURES.has(err.code))
    await auditFailure(ctx.db, ctx, {
      action: 'merchants.code.rejected',
      entityType: 'redemption_point',
      entityId: pointId,
      after: { reason: err.code },
    });
}

/** The counter looks a code up before confirming: whose it is and what they picked (nothing changes). */
export async function lookupCode(ctx: ActorCtx, pointId: string, code: string) {
  requirePermission(ctx.actor, 'redemptions.counter');
  await findPoint(ctx, pointId, 'counter');
  await guardCodeAttempts(ctx);
  let row: CodeRow;
  try {
    row = await validCode(ctx.db, ctx, code, pointId, false);
  } catch (err) {
    await recordCodeFailure(ctx, pointId, err);
    throw err;
  }
  const [v] = await ctx.db.select().from(volunteers).where(eq(volunteers.id, row.volunteerId));
  if (!v) throw new AppError('merchants.code_unknown', 404);
  return {
    volunteerName: v.name,
    expiresAt: row.expiresAt,
    balance: await pointsBalance(ctx.db, v.id),
    items: row.pointId === pointId ? (row.items ?? []) : [],
  };
}

async function redemptionDtos(db: Db, rows: RedemptionRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [lines, points, units] = await Promise.all([
    db
      .select()
      .from(redemptionLines)
      .where(inArray(redemptionLines.redemptionId, ids))
      .orderBy(asc(redemptionLines.itemName)),
    pointNames(
      db,
      rows.map((r) => r.pointId),
    ),
    unitNames(
      db,
      rows.map((r) => r.orgUnitId),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    pointId: r.pointId,
    pointName: points.get(r.pointId) ?? null,
    orgUnitName: units.get(r.orgUnitId) ?? null,
    volunteerId: r.volunteerId,
    volunteerName: r.volunteerName,
    totalPoints: r.totalPoints,
    transactionId: r.transactionId,
    settlementId: r.settlementId,
    redeemedAt: r.redeemedAt,
    lines: lines
      .filter((l) => l.redemptionId === r.id)
      .map((l) => ({
        itemId: l.itemId,
        itemName: l.itemName,
        unitPoints: l.unitPoints,
        quantity: l.quantity,
        points: l.points,
      })),
  }));
}

function requireKey(headerKey: string | undefined, bodyKey: string | undefined): string {
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

async function replayOf(ctx: ActorCtx, key: string, pointId: string, db: Db = ctx.db) {
  const [first] = await db.select().from(redemptions).where(eq(redemptions.idempotencyKey, key));
  if (!first) return null;
  // A key belongs to one request of one login: someone else's key never answers with their redemption.
  if (first.pointId !== pointId || first.counterUserId !== ctx.actor.userId)
    throw new AppError('merchants.idempotency_conflict', 409);
  const [dto] = await redemptionDtos(db, [first]);
  return { ...dto!, replayed: true, balanceAfter: null };
}

/**
 * Redemption at the counter (R-VP-1), in ONE database transaction: the code is locked and checked, the
 * items are locked in id order and their stock decremented (409 merchants.out_of_stock when short), the
 * holder's points move to the point's account through the ledger (409 ledger.insufficient_balance), the
 * redemption and its lines are stored, the code is spent, and the audit record written. Any failure
 * leaves nothing changed. The idempotency key (header or body) makes a retry return the first result.
 */
export async function redeem(ctx: ActorCtx, input: RedeemBody, headerKey?: string) {
  requirePermission(ctx.actor, 'redemptions.counter');
  const key = requireKey(headerKey, input.idempotencyKey);
  const point = await findPoint(ctx, input.pointId, 'counter');
  const early = await replayOf(ctx, key, point.id);
  if (early) return early;
  if (point.status !== 'active') throw new AppError('merchants.point_inactive', 409);
  if (
    input.volunteerId &&
    !(inScope(ctx.actor, 'merchants.manage', point.orgPath) && can(ctx.actor, 'volunteers.read'))
  )
    throw new AppError('merchants.code_required', 403);
  if (input.code) await guardCodeAttempts(ctx);
  try {
    const out = await ctx.db.transaction(async (tx) => {
      // Two retries of one request queue here; the second then finds the first's redemption.
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`merchants.redeem:${key}`}))`);
      const again = await replayOf(ctx, key, point.id, tx);
      if (again) return again;

      let code: CodeRow | null = null;
      let volunteerId: string;
      if (input.code) {
        code = await validCode(tx, ctx, input.code, point.id, true);
        volunteerId = code.volunteerId;
      } else {
        volunteerId = input.volunteerId!;
      }
      const [v] = await tx
        .select()
        .from(volunteers)
        .where(
          and(
            eq(volunteers.id, volunteerId),
            eq(volunteers.status, 'active'),
            code ? undefined : scopeWhere(ctx.actor, 'volunteers.read', volunteers.orgPath),
          ),
        );
      if (!v) throw invalidField('volunteerId', 'merchants.volunteer_unknown', 404);

      const wanted = [...input.items].sort((a, b) =>
        a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0,
      );
      const locked = await tx
        .select()
        .from(redemptionItems)
        .where(
          and(
            inArray(
              redemptionItems.id,
              wanted.map((l) => l.itemId),
            ),
            eq(redemptionItems.pointId, point.id),
          ),
        )
        .orderBy(asc(redemptionItems.id))
        .for('update');
      const byId = new Map(locked.map((i) => [i.id, i]));
      let total = 0;
      const lines = wanted.map((l) => {
        const item = byId.get(l.itemId);
        if (!item?.active) throw invalidField('items', 'merchants.item_unknown');
        if (item.stock < l.quantity)
          throw new AppError(
            'merchants.out_of_stock',
            409,
            { name: item.name, stock: item.stock },
            { itemId: item.id, stock: item.stock, wanted: l.quantity },
          );
        total += item.pricePoints * l.quantity;
        return { item, quantity: l.quantity, points: item.pricePoints * l.quantity };
      });
      for (const l of lines)
        await tx
          .update(redemptionItems)
          .set({ stock: sql`${redemptionItems.stock} - ${l.quantity}`, updatedAt: ctx.clock.now() })
          .where(eq(redemptionItems.id, l.item.id));

      const [community] = await tx.select().from(orgUnits).where(eq(orgUnits.id, v.communityId));
      const volAccount = await ensureAccount(tx, ctx, {
        ownerKind: 'volunteer',
        ownerId: v.id,
        unit: 'points',
        orgUnitId: community?.id ?? v.orgUnitId,
        orgPath: community?.path ?? v.orgPath,
        name: v.name,
      });
      const pointAccount = await ensureAccount(tx, ctx, {
        ownerKind: 'merchant',
        ownerId: point.id,
        unit: 'points',
        orgUnitId: point.orgUnitId,
        orgPath: point.orgPath,
        name: point.name,
      });
      const id = ctx.ids();
      const now = ctx.clock.now();
      const number = `DH${chinaDate(now).replace(/-/g, '')}${short(id)}`;
      const posted = await postTransaction(tx, ctx, {
        idempotencyKey: `merchants.redeem:${key}`,
        kind: 'redemption',
        memo: `${point.name} ${number}`,
        sourceType: 'redemption',
        sourceId: id,
        entries: [
          { accountId: volAccount, unit: 'points', amount: -total },
          { accountId: pointAccount, unit: 'points', amount: total },
        ],
      });
      if (posted.duplicate) throw new AppError('merchants.idempotency_conflict', 409);
      const [row] = await tx
        .insert(redemptions)
        .values({
          id,
          number,
          pointId: point.id,
          orgUnitId: point.orgUnitId,
          orgPath: point.orgPath,
          volunteerId: v.id,
          volunteerName: v.name,
          totalPoints: total,
          idempotencyKey: key,
          transactionId: posted.transactionId,
          codeId: code?.id ?? null,
          counterUserId: ctx.actor.userId,
          redeemedAt: now,
        })
        .returning();
      await tx.insert(redemptionLines).values(
        lines.map((l) => ({
          id: ctx.ids(),
          redemptionId: id,
          itemId: l.item.id,
          itemName: l.item.name,
          unitPoints: l.item.pricePoints,
          quantity: l.quantity,
          points: l.points,
        })),
      );
      if (code)
        await tx
          .update(redemptionCodes)
          .set({ usedAt: now, redemptionId: id })
          .where(eq(redemptionCodes.id, code.id));
      await writeAudit(tx, ctx, {
        action: 'merchants.redeem',
        entityType: 'redemption',
        entityId: id,
        orgPath: point.orgPath,
        after: {
          number,
          pointId: point.id,
          volunteerId: v.id,
          totalPoints: total,
          transactionId: posted.transactionId,
          byCode: !!code,
          lines: lines.map((l) => ({ itemId: l.item.id, quantity: l.quantity, points: l.points })),
        },
      });
      const [dto] = await redemptionDtos(tx, [row!]);
      return { ...dto!, replayed: false, balanceAfter: await pointsBalance(tx, v.id) };
    });
    return out;
  } catch (err) {
    // A concurrent first request with the same key committed in between: answer with its result.
    if (isUniqueViolation(err, 'redemptions_idem_uq')) {
      const first = await replayOf(ctx, key, point.id);
      if (first) return first;
    }
    await recordCodeFailure(ctx, point.id, err);
    throw err;
  }
}

export async function listRedemptions(ctx: ActorCtx, q: RedemptionListQuery) {
  requireRead(ctx);
  const linked = await linkedPointIds(ctx);
  let subtree: SQL | undefined;
  if (q.orgUnitId) {
    checkId(q.orgUnitId);
    const [u] = await ctx.db
      .select({ path: orgUnits.path })
      .from(orgUnits)
      .where(eq(orgUnits.id, q.orgUnitId));
    if (!u) throw notFound();
    subtree = sql`${redemptions.orgPath} like ${`${escapeLike(u.path)}%`}`;
  }
  const where = and(
    accessWhere(ctx, linked, redemptions.pointId, redemptions.orgPath, 'read'),
    subtree,
    q.pointId ? eq(redemptions.pointId, q.pointId) : undefined,
    q.settled === true
      ? isNotNull(redemptions.settlementId)
      : q.settled === false
        ? isNull(redemptions.settlementId)
        : undefined,
    q.from ? gte(redemptions.redeemedAt, new Date(endOfChinaDay(q.from).getTime() - DAY)) : undefined,
    q.to ? lt(redemptions.redeemedAt, endOfChinaDay(q.to)) : undefined,
  );
  const total = countOf(
    await ctx.db.select({ n: sql<number>`count(*)::int` }).from(redemptions).where(where),
  );
  const rows = await ctx.db
    .select()
    .from(redemptions)
    .where(where)
    .orderBy(desc(redemptions.redeemedAt), desc(redemptions.id))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  return { items: await redemptionDtos(ctx.db, rows), total, page: q.page, pageSize: q.pageSize };
}

// ---------------------------------------------------------------------------------------------
// Settlements: the community settles with a point
// ---------------------------------------------------------------------------------------------

async function settlementDtos(db: Db, rows: SettlementRow[]) {
  if (rows.length === 0) return [];
  const [points, units, people] = await Promise.all([
    pointNames(
      db,
      rows.map((r) => r.pointId),
    ),
    unitNames(
      db,
      rows.map((r) => r.orgUnitId),
    ),
    (async () => {
      const ids = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => !!x))];
      if (ids.length === 0) return new Map<string, string>();
      const us = await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, ids));
      return new Map(us.map((u) => [u.id, u.name]));
    })(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    pointId: r.pointId,
    pointName: points.get(r.pointId) ?? null,
    orgUnitName: units.get(r.orgUnitId) ?? null,
    upTo: r.upTo,
    redemptionCount: r.redemptionCount,
    pointsTotal: r.pointsTotal,
    fenPerPoint: r.fenPerPoint,
    cashFen: r.cashFen,
    transactionId: r.transactionId,
    note: r.note,
    createdByName: r.createdBy ? (people.get(r.createdBy) ?? null) : null,
    createdAt: r.createdAt,
  }));
}

async function settlementReplay(db: Db, key: string, pointId: string, userId: string) {
  const [first] = await db
    .select()
    .from(merchantSettlements)
    .where(eq(merchantSettlements.idempotencyKey, key));
  if (!first) return null;
  if (first.pointId !== pointId || first.createdBy !== userId)
    throw new AppError('merchants.idempotency_conflict', 409);
  const [dto] = await settlementDtos(db, [first]);
  return { ...dto!, replayed: true };
}

/**
 * Settles every unsettled redemption of a point up to a China date: one settlement record, one ledger
 * transaction (point account → community account), each redemption marked once. Idempotent by key;
 * settlements of one point are serialised by a lock, so no redemption is settled twice.
 */
export async function settle(ctx: ActorCtx, pointId: string, input: SettleBody, headerKey?: string) {
  requirePermission(ctx.actor, 'merchants.manage');
  const key = requireKey(headerKey, input.idempotencyKey);
  const point = await findPoint(ctx, pointId, 'manage');
  const early = await settlementReplay(ctx.db, key, point.id, ctx.actor.userId);
  if (early) return early;
  const now = ctx.clock.now();
  if (input.upTo > chinaDate(now)) throw invalidField('upTo', 'merchants.future_date');
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`merchants.settle:${point.id}`}))`);
    const again = await settlementReplay(tx, key, point.id, ctx.actor.userId);
    if (again) return again;
    const due = await tx
      .select()
      .from(redemptions)
      .where(
        and(
          eq(redemptions.pointId, point.id),
          isNull(redemptions.settlementId),
          lt(redemptions.redeemedAt, endOfChinaDay(input.upTo)),
        ),
      )
      .orderBy(asc(redemptions.id))
      .for('update');
    if (due.length === 0) throw new AppError('merchants.nothing_to_settle', 409, { upTo: input.upTo });
    const total = due.reduce((s, r) => s + r.totalPoints, 0);
    const [community] = await tx.select().from(orgUnits).where(eq(orgUnits.id, point.orgUnitId));
    const pointAccount = await ensureAccount(tx, ctx, {
      ownerKind: 'merchant',
      ownerId: point.id,
      unit: 'points',
      orgUnitId: point.orgUnitId,
      orgPath: point.orgPath,
      name: point.name,
    });
    const communityAccount = await ensureAccount(tx, ctx, {
      ownerKind: 'community',
      ownerId: point.orgUnitId,
      unit: 'points',
      orgUnitId: point.orgUnitId,
      orgPath: community?.path ?? point.orgPath,
      name: community?.name ?? point.name,
    });
    const id = ctx.ids();
    const number = `JS${chinaDate(now).replace(/-/g, '')}${short(id)}`;
    const posted = await postTransaction(tx, ctx, {
      idempotencyKey: `merchants.settle:${key}`,
      kind: 'settlement',
      memo: `${point.name} ${number}`,
      sourceType: 'merchant_settlement',
      sourceId: id,
      entries: [
        { accountId: pointAccount, unit: 'points', amount: -total },
        { accountId: communityAccount, unit: 'points', amount: total },
      ],
    });
    if (posted.duplicate) throw new AppError('merchants.idempotency_conflict', 409);
    const [row] = await tx
      .insert(merchantSettlements)
      .values({
        id,
        number,
        pointId: point.id,
        orgUnitId: point.orgUnitId,
        orgPath: point.orgPath,
        upTo: input.upTo,
        redemptionCount: due.length,
        pointsTotal: total,
        fenPerPoint: point.fenPerPoint,
        cashFen: point.fenPerPoint ? total * point.fenPerPoint : 0,
        idempotencyKey: key,
        transactionId: posted.transactionId,
        note: input.note ?? null,
        createdBy: ctx.actor.userId,
        createdAt: now,
      })
      .returning();
    const marked = await tx
      .update(redemptions)
      .set({ settlementId: id })
      .where(
        and(
          inArray(
            redemptions.id,
            due.map((r) => r.id),
          ),
          isNull(redemptions.settlementId),
        ),
      )
      .returning({ id: redemptions.id });
    if (marked.length !== due.length) throw new AppError('merchants.settlement_conflict', 409);
    await writeAudit(tx, ctx, {
      action: 'merchants.settle',
      entityType: 'merchant_settlement',
      entityId: id,
      orgPath: point.orgPath,
      after: {
        number,
        pointId: point.id,
        upTo: input.upTo,
        redemptionCount: due.length,
        pointsTotal: total,
        cashFen: row!.cashFen,
        transactionId: posted.transactionId,
      },
    });
    const [dto] = await settlementDtos(tx, [row!]);
    return { ...dto!, replayed: false };
  });
}

export async function listSettlements(ctx: ActorCtx, q: SettlementListQuery, opts: { all?: boolean } = {}) {
  requirePermission(ctx.actor, 'merchants.manage');
  let subtree: SQL | undefined;
  if (q.orgUnitId) {
    checkId(q.orgUnitId);
    const [u] = await ctx.db
      .select({ path: orgUnits.path })
      .from(orgUnits)
      .where(eq(orgUnits.id, q.orgUnitId));
    if (!u) throw notFound();
    subtree = sql`${merchantSettlements.orgPath} like ${`${escapeLike(u.path)}%`}`;
  }
  const where = and(
    scopeWhere(ctx.actor, 'merchants.manage', merchantSettlements.orgPath),
    subtree,
    q.pointId ? eq(merchantSettlements.pointId, q.pointId) : undefined,
    q.from ? sql`${merchantSettlements.upTo} >= ${q.from}` : undefined,
    q.to ? sql`${merchantSettlements.upTo} <= ${q.to}` : undefined,
  );
  const total = countOf(
    await ctx.db.select({ n: sql<number>`count(*)::int` }).from(merchantSettlements).where(where),
  );
  const base = ctx.db
    .select()
    .from(merchantSettlements)
    .where(where)
    .orderBy(desc(merchantSettlements.createdAt), desc(merchantSettlements.id));
  const rows = opts.all ? await base.limit(50_000) : await base.limit(q.pageSize).offset(offsetOf(q));
  return { items: await settlementDtos(ctx.db, rows), total, page: q.page, pageSize: q.pageSize };
}

// ---------------------------------------------------------------------------------------------
// Report (R-VP-1): new points per year per subdistrict against the target, points per point and
// month, top items.
// ---------------------------------------------------------------------------------------------

export async function report(
  ctx: ActorCtx,
  q: { year?: number | undefined; orgUnitId?: string | undefined },
) {
  requirePermission(ctx.actor, 'merchants.manage');
  const year = q.year ?? Number(chinaDate(ctx.clock.now()).slice(0, 4));
  let subtree: SQL = sql`true`;
  if (q.orgUnitId) {
    checkId(q.orgUnitId);
    const [u] = await ctx.db
      .select({ path: orgUnits.path })
      .from(orgUnits)
      .where(eq(orgUnits.id, q.orgUnitId));
    if (!u) throw notFound();
    subtree = sql`p.org_path like ${`${escapeLike(u.path)}%`}`;
  }
  const scope = scopeWhere(ctx.actor, 'merchants.manage', sql`p.org_path`);
  const perYear = rowsOf<{ sid: string; sname: string; spath: string; y: number; n: number }>(
    await ctx.db.execute(sql`
      select s.id as sid, s.name as sname, s.path as spath, extract(year from p.registered_on)::int as y, count(*)::int as n
      from redemption_points p
      join org_units s on s.kind = 'subdistrict' and p.org_path like s.path || '%'
      where ${scope} and ${subtree}
        and extract(year from p.registered_on) between ${year - 4} and ${year}
      group by s.id, s.name, s.path, y
      order by s.name, y`),
  );
  const subs = new Map<
    string,
    { subdistrictId: string; subdistrictName: string; path: string; byYear: Map<number, number> }
  >();
  for (const r of perYear) {
    const s = subs.get(r.sid) ?? {
      subdistrictId: r.sid,
      subdistrictName: r.sname,
      path: r.spath,
      byYear: new Map(),
    };
    s.byYear.set(Number(r.y), Number(r.n));
    subs.set(r.sid, s);
  }
  const newPoints = [...subs.values()].map((s) => {
    const count = s.byYear.get(year) ?? 0;
    return {
      subdistrictId: s.subdistrictId,
      subdistrictName: s.subdistrictName,
      wholeSubdistrict: inScope(ctx.actor, 'merchants.manage', s.path) && !q.orgUnitId,
      count,
      target: NEW_POINTS_TARGET,
      met: count >= NEW_POINTS_TARGET,
      byYear: Array.from({ length: 5 }, (_, i) => year - 4 + i).map((y) => ({
        year: y,
        count: s.byYear.get(y) ?? 0,
      })),
    };
  });
  const from = new Date(Date.parse(`${year}-01-01T00:00:00Z`) - CHINA);
  const to = new Date(Date.parse(`${year + 1}-01-01T00:00:00Z`) - CHINA);
  const byPointMonth = rowsOf<{ pid: string; pname: string; m: string; pts: number; n: number }>(
    await ctx.db.execute(sql`
      select p.id as pid, p.name as pname,
        to_char(r.redeemed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as m,
        sum(r.total_points)::int as pts, count(*)::int as n
      from redemptions r join redemption_points p on p.id = r.point_id
      where ${scope} and ${subtree}
        and r.redeemed_at >= ${from.toISOString()} and r.redeemed_at < ${to.toISOString()}
      group by p.id, p.name, m
      order by m, p.name`),
  ).map((r) => ({
    pointId: r.pid,
    pointName: r.pname,
    month: r.m,
    points: Number(r.pts),
    redemptions: Number(r.n),
  }));
  const topItems = rowsOf<{ name: string; q: number; pts: number }>(
    await ctx.db.execute(sql`
      select l.item_name as name, sum(l.quantity)::int as q, sum(l.points)::int as pts
      from redemption_lines l
      join redemptions r on r.id = l.redemption_id
      join redemption_points p on p.id = r.point_id
      where ${scope} and ${subtree}
        and r.redeemed_at >= ${from.toISOString()} and r.redeemed_at < ${to.toISOString()}
      group by l.item_name
      order by q desc, pts desc, name
      limit 10`),
  ).map((r) => ({ itemName: r.name, quantity: Number(r.q), points: Number(r.pts) }));
  const [tot] = rowsOf<{ pts: number; n: number; settled: number }>(
    await ctx.db.execute(sql`
      select coalesce(sum(r.total_points), 0)::int as pts, count(*)::int as n,
        coalesce(sum(r.total_points) filter (where r.settlement_id is not null), 0)::int as settled
      from redemptions r join redemption_points p on p.id = r.point_id
      where ${scope} and ${subtree}
        and r.redeemed_at >= ${from.toISOString()} and r.redeemed_at < ${to.toISOString()}`),
  );
  const [active] = rowsOf<{ n: number }>(
    await ctx.db.execute(
      sql`select count(*)::int as n from redemption_points p where ${scope} and ${subtree} and p.status = 'active'`,
    ),
  );
  return {
    year,
    target: NEW_POINTS_TARGET,
    newPoints,
    byPointMonth,
    topItems,
    totals: {
      points: Number(tot?.pts ?? 0),
      redemptions: Number(tot?.n ?? 0),
      activePoints: Number(active?.n ?? 0),
      settledPoints: Number(tot?.settled ?? 0),
    },
  };
}
