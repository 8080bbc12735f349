import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db';
import { buildingRoomPlaceSql } from '../org/org.api';
import { insertResidentsSelectSql, liveIdNumberHolderJoinSql } from '../residents/residents.api';
import type { JobRow } from './imports.repository';
import { type ImportRowError, importJobs, importRows } from './imports.table';

/**
 * The queries of the background import pipeline (imports.usecases.ts): creating a job, staging parsed
 * rows, the all-or-nothing commit and boot recovery. Every step that may race a cancel is one conditional
 * statement on the job's status, so nothing is written for a job that is no longer in that status.
 */

/** Inserts a new job and answers it as stored. */
export async function insertJob(tx: Db, values: typeof importJobs.$inferInsert): Promise<JobRow> {
  const [created] = await tx.insert(importJobs).values(values).returning();
  return created!;
}

/** Marks a job that is still parsing failed with this reason; answers whether it was still parsing. */
export async function failParsingJob(
  tx: Db,
  jobId: string,
  failureCode: string,
  failureParams: Record<string, string | number> | null,
  now: Date,
): Promise<boolean> {
  const [updated] = await tx
    .update(importJobs)
    .set({ status: 'failed', failureCode, failureParams, updatedAt: now })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'parsing')))
    .returning({ id: importJobs.id });
  return !!updated;
}

/** Marks a job that is still parsing validated, with its final row count. */
export async function markValidated(db: Db, jobId: string, totalRows: number, now: Date): Promise<void> {
  await db
    .update(importJobs)
    .set({ status: 'validated', progress: 100, totalRows, updatedAt: now })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'parsing')));
}

/**
 * Writes one batch of staged rows (`rows`: a JSON array of `{ r: rowNo, d: data, e?: errors }`) and
 * advances the job's counters, in one statement that writes nothing once the job is no longer parsing.
 * Answers whether the job was still parsing.
 */
export async function stageRows(
  db: Db,
  jobId: string,
  p: { processed: number; errorRows: number; count: number; progress: number; newErrors: ImportRowError[] },
  rows: string,
  now: Date,
): Promise<boolean> {
  const job = db
    .update(importJobs)
    .set({
      processedRows: sql`${importJobs.processedRows} + ${p.processed}`,
      errorRows: sql`${importJobs.errorRows} + ${p.errorRows}`,
      totalRows: sql`greatest(${importJobs.totalRows}, ${p.count})`,
      progress: p.progress,
      ...(p.newErrors.length && {
        errors: sql`${importJobs.errors} || ${JSON.stringify(p.newErrors)}::jsonb`,
      }),
      updatedAt: now,
    })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'parsing')))
    .returning({ id: importJobs.id });
  const [res] = rowsOf<{ ok: number }>(
    await db.execute(sql`
      with job as (${job.getSQL()}),
      ins as (
        insert into ${importRows} (job_id, row_no, data, errors)
        select job.id, x.r, x.d, x.e from job, jsonb_to_recordset(${rows}::jsonb) as x(r int, d jsonb, e jsonb)
        returning 1)
      select (select count(*) from job)::int as ok, (select count(*) from ins)::int as n`),
  );
  return !!res?.ok;
}

/** The valid staged rows whose ID number a (not deleted) resident now holds, by row number. */
export async function stagedRowsWithTakenIdNumbers(tx: Db, jobId: string): Promise<number[]> {
  const taken = rowsOf<{ row_no: number }>(
    await tx.execute(sql`
      select r.row_no from import_rows r
      ${liveIdNumberHolderJoinSql('x', sql`r.data->>'idNumberHash'`)}
      where r.job_id = ${jobId} and r.errors is null
      order by r.row_no`),
  );
  return taken.map((t) => Number(t.row_no));
}

/** The distinct building + room pairs of a job's valid staged rows that name a building. */
export async function stagedBuildingRooms(
  tx: Db,
  jobId: string,
): Promise<{ building_id: string; room: string | null }[]> {
  return rowsOf<{ building_id: string; room: string | null }>(
    await tx.execute(sql`
      select distinct data->>'buildingId' as building_id, data->>'room' as room from import_rows
      where job_id = ${jobId} and errors is null and data->>'buildingId' is not null`),
  );
}

/**
 * Inserts every valid staged row of a job as a resident in one INSERT … SELECT, placed in its household
 * (building + room), else its building, else the target unit; answers how many were inserted.
 */
