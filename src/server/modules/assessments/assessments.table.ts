import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FrameworkConfig, ScoreResult } from '../../../shared/contracts/assessmentScoring';
import {
  actorColumns,
  createdByAndAt,
  createdByColumns,
  createdByTimestamps,
  createdByVersionedTimestamps,
  eventsTable,
  pathIndex,
  scopedColumns,
  stateComment,
  ts,
  userColumns,
  versionedTimestamps,
} from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/**
 * An indicator framework (测评标准): platform-wide data, built in (seed 004's Zhoushan standard) or
 * created by civil affairs. Its content lives in versions; `key` is stable across versions.
 */
export const asFrameworks = pgTable(
  'as_frameworks',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    source: text('source'),
    note: text('note'),
    builtIn: boolean('built_in').notNull().default(false),
    ...createdByTimestamps(),
  },
  (t) => [uniqueIndex('as_frameworks_key_uq').on(t.key)],
);

/**
 * One version of a framework: its scale, parts, bands, edge rule and scoring unit (`config`) and its node
 * tree (`as_nodes`). Immutable once a round uses it (`locked_at`): a change is a new version.
 */
export const asFrameworkVersions = pgTable(
  'as_framework_versions',
  {
    id: uuid('id').primaryKey(),
    frameworkId: uuid('framework_id').notNull(),
    version: integer('version').notNull(),
    config: jsonb('config').$type<FrameworkConfig>().notNull(),
    lockedAt: ts('locked_at'),
    ...createdByAndAt(),
  },
  (t) => [uniqueIndex('as_framework_versions_uq').on(t.frameworkId, t.version)],
);

/**
 * A node of a version's indicator tree (any depth): an area (一类), an indicator (二类) or a content item
 * (三类). `weight` in hundredths of a point; a node is scored when weighted and no descendant is.
 * `evidence` names the records of other modules that bear on it (a registry key per link).
 */
export const asNodes = pgTable(
  'as_nodes',
  {
    id: uuid('id').primaryKey(),
    versionId: uuid('version_id').notNull(),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    level: integer('level').notNull(),
    sort: integer('sort').notNull(),
    partKey: text('part_key').notNull(),
    weight: integer('weight'),
    evidence: jsonb('evidence').$type<string[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex('as_nodes_version_code_uq').on(t.versionId, t.code),
    index('as_nodes_version_idx').on(t.versionId, t.sort),
  ],
);

/**
 * An assessment round (测评轮次): a city or district (`org_unit_id`/`org_path`) assesses chosen
 * communities for a year on one framework version, with a schedule and an assigned third-party evaluator.
 * States: draft → open → published.
 */
export const asRounds = scopedTable(
  'as_rounds',
  {
    versionId: uuid('version_id').notNull(),
    year: integer('year').notNull(),
    title: text('title').notNull(),
    state: text('state').notNull(),
    selfDue: date('self_due', { mode: 'string' }).notNull(),
    reviewDue: date('review_due', { mode: 'string' }).notNull(),
    evaluationDue: date('evaluation_due', { mode: 'string' }).notNull(),
    evaluatorId: uuid('evaluator_id').notNull(),
    openedAt: ts('opened_at'),
    publishedAt: ts('published_at'),
    ...createdByVersionedTimestamps(),
  },
  (t) => [index('as_rounds_year_idx').on(t.year)],
);

/** A declared doorstep project of a sheet and the third party's ratings of it (R-AS-4). */
export interface SheetProject {
  name: string;
  category: string;
  ratings: Record<string, number> | null;
}

/**
 * One community's scoring sheet in a round (`org_unit_id`/`org_path` = the community). States:
 * self_assessment → review → evaluation → signed (review may return to self_assessment). `result` is the
 * engine's result frozen at signing, with `signature` = sha256 of the states it was computed from.
 */
export const asSheets = pgTable(
  'as_sheets',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id').notNull(),
    ...scopedColumns(),
    subdistrictId: uuid('subdistrict_id'),
    state: text('state').notNull(),
    evaluatorId: uuid('evaluator_id').notNull(),
    projects: jsonb('projects').$type<SheetProject[]>().notNull().default([]),
    selfNote: text('self_note'),
    reviewComment: text('review_comment'),
    fieldNotes: text('field_notes'),
    signedAt: ts('signed_at'),
    ...userColumns('signedBy', 'signed_by'),
    signature: text('signature'),
    total: integer('total'),
    result: jsonb('result').$type<ScoreResult>(),
    ...versionedTimestamps(),
  },
  (t) => [
    uniqueIndex('as_sheets_round_unit_uq').on(t.roundId, t.orgUnitId),
    pathIndex('as_sheets_path_idx', t.orgPath),
    index('as_sheets_evaluator_idx').on(t.evaluatorId, t.state),
  ],
);

