import { z } from 'zod';
import { unitIdAndName } from './dtoFields';
import { pageQuery } from './pageQuery';
import { requiredText as text } from './fields';

/**
 * Contracts of the scheduled-reports module (信息报告, R-RP-1): report templates with fields, attachments,
 * a cadence and the units that must submit; cycles opened each period; submissions drafted, submitted,
 * returned with a reason or accepted by the receiving unit; rollup up the tree; overdue list.
 */

export const FIELD_TYPES = ['number', 'text', 'amount', 'percent'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
export const CADENCES = ['monthly', 'quarterly', 'half_yearly', 'yearly'] as const;
export type Cadence = (typeof CADENCES)[number];
/** draft → submitted → accepted, or → returned (with a reason) → resubmitted → accepted / returned again. */
export const SUBMISSION_STATES = ['draft', 'submitted', 'returned', 'resubmitted', 'accepted'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
/** States in which the submitting unit has handed its report in (counted in rollups). */
export const HANDED_IN_STATES: readonly SubmissionState[] = ['submitted', 'resubmitted', 'accepted'];
export const SUBMISSION_ACTIONS = ['submit', 'accept', 'return'] as const;

export const fieldDef = z.strictObject({
  /** Stable key inside the template (letters, digits, underscore). */
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
  label: text(60),
  type: z.enum(FIELD_TYPES),
  required: z.boolean().default(false),
  /** A figure Linli holds (`reportFigures` of a module), pre-filled for the unit and period. */
  source: z.string().max(80).nullish(),
  hint: z.string().trim().max(200).nullish(),
});
export type FieldDef = z.infer<typeof fieldDef>;

export const attachmentDef = z.strictObject({ label: text(60), required: z.boolean().default(false) });
export type AttachmentDef = z.infer<typeof attachmentDef>;

export const submittersDef = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('units'), unitIds: z.array(z.uuid()).min(1).max(500) }),
  /** Every active community under the unit when the cycle opens. */
  z.strictObject({ mode: z.literal('communities_under'), unitId: z.uuid() }),
]);
export type SubmittersDef = z.infer<typeof submittersDef>;

export const templateBody = z.strictObject({
  /** The receiving unit (接收单位). */
  orgUnitId: z.uuid(),
  title: text(120),
  /** The document the duty comes from, e.g. 舟山市民政局关于…的通知. */
  basis: z.string().trim().max(300).nullish(),
  description: z.string().trim().max(2000).nullish(),
  cadence: z.enum(CADENCES),
  /** Day of the due month (1–31; a day past the month's end means its last day). */
  dueDay: z.number().int().min(1).max(31),
  /** Due in the month after the period instead of in its last month (e.g. a quarter's report by the 10th). */
  dueInNextMonth: z.boolean().default(false),
  /** Reminder this many days before the due day (0 = none). */
  remindDays: z.number().int().min(0).max(30).default(3),
  /** The first day of the first period to open (a cycle opens for periods that end on or after it). */
  startsOn: z.iso.date(),
  submitters: submittersDef,
  fields: z.array(fieldDef).min(1).max(60),
  attachments: z.array(attachmentDef).max(10).default([]),
});
export type TemplateBody = z.infer<typeof templateBody>;

export const templatePatch = templateBody
  .omit({ orgUnitId: true })
  .partial()
  .extend({ active: z.boolean().optional() })
  .strict();
export type TemplatePatch = z.infer<typeof templatePatch>;

export const templateSchema = z.object({
  id: z.string(),
  orgUnitId: z.string(),
  receiverName: z.string().nullable(),
  title: z.string(),
  basis: z.string().nullable(),
  description: z.string().nullable(),
  cadence: z.enum(CADENCES),
  dueDay: z.number(),
  dueInNextMonth: z.boolean(),
  remindDays: z.number(),
  startsOn: z.string(),
  submitters: submittersDef,
  submitterNames: z.array(z.string()),
  fields: z.array(fieldDef),
  attachments: z.array(attachmentDef),
  active: z.boolean(),
  canManage: z.boolean(),
  createdAt: z.string(),
});
export type TemplateDto = z.infer<typeof templateSchema>;

export const templateQuery = z.strictObject({
  ...pageQuery,
  active: z.enum(['true', 'false']).optional(),
  q: z.string().max(60).optional(),
});

