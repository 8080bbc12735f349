import { z } from 'zod';
import { pageQuery } from './pageQuery';
import { communityRow, timestamps, unitRef } from './dtoFields';
import { requiredText as text } from './fields';

/** Love points and the time bank on one double-entry ledger (issue 4, R-VP-1, R-VP-2, R-LAW-VL-2). */

export const LEDGER_UNITS = ['points', 'minutes', 'fen'] as const;
export type LedgerUnitName = (typeof LEDGER_UNITS)[number];
export const OWNER_KINDS = ['volunteer', 'community', 'merchant', 'pool', 'user'] as const;
/** Time-bank cap per account: 1,500 hours (R-LAW-VL-2). */
export const TIME_BANK_CAP_HOURS = 1500;

const isoDate = z.iso.date();
const idemKey = z.string().trim().min(8).max(120);
export const accountView = z.object({
  id: z.string(),
  ownerKind: z.string(),
  ownerId: z.string(),
  unit: z.enum(LEDGER_UNITS),
  credit: z.boolean(),
  cap: z.number().nullable(),
  name: z.string(),
  ...unitRef,
  balance: z.number(),
  ...timestamps,
});
export type AccountView = z.infer<typeof accountView>;

export const accountListQuery = z.object({
  ...pageQuery,
  ownerKind: z.enum(OWNER_KINDS).optional(),
  unit: z.enum(LEDGER_UNITS).optional(),
  q: z.string().trim().max(50).optional(),
  orgUnitId: z.string().uuid().optional(),
});
export type AccountListQuery = z.infer<typeof accountListQuery>;

export const statementQuery = z.object({ ...pageQuery, from: isoDate.optional(), to: isoDate.optional() });
export type StatementQuery = z.infer<typeof statementQuery>;

export const statementLine = z.object({
  seq: z.number(),
  transactionId: z.string(),
  kind: z.string(),
  memo: z.string().nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  reversesId: z.string().nullable(),
  reversedById: z.string().nullable(),
  /** Can be reversed here (not a reversal, not a merchant redemption/settlement). */
  reversible: z.boolean(),
  occurredAt: z.date(),
  createdAt: z.date(),
  actorName: z.string().nullable(),
  amount: z.number(),
  balanceAfter: z.number(),
  /** The other accounts of the transaction (names). */
  counterparts: z.array(z.string()),
});
export type StatementLine = z.infer<typeof statementLine>;

export const statementView = z.object({
  account: accountView,
  items: z.array(statementLine),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** Balance before the first line of the period (0 without a period). */
  openingBalance: z.number(),
  abilities: z.object({ reverse: z.boolean(), withdraw: z.boolean(), donate: z.boolean() }),
});
export type StatementView = z.infer<typeof statementView>;

export const reverseBody = z.strictObject({ reason: text(200), idempotencyKey: idemKey });
export type ReverseBody = z.infer<typeof reverseBody>;

export const earningRuleView = z.object({
  id: z.string(),
  ...unitRef,
  activityType: z.string(),
  pointsPerHour: z.number(),
  dailyCap: z.number(),
  updatedAt: z.date(),
});
export type EarningRuleView = z.infer<typeof earningRuleView>;

export const earningRulesView = z.object({
  items: z.array(earningRuleView),
  defaultRule: z.object({ pointsPerHour: z.number(), dailyCap: z.number() }),
  canEdit: z.boolean(),
});
export type EarningRulesView = z.infer<typeof earningRulesView>;

/**
 * The earning rule's activity type that sets what a volunteer team earns per confirmed member-hour of its
 * team activities (R-VP-1; teams never use the unit's '*' rule).
 */
export const TEAM_RULE_TYPE = 'team_activity';

export const earningRuleBody = z.strictObject({
  orgUnitId: z.string().uuid(),
  /** An activity type code, or '*' for the unit's default rule. */
  activityType: z
    .string()
    .trim()
    .regex(/^(\*|[a-z][a-z0-9_]{1,39})$/),
  pointsPerHour: z.number().int().min(0).max(1000),
  dailyCap: z.number().int().min(0).max(10000),
});
export type EarningRuleBody = z.infer<typeof earningRuleBody>;

