import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  IMPORT_LIMITS,
  type ImportJobDetailDto,
  type ImportJobDto,
  type ImportListQuery,
  type ImportPreviewRow,
  type ImportStatus,
  RESIDENT_IMPORT_COLUMNS,
  type ResidentImportColumn,
} from '../../../shared/contracts/imports';
import { formatMessage, type Locale } from '../../../shared/i18n/errors';
import { label } from '../../../shared/i18n/labels';
import { writeAudit } from '../../platform/audit';
import { auditRecord } from '../../platform/recordAudit';
import type { Clock } from '../../platform/clock';
import type { Pii } from '../../platform/crypto';
import type { ActorCtx } from '../../platform/context';
import { type Db, isUniqueViolation } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { importsPolicy } from './imports.policy';
import {
  claimForCommit,
  deleteStagingRows,
  errorRowsAfter,
  findJobRow,
  type JobRow,
  listJobRows,
  previewRowsOf,
  reloadJob,
  setJobStatus,
} from './imports.repository';
import {
  deleteFinishedStagingRows,
  deleteStagingRowsOf,
  failParsingJob,
  insertJob,
  insertStagedResidents,
  jobIdsInStatus,
  markCommitted,
  markValidated,
  setJobsFailed,
  setRowErrors,
  stageRows,
  stagedBuildingRooms,
  stagedRowsWithTakenIdNumbers,
  validatedJobIdsBefore,
} from './imports.pipeline.repository';
import { userDisplayNames } from '../accounts/accounts.api';
import {
  activeChildrenOf,
  activeUnitsUnder,
  communityOfPath,
  findUnitInScope,
  insertHouseholds,
  type OrgUnit,
  unitById,
  unitNames,
  unitsByIds,
} from '../org/org.api';
import { registeredIdNumberHashes, sealPii, sealSpecialGroups } from '../residents/residents.api';
import {
  type CellValue,
  countCsvRows,
  csvRecords,
  type CsvEncoding,
  decodeCsv,
  detectDelimiter,
  type FileFormat,
  type SourceRow,
  sniffFormat,
  verifyXlsx,
  xlsxRows,
} from './imports.files';
import { buildingKey, isBlankRow, mapHeader, parseResidentRow } from './imports.mapping';
import type { ImportRowError } from './imports.table';

type ImportAction = Parameters<typeof importsPolicy.require>[1];

/**
 * Rows validated, encrypted and written to staging per statement. The statement of one batch runs while
 * the next batch is validated and encrypted.
 */
export const BATCH_SIZE = 2000;
/** Rows validated or encrypted between two yields to the event loop, so other requests keep being answered. */
const CHUNK_ROWS = 200;
const yieldNow = () => new Promise((resolve) => setImmediate(resolve));
const MAX_ROWS = IMPORT_LIMITS.maxRows;
const MAX_STORED_ERRORS = IMPORT_LIMITS.shownErrors;
/** Units a resident import may target: the rows land there, or in a building / household below it. */
const TARGET_KINDS = ['community', 'grid', 'compound', 'building'];
/** A parse nobody has advanced for this long is considered dead (its process stopped). */
const STALE_PARSE_MS = 5 * 60_000;
/** Validated imports nobody committed are dropped (with their encrypted staging rows) after this long. */
const STAGING_TTL_MS = 7 * 24 * 3600_000;

// ---------------------------------------------------------------------------------------------
// Background runner

interface Running {
  abort: AbortController;
  done: Promise<void>;
}

/**
 * The parses running in this process. The app creates one and stops it on close, so a graceful
 * shutdown marks in-flight imports as interrupted instead of leaving them half-parsed.
 */
export function createImportRunner(log?: { error(obj: object, msg: string): void }) {
  const running = new Map<string, Running>();
  return {
    start(jobId: string, work: (signal: AbortSignal) => Promise<void>) {
      const abort = new AbortController();
      const done = work(abort.signal)
        // The job is already marked failed (common.internal); keep the cause for operators.
        .catch((err: unknown) => log?.error({ err, importJobId: jobId }, 'import parse failed'))
        .finally(() => running.delete(jobId));
      running.set(jobId, { abort, done });
    },
    isRunning: (jobId: string) => running.has(jobId),
    abort(jobId: string) {
      running.get(jobId)?.abort.abort();
    },
    async stopAll() {
      const all = [...running.values()];
      for (const r of all) r.abort.abort();
      await Promise.all(all.map((r) => r.done));
    },
  };
}
export type ImportRunner = ReturnType<typeof createImportRunner>;

// ---------------------------------------------------------------------------------------------
// DTOs

