import { chinaDayEnd, chinaDayStart } from '../../../shared/chinaTime';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { AccountListQuery } from '../../../shared/contracts/ledger';
import { rowsOfParent } from '../../platform/rowsOfParents';
import { type Db, rowsOf } from '../../platform/db';
import { upsertRow } from '../../platform/upsertRow';
import { firstRow } from '../../platform/firstRow';
import { isUuid } from '../../platform/ids';
import { type Page, listPage } from '../../platform/listing';
import { offsetOf } from '../../platform/pagination';
import { type Actor, escapeLike } from '../../platform/permissions';
import { accountHolder } from '../../platform/scopedTables';
import { someUnitUnderSql } from '../org/org.api';
import type { LockedAccount } from './ledger.core';
import { type LedgerAction, ledgerPolicy } from './ledger.policy';
import {
  ledgerAccounts,
  ledgerDesignees,
  ledgerEarningRules,
  ledgerEntries,
  ledgerTransactions,
} from './ledger.table';

/**
 * The ledger's queries outside the posting engine (`ledger.core.ts` posts, locks and balances;
 * `ledger.credit.ts` credits services; `ledger.verify.ts` checks the books). Every read for an actor
 * takes the action it is for and ANDs the policy's scope in: an account, transaction or rule out of
 * reach is not found (404), the same as one that does not exist.
 */
export type AccountRow = LockedAccount;
export type RuleRow = typeof ledgerEarningRules.$inferSelect;
export type DesigneeRow = typeof ledgerDesignees.$inferSelect;

// ─── Holders ──────────────────────────────────────────────────────────────────────────────────────

/** The volunteer holder table (the volunteers module's `scopedTables.accountHolders`): read by name, never imported. */
const volunteerHolder = () => accountHolder('volunteer');

/** The volunteer records the logged-in user acts as, with their name and community. */
export async function myVolunteers(
  db: Db,
  userId: string,
): Promise<{ id: string; name: string; communityId: string }[]> {
  const h = volunteerHolder();
  return rowsOf<{ id: string; name: string; communityId: string }>(
    await db.execute(sql`
      select id, ${sql.identifier(h.nameColumn)} as "name", ${sql.identifier(h.communityColumn)} as "communityId"
      from ${sql.identifier(h.table)} where ${sql.identifier(h.userColumn)} = ${userId}`),
  );
}

/** The registry record of a volunteer holder, if linked. */
export async function holderResidentId(db: Db, volunteerId: string): Promise<string | null> {
  const h = volunteerHolder();
  const [row] = rowsOf<{ r: string | null }>(
    await db.execute(sql`
      select ${sql.identifier(h.residentColumn)} as "r" from ${sql.identifier(h.table)} where id = ${volunteerId}`),
  );
  return row?.r ?? null;
}

/**
 * Live, consented designees naming this login (directly or through its registry record), with the holder's
 * minutes account: the relatives whose time bank the user may spend (R-VP-2).
 */
export async function consentedDesigneesOfUser(db: Db, userId: string, residentId: string | null) {
  return db
    .select({ designee: ledgerDesignees, account: ledgerAccounts })
    .from(ledgerDesignees)
    .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerDesignees.accountId))
    .where(
      and(
        isNull(ledgerDesignees.revokedAt),
        isNotNull(ledgerDesignees.consentAt),
        eq(ledgerAccounts.unit, 'minutes'),
        eq(ledgerAccounts.ownerKind, 'volunteer'),
        residentId
          ? or(eq(ledgerDesignees.userId, userId), eq(ledgerDesignees.residentId, residentId))
          : eq(ledgerDesignees.userId, userId),
      ),
    )
    .orderBy(asc(ledgerDesignees.createdAt));
}

export async function setDesigneeConsent(
  db: Db,
  id: string,
  v: { by: 'holder' | 'staff'; at: Date; note: string | null; recordedBy: string },
): Promise<void> {
  await db
    .update(ledgerDesignees)
    .set({ consentBy: v.by, consentAt: v.at, consentNote: v.note, consentRecordedBy: v.recordedBy })
    .where(eq(ledgerDesignees.id, id));
}

