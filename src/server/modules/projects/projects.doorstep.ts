/**
 * Seed 004's "家门口" doorstep projects (三(三), 二类指标 Ⅱ-11/Ⅱ-12, R-PJ-6, issue 11 §7): a community's
 * register of its own projects per year and category (at most two per category), the four standard stages
 * in order, reflections, the four documents and their completeness. The community (`projects.apply`)
 * records its own; its subdistrict (`projects.review`), the bureau (`projects.manage`) and evaluators
 * (`projects.read`) read in their subtree; out of reach = 404. Every change is audited.
 */
import {
  type CreateDoorstepBody,
  DOORSTEP_CATEGORIES,
  DOORSTEP_DOCUMENTS,
  DOORSTEP_NOTE_MAX,
  DOORSTEP_PER_CATEGORY,
  DOORSTEP_STAGES,
  type DoorstepCategory,
  type DoorstepDetailDto,
  type DoorstepDocument,
  type DoorstepDto,
  type DoorstepFileDto,
  type DoorstepListQuery,
  type DoorstepStage,
  type FrequencyPeriod,
  type MyDoorstepDto,
  type ReflectionBody,
  SETTLEMENT_TYPES,
  type SettlementType,
  type StageBody,
  type UpdateDoorstepBody,
} from '../../../shared/contracts/projects.doorstep';
import type { Locale } from '../../../shared/i18n/errors';
import { auditAccess } from '../../platform/recordAudit';
import type { AuditEntry } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import type { Page } from '../../platform/listing';
import type { Storage } from '../../platform/storage';
import { findUnitInScope, unitInScope, unitNamesOf } from '../org/org.api';
import { closedSurveysOf } from '../surveys/surveys.api';
import { authored, checkedUpload, storeUpload, uploadAudit } from './projects.upload';
import type { FileUpload } from './projects.http';
import {
  type DoorstepFileRow,
  type DoorstepRecordRow,
  type DoorstepRow,
  allDoorstepRows,
  countInCategory,
  doorstepForBoard,
  doorstepPolicy,
  fileById,
  filesOf,
  filledSlots,
  findDoorstep,
  insertDoorstep,
  insertFile,
  insertRecord,
  listDoorstepRows,
  lockCategory,
  lockDoorstep,
  recordedStages,
  recordsOf,
  stageRecord,
  updateDoorstep,
  updateRecord,
} from './projects.doorstep.repository';
import { auditDoorstep } from './projects.audit';
import { foundInReach } from '../../platform/findInScope';
import { orgUnitHead } from '../../platform/unitHead';

const categoryName = (k: string) => DOORSTEP_CATEGORIES.find((c) => c.key === k)?.name ?? k;
const stageIndex = (k: string) => DOORSTEP_STAGES.findIndex((s) => s.key === k);
const isDocument = (k: string): k is DoorstepDocument => DOORSTEP_DOCUMENTS.some((d) => d.key === k);
const isStage = (k: string): k is DoorstepStage => stageIndex(k) >= 0;

/** The project in reach for `action`, or 404. */
async function inReach(ctx: ActorCtx, id: string, action: 'read' | 'apply'): Promise<DoorstepRow> {
  return foundInReach(doorstepPolicy, ctx, action, () =>
    findDoorstep(ctx.db, id, doorstepPolicy.scope(ctx.actor, action)),
  );
}

/** The project in reach for reading, or 404. */
const readable = (ctx: ActorCtx, id: string) => inReach(ctx, id, 'read');

/** The project its own community may edit (`projects.apply` in scope), or 404. */
const editable = (ctx: ActorCtx, id: string) => inReach(ctx, id, 'apply');

/**
 * A change to a project's stages, reflections or files: `write` (which returns what the audit entry keeps),
 * the project's updated_at and the audit entry `audit.action` on the project, in one transaction; then the
 * project as it is now.
 */
async function changeProject(
  ctx: ActorCtx,
  row: DoorstepRow,
  now: Date,
  audit: { action: string },
  write: (tx: ActorCtx['db']) => Promise<Pick<AuditEntry, 'before' | 'after'>>,
): Promise<DoorstepDetailDto> {
  await ctx.db.transaction(async (tx) => {
    const entry = await write(tx);
    await updateDoorstep(tx, row.id, { updatedAt: now });
    await auditDoorstep(tx, ctx, audit.action, row.id, row, { ...entry });
  });
  return getDoorstep(ctx, row.id);
}

