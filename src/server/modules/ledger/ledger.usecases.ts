import type {
  AccountListQuery,
  AccountView,
  DesigneeBody,
  DonateBody,
  EarningRuleBody,
  MyLedgerView,
  PoolWithdrawBody,
  ReverseBody,
  StatementQuery,
  StatementView,
  WithdrawBody,
} from '../../../shared/contracts/ledger';
import { audited } from '../../platform/auditedEntity';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/ids';
import { orgUnitHead } from '../../platform/unitHead';
import { unitInScope, unitNames, unitNamesOf } from '../org/org.api';
import { liveResidentPath, sameHousehold } from '../residents/residents.api';
import { residentIdOfUser, userIdOfResident } from '../accounts/accounts.api';
import {
  ensureCommunityAccount,
  ensurePoolAccount,
  findAccount,
  type LockedAccount,
  lockAccounts,
  type PostingEntry,
  postTransaction,
  TIME_BANK_CAP_MINUTES,
} from './ledger.core';
import { communityOf, DEFAULT_EARNING_RULE } from './ledger.credit';
import {
  type AccountRecord,
  accountAbilities,
  canSeeAccount,
  isTimeBank,
  ledgerPolicy,
} from './ledger.policy';
import {
  accountsOfOwner,
  deleteRuleRow,
  designeeById,
  entriesOf,
  findTransaction,
  findVisibleAccount as findVisibleAccountRow,
  holdsAccount,
  insertDesignee,
  listAccountRows,
  listRuleRows,
  liveDesigneeOf,
  liveDesignees,
  myVolunteers,
  reversalOf,
  reversesIdOf,
  consentedDesigneesOfUser,
  holderResidentId,
  setDesigneeConsent,
  revokeDesigneeRow,
  ruleAt,
  statementPage,
  transactionByKey,
  upsertRule,
} from './ledger.repository';

const auditTransaction = audited('ledger_transaction');
const auditRule = audited('ledger_earning_rule');
const auditDesignee = audited('ledger_designee');

// ─── Ownership and scope ──────────────────────────────────────────────────────────────────────────

/** The account as the policy sees it: with whether the actor holds it (for `own`). */
async function recordOf(ctx: ActorCtx, acc: LockedAccount): Promise<AccountRecord> {
  const heldByActor =
    ledgerPolicy.can(ctx.actor, 'own') && (await holdsAccount(ctx.db, ctx.actor.userId, acc));
  return { ...acc, heldByActor };
}

/** Staff in scope (ledger.read) or the holder (ledger.own); anything else answers 404. */
export async function findVisibleAccount(ctx: ActorCtx, id: string): Promise<LockedAccount> {
  const acc = await findVisibleAccountRow(ctx.db, ctx.actor, id);
  if (!acc || !canSeeAccount(ctx.actor, await recordOf(ctx, acc))) throw notFound();
  return acc;
}

