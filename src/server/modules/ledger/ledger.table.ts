import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { actorColumns, pathIndex, scopedColumns, timestamps, ts } from '../../platform/columns';

/**
 * A ledger account (R-VP-1, R-VP-2): one per owner × unit. `credit` accounts are issuers (a community
 * issuing love points / accepting spent time) and may go negative; holders (volunteers, merchants, the
 * community time pool) may not. `balance` is a cache of the summed entries, kept in the posting
 * transaction under a row lock and checked by `linli ledger verify`.
 */
export const ledgerAccounts = pgTable(
  'ledger_accounts',
  {
    id: uuid('id').primaryKey(),
    /** volunteer | community | merchant | pool | … */
    ownerKind: text('owner_kind').notNull(),
    ownerId: text('owner_id').notNull(),
    /** points | minutes */
    unit: text('unit').notNull(),
    /** May the balance go below zero (issuer accounts)? */
    credit: boolean('credit').notNull().default(false),
    /** Upper bound of the balance (time bank: 90,000 minutes = 1,500 hours), null = none. */
    cap: integer('cap'),
    name: text('name').notNull(),
    ...scopedColumns(),
    balance: integer('balance').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('ledger_accounts_owner_uq').on(t.ownerKind, t.ownerId, t.unit),
    pathIndex('ledger_accounts_path_idx', t.orgPath),
  ],
);

/**
 * One balanced posting (entries sum to zero per unit). Append-only: never updated or deleted; a mistake
 * is undone by a compensating transaction that names the original in `reverses_id` (at most one).
 */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    id: uuid('id').primaryKey(),
    idempotencyKey: text('idempotency_key').notNull(),
    /** service_credit | service_correction | redeem | transfer | withdraw | donate | pool_withdraw | reversal | adjust | … */
    kind: text('kind').notNull(),
    memo: text('memo'),
    sourceType: text('source_type'),
    sourceId: text('source_id'),
    /** Activity type of a service credit (daily caps are per volunteer × activity type × China day). */
    activityType: text('activity_type'),
    reversesId: uuid('reverses_id'),
    /** When the underlying fact happened (service day), for daily caps and reports. */
    occurredAt: ts('occurred_at').notNull(),
    orgPath: text('org_path').notNull(),
    ...actorColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('ledger_transactions_key_uq').on(t.idempotencyKey),
    uniqueIndex('ledger_transactions_reverses_uq').on(t.reversesId).where(sql`${t.reversesId} is not null`),
    index('ledger_transactions_source_idx').on(t.sourceType, t.sourceId),
    index('ledger_transactions_occurred_idx').on(t.occurredAt),
  ],
);

/** Entries of a transaction: integer amounts in the account's unit; `balance_after` gives statements a running balance. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    transactionId: uuid('transaction_id').notNull(),
    accountId: uuid('account_id').notNull(),
    unit: text('unit').notNull(),
    amount: integer('amount').notNull(),
    balanceAfter: integer('balance_after').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('ledger_entries_account_idx').on(t.accountId, t.seq),
    index('ledger_entries_tx_idx').on(t.transactionId),
  ],
);

/**
 * Love-point earning rule of an activity type at a community or subdistrict (the nearest unit up the
 * tree wins; activity type '*' is the unit's default; a built-in default applies when none is set).
 */
export const ledgerEarningRules = pgTable(
  'ledger_earning_rules',
  {
    id: uuid('id').primaryKey(),
    ...scopedColumns(),
    activityType: text('activity_type').notNull(),
    pointsPerHour: integer('points_per_hour').notNull(),
    /** Most points one volunteer may earn per China day under this activity type. */
    dailyCap: integer('daily_cap').notNull(),
    updatedAt: ts('updated_at').notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('ledger_earning_rules_uq').on(t.orgUnitId, t.activityType)],
);

/** Family members a time-bank holder allows to draw on their minutes (R-VP-2). */
export const ledgerDesignees = pgTable(
  'ledger_designees',
  {
    id: uuid('id').primaryKey(),
    accountId: uuid('account_id').notNull(),
    name: text('name').notNull(),
    relation: text('relation').notNull(),
    /** The resident record of the designee, when registered. */
    residentId: uuid('resident_id'),
    /** The family member's login (from the resident record), who may spend the minutes on the phone. */
    userId: uuid('user_id'),
    /** household (same household in the registry) | declared (stated by the holder or staff) */
    link: text('link').notNull().default('declared'),
    /** Recorded consent of the holder to spending: holder (on their own phone) | staff (who heard it). */
    consentBy: text('consent_by'),
    consentAt: ts('consent_at'),
    consentNote: text('consent_note'),
    consentRecordedBy: uuid('consent_recorded_by'),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [index('ledger_designees_account_idx').on(t.accountId)],
);
