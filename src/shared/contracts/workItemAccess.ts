import { z } from 'zod';
import { pageQuery } from './pageQuery';
import { stateEventFields } from './stateEvents';
import { unitRef } from './dtoFields';
import { requiredText as text } from './fields';

/**
 * Contracts of the work-item access module (社区工作事项准入, R-AC-1, seed 001): a department's
 * application with the approval form, consultation opinions, the leading group's decision due within 15
 * working days, the published list of admitted items (and the purchase-of-services list), communities
 * marking a department's request as not admitted, and the annual clean-up review.
 */

const date = z.iso.date();

export const BASIS_KINDS = ['none', 'law', 'superior'] as const;
export type BasisKind = (typeof BASIS_KINDS)[number];
export const WIA_STATES = ['submitted', 'consulting', 'approved', 'refused', 'purchase', 'exempt'] as const;
export type WiaState = (typeof WIA_STATES)[number];
export const WIA_ACTIONS = ['consult', 'opinion', 'approve', 'refuse', 'route_purchase'] as const;
export type WiaAction = (typeof WIA_ACTIONS)[number];
export const STANCES = ['agree', 'disagree', 'conditional'] as const;

const staff = z.strictObject({ name: text(40), post: text(80) });

export const applyBody = z.strictObject({
  /** The city or district whose organisation and civil-affairs departments receive it. */
  orgUnitId: z.uuid(),
  department: text(60),
  contactName: z.string().trim().max(40).nullish(),
  item: text(120),
  content: text(4000),
  /** law: a law, regulation or rule requires it; superior: a superior party committee or government does. */
  basisKind: z.enum(BASIS_KINDS),
  basis: z.string().trim().max(1000).nullish(),
  trainingStaff: z.array(staff).max(20).default([]),
  trainingPlan: z.string().trim().max(2000).nullish(),
  /** Funds that follow the item (费随事转), in fen. */
  fundsFen: z.number().int().min(0).max(100_000_000_000).default(0),
  fundsNote: z.string().trim().max(1000).nullish(),
});
export type ApplyBody = z.infer<typeof applyBody>;

export const wiaActionBody = z.strictObject({
  action: z.enum(WIA_ACTIONS),
  comment: z.string().trim().max(2000).nullish(),
  /** opinion: the department consulted and its stance. */
  department: z.string().trim().max(60).nullish(),
  stance: z.enum(STANCES).nullish(),
  /** approve/refuse: the leading group's meeting or document it was decided at. */
  meetingRef: z.string().trim().max(120).nullish(),
});
export type WiaActionBody = z.infer<typeof wiaActionBody>;

export const applicationQuery = z.object({
  state: z.enum(WIA_STATES).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});
export type ApplicationQuery = z.infer<typeof applicationQuery>;

export const wiaApplicationSchema = z.object({
  id: z.string(),
  number: z.string(),
  ...unitRef,
  department: z.string(),
  contactName: z.string().nullable(),
  item: z.string(),
  content: z.string(),
  basisKind: z.enum(BASIS_KINDS),
  basis: z.string().nullable(),
  trainingStaff: z.array(z.object({ name: z.string(), post: z.string() })),
  trainingPlan: z.string().nullable(),
  fundsFen: z.number(),
  fundsNote: z.string().nullable(),
  state: z.enum(WIA_STATES),
  submittedAt: z.date(),
  dueAt: z.date().nullable(),
  dueEstimated: z.boolean(),
  overdue: z.boolean(),
  /** Working days left until the decision is due (negative when late); null once decided. */
  workingDaysLeft: z.number().nullable(),
  decidedAt: z.date().nullable(),
  decisionNote: z.string().nullable(),
  meetingRef: z.string().nullable(),
  actions: z.array(z.enum(WIA_ACTIONS)),
});
export type WiaApplicationDto = z.infer<typeof wiaApplicationSchema>;

export const wiaDetailSchema = wiaApplicationSchema.extend({
  opinions: z.array(
    z.object({
      id: z.string(),
      department: z.string(),
      stance: z.enum(STANCES),
      text: z.string(),
      at: z.date(),
      actorName: z.string().nullable(),
    }),
  ),
  events: z.array(z.object({ id: z.string(), ...stateEventFields })),
});
export type WiaDetailDto = z.infer<typeof wiaDetailSchema>;

export const itemQuery = z.object({
  list: z.enum(['admitted', 'purchase']).default('admitted'),
  status: z.enum(['active', 'removed']).optional(),
  q: z.string().trim().min(1).max(60).optional(),
  ...pageQuery,
});
export type ItemQuery = z.infer<typeof itemQuery>;

export const wiaItemSchema = z.object({
  id: z.string(),
  ...unitRef,
  applicationId: z.string().nullable(),
  list: z.enum(['admitted', 'purchase']),
  kind: z.enum(['approved', 'exempt', 'purchase']),
  department: z.string(),
  item: z.string(),
  content: z.string(),
  basis: z.string().nullable(),
  fundsFen: z.number(),
  trainingStaff: z.array(z.object({ name: z.string(), post: z.string() })),
  publishedOn: z.string(),
  status: z.enum(['active', 'removed']),
  reviewedOn: z.string().nullable(),
  reviewNote: z.string().nullable(),
  abilities: z.object({ review: z.boolean() }),
});
export type WiaItemDto = z.infer<typeof wiaItemSchema>;

/** The annual clean-up (清理): keep or remove an item, with the reason. */
export const reviewItemBody = z.strictObject({
  decision: z.enum(['keep', 'remove']),
  note: text(1000),
});
export type ReviewItemBody = z.infer<typeof reviewItemBody>;

export const refusalBody = z.strictObject({
  communityId: z.uuid(),
  department: text(60),
  matter: text(500),
  requestedOn: date,
  note: z.string().trim().max(1000).nullish(),
});
export type RefusalBody = z.infer<typeof refusalBody>;

export const refusalQuery = z.object({ ...pageQuery });
export type RefusalQuery = z.infer<typeof refusalQuery>;

export const refusalSchema = z.object({
  id: z.string(),
  ...unitRef,
  department: z.string(),
  matter: z.string(),
  requestedOn: z.string(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  createdAt: z.date(),
});
export type RefusalDto = z.infer<typeof refusalSchema>;
