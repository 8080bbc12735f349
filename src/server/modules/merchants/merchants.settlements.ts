import type { SettleBody, SettlementListQuery } from '../../../shared/contracts/merchants';
import { writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, invalidField } from '../../platform/errors';
import { userDisplayNames } from '../accounts/accounts.api';
import { ensureCommunityAccount, postTransaction } from '../ledger/ledger.api';
import { unitById } from '../org/org.api';
import {
  chinaDate,
  endOfChinaDay,
  ensurePointAccount,
  findPoint,
  pointPlaceNames,
  pointsMove,
  requireKey,
  type SettlementRow,
  short,
  unitPathFor,
} from './merchants.common';
import { merchantsPolicy } from './merchants.policy';
import {
  dueRedemptions,
  insertSettlement,
  listSettlementRows,
  lockPointSettlements,
  markSettled,
  settlementByKey,
} from './merchants.repository';

// Settlements between a community and its redemption points (R-VP-1).

// ---------------------------------------------------------------------------------------------
// Settlements: the community settles with a point
// ---------------------------------------------------------------------------------------------

async function settlementDtos(db: Db, rows: SettlementRow[]) {
  if (rows.length === 0) return [];
  const [placeOf, people] = await Promise.all([
    pointPlaceNames(db, rows),
    (async () => {
      const ids = [...new Set(rows.map((r) => r.createdBy).filter((x): x is string => !!x))];
      return userDisplayNames(db, ids);
    })(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    ...placeOf(r),
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
  const first = await settlementByKey(db, key);
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
  merchantsPolicy.require(ctx.actor, 'manage');
  const key = requireKey(headerKey, input.idempotencyKey);
  const point = await findPoint(ctx, pointId, 'manage');
  const early = await settlementReplay(ctx.db, key, point.id, ctx.actor.userId);
  if (early) return early;
  const now = ctx.clock.now();
  if (input.upTo > chinaDate(now)) throw invalidField('upTo', 'merchants.future_date');
  return ctx.db.transaction(async (tx) => {
    await lockPointSettlements(tx, point.id);
    const again = await settlementReplay(tx, key, point.id, ctx.actor.userId);
    if (again) return again;
    const due = await dueRedemptions(tx, point.id, endOfChinaDay(input.upTo));
    if (due.length === 0) throw new AppError('merchants.nothing_to_settle', 409, { upTo: input.upTo });
    const total = due.reduce((s, r) => s + r.totalPoints, 0);
    const community = await unitById(tx, point.orgUnitId);
    const pointAccount = await ensurePointAccount(tx, ctx, point);
    const communityAccount = await ensureCommunityAccount(
      tx,
      ctx,
      { id: point.orgUnitId, path: community?.path ?? point.orgPath, name: community?.name ?? point.name },
      'points',
    );
    const id = ctx.ids();
    const number = `JS${chinaDate(now).replace(/-/g, '')}${short(id)}`;
    const posted = await postTransaction(tx, ctx, {
      idempotencyKey: `merchants.settle:${key}`,
      kind: 'settlement',
      memo: `${point.name} ${number}`,
      sourceType: 'merchant_settlement',
      sourceId: id,
      entries: pointsMove(pointAccount, communityAccount, total),
    });
    if (posted.duplicate) throw new AppError('merchants.idempotency_conflict', 409);
    const row = await insertSettlement(tx, {
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
    });
    const marked = await markSettled(
      tx,
      due.map((r) => r.id),
      id,
    );
    if (marked !== due.length) throw new AppError('merchants.settlement_conflict', 409);
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
        cashFen: row.cashFen,
        transactionId: posted.transactionId,
      },
    });
    const [dto] = await settlementDtos(tx, [row]);
    return { ...dto!, replayed: false };
  });
}

export async function listSettlements(ctx: ActorCtx, q: SettlementListQuery, opts: { all?: boolean } = {}) {
  merchantsPolicy.require(ctx.actor, 'manage');
  const unitPath = await unitPathFor(ctx, q.orgUnitId, 'manage');
  // A point that does not exist or is not managed here answers 404, never an empty page.
  if (q.pointId) await findPoint(ctx, q.pointId, 'manage');
  const { items, total } = await listSettlementRows(ctx.db, ctx.actor, q, unitPath, !!opts.all);
  return { items: await settlementDtos(ctx.db, items), total, page: q.page, pageSize: q.pageSize };
}