function renderParams(params: Record<string, string | number> | null | undefined, locale: Locale) {
  if (!params) return {};
  const out: Record<string, string | number> = { ...params };
  if (typeof params.columns === 'string') {
    // 'name,idNumber|gender' → '姓名、身份证号或性别'
    out.columns = params.columns
      .split(',')
      .map((alt) =>
        alt
          .split('|')
          .map((c) => label(c, locale))
          .join(locale === 'en' ? ' or ' : '或'),
      )
      .join(locale === 'en' ? ', ' : '、');
  }
  return out;
}

function renderError(e: ImportRowError, locale: Locale) {
  return {
    row: e.row,
    field: e.column,
    column: label(e.column, locale),
    code: e.code,
    reason: formatMessage(e.code, locale, renderParams(e.params, locale)),
  };
}

function toJobDto(
  ctx: ActorCtx,
  job: JobRow,
  names: { unit?: string | null; user?: string | null },
  locale: Locale,
): ImportJobDto {
  const abilities = importsPolicy.abilities(ctx.actor, job, { commit: 'commit', cancel: 'cancel' });
  const validRows = job.processedRows - job.errorRows;
  return {
    id: job.id,
    kind: job.kind,
    orgUnitId: job.orgUnitId,
    orgUnitName: names.unit ?? null,
    fileName: job.fileName,
    format: job.format as FileFormat,
    encoding: (job.encoding as CsvEncoding | null) ?? null,
    fileSize: job.fileSize,
    status: job.status as ImportStatus,
    progress: job.progress,
    totalRows: job.totalRows,
    processedRows: job.processedRows,
    validRows,
    errorRows: job.errorRows,
    failure: job.failureCode
      ? {
          code: job.failureCode,
          message: formatMessage(job.failureCode, locale, renderParams(job.failureParams, locale)),
        }
      : null,
    committedRows: job.committedRows,
    committedAt: job.committedAt,
    createdBy: job.createdBy,
    createdByName: names.user ?? null,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    abilities,
  };
}

async function withNames(ctx: ActorCtx, jobs: JobRow[], locale: Locale): Promise<ImportJobDto[]> {
  if (jobs.length === 0) return [];
  const unitIds = [...new Set(jobs.map((j) => j.orgUnitId))];
  const userIds = [...new Set(jobs.map((j) => j.createdBy))];
  const unitName = await unitNames(ctx.db, unitIds);
  const userName = await userDisplayNames(ctx.db, userIds);
  return jobs.map((j) =>
    toJobDto(ctx, j, { unit: unitName.get(j.orgUnitId), user: userName.get(j.createdBy) }, locale),
  );
}

// ---------------------------------------------------------------------------------------------
// Upload

/**
 * Starts a resident import: checks the file can be read at all (format, encoding, zip integrity —
 * a bad file is refused with 400 and nothing is stored), creates the job and parses in the
 * background. Returns the job in status 'parsing'.
 */
export async function startResidentImport(
  ctx: ActorCtx,
  runner: ImportRunner,
  input: { orgUnitId: string; fileName: string; file: Buffer },
  locale: Locale,
): Promise<ImportJobDto> {
  importsPolicy.require(ctx.actor, 'import');
  const unit = await findUnitInScope(ctx, input.orgUnitId, 'residents.import');
  if (!TARGET_KINDS.includes(unit.kind))
    throw new AppError(
      'imports.unit_kind',
      422,
      {},
      { fields: [{ path: 'orgUnitId', code: 'imports.unit_kind' }] },
    );
  if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  const community = await communityOfPath(ctx.db, unit.path);
  if (!community) throw new AppError('imports.unit_kind', 422);

  const format = sniffFormat(input.fileName, input.file);
  let csv: { text: string; delimiter: string } | undefined;
  let encoding: CsvEncoding | null = null;
  let totalRows = 0;
  if (format === 'csv') {
    const decoded = decodeCsv(input.file);
    const text = decoded.text;
    encoding = decoded.encoding;
    const delimiter = detectDelimiter(text);
    totalRows = countCsvRows(text, delimiter);
    if (totalRows === 0) throw new AppError('imports.no_rows', 400);
    if (totalRows > MAX_ROWS) throw new AppError('imports.too_many_rows', 400, { max: MAX_ROWS });
    csv = { text, delimiter };
  } else {
    await verifyXlsx(input.file);
  }

  const id = ctx.ids();
  const now = ctx.clock.now();
  const job = await ctx.db.transaction(async (tx) => {
    const created = await insertJob(tx, {
      id,
      kind: 'residents',
      orgUnitId: unit.id,
      orgPath: unit.path,
      fileName: input.fileName.slice(0, 200),
      format,
      encoding,
      fileSize: input.file.length,
      status: 'parsing',
      totalRows,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, ctx, {
      action: 'imports.upload',
      entityType: 'import_job',
      entityId: id,
      orgPath: unit.path,
      after: {
        kind: 'residents',
        fileName: created.fileName,
        format,
        encoding,
        fileSize: input.file.length,
        orgUnitId: unit.id,
      },
    });
    return created;
  });

  const size = input.file.length;
  runner.start(id, async (signal) => {
    let bytes = 0;
    const source: AsyncIterable<SourceRow & { end?: number }> = csv
      ? csvSource(csv.text, csv.delimiter)
      : xlsxRows(input.file, (read) => {
          bytes = read;
        });
    const progress = (row?: { end?: number }) =>
      Math.min(99, Math.floor(((row?.end ?? bytes) / (csv ? csv.text.length : size)) * 100));
    await parseJob(ctx, job, unit, source, progress, signal);
  });
  return (await withNames(ctx, [job], locale))[0]!;
}

async function* csvSource(text: string, delimiter: string): AsyncGenerator<SourceRow & { end: number }> {
  for (const r of csvRecords(text, delimiter)) yield r;
}

/** An error from reading the file (not from our own processing). */
class SourceError extends Error {
  constructor(readonly original: unknown) {
    super('import source failed');
  }
}

async function* guarded<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = await it.next();
      } catch (e) {
        throw new SourceError(e);
      }
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await it.return?.()?.catch(() => undefined);
  }
}