/**
 * A sheet's entry for one node: the community's self-assessed state and evidence, the evaluator's state,
 * data-collection methods (seed 004 标准说明二) and field notes. Content items carry evidence only.
 */
export const asItemScores = pgTable(
  'as_item_scores',
  {
    id: uuid('id').primaryKey(),
    sheetId: uuid('sheet_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    selfState: text('self_state'),
    selfEvidence: text('self_evidence'),
    evalState: text('eval_state'),
    evalMethods: text('eval_methods').array().notNull().default(sql`'{}'::text[]`),
    evalNote: text('eval_note'),
    updatedBy: uuid('updated_by'),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [uniqueIndex('as_item_scores_uq').on(t.sheetId, t.nodeId)],
);

/** Every change of a score, with who and why (the reason is required). */
export const asScoreChanges = pgTable(
  'as_score_changes',
  {
    id: uuid('id').primaryKey(),
    sheetId: uuid('sheet_id').notNull(),
    nodeId: uuid('node_id'),
    /** self | eval | projects */
    layer: text('layer').notNull(),
    before: jsonb('before').$type<unknown>(),
    after: jsonb('after').$type<unknown>(),
    reason: text('reason').notNull(),
    ...actorColumns(),
    at: ts('at').notNull(),
  },
  (t) => [index('as_score_changes_sheet_idx').on(t.sheetId, t.at)],
);

/** A sheet's timeline: every workflow step. */
export const asSheetEvents = eventsTable(
  'as_sheet_events',
  'sheetId',
  'sheet_id',
  'as_sheet_events_sheet_idx',
  stateComment(),
);

/**
 * A photo or document attached as evidence to one node of a sheet: by the community while it self-assesses
 * (网络报送), by the assigned evaluator during the evaluation (field-visit photos). The file is in storage
 * under `id`; `layer` says whose it is.
 */
export const asAttachments = pgTable(
  'as_attachments',
  {
    id: uuid('id').primaryKey(),
    sheetId: uuid('sheet_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    /** self | eval */
    layer: text('layer').notNull(),
    mime: text('mime').notNull(),
    size: integer('size').notNull(),
    fileName: text('file_name').notNull(),
    ...createdByColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('as_attachments_sheet_idx').on(t.sheetId, t.nodeId)],
);

/**
 * A record of another module attached to one node of a sheet as evidence (issue 12 "evidence from the rest of
 * Linli"): the source key and the record's `ref` in it, with the title and detail as they read when attached
 * (the record may change later; the sheet keeps what the assessor saw). `layer` says who attached it.
 */
export const asEvidenceLinks = pgTable(
  'as_evidence_links',
  {
    id: uuid('id').primaryKey(),
    sheetId: uuid('sheet_id').notNull(),
    nodeId: uuid('node_id').notNull(),
    /** self | eval */
    layer: text('layer').notNull(),
    sourceKey: text('source_key').notNull(),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    detail: text('detail'),
    recordDate: ts('record_date'),
    ...createdByColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('as_evidence_links_uq').on(t.sheetId, t.nodeId, t.sourceKey, t.ref)],
);