/** Whether the user holds the account: their own user account, or one of a volunteer they act as. */
export async function holdsAccount(
  db: Db,
  userId: string,
  acc: Pick<AccountRow, 'ownerKind' | 'ownerId'>,
): Promise<boolean> {
  if (acc.ownerKind === 'user') return acc.ownerId === userId;
  if (acc.ownerKind !== 'volunteer') return false;
  return (await myVolunteers(db, userId)).some((v) => v.id === acc.ownerId);
}

/** The accounts the user holds, as SQL (the `own` action's ownership condition; the phone home's balances). */
export function heldBy(userId: string): SQL {
  const h = volunteerHolder();
  return sql`((${ledgerAccounts.ownerKind} = 'user' and ${ledgerAccounts.ownerId} = ${userId})
    or (${ledgerAccounts.ownerKind} = 'volunteer' and ${ledgerAccounts.ownerId} in (
      select id::text from ${sql.identifier(h.table)} where ${sql.identifier(h.userColumn)} = ${userId})))`;
}

// ─── Accounts and statements ──────────────────────────────────────────────────────────────────────

/** An account staff may read in scope or the actor holds (`own`); undefined otherwise. */
export async function findVisibleAccount(db: Db, actor: Actor, id: string): Promise<AccountRow | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(
    db,
    ledgerAccounts,
    and(
      eq(ledgerAccounts.id, id),
      or(ledgerPolicy.scope(actor, 'read'), and(ledgerPolicy.scope(actor, 'own'), heldBy(actor.userId))),
    ),
  );
}

/** One page of the accounts in reach for `action`; `unitPath` is a unit the caller found in scope. */
export function listAccountRows(
  db: Db,
  actor: Actor,
  action: LedgerAction,
  q: AccountListQuery,
  unitPath?: string,
): Promise<Page<AccountRow>> {
  return listPage(db, {
    table: ledgerAccounts,
    where: and(
      ledgerPolicy.scope(actor, action),
      q.ownerKind ? eq(ledgerAccounts.ownerKind, q.ownerKind) : undefined,
      q.unit ? eq(ledgerAccounts.unit, q.unit) : undefined,
      q.q ? ilike(ledgerAccounts.name, `%${escapeLike(q.q)}%`) : undefined,
      unitPath ? sql`${ledgerAccounts.orgPath} like ${`${escapeLike(unitPath)}%`}` : undefined,
    ),
    orderBy: [
      asc(ledgerAccounts.orgPath),
      asc(ledgerAccounts.ownerKind),
      asc(ledgerAccounts.name),
      asc(ledgerAccounts.id),
    ],
    page: q,
  });
}

/** The accounts of one holder (the phone's "my ledger"). */
export function accountsOfOwner(db: Db, ownerKind: string, ownerId: string): Promise<AccountRow[]> {
  return db
    .select()
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.ownerKind, ownerKind), eq(ledgerAccounts.ownerId, ownerId)));
}

/**
 * One page of an account's statement lines (found visible by the caller), newest first, with the other
 * accounts of each transaction, the reversals of its transactions and the balance before `from`.
 */