class Stop extends Error {}

interface BuildingRef {
  id: string;
  name: string;
}

/** Buildings under the target unit by comparison key; a key shared by two buildings is ambiguous. */
async function loadBuildings(db: Db, unit: OrgUnit): Promise<Map<string, BuildingRef | 'ambiguous'>> {
  const rows = await activeUnitsUnder(db, 'building', unit.path);
  const parentIds = [...new Set(rows.map((r) => r.parentId).filter((p): p is string => !!p))];
  const compounds = (await unitsByIds(db, parentIds)).filter((u) => u.kind === 'compound');
  const compoundName = new Map(compounds.map((c) => [c.id, c.name]));
  const map = new Map<string, BuildingRef | 'ambiguous'>();
  const add = (key: string, ref: BuildingRef) => {
    const prev = map.get(key);
    map.set(key, prev && (prev === 'ambiguous' || prev.id !== ref.id) ? 'ambiguous' : ref);
  };
  for (const b of rows) {
    const ref = { id: b.id, name: b.name };
    add(buildingKey(b.name), ref);
    const compound = b.parentId ? compoundName.get(b.parentId) : undefined;
    if (compound) add(buildingKey(`${compound}${b.name}`), ref);
  }
  return map;
}

/**
 * Reads the file row by row, validates each row and writes batches of BATCH_SIZE rows to staging, each
 * batch in one statement that also advances the job's progress (and writes nothing once the job is no
 * longer parsing). Ends in 'validated', or 'failed' with a reason; a cancelled job just stops.
 */