export const designeeView = z.object({
  id: z.string(),
  name: z.string(),
  relation: z.string(),
  residentId: z.string().nullable(),
  /** household: same household in the registry; declared: stated by the holder or staff. */
  link: z.enum(['household', 'declared']),
  /** The family member has a login and may spend the minutes on the phone (with consent). */
  hasLogin: z.boolean(),
  /** The holder's recorded consent to spending: by the holder (own phone) or heard by staff. */
  consent: z
    .object({ by: z.enum(['holder', 'staff']), at: z.date(), note: z.string().nullable() })
    .nullable(),
  createdAt: z.date(),
});
export type DesigneeView = z.infer<typeof designeeView>;

export const designeeBody = z.strictObject({
  name: text(50),
  relation: text(20),
  residentId: z.string().uuid().nullish(),
  /**
   * Staff adding a family member record the holder's consent by stating how it was given (e.g. 本人当面同意，
   * 社工见证); without it the family member cannot spend until consent is recorded. The holder adding one on
   * their own phone consents by doing so.
   */
  consentNote: z.string().trim().min(2).max(200).nullish(),
});
export type DesigneeBody = z.infer<typeof designeeBody>;

/** Recording the holder's consent later (staff: how it was given; the holder: on their own phone). */
export const consentBody = z.strictObject({ note: z.string().trim().min(2).max(200).nullish() });

/** A relative whose time bank this user may spend (they named the user as family, with consent). */
export const myRelativeView = z.object({
  designeeId: z.string(),
  holderName: z.string(),
  relation: z.string(),
  minutes: z.number(),
  consentAt: z.date(),
});
export type MyRelativeView = z.infer<typeof myRelativeView>;

/** A time-bank withdrawal: minutes spent on a service delivered to the holder or a designee (never cash). */
export const withdrawBody = z.strictObject({
  minutes: z.number().int().min(1).max(1440),
  /** 'holder' or a designee id. */
  beneficiary: z.string().min(1).max(40),
  memo: text(200),
  idempotencyKey: idemKey,
});
export type WithdrawBody = z.infer<typeof withdrawBody>;

export const donateBody = z.strictObject({
  minutes: z.number().int().min(1).max(90000),
  idempotencyKey: idemKey,
});
export type DonateBody = z.infer<typeof donateBody>;

export const poolWithdrawBody = z.strictObject({
  communityId: z.string().uuid(),
  minutes: z.number().int().min(1).max(1440),
  beneficiaryName: text(50),
  memo: text(200),
  idempotencyKey: idemKey,
});
export type PoolWithdrawBody = z.infer<typeof poolWithdrawBody>;

export const postingResult = z.object({ transactionId: z.string(), duplicate: z.boolean() });

export const discrepancy = z.object({
  check: z.enum([
    'unbalanced_transaction',
    'empty_transaction',
    'balance_mismatch',
    'running_balance_mismatch',
    'negative_balance',
    'over_cap',
    'duplicate_key',
    'unit_mismatch',
    'orphan_entry',
    'double_reversal',
  ]),
  id: z.string(),
  detail: z.string(),
});
export type Discrepancy = z.infer<typeof discrepancy>;

export const verifyView = z.object({
  ok: z.boolean(),
  transactions: z.number(),
  entries: z.number(),
  accounts: z.number(),
  discrepancies: z.array(discrepancy),
  /** Discrepancies found outside the caller's scope: counted (so `ok` is honest), not listed. */
  outsideScope: z.number().int().nonnegative(),
  checkedAt: z.date(),
});
export type VerifyView = z.infer<typeof verifyView>;

export const reportQuery = z.object({
  from: isoDate,
  to: isoDate,
  orgUnitId: z.string().uuid().optional(),
});
export type ReportQuery = z.infer<typeof reportQuery>;

export const reportRow = z.object({
  ...communityRow,
  pointsIssued: z.number(),
  pointsRedeemed: z.number(),
  pointsBalance: z.number(),
  minutesDeposited: z.number(),
  minutesWithdrawn: z.number(),
  minutesDonated: z.number(),
  minutesBalance: z.number(),
  poolBalance: z.number(),
  volunteers: z.number(),
});
export type ReportRow = z.infer<typeof reportRow>;

export const reportView = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(reportRow),
  total: reportRow,
});
export type ReportView = z.infer<typeof reportView>;

export const myLedgerView = z.object({
  volunteer: z.object({ id: z.string(), name: z.string(), communityName: z.string().nullable() }).nullable(),
  points: accountView.nullable(),
  minutes: accountView.nullable(),
  designees: z.array(designeeView),
  capMinutes: z.number(),
});
export type MyLedgerView = z.infer<typeof myLedgerView>;