export async function statementPage(
  db: Db,
  acc: AccountRow,
  q: { from?: string; to?: string; page: number; pageSize: number },
) {
  const where = and(
    eq(ledgerEntries.accountId, acc.id),
    q.from ? gte(ledgerEntries.createdAt, chinaDayStart(q.from)) : undefined,
    q.to ? lt(ledgerEntries.createdAt, chinaDayEnd(q.to)) : undefined,
  );
  const [{ n }] = (await db.select({ n: count() }).from(ledgerEntries).where(where)) as [{ n: number }];
  const rows = await db
    .select({ e: ledgerEntries, t: ledgerTransactions })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(where)
    .orderBy(desc(ledgerEntries.seq))
    .limit(q.pageSize)
    .offset(offsetOf(q));
  const txIds = rows.map((r) => r.t.id);
  const others = txIds.length
    ? await db
        .select({
          txId: ledgerEntries.transactionId,
          accountId: ledgerEntries.accountId,
          unit: ledgerEntries.unit,
          name: ledgerAccounts.name,
        })
        .from(ledgerEntries)
        .innerJoin(ledgerAccounts, eq(ledgerAccounts.id, ledgerEntries.accountId))
        .where(inArray(ledgerEntries.transactionId, txIds))
    : [];
  const reversals = txIds.length
    ? await db
        .select({ id: ledgerTransactions.id, reversesId: ledgerTransactions.reversesId })
        .from(ledgerTransactions)
        .where(inArray(ledgerTransactions.reversesId, txIds))
    : [];
  let openingBalance = 0;
  if (q.from) {
    const [first] = await db
      .select({ b: ledgerEntries.balanceAfter, a: ledgerEntries.amount })
      .from(ledgerEntries)
      .where(where)
      .orderBy(asc(ledgerEntries.seq))
      .limit(1);
    openingBalance = first ? first.b - first.a : acc.balance;
  }
  return { rows, total: Number(n), others, reversals, openingBalance };
}

// ─── Transactions ─────────────────────────────────────────────────────────────────────────────────

/** A transaction in reach for `action`, or undefined. */
export async function findTransaction(db: Db, actor: Actor, action: LedgerAction, id: string) {
  if (!isUuid(id)) return undefined;
  return firstRow(
    db,
    ledgerTransactions,
    and(eq(ledgerTransactions.id, id), ledgerPolicy.scope(actor, action, ledgerTransactions.orgPath)),
  );
}

/** The transaction posted under an idempotency key (any scope: keys are global). */
export async function transactionByKey(db: Db, key: string) {
  const [t] = await db
    .select({ id: ledgerTransactions.id, reversesId: ledgerTransactions.reversesId })
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.idempotencyKey, key));
  return t;
}

/** What a transaction reverses (null when it reverses nothing), by id. */
export async function reversesIdOf(db: Db, id: string): Promise<string | null | undefined> {
  const [t] = await db
    .select({ reversesId: ledgerTransactions.reversesId })
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.id, id));
  return t?.reversesId;
}

/** The reversal of a transaction, if any. */
export async function reversalOf(db: Db, id: string) {
  const [t] = await db
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.reversesId, id));
  return t;
}

/** A transaction's entries in posting order. */
export function entriesOf(db: Db, transactionId: string) {
  return rowsOfParent(db, ledgerEntries, ledgerEntries.transactionId, transactionId, asc(ledgerEntries.seq));
}

// ─── Earning rules ────────────────────────────────────────────────────────────────────────────────

/**
 * The rules in reach for `action`: with a unit (found in scope by the caller), its own rules, those of
 * the units above it (inherited) and below it; without, the actor's subtree plus the rules inherited
 * from above their roots.
 */
export function listRuleRows(
  db: Db,
  actor: Actor,
  action: LedgerAction,
  unit?: { path: string },
): Promise<RuleRow[]> {
  const where = unit
    ? or(
        inArray(ledgerEarningRules.orgUnitId, unit.path.split('/').filter(Boolean)),
        sql`${ledgerEarningRules.orgPath} like ${`${escapeLike(unit.path)}%`}`,
      )
    : or(
        ledgerPolicy.scope(actor, action, ledgerEarningRules.orgPath),
        someUnitUnderSql(ledgerEarningRules.orgPath, (path) => ledgerPolicy.scope(actor, action, path)),
      );
  return db
    .select()
    .from(ledgerEarningRules)
    .where(where)
    .orderBy(asc(ledgerEarningRules.orgPath), asc(ledgerEarningRules.activityType));
}

