import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { ALLOWED_CHILDREN, type OrgKind } from '../../../shared/orgKinds';
import type { CreateOrgUnitBody, UpdateOrgUnitBody } from '../../../shared/contracts/org';
import { parseDivisionCode } from '../../../shared/validation/codes';
import { writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import { type Db, rowsOf } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import {
  can,
  escapeLike,
  inScope,
  requirePermission,
  scopePaths,
  scopeWhere,
} from '../../platform/permissions';
import {
  COMMUNITY_ID_TABLES,
  PATH_ONLY_TABLES,
  SCOPED_TABLES,
  UNIT_ASSIGNMENT_TABLES,
  UNIT_POPULATION_TABLE,
  UNIT_SETTINGS_TABLES,
} from '../../platform/scopedTables';
import { underTreeLock } from './org.repository';
import { orgUnits } from './org.table';

export type OrgUnit = typeof orgUnits.$inferSelect;

/** Loads a unit the actor may see for `permission`, else 404 (DESIGN convention 5). */
export async function findUnitInScope(
  ctx: ActorCtx,
  id: string,
  permission:
    | 'org.read'
    | 'org.write'
    | 'residents.write'
    | 'residents.read'
    | 'people.write'
    | 'people.read'
    | 'residents.import' = 'org.read',
): Promise<OrgUnit> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound();
  const [unit] = await ctx.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), scopeWhere(ctx.actor, permission, orgUnits.path)));
  if (!unit) throw notFound();
  return unit;
}

/** The top units of the actor's scope (or the tree's roots for a platform-wide role). */
export async function listScopeRoots(ctx: ActorCtx) {
  requirePermission(ctx.actor, 'org.read');
  const roots = scopePaths(ctx.actor, 'org.read');
  const where = roots.includes('/')
    ? sql`${orgUnits.parentId} is null`
    : inArray(
        orgUnits.id,
        roots.map((p) => p.split('/').filter(Boolean).at(-1)!),
      );
  return withChildCounts(
    ctx.db,
    await ctx.db.select().from(orgUnits).where(where).orderBy(asc(orgUnits.sort), asc(orgUnits.name)),
  );
}

export async function listChildren(ctx: ActorCtx, parentId: string, includeInactive = false) {
  requirePermission(ctx.actor, 'org.read');
  await findUnitInScope(ctx, parentId);
  const rows = await ctx.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, parentId), includeInactive ? undefined : eq(orgUnits.status, 'active')))
    .orderBy(asc(orgUnits.sort), asc(orgUnits.name));
  return withChildCounts(ctx.db, rows);
}

async function withChildCounts(db: Db, rows: OrgUnit[]) {
  if (rows.length === 0) return [];
  const counts = await db
    .select({ parentId: orgUnits.parentId, n: sql<number>`count(*)::int` })
    .from(orgUnits)
    .where(
      and(
        inArray(
          orgUnits.parentId,
          rows.map((r) => r.id),
        ),
        eq(orgUnits.status, 'active'),
      ),
    )
    .groupBy(orgUnits.parentId);
  const byParent = new Map(counts.map((c) => [c.parentId, c.n]));
  return rows.map((r) => ({ ...r, kind: r.kind as OrgKind, childCount: byParent.get(r.id) ?? 0 }));
}

export async function searchUnits(ctx: ActorCtx, q: string, kind?: OrgKind) {
  requirePermission(ctx.actor, 'org.read');
  return ctx.db
    .select()
    .from(orgUnits)
    .where(
      and(
        scopeWhere(ctx.actor, 'org.read', orgUnits.path),
        eq(orgUnits.status, 'active'),
        q ? like(orgUnits.name, `%${escapeLike(q)}%`) : undefined,
        kind ? eq(orgUnits.kind, kind) : undefined,
      ),
    )
    .orderBy(asc(orgUnits.depth), asc(orgUnits.name))
    .limit(50);
}