export const cycleSchema = z.object({
  id: z.string(),
  templateId: z.string(),
  templateTitle: z.string(),
  orgUnitId: z.string(),
  receiverName: z.string().nullable(),
  period: z.string(),
  periodLabel: z.string(),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  dueAt: z.string(),
  counts: z.record(z.string(), z.number()),
  late: z.number(),
  total: z.number(),
  overdue: z.boolean(),
});
export type CycleDto = z.infer<typeof cycleSchema>;

export const cycleQuery = z.strictObject({ ...pageQuery, templateId: z.uuid().optional() });

export const valueSchema = z.union([z.number(), z.string(), z.null()]);
export const attachmentRef = z.strictObject({ label: text(60), name: text(200) });

export const submissionSchema = z.object({
  id: z.string(),
  cycleId: z.string(),
  templateId: z.string(),
  templateTitle: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  dueOn: z.string(),
  ...unitIdAndName,
  receiverName: z.string().nullable(),
  state: z.enum(SUBMISSION_STATES),
  late: z.boolean(),
  overdue: z.boolean(),
  submittedAt: z.string().nullable(),
  firstSubmittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  resubmissions: z.number(),
  actions: z.array(z.enum(['save', 'submit', 'accept', 'return'])),
});
export type SubmissionDto = z.infer<typeof submissionSchema>;

export const submissionDetailSchema = submissionSchema.extend({
  fields: z.array(fieldDef),
  attachmentDefs: z.array(attachmentDef),
  values: z.record(z.string(), valueSchema),
  /** Figures Linli holds for this unit and period, by field key (what the form pre-fills). */
  figures: z.record(z.string(), z.number().nullable()),
  attachments: z.array(attachmentRef),
  note: z.string().nullable(),
  events: z.array(
    z.object({
      at: z.string(),
      actorName: z.string().nullable(),
      action: z.string(),
      comment: z.string().nullable(),
    }),
  ),
});
export type SubmissionDetailDto = z.infer<typeof submissionDetailSchema>;

export const submissionQuery = z.strictObject({
  ...pageQuery,
  cycleId: z.uuid().optional(),
  templateId: z.uuid().optional(),
  state: z.enum(SUBMISSION_STATES).optional(),
  /** mine: my units' own reports; review: reports my units receive. */
  side: z.enum(['mine', 'review']).optional(),
  overdue: z.enum(['true']).optional(),
});

export const saveBody = z.strictObject({
  values: z.record(z.string().max(40), valueSchema),
  attachments: z.array(attachmentRef).max(20).optional(),
  note: z.string().trim().max(2000).nullish(),
});
export type SaveBody = z.infer<typeof saveBody>;

export const actionBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('submit') }),
  z.strictObject({ action: z.literal('accept'), comment: z.string().trim().max(1000).nullish() }),
  z.strictObject({ action: z.literal('return'), reason: z.string().trim().max(1000) }),
]);
export type ActionBody = z.infer<typeof actionBody>;

export const boardSchema = z.object({
  template: templateSchema,
  cycles: z.array(cycleSchema),
  units: z.array(
    z.object({
      orgUnitId: z.string(),
      name: z.string(),
      cells: z.array(
        z
          .object({
            submissionId: z.string(),
            state: z.enum(SUBMISSION_STATES),
            late: z.boolean(),
            overdue: z.boolean(),
          })
          .nullable(),
      ),
    }),
  ),
});
export type BoardDto = z.infer<typeof boardSchema>;

export const rollupQuery = z.strictObject({ unitId: z.uuid().optional() });
export const rollupSchema = z.object({
  cycle: cycleSchema,
  unit: z.object({ id: z.string(), name: z.string() }),
  fields: z.array(fieldDef),
  /** Sums of number and amount fields, mean of percentages, over handed-in reports under the unit. */
  totals: z.record(z.string(), z.number().nullable()),
  count: z.number(),
  expected: z.number(),
  children: z.array(
    z.object({
      orgUnitId: z.string(),
      name: z.string(),
      count: z.number(),
      expected: z.number(),
      totals: z.record(z.string(), z.number().nullable()),
    }),
  ),
});
export type RollupDto = z.infer<typeof rollupSchema>;

export const figureSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  module: z.string(),
});
export type FigureDto = z.infer<typeof figureSchema>;
