import { chinaDayStart } from '../../../shared/chinaTime';
import { TEAM_RULE_TYPE } from '../../../shared/contracts/ledger';
import { sql } from 'drizzle-orm';
import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { unitById } from '../org/org.api';
import {
  ensureAccount,
  type LedgerUnit,
  lockAccounts,
  type PostingEntry,
  postTransaction,
} from './ledger.core';
import { entriesOnAccounts, rulesOnPaths, sumFor, transactionByKey } from './ledger.repository';

export { balancesOf } from './ledger.core';

/** Used when neither the community nor any unit above it configured a rule. */
export const DEFAULT_EARNING_RULE = { pointsPerHour: 10, dailyCap: 100 } as const;

export interface EarningRule {
  pointsPerHour: number;
  dailyCap: number;
  /** Where it comes from: the rule's id and unit, or 'default'. */
  source: { ruleId: string; orgUnitId: string; activityType: string } | 'default';
}

/**
 * The earning rule of an activity type at a unit: a rule for that exact activity type on the nearest
 * unit up the tree, else the nearest unit's default rule ('*'), else DEFAULT_EARNING_RULE.
 */
export async function earningRuleFor(db: Db, orgPath: string, activityType: string): Promise<EarningRule> {
  const ancestors = orgPath
    .split('/')
    .filter(Boolean)
    .map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}/`);
  if (ancestors.length === 0) return { ...DEFAULT_EARNING_RULE, source: 'default' };
  const rules = await rulesOnPaths(db, ancestors, [activityType, '*']);
  const best = (type: string) =>
    rules.filter((r) => r.activityType === type).sort((a, b) => b.orgPath.length - a.orgPath.length)[0];
  const r = best(activityType) ?? best('*');
  if (!r) return { ...DEFAULT_EARNING_RULE, source: 'default' };
  return {
    pointsPerHour: r.pointsPerHour,
    dailyCap: r.dailyCap,
    source: { ruleId: r.id, orgUnitId: r.orgUnitId, activityType: r.activityType },
  };
}

const DAY = 86_400_000;
export { chinaDayStart };

export interface CreditInput {
  idempotencyKey: string;
  volunteerId: string;
  volunteerName: string;
  communityUnitId: string;
  minutes: number;
  activityType: string;
  sourceType: 'activity' | 'service_order' | 'duty';
  sourceId: string;
  occurredAt: Date;
  memo?: string;
}

export interface CreditResult {
  duplicate: boolean;
  /** Minutes actually deposited into (negative: taken from) the time bank. */
  minutes: number;
  /** Love points credited (negative: taken back). */
  points: number;
  /** Minutes served but not deposited because the time bank reached its cap (R-LAW-VL-2). */
  excessMinutes: number;
}

export async function communityOf(
  db: Db,
  unitId: string,
): Promise<{ id: string; path: string; name: string; kind: string }> {
  const u = await unitById(db, unitId);
  if (!u) throw new AppError('ledger.unit_not_found', 404, { unitId });
  return { id: u.id, path: u.path, name: u.name, kind: u.kind };
}

/** The volunteer's and the community's points and minutes accounts (opened when missing). */
export async function serviceAccounts(
  tx: Db,
  ctx: UseCaseCtx,
  v: { volunteerId: string; volunteerName: string; community: { id: string; path: string; name: string } },
) {
  const acc = (ownerKind: string, ownerId: string, unit: LedgerUnit, name: string) =>
    ensureAccount(tx, ctx, {
      ownerKind,
      ownerId,
      unit,
      orgUnitId: v.community.id,
      orgPath: v.community.path,
      name,
    });
  return {
    volPoints: await acc('volunteer', v.volunteerId, 'points', v.volunteerName),
    volMinutes: await acc('volunteer', v.volunteerId, 'minutes', v.volunteerName),
    comPoints: await acc('community', v.community.id, 'points', v.community.name),
    comMinutes: await acc('community', v.community.id, 'minutes', v.community.name),
  };
}

async function resultOf(tx: Db, transactionId: string, volAccounts: string[]): Promise<CreditResult> {
  const rows = await entriesOnAccounts(tx, transactionId, volAccounts);
  const out: CreditResult = { duplicate: true, minutes: 0, points: 0, excessMinutes: 0 };
  for (const r of rows) {
    if (r.unit === 'minutes') out.minutes += r.amount;
    else out.points += r.amount;
  }
  return out;
}

/**
 * Served time → the volunteer's time-bank account (minutes) and love points by the earning rule of
 * activityType (points per hour, daily cap), both issued by the community. minutes may be negative for
 * a correction (compensating entries). Idempotent by idempotencyKey.
 *
 * R-VP-1 points = floor(minutes × pointsPerHour / 60), limited so the volunteer earns at most the rule's
 * daily cap per activity type and China day. R-VP-2 / R-LAW-VL-2: the time bank holds at most 90,000
 * minutes (1,500 h): the deposit is cut at the cap and the rest is reported as `excessMinutes` (served and
 * counted for points and the volunteer's service record, but not banked). A correction (minutes < 0) takes
 * back at most the minutes and points credited for the same source, proportionally; it fails with
 * ledger.insufficient_balance when they have already been spent.
 */
export async function creditService(tx: Db, ctx: UseCaseCtx, c: CreditInput): Promise<CreditResult> {
  if (!Number.isSafeInteger(c.minutes) || c.minutes === 0 || Math.abs(c.minutes) > 24 * 60)
    throw new AppError('ledger.bad_minutes', 422, { minutes: c.minutes });
  if (!c.activityType || !c.sourceId || !c.volunteerId)
    throw new AppError(
      'common.validation',
      422,
      {},
      { fields: [{ path: 'activityType', code: 'required' }] },
    );
  const community = await communityOf(tx, c.communityUnitId);
  const a = await serviceAccounts(tx, ctx, {
    volunteerId: c.volunteerId,
    volunteerName: c.volunteerName,
    community,
  });
  const dup = await transactionByKey(tx, c.idempotencyKey);
  if (dup) return resultOf(tx, dup.id, [a.volPoints, a.volMinutes]);

  // Lock all four accounts once, in id order, before reading balances and today's points.
  const locked = await lockAccounts(tx, [a.volPoints, a.volMinutes, a.comPoints, a.comMinutes]);
  const volMinutes = locked.get(a.volMinutes)!;
  const rule = await earningRuleFor(tx, community.path, c.activityType);

  let minutes: number;
  let points: number;
  let excessMinutes = 0;
  if (c.minutes > 0) {
    const room = volMinutes.cap === null ? c.minutes : Math.max(0, volMinutes.cap - volMinutes.balance);
    minutes = Math.min(c.minutes, room);
    excessMinutes = c.minutes - minutes;
    const dayStart = chinaDayStart(c.occurredAt);
    const earnedToday = await sumFor(
      tx,
      a.volPoints,
      sql`t.activity_type = ${c.activityType} and t.kind in ('service_credit', 'service_correction', 'reversal')
        and t.occurred_at >= ${dayStart.toISOString()} and t.occurred_at < ${new Date(dayStart.getTime() + DAY).toISOString()}`,
    );
    const raw = Math.floor((c.minutes * rule.pointsPerHour) / 60);
    points = Math.max(0, Math.min(raw, rule.dailyCap - earnedToday));
  } else {
    const sameSource = sql`t.source_type = ${c.sourceType} and t.source_id = ${c.sourceId}`;
    const creditedMinutes = await sumFor(tx, a.volMinutes, sameSource);
    const creditedPoints = await sumFor(tx, a.volPoints, sameSource);
    const back = Math.min(-c.minutes, Math.max(0, creditedMinutes));
    minutes = -back;
    points = -Math.min(Math.max(0, creditedPoints), Math.round((-c.minutes * rule.pointsPerHour) / 60));
  }

  const entries: PostingEntry[] = [];
  if (minutes !== 0)
    entries.push(
      { accountId: a.volMinutes, unit: 'minutes', amount: minutes },
      { accountId: a.comMinutes, unit: 'minutes', amount: -minutes },
    );
  if (points !== 0)
    entries.push(
      { accountId: a.volPoints, unit: 'points', amount: points },
      { accountId: a.comPoints, unit: 'points', amount: -points },
    );
  if (entries.length === 0) return { duplicate: false, minutes: 0, points: 0, excessMinutes };
  // The excess over the time-bank cap is noted on the posting so the holder sees why less was banked.
  const memo = `${c.memo ?? `${c.activityType} ${c.minutes} 分钟`}${excessMinutes > 0 ? `(超出时间银行上限 ${excessMinutes} 分钟未存入)` : ''}`;
  const posted = await postTransaction(tx, ctx, {
    idempotencyKey: c.idempotencyKey,
    kind: c.minutes > 0 ? 'service_credit' : 'service_correction',
    memo,
    sourceType: c.sourceType,
    sourceId: c.sourceId,
    activityType: c.activityType,
    occurredAt: c.occurredAt,
    entries,
  });
  if (posted.duplicate) return resultOf(tx, posted.transactionId, [a.volPoints, a.volMinutes]);
  return { duplicate: false, minutes, points, excessMinutes };
}

/**
 * The earning rule code for a team: a rule row with this activity type (on the nearest community or
 * subdistrict up the tree) sets the love points a volunteer team earns per confirmed member-hour of its
 * activities, and the most one team earns per China day. Teams never fall back to the unit's '*' rule.
 */
export { TEAM_RULE_TYPE };
/** Used when no team rule is set anywhere up the tree. */
export const DEFAULT_TEAM_RULE = { pointsPerHour: 2, dailyCap: 200 } as const;

export async function teamRuleFor(db: Db, orgPath: string): Promise<EarningRule> {
  const ancestors = orgPath
    .split('/')
    .filter(Boolean)
    .map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}/`);
  const rules = ancestors.length ? await rulesOnPaths(db, ancestors, [TEAM_RULE_TYPE]) : [];
  const r = rules.sort((a, b) => b.orgPath.length - a.orgPath.length)[0];
  if (!r) return { ...DEFAULT_TEAM_RULE, source: 'default' };
  return {
    pointsPerHour: r.pointsPerHour,
    dailyCap: r.dailyCap,
    source: { ruleId: r.id, orgUnitId: r.orgUnitId, activityType: r.activityType },
  };
}