export async function getUnitDetail(ctx: ActorCtx, id: string) {
  requirePermission(ctx.actor, 'org.read');
  const unit = await findUnitInScope(ctx, id);
  const ancestorIds = unit.path.split('/').filter(Boolean).slice(0, -1);
  const ancestors = ancestorIds.length
    ? await ctx.db
        .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
        .from(orgUnits)
        .where(inArray(orgUnits.id, ancestorIds))
    : [];
  ancestors.sort((a, b) => ancestorIds.indexOf(a.id) - ancestorIds.indexOf(b.id));
  const residentCount = await populationUnder(ctx.db, unit.path);
  // The people assigned to this unit (a grid's workers), declared by their module in UNIT_ASSIGNMENT_TABLES.
  const gridWorkers: { id: string; name: string }[] = [];
  for (const a of UNIT_ASSIGNMENT_TABLES) {
    if (a.unitKind !== unit.kind) continue;
    gridWorkers.push(
      ...rowsOf<{ id: string; name: string }>(
        await ctx.db.execute(sql`
          select p.id, p.name from ${sql.identifier(a.table)} a
          join ${sql.identifier(a.personTable)} p on p.id = a.${sql.identifier(a.personColumn)}
          where a.${sql.identifier(a.unitColumn)} = ${unit.id}`),
      ),
    );
  }
  const [withCount] = await withChildCounts(ctx.db, [unit]);
  const writable =
    can(ctx.actor, 'org.write') && inScope(ctx.actor, 'org.write', unit.path) && unit.status === 'active';
  // The top of the actor's scope (or of the whole tree) cannot be moved, merged, split or archived by them.
  const ownRoot = unit.parentId === null || scopePaths(ctx.actor, 'org.write').includes(unit.path);
  return {
    ...withCount!,
    ancestors,
    residentCount,
    gridWorkers,
    abilities: {
      edit: writable,
      createChild: writable && ALLOWED_CHILDREN[unit.kind as OrgKind].length > 0,
      move: writable && !ownRoot,
      merge: writable && !ownRoot,
      split: writable && !ownRoot && (withCount?.childCount ?? 0) > 0,
      archive: writable && !ownRoot,
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
  const [taken] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.divisionCode, code));
  if (taken && taken.id !== selfId)
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
  requirePermission(ctx.actor, 'org.write');
  const parent = await findUnitInScope(ctx, input.parentId, 'org.write');
  if (parent.status !== 'active') throw new AppError('org.inactive', 409);
  checkChildKind(parent.kind, input.kind);
  return ctx.db.transaction(async (tx) => {
    await checkDivisionCode(tx, input.kind, input.divisionCode, parent);
    const id = ctx.ids();
    const now = ctx.clock.now();
    const [unit] = await tx
      .insert(orgUnits)
      .values({
        id,
        parentId: parent.id,
        path: `${parent.path}${id}/`,
        depth: parent.depth + 1,
        kind: input.kind,
        name: input.name,
        divisionCode: input.divisionCode ?? null,
        boundary: input.boundary ?? null,
        lat: input.lat ?? null,
        lng: input.lng ?? null,
        attrs: input.attrs ?? {},
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await writeAudit(tx, ctx, {
      action: 'org.create',
      entityType: 'org_unit',
      entityId: id,
      orgPath: unit!.path,
      after: unit,
    });
    return unit!;
  });
}

export async function updateUnit(ctx: ActorCtx, id: string, input: UpdateOrgUnitBody) {
  requirePermission(ctx.actor, 'org.write');
  const unit = await findUnitInScope(ctx, id, 'org.write');
  if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  return ctx.db.transaction(async (tx) => {
    if (input.divisionCode !== undefined) {
      const [parent] = unit.parentId
        ? await tx.select().from(orgUnits).where(eq(orgUnits.id, unit.parentId))
        : [];
      await checkDivisionCode(tx, unit.kind, input.divisionCode, parent ?? null, unit.id);
    }
    const [after] = await tx
      .update(orgUnits)
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.divisionCode !== undefined && { divisionCode: input.divisionCode }),
        ...(input.boundary !== undefined && { boundary: input.boundary }),
        ...(input.lat !== undefined && { lat: input.lat }),
        ...(input.lng !== undefined && { lng: input.lng }),
        ...(input.attrs !== undefined && { attrs: { ...unit.attrs, ...input.attrs } }),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(orgUnits.id, id))
      .returning();
    await writeAudit(tx, ctx, {
      action: 'org.update',
      entityType: 'org_unit',
      entityId: id,
      orgPath: unit.path,
      before: unit,
      after,
    });
    return after!;
  });
}

