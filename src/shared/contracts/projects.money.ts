import { z } from 'zod';
import { FUNDING_SOURCES } from './projects';
import { requiredText as text } from './fields';

/**
 * Contracts of a selected project's money (R-PJ-5, issue 11 §6): disbursements (tranches received, by
 * source), spends against budget lines with a receipt reference, the overrun approval, and fund-use
 * statements published to residents. Integer fen everywhere.
 */

const fen = z.number().int().min(1).max(100_000_000_000);

export const disbursementBody = z.strictObject({
  source: z.enum(FUNDING_SOURCES),
  receivedOn: z.iso.date(),
  amountFen: fen,
  note: z.string().trim().max(200).nullish(),
});
export type DisbursementBody = z.infer<typeof disbursementBody>;

export const spendBody = z.strictObject({
  line: text(60),
  spentOn: z.iso.date(),
  amountFen: fen,
  receiptRef: text(60),
  note: z.string().trim().max(200).nullish(),
  /** Needed only when this spend takes total spent past total disbursed. */
  /** An overrun approval (the subdistrict's, who enters it; `approvedBy` is kept for old clients, ignored). */
  overrun: z.strictObject({ approvedBy: text(40).optional(), reason: text(200) }).nullish(),
});
export type SpendBody = z.infer<typeof spendBody>;

export const fundLineSchema = z.object({
  item: z.string(),
  budgetFen: z.number(),
  spentFen: z.number(),
});

export const fundSnapshotSchema = z.object({
  lines: z.array(fundLineSchema),
  budgetFen: z.number(),
  disbursedFen: z.number(),
  spentFen: z.number(),
});
export type FundSnapshot = z.infer<typeof fundSnapshotSchema>;

export const moneySchema = z.object({
  applicationId: z.string(),
  title: z.string(),
  lines: z.array(fundLineSchema),
  sources: z.array(
    z.object({ source: z.enum(FUNDING_SOURCES), plannedFen: z.number(), disbursedFen: z.number() }),
  ),
  budgetFen: z.number(),
  disbursedFen: z.number(),
  spentFen: z.number(),
  disbursements: z.array(
    z.object({
      id: z.string(),
      source: z.enum(FUNDING_SOURCES),
      receivedOn: z.string(),
      amountFen: z.number(),
      note: z.string().nullable(),
      createdByName: z.string().nullable(),
    }),
  ),
  spends: z.array(
    z.object({
      id: z.string(),
      line: z.string(),
      spentOn: z.string(),
      amountFen: z.number(),
      receiptRef: z.string(),
      note: z.string().nullable(),
      overrunApprovedBy: z.string().nullable(),
      overrunReason: z.string().nullable(),
      hasReceipt: z.boolean(),
      createdByName: z.string().nullable(),
    }),
  ),
  disclosures: z.array(z.object({ id: z.string(), postedAt: z.date(), snapshot: fundSnapshotSchema })),
  canRecord: z.boolean(),
  canDisclose: z.boolean(),
});
export type MoneyDto = z.infer<typeof moneySchema>;

/** A resident's view of a selected project in their community: only what was disclosed. */
export const myProjectSchema = z.object({
  id: z.string(),
  title: z.string(),
  typeName: z.string(),
  orgUnitName: z.string().nullable(),
  disclosedAt: z.date().nullable(),
  funds: fundSnapshotSchema.nullable(),
});
export const myProjectsSchema = z.object({ items: z.array(myProjectSchema) });
export type MyProjectDto = z.infer<typeof myProjectSchema>;
