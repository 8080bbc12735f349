import { z } from 'zod';
import { unitIdAndName } from './dtoFields';
import { proxyBody, proxyInfoSchema } from './proxy';
import { pageQuery } from './pageQuery';
import { requiredText as text } from './fields';

/**
 * Resident surveys (民意调查, 共议共评; seeds 000, 001, 002, 004): a questionnaire built by staff, distributed
 * to the residents of an org unit (link, QR code, paper), answered once per resident, with response rates,
 * margins of error and the awareness (知晓率) and satisfaction (满意度) rates that seed 004 sets at 85% or more
 * (R-AS-5). Isomorphic: the server, the console and (restated with `satisfies`) the phone pages read it.
 */

export const SURVEY_STATUSES = ['draft', 'published', 'closed'] as const;
export type SurveyStatus = (typeof SURVEY_STATUSES)[number];

export const QUESTION_KINDS = ['single', 'multiple', 'rating', 'matrix', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * What a choice, rating or matrix question may measure: awareness and satisfaction (R-AS-5), and compliance with
 * the convention (执行率, R-DL-6: a convention survey feeds the convention's rates).
 */
export const MEASURES = ['awareness', 'satisfaction', 'compliance'] as const;
export type Measure = (typeof MEASURES)[number];

export const SURVEY_PURPOSES = [
  'satisfaction',
  'awareness',
  'convention',
  'needs',
  'evaluation',
  'other',
] as const;
export type SurveyPurpose = (typeof SURVEY_PURPOSES)[number];

export const RESPONSE_CHANNELS = ['online', 'paper'] as const;
export type ResponseChannel = (typeof RESPONSE_CHANNELS)[number];

/** Seed 004 Ⅱ-10: 群众知晓率85%以上, 群众满意度85%以上 (R-AS-5). */
export const RATE_BAR = 0.85;
/** z of a two-sided 95% confidence interval. */
export const Z95 = 1.96;

const uuid = z.uuid();

export const questionSchema = z.strictObject({
  /** Stable key of the question inside the survey (answers refer to it), e.g. q1. */
  key: z.string().regex(/^[A-Za-z0-9_-]{1,24}$/),
  kind: z.enum(QUESTION_KINDS),
  title: text(300),
  required: z.boolean().default(true),
  /** single / multiple: the choices, in order (answers give their index). */
  options: z.array(text(100)).max(30).default([]),
  /** rating / matrix: the scale, e.g. 1–5 with 非常不满意 … 非常满意. */
  scale: z
    .strictObject({
      min: z.number().int().min(0).max(1),
      max: z.number().int().min(2).max(10),
      minLabel: z.string().trim().max(30).optional(),
      maxLabel: z.string().trim().max(30).optional(),
    })
    .nullable()
    .default(null),
  /** matrix: the rows, each rated on the scale. */
  rows: z.array(text(100)).max(30).default([]),
  /** Whether this question counts toward the awareness or satisfaction rate (R-AS-5). */
  measure: z.enum(MEASURES).nullable().default(null),
  /**
   * Which answers count as "aware"/"satisfied": a rating at or above `minRating` (rating, matrix), or one of
   * the chosen `options` indexes (single; multiple counts when any is chosen).
   */
  positive: z
    .strictObject({
      minRating: z.number().int().min(0).max(10).optional(),
      options: z.array(z.number().int().min(0).max(29)).max(30).optional(),
    })
    .nullable()
    .default(null),
});
export type Question = z.infer<typeof questionSchema>;

/** An answer: option index (single), indexes (multiple), a rating, one rating per row (matrix), or text. */
export const answerValue = z.union([
  z.number().int().min(0).max(100),
  z.array(z.number().int().min(0).max(100)).max(30),
  z.array(z.number().int().min(0).max(100).nullable()).max(30),
  z.string().max(2000),
]);
export type AnswerValue = z.infer<typeof answerValue>;
export const answersSchema = z.record(z.string().max(24), answerValue.nullable());
export type Answers = z.infer<typeof answersSchema>;

export const createSurveyBody = z.strictObject({
  orgUnitId: uuid,
  title: text(120),
  purpose: z.enum(SURVEY_PURPOSES),
  intro: z.string().trim().max(2000).optional(),
  /** The year the survey measures (the assessments' round year). */
  year: z.number().int().min(2000).max(2100),
  opensAt: z.coerce.date(),
  closesAt: z.coerce.date(),
  questions: z.array(questionSchema).max(60).default([]),
  /** Responses aimed at in all (sampling); optional when quotas are set per unit. */
  target: z.number().int().min(1).max(1_000_000).nullable().optional(),
});
export const updateSurveyBody = createSurveyBody.omit({ orgUnitId: true }).partial();

export const quotasBody = z.strictObject({
  target: z.number().int().min(1).max(1_000_000).nullable().optional(),
  quotas: z.array(z.strictObject({ orgUnitId: uuid, target: z.number().int().min(1).max(100_000) })).max(200),
});

export const surveyListQuery = z.object({
  orgUnitId: uuid.optional(),
  status: z.enum(SURVEY_STATUSES).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pageQuery,
});

export const answerBody = z.strictObject({ answers: answersSchema });

export const paperBody = z.strictObject({
  /** Where the respondent lives (household, building, grid…); default the survey's unit. */
  orgUnitId: uuid.optional(),
  /** The respondent's mobile: one response per phone (stored as ciphertext + blind index only). */
  phone: z.string().trim().max(20).optional(),
  /** The date written on the paper form; default today. */
  answeredAt: z.coerce.date().optional(),
  answers: answersSchema,
  /** 帮办代办: staff enter the answer of a registry resident, with the resident's consent (platform/proxy.ts). */
  proxy: proxyBody.nullish(),
});

export const responseListQuery = z.object({
  channel: z.enum(RESPONSE_CHANNELS).optional(),
  ...pageQuery,
});

export const quotaSchema = z.object({
  ...unitIdAndName,
  target: z.number(),
  responses: z.number(),
});

export const surveySchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  unitKind: z.string().nullable(),
  title: z.string(),
  purpose: z.enum(SURVEY_PURPOSES),
  intro: z.string().nullable(),
  year: z.number(),
  status: z.enum(SURVEY_STATUSES),
  opensAt: z.date(),
  closesAt: z.date(),
  questions: z.array(questionSchema),
  target: z.number().nullable(),
  /** Permanent residents under the unit, counted when the survey was published (null before). */
  population: z.number().nullable(),
  quotas: z.array(quotaSchema),
  responses: z.number(),
  /** The resident's link (also in the QR code): /m/surveys/:id. */
  link: z.string(),
  publishedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  createdAt: z.date(),
  abilities: z.object({ edit: z.boolean(), publish: z.boolean(), close: z.boolean(), enter: z.boolean() }),
});
export type SurveyDto = z.infer<typeof surveySchema>;