/** The rule of an activity type set at a unit, if any. */
export function ruleAt(db: Db, orgUnitId: string, activityType: string) {
  return firstRow(
    db,
    ledgerEarningRules,
    and(eq(ledgerEarningRules.orgUnitId, orgUnitId), eq(ledgerEarningRules.activityType, activityType)),
  );
}

/** Creates or replaces the rule of an activity type at a unit. */
export async function upsertRule(
  db: Db,
  row: typeof ledgerEarningRules.$inferInsert,
  set: Partial<typeof ledgerEarningRules.$inferInsert>,
): Promise<RuleRow> {
  return upsertRow(
    db,
    ledgerEarningRules,
    [ledgerEarningRules.orgUnitId, ledgerEarningRules.activityType],
    row,
    set,
  );
}

/** Deletes a rule in reach for `action`; undefined when there is none. */
export async function deleteRuleRow(db: Db, actor: Actor, action: LedgerAction, id: string) {
  if (!isUuid(id)) return undefined;
  const [r] = await db
    .delete(ledgerEarningRules)
    .where(and(eq(ledgerEarningRules.id, id), ledgerPolicy.scope(actor, action, ledgerEarningRules.orgPath)))
    .returning();
  return r;
}

// ─── Designees (R-VP-2) ───────────────────────────────────────────────────────────────────────────

/** The live designees of an account, oldest first. */
export function liveDesignees(db: Db, accountId: string): Promise<DesigneeRow[]> {
  return db
    .select()
    .from(ledgerDesignees)
    .where(and(eq(ledgerDesignees.accountId, accountId), isNull(ledgerDesignees.revokedAt)))
    .orderBy(asc(ledgerDesignees.createdAt));
}

/** A designee by id (the caller then checks its account), or undefined. */
export async function designeeById(db: Db, id: string): Promise<DesigneeRow | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(db, ledgerDesignees, eq(ledgerDesignees.id, id));
}

/** A live designee of this account, or undefined. */
export async function liveDesigneeOf(db: Db, id: string, accountId: string) {
  if (!isUuid(id)) return undefined;
  return firstRow(
    db,
    ledgerDesignees,
    and(
      eq(ledgerDesignees.id, id),
      eq(ledgerDesignees.accountId, accountId),
      isNull(ledgerDesignees.revokedAt),
    ),
  );
}

export async function insertDesignee(db: Db, row: typeof ledgerDesignees.$inferInsert): Promise<void> {
  await db.insert(ledgerDesignees).values(row);
}

export async function revokeDesigneeRow(db: Db, id: string, at: Date): Promise<void> {
  await db.update(ledgerDesignees).set({ revokedAt: at }).where(eq(ledgerDesignees.id, id));
}

// ─── Holder accounts moved by their module ───────────────────────────────────────────────────────

/**
 * Moves the accounts of one holder (e.g. a volunteer who changed community) to `unit`, so their scope,
 * reports and pool follow the holder. Accounts already at that path are left alone.
 */
export async function moveHolderAccountRows(
  tx: Db,
  ownerKind: string,
  ownerId: string,
  unit: { id: string; path: string },
  now: Date,
): Promise<void> {
  await tx
    .update(ledgerAccounts)
    .set({ orgUnitId: unit.id, orgPath: unit.path, updatedAt: now })
    .where(
      and(
        eq(ledgerAccounts.ownerKind, ownerKind),
        eq(ledgerAccounts.ownerId, ownerId),
        sql`${ledgerAccounts.orgPath} <> ${unit.path}`,
      ),
    );
}

// ─── Report ──────────────────────────────────────────────────────────────────────────────────────

type Num = Record<string, string | number | null>;

/**
 * The report's flows per unit over [from, to) and current balances per unit, of the accounts in reach
 * for `action` (and under `subtreePath` when given, a unit the caller found in scope).
 */
