import { ALLOWED_CHILDREN, type OrgKind } from '../../../shared/orgKinds';
import type { CreateOrgUnitBody, UpdateOrgUnitBody } from '../../../shared/contracts/org';
import { parseDivisionCode } from '../../../shared/validation/codes';
import { type OrgAttrValue, orgAttrType, orgAttrValue } from '../../../shared/orgAttrs';
import { writeAudit } from '../../platform/audit';
import type { Permission } from '../../../shared/permissions';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { validBoundary } from './org.boundaries';
import { type OrgAction, isOwnRoot, orgPolicy } from './org.policy';
import {
  type OrgUnitRow,
  activeChildCounts,
  childUnits,
  childUnitsIn,
  findUnit,
  insertChildUnit,
  moveAttachedRows,
  populationUnder,
  repath,
  scopeRootUnits,
  searchUnitRows,
  underTreeLock,
  unitAssignees,
  unitById,
  unitHeads,
  unitIdByDivisionCode,
  unitInScope,
  updateUnitRow,
} from './org.repository';

export type OrgUnit = OrgUnitRow;

/** Writes the audit entry of a change to unit `id` (entity type org_unit), filed under `path`. */
function auditUnit(
  tx: Db,
  ctx: ActorCtx,
  action: string,
  id: string,
  path: string,
  change: { before?: unknown; after?: unknown },
): Promise<void> {
  return writeAudit(tx, ctx, { action, entityType: 'org_unit', entityId: id, orgPath: path, ...change });
}

/**
 * A module's unit filter of a list (`communityId`, `orgUnitId`): none without an id, else the unit in the
 * actor's reach for `read` (for `manage` when asked), 404 otherwise (never an empty page).
 * `const filterUnit = unitFilter('foo.read', 'foo.manage');`
 */
export function unitFilter(read: Permission, manage: Permission = read) {
  return (ctx: ActorCtx, id: string | undefined, forManage = false): Promise<OrgUnit | undefined> =>
    id ? findUnitInScope(ctx, id, forManage ? manage : read) : Promise.resolve(undefined);
}

/**
 * Loads a unit the actor may see for `permission`, else 404 (DESIGN convention 5). Other modules pass
 * their own permission (a unit where one may write residents); the org module's own use cases ask
 * `orgUnit` with an action of its policy.
 */
export async function findUnitInScope(
  ctx: ActorCtx,
  id: string,
  permission: Permission | readonly Permission[] = 'org.read',
): Promise<OrgUnit> {
  const unit = await unitInScope(ctx.db, ctx.actor, permission, id);
  if (!unit) throw notFound();
  return unit;
}

/** A unit in reach for `action` of the org policy, else 404. */
async function orgUnit(ctx: ActorCtx, id: string, action: OrgAction): Promise<OrgUnit> {
  const unit = await findUnit(ctx.db, ctx.actor, action, id);
  if (!unit) throw notFound();
  return unit;
}

/** The top units of the actor's scope (or the tree's roots for a platform-wide role). */
export async function listScopeRoots(ctx: ActorCtx) {
  orgPolicy.require(ctx.actor, 'read');
  return withChildCounts(ctx.db, await scopeRootUnits(ctx.db, ctx.actor, 'read'));
}

export async function listChildren(ctx: ActorCtx, parentId: string, includeInactive = false) {
  orgPolicy.require(ctx.actor, 'read');
  await orgUnit(ctx, parentId, 'read');
  return withChildCounts(ctx.db, await childUnits(ctx.db, parentId, includeInactive));
}

async function withChildCounts(db: Db, rows: OrgUnit[]) {
  if (rows.length === 0) return [];
  const byParent = await activeChildCounts(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, kind: r.kind as OrgKind, childCount: byParent.get(r.id) ?? 0 }));
}

export async function searchUnits(ctx: ActorCtx, q: string, kind?: OrgKind) {
  orgPolicy.require(ctx.actor, 'read');
  return searchUnitRows(ctx.db, ctx.actor, 'read', q, kind);
}