async function parseJob(
  ctx: ActorCtx,
  job: JobRow,
  unit: OrgUnit,
  source: AsyncIterable<SourceRow & { end?: number }>,
  progressOf: (row?: { end?: number }) => number,
  signal: AbortSignal,
) {
  // The staging write of the previous batch, still running while the next batch is prepared.
  let writing: Promise<void> | undefined;
  const written = async () => {
    const w = writing;
    writing = undefined;
    await w;
  };
  const fail = async (code: string, params?: Record<string, string | number>) => {
    await written().catch(() => undefined);
    await ctx.db.transaction(async (tx) => {
      const updated = await failParsingJob(tx, job.id, code, params ?? null, ctx.clock.now());
      if (updated) await deleteStagingRows(tx, job.id);
    });
  };
  try {
    const buildings = await loadBuildings(ctx.db, unit);
    const seenIds = new Map<string, number>();
    let header: Map<ResidentImportColumn, number> | null = null;
    let headerCandidates = 0;
    let count = 0;
    let storedErrors = 0;
    let batch: SourceRow[] = [];
    let lastRow: { end?: number } | undefined;

    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch;
      batch = [];
      const staged = await validateBatch(
        { ...ctx, pii: memoIdIndex(ctx.pii) },
        unit,
        header!,
        rows,
        buildings,
        seenIds,
      );
      const newErrors: ImportRowError[] = [];
      let errorRows = 0;
      for (const s of staged) {
        if (!s.errors) continue;
        errorRows++;
        for (const e of s.errors) if (storedErrors + newErrors.length < MAX_STORED_ERRORS) newErrors.push(e);
      }
      storedErrors += newErrors.length;
      const progress = { processed: rows.length, errorRows, count, progress: progressOf(lastRow), newErrors };
      await written();
      writing = stageBatch(ctx, job.id, staged, progress);
      // Rejections surface at the next `written()`; this keeps them from counting as unhandled meanwhile.
      writing.catch(() => undefined);
    };
    for await (const row of guarded(source)) {
      if (signal.aborted) throw new Stop();
      lastRow = row;
      if (isBlankRow(row.cells)) continue;
      if (!header) {
        header = mapHeader(row.cells);
        if (header) {
          const missing: string[] = (['name', 'registrationStatus'] as const).filter((c) => !header!.has(c));
          if (!header.has('idNumber') && !header.has('gender')) missing.push('idNumber|gender');
          if (missing.length) return await fail('imports.missing_columns', { columns: missing.join(',') });
        } else if (++headerCandidates >= 10) {
          return await fail('imports.missing_columns', { columns: 'name' });
        }
        continue;
      }
      if (++count > MAX_ROWS) return await fail('imports.too_many_rows', { max: MAX_ROWS });
      batch.push(row);
      if (batch.length >= BATCH_SIZE) await flush();
    }
    if (signal.aborted) throw new Stop();
    if (!header)
      return await fail(
        headerCandidates ? 'imports.missing_columns' : 'imports.no_rows',
        headerCandidates ? { columns: 'name' } : undefined,
      );
    await flush();
    await written();
    if (count === 0) return await fail('imports.no_rows');
    await markValidated(ctx.db, job.id, count, ctx.clock.now());
  } catch (e) {
    if (e instanceof Stop) {
      // Cancelled (the cancel removed the staging rows) or the server is shutting down.
      if (signal.aborted) await fail('imports.interrupted').catch(() => undefined);
      return;
    }
    const original = e instanceof SourceError ? e.original : e;
    if (original instanceof AppError)
      return await fail(original.code, original.params as Record<string, string | number>).catch(
        () => undefined,
      );
    if (e instanceof SourceError) return await fail('imports.corrupt').catch(() => undefined);
    await fail('common.internal').catch(() => undefined);
    throw e;
  }
}

/** A row's ID number is hashed when validated and again when sealed: the second time comes from here. */
function memoIdIndex(pii: Pii): Pii {
  const memo = new Map<string, string>();
  return {
    ...pii,
    blindIndex(kind, plain) {
      if (kind !== 'id') return pii.blindIndex(kind, plain);
      let hash = memo.get(plain);
      if (hash === undefined) {
        hash = pii.blindIndex(kind, plain);
        memo.set(plain, hash);
      }
      return hash;
    },
  };
}

interface StagedRow {
  rowNo: number;
  data?: Record<string, unknown>;
  errors?: ImportRowError[];
}

/**
 * Validates a batch: cell rules, building lookup, duplicates inside the file and ID numbers already
 * registered (one query for the whole batch), then seals the valid rows' personal data. Yields to the
 * event loop every CHUNK_ROWS rows.
 */
