import { z } from 'zod';
import { queryBool } from './common';
import { pageQuery } from './pageQuery';
import { subdistrictRow, timestamps, unitRef } from './dtoFields';
import { blankOrMobilePhone, clearableText as text, usccField as uscc } from './fields';

/**
 * Redemption points (R-VP-1): merchants and community love supermarkets where volunteers redeem love
 * points, their catalogues, counter redemptions with short-lived codes, and settlements.
 */

export const POINT_KINDS = ['merchant', 'love_supermarket'] as const;
export type PointKind = (typeof POINT_KINDS)[number];

export const POINT_STATUSES = ['active', 'suspended', 'closed'] as const;
export type PointStatus = (typeof POINT_STATUSES)[number];

export const ITEM_CATEGORIES = ['grain_oil', 'daily', 'service', 'voucher', 'other'] as const;
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];

/** R-VP-1: at least this many new redemption points a year (per subdistrict). */
export const NEW_POINTS_TARGET = 10;
/** A redemption code is valid this long. */
export const CODE_TTL_MINUTES = 10;

const id = z.string().uuid();
const phone = blankOrMobilePhone.nullish().transform((v) => (v === '' ? null : v));
const isoDate = z.iso.date();

// ---- redemption points ----

export const pointSchema = z.object({
  id: z.string(),
  kind: z.enum(POINT_KINDS),
  name: z.string(),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Masked (138****1234). */
  contactPhone: z.string().nullable(),
  uscc: z.string().nullable(),
  status: z.enum(POINT_STATUSES),
  registeredOn: z.string(),
  fenPerPoint: z.number().nullable(),
  ...unitRef,
  itemCount: z.number(),
  unsettledPoints: z.number(),
  ...timestamps,
  abilities: z.object({ edit: z.boolean(), counter: z.boolean(), settle: z.boolean() }),
});
export type PointDto = z.infer<typeof pointSchema>;

export const itemSchema = z.object({
  id: z.string(),
  pointId: z.string(),
  name: z.string(),
  category: z.enum(ITEM_CATEGORIES),
  pricePoints: z.number(),
  stock: z.number(),
  active: z.boolean(),
  ...timestamps,
});
export type ItemDto = z.infer<typeof itemSchema>;

export const operatorSchema = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  linkedAt: z.date(),
});
export type OperatorDto = z.infer<typeof operatorSchema>;

export const pointDetailSchema = pointSchema.extend({
  items: z.array(itemSchema),
  operators: z.array(operatorSchema),
  /** The server's China date: the settle dialog's default and latest "up to" day. */
  today: z.string(),
});
export type PointDetailDto = z.infer<typeof pointDetailSchema>;

export const pointListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  orgUnitId: id.optional(),
  kind: z.enum(POINT_KINDS).optional(),
  status: z.enum(POINT_STATUSES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pageQuery,
});
export type PointListQuery = z.infer<typeof pointListQuery>;

/** The contact fields of a point, as created and updated. */
const pointContactFields = {
  address: text(200),
  contactName: text(50),
  contactPhone: phone,
  uscc,
};

export const createPointBody = z.strictObject({
  kind: z.enum(POINT_KINDS),
  name: z.string().trim().min(1).max(100),
  ...pointContactFields,
  /** Defaults to today (China date). */
  registeredOn: isoDate.optional(),
  fenPerPoint: z.number().int().min(0).max(10000).nullish(),
  /** A community. */
  orgUnitId: id,
});
export type CreatePointBody = z.infer<typeof createPointBody>;

export const updatePointBody = z.strictObject({
  kind: z.enum(POINT_KINDS).optional(),
  name: z.string().trim().min(1).max(100).optional(),
  ...pointContactFields,
  status: z.enum(POINT_STATUSES).optional(),
  registeredOn: isoDate.optional(),
  fenPerPoint: z.number().int().min(0).max(10000).nullish(),
});
export type UpdatePointBody = z.infer<typeof updatePointBody>;

export const createItemBody = z.strictObject({
  name: z.string().trim().min(1).max(60),
  category: z.enum(ITEM_CATEGORIES).default('other'),
  pricePoints: z.number().int().min(1).max(1_000_000),
  stock: z.number().int().min(0).max(1_000_000),
  active: z.boolean().default(true),
});
export type CreateItemBody = z.infer<typeof createItemBody>;