export async function getUnitDetail(ctx: ActorCtx, id: string) {
  orgPolicy.require(ctx.actor, 'read');
  const unit = await orgUnit(ctx, id, 'read');
  const ancestorIds = unit.path.split('/').filter(Boolean).slice(0, -1);
  const ancestors = await unitHeads(ctx.db, ancestorIds);
  ancestors.sort((a, b) => ancestorIds.indexOf(a.id) - ancestorIds.indexOf(b.id));
  const residentCount = await populationUnder(ctx.db, unit.path);
  const gridWorkers = await unitAssignees(ctx.db, unit);
  const [withCount] = await withChildCounts(ctx.db, [unit]);
  const { edit: writable, restructure } = orgPolicy.abilities(ctx.actor, unit, {
    edit: 'write',
    restructure: 'restructure',
  });
  return {
    ...withCount!,
    ancestors,
    residentCount,
    gridWorkers,
    abilities: {
      edit: writable,
      createChild: writable && ALLOWED_CHILDREN[unit.kind as OrgKind].length > 0,
      move: restructure,
      merge: restructure,
      split: restructure && (withCount?.childCount ?? 0) > 0,
      archive: restructure,
    },
  };
}

async function checkDivisionCode(
  db: Db,
  kind: string,
  code: string | null | undefined,
  parent: OrgUnit | null,
  selfId?: string,
) {
  if (!code) return;
  const parsed = parseDivisionCode(code);
  const expected: Record<string, string> = {
    city: 'county',
    district: 'county',
    subdistrict: 'township',
    community: 'village',
  };
  if (!parsed || expected[kind] !== parsed.level) throw invalidField('divisionCode', 'org.division_code');
  if (parent?.divisionCode && kind !== 'district' && !code.startsWith(parent.divisionCode)) {
    throw invalidField('divisionCode', 'org.division_code');
  }
  const taken = await unitIdByDivisionCode(db, code);
  if (taken && taken !== selfId)
    throw new AppError(
      'org.division_code_taken',
      409,
      {},
      { fields: [{ path: 'divisionCode', code: 'org.division_code_taken' }] },
    );
}

function checkChildKind(parentKind: string, kind: string) {
  if (!ALLOWED_CHILDREN[parentKind as OrgKind]?.includes(kind as OrgKind)) {
    throw new AppError('org.child_kind', 422, { kind, parentKind });
  }
}

export async function createUnit(ctx: ActorCtx, input: CreateOrgUnitBody) {
  return underTreeLock(ctx, 'shared', (c) => createUnitLocked(c, input));
}

async function createUnitLocked(ctx: ActorCtx, input: CreateOrgUnitBody) {
  orgPolicy.require(ctx.actor, 'write');
  const parent = await orgUnit(ctx, input.parentId, 'write');
  if (parent.status !== 'active') throw new AppError('org.inactive', 409);
  checkChildKind(parent.kind, input.kind);
  return ctx.db.transaction(async (tx) => {
    await checkDivisionCode(tx, input.kind, input.divisionCode, parent);
    return createChildUnit(ctx, tx, parent, {
      kind: input.kind,
      name: input.name,
      divisionCode: input.divisionCode ?? null,
      boundary: input.boundary ? validBoundary(input.boundary) : null,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      attrs: withAttrs({}, input.attrs ?? {}),
    });
  });
}

/**
 * `attrs` with `changes` applied: each value typed by `ORG_ATTRS` (a flag as a boolean, a count as a
 * number, so the modules reading them need not guess), null removing the attribute. A value that does not
 * fit its attribute is a 422 naming it.
 */
function withAttrs(attrs: Record<string, unknown>, changes: Record<string, OrgAttrValue | null>) {
  const out = { ...attrs };
  for (const [key, raw] of Object.entries(changes)) {
    if (raw === null) {
      delete out[key];
      continue;
    }
    const value = orgAttrValue(key, raw);
    if (value === undefined) {
      const code = orgAttrType(key) === 'number' ? 'org.attr_not_number' : 'org.attr_not_flag';
      throw new AppError(code, 422, { attr: { label: key } });
    }
    out[key] = value;
  }
  return out;
}