async function validateBatch(
  ctx: ActorCtx,
  unit: OrgUnit,
  header: Map<ResidentImportColumn, number>,
  rows: SourceRow[],
  buildings: Map<string, BuildingRef | 'ambiguous'>,
  seenIds: Map<string, number>,
): Promise<StagedRow[]> {
  const parsed: { rowNo: number; result: ReturnType<typeof parseResidentRow> }[] = [];
  const hashes = new Map<number, string>();
  for (const [i, r] of rows.entries()) {
    const result = parseResidentRow(r.rowNo, r.cells as CellValue[], header);
    parsed.push({ rowNo: r.rowNo, result });
    if (result.ok && result.value.idNumber)
      hashes.set(r.rowNo, ctx.pii.blindIndex('id', result.value.idNumber));
    if ((i + 1) % CHUNK_ROWS === 0) await yieldNow();
  }
  const registered = await registeredIdNumberHashes(ctx.db, [...new Set(hashes.values())]);
  const stage = ({ rowNo, result }: (typeof parsed)[number]): StagedRow => {
    if (!result.ok) return { rowNo, errors: result.errors };
    const v = result.value;
    const errors: ImportRowError[] = [];
    const hash = hashes.get(rowNo);
    if (hash) {
      const first = seenIds.get(hash);
      if (first !== undefined)
        errors.push({
          row: rowNo,
          column: 'idNumber',
          code: 'imports.duplicate_in_file',
          params: { row: first },
        });
      else seenIds.set(hash, rowNo);
      if (registered.has(hash))
        errors.push({ row: rowNo, column: 'idNumber', code: 'residents.id_number_taken' });
    }
    let building: BuildingRef | null = null;
    if (v.building) {
      const found = buildings.get(buildingKey(v.building));
      if (!found)
        errors.push({
          row: rowNo,
          column: 'building',
          code: 'imports.building_unknown',
          params: { value: v.building },
        });
      else if (found === 'ambiguous')
        errors.push({
          row: rowNo,
          column: 'building',
          code: 'imports.building_ambiguous',
          params: { value: v.building },
        });
      else building = found;
    } else if (unit.kind === 'building') {
      building = { id: unit.id, name: unit.name };
    }
    if (errors.length) return { rowNo, errors };
    return {
      rowNo,
      data: {
        id: ctx.ids(),
        name: v.name,
        gender: v.gender,
        birthDate: v.birthDate,
        ...sealPii(ctx.pii, { idNumber: v.idNumber, phone: v.phone, address: v.address }),
        buildingId: building?.id ?? null,
        buildingName: building?.name ?? null,
        room: v.room,
        registrationStatus: v.registrationStatus,
        // Staged sealed like the ID number: ciphertext and blind indexes, never the clear tags (R-LAW-PI-1).
        ...sealSpecialGroups(ctx.pii, v.tags),
        notes: v.notes,
      },
    };
  };
  const out: StagedRow[] = [];
  for (const [i, p] of parsed.entries()) {
    out.push(stage(p));
    if ((i + 1) % CHUNK_ROWS === 0) await yieldNow();
  }
  return out;
}

/**
 * Writes one batch to staging and advances the job, in one statement: nothing is written once the job
 * is no longer parsing (cancelled, failed), and then `Stop` is thrown.
 */
async function stageBatch(
  ctx: ActorCtx,
  jobId: string,
  staged: StagedRow[],
  p: { processed: number; errorRows: number; count: number; progress: number; newErrors: ImportRowError[] },
) {
  const now = ctx.clock.now();
  // One JSON document for the whole batch (built a chunk at a time); a valid row has no `e`, so its
  // errors column is NULL.
  const parts: string[] = [];
  for (let i = 0; i < staged.length; i += CHUNK_ROWS) {
    if (i) await yieldNow();
    const chunk = staged.slice(i, i + CHUNK_ROWS);
    parts.push(
      JSON.stringify(
        chunk.map((s) => (s.errors ? { r: s.rowNo, d: {}, e: s.errors } : { r: s.rowNo, d: s.data })),
      ).slice(1, -1),
    );
  }
  const rows = `[${parts.join(',')}]`;
  if (!(await stageRows(ctx.db, jobId, p, rows, now))) throw new Stop();
}

// ---------------------------------------------------------------------------------------------
// Reading jobs

async function findJob(ctx: ActorCtx, id: string, action: ImportAction): Promise<JobRow> {
  const job = await findJobRow(ctx.db, ctx.actor, action, id);
  if (!job) throw notFound();
  return job;
}

/** A parse whose process died (another app process, or a crash this boot missed) is marked failed when next read. */
async function settleStale(ctx: ActorCtx, runner: ImportRunner, job: JobRow): Promise<JobRow> {
  if (job.status !== 'parsing' || runner.isRunning(job.id)) return job;
  if (ctx.clock.now().getTime() - job.updatedAt.getTime() < STALE_PARSE_MS) return job;
  await failJobs(ctx.db, ctx.clock, [job.id], 'imports.interrupted', ['parsing']);
  return reloadJob(ctx.db, job.id);
}

export async function getImportJob(
  ctx: ActorCtx,
  runner: ImportRunner,
  id: string,
  locale: Locale,
): Promise<ImportJobDetailDto> {
  importsPolicy.require(ctx.actor, 'read');
  const job = await settleStale(ctx, runner, await findJob(ctx, id, 'read'));
  const [dto] = await withNames(ctx, [job], locale);
  const previewRows = await previewRowsOf(ctx.db, job.id, IMPORT_LIMITS.previewRows);
  return {
    ...dto!,
    errors: job.errors.map((e) => renderError(e, locale)),
    preview: previewRows.map((r) => toPreview(r.rowNo, r.data)),
  };
}