/** R-PJ-6: at most two per category per unit per year; call inside the transaction, under the lock. */
async function requireRoom(
  tx: ActorCtx['db'],
  r: Pick<DoorstepRow, 'orgUnitId' | 'year' | 'category'>,
  exceptId?: string,
) {
  await lockCategory(tx, r.orgUnitId, r.year, r.category);
  const n = await countInCategory(tx, r.orgUnitId, r.year, r.category, exceptId);
  if (n >= DOORSTEP_PER_CATEGORY)
    throw new AppError('projects.doorstep_category_full', 409, {
      year: r.year,
      category: categoryName(r.category),
      count: n,
      limit: DOORSTEP_PER_CATEGORY,
    });
}

function listDto(
  r: DoorstepRow,
  names: Map<string, string>,
  stages: Set<string> | undefined,
  slots: Set<string> | undefined,
): DoorstepDto {
  const done = DOORSTEP_STAGES.filter((s) => stages?.has(s.key));
  return {
    ...orgUnitHead(r, names),
    year: r.year,
    category: r.category as DoorstepCategory,
    name: r.name,
    settlementType: (r.settlementType as SettlementType | null) ?? null,
    budgetFen: r.budgetFen,
    serviceTimes: r.serviceTimes,
    servicePer: r.servicePer as FrequencyPeriod,
    peopleServed: r.peopleServed,
    stage: done.length ? done[done.length - 1]!.key : null,
    stagesDone: done.length,
    documentsDone: DOORSTEP_DOCUMENTS.filter((d) => slots?.has(d.key)).length,
    updatedAt: r.updatedAt.toISOString(),
  };
}

async function listDtos(ctx: ActorCtx, rows: DoorstepRow[]): Promise<DoorstepDto[]> {
  const ids = rows.map((r) => r.id);
  const [names, stages, slots] = await Promise.all([
    unitNamesOf(ctx.db, rows),
    recordedStages(ctx.db, ids),
    filledSlots(ctx.db, ids),
  ]);
  return rows.map((r) => listDto(r, names, stages.get(r.id), slots.get(r.id)));
}

/** The register in the actor's reach, filtered by year, category and unit, a page at a time. */
export async function listDoorstep(ctx: ActorCtx, q: DoorstepListQuery): Promise<Page<DoorstepDto>> {
  doorstepPolicy.require(ctx.actor, 'read');
  if (q.orgUnitId && !(await unitInScope(ctx.db, ctx.actor, 'projects.read', q.orgUnitId))) throw notFound();
  const page = await listDoorstepRows(ctx.db, doorstepPolicy.scope(ctx.actor, 'read'), q);
  return { ...page, items: await listDtos(ctx, page.items) };
}

const fileDto = (f: DoorstepFileRow): DoorstepFileDto => ({
  id: f.id,
  fileName: f.fileName,
  mime: f.mime,
  size: f.size,
  note: f.note,
  url: `/api/projects/doorstep-files/${f.id}`,
  createdByName: f.createdByName,
  createdAt: f.createdAt.toISOString(),
});

/** One project with its stage timeline, reflections, documents and completeness. */
export async function getDoorstep(ctx: ActorCtx, id: string): Promise<DoorstepDetailDto> {
  const row = await readable(ctx, id);
  return detailOf(ctx, row);
}

async function detailOf(ctx: ActorCtx, row: DoorstepRow): Promise<DoorstepDetailDto> {
  const [[base], records, files] = await Promise.all([
    listDtos(ctx, [row]),
    recordsOf(ctx.db, [row.id]),
    filesOf(ctx.db, [row.id]),
  ]);
  const stageOf = (k: string): DoorstepRecordRow | undefined =>
    records.find((r) => r.kind === 'stage' && r.stage === k);
  const documents = DOORSTEP_DOCUMENTS.map((d) => {
    const fs = files.filter((f) => f.slot === d.key).map(fileDto);
    return { document: d.key, complete: fs.length > 0, files: fs };
  });
  const stages = DOORSTEP_STAGES.map((s) => {
    const r = stageOf(s.key);
    return {
      stage: s.key,
      record: r
        ? {
            text: r.text,
            date: r.recordDate,
            survey: r.surveyId ? { id: r.surveyId, title: r.surveyTitle ?? '' } : null,
            createdByName: r.createdByName,
            updatedAt: r.updatedAt.toISOString(),
          }
        : null,
      files: files.filter((f) => f.slot === s.key).map(fileDto),
    };
  });
  return {
    ...base!,
    summary: row.summary,
    createdByName: row.createdByName,
    stages,
    reflections: records
      .filter((r) => r.kind === 'reflection')
      .map((r) => ({
        id: r.id,
        text: r.text,
        date: r.recordDate,
        createdByName: r.createdByName,
        createdAt: r.createdAt.toISOString(),
      })),
    documents,
    completeness: {
      stages: stages.filter((s) => s.record).length,
      stagesTotal: DOORSTEP_STAGES.length,
      documents: documents.filter((d) => d.complete).length,
      documentsTotal: DOORSTEP_DOCUMENTS.length,
    },
    canEdit: doorstepPolicy.can(ctx.actor, 'apply', row),
  };
}