export const updateItemBody = z.strictObject({
  name: z.string().trim().min(1).max(60).optional(),
  category: z.enum(ITEM_CATEGORIES).optional(),
  pricePoints: z.number().int().min(1).max(1_000_000).optional(),
  stock: z.number().int().min(0).max(1_000_000).optional(),
  active: z.boolean().optional(),
});
export type UpdateItemBody = z.infer<typeof updateItemBody>;

export const linkOperatorBody = z.strictObject({ username: z.string().trim().min(1).max(60) });

// ---- redemption codes (the holder's phone) ----

const lineInput = z.strictObject({ itemId: id, quantity: z.number().int().min(1).max(99) });
const lineList = z
  .array(lineInput)
  .max(20)
  .superRefine((lines, ctx) => {
    if (new Set(lines.map((l) => l.itemId)).size !== lines.length)
      ctx.addIssue({ code: 'custom', message: 'merchants.duplicate_item' });
  });

export const issueCodeBody = z.strictObject({
  pointId: id.nullish(),
  items: lineList.optional(),
});
export type IssueCodeBody = z.infer<typeof issueCodeBody>;

export const codeSchema = z.object({
  code: z.string(),
  expiresAt: z.date(),
  volunteerName: z.string(),
  balance: z.number().nullable(),
});
export type CodeDto = z.infer<typeof codeSchema>;

/** A point as the phone page lists it, with its active, in-stock items. */
export const publicPointSchema = pointSchema
  .pick({ id: true, kind: true, name: true, address: true })
  .extend({
    orgUnitName: z.string().nullable(),
    ownCommunity: z.boolean(),
    items: z.array(itemSchema.pick({ id: true, name: true, category: true, pricePoints: true, stock: true })),
  });
export type PublicPointDto = z.infer<typeof publicPointSchema>;

export const myRedeemSchema = z.object({
  volunteerName: z.string().nullable(),
  balance: z.number().nullable(),
  points: z.array(publicPointSchema),
  recent: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      pointName: z.string(),
      totalPoints: z.number(),
      redeemedAt: z.date(),
      lines: z.array(z.object({ itemName: z.string(), quantity: z.number(), points: z.number() })),
      /** 冲正: the reason, when staff reversed it (the points came back). */
      reversedReason: z.string().nullable(),
    }),
  ),
});
export type MyRedeemDto = z.infer<typeof myRedeemSchema>;

// ---- the counter ----

export const lookupCodeBody = z.strictObject({
  pointId: id,
  code: z
    .string()
    .trim()
    .regex(/^\d{6,8}$/, 'merchants.code_format'),
});

export const codeLookupSchema = z.object({
  volunteerName: z.string(),
  expiresAt: z.date(),
  balance: z.number().nullable(),
  /** Items picked on the phone, if any, for this point. */
  items: z.array(z.object({ itemId: z.string(), quantity: z.number() })),
});
export type CodeLookupDto = z.infer<typeof codeLookupSchema>;

export const redeemBody = z
  .strictObject({
    pointId: id,
    /** The code on the holder's phone… */
    code: z
      .string()
      .trim()
      .regex(/^\d{6,8}$/, 'merchants.code_format')
      .optional(),
    /** …or, for community staff, the volunteer entered directly. */
    volunteerId: id.optional(),
    items: lineList.refine((l) => l.length > 0, 'merchants.no_items'),
    /** Also accepted as the Idempotency-Key header. */
    idempotencyKey: z.string().trim().min(8).max(100).optional(),
  })
  .superRefine((b, ctx) => {
    if (!b.code === !b.volunteerId)
      ctx.addIssue({ code: 'custom', path: ['code'], message: 'merchants.code_or_volunteer' });
  });
export type RedeemBody = z.infer<typeof redeemBody>;

export const redemptionLineSchema = z.object({
  itemId: z.string(),
  itemName: z.string(),
  unitPoints: z.number(),
  quantity: z.number(),
  points: z.number(),
});

