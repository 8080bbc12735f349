import type {
  CreateWorkerBody,
  PostType,
  UpdateWorkerBody,
  WorkerKind,
  WorkerListQuery,
} from '../../../shared/contracts/people';
import { auditRecord } from '../../platform/recordAudit';
import { sentFields } from '../../platform/auditedRows';
import type { ActorCtx } from '../../platform/context';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { maskedPhoneFields } from '../../platform/sealedFields';
import { peoplePolicy } from './people.policy';
import {
  endAssignment,
  endAssignments,
  gridsOfWorkers,
  insertAssignment,
  isAssigned,
  updateWorkerRow,
  workerFilters,
  workerRows,
} from './workers.repository';
import { userHasRoleInScope } from '../accounts/accounts.api';
import { communityOfPath, findUnitInScope } from '../org/org.api';
import { checkId, movedTo, movedUnit, registryRecords, unitForWrite, unitRowDtos } from './people.common';
import type { workers } from './people.table';

type WorkerRow = typeof workers.$inferSelect;

/** Workers belong to a subdistrict, a community or a grid. */
const WORKER_UNIT_KINDS = ['subdistrict', 'community', 'grid'];

/** The masked view: the phone is never returned in full (R-LAW-PI-1). */
async function workerDtos(ctx: ActorCtx, rows: WorkerRow[]) {
  if (rows.length === 0) return [];
  const assigned = await gridsOfWorkers(
    ctx.db,
    rows.map((r) => r.id),
  );
  const grids = new Map<string, { id: string; name: string }[]>();
  for (const a of assigned)
    grids.set(a.workerId, [...(grids.get(a.workerId) ?? []), { id: a.id, name: a.name ?? '' }]);
  return unitRowDtos(ctx, rows, (r, edit) => ({
    id: r.id,
    name: r.name,
    gender: (r.gender as 'male' | 'female' | null) ?? null,
    kind: r.kind as WorkerKind,
    postType: (r.postType as PostType | null) ?? null,
    grade: r.grade,
    partTime: r.partTime,
    qualifications: r.qualifications,
    phone: r.phoneMask,
    userId: r.userId,
    active: r.active,
    grids: grids.get(r.id) ?? [],
    abilities: {
      edit,
      deactivate: edit && r.active,
      activate: edit && !r.active,
      assignGrids: edit && r.active && r.kind === 'grid_worker',
    },
  }));
}

/** What the audit trail keeps of a worker: never the phone, in clear or encrypted. */
function auditView(r: WorkerRow) {
  const { phoneEnc: _enc, phoneMask: _mask, ...rest } = r;
  return rest;
}

const workerRecords = registryRecords(workerRows, workerDtos);

export function listWorkers(ctx: ActorCtx, q: WorkerListQuery) {
  return workerRecords.list(ctx, q, async () => {
    // A grid that does not exist or is out of scope answers 404, never an empty page (DESIGN convention 5).
    if (q.gridId) await findUnitInScope(ctx, q.gridId, 'people.read');
    return workerFilters(q);
  });
}

export const getWorker = (ctx: ActorCtx, id: string) => workerRecords.get(ctx, id);

/** 四岗十八级: a community worker holds one of the four post types; other workers hold none. */
function checkPost(kind: string, postType: string | null | undefined) {
  if (kind === 'community_worker' ? !postType : !!postType)
    throw invalidField('postType', 'people.post_type');
}

async function checkUser(ctx: ActorCtx, userId: string | null | undefined) {
  if (!userId) return;
  // Only accounts that hold a role inside the actor's people.write scope can be linked (no probing of others).
  if (!(await userHasRoleInScope(ctx.db, ctx.actor, 'people.write', userId)))
    throw invalidField('userId', 'people.user_not_found');
}

export async function createWorker(ctx: ActorCtx, input: CreateWorkerBody) {
  peoplePolicy.require(ctx.actor, 'write');
  const unit = await unitForWrite(ctx, input.orgUnitId, WORKER_UNIT_KINDS);
  checkPost(input.kind, input.postType);
  if (input.partTime && input.kind !== 'grid_worker')
    throw invalidField('partTime', 'people.part_time_grid_only');
  await checkUser(ctx, input.userId);
  return workerRecords.insert(
    ctx,
    unit,
    {
      name: input.name,
      gender: input.gender ?? null,
      kind: input.kind,
      postType: input.postType ?? null,
      grade: input.grade ?? null,
      partTime: input.kind === 'grid_worker' && !!input.partTime,
      qualifications: input.qualifications,
      ...maskedPhoneFields(ctx.pii, 'phone', input.phone),
      userId: input.userId ?? null,
    },
    { action: 'people.worker.create', entityType: 'worker', view: auditView },
  );
}

