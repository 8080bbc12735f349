import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  createdByAndAt,
  pathIndex,
  scopedColumns,
  timestamps,
  ts,
  userColumns,
} from '../../platform/columns';

/** Tables of the merchants module (re-exported by platform/schema.ts for Drizzle and drizzle-kit). */

/**
 * A redemption point (R-VP-1): a merchant or a community love supermarket (爱心超市) where volunteers
 * redeem love points. Registered per community; `registered_on` counts it towards the year's target.
 * The contact phone is PII: encrypted and masked (R-LAW-PI-1).
 */
export const redemptionPoints = pgTable(
  'redemption_points',
  {
    id: uuid('id').primaryKey(),
    /** merchant | love_supermarket */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneMask: text('contact_phone_mask'),
    uscc: text('uscc'),
    /** active | suspended | closed */
    status: text('status').notNull().default('active'),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    /** Cash paid per love point at settlement, in integer fen; null = no cash (points only). */
    fenPerPoint: integer('fen_per_point'),
    /** The community the point registered with. */
    ...scopedColumns(),
    ...timestamps(),
  },
  (t) => [
    pathIndex('redemption_points_path_idx', t.orgPath),
    uniqueIndex('redemption_points_uscc_uq').on(t.uscc).where(sql`${t.uscc} is not null`),
  ],
);

/** A merchant login (role `merchant`) works the counter of exactly one redemption point. */
export const redemptionPointUsers = pgTable(
  'redemption_point_users',
  {
    id: uuid('id').primaryKey(),
    pointId: uuid('point_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('redemption_point_users_user_uq').on(t.userId), index('rpu_point_idx').on(t.pointId)],
);

/** A point's catalogue: price in love points (> 0), stock (≥ 0, decremented under a row lock). */
export const redemptionItems = pgTable(
  'redemption_items',
  {
    id: uuid('id').primaryKey(),
    pointId: uuid('point_id').notNull(),
    name: text('name').notNull(),
    /** grain_oil | daily | service | voucher | other */
    category: text('category').notNull().default('other'),
    pricePoints: integer('price_points').notNull(),
    stock: integer('stock').notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [index('redemption_items_point_idx').on(t.pointId)],
);

/**
 * A short-lived redemption code shown on the holder's phone: 8 random digits, valid 10 minutes, single
 * use. Only a keyed hash of the code is stored.
 */
export const redemptionCodes = pgTable(
  'redemption_codes',
  {
    id: uuid('id').primaryKey(),
    codeHash: text('code_hash').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** Optional: the point and items the holder picked on the phone. */
    pointId: uuid('point_id'),
    items: jsonb('items').$type<{ itemId: string; quantity: number }[]>(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    redemptionId: uuid('redemption_id'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('redemption_codes_hash_idx').on(t.codeHash), index('redemption_codes_user_idx').on(t.userId)],
);

/**
 * One redemption at a counter: the holder's points moved to the point's account by one ledger
 * transaction. `idempotency_key` makes a retried request return the first result;
 * `settlement_id` is set once, when the community settles with the point.
 */
export const redemptions = pgTable(
  'redemptions',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    pointId: uuid('point_id').notNull(),
    ...scopedColumns(),
    volunteerId: uuid('volunteer_id').notNull(),
    volunteerName: text('volunteer_name').notNull(),
    totalPoints: integer('total_points').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    transactionId: text('transaction_id').notNull(),
    codeId: uuid('code_id'),
    counterUserId: uuid('counter_user_id'),
    settlementId: uuid('settlement_id'),
    redeemedAt: ts('redeemed_at').notNull(),
    /**
     * Reversal (冲正): set once, with the compensating ledger transaction that returned the points to the
     * holder (the original posting is never changed). A settled redemption is not reversed.
     */
    reversedAt: ts('reversed_at'),
    ...userColumns('reversedBy', 'reversed_by'),
    reverseReason: text('reverse_reason'),
    reversalTransactionId: text('reversal_transaction_id'),
  },
  (t) => [
    uniqueIndex('redemptions_idem_uq').on(t.idempotencyKey),
    pathIndex('redemptions_path_idx', t.orgPath),
    index('redemptions_point_idx').on(t.pointId, t.redeemedAt),
    index('redemptions_volunteer_idx').on(t.volunteerId, t.redeemedAt),
    index('redemptions_unsettled_idx').on(t.pointId).where(sql`${t.settlementId} is null`),
  ],
);

/** The items of one redemption, with the price at the time. */
export const redemptionLines = pgTable(
  'redemption_lines',
  {
    id: uuid('id').primaryKey(),
    redemptionId: uuid('redemption_id').notNull(),
    itemId: uuid('item_id').notNull(),
    itemName: text('item_name').notNull(),
    unitPoints: integer('unit_points').notNull(),
    quantity: integer('quantity').notNull(),
    points: integer('points').notNull(),
  },
  (t) => [
    index('redemption_lines_redemption_idx').on(t.redemptionId),
    index('redemption_lines_item_idx').on(t.itemId),
  ],
);

/**
 * The community settles with a point: every unsettled redemption up to a date, one ledger transaction
 * (point account → community issuer account), optional cash in integer fen.
 */
export const merchantSettlements = pgTable(
  'merchant_settlements',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    pointId: uuid('point_id').notNull(),
    ...scopedColumns(),
    /** Redemptions up to and including this China date. */
    upTo: date('up_to', { mode: 'string' }).notNull(),
    redemptionCount: integer('redemption_count').notNull(),
    pointsTotal: integer('points_total').notNull(),
    fenPerPoint: integer('fen_per_point'),
    cashFen: integer('cash_fen').notNull().default(0),
    idempotencyKey: text('idempotency_key').notNull(),
    transactionId: text('transaction_id').notNull(),
    note: text('note'),
    ...createdByAndAt(),
  },
  (t) => [
    uniqueIndex('merchant_settlements_idem_uq').on(t.idempotencyKey),
    pathIndex('merchant_settlements_path_idx', t.orgPath),
    index('merchant_settlements_point_idx').on(t.pointId, t.createdAt),
  ],
);