function toPreview(rowNo: number, d: Record<string, unknown>): ImportPreviewRow {
  const s = (k: string) => (typeof d[k] === 'string' ? (d[k] as string) : null);
  return {
    row: rowNo,
    name: s('name') ?? '',
    gender: d.gender === 'female' ? 'female' : 'male',
    birthDate: s('birthDate'),
    idNumber: s('idNumberMask'),
    phone: s('phoneMask'),
    address: s('addressMask'),
    building: s('buildingName'),
    room: s('room'),
    registrationStatus: (s('registrationStatus') ?? 'registered') as ImportPreviewRow['registrationStatus'],
    specialGroupCount: Array.isArray(d.specialGroupHashes) ? d.specialGroupHashes.length : 0,
    notes: s('notes'),
  };
}

export async function listImportJobs(ctx: ActorCtx, q: ImportListQuery, locale: Locale) {
  importsPolicy.require(ctx.actor, 'read');
  const page = await listJobRows(ctx.db, ctx.actor, 'read', q);
  return { ...page, items: await withNames(ctx, page.items, locale) };
}

/** Every error of a job, row by row (the job keeps only the first ones), for the downloadable report. */
export async function importErrorReport(ctx: ActorCtx, id: string, locale: Locale) {
  importsPolicy.require(ctx.actor, 'read');
  const job = await findJob(ctx, id, 'read');
  const out: ReturnType<typeof renderError>[] = [];
  if (job.failureCode) {
    out.push({
      row: 0,
      field: '',
      column: '',
      code: job.failureCode,
      reason: formatMessage(job.failureCode, locale, renderParams(job.failureParams, locale)),
    });
  }
  let after = -1;
  let fromStaging = 0;
  for (;;) {
    const page = await errorRowsAfter(ctx.db, job.id, after, 5000);
    for (const r of page) for (const e of r.errors ?? []) out.push(renderError(e, locale));
    fromStaging += page.length;
    if (page.length < 5000) break;
    after = page.at(-1)!.rowNo;
  }
  // Staging rows are gone once a job is cancelled or failed: fall back to the errors kept on the job.
  if (fromStaging === 0) out.push(...job.errors.map((e) => renderError(e, locale)));
  return { job, errors: out };
}

// ---------------------------------------------------------------------------------------------
// Commit and cancel

class DuplicateAtCommit extends Error {
  constructor(readonly rows: number[]) {
    super('id numbers registered meanwhile');
  }
}

/**
 * All-or-nothing commit: one transaction creates the missing household units, inserts every staged
 * row with a single INSERT … SELECT, deletes the staging rows and writes one audit entry. A crash at
 * any point leaves every row or none; the job is then 'committing' and boot recovery marks it failed.
 */
export async function commitImport(ctx: ActorCtx, id: string, locale: Locale): Promise<ImportJobDto> {
  importsPolicy.require(ctx.actor, 'commit');
  const job = await findJob(ctx, id, 'commit');
  if (job.status !== 'validated') throw new AppError('imports.state', 409);
  if (job.errorRows > 0) throw new AppError('imports.has_errors', 409, {}, { errorRows: job.errorRows });
  const claimed = await claimForCommit(ctx.db, id, ctx.clock.now());
  if (!claimed) throw new AppError('imports.state', 409);
  try {
    await ctx.db.transaction((tx) => commitInTransaction(ctx, tx, claimed));
  } catch (e) {
    await ctx.db.transaction(async (tx) => {
      await setJobStatus(tx, id, ['committing'], 'validated', ctx.clock.now());
      if (e instanceof DuplicateAtCommit) await markTakenAtCommit(tx, id, e.rows);
    });
    if (e instanceof DuplicateAtCommit)
      throw new AppError('imports.has_errors', 409, {}, { errorRows: e.rows.length });
    if (isUniqueViolation(e)) throw new AppError('residents.id_number_taken', 409);
    throw e;
  }
  const after = await reloadJob(ctx.db, id);
  return (await withNames(ctx, [after], locale))[0]!;
}

