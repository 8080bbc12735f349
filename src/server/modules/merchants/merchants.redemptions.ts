import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  CODE_TTL_MINUTES,
  type IssueCodeBody,
  type ItemCategory,
  type PointKind,
  type RedeemBody,
  type RedemptionListQuery,
  type ReverseRedemptionBody,
} from '../../../shared/contracts/merchants';
import { auditFailure, writeAudit } from '../../platform/audit';
import { auditRecord } from '../../platform/recordAudit';
import type { ActorCtx } from '../../platform/context';
import { type Db, rowsOf } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { balancesOf, postReversal, postTransaction } from '../ledger/ledger.api';
import { unitById, unitsByIds } from '../org/org.api';
import { activeVolunteerById, activeVolunteerOfUser, volunteerById } from '../volunteers/volunteers.api';
import {
  checkId,
  chinaDate,
  ensurePointAccount,
  ensureVolunteerPointsAccount,
  findPoint,
  isUniqueViolation,
  itemDto,
  pointPlaceNames,
  pointsMove,
  type RedemptionRow,
  requireKey,
  short,
  unitNames,
  unitPathFor,
} from './merchants.common';
import { mayEnterVolunteer, merchantsPolicy, requireRead } from './merchants.policy';
import {
  activeItemCount,
  type CodeRow,
  activePointById,
  counterPointRows,
  insertRedemption,
  linesOf,
  linkedPointIds,
  listRedemptionRows,
  liveCodeExists,
  lockItems,
  lockRedemptionKey,
  lockRedemptionToManage,
  markCodeUsed,
  markReversed,
  returnStock,
  settlementNumber,
  nearbyPointRows,
  newestCodeByHash,
  recentRedemptionsOf,
  redemptionByKey,
  replaceCodes,
  takeStock,
} from './merchants.repository';

// Redemption codes on the holder's phone, the counter, and the redemption list (R-VP-1).

// ---------------------------------------------------------------------------------------------
// The holder's phone: nearby points, a short-lived code, recent redemptions
// ---------------------------------------------------------------------------------------------

function volunteerOfUser(db: Db, userId: string) {
  return activeVolunteerOfUser(db, userId);
}

async function pointsBalance(db: Db, volunteerId: string): Promise<number> {
  return (await balancesOf(db, 'volunteer', volunteerId)).points;
}

const codeHash = (ctx: Pick<ActorCtx, 'pii'>, code: string) => ctx.pii.mac('linli-redemption-code-v1', code);

/** Checks phone-picked lines against a point's active catalogue. */
async function checkLines(db: Db, pointId: string, lines: { itemId: string; quantity: number }[]) {
  if (lines.length === 0) return;
  const found = await activeItemCount(
    db,
    pointId,
    lines.map((l) => l.itemId),
  );
  if (found !== lines.length) throw invalidField('items', 'merchants.item_unknown');
}

/**
 * A redemption code for the logged-in volunteer: 8 random digits, valid 10 minutes, single use; only its
 * keyed hash is stored. A new code retires the holder's earlier unused ones.
 */
