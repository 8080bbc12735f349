import { z } from 'zod';
import { PROJECT_CLASSES } from './assessments';
import { pageQuery } from './pageQuery';
import { unitRef } from './dtoFields';
import { keysOf } from './keyedList';

/**
 * Seed 004's "家门口" doorstep projects (三(三), 附件2 二类指标 Ⅱ-11/Ⅱ-12, R-PJ-6): a community's own
 * governance or service projects of a year, in one of nine categories (at most two per category per unit
 * per year), run through the four standard stages 需求调研 → 需求分析 → 项目设计 → 项目实施, with
 * reflections and the documents 项目方案, 活动策划, 中期报告, 终期报告. Categories, stages and documents are data.
 */

/** Ⅱ-11's nine categories; the names are the assessments module's PROJECT_CLASSES (the scoring sheet's). */
export const DOORSTEP_CATEGORIES = [
  { key: 'elderly', name: PROJECT_CLASSES[0], en: 'Elderly care' },
  { key: 'livelihood', name: PROJECT_CLASSES[1], en: 'Livelihood floor' },
  { key: 'safety', name: PROJECT_CLASSES[2], en: 'Safety and comprehensive governance' },
  { key: 'consultation', name: PROJECT_CLASSES[3], en: 'Consultative self-governance' },
  { key: 'culture_sports', name: PROJECT_CLASSES[4], en: 'Culture and sports' },
  { key: 'education', name: PROJECT_CLASSES[5], en: 'Community education' },
  { key: 'health', name: PROJECT_CLASSES[6], en: 'Public health' },
  { key: 'volunteering', name: PROJECT_CLASSES[7], en: 'Volunteering' },
  { key: 'social_affairs', name: PROJECT_CLASSES[8], en: 'Social affairs' },
] as const;
export type DoorstepCategory = (typeof DOORSTEP_CATEGORIES)[number]['key'];
const CATEGORY_KEYS = keysOf(DOORSTEP_CATEGORIES);

/** R-PJ-6 / Ⅱ-11: "每个类别最多报送2项" — per applying unit and year. */
export const DOORSTEP_PER_CATEGORY = 2;

/** 三(三): the settlement types a project is tailored to. */
export const SETTLEMENT_TYPES = [
  { key: 'natural_village', name: '自然村落', en: 'Natural village' },
  { key: 'fishing_farming', name: '渔农集聚小区', en: 'Fishing and farming cluster' },
  { key: 'mixed_rural', name: '农居混住社区', en: 'Mixed rural–urban community' },
  { key: 'new_urban', name: '新城市住宅小区', en: 'New urban housing estate' },
  { key: 'old_open', name: '老开放性小区', en: 'Old open estate' },
] as const;
export type SettlementType = (typeof SETTLEMENT_TYPES)[number]['key'];
const SETTLEMENT_KEYS = keysOf(SETTLEMENT_TYPES);

/** Ⅱ-12's four standard stages, in order. */
export const DOORSTEP_STAGES = [
  { key: 'survey', name: '需求调研', en: 'Needs survey' },
  { key: 'analysis', name: '需求分析', en: 'Needs analysis' },
  { key: 'design', name: '项目设计', en: 'Project design' },
  { key: 'implementation', name: '项目实施', en: 'Implementation' },
] as const;
export type DoorstepStage = (typeof DOORSTEP_STAGES)[number]['key'];
export const DOORSTEP_STAGE_KEYS = keysOf(DOORSTEP_STAGES);

/** Ⅱ-12's documents: 项目方案、活动策划、项目中(终)期报告. */
export const DOORSTEP_DOCUMENTS = [
  { key: 'plan', name: '项目方案', en: 'Project plan' },
  { key: 'activity', name: '活动策划', en: 'Activity plan' },
  { key: 'midterm', name: '中期报告', en: 'Mid-term report' },
  { key: 'final', name: '终期报告', en: 'Final report' },
] as const;
export type DoorstepDocument = (typeof DOORSTEP_DOCUMENTS)[number]['key'];
const DOCUMENT_KEYS = keysOf(DOORSTEP_DOCUMENTS);

/** A file slot: one of the stages or one of the documents. */
export const DOORSTEP_SLOTS = [...DOORSTEP_STAGE_KEYS, ...DOCUMENT_KEYS] as const;
export type DoorstepSlot = DoorstepStage | DoorstepDocument;

/** How often the service is given: N times per period (Ⅱ-12 服务频次). */
export const FREQUENCY_PERIODS = ['week', 'month', 'quarter', 'year'] as const;
export type FrequencyPeriod = (typeof FREQUENCY_PERIODS)[number];

export const DOORSTEP_TEXT_MAX = 4000;
export const DOORSTEP_NOTE_MAX = 500;
export const DOORSTEP_FILE_MAX_MB = 30;

const day = z.iso.date();
const yearField = z.number().int().min(2000).max(2100);

