import { z } from 'zod';
import { stateEventFields } from './stateEvents';
import { pageQuery } from './pageQuery';
import { unitRef } from './dtoFields';

/**
 * Contracts of the assessments module (测评, seed 004): indicator frameworks as versioned data, rounds over
 * chosen communities, scoring sheets (self-assessment → subdistrict review → third-party evaluation →
 * signed), results. Points travel as numbers with two decimals; the engine works in hundredths.
 */

const date = z.iso.date();
const text = (max: number) => z.string().trim().max(max);

/** seed 004 标准说明二: the data-collection methods. */
export const DATA_METHODS = ['report', 'online', 'documents', 'field_visit', 'resident_visit'] as const;
export type DataMethod = (typeof DATA_METHODS)[number];

/** Ⅱ-11: the nine doorstep-project classes (at most two projects per class). */
export const PROJECT_CLASSES = [
  '养老服务类',
  '民生底线类',
  '平安综治类',
  '协商自治类',
  '文化体育类',
  '社区教育类',
  '公共卫生类',
  '志愿服务类',
  '社会事务类',
] as const;

export const ROUND_STATES = ['draft', 'open', 'published'] as const;
export type RoundState = (typeof ROUND_STATES)[number];
export const SHEET_STATES = ['self_assessment', 'review', 'evaluation', 'signed'] as const;
export type SheetState = (typeof SHEET_STATES)[number];
export const SHEET_ACTIONS = ['submit', 'return', 'approve', 'sign'] as const;
export type SheetAction = (typeof SHEET_ACTIONS)[number];

// ---------------------------------------------------------------- frameworks

const scaleLevel = z.object({ key: z.string(), label: z.string(), percent: z.number() });
const aspect = z.object({ key: z.string(), name: z.string(), weight: z.number() });
const part = z.object({
  key: z.string(),
  name: z.string(),
  total: z.number(),
  qualifyingMin: z.number().nullable(),
  method: z.enum(['states', 'aspects']),
  aspects: z.array(aspect).optional(),
});
const band = z.object({ key: z.string(), name: z.string(), min: z.number(), qualifies: z.boolean() });
export const frameworkConfigSchema = z.object({
  scale: z.array(scaleLevel),
  parts: z.array(part),
  bands: z.array(band),
  edgeRule: z.enum(['lower_inclusive', 'lower_exclusive']),
  scoringUnit: z.enum(['indicator', 'item']),
});

export const frameworkSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  builtIn: z.boolean(),
  versions: z.array(z.object({ id: z.string(), version: z.number(), locked: z.boolean() })),
});
export type FrameworkDto = z.infer<typeof frameworkSchema>;

export const nodeSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  level: z.number(),
  partKey: z.string(),
  /** Points (two decimals) or null. */
  weight: z.number().nullable(),
  scored: z.boolean(),
  evidence: z.array(z.string()),
});
export type NodeDto = z.infer<typeof nodeSchema>;

export const versionDetailSchema = z.object({
  id: z.string(),
  frameworkId: z.string(),
  frameworkKey: z.string(),
  name: z.string(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number(),
  locked: z.boolean(),
  config: frameworkConfigSchema,
  nodes: z.array(nodeSchema),
  /** Nodes per level, as held (R-AS-1). */
  counts: z.array(z.object({ level: z.number(), count: z.number() })),
  /** The counts the source text claims, when it states them. */
  claimedCounts: z.array(z.object({ level: z.number(), count: z.number() })).nullable(),
  edgeRuleText: z.string(),
  roundingText: z.string(),
  /** The names of the evidence sources the nodes name (`nodes[].evidence` keys), in the user's language. */
  evidenceLabels: z.record(z.string(), z.string()),
});
export type VersionDetailDto = z.infer<typeof versionDetailSchema>;

/**
 * A trial score on a framework version from states alone (no round): states by node code (e.g. `Ⅱ-1`) or id,
 * and for each third-party part the rated projects. Answers the engine's result and the rules in words.
 */
export const trialScoreBody = z.strictObject({
  states: z.record(z.string().max(60), z.string().max(10).nullable()),
  projects: z
    .array(z.strictObject({ ratings: z.record(z.string().max(40), z.number().int().min(0).max(100)) }))
    .max(50)
    .default([]),
});
export type TrialScoreBody = z.infer<typeof trialScoreBody>;

// ---------------------------------------------------------------- rounds

export const createRoundBody = z.strictObject({
  orgUnitId: z.uuid(),
  versionId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(100),
  communityIds: z.array(z.uuid()).min(1).max(500),
  selfDue: date,
  reviewDue: date,
  evaluationDue: date,
  evaluatorId: z.uuid(),
});
export type CreateRoundBody = z.infer<typeof createRoundBody>;

export const roundListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  view: z.enum(['all', 'assigned']).default('all'),
  ...pageQuery,
});
export type RoundListQuery = z.infer<typeof roundListQuery>;