/** Inserts a new child of `parent` with a fresh id and timestamps, audited as `org.create`. */
export async function createChildUnit(
  ctx: ActorCtx,
  tx: Db,
  parent: OrgUnit,
  values: Omit<Parameters<typeof insertChildUnit>[3], 'createdAt' | 'updatedAt'>,
): Promise<OrgUnit> {
  const id = ctx.ids();
  const now = ctx.clock.now();
  const unit = await insertChildUnit(tx, parent, id, { ...values, createdAt: now, updatedAt: now });
  await auditUnit(tx, ctx, 'org.create', id, unit.path, {
    after: unit,
  });
  return unit;
}

export async function updateUnit(ctx: ActorCtx, id: string, input: UpdateOrgUnitBody) {
  orgPolicy.require(ctx.actor, 'write');
  const unit = await orgUnit(ctx, id, 'write');
  if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  return ctx.db.transaction(async (tx) => {
    if (input.divisionCode !== undefined) {
      const parent = unit.parentId ? await unitById(tx, unit.parentId) : undefined;
      await checkDivisionCode(tx, unit.kind, input.divisionCode, parent ?? null, unit.id);
    }
    const after = await updateUnitRow(tx, id, {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.divisionCode !== undefined && { divisionCode: input.divisionCode }),
      ...(input.boundary !== undefined && {
        boundary: input.boundary ? validBoundary(input.boundary) : null,
      }),
      ...(input.lat !== undefined && { lat: input.lat }),
      ...(input.lng !== undefined && { lng: input.lng }),
      ...(input.attrs !== undefined && { attrs: withAttrs(unit.attrs, input.attrs) }),
      updatedAt: ctx.clock.now(),
    });
    await auditUnit(tx, ctx, 'org.update', id, unit.path, {
      before: unit,
      after,
    });
    return after!;
  });
}

export async function moveUnit(ctx: ActorCtx, id: string, newParentId: string) {
  return underTreeLock(ctx, 'exclusive', (c) => moveUnitLocked(c, id, newParentId));
}

async function moveUnitLocked(ctx: ActorCtx, id: string, newParentId: string) {
  orgPolicy.require(ctx.actor, 'write');
  const unit = await orgUnit(ctx, id, 'write');
  const parent = await orgUnit(ctx, newParentId, 'write');
  if (isOwnRoot(ctx.actor, unit)) throw new AppError('common.forbidden', 403);
  if (parent.path.startsWith(unit.path)) throw new AppError('org.move_into_descendant', 422);
  if (unit.status !== 'active' || parent.status !== 'active') throw new AppError('org.inactive', 409);
  checkChildKind(parent.kind, unit.kind);
  if (unit.parentId === parent.id) return unit;
  return ctx.db.transaction(async (tx) => {
    const newPath = `${parent.path}${unit.id}/`;
    await updateUnitRow(tx, id, { parentId: parent.id, updatedAt: ctx.clock.now() });
    await repath(tx, unit.path, newPath, parent.depth + 1 - unit.depth);
    const after = await unitById(tx, id);
    await auditUnit(tx, ctx, 'org.move', id, newPath, {
      before: { parentId: unit.parentId, path: unit.path },
      after: { parentId: parent.id, path: newPath },
    });
    return after!;
  });
}

/**
 * Merges `sourceId` into `targetId` (seed 003 "整合"): children, people and every scoped row move to the
 * target; the source stays as a 'merged' record pointing at the target, so history still resolves.
 */
export async function mergeUnit(ctx: ActorCtx, sourceId: string, targetId: string) {
  return underTreeLock(ctx, 'exclusive', (c) => mergeUnitLocked(c, sourceId, targetId));
}