export async function issueCode(ctx: ActorCtx, input: IssueCodeBody) {
  merchantsPolicy.require(ctx.actor, 'holder');
  const v = await volunteerOfUser(ctx.db, ctx.actor.userId);
  if (!v) throw new AppError('merchants.not_a_volunteer', 409);
  if (input.items?.length && !input.pointId) throw invalidField('pointId', 'merchants.point_required');
  if (input.pointId) {
    const p = await activePointById(ctx.db, input.pointId);
    if (!p) throw invalidField('pointId', 'merchants.point_unknown');
    await checkLines(ctx.db, p.id, input.items ?? []);
  }
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
  let code = '';
  for (let attempt = 0; attempt < 10; attempt++) {
    code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    if (!(await liveCodeExists(ctx.db, codeHash(ctx, code), now))) break;
  }
  const id = ctx.ids();
  await ctx.db.transaction(async (tx) => {
    await replaceCodes(
      tx,
      {
        id,
        codeHash: codeHash(ctx, code),
        volunteerId: v.id,
        userId: ctx.actor.userId,
        pointId: input.pointId ?? null,
        items: input.items?.length ? input.items : null,
        expiresAt,
        createdAt: now,
      },
      now,
    );
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
  const rows = await unitsByIds(db, ids);
  return (
    rows.find((r) => r.kind === 'subdistrict')?.path ?? rows.find((r) => r.kind === 'community')?.path ?? path
  );
}

/** The phone page: the holder's balance, nearby active points with their in-stock items, recent redemptions. */
export async function myRedeem(ctx: ActorCtx) {
  const v = await volunteerOfUser(ctx.db, ctx.actor.userId);
  const basePath = v?.orgPath ?? ctx.actor.assignments.find((a) => a.orgPath !== '/')?.orgPath ?? null;
  const root = basePath ? await nearbyRoot(ctx.db, basePath) : '/';
  const community = v ? await unitById(ctx.db, v.communityId) : undefined;
  const { points: pts, items } = await nearbyPointRows(ctx.db, root);
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
  const recent = v ? await redemptionDtos(ctx.db, await recentRedemptionsOf(ctx.db, v.id, 10)) : [];
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
      reversedReason: r.reversal?.reason ?? null,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// The counter
// ---------------------------------------------------------------------------------------------

/** The points this user works the counter of, with their catalogues. */
export async function counterPoints(ctx: ActorCtx) {
  merchantsPolicy.require(ctx.actor, 'counter');
  const linked = await linkedPointIds(ctx.db, ctx.actor);
  const { points: pts, items } = await counterPointRows(ctx.db, ctx.actor, linked);
  const units = await unitNames(
    ctx.db,
    pts.map((p) => p.orgUnitId),
  );
  return pts.map((p) => ({
    id: p.id,
    name: p.name,
    kind: p.kind as PointKind,
    orgUnitName: units.get(p.orgUnitId) ?? null,
    items: items.filter((i) => i.pointId === p.id).map(itemDto),
    mayEnterVolunteer: mayEnterVolunteer(ctx.actor, p),
  }));
}

/** The newest code with this hash; unknown → 404, used → 409, expired → 410, picked for another point → 409. */
async function validCode(
  tx: Db,
  ctx: ActorCtx,
  code: string,
  pointId: string,
  lock: boolean,
): Promise<CodeRow> {
  const row = await newestCodeByHash(tx, codeHash(ctx, code), lock);
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
  merchantsPolicy.require(ctx.actor, 'counter');
  await findPoint(ctx, pointId, 'counter');
  await guardCodeAttempts(ctx);
  let row: CodeRow;
  try {
    row = await validCode(ctx.db, ctx, code, pointId, false);
  } catch (err) {
    await recordCodeFailure(ctx, pointId, err);
    throw err;
  }
  const v = await volunteerById(ctx.db, row.volunteerId);
  if (!v) throw new AppError('merchants.code_unknown', 404);
  return {
    volunteerName: v.name,
    expiresAt: row.expiresAt,
    balance: await pointsBalance(ctx.db, v.id),
    items: row.pointId === pointId ? (row.items ?? []) : [],
  };
}

async function redemptionDtos(db: Db, rows: RedemptionRow[], actor?: ActorCtx['actor']) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [lines, placeOf] = await Promise.all([linesOf(db, ids), pointPlaceNames(db, rows)]);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    ...placeOf(r),
    volunteerId: r.volunteerId,
    volunteerName: r.volunteerName,
    totalPoints: r.totalPoints,
    transactionId: r.transactionId,
    settlementId: r.settlementId,
    redeemedAt: r.redeemedAt,
    reversal:
      r.reversedAt && r.reversalTransactionId
        ? {
            at: r.reversedAt,
            byName: r.reversedByName,
            reason: r.reverseReason ?? '',
            transactionId: r.reversalTransactionId,
          }
        : null,
    abilities: {
      reverse:
        !!actor &&
        !r.reversedAt &&
        !r.settlementId &&
        merchantsPolicy.can(actor, 'manage', { id: r.pointId, orgPath: r.orgPath }),
    },
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

async function replayOf(ctx: ActorCtx, key: string, pointId: string, db: Db = ctx.db) {
  const first = await redemptionByKey(db, key);
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
  merchantsPolicy.require(ctx.actor, 'counter');
  const key = requireKey(headerKey, input.idempotencyKey);
  const point = await findPoint(ctx, input.pointId, 'counter');
  const early = await replayOf(ctx, key, point.id);
  if (early) return early;
  if (point.status !== 'active') throw new AppError('merchants.point_inactive', 409);
  if (input.volunteerId && !mayEnterVolunteer(ctx.actor, point))
    throw new AppError('merchants.code_required', 403);
  if (input.code) await guardCodeAttempts(ctx);
  try {
    const out = await ctx.db.transaction(async (tx) => {
      // Two retries of one request queue here; the second then finds the first's redemption.
      await lockRedemptionKey(tx, key);
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
      const v = await activeVolunteerById(
        tx,
        volunteerId,
        code ? undefined : { actor: ctx.actor, permission: 'volunteers.read' },
      );
      if (!v) throw invalidField('volunteerId', 'merchants.volunteer_unknown', 404);

      const wanted = [...input.items].sort((a, b) =>
        a.itemId < b.itemId ? -1 : a.itemId > b.itemId ? 1 : 0,
      );
      const locked = await lockItems(
        tx,
        point.id,
        wanted.map((l) => l.itemId),
      );
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
      for (const l of lines) await takeStock(tx, l.item.id, l.quantity, ctx.clock.now());

      const community = await unitById(tx, v.communityId);
      const volAccount = await ensureVolunteerPointsAccount(
        tx,
        ctx,
        v,
        community ?? { id: v.orgUnitId, path: v.orgPath },
      );
      const pointAccount = await ensurePointAccount(tx, ctx, point);
      const id = ctx.ids();
      const now = ctx.clock.now();
      const number = `DH${chinaDate(now).replace(/-/g, '')}${short(id)}`;
      const posted = await postTransaction(tx, ctx, {
        idempotencyKey: `merchants.redeem:${key}`,
        kind: 'redemption',
        memo: `${point.name} ${number}`,
        sourceType: 'redemption',
        sourceId: id,
        entries: pointsMove(volAccount, pointAccount, total),
      });
      if (posted.duplicate) throw new AppError('merchants.idempotency_conflict', 409);
      const row = await insertRedemption(
        tx,
        {
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
        },
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
      if (code) await markCodeUsed(tx, code.id, id, now);
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
      const [dto] = await redemptionDtos(tx, [row]);
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
  requireRead(ctx.actor);
  const linked = await linkedPointIds(ctx.db, ctx.actor);
  const unitPath = await unitPathFor(ctx, q.orgUnitId, 'read');
  // A point that does not exist or is not visible answers 404, never an empty page (DESIGN convention 5).
  if (q.pointId) await findPoint(ctx, q.pointId, 'read');
  const page = await listRedemptionRows(ctx.db, ctx.actor, linked, q, unitPath);
  return { ...page, items: await redemptionDtos(ctx.db, page.items, ctx.actor) };
}

/**
 * 冲正 (R-VP-1): staff who manage the point reverse a redemption made in error. In one transaction: the
 * redemption is locked; a compensating ledger posting (the original entries negated, `reverses_id` set;
 * the original is never touched) returns the points from the point's account to the holder; the items go
 * back in stock; the redemption records when, by whom and why; the audit record is written.
 * Refused: a second reversal (409 merchants.already_reversed) and a redemption already settled with the
 * point (409 merchants.reverse_settled): its points have left the point's account in a settlement, so the
 * correction belongs to the settlement with the merchant, not to the counter (docs: ledger README).
 */
export async function reverseRedemption(ctx: ActorCtx, id: string, body: ReverseRedemptionBody) {
  merchantsPolicy.require(ctx.actor, 'manage');
  checkId(id);
  return ctx.db.transaction(async (tx) => {
    const r = await lockRedemptionToManage(tx, ctx.actor, id);
    if (!r) throw notFound();
    if (r.reversedAt) throw new AppError('merchants.already_reversed', 409, { number: r.number });
    if (r.settlementId)
      throw new AppError(
        'merchants.reverse_settled',
        409,
        { number: r.number, settlement: (await settlementNumber(tx, r.settlementId)) ?? '' },
        { settlementId: r.settlementId },
      );
    const posted = await postReversal(tx, ctx, {
      transactionId: r.transactionId,
      idempotencyKey: `merchants.reverse:${r.id}`,
      reason: `冲正 ${r.number}：${body.reason}`,
      sourceType: 'redemption',
      sourceId: r.id,
    });
    const now = ctx.clock.now();
    for (const l of await linesOf(tx, [r.id])) await returnStock(tx, l.itemId, l.quantity, now);
    const row = await markReversed(tx, r.id, {
      at: now,
      by: ctx.actor.userId,
      byName: ctx.actor.displayName,
      reason: body.reason,
      transactionId: posted.transactionId,
    });
    if (!row) throw new AppError('merchants.already_reversed', 409, { number: r.number });
    await auditRecord(tx, ctx, r, {
      action: 'merchants.reverse',
      entityType: 'redemption',
      before: { reversed: false },
      after: {
        number: r.number,
        volunteerId: r.volunteerId,
        totalPoints: r.totalPoints,
        reason: body.reason,
        reversalTransactionId: posted.transactionId,
      },
    });
    const [dto] = await redemptionDtos(tx, [row], ctx.actor);
    return dto!;
  });
}