export const roundSchema = z.object({
  id: z.string(),
  ...unitRef,
  versionId: z.string(),
  frameworkName: z.string(),
  frameworkVersion: z.number(),
  year: z.number(),
  title: z.string(),
  state: z.enum(ROUND_STATES),
  selfDue: z.string(),
  reviewDue: z.string(),
  evaluationDue: z.string(),
  evaluatorId: z.string(),
  evaluatorName: z.string().nullable(),
  counts: z.record(z.string(), z.number()),
  sheetCount: z.number(),
  publishedAt: z.date().nullable(),
  abilities: z.object({ open: z.boolean(), publish: z.boolean() }),
  createdAt: z.date(),
});
export type RoundDto = z.infer<typeof roundSchema>;

export const roundOptionsSchema = z.object({
  evaluators: z.array(z.object({ id: z.string(), name: z.string() })),
  communities: z.array(z.object({ id: z.string(), name: z.string(), parentName: z.string().nullable() })),
});
export type RoundOptionsDto = z.infer<typeof roundOptionsSchema>;

// ---------------------------------------------------------------- sheets and results

const partResult = z.object({
  key: z.string(),
  name: z.string(),
  score: z.number(),
  total: z.number(),
  qualifyingMin: z.number().nullable(),
  reached: z.boolean(),
  complete: z.boolean(),
});
export const resultSchema = z.object({
  total: z.number(),
  parts: z.array(partResult),
  grade: z.object({ key: z.string(), name: z.string(), qualifies: z.boolean() }),
  eligible: z.boolean(),
  qualified: z.boolean(),
  complete: z.boolean(),
});
export type ResultDto = z.infer<typeof resultSchema>;

export const trialScoreSchema = resultSchema.extend({
  /** Points per scored node code. */
  nodes: z.record(z.string(), z.number()),
  edgeRuleText: z.string(),
  roundingText: z.string(),
});

export const sheetSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  ...unitRef,
  subdistrictName: z.string().nullable(),
  state: z.enum(SHEET_STATES),
  evaluatorId: z.string(),
  signedAt: z.date().nullable(),
  signedByName: z.string().nullable(),
  /** The evaluator's result (self-assessed while the sheet is with the community). */
  result: resultSchema,
  selfResult: resultSchema,
  updatedAt: z.date(),
});
export type SheetDto = z.infer<typeof sheetSchema>;

const itemSchema = z.object({
  nodeId: z.string(),
  selfState: z.string().nullable(),
  selfEvidence: z.string().nullable(),
  evalState: z.string().nullable(),
  evalMethods: z.array(z.string()),
  evalNote: z.string().nullable(),
  /** Points of the evaluator's state (self's before evaluation), two decimals. */
  points: z.number().nullable(),
});
const projectSchema = z.object({
  name: z.string(),
  category: z.string(),
  ratings: z.record(z.string(), z.number()).nullable(),
});