export interface TeamCreditInput {
  /** e.g. `team_activity:<attendanceId>`: one credit per confirmed attendance. */
  idempotencyKey: string;
  teamId: string;
  teamName: string;
  communityUnitId: string;
  /** Confirmed minutes of one member at the team's activity. */
  minutes: number;
  sourceId: string;
  occurredAt: Date;
  memo?: string;
}

/**
 * R-VP-1 for teams: a team activity's confirmed hours earn the team love points on its own ledger account
 * (owner kind `team`), issued by the community: ⌊minutes × team rule points-per-hour / 60⌋, limited to the
 * rule's daily cap per team and China day. Idempotent by key; returns the points credited (0 when the cap
 * is reached or the rule gives none).
 */
export async function creditTeam(
  tx: Db,
  ctx: UseCaseCtx,
  c: TeamCreditInput,
): Promise<{ points: number; duplicate: boolean }> {
  if (!Number.isSafeInteger(c.minutes) || c.minutes <= 0 || c.minutes > 24 * 60)
    throw new AppError('ledger.bad_minutes', 422, { minutes: c.minutes });
  const community = await communityOf(tx, c.communityUnitId);
  const account = (ownerKind: string, ownerId: string, name: string) =>
    ensureAccount(tx, ctx, {
      ownerKind,
      ownerId,
      unit: 'points',
      orgUnitId: community.id,
      orgPath: community.path,
      name,
    });
  const teamAcc = await account('team', c.teamId, c.teamName);
  const comAcc = await account('community', community.id, community.name);
  const dup = await transactionByKey(tx, c.idempotencyKey);
  if (dup) {
    const rows = await entriesOnAccounts(tx, dup.id, [teamAcc]);
    return { points: rows.reduce((s, r) => s + r.amount, 0), duplicate: true };
  }
  await lockAccounts(tx, [teamAcc, comAcc]);
  const rule = await teamRuleFor(tx, community.path);
  const dayStart = chinaDayStart(c.occurredAt);
  const earnedToday = await sumFor(
    tx,
    teamAcc,
    sql`t.kind = 'team_credit' and t.occurred_at >= ${dayStart.toISOString()}
      and t.occurred_at < ${new Date(dayStart.getTime() + DAY).toISOString()}`,
  );
  const points = Math.max(
    0,
    Math.min(Math.floor((c.minutes * rule.pointsPerHour) / 60), rule.dailyCap - earnedToday),
  );
  if (points === 0) return { points: 0, duplicate: false };
  const posted = await postTransaction(tx, ctx, {
    idempotencyKey: c.idempotencyKey,
    kind: 'team_credit',
    memo: c.memo ?? `${c.teamName} ${c.minutes} 分钟`,
    sourceType: 'activity',
    sourceId: c.sourceId,
    activityType: TEAM_RULE_TYPE,
    occurredAt: c.occurredAt,
    entries: [
      { accountId: teamAcc, unit: 'points', amount: points },
      { accountId: comAcc, unit: 'points', amount: -points },
    ],
  });
  return { points, duplicate: posted.duplicate };
}