function viewOf(a: LockedAccount, names: Map<string, string>): AccountView {
  return {
    id: a.id,
    ownerKind: a.ownerKind,
    ownerId: a.ownerId,
    unit: a.unit as AccountView['unit'],
    credit: a.credit,
    cap: a.cap,
    name: a.name,
    orgUnitId: a.orgUnitId,
    orgUnitName: names.get(a.orgUnitId) ?? null,
    balance: a.balance,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

// ─── Accounts and statements ──────────────────────────────────────────────────────────────────────

export async function listAccounts(ctx: ActorCtx, q: AccountListQuery) {
  ledgerPolicy.require(ctx.actor, 'read');
  let unitPath: string | undefined;
  if (q.orgUnitId) {
    // A unit outside the scope answers 404 like an unknown one, never an empty page (DESIGN convention 5).
    const u = await unitInScope(ctx.db, ctx.actor, ledgerPolicy.permissions.read, q.orgUnitId);
    if (!u) throw notFound();
    unitPath = u.path;
  }
  const page = await listAccountRows(ctx.db, ctx.actor, 'read', q, unitPath);
  const names = await unitNamesOf(ctx.db, page.items);
  return { ...page, items: page.items.map((r) => viewOf(r, names)) };
}

export async function getAccount(ctx: ActorCtx, id: string): Promise<AccountView> {
  const acc = await findVisibleAccount(ctx, id);
  return viewOf(acc, await unitNames(ctx.db, [acc.orgUnitId]));
}

/**
 * An account's statement, newest first, with the running balance after each line (kept at posting time
 * under the account lock) and the names of the other side of each transaction.
 */
export async function statement(ctx: ActorCtx, id: string, q: StatementQuery): Promise<StatementView> {
  const acc = await findVisibleAccount(ctx, id);
  const { rows, total, others, reversals, openingBalance } = await statementPage(ctx.db, acc, q);
  const items = rows.map(({ e, t }) => ({
    seq: e.seq,
    transactionId: t.id,
    kind: t.kind,
    memo: t.memo,
    sourceType: t.sourceType,
    sourceId: t.sourceId,
    reversesId: t.reversesId,
    reversedById: reversals.find((r) => r.reversesId === t.id)?.id ?? null,
    reversible: !t.reversesId && !OWNED_ELSEWHERE.includes(t.kind),
    occurredAt: t.occurredAt,
    createdAt: e.createdAt,
    actorName: t.actorName,
    amount: e.amount,
    balanceAfter: e.balanceAfter,
    counterparts: [
      ...new Set(
        others
          .filter((o) => o.txId === t.id && o.accountId !== acc.id && o.unit === acc.unit)
          .map((o) => o.name),
      ),
    ],
  }));
  return {
    account: viewOf(acc, await unitNames(ctx.db, [acc.orgUnitId])),
    items,
    total,
    page: q.page,
    pageSize: q.pageSize,
    openingBalance,
    abilities: accountAbilities(ctx.actor, await recordOf(ctx, acc)),
  };
}

/** Every line of a statement (for the .xlsx export), oldest first, at most 50,000 lines. */
export async function statementAll(ctx: ActorCtx, id: string, q: Omit<StatementQuery, 'page' | 'pageSize'>) {
  const first = await statement(ctx, id, { ...q, page: 1, pageSize: 1 });
  const lines: StatementView['items'] = [];
  const pageSize = 200;
  for (let p = 1; (p - 1) * pageSize < Math.min(first.total, 50_000); p++)
    lines.push(...(await statement(ctx, id, { ...q, page: p, pageSize })).items);
  return { account: first.account, lines: lines.reverse() };
}

/** Transaction kinds whose reversal belongs to another module (merchants: stock and settlements; social orgs: the disclosed fund flows). */
export const OWNED_ELSEWHERE = ['redemption', 'settlement', 'fund_donation', 'fund_disbursement'];

// ─── Reversal ─────────────────────────────────────────────────────────────────────────────────────

/**
 * The entries of a reversal of `transactionId`: its own entries negated. A transaction already reversed
 * answers 409 `ledger.already_reversed` (at most one reversal each).
 */
export async function reversalEntries(tx: Db, transactionId: string): Promise<PostingEntry[]> {
  const already = await reversalOf(tx, transactionId);
  if (already) throw new AppError('ledger.already_reversed', 409, {}, { reversalId: already.id });
  const entries = await entriesOf(tx, transactionId);
  return entries.map((e) => ({
    accountId: e.accountId,
    unit: e.unit as 'points' | 'minutes',
    amount: -e.amount,
  }));
}

/**
 * Compensates a transaction with the negated entries and a reason (append-only ledger: nothing is
 * updated or deleted). At most one reversal per transaction; a reversal is not itself reversible.
 */
export async function reverseTransaction(ctx: ActorCtx, txId: string, body: ReverseBody) {
  ledgerPolicy.require(ctx.actor, 'write');
  return ctx.db.transaction(async (tx) => {
    const orig = await findTransaction(tx, ctx.actor, 'write', txId);
    if (!orig) throw notFound();
    // The client's key lives in the reversal namespace, so it can never match another kind of posting;
    // a key already used to reverse a different transaction is refused rather than reported as done.
    const key = `ledger.reverse:${body.idempotencyKey}`;
    const dup = await transactionByKey(tx, key);
    if (dup) {
      if (dup.reversesId === orig.id) return { transactionId: dup.id, duplicate: true };
      throw new AppError('ledger.key_reused', 409, {}, { transactionId: dup.id });
    }
    if (orig.reversesId) throw new AppError('ledger.not_reversible', 409);
    // Redemptions and settlements carry merchant state (stock, settled flags): undone in that module.
    if (OWNED_ELSEWHERE.includes(orig.kind))
      throw new AppError('ledger.reverse_elsewhere', 409, {}, { kind: orig.kind });
    const entries = await reversalEntries(tx, orig.id);
    const r = await postTransaction(tx, ctx, {
      idempotencyKey: key,
      kind: 'reversal',
      memo: body.reason,
      sourceType: orig.sourceType ?? undefined,
      sourceId: orig.sourceId ?? undefined,
      activityType: orig.activityType ?? undefined,
      occurredAt: orig.occurredAt,
      reversesId: orig.id,
      entries,
    });
    if (r.duplicate) {
      // A concurrent request with the same key committed first: fine if it reversed this transaction.
      if ((await reversesIdOf(tx, r.transactionId)) !== orig.id)
        throw new AppError('ledger.key_reused', 409, {}, { transactionId: r.transactionId });
      return r;
    }
    await auditTransaction(tx, ctx, 'ledger.reverse', orig.id, orig, {
      after: { reversalId: r.transactionId, reason: body.reason },
    });
    return r;
  });
}

// ─── Earning rules ────────────────────────────────────────────────────────────────────────────────

const RULE_UNIT_KINDS = ['community', 'subdistrict'];

export async function listRules(ctx: ActorCtx, orgUnitId?: string) {
  ledgerPolicy.require(ctx.actor, 'read');
  let unit: { path: string } | undefined;
  if (orgUnitId) {
    if (!isUuid(orgUnitId)) throw notFound();
    unit = await unitInScope(ctx.db, ctx.actor, ledgerPolicy.permissions.read, orgUnitId);
    if (!unit) throw notFound();
  }
  const rows = await listRuleRows(ctx.db, ctx.actor, 'read', unit);
  const names = await unitNamesOf(ctx.db, rows);
  return {
    items: rows.map((r) => ({
      ...orgUnitHead(r, names),
      activityType: r.activityType,
      pointsPerHour: r.pointsPerHour,
      dailyCap: r.dailyCap,
      updatedAt: r.updatedAt,
    })),
    defaultRule: { ...DEFAULT_EARNING_RULE },
    canEdit: ledgerPolicy.can(ctx.actor, 'write'),
  };
}

/** Sets (creates or replaces) the rule of an activity type at a community or subdistrict. */
export async function putRule(ctx: ActorCtx, body: EarningRuleBody) {
  ledgerPolicy.require(ctx.actor, 'write');
  return ctx.db.transaction(async (tx) => {
    const u = await unitInScope(tx, ctx.actor, ledgerPolicy.permissions.write, body.orgUnitId);
    if (!u) throw notFound();
    if (!RULE_UNIT_KINDS.includes(u.kind)) throw new AppError('ledger.not_a_community', 422);
    const now = ctx.clock.now();
    const before = await ruleAt(tx, u.id, body.activityType);
    const values = {
      pointsPerHour: body.pointsPerHour,
      dailyCap: body.dailyCap,
      updatedAt: now,
      updatedBy: ctx.actor.userId,
    };
    const row = await upsertRule(
      tx,
      { id: ctx.ids(), orgUnitId: u.id, orgPath: u.path, activityType: body.activityType, ...values },
      values,
    );
    const ruleAtUnit = { orgPath: u.path };
    await auditRule(tx, ctx, 'ledger.rule.put', row.id, ruleAtUnit, {
      before: before ? { pointsPerHour: before.pointsPerHour, dailyCap: before.dailyCap } : null,
      after: { activityType: body.activityType, pointsPerHour: body.pointsPerHour, dailyCap: body.dailyCap },
    });
    return row;
  });
}

export async function deleteRule(ctx: ActorCtx, id: string) {
  ledgerPolicy.require(ctx.actor, 'write');
  await ctx.db.transaction(async (tx) => {
    const r = await deleteRuleRow(tx, ctx.actor, 'write', id);
    if (!r) throw notFound();
    await auditRule(tx, ctx, 'ledger.rule.delete', r.id, r, {
      before: { activityType: r.activityType, pointsPerHour: r.pointsPerHour, dailyCap: r.dailyCap },
    });
  });
}

// ─── Time bank: designees, withdrawals, donations, the community pool ────────────────────────────

async function timeBankAccount(ctx: ActorCtx, id: string, mode: 'holder_or_staff' | 'staff') {
  const acc = await findVisibleAccount(ctx, id);
  if (!isTimeBank(acc)) throw new AppError('ledger.not_time_bank', 422);
  const staff = ledgerPolicy.can(ctx.actor, 'write', acc);
  if (mode === 'staff' && !staff)
    throw new AppError('common.forbidden', 403, {}, { permission: ledgerPolicy.permissions.write });
  if (mode === 'holder_or_staff' && !staff && !ledgerPolicy.can(ctx.actor, 'own', await recordOf(ctx, acc)))
    throw new AppError('common.forbidden', 403);
  return acc;
}

export async function listDesignees(ctx: ActorCtx, accountId: string) {
  const acc = await findVisibleAccount(ctx, accountId);
  return designeesOf(ctx.db, acc.id);
}

type DesigneeRowT = Awaited<ReturnType<typeof liveDesignees>>[number];
function designeeDto(r: DesigneeRowT) {
  return {
    id: r.id,
    name: r.name,
    relation: r.relation,
    residentId: r.residentId,
    link: (r.link === 'household' ? 'household' : 'declared') as 'household' | 'declared',
    hasLogin: r.userId !== null,
    consent:
      r.consentAt && r.consentBy
        ? { by: r.consentBy as 'holder' | 'staff', at: r.consentAt, note: r.consentNote }
        : null,
    createdAt: r.createdAt,
  };
}

async function designeesOf(db: Db, accountId: string) {
  return (await liveDesignees(db, accountId)).map(designeeDto);
}

/**
 * R-VP-2: the holder (or staff for them) names a family member who may draw on the minutes. The link is
 * `household` when the registry has both in one household, else `declared`. Consent to the family member
 * spending: the holder adding on their own phone consents; staff record it with how it was given
 * (`consentNote`), or later through `recordConsent`. A family member with a login (their registry record
 * linked to a user) may then spend the minutes on the phone for a service order.
 */
export async function addDesignee(ctx: ActorCtx, accountId: string, body: DesigneeBody) {
  const acc = await timeBankAccount(ctx, accountId, 'holder_or_staff');
  const staff = ledgerPolicy.can(ctx.actor, 'write', acc);
  if (body.residentId) {
    // The family member is a resident of the holder's community or of the staff member's area; anyone
    // else answers exactly like an unknown id (no probing of the registry across communities).
    const r = await liveResidentPath(ctx.db, body.residentId);
    const reachable = r && (r.orgPath.startsWith(acc.orgPath) || ledgerPolicy.can(ctx.actor, 'write', r));
    if (!reachable) throw invalidField('residentId', 'not_found');
  }
  const holderResident = acc.ownerKind === 'volunteer' ? await holderResidentId(ctx.db, acc.ownerId) : null;
  const link =
    body.residentId && holderResident && (await sameHousehold(ctx.db, holderResident, body.residentId))
      ? 'household'
      : 'declared';
  const userId = body.residentId ? await userIdOfResident(ctx.db, body.residentId) : null;
  const consentBy: 'holder' | 'staff' | null = !staff ? 'holder' : body.consentNote ? 'staff' : null;
  return ctx.db.transaction(async (tx) => {
    const id = ctx.ids();
    const now = ctx.clock.now();
    const row = {
      id,
      accountId: acc.id,
      name: body.name,
      relation: body.relation,
      residentId: body.residentId ?? null,
      userId,
      link,
      consentBy,
      consentAt: consentBy ? now : null,
      consentNote: consentBy === 'staff' ? (body.consentNote ?? null) : null,
      consentRecordedBy: consentBy ? ctx.actor.userId : null,
      createdAt: now,
      createdBy: ctx.actor.userId,
      revokedAt: null,
    };
    await insertDesignee(tx, row);
    await auditDesignee(tx, ctx, 'ledger.designee.add', id, acc, {
      after: { accountId: acc.id, name: body.name, relation: body.relation, link, consentBy },
    });
    return designeeDto(row);
  });
}

/** Records the holder's consent to a family member spending: the holder on their phone, or staff (how given). */
export async function recordConsent(
  ctx: ActorCtx,
  designeeId: string,
  body: { note?: string | null | undefined },
) {
  const d = await designeeById(ctx.db, designeeId);
  if (!d || d.revokedAt) throw notFound();
  const acc = await timeBankAccount(ctx, d.accountId, 'holder_or_staff');
  const staff = ledgerPolicy.can(ctx.actor, 'write', acc);
  if (staff && !body.note) throw invalidField('note', 'ledger.consent_note_required');
  if (d.consentAt) throw new AppError('ledger.consent_recorded', 409);
  const now = ctx.clock.now();
  const by = staff ? 'staff' : 'holder';
  await ctx.db.transaction(async (tx) => {
    await setDesigneeConsent(tx, d.id, {
      by,
      at: now,
      note: staff ? (body.note ?? null) : null,
      recordedBy: ctx.actor.userId,
    });
    await auditDesignee(tx, ctx, 'ledger.designee.consent', d.id, acc, {
      after: { by, note: staff ? body.note : null },
    });
  });
  const row = await designeeById(ctx.db, d.id);
  return designeeDto(row!);
}

/** R-VP-2: the relatives whose time bank the logged-in family member may spend (consented, live). */
export async function myRelatives(ctx: ActorCtx) {
  if (!ctx.actor) throw new AppError('common.unauthenticated', 401);
  const rows = await consentedDesigneesOfUser(
    ctx.db,
    ctx.actor.userId,
    await residentIdOfUser(ctx.db, ctx.actor.userId),
  );
  return rows.map((r) => ({
    designeeId: r.designee.id,
    holderName: r.account.name,
    relation: r.designee.relation,
    minutes: r.account.balance,
    consentAt: r.designee.consentAt!,
  }));
}

/**
 * R-VP-2: whether `userId` may spend the time bank behind `designeeId` now (a live designee naming this
 * login, with recorded consent). Answers the holder's volunteer id, or throws 403 ledger.consent_required.
 */
export async function familySpender(db: Db, designeeId: string, userId: string) {
  const d = await designeeById(db, designeeId);
  const residentId = await residentIdOfUser(db, userId);
  const names = d && !d.revokedAt && (d.userId === userId || (!!residentId && d.residentId === residentId));
  if (!d || !names) throw new AppError('ledger.consent_required', 403);
  if (!d.consentAt) throw new AppError('ledger.consent_required', 403);
  const rows = await consentedDesigneesOfUser(db, userId, residentId);
  const r = rows.find((x) => x.designee.id === d.id);
  if (!r) throw new AppError('ledger.consent_required', 403);
  return {
    volunteerId: r.account.ownerId,
    holderName: r.account.name,
    balance: r.account.balance,
    designee: d,
  };
}

/** Whether a designee of this account is still live and consented (checked again when the minutes are spent). */
export async function consentStands(db: Db, designeeId: string, accountId: string): Promise<boolean> {
  const d = await liveDesigneeOf(db, designeeId, accountId);
  return !!d?.consentAt;
}

export async function revokeDesignee(ctx: ActorCtx, designeeId: string) {
  const d = await designeeById(ctx.db, designeeId);
  if (!d) throw notFound();
  const acc = await timeBankAccount(ctx, d.accountId, 'holder_or_staff');
  if (d.revokedAt) return;
  await ctx.db.transaction(async (tx) => {
    await revokeDesigneeRow(tx, d.id, ctx.clock.now());
    await auditDesignee(tx, ctx, 'ledger.designee.revoke', d.id, acc, {
      before: { name: d.name, relation: d.relation },
    });
  });
}

export interface WithdrawTimeInput {
  idempotencyKey: string;
  volunteerId: string;
  minutes: number;
  /** 'holder' or the id of a designee of the holder. */
  beneficiary: string;
  /** R-VP-2: a family member (a consented designee) spends the holder's minutes; named on the posting. */
  spentByDesigneeId?: string;
  sourceType?: string;
  sourceId?: string;
  memo: string;
}

/**
 * R-VP-2: the holder's minutes pay for a service delivered to the holder or a designated family member
 * ("服务换服务"). The minutes return to the community (the issuer); they never become cash.
 * Callable by the services module inside its own transaction.
 */
export async function withdrawTime(tx: Db, ctx: UseCaseCtx, w: WithdrawTimeInput) {
  if (!Number.isSafeInteger(w.minutes) || w.minutes <= 0 || w.minutes > 1440)
    throw new AppError('ledger.bad_minutes', 422, { minutes: w.minutes });
  const acc = await findAccount(tx, 'volunteer', w.volunteerId, 'minutes');
  if (!acc)
    throw new AppError('ledger.insufficient_balance', 409, {
      name: w.volunteerId,
      balance: 0,
      unit: 'minutes',
    });
  let beneficiaryName = acc.name;
  if (w.beneficiary !== 'holder') {
    const d = await liveDesigneeOf(tx, w.beneficiary, acc.id);
    if (!d) throw new AppError('ledger.not_designee', 422);
    beneficiaryName = `${d.name}(${d.relation})`;
  }
  let spentBy = '';
  let spender: { id: string; name: string; relation: string } | undefined;
  if (w.spentByDesigneeId) {
    const d = await liveDesigneeOf(tx, w.spentByDesigneeId, acc.id);
    if (!d?.consentAt) throw new AppError('ledger.consent_required', 403);
    spender = { id: d.id, name: d.name, relation: d.relation };
    spentBy = `(家属${d.name}(${d.relation})经${acc.name}同意代为使用)`;
  }
  const community = await communityOf(tx, acc.orgUnitId);
  const issuer = await ensureCommunityAccount(tx, ctx, community, 'minutes');
  const posted = await postTransaction(tx, ctx, {
    idempotencyKey: w.idempotencyKey,
    kind: 'time_withdrawal',
    memo: `${w.memo} → ${beneficiaryName}${spentBy}`,
    sourceType: w.sourceType,
    sourceId: w.sourceId,
    entries: [
      { accountId: acc.id, unit: 'minutes', amount: -w.minutes },
      { accountId: issuer, unit: 'minutes', amount: w.minutes },
    ],
  });
  if (spender && !posted.duplicate)
    await auditTransaction(tx, ctx, 'ledger.family_spend', posted.transactionId, acc, {
      after: {
        holderAccountId: acc.id,
        holderName: acc.name,
        designeeId: spender.id,
        spentBy: `${spender.name}(${spender.relation})`,
        minutes: w.minutes,
        sourceType: w.sourceType ?? null,
        sourceId: w.sourceId ?? null,
      },
    });
  return posted;
}

/** Staff record a time-bank withdrawal (a service delivered to the holder or a designee). */
export async function recordWithdrawal(ctx: ActorCtx, accountId: string, body: WithdrawBody) {
  const acc = await timeBankAccount(ctx, accountId, 'staff');
  return ctx.db.transaction((tx) =>
    withdrawTime(tx, ctx, {
      idempotencyKey: `ledger.withdraw:${body.idempotencyKey}`,
      volunteerId: acc.ownerId,
      minutes: body.minutes,
      beneficiary: body.beneficiary,
      sourceType: 'manual',
      memo: body.memo,
    }),
  );
}

/** The holder donates minutes to their community's pool that serves elderly people living alone. */
export async function donateToPool(ctx: ActorCtx, accountId: string, body: DonateBody) {
  const acc = await timeBankAccount(ctx, accountId, 'holder_or_staff');
  return ctx.db.transaction(async (tx) => {
    const community = await communityOf(tx, acc.orgUnitId);
    const pool = await ensurePoolAccount(tx, ctx, community);
    await lockAccounts(tx, [acc.id, pool]);
    return postTransaction(tx, ctx, {
      idempotencyKey: `ledger.donate:${body.idempotencyKey}`,
      kind: 'pool_donation',
      memo: `${acc.name} → ${community.name}`,
      entries: [
        { accountId: acc.id, unit: 'minutes', amount: -body.minutes },
        { accountId: pool, unit: 'minutes', amount: body.minutes },
      ],
    });
  });
}

/** Staff spend pool minutes on a service for an elderly person living alone. */
export async function withdrawFromPool(ctx: ActorCtx, body: PoolWithdrawBody) {
  ledgerPolicy.require(ctx.actor, 'write');
  return ctx.db.transaction(async (tx) => {
    const u = await unitInScope(tx, ctx.actor, ledgerPolicy.permissions.write, body.communityId);
    if (!u) throw notFound();
    const pool = await ensurePoolAccount(tx, ctx, u);
    const issuer = await ensureCommunityAccount(tx, ctx, u, 'minutes');
    return postTransaction(tx, ctx, {
      idempotencyKey: `ledger.pool:${body.idempotencyKey}`,
      kind: 'pool_withdrawal',
      memo: `${body.memo} → ${body.beneficiaryName}`,
      entries: [
        { accountId: pool, unit: 'minutes', amount: -body.minutes },
        { accountId: issuer, unit: 'minutes', amount: body.minutes },
      ],
    });
  });
}

// ─── My ledger (phone pages) ─────────────────────────────────────────────────────────────────────

export async function myLedger(ctx: ActorCtx): Promise<MyLedgerView> {
  ledgerPolicy.require(ctx.actor, 'own');
  const [v] = await myVolunteers(ctx.db, ctx.actor.userId);
  const ownerKind = v ? 'volunteer' : 'user';
  const ownerId = v ? v.id : ctx.actor.userId;
  const rows = await accountsOfOwner(ctx.db, ownerKind, ownerId);
  const names = await unitNames(ctx.db, [...rows.map((r) => r.orgUnitId), ...(v ? [v.communityId] : [])]);
  const points = rows.find((r) => r.unit === 'points');
  const minutes = rows.find((r) => r.unit === 'minutes');
  return {
    volunteer: v ? { id: v.id, name: v.name, communityName: names.get(v.communityId) ?? null } : null,
    points: points ? viewOf(points, names) : null,
    minutes: minutes ? viewOf(minutes, names) : null,
    designees: minutes ? await designeesOf(ctx.db, minutes.id) : [],
    capMinutes: TIME_BANK_CAP_MINUTES,
  };
}
