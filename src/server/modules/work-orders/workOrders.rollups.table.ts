import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { scopedColumns } from '../../platform/columns';

/**
 * The counters of the work-order rollups (R-LAW-WO-6 three rates, R-WO-5 resolution levels, R-WO-6
 * volumes). Column names are the snake_case names listed here; `workOrders.rollups.ts` defines what
 * each one counts and keeps them up to date in the same transaction as the order.
 */
export const ROLLUP_COUNTERS = [
  'received',
  'withdrawn',
  'assigned',
  'accepted_on_time',
  'accepted_late',
  'replied',
  'replied_on_time',
  'closed',
  'resolved',
  'followups_valid',
  'satisfied',
  'basically_satisfied',
  'dissatisfied',
  'redone',
  'resolved_at_grid',
  'resolved_at_community',
  'resolved_at_subdistrict',
  'resolved_above',
  'overdue',
] as const;
export type RollupCounter = (typeof ROLLUP_COUNTERS)[number];

/**
 * Each key (unit, day, category) is spread over up to this many rows: an order's changes count in the
 * stripe `stripeOf(order id)`, so concurrent intakes in one busy unit update different rows instead of
 * queueing for one row lock until commit. A key's counters are the sum of its stripes (readers sum rows
 * anyway); a full recompute puts them back in stripe 0.
 */
export const ROLLUP_STRIPES = 16;

const counterColumns = () => ({
  received: integer('received').notNull().default(0),
  withdrawn: integer('withdrawn').notNull().default(0),
  assigned: integer('assigned').notNull().default(0),
  acceptedOnTime: integer('accepted_on_time').notNull().default(0),
  acceptedLate: integer('accepted_late').notNull().default(0),
  replied: integer('replied').notNull().default(0),
  repliedOnTime: integer('replied_on_time').notNull().default(0),
  closed: integer('closed').notNull().default(0),
  resolved: integer('resolved').notNull().default(0),
  followupsValid: integer('followups_valid').notNull().default(0),
  satisfied: integer('satisfied').notNull().default(0),
  basicallySatisfied: integer('basically_satisfied').notNull().default(0),
  dissatisfied: integer('dissatisfied').notNull().default(0),
  redone: integer('redone').notNull().default(0),
  resolvedAtGrid: integer('resolved_at_grid').notNull().default(0),
  resolvedAtCommunity: integer('resolved_at_community').notNull().default(0),
  resolvedAtSubdistrict: integer('resolved_at_subdistrict').notNull().default(0),
  resolvedAbove: integer('resolved_above').notNull().default(0),
  overdue: integer('overdue').notNull().default(0),
});

/**
 * Daily work-order counters per unit and category (China date). Maintained incrementally by
 * `recordRollup` in the order's own transaction; rebuilt by `recomputeRollups`. `org_path` is the
 * unit's path, for scope (DESIGN convention 5).
 */
export const woRollups = pgTable(
  'wo_rollups',
  {
    ...scopedColumns(),
    day: date('day', { mode: 'string' }).notNull(),
    categoryCode: text('category_code').notNull(),
    /** 0 … ROLLUP_STRIPES - 1, see ROLLUP_STRIPES. */
    stripe: smallint('stripe').notNull().default(0),
    ...counterColumns(),
  },
  (t) => [
    primaryKey({ name: 'wo_rollups_pk', columns: [t.orgUnitId, t.day, t.categoryCode, t.stripe] }),
    index('wo_rollups_path_day_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, t.day),
  ],
);

/**
 * The same counters per unit and month, all categories together: a year's dashboard reads at most
 * units × 12 × ROLLUP_STRIPES rows, however many orders there are.
 */
export const woRollupsMonthly = pgTable(
  'wo_rollups_monthly',
  {
    ...scopedColumns(),
    /** The first day of the month (China dates). */
    month: date('month', { mode: 'string' }).notNull(),
    stripe: smallint('stripe').notNull().default(0),
    ...counterColumns(),
  },
  (t) => [
    primaryKey({ name: 'wo_rollups_monthly_pk', columns: [t.orgUnitId, t.month, t.stripe] }),
    index('wo_rollups_monthly_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`, t.month),
  ],
);