export async function insertStagedResidents(
  tx: Db,
  jobId: string,
  target: { id: string; path: string },
  communityId: string,
  at: string,
): Promise<number> {
  // The household of the row's building + room, else its building (org's builder: one join each, by hash).
  const place = buildingRoomPlaceSql({
    buildingIdExpr: sql`(r.data->>'buildingId')::uuid`,
    roomExpr: sql`r.data->>'room'`,
    buildingIdsSql: sql`select distinct (data->>'buildingId')::uuid from import_rows where job_id = ${jobId}`,
  });
  const d = (key: string) => sql`r.data->>${sql.raw(`'${key}'`)}`;
  const insert = insertResidentsSelectSql(
    {
      id: sql`(r.data->>'id')::uuid`,
      orgUnitId: place.id(sql`${target.id}::uuid`),
      orgPath: place.path(sql`${target.path}`),
      communityId: sql`${communityId}::uuid`,
      name: d('name'),
      gender: d('gender'),
      birthDate: sql`(r.data->>'birthDate')::date`,
      idNumberEnc: d('idNumberEnc'),
      idNumberHash: d('idNumberHash'),
      idNumberMask: d('idNumberMask'),
      phoneEnc: d('phoneEnc'),
      phoneHash: d('phoneHash'),
      phoneMask: d('phoneMask'),
      addressEnc: d('addressEnc'),
      addressMask: d('addressMask'),
      room: d('room'),
      registrationStatus: d('registrationStatus'),
      specialGroupsEnc: d('specialGroupsEnc'),
      specialGroupHashes: sql`array(select jsonb_array_elements_text(coalesce(r.data->'specialGroupHashes', '[]'::jsonb)))`,
      notes: d('notes'),
      importJobId: sql`${jobId}::uuid`,
      version: sql`1`,
      createdAt: sql`${at}::timestamptz`,
      updatedAt: sql`${at}::timestamptz`,
    },
    // No ORDER BY: ids are UUIDv7 drawn in file order, and sorting 100,000 wide rows spills to disk.
    sql`from import_rows r
        ${place.join}
        where r.job_id = ${jobId} and r.errors is null
        returning 1`,
  );
  const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(
    await tx.execute(sql`
      with ins as (${insert})
      select count(*)::int as n from ins`),
  );
  return n;
}

/** Marks a committing job committed with its row count; answers whether it was still committing. */
export async function markCommitted(
  tx: Db,
  jobId: string,
  committedRows: number,
  now: Date,
): Promise<boolean> {
  const [done] = await tx
    .update(importJobs)
    .set({ status: 'committed', committedRows, committedAt: now, progress: 100, updatedAt: now })
    .where(and(eq(importJobs.id, jobId), eq(importJobs.status, 'committing')))
    .returning({ id: importJobs.id });
  return !!done;
}

/**
 * Sets each error as the only error of its staged row (`row`), a thousand rows per statement, then adds
 * their count to the job's error rows and stores `stored` as the job's errors.
 */
export async function setRowErrors(
  tx: Db,
  jobId: string,
  errs: ImportRowError[],
  stored: ImportRowError[],
): Promise<void> {
  for (let i = 0; i < errs.length; i += 1000) {
    const part = errs.slice(i, i + 1000);
    await tx.execute(sql`
      update import_rows r set errors = jsonb_build_array(e.err)
      from jsonb_array_elements(${JSON.stringify(part)}::jsonb) e(err)
      where r.job_id = ${jobId} and r.row_no = (e.err->>'row')::int`);
  }
  await tx
    .update(importJobs)
    .set({ errorRows: sql`${importJobs.errorRows} + ${errs.length}`, errors: stored })
    .where(eq(importJobs.id, jobId));
}

/** Moves the jobs among `ids` that are in one of `from` to `to` with this failure code. */
export async function setJobsFailed(
  tx: Db,
  ids: string[],
  from: string[],
  to: string,
  failureCode: string,
  now: Date,
): Promise<void> {
  await tx
    .update(importJobs)
    .set({ status: to, failureCode, failureParams: null, updatedAt: now })
    .where(and(inArray(importJobs.id, ids), inArray(importJobs.status, from)));
}

/** Deletes the staging rows of these jobs. */
export async function deleteStagingRowsOf(tx: Db, ids: string[]): Promise<void> {
  await tx.delete(importRows).where(inArray(importRows.jobId, ids));
}

/** The ids of the jobs in one of these statuses. */
export async function jobIdsInStatus(db: Db, statuses: string[]): Promise<string[]> {
  const rows = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(inArray(importJobs.status, statuses));
  return rows.map((j) => j.id);
}

/** The ids of the validated jobs last changed before `before`. */
export async function validatedJobIdsBefore(db: Db, before: Date): Promise<string[]> {
  const rows = await db
    .select({ id: importJobs.id })
    .from(importJobs)
    .where(
      and(
        eq(importJobs.status, 'validated'),
        sql`${importJobs.updatedAt} < ${before.toISOString()}::timestamptz`,
      ),
    );
  return rows.map((j) => j.id);
}

/** Deletes any staging rows left by failed, cancelled or committed jobs. */
export async function deleteFinishedStagingRows(db: Db): Promise<void> {
  await db.execute(sql`
    delete from import_rows where job_id in (select id from import_jobs where status in ('failed', 'cancelled', 'committed'))`);
}