export async function updateWorker(ctx: ActorCtx, id: string, input: UpdateWorkerBody) {
  peoplePolicy.require(ctx.actor, 'write');
  const before = await workerRecords.find(ctx, id, 'people.write');
  const unit = await movedUnit(ctx, input.orgUnitId, before.orgUnitId, WORKER_UNIT_KINDS);
  const kind = input.kind ?? before.kind;
  const postType =
    input.postType !== undefined ? input.postType : kind === 'community_worker' ? before.postType : null;
  checkPost(kind, postType);
  const partTime = kind === 'grid_worker' && (input.partTime ?? before.partTime);
  if (input.partTime && kind !== 'grid_worker') throw invalidField('partTime', 'people.part_time_grid_only');
  if (input.userId !== undefined) await checkUser(ctx, input.userId);
  const row = await ctx.db.transaction(async (tx) => {
    const after = await updateWorkerRow(tx, id, {
      ...sentFields(input, ['name', 'gender', 'grade', 'qualifications', 'userId']),
      ...movedTo(unit),
      kind,
      postType,
      partTime,
      ...maskedPhoneFields(ctx.pii, 'phone', input.phone),
      updatedAt: ctx.clock.now(),
    });
    // Only grid workers hold grids: a change of kind ends the assignments, and the audit entry lists them.
    const ended = kind === 'grid_worker' ? [] : await endAssignments(tx, id);
    await auditRecord(tx, ctx, after!, {
      action: 'people.worker.update',
      entityType: 'worker',
      before: auditView(before),
      after: {
        ...auditView(after!),
        phoneChanged: input.phone !== undefined,
        endedGridIds: ended.map((g) => g.gridId),
      },
    });
    return after!;
  });
  return workerRecords.dto(ctx, row);
}

/**
 * Workers who leave are deactivated, never deleted; their grid assignments stay on record but no longer
 * count, so the staffing report shows the grid as vacant (R-ORG-3 缺一补一).
 */
export async function setWorkerActive(ctx: ActorCtx, id: string, active: boolean) {
  peoplePolicy.require(ctx.actor, 'write');
  const before = await workerRecords.find(ctx, id, 'people.write');
  if (before.active === active)
    throw new AppError(active ? 'people.worker_active' : 'people.worker_inactive', 409);
  const row = await ctx.db.transaction(async (tx) => {
    const after = await updateWorkerRow(tx, id, { active, updatedAt: ctx.clock.now() });
    await auditRecord(tx, ctx, before, {
      action: active ? 'people.worker.activate' : 'people.worker.deactivate',
      entityType: 'worker',
      before: { active: before.active },
      after: { active },
    });
    return after!;
  });
  return workerRecords.dto(ctx, row);
}

export async function listWorkerGrids(ctx: ActorCtx, id: string) {
  peoplePolicy.require(ctx.actor, 'read');
  const worker = await workerRecords.find(ctx, id, 'people.read');
  return (await workerRecords.dto(ctx, worker)).grids;
}

/**
 * Assigns an active grid worker to a grid: the grid is a unit of kind 'grid' in the actor's write
 * scope (else 404, R-ORG-1) and lies in the worker's community.
 */
export async function assignGrid(ctx: ActorCtx, id: string, gridId: string) {
  peoplePolicy.require(ctx.actor, 'write');
  const worker = await workerRecords.find(ctx, id, 'people.write');
  const grid = await findUnitInScope(ctx, gridId, 'people.write');
  if (worker.kind !== 'grid_worker') throw new AppError('people.not_grid_worker', 422);
  if (!worker.active) throw new AppError('people.worker_inactive', 409);
  if (grid.kind !== 'grid') throw invalidField('gridId', 'people.grid_kind');
  if (grid.status !== 'active') throw new AppError('org.inactive', 409);
  const home = (await communityOfPath(ctx.db, worker.orgPath))?.path ?? worker.orgPath;
  if (!grid.path.startsWith(home)) throw invalidField('gridId', 'people.grid_outside');
  if (await isAssigned(ctx.db, id, grid.id)) throw new AppError('people.already_assigned', 409);
  await ctx.db.transaction(async (tx) => {
    const assignmentId = ctx.ids();
    await insertAssignment(tx, {
      id: assignmentId,
      gridId: grid.id,
      workerId: id,
      createdAt: ctx.clock.now(),
    });
    await auditRecord(tx, ctx, worker, {
      action: 'people.worker.assign_grid',
      entityType: 'worker',
      after: { gridId: grid.id, gridName: grid.name, assignmentId },
    });
  });
  return await workerRecords.dto(ctx, worker);
}

export async function unassignGrid(ctx: ActorCtx, id: string, gridId: string) {
  peoplePolicy.require(ctx.actor, 'write');
  const worker = await workerRecords.find(ctx, id, 'people.write');
  checkId(gridId);
  await ctx.db.transaction(async (tx) => {
    const removed = await endAssignment(tx, id, gridId);
    if (removed.length === 0) throw notFound();
    await auditRecord(tx, ctx, worker, {
      action: 'people.worker.unassign_grid',
      entityType: 'worker',
      before: { gridId, assignmentId: removed[0]!.id },
    });
  });
}