async function mergeUnitLocked(ctx: ActorCtx, sourceId: string, targetId: string) {
  orgPolicy.require(ctx.actor, 'write');
  if (sourceId === targetId) throw new AppError('org.merge_self', 422);
  const source = await orgUnit(ctx, sourceId, 'write');
  const target = await orgUnit(ctx, targetId, 'write');
  if (isOwnRoot(ctx.actor, source)) throw new AppError('common.forbidden', 403);
  if (source.kind !== target.kind) throw new AppError('org.merge_kind', 422);
  if (target.path.startsWith(source.path)) throw new AppError('org.move_into_descendant', 422);
  if (source.status !== 'active' || target.status !== 'active') throw new AppError('org.inactive', 409);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const children = await childUnits(tx, source.id, true);
    for (const child of children) {
      await updateUnitRow(tx, child.id, { parentId: target.id, updatedAt: now });
      await repath(tx, child.path, `${target.path}${child.id}/`, target.depth - source.depth);
    }
    // Rows and assignments attached to the source itself move to the target.
    await moveAttachedRows(tx, source, target);
    const after = await updateUnitRow(tx, source.id, {
      status: 'merged',
      mergedIntoId: target.id,
      updatedAt: now,
    });
    await auditUnit(tx, ctx, 'org.merge', source.id, target.path, {
      before: { status: source.status, children: children.length },
      after: { status: 'merged', mergedIntoId: target.id },
    });
    return { source: after!, target, movedChildren: children.length };
  });
}

/** Splits a unit (seed 003 "微调"): a new sibling of the same kind takes the listed children. */
export async function splitUnit(ctx: ActorCtx, id: string, newName: string, childIds: string[]) {
  return underTreeLock(ctx, 'exclusive', (c) => splitUnitLocked(c, id, newName, childIds));
}

async function splitUnitLocked(ctx: ActorCtx, id: string, newName: string, childIds: string[]) {
  orgPolicy.require(ctx.actor, 'write');
  const unit = await orgUnit(ctx, id, 'write');
  if (!unit.parentId) throw new AppError('common.forbidden', 403);
  if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  const children = await childUnitsIn(ctx.db, unit.id, childIds);
  if (children.length === 0 || children.length !== new Set(childIds).size)
    throw new AppError('org.split_empty', 422);
  const parent = await orgUnit(ctx, unit.parentId, 'write');
  return ctx.db.transaction(async (tx) => {
    const newId = ctx.ids();
    const now = ctx.clock.now();
    const newPath = `${parent.path}${newId}/`;
    const created = await insertChildUnit(tx, parent, newId, {
      kind: unit.kind,
      name: newName,
      attrs: {},
      createdAt: now,
      updatedAt: now,
    });
    for (const child of children) {
      await updateUnitRow(tx, child.id, { parentId: newId, updatedAt: now });
      await repath(tx, child.path, `${newPath}${child.id}/`, 0);
    }
    await auditUnit(tx, ctx, 'org.split', unit.id, unit.path, {
      after: { newUnitId: newId, newName, movedChildIds: children.map((c) => c.id) },
    });
    return created;
  });
}

export async function archiveUnit(ctx: ActorCtx, id: string) {
  return underTreeLock(ctx, 'exclusive', (c) => archiveUnitLocked(c, id));
}

async function archiveUnitLocked(ctx: ActorCtx, id: string) {
  orgPolicy.require(ctx.actor, 'write');
  const unit = await orgUnit(ctx, id, 'write');
  if (isOwnRoot(ctx.actor, unit)) throw new AppError('common.forbidden', 403);
  const kids = (await activeChildCounts(ctx.db, [id])).get(id) ?? 0;
  const people = await populationUnder(ctx.db, unit.path);
  if (kids > 0 || people > 0) throw new AppError('org.has_children', 409);
  return ctx.db.transaction(async (tx) => {
    const after = await updateUnitRow(tx, id, { status: 'archived', updatedAt: ctx.clock.now() });
    await auditUnit(tx, ctx, 'org.archive', id, unit.path, {
      before: { status: unit.status },
      after: { status: 'archived' },
    });
    return after!;
  });
}
