import { z } from 'zod';
import { requiredText as text } from './fields';

/**
 * Contracts of the final evaluation (末期评估), next year's quota per subdistrict/town and force-majeure
 * exemptions (R-PJ-4, issue 11 §5). The grade bands and quota rules are configuration of the call: the
 * defaults below are a product decision (seed 000 names no grades or deltas).
 */

export const DEFAULT_GRADE_BANDS = [
  { key: 'excellent', name: '优秀', min: 90 },
  { key: 'good', name: '良好', min: 75 },
  { key: 'pass', name: '合格', min: 60 },
  { key: 'fail', name: '不合格', min: 0 },
];
export const DEFAULT_ADJUSTMENTS: Record<string, number> = { excellent: 1, good: 0, pass: 0, fail: -1 };
export const DEFAULT_QUOTA_FLOOR = 0;

const uuid = z.string().uuid();

export const gradeBandSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,30}$/),
  name: text(20),
  min: z.number().int().min(0).max(100),
});

export const evaluationRulesBody = z.strictObject({
  bands: z.array(gradeBandSchema).min(1).max(10),
  adjustments: z.record(z.string(), z.number().int().min(-20).max(20)),
  floor: z.number().int().min(0).max(100),
  evaluatorIds: z.array(uuid).max(50),
});
export type EvaluationRulesBody = z.infer<typeof evaluationRulesBody>;

export const subdistrictQuotasBody = z.strictObject({
  quotas: z
    .array(z.strictObject({ unitId: uuid, quota: z.number().int().min(0).max(1000).nullable() }))
    .max(500),
  fromCallId: uuid.nullish(),
});
export type SubdistrictQuotasBody = z.infer<typeof subdistrictQuotasBody>;

export const callEvaluationSchema = z.object({
  callId: z.string(),
  bands: z.array(gradeBandSchema),
  adjustments: z.record(z.string(), z.number()),
  floor: z.number(),
  evaluators: z.array(z.object({ id: z.string(), name: z.string() })),
  quotasFromCall: z.object({ id: z.string(), title: z.string() }).nullable(),
  subdistricts: z.array(
    z.object({ unitId: z.string(), name: z.string(), quota: z.number().nullable(), selected: z.number() }),
  ),
  abilities: z.object({ editRules: z.boolean(), editQuotas: z.boolean() }),
});
export type CallEvaluationDto = z.infer<typeof callEvaluationSchema>;

export const quotaProposalSchema = z.object({
  callId: z.string(),
  fromCall: z.object({ id: z.string(), title: z.string(), year: z.number() }),
  rows: z.array(
    z.object({
      unitId: z.string(),
      name: z.string(),
      pilots: z.number(),
      grades: z.record(z.string(), z.number()),
      unevaluated: z.number(),
      delta: z.number(),
      proposed: z.number(),
    }),
  ),
  bands: z.array(gradeBandSchema),
});
export type QuotaProposalDto = z.infer<typeof quotaProposalSchema>;

export const evaluationBody = z.strictObject({
  members: z.array(text(40)).min(1).max(20),
  score: z.number().int().min(0).max(100),
  opinion: text(2000),
  evaluatedOn: z.iso.date(),
});
export type EvaluationBody = z.infer<typeof evaluationBody>;

export const exemptionBody = z.strictObject({
  reason: text(500),
  newDue: z.iso.date(),
});
export type ExemptionBody = z.infer<typeof exemptionBody>;

export const evaluationSchema = z.object({
  members: z.array(z.string()),
  score: z.number(),
  grade: z.string(),
  gradeName: z.string(),
  opinion: z.string(),
  evaluatedOn: z.string(),
  createdByName: z.string().nullable(),
  updatedAt: z.date(),
});

export const exemptionSchema = z.object({
  id: z.string(),
  reason: z.string(),
  previousDue: z.string(),
  newDue: z.string(),
  grantedByName: z.string().nullable(),
  createdAt: z.date(),
});

export const projectEvaluationSchema = z.object({
  applicationId: z.string(),
  summaryAt: z.date().nullable(),
  completionDueAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  evaluation: evaluationSchema.nullable(),
  exemptions: z.array(exemptionSchema),
  bands: z.array(gradeBandSchema),
  abilities: z.object({ evaluate: z.boolean(), exempt: z.boolean() }),
});
export type ProjectEvaluationDto = z.infer<typeof projectEvaluationSchema>;