/** Registers a doorstep project of one of the actor's communities (R-PJ-6: two per category and year). */
export async function createDoorstep(ctx: ActorCtx, body: CreateDoorstepBody): Promise<DoorstepDetailDto> {
  doorstepPolicy.require(ctx.actor, 'apply');
  const unit = await findUnitInScope(ctx, body.orgUnitId, 'projects.apply');
  if (unit.kind !== 'community') throw new AppError('projects.doorstep_not_community', 422);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    await requireRoom(tx, { orgUnitId: unit.id, year: body.year, category: body.category });
    const r = await insertDoorstep(tx, {
      id: ctx.ids(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      year: body.year,
      category: body.category,
      name: body.name,
      settlementType: body.settlementType ?? null,
      budgetFen: body.budgetFen,
      serviceTimes: body.serviceTimes,
      servicePer: body.servicePer,
      peopleServed: body.peopleServed,
      summary: body.summary || null,
      ...authored(ctx, now),
    });
    const { id: _i, createdAt: _c, updatedAt: _u, ...after } = r;
    await auditDoorstep(tx, ctx, 'projects.doorstep.create', r.id, r, { after });
    return r;
  });
  return detailOf(ctx, row);
}

/** Edits a project's register entry; moving it to another year or category counts again (R-PJ-6). */
export async function updateDoorstepProject(
  ctx: ActorCtx,
  id: string,
  body: UpdateDoorstepBody,
): Promise<DoorstepDetailDto> {
  const before = await editable(ctx, id);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    await lockDoorstep(tx, before.id);
    const year = body.year ?? before.year;
    const category = body.category ?? before.category;
    if (year !== before.year || category !== before.category)
      await requireRoom(tx, { orgUnitId: before.orgUnitId, year, category }, before.id);
    const patch = {
      year,
      category,
      ...(body.name !== undefined && { name: body.name }),
      ...(body.settlementType !== undefined && { settlementType: body.settlementType ?? null }),
      ...(body.budgetFen !== undefined && { budgetFen: body.budgetFen }),
      ...(body.serviceTimes !== undefined && { serviceTimes: body.serviceTimes }),
      ...(body.servicePer !== undefined && { servicePer: body.servicePer }),
      ...(body.peopleServed !== undefined && { peopleServed: body.peopleServed }),
      ...(body.summary !== undefined && { summary: body.summary || null }),
      updatedAt: now,
    };
    const r = await updateDoorstep(tx, before.id, patch);
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter(
      (k) => k !== 'updatedAt' && before[k] !== r[k],
    );
    await auditDoorstep(tx, ctx, 'projects.doorstep.update', r.id, r, {
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, r[k]])),
    });
    return r;
  });
  return detailOf(ctx, row);
}

/**
 * Records (or corrects) one of the four stages (Ⅱ-12, R-PJ-6): not before the previous stage is recorded
 * (409), not dated before it (422). The needs survey may link a closed survey covering the community.
 */