export const responseSchema = z.object({
  id: z.string(),
  channel: z.enum(RESPONSE_CHANNELS),
  unitName: z.string().nullable(),
  phoneMask: z.string().nullable(),
  enteredByName: z.string().nullable(),
  answeredAt: z.date(),
  answers: answersSchema,
  /** Answered for a registry resident by staff (帮办代办): principal, proxy, consent; null otherwise. */
  proxy: proxyInfoSchema.nullable().default(null),
});
export type ResponseDto = z.infer<typeof responseSchema>;

export const rateSchema = z.object({
  /** Answers counted as aware / satisfied. */
  positive: z.number(),
  /** Answers to the measured questions. */
  total: z.number(),
  /** positive / total; null with no answers. */
  rate: z.number().nullable(),
  /** Half-width of the 95% interval of the rate (see the module README for the formula). */
  marginOfError: z.number().nullable(),
  bar: z.number(),
  /** rate ≥ bar (R-AS-5); null with no answers. */
  pass: z.boolean().nullable(),
  /** Respondents who answered at least one measured question (the n of the margin of error). */
  respondents: z.number(),
});
export type RateDto = z.infer<typeof rateSchema>;

export const questionResultSchema = z.object({
  key: z.string(),
  kind: z.enum(QUESTION_KINDS),
  title: z.string(),
  measure: z.enum(MEASURES).nullable(),
  answered: z.number(),
  /** single / multiple: count per option (multiple: shares of respondents, may sum over 100%). */
  options: z.array(z.object({ label: z.string(), count: z.number(), share: z.number() })),
  /** rating: count per scale value; matrix: per row. */
  scale: z.array(z.object({ value: z.number(), count: z.number() })),
  mean: z.number().nullable(),
  rows: z.array(
    z.object({
      label: z.string(),
      answered: z.number(),
      mean: z.number().nullable(),
      counts: z.array(z.number()),
    }),
  ),
  /** text: the newest answers (at most 50). */
  texts: z.array(z.string()),
  /** Share of this question's answers counted positive (measured questions only). */
  positiveRate: z.number().nullable(),
});

export const unitRatesSchema = z.object({
  ...unitIdAndName,
  target: z.number().nullable(),
  responses: z.number(),
  awareness: rateSchema.nullable(),
  satisfaction: rateSchema.nullable(),
});

export const resultsSchema = z.object({
  surveyId: z.string(),
  status: z.enum(SURVEY_STATUSES),
  responses: z.number(),
  online: z.number(),
  paper: z.number(),
  target: z.number().nullable(),
  population: z.number().nullable(),
  /** responses / target (null without a target). */
  responseRate: z.number().nullable(),
  /** responses / population (null without a population). */
  coverage: z.number().nullable(),
  /** Worst case (p = 0.5) half-width of a 95% interval for a share over all respondents. */
  marginOfError: z.number().nullable(),
  finitePopulation: z.boolean(),
  awareness: rateSchema.nullable(),
  satisfaction: rateSchema.nullable(),
  questions: z.array(questionResultSchema),
  /** Per quota unit (grid or community). */
  units: z.array(unitRatesSchema),
});
export type ResultsDto = z.infer<typeof resultsSchema>;

/** A survey as a resident sees it on the phone. */
export const mySurveySchema = z.object({
  id: z.string(),
  title: z.string(),
  intro: z.string().nullable(),
  unitName: z.string().nullable(),
  opensAt: z.date(),
  closesAt: z.date(),
  status: z.enum(SURVEY_STATUSES),
  open: z.boolean(),
  answered: z.boolean(),
  questions: z.array(questionSchema),
});
export type MySurveyDto = z.infer<typeof mySurveySchema>;
export const mySurveysQuery = z.object({
  ...pageQuery,
});