async function commitInTransaction(ctx: ActorCtx, tx: Db, job: JobRow) {
  // Shared org-tree lock (see org.repository underTreeLock): paths read below cannot move until commit.
  await tx.execute(sql`select pg_advisory_xact_lock_shared(7411002)`);
  const now = ctx.clock.now();
  const target = await unitById(tx, job.orgUnitId);
  if (target?.status !== 'active') throw new AppError('org.inactive', 409);
  const community = await communityOfPath(tx, target.path);
  if (!community) throw new AppError('imports.unit_kind', 422);

  // ID numbers registered since validation (another import, a manual entry): refuse, name the rows.
  const taken = await stagedRowsWithTakenIdNumbers(tx, job.id);
  if (taken.length) throw new DuplicateAtCommit(taken);

  // Buildings must still be active and inside the target unit.
  const combos = await stagedBuildingRooms(tx, job.id);
  const buildingIds = [...new Set(combos.map((c) => c.building_id))];
  const buildingRows: OrgUnit[] = [];
  for (let i = 0; i < buildingIds.length; i += 1000) {
    buildingRows.push(...(await unitsByIds(tx, buildingIds.slice(i, i + 1000))));
  }
  const buildingById = new Map(buildingRows.map((b) => [b.id, b]));
  for (const bid of buildingIds) {
    const b = buildingById.get(bid);
    if (b?.status !== 'active' || !b.path.startsWith(target.path))
      throw new AppError('imports.stale_units', 409);
  }

  // A building + room is a household unit (as when registering one resident); create the missing ones.
  const existing = new Set<string>();
  for (let i = 0; i < buildingIds.length; i += 1000) {
    const rows = await activeChildrenOf(tx, buildingIds.slice(i, i + 1000), 'household');
    for (const r of rows) existing.add(`${r.parentId}|${r.name}`);
  }
  const households = combos
    .filter((c) => c.room && !existing.has(`${c.building_id}|${c.room}`))
    .map((c) => ({ building: buildingById.get(c.building_id)!, room: c.room! }));
  await insertHouseholds(tx, households, ctx.ids, now);

  const at = now.toISOString();
  const n = await insertStagedResidents(tx, job.id, target, community.id, at);
  await deleteStagingRows(tx, job.id);
  const done = await markCommitted(tx, job.id, Number(n), now);
  if (!done) throw new AppError('imports.state', 409);
  await auditRecord(tx, ctx, job, {
    action: 'imports.commit',
    entityType: 'import_job',
    after: {
      kind: job.kind,
      fileName: job.fileName,
      rows: Number(n),
      householdsCreated: households.length,
      orgUnitId: target.id,
    },
  });
}

/** Records ID numbers found registered at commit time as row errors, so the report names them. */
async function markTakenAtCommit(tx: Db, jobId: string, rows: number[]) {
  const errs: ImportRowError[] = rows.map((row) => ({
    row,
    column: 'idNumber',
    code: 'residents.id_number_taken',
  }));
  // A job reaches commit with no errors, so these are its first ones.
  await setRowErrors(tx, jobId, errs, errs.slice(0, MAX_STORED_ERRORS));
}

export async function cancelImport(
  ctx: ActorCtx,
  runner: ImportRunner,
  id: string,
  locale: Locale,
): Promise<ImportJobDto> {
  importsPolicy.require(ctx.actor, 'cancel');
  const job = await findJob(ctx, id, 'cancel');
  const after = await ctx.db.transaction(async (tx) => {
    const updated = await setJobStatus(tx, id, ['parsing', 'validated'], 'cancelled', ctx.clock.now());
    if (!updated) throw new AppError('imports.state', 409);
    await deleteStagingRows(tx, id);
    await auditRecord(tx, ctx, job, {
      action: 'imports.cancel',
      entityType: 'import_job',
      before: { status: job.status },
      after: { status: 'cancelled' },
    });
    return updated;
  });
  runner.abort(id);
  return (await withNames(ctx, [after], locale))[0]!;
}

// ---------------------------------------------------------------------------------------------
// Recovery

async function failJobs(
  db: Db,
  clock: Clock,
  ids: string[],
  code: string,
  from: string[],
  to: 'failed' | 'cancelled' = 'failed',
) {
  if (ids.length === 0) return;
  await db.transaction(async (tx) => {
    await setJobsFailed(tx, ids, from, to, code, clock.now());
    await deleteStagingRowsOf(tx, ids);
  });
}

/**
 * Call once at boot, before serving: imports left 'parsing' or 'committing' by a stopped process are
 * marked 'failed' (imports.interrupted) and their staging rows removed. A commit is one transaction,
 * so nothing of it reached `residents`. Also drops validated imports nobody committed for 7 days, and
 * any staging rows of finished jobs. Returns how many jobs it touched.
 */
export async function recoverInterruptedImports(
  db: Db,
  clock: Clock = { now: () => new Date() },
): Promise<{ interrupted: number; expired: number }> {
  const stuck = await jobIdsInStatus(db, ['parsing', 'committing']);
  await failJobs(db, clock, stuck, 'imports.interrupted', ['parsing', 'committing']);
  const old = await validatedJobIdsBefore(db, new Date(clock.now().getTime() - STAGING_TTL_MS));
  await failJobs(db, clock, old, 'imports.expired', ['validated'], 'cancelled');
  await deleteFinishedStagingRows(db);
  return { interrupted: stuck.length, expired: old.length };
}

// ---------------------------------------------------------------------------------------------
// Template