export async function recordStage(ctx: ActorCtx, id: string, body: StageBody): Promise<DoorstepDetailDto> {
  const row = await editable(ctx, id);
  const stage = body.stage;
  let survey: { id: string; title: string } | null = null;
  if (body.surveyId) {
    if (stage !== 'survey') throw new AppError('projects.doorstep_survey_stage', 422);
    const found = (await closedSurveysOf(ctx.db, { orgPath: row.orgPath })).find(
      (s) => s.id === body.surveyId,
    );
    if (!found) throw new AppError('projects.doorstep_survey', 422);
    survey = { id: found.id, title: found.title };
  }
  const i = stageIndex(stage);
  const now = ctx.clock.now();
  return changeProject(ctx, row, now, { action: 'projects.doorstep.stage' }, async (tx) => {
    await lockDoorstep(tx, row.id);
    if (i > 0) {
      const prev = DOORSTEP_STAGES[i - 1]!;
      const p = await stageRecord(tx, row.id, prev.key);
      if (!p)
        throw new AppError('projects.doorstep_stage_order', 409, {
          previous: prev.name,
          stage: DOORSTEP_STAGES[i]!.name,
        });
      if (body.date < p.recordDate)
        throw new AppError('projects.doorstep_stage_date', 422, {
          previous: prev.name,
          stage: DOORSTEP_STAGES[i]!.name,
          date: p.recordDate,
        });
    }
    const existing = await stageRecord(tx, row.id, stage);
    const fields = {
      text: body.text,
      recordDate: body.date,
      surveyId: survey?.id ?? null,
      surveyTitle: survey?.title ?? null,
    };
    const r = existing
      ? await updateRecord(tx, existing.id, { ...fields, updatedAt: now })
      : await insertRecord(tx, {
          id: ctx.ids(),
          projectId: row.id,
          orgPath: row.orgPath,
          kind: 'stage',
          stage,
          ...fields,
          ...authored(ctx, now),
        });
    return {
      ...(existing && {
        before: { stage, text: existing.text, date: existing.recordDate, surveyId: existing.surveyId },
      }),
      after: { recordId: r.id, stage, text: r.text, date: r.recordDate, surveyId: r.surveyId },
    };
  });
}

/** Adds a reflection / improvement note (Ⅱ-12: 工作反思和改进措施). */
export async function addReflection(
  ctx: ActorCtx,
  id: string,
  body: ReflectionBody,
): Promise<DoorstepDetailDto> {
  const row = await editable(ctx, id);
  const now = ctx.clock.now();
  return changeProject(ctx, row, now, { action: 'projects.doorstep.reflection' }, async (tx) => {
    const r = await insertRecord(tx, {
      id: ctx.ids(),
      projectId: row.id,
      orgPath: row.orgPath,
      kind: 'reflection',
      stage: null,
      text: body.text,
      recordDate: body.date,
      ...authored(ctx, now),
    });
    return { after: { recordId: r.id, text: r.text, date: r.recordDate } };
  });
}

export type DoorstepUpload = FileUpload<'slot' | 'note'>;

/**
 * Attaches a file to a recorded stage or to one of the four documents (platform storage, typed by its
 * bytes like the archive: 415 otherwise; a stage not yet recorded 409; an unknown slot 422).
 */
export async function addDoorstepFile(
  ctx: ActorCtx,
  storage: Storage,
  id: string,
  read: () => Promise<DoorstepUpload>,
): Promise<DoorstepDetailDto> {
  const row = await editable(ctx, id);
  const upload = await read();
  if (!isStage(upload.slot) && !isDocument(upload.slot)) throw new AppError('projects.doorstep_slot', 422);
  const checked = checkedUpload(upload, DOORSTEP_NOTE_MAX, {
    noteTooLong: 'projects.doorstep_note_too_long',
    fileRequired: 'projects.doorstep_file_required',
    fileType: 'projects.doorstep_file_type',
  });
  if (isStage(upload.slot) && !(await stageRecord(ctx.db, row.id, upload.slot)))
    throw new AppError('projects.doorstep_stage_missing', 409, {
      stage: DOORSTEP_STAGES[stageIndex(upload.slot)]!.name,
    });
  const stored = await storeUpload(ctx, storage, checked);
  return changeProject(ctx, row, stored.createdAt, { action: 'projects.doorstep.file' }, async (tx) => {
    const f = await insertFile(tx, {
      id: ctx.ids(),
      projectId: row.id,
      orgPath: row.orgPath,
      slot: upload.slot,
      ...stored,
    });
    return { after: { fileRecordId: f.id, slot: f.slot, ...uploadAudit(f) } };
  });
}