/** A numbered record at a point (a redemption, a settlement): its number and the point with its unit. */
const pointRecordHead = {
  id: z.string(),
  number: z.string(),
  pointId: z.string(),
  pointName: z.string().nullable(),
  orgUnitName: z.string().nullable(),
};

export const redemptionSchema = z.object({
  ...pointRecordHead,
  volunteerId: z.string(),
  volunteerName: z.string(),
  totalPoints: z.number(),
  transactionId: z.string(),
  settlementId: z.string().nullable(),
  redeemedAt: z.date(),
  lines: z.array(redemptionLineSchema),
  /** 冲正: the points went back to the holder by a compensating ledger posting. */
  reversal: z
    .object({ at: z.date(), byName: z.string().nullable(), reason: z.string(), transactionId: z.string() })
    .nullable(),
  abilities: z.object({ reverse: z.boolean() }),
});
export type RedemptionDto = z.infer<typeof redemptionSchema>;

export const redeemResultSchema = redemptionSchema.extend({
  /** True when the idempotency key was seen before: the first result, nothing changed. */
  replayed: z.boolean(),
  /** The holder's balance after the redemption, when the ledger exposes it. */
  balanceAfter: z.number().nullable(),
});
export type RedeemResultDto = z.infer<typeof redeemResultSchema>;

/** Reverse (冲正) a redemption: a reason is required; it is shown with the redemption and audited. */
export const reverseRedemptionBody = z.strictObject({ reason: z.string().trim().min(2).max(200) });
export type ReverseRedemptionBody = z.infer<typeof reverseRedemptionBody>;

export const redemptionListQuery = z.object({
  pointId: id.optional(),
  orgUnitId: id.optional(),
  settled: queryBool,
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});
export type RedemptionListQuery = z.infer<typeof redemptionListQuery>;

/** The points this user may work the counter of. */
export const counterPointSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(POINT_KINDS),
  orgUnitName: z.string().nullable(),
  items: z.array(itemSchema),
  /** Community staff may enter a volunteer without a code. */
  mayEnterVolunteer: z.boolean(),
});
export type CounterPointDto = z.infer<typeof counterPointSchema>;

// ---- settlements ----

export const settleBody = z.strictObject({
  /** Every unsettled redemption up to and including this China date. */
  upTo: isoDate,
  note: text(200),
  /** Also accepted as the Idempotency-Key header. */
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});
export type SettleBody = z.infer<typeof settleBody>;

export const settlementSchema = z.object({
  ...pointRecordHead,
  upTo: z.string(),
  redemptionCount: z.number(),
  pointsTotal: z.number(),
  fenPerPoint: z.number().nullable(),
  cashFen: z.number(),
  transactionId: z.string(),
  note: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
});
export type SettlementDto = z.infer<typeof settlementSchema>;

export const settleResultSchema = settlementSchema.extend({ replayed: z.boolean() });

export const settlementListQuery = z.object({
  pointId: id.optional(),
  orgUnitId: id.optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  ...pageQuery,
});
export type SettlementListQuery = z.infer<typeof settlementListQuery>;

// ---- report ----

export const reportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  orgUnitId: id.optional(),
});

export const reportSchema = z.object({
  year: z.number(),
  target: z.number(),
  /** R-VP-1: new redemption points registered per subdistrict in the year, against the target. */
  newPoints: z.array(
    z.object({
      ...subdistrictRow,
      count: z.number(),
      target: z.number(),
      met: z.boolean(),
      /** False when the user sees only part of the subdistrict (a community): the count is not the subdistrict's. */
      wholeSubdistrict: z.boolean(),
      byYear: z.array(z.object({ year: z.number(), count: z.number() })),
    }),
  ),
  /** Points redeemed per point and month (China time) in the year. */
  byPointMonth: z.array(
    z.object({
      pointId: z.string(),
      pointName: z.string(),
      month: z.string(),
      points: z.number(),
      redemptions: z.number(),
    }),
  ),
  topItems: z.array(z.object({ itemName: z.string(), quantity: z.number(), points: z.number() })),
  totals: z.object({
    points: z.number(),
    redemptions: z.number(),
    activePoints: z.number(),
    settledPoints: z.number(),
  }),
});
export type ReportDto = z.infer<typeof reportSchema>;