const fields = {
  year: yearField,
  category: z.enum(CATEGORY_KEYS),
  name: z.string().trim().min(1).max(100),
  settlementType: z.enum(SETTLEMENT_KEYS).nullish(),
  /** The budget plan (S004-16), integer fen. */
  budgetFen: z.number().int().min(0).max(100_000_000_000),
  serviceTimes: z.number().int().min(0).max(10_000),
  servicePer: z.enum(FREQUENCY_PERIODS),
  peopleServed: z.number().int().min(0).max(10_000_000),
  summary: z.string().trim().max(2000).nullish(),
};

export const createDoorstepBody = z.strictObject({ orgUnitId: z.uuid(), ...fields });
export type CreateDoorstepBody = z.infer<typeof createDoorstepBody>;

export const updateDoorstepBody = z.strictObject({
  year: fields.year.optional(),
  category: fields.category.optional(),
  name: fields.name.optional(),
  settlementType: fields.settlementType,
  budgetFen: fields.budgetFen.optional(),
  serviceTimes: fields.serviceTimes.optional(),
  servicePer: fields.servicePer.optional(),
  peopleServed: fields.peopleServed.optional(),
  summary: fields.summary,
});
export type UpdateDoorstepBody = z.infer<typeof updateDoorstepBody>;

export const stageBody = z.strictObject({
  stage: z.enum(DOORSTEP_STAGE_KEYS),
  text: z.string().trim().min(1).max(DOORSTEP_TEXT_MAX),
  date: day,
  /** The needs survey only: a closed survey of the surveys module covering the community. */
  surveyId: z.uuid().nullish(),
});
export type StageBody = z.infer<typeof stageBody>;

export const reflectionBody = z.strictObject({
  text: z.string().trim().min(1).max(DOORSTEP_TEXT_MAX),
  date: day,
});
export type ReflectionBody = z.infer<typeof reflectionBody>;

export const doorstepListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  category: z.enum(CATEGORY_KEYS).optional(),
  orgUnitId: z.uuid().optional(),
  ...pageQuery,
});
export type DoorstepListQuery = z.infer<typeof doorstepListQuery>;

export const doorstepSchema = z.object({
  id: z.string(),
  ...unitRef,
  year: z.number(),
  category: z.enum(CATEGORY_KEYS),
  name: z.string(),
  settlementType: z.enum(SETTLEMENT_KEYS).nullable(),
  budgetFen: z.number(),
  serviceTimes: z.number(),
  servicePer: z.enum(FREQUENCY_PERIODS),
  peopleServed: z.number(),
  /** The last stage recorded (null before the needs survey). */
  stage: z.enum(DOORSTEP_STAGE_KEYS).nullable(),
  stagesDone: z.number().int(),
  documentsDone: z.number().int(),
  updatedAt: z.string(),
});
export type DoorstepDto = z.infer<typeof doorstepSchema>;

const fileSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  note: z.string().nullable(),
  url: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export type DoorstepFileDto = z.infer<typeof fileSchema>;

export const doorstepDetailSchema = doorstepSchema.extend({
  summary: z.string().nullable(),
  createdByName: z.string().nullable(),
  stages: z.array(
    z.object({
      stage: z.enum(DOORSTEP_STAGE_KEYS),
      record: z
        .object({
          text: z.string(),
          date: z.string(),
          survey: z.object({ id: z.string(), title: z.string() }).nullable(),
          createdByName: z.string().nullable(),
          updatedAt: z.string(),
        })
        .nullable(),
      files: z.array(fileSchema),
    }),
  ),
  reflections: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      date: z.string(),
      createdByName: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  documents: z.array(
    z.object({ document: z.enum(DOCUMENT_KEYS), complete: z.boolean(), files: z.array(fileSchema) }),
  ),
  /** Ⅱ-12 records complete: stages n/4 and documents n/4. */
  completeness: z.object({
    stages: z.number().int(),
    stagesTotal: z.number().int(),
    documents: z.number().int(),
    documentsTotal: z.number().int(),
  }),
  /** Whether the actor may edit and record (the project's own community, projects.apply). */
  canEdit: z.boolean(),
});
export type DoorstepDetailDto = z.infer<typeof doorstepDetailSchema>;

/** Closed surveys a needs survey may link (the community's, or covering it). */
export const doorstepSurveysSchema = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), year: z.number(), responses: z.number() })),
});

/** What a resident sees of their community's doorstep projects: no budget, no records, no names of staff. */
export const myDoorstepSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      category: z.enum(CATEGORY_KEYS),
      year: z.number(),
      stage: z.enum(DOORSTEP_STAGE_KEYS).nullable(),
      serviceTimes: z.number(),
      servicePer: z.enum(FREQUENCY_PERIODS),
      peopleServed: z.number(),
      orgUnitName: z.string().nullable(),
    }),
  ),
});
export type MyDoorstepDto = z.infer<typeof myDoorstepSchema>['items'][number];
