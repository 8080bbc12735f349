import { z } from 'zod';
import { SPECIAL_GROUP_TAGS } from '../orgKinds';
import { pageQuery } from './pageQuery';
import { nullishText as optText, requiredText as text } from './fields';

/**
 * Special-group care (issue 16 §4, R-SV-3, seed 002 三(四)14–16): visit plans per special-group tag with a
 * configurable frequency, assigned to a grid worker or a volunteer; visits logged on the phone with time
 * and place; missed visits flagged by a job; temporary relief (临时救助) at the place of emergency whatever
 * the household registration, with application, approval and a money + goods + service mix in fen.
 * Everything here is sensitive personal data: encrypted at rest, masked in lists, full reads audited.
 */

export const CARE_TAGS = SPECIAL_GROUP_TAGS;
export const ASSIGNEE_KINDS = ['grid_worker', 'volunteer'] as const;
export const VISIT_OUTCOMES = ['well', 'needs_help', 'not_home'] as const;
export const RELIEF_ITEM_KINDS = ['money', 'goods', 'service'] as const;
export const RELIEF_STATES = ['applied', 'approved', 'rejected', 'granted'] as const;
export type ReliefState = (typeof RELIEF_STATES)[number];

/** Default visit frequency per tag (days): the product's starting values, changeable per plan. */
export const DEFAULT_FREQUENCY_DAYS: Record<(typeof CARE_TAGS)[number], number> = {
  living_alone: 7,
  empty_nest: 14,
  left_behind: 14,
  disabled: 7,
  severely_disabled: 7,
  low_income: 30,
};

export const planBody = z.object({
  residentId: z.string().max(64),
  tag: z.enum(CARE_TAGS),
  frequencyDays: z.number().int().min(1).max(365),
  assigneeKind: z.enum(ASSIGNEE_KINDS),
  assigneeUserId: z.string().max(64),
  /** First visit due (ISO); default: now + frequency. */
  firstDueAt: z.coerce.date().optional(),
  note: optText(500),
});
export type PlanBody = z.infer<typeof planBody>;

export const planPatch = z.object({
  frequencyDays: z.number().int().min(1).max(365).optional(),
  assigneeKind: z.enum(ASSIGNEE_KINDS).optional(),
  assigneeUserId: z.string().max(64).optional(),
  active: z.boolean().optional(),
  note: optText(500),
  version: z.number().int().min(1),
});
export type PlanPatch = z.infer<typeof planPatch>;

export const planSchema = z.object({
  id: z.string(),
  residentId: z.string(),
  /** 张** — the full name only through the audited reveal. */
  residentNameMask: z.string(),
  unitName: z.string().nullable(),
  communityName: z.string().nullable(),
  tag: z.enum(CARE_TAGS),
  frequencyDays: z.number(),
  assigneeKind: z.enum(ASSIGNEE_KINDS),
  assigneeUserId: z.string(),
  assigneeName: z.string().nullable(),
  nextDueAt: z.coerce.date(),
  lastVisitAt: z.coerce.date().nullable(),
  overdue: z.boolean(),
  missedCount: z.number(),
  active: z.boolean(),
  note: z.string().nullable(),
  version: z.number(),
  canEdit: z.boolean(),
  canVisit: z.boolean(),
});
export type PlanDto = z.infer<typeof planSchema>;

export const planListQuery = z.object({
  orgUnitId: z.string().max(64).optional(),
  tag: z.enum(CARE_TAGS).optional(),
  /** mine: plans assigned to me; overdue: past their due date; missed: with missed visits. */
  view: z.enum(['all', 'mine', 'overdue', 'missed']).default('all'),
  ...pageQuery,
});
export type PlanListQuery = z.infer<typeof planListQuery>;

export const visitBody = z.object({
  /** When the visit took place (default: now); never in the future, at most 30 days back. */
  visitedAt: z.coerce.date().optional(),
  place: text(120),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  outcome: z.enum(VISIT_OUTCOMES),
  note: optText(1000),
});
export type VisitBody = z.infer<typeof visitBody>;

export const visitSchema = z.object({
  id: z.string(),
  planId: z.string(),
  visitedAt: z.coerce.date(),
  place: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  outcome: z.enum(VISIT_OUTCOMES),
  note: z.string().nullable(),
  visitorName: z.string().nullable(),
});
export type VisitDto = z.infer<typeof visitSchema>;

export const missSchema = z.object({
  planId: z.string(),
  dueAt: z.coerce.date(),
  flaggedAt: z.coerce.date(),
});

export const planDetailSchema = planSchema.extend({
  visits: z.array(visitSchema),
  misses: z.array(missSchema),
});
export type PlanDetailDto = z.infer<typeof planDetailSchema>;

export const revealSchema = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
});

export const reliefItem = z.object({
  kind: z.enum(RELIEF_ITEM_KINDS),
  description: text(120),
  /** Money given, or the value of goods and services, in fen (分); money needs an amount. */
  amountFen: z.number().int().min(0).max(100_000_000).nullish(),
  provider: optText(80),
});

export const reliefBody = z.object({
  /** The unit where the emergency happened (a community or below): it handles the case (R-SV-3). */
  placeUnitId: z.string().max(64),
  emergencyPlace: text(200),
  applicantName: text(40),
  idNumber: z.string().trim().max(18).nullish(),
  phone: z.string().trim().max(20).nullish(),
  /** 户籍地: anywhere — non-local registration never bars relief. */
  hukouPlace: text(80),
  localHukou: z.boolean(),
  reason: text(1000),
  items: z.array(reliefItem).min(1).max(10),
});
export type ReliefBody = z.infer<typeof reliefBody>;

export const reliefActionBody = z.object({
  action: z.enum(['approve', 'reject', 'grant']),
  note: optText(500),
  version: z.number().int().min(1),
});

export const reliefSchema = z.object({
  id: z.string(),
  number: z.string(),
  unitName: z.string().nullable(),
  emergencyPlace: z.string(),
  applicantNameMask: z.string(),
  idNumberMask: z.string().nullable(),
  phoneMask: z.string().nullable(),
  hukouPlace: z.string(),
  localHukou: z.boolean(),
  reason: z.string(),
  items: z.array(
    z.object({
      kind: z.enum(RELIEF_ITEM_KINDS),
      description: z.string(),
      amountFen: z.number().nullable(),
      provider: z.string().nullable(),
    }),
  ),
  totalFen: z.number(),
  moneyFen: z.number(),
  state: z.enum(RELIEF_STATES),
  decisionNote: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decidedAt: z.coerce.date().nullable(),
  grantedAt: z.coerce.date().nullable(),
  createdAt: z.coerce.date(),
  version: z.number(),
  actions: z.array(z.enum(['approve', 'reject', 'grant'])),
});
export type ReliefDto = z.infer<typeof reliefSchema>;

export const reliefListQuery = z.object({
  orgUnitId: z.string().max(64).optional(),
  state: z.enum(RELIEF_STATES).optional(),
  ...pageQuery,
});