const TEMPLATE_HEADERS: Record<Locale, Record<ResidentImportColumn, string>> = {
  'zh-CN': {
    name: '姓名',
    idNumber: '身份证号',
    phone: '手机号',
    gender: '性别',
    birthDate: '出生日期',
    building: '楼栋',
    room: '房号',
    address: '住址',
    registrationStatus: '户籍状态（户籍/常住/流动）',
    tags: '特殊群体（独居、空巢、留守、失能、重残、困难，多个用“、”或“，”分隔）',
    notes: '备注',
  },
  en: {
    name: 'Name',
    idNumber: 'ID number',
    phone: 'Phone',
    gender: 'Gender',
    birthDate: 'Birth date',
    building: 'Building',
    room: 'Room',
    address: 'Address',
    registrationStatus: 'Registration (registered/permanent/migrant)',
    tags: 'Special groups (living alone, empty nest, left behind, disabled, severely disabled, low income; separate with ,)',
    notes: 'Notes',
  },
};

const TEMPLATE_NOTES: Record<Locale, [string, string][]> = {
  'zh-CN': [
    ['姓名', '必填，最多 50 个字'],
    [
      '身份证号',
      '18 位，最后一位可为 X；填写后出生日期和性别按身份证号自动得出。请保持本列为“文本”格式，否则 Excel 会丢失末几位',
    ],
    ['手机号', '选填，11 位大陆手机号'],
    ['性别', '男 / 女；没有身份证号时必填'],
    ['出生日期', '选填，如 1956-03-14'],
    ['楼栋', '选填，须是所选社区/网格/小区下已有的楼栋名称，如“1栋”；重名时写“小区名+楼栋名”'],
    ['房号', '选填，如 201；与楼栋一起填写时自动建立住户'],
    ['住址', '选填，最多 200 个字'],
    ['户籍状态', '必填：户籍 / 常住 / 流动'],
    ['特殊群体', '选填：独居、空巢、留守、失能、重残、困难，多个用“、”或“，”分隔'],
    ['备注', '选填，最多 1000 个字'],
    [
      '',
      '一次最多 200,000 行；支持 .xlsx 和 .csv（UTF-8 或 GBK 编码均可，Excel 另存的 CSV 可直接导入）。有错误的行全部修正后才能导入。',
    ],
  ],
  en: [
    ['Name', 'Required, at most 50 characters'],
    [
      'ID number',
      '18 characters, the last may be X; birth date and gender then come from it. Keep this column formatted as Text or Excel drops the last digits',
    ],
    ['Phone', 'Optional, an 11-digit mainland mobile number'],
    ['Gender', 'Male / Female; required when there is no ID number'],
    ['Birth date', 'Optional, e.g. 1956-03-14'],
    [
      'Building',
      'Optional; an existing building under the chosen unit, e.g. "1栋"; prefix the compound name when two share a name',
    ],
    ['Room', 'Optional, e.g. 201; with a building it creates the household'],
    ['Address', 'Optional, at most 200 characters'],
    ['Registration', 'Required: registered / permanent / migrant (户籍 / 常住 / 流动)'],
    [
      'Special groups',
      'Optional: living alone, empty nest, left behind, disabled, severely disabled, low income',
    ],
    ['Notes', 'Optional, at most 1000 characters'],
    [
      '',
      'At most 200,000 rows; .xlsx or .csv (UTF-8 or GBK: a CSV saved by Excel on Chinese Windows is read as it is). Every row must be valid before the import can be committed.',
    ],
  ],
};

/** The resident import template: headers on the first sheet (ID and phone columns as text), instructions on the second. */
export async function residentTemplate(ctx: ActorCtx, locale: Locale): Promise<Buffer> {
  importsPolicy.require(ctx.actor, 'import');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Linli';
  const ws = wb.addWorksheet(locale === 'en' ? 'Residents' : '居民');
  ws.columns = RESIDENT_IMPORT_COLUMNS.map((c) => ({
    header: TEMPLATE_HEADERS[locale][c],
    key: c,
    width: c === 'tags' || c === 'address' ? 30 : c === 'idNumber' || c === 'registrationStatus' ? 22 : 14,
    ...((c === 'idNumber' || c === 'phone' || c === 'room') && { style: { numFmt: '@' } }),
  }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const help = wb.addWorksheet(locale === 'en' ? 'How to fill in' : '填写说明');
  help.columns = [
    { header: locale === 'en' ? 'Column' : '列', width: 16 },
    { header: locale === 'en' ? 'Rule' : '要求', width: 90 },
  ];
  help.getRow(1).font = { bold: true };
  for (const row of TEMPLATE_NOTES[locale]) help.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