export async function reportFigures(
  db: Db,
  actor: Actor,
  action: LedgerAction,
  period: { from: Date; to: Date },
  subtreePath?: string,
): Promise<{ flows: Num[]; balances: Num[] }> {
  const subtree = subtreePath ? sql`a.org_path like ${`${escapeLike(subtreePath)}%`}` : sql`true`;
  const scope = ledgerPolicy.scope(actor, action, sql`a.org_path`);
  const flows = rowsOf<Num>(
    await db.execute(sql`
      with f as (
        select a.org_unit_id, a.owner_kind, a.owner_id, a.unit, e.amount, coalesce(o.kind, t.kind) as k
        from ledger_entries e
        join ledger_transactions t on t.id = e.transaction_id
        left join ledger_transactions o on o.id = t.reverses_id
        join ledger_accounts a on a.id = e.account_id
        where t.occurred_at >= ${period.from.toISOString()} and t.occurred_at < ${period.to.toISOString()} and ${scope} and ${subtree}
      )
      select org_unit_id,
        coalesce(sum(amount) filter (where owner_kind in ('volunteer','user') and unit = 'points'
          and k in ('service_credit','service_correction','adjust')), 0)::bigint as points_issued,
        coalesce(sum(amount) filter (where owner_kind = 'merchant' and unit = 'points' and k = 'redemption'), 0)::bigint as points_redeemed,
        coalesce(sum(amount) filter (where owner_kind in ('volunteer','user') and unit = 'minutes'
          and k in ('service_credit','service_correction')), 0)::bigint as minutes_deposited,
        coalesce(-sum(amount) filter (where owner_kind in ('volunteer','user') and unit = 'minutes' and k = 'time_withdrawal'), 0)::bigint
          + coalesce(-sum(amount) filter (where owner_kind = 'pool' and k = 'pool_withdrawal'), 0)::bigint as minutes_withdrawn,
        coalesce(sum(amount) filter (where owner_kind = 'pool' and k = 'pool_donation'), 0)::bigint as minutes_donated,
        count(distinct owner_id) filter (where owner_kind = 'volunteer' and k = 'service_credit')::int as volunteers
      from f group by org_unit_id`),
  );
  const balances = rowsOf<Num>(
    await db.execute(sql`
      select a.org_unit_id,
        coalesce(sum(a.balance) filter (where a.owner_kind in ('volunteer','user') and a.unit = 'points'), 0)::bigint as points_balance,
        coalesce(sum(a.balance) filter (where a.owner_kind in ('volunteer','user') and a.unit = 'minutes'), 0)::bigint as minutes_balance,
        coalesce(sum(a.balance) filter (where a.owner_kind = 'pool'), 0)::bigint as pool_balance
      from ledger_accounts a where ${scope} and ${subtree} and a.owner_kind <> 'community'
      group by a.org_unit_id`),
  );
  return { flows, balances };
}

// ─── Service credits (ledger.credit.ts) ──────────────────────────────────────────────────────────

/** The earning rules set on these paths for these activity types (the rule lookup up the tree). */
export function rulesOnPaths(db: Db, paths: string[], activityTypes: string[]): Promise<RuleRow[]> {
  return db
    .select()
    .from(ledgerEarningRules)
    .where(
      and(
        inArray(ledgerEarningRules.orgPath, paths),
        inArray(ledgerEarningRules.activityType, activityTypes),
      ),
    );
}

/** A transaction's entries on these accounts (unit and amount). */
export function entriesOnAccounts(db: Db, transactionId: string, accountIds: string[]) {
  return db
    .select({ unit: ledgerEntries.unit, amount: ledgerEntries.amount })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.transactionId, transactionId), inArray(ledgerEntries.accountId, accountIds)));
}

/** Sum of an account's entries in transactions matching `where` (on `t`, e.g. points earned today). */
export async function sumFor(tx: Db, accountId: string, where: SQL): Promise<number> {
  const rows = rowsOf<{ s: string | number | null }>(
    await tx.execute(sql`select coalesce(sum(e.amount), 0) as s from ledger_entries e
      join ledger_transactions t on t.id = e.transaction_id
      where e.account_id = ${accountId} and ${where}`),
  );
  return Number(rows[0]?.s ?? 0);
}
