import { z } from 'zod';
import { FUNDING_SOURCES } from './projects';

/**
 * R-PJ-4 "no project swaps midway" (S000-24): a selected project's content change — targets, plan
 * summary, budget lines and funding (kept balanced) — requested with a reason, decided by the bureau with
 * a comment. The type, title and applying unit never change (409 `projects.no_swap`). The body is not
 * strict so that a request naming them is refused as a swap rather than as a malformed body.
 */
const budgetLine = z.strictObject({
  item: z.string().trim().min(1).max(100),
  amountFen: z.number().int().min(1).max(100_000_000_000),
  note: z.string().trim().max(200).nullish(),
});
const fundingLine = z.strictObject({
  source: z.enum(FUNDING_SOURCES),
  amountFen: z.number().int().min(1).max(100_000_000_000),
});

export const changeContent = z.object({
  targets: z.array(z.string().trim().min(1).max(200)).min(1).max(20).optional(),
  summary: z.string().trim().max(2000).nullish(),
  budgetLines: z.array(budgetLine).min(1).max(50).optional(),
  funding: z.array(fundingLine).max(20).optional(),
});
export type ChangeContent = z.infer<typeof changeContent>;

export const requestChangeBody = changeContent.extend({
  reason: z.string().trim().min(1).max(1000),
  type: z.string().optional(),
  title: z.string().optional(),
  orgUnitId: z.string().optional(),
});
export type RequestChangeBody = z.infer<typeof requestChangeBody>;

export const decideChangeBody = z.strictObject({
  decision: z.enum(['approve', 'reject']),
  comment: z.string().trim().min(1).max(1000),
});
export type DecideChangeBody = z.infer<typeof decideChangeBody>;

export const CHANGE_STATES = ['pending', 'approved', 'rejected'] as const;

export const changeSchema = z.object({
  id: z.string(),
  state: z.enum(CHANGE_STATES),
  reason: z.string(),
  before: z.record(z.string(), z.unknown()),
  proposed: z.record(z.string(), z.unknown()),
  requestedByName: z.string().nullable(),
  requestedAt: z.date(),
  decidedByName: z.string().nullable(),
  decidedAt: z.date().nullable(),
  decisionComment: z.string().nullable(),
});
export type ChangeDto = z.infer<typeof changeSchema>;

export const changesSchema = z.object({
  items: z.array(changeSchema),
  abilities: z.object({ request: z.boolean(), decide: z.boolean() }),
});
export type ChangesDto = z.infer<typeof changesSchema>;