/** Rewrites the paths of a subtree and of every scoped row in it, after a move or merge. */
async function repath(tx: Db, oldPrefix: string, newPrefix: string, depthDelta: number) {
  const pattern = `${escapeLike(oldPrefix)}%`;
  await tx.execute(sql`
    update org_units set path = ${newPrefix} || substr(path, ${oldPrefix.length + 1}), depth = depth + ${depthDelta}
    where path like ${pattern}`);
  for (const table of [...SCOPED_TABLES, ...PATH_ONLY_TABLES, ...UNIT_SETTINGS_TABLES]) {
    await tx.execute(sql`
      update ${sql.identifier(table)} set org_path = ${newPrefix} || substr(org_path, ${oldPrefix.length + 1})
      where org_path like ${pattern}`);
  }
  // Rows that keep their community (residents) keep the community they now belong to.
  await recomputeCommunities(tx, newPrefix);
}

/** Points `community_id` of the rows under `prefix` (COMMUNITY_ID_TABLES) at the community their path lies in. */
async function recomputeCommunities(tx: Db, prefix: string) {
  for (const table of COMMUNITY_ID_TABLES) {
    await tx.execute(sql`
      update ${sql.identifier(table)} r set community_id = c.id
      from org_units c
      where c.kind = 'community' and r.org_path like ${`${escapeLike(prefix)}%`} and r.org_path like c.path || '%'
        and r.community_id <> c.id`);
  }
}