/** A file of a project the actor may read (404 otherwise or when missing). */
export async function doorstepFile(ctx: ActorCtx, storage: Storage, fileRecordId: string) {
  doorstepPolicy.require(ctx.actor, 'read');
  const f = await fileById(ctx.db, fileRecordId);
  const row = f
    ? await findDoorstep(ctx.db, f.projectId, doorstepPolicy.scope(ctx.actor, 'read'))
    : undefined;
  const data = f && row ? await storage.get(f.fileId) : null;
  if (!f || !data) throw notFound();
  return { file: f, data };
}

/** Closed surveys covering the project's community, to link to its needs survey. */
export async function surveysForDoorstep(ctx: ActorCtx, id: string) {
  const row = await editable(ctx, id);
  const list = await closedSurveysOf(ctx.db, { orgPath: row.orgPath });
  return { items: list.map((s) => ({ id: s.id, title: s.title, year: s.year, responses: s.responses })) };
}

const PER_ZH: Record<FrequencyPeriod, string> = { week: '周', month: '月', quarter: '季度', year: '年' };

/** The register as .xlsx for staff (`projects.export`), with the same filters; audited. */
export async function doorstepXlsxRows(
  ctx: ActorCtx,
  q: Omit<DoorstepListQuery, 'page' | 'pageSize'>,
  locale: Locale,
) {
  doorstepPolicy.require(ctx.actor, 'export');
  if (q.orgUnitId && !(await unitInScope(ctx.db, ctx.actor, 'projects.export', q.orgUnitId)))
    throw notFound();
  const rows = await listDtos(
    ctx,
    await allDoorstepRows(ctx.db, doorstepPolicy.scope(ctx.actor, 'export'), q),
  );
  const en = locale === 'en';
  const label = <T extends { key: string; name: string; en: string }>(
    list: readonly T[],
    k: string | null,
  ) => {
    const x = list.find((c) => c.key === k);
    return x ? (en ? x.en : x.name) : '';
  };
  await auditAccess(ctx, {
    action: 'projects.doorstep.export',
    entityType: 'pj_doorstep_project',
    entityId: null,
    orgPath: doorstepPolicy.roots(ctx.actor, 'export')[0] ?? null,
    after: { ...q, rows: rows.length },
  });
  const columns = [
    { header: en ? 'Community' : '社区', width: 18, value: (r: DoorstepDto) => r.orgUnitName },
    { header: en ? 'Year' : '年度', width: 8, value: (r: DoorstepDto) => r.year },
    {
      header: en ? 'Category' : '项目类别',
      width: 14,
      value: (r: DoorstepDto) => label(DOORSTEP_CATEGORIES, r.category),
    },
    { header: en ? 'Project' : '项目名称', width: 28, value: (r: DoorstepDto) => r.name },
    {
      header: en ? 'Settlement type' : '居住区类型',
      width: 16,
      value: (r: DoorstepDto) => label(SETTLEMENT_TYPES, r.settlementType),
    },
    { header: en ? 'Budget (yuan)' : '预算（元）', width: 14, value: (r: DoorstepDto) => r.budgetFen / 100 },
    {
      header: en ? 'Frequency' : '服务频次',
      width: 14,
      value: (r: DoorstepDto) =>
        en ? `${r.serviceTimes} per ${r.servicePer}` : `每${PER_ZH[r.servicePer]}${r.serviceTimes}次`,
    },
    { header: en ? 'People served' : '服务人数', width: 10, value: (r: DoorstepDto) => r.peopleServed },
    {
      header: en ? 'Stage' : '当前环节',
      width: 12,
      value: (r: DoorstepDto) => label(DOORSTEP_STAGES, r.stage),
    },
    { header: en ? 'Stages' : '环节', width: 8, value: (r: DoorstepDto) => `${r.stagesDone}/4` },
    { header: en ? 'Documents' : '资料', width: 8, value: (r: DoorstepDto) => `${r.documentsDone}/4` },
  ];
  return { columns, rows };
}

/** A resident's community's doorstep projects: name, category, stage, frequency and people served only. */
export async function myDoorstep(ctx: ActorCtx): Promise<{ items: MyDoorstepDto[] }> {
  const rows = await listDtos(ctx, await doorstepForBoard(ctx.db, doorstepPolicy.roots(ctx.actor, 'board')));
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      category: r.category,
      year: r.year,
      stage: r.stage,
      serviceTimes: r.serviceTimes,
      servicePer: r.servicePer,
      peopleServed: r.peopleServed,
      orgUnitName: r.orgUnitName,
    })),
  };
}