export const sheetDetailSchema = sheetSchema.extend({
  round: roundSchema,
  version: versionDetailSchema,
  items: z.array(itemSchema),
  projects: z.array(projectSchema),
  attachments: z.array(
    z.object({
      id: z.string(),
      nodeId: z.string(),
      layer: z.string(),
      fileName: z.string(),
      mime: z.string(),
      url: z.string(),
      createdByName: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  evidenceLinks: z.array(
    z.object({
      id: z.string(),
      nodeId: z.string(),
      layer: z.string(),
      source: z.string(),
      title: z.string(),
      detail: z.string().nullable(),
      recordDate: z.date().nullable(),
      createdByName: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  selfNote: z.string().nullable(),
  reviewComment: z.string().nullable(),
  fieldNotes: z.string().nullable(),
  signature: z.string().nullable(),
  events: z.array(z.object(stateEventFields)),
  changes: z.array(
    z.object({
      at: z.date(),
      actorName: z.string().nullable(),
      nodeCode: z.string().nullable(),
      layer: z.string(),
      before: z.unknown(),
      after: z.unknown(),
      reason: z.string(),
    }),
  ),
  actions: z.array(z.enum(SHEET_ACTIONS)),
  abilities: z.object({ editSelf: z.boolean(), editEval: z.boolean() }),
});
export type SheetDetailDto = z.infer<typeof sheetDetailSchema>;

export const saveScoresBody = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        nodeId: z.uuid(),
        state: z.string().trim().min(1).max(10).nullish(),
        evidence: text(4000).nullish(),
        methods: z.array(z.enum(DATA_METHODS)).max(5).optional(),
        note: text(4000).nullish(),
      }),
    )
    .max(500)
    .default([]),
  projects: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(100),
        category: z.string().trim().min(1).max(20),
        ratings: z.record(z.string(), z.number().int().min(0).max(100)).nullish(),
      }),
    )
    .max(18)
    .optional(),
  note: text(4000).nullish(),
  /** Why: required when a score already set changes. */
  reason: text(500).nullish(),
});
export type SaveScoresBody = z.infer<typeof saveScoresBody>;

export const sheetActionBody = z.strictObject({
  action: z.enum(SHEET_ACTIONS),
  comment: text(2000).nullish(),
});
export type SheetActionBody = z.infer<typeof sheetActionBody>;

export const resultRowSchema = z.object({
  sheetId: z.string(),
  ...unitRef,
  subdistrictName: z.string().nullable(),
  state: z.enum(SHEET_STATES),
  result: resultSchema.nullable(),
  rank: z.number().nullable(),
  previousTotal: z.number().nullable(),
  previousYear: z.number().nullable(),
});
/**
 * How many of the communities in a round's scope are 幸福社区, against seed 004's target (S004-01: 80% or more
 * by the end of 2019). Counted over what the reader may see, like the rows: the round's sheets in reach, and the
 * active communities under the issuing unit in reach that the round does not assess. Only a signed sheet's
 * qualification counts; a community not assessed, or not signed yet, is not (yet) a 幸福社区.
 */
export const coverageSchema = z.object({
  /** Communities in the round's scope: `assessed` + `unassessed`. */
  communities: z.number(),
  /** Communities with a sheet in this round. */
  assessed: z.number(),
  /** Of those, the sheets signed by the evaluator. */
  signed: z.number(),
  /** Signed sheets whose result qualifies (幸福社区). */
  qualified: z.number(),
  /** Active communities under the issuing unit that the round does not assess (0 when it covers them all). */
  unassessed: z.number(),
  /** `qualified` over `communities` in percent, two decimals, half up; null when there is no community. */
  sharePercent: z.number().nullable(),
  /** The target, an integer percent (inclusive). */
  targetPercent: z.number(),
  /** `qualified` / `communities` ≥ the target, compared exactly (not on the rounded share). */
  met: z.boolean(),
});
export type CoverageDto = z.infer<typeof coverageSchema>;

export const resultsSchema = z.object({
  round: roundSchema,
  edgeRuleText: z.string(),
  roundingText: z.string(),
  /** The framework's grade bands (lower bounds), for charts. */
  bands: z.array(z.object({ key: z.string(), name: z.string(), min: z.number() })),
  rows: z.array(resultRowSchema),
  coverage: coverageSchema,
});
export type ResultsDto = z.infer<typeof resultsSchema>;

/** The records Linli holds that bear on one node of a sheet, by source (issue 12: evidence from other modules). */
export const evidenceCandidatesSchema = z.object({
  nodeId: z.string(),
  /** The round's year, China time. */
  period: z.object({ from: z.string(), to: z.string() }),
  sources: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      records: z.array(
        z.object({
          ref: z.string(),
          title: z.string(),
          detail: z.string().nullable(),
          date: z.date().nullable(),
          linked: z.boolean(),
        }),
      ),
    }),
  ),
});
export type EvidenceCandidatesDto = z.infer<typeof evidenceCandidatesSchema>;

export const evidenceCandidatesQuery = z.strictObject({ nodeId: z.uuid() });

export const linkEvidenceBody = z.strictObject({
  nodeId: z.uuid(),
  source: z.string().min(1).max(80),
  ref: z.string().min(1).max(200),
});
export type LinkEvidenceBody = z.infer<typeof linkEvidenceBody>;