/** How many live people (UNIT_POPULATION_TABLE) lie under this path. */
async function populationUnder(db: Db, path: string): Promise<number> {
  const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(UNIT_POPULATION_TABLE)} where org_path like ${`${escapeLike(path)}%`} and deleted_at is null`,
    ),
  );
  return n;
}

export async function moveUnit(ctx: ActorCtx, id: string, newParentId: string) {
  return underTreeLock(ctx, 'exclusive', (c) => moveUnitLocked(c, id, newParentId));
}

async function moveUnitLocked(ctx: ActorCtx, id: string, newParentId: string) {
  requirePermission(ctx.actor, 'org.write');
  const unit = await findUnitInScope(ctx, id, 'org.write');
  const parent = await findUnitInScope(ctx, newParentId, 'org.write');
  if (!unit.parentId || scopePaths(ctx.actor, 'org.write').includes(unit.path))
    throw new AppError('common.forbidden', 403);
  if (parent.path.startsWith(unit.path)) throw new AppError('org.move_into_descendant', 422);
  if (unit.status !== 'active' || parent.status !== 'active') throw new AppError('org.inactive', 409);
  checkChildKind(parent.kind, unit.kind);
  if (unit.parentId === parent.id) return unit;
  return ctx.db.transaction(async (tx) => {
    const newPath = `${parent.path}${unit.id}/`;
    await tx
      .update(orgUnits)
      .set({ parentId: parent.id, updatedAt: ctx.clock.now() })
      .where(eq(orgUnits.id, id));
    await repath(tx, unit.path, newPath, parent.depth + 1 - unit.depth);
    const [after] = await tx.select().from(orgUnits).where(eq(orgUnits.id, id));
    await writeAudit(tx, ctx, {
      action: 'org.move',
      entityType: 'org_unit',
      entityId: id,
      orgPath: newPath,
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
  requirePermission(ctx.actor, 'org.write');
  if (sourceId === targetId) throw new AppError('org.merge_self', 422);
  const source = await findUnitInScope(ctx, sourceId, 'org.write');
  const target = await findUnitInScope(ctx, targetId, 'org.write');
  if (!source.parentId || scopePaths(ctx.actor, 'org.write').includes(source.path))
    throw new AppError('common.forbidden', 403);
  if (source.kind !== target.kind) throw new AppError('org.merge_kind', 422);
  if (target.path.startsWith(source.path)) throw new AppError('org.move_into_descendant', 422);
  if (source.status !== 'active' || target.status !== 'active') throw new AppError('org.inactive', 409);
  return ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const children = await tx.select().from(orgUnits).where(eq(orgUnits.parentId, source.id));
    for (const child of children) {
      await tx.update(orgUnits).set({ parentId: target.id, updatedAt: now }).where(eq(orgUnits.id, child.id));
      await repath(tx, child.path, `${target.path}${child.id}/`, target.depth - source.depth);
    }
    // Rows attached to the source itself (its own path exactly) move to the target.
    for (const table of SCOPED_TABLES) {
      await tx.execute(sql`
        update ${sql.identifier(table)} set org_unit_id = ${target.id}, org_path = ${target.path}
        where org_path = ${source.path}`);
    }
    for (const table of PATH_ONLY_TABLES) {
      await tx.execute(sql`
        update ${sql.identifier(table)} set org_path = ${target.path} where org_path = ${source.path}`);
    }
    await recomputeCommunities(tx, target.path);
    // Assignments to the source (a grid's workers) move to the target, unless the person is already there.
    for (const a of UNIT_ASSIGNMENT_TABLES) {
      const t = sql.identifier(a.table);
      const unit = sql.identifier(a.unitColumn);
      const person = sql.identifier(a.personColumn);
      await tx.execute(sql`
        update ${t} g set ${unit} = ${target.id} where ${unit} = ${source.id}
          and not exists (select 1 from ${t} x where x.${unit} = ${target.id} and x.${person} = g.${person})`);
      await tx.execute(sql`delete from ${t} where ${unit} = ${source.id}`);
    }
    const [after] = await tx
      .update(orgUnits)
      .set({ status: 'merged', mergedIntoId: target.id, updatedAt: now })
      .where(eq(orgUnits.id, source.id))
      .returning();
    await writeAudit(tx, ctx, {
      action: 'org.merge',
      entityType: 'org_unit',
      entityId: source.id,
      orgPath: target.path,
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
  requirePermission(ctx.actor, 'org.write');
  const unit = await findUnitInScope(ctx, id, 'org.write');
  if (!unit.parentId) throw new AppError('common.forbidden', 403);
  if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  const children = await ctx.db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, unit.id), inArray(orgUnits.id, childIds)));
  if (children.length === 0 || children.length !== new Set(childIds).size)
    throw new AppError('org.split_empty', 422);
  const parent = await findUnitInScope(ctx, unit.parentId, 'org.write');
  return ctx.db.transaction(async (tx) => {
    const newId = ctx.ids();
    const now = ctx.clock.now();
    const newPath = `${parent.path}${newId}/`;
    const [created] = await tx
      .insert(orgUnits)
      .values({
        id: newId,
        parentId: parent.id,
        path: newPath,
        depth: unit.depth,
        kind: unit.kind,
        name: newName,
        attrs: {},
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    for (const child of children) {
      await tx.update(orgUnits).set({ parentId: newId, updatedAt: now }).where(eq(orgUnits.id, child.id));
      await repath(tx, child.path, `${newPath}${child.id}/`, 0);
    }
    await writeAudit(tx, ctx, {
      action: 'org.split',
      entityType: 'org_unit',
      entityId: unit.id,
      orgPath: unit.path,
      after: { newUnitId: newId, newName, movedChildIds: children.map((c) => c.id) },
    });
    return created!;
  });
}

export async function archiveUnit(ctx: ActorCtx, id: string) {
  return underTreeLock(ctx, 'exclusive', (c) => archiveUnitLocked(c, id));
}

async function archiveUnitLocked(ctx: ActorCtx, id: string) {
  requirePermission(ctx.actor, 'org.write');
  const unit = await findUnitInScope(ctx, id, 'org.write');
  if (!unit.parentId || scopePaths(ctx.actor, 'org.write').includes(unit.path))
    throw new AppError('common.forbidden', 403);
  const [{ n: kids } = { n: 0 }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, id), eq(orgUnits.status, 'active')));
  const people = await populationUnder(ctx.db, unit.path);
  if (kids > 0 || people > 0) throw new AppError('org.has_children', 409);
  return ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(orgUnits)
      .set({ status: 'archived', updatedAt: ctx.clock.now() })
      .where(eq(orgUnits.id, id))
      .returning();
    await writeAudit(tx, ctx, {
      action: 'org.archive',
      entityType: 'org_unit',
      entityId: id,
      orgPath: unit.path,
      before: { status: unit.status },
      after: { status: 'archived' },
    });
    return after!;
  });
}
