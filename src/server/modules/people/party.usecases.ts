import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type {
  CreatePartyOrgBody,
  PageParams,
  PartyOrgListQuery,
  ReplacePartySchemeBody,
  UpdatePartyOrgBody,
} from '../../../shared/contracts/people';
import { writeAudit } from '../../platform/audit';
import { partyOrgNames } from './members.repository';
import { sentFields } from '../../platform/auditedRows';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { peoplePolicy } from './people.policy';
import { findLevelRow, schemeLevelRows, visibleLevelRow } from './people.repository';
import { findUnitInScope, type OrgUnit, unitById } from '../org/org.api';
import {
  nameLike,
  pathIds,
  registryRecords,
  unitForWrite,
  unitNames,
  unitRowDtos,
  writable,
} from './people.common';
import { partyMembers, partyOrgLevels, partyOrgs } from './people.table';

type LevelRow = typeof partyOrgLevels.$inferSelect;
type PartyOrgRow = typeof partyOrgs.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Party organization levels (R-ORG-2): levels are data. A scheme is the ordered list of level
// names defined at one unit; every unit uses the nearest scheme up its path.
// ---------------------------------------------------------------------------------------------

/** Units that may define a scheme: a scheme below community level would split one party structure. */
const SCHEME_UNIT_KINDS = ['city', 'district', 'subdistrict', 'community'];

interface Scheme {
  unitId: string | null;
  levels: LevelRow[];
}

/** The nearest scheme on `path` (the unit itself first, then its ancestors). */
export async function schemeFor(db: Db, path: string): Promise<Scheme> {
  const ids = pathIds(path);
  if (ids.length === 0) return { unitId: null, levels: [] };
  const rows = await db
    .select()
    .from(partyOrgLevels)
    .where(inArray(partyOrgLevels.orgUnitId, ids))
    .orderBy(asc(partyOrgLevels.rank));
  const nearest = Math.max(-1, ...rows.map((r) => ids.indexOf(r.orgUnitId)));
  if (nearest < 0) return { unitId: null, levels: [] };
  const unitId = ids[nearest]!;
  return { unitId, levels: rows.filter((r) => r.orgUnitId === unitId) };
}

const levelDto = (l: LevelRow) => ({ id: l.id, rank: l.rank, name: l.name });

async function schemeDto(ctx: ActorCtx, unit: OrgUnit, scheme: Scheme) {
  const names = await unitNames(ctx.db, [scheme.unitId]);
  return {
    orgUnitId: unit.id,
    schemeUnitId: scheme.unitId,
    schemeUnitName: scheme.unitId ? (names.get(scheme.unitId) ?? null) : null,
    inherited: scheme.unitId !== null && scheme.unitId !== unit.id,
    levels: scheme.levels.map(levelDto),
    abilities: {
      replace: writable(ctx, unit.path) && SCHEME_UNIT_KINDS.includes(unit.kind) && unit.status === 'active',
    },
  };
}

/** The levels a unit in scope uses, and where they are defined. */
export async function getPartyScheme(ctx: ActorCtx, orgUnitId: string) {
  peoplePolicy.require(ctx.actor, 'read');
  const unit = await findUnitInScope(ctx, orgUnitId, 'people.read');
  return schemeDto(ctx, unit, await schemeFor(ctx.db, unit.path));
}

/**
 * Every scheme that applies somewhere in the actor's scope: those defined inside it and those
 * inherited from above it (a community worker sees the subdistrict's scheme).
 */
export async function listPartySchemes(ctx: ActorCtx, q: PageParams) {
  peoplePolicy.require(ctx.actor, 'read');
  const rows = await schemeLevelRows(ctx.db, ctx.actor, 'read');
  const schemes = new Map<
    string,
    {
      orgUnitId: string;
      orgUnitName: string | null;
      orgUnitKind: string | null;
      levels: ReturnType<typeof levelDto>[];
    }
  >();
  for (const r of rows) {
    const s = schemes.get(r.level.orgUnitId) ?? {
      orgUnitId: r.level.orgUnitId,
      orgUnitName: r.unitName,
      orgUnitKind: r.unitKind,
      levels: [],
    };
    s.levels.push(levelDto(r.level));
    schemes.set(r.level.orgUnitId, s);
  }
  const all = [...schemes.values()];
  return {
    items: all.slice((q.page - 1) * q.pageSize, q.page * q.pageSize),
    total: all.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Replaces the scheme defined at a unit (R-ORG-2). Levels are matched by name, so a party
 * organization keeps its level when levels are reordered or added; a level that disappears must be
 * unused. An empty list drops the unit's own scheme, and the unit inherits again.
 */
export async function replacePartyScheme(ctx: ActorCtx, orgUnitId: string, input: ReplacePartySchemeBody) {
  peoplePolicy.require(ctx.actor, 'write');
  const unit = await unitForWrite(ctx, orgUnitId);
  if (!SCHEME_UNIT_KINDS.includes(unit.kind)) throw new AppError('people.scheme_unit_kind', 422);
  await ctx.db.transaction(async (tx) => {
    const existing = await tx
      .select()
      .from(partyOrgLevels)
      .where(eq(partyOrgLevels.orgUnitId, unit.id))
      .orderBy(asc(partyOrgLevels.rank));
    const byName = new Map(existing.map((l) => [l.name, l]));
    const removed = existing.filter((l) => !input.names.includes(l.name));
    if (removed.length) {
      const [used] = await tx
        .select({ levelId: partyOrgs.levelId })
        .from(partyOrgs)
        .where(
          inArray(
            partyOrgs.levelId,
            removed.map((l) => l.id),
          ),
        )
        .limit(1);
      if (used) {
        const name = removed.find((l) => l.id === used.levelId)!.name;
        throw new AppError(
          'people.level_in_use',
          409,
          { name },
          { fields: [{ path: 'names', code: 'people.level_in_use' }] },
        );
      }
      await tx.delete(partyOrgLevels).where(
        inArray(
          partyOrgLevels.id,
          removed.map((l) => l.id),
        ),
      );
    }
    const now = ctx.clock.now();
    for (const [i, name] of input.names.entries()) {
      const keep = byName.get(name);
      if (keep) {
        if (keep.rank !== i + 1)
          await tx
            .update(partyOrgLevels)
            .set({ rank: i + 1, updatedAt: now })
            .where(eq(partyOrgLevels.id, keep.id));
      } else {
        await tx
          .insert(partyOrgLevels)
          .values({ id: ctx.ids(), orgUnitId: unit.id, rank: i + 1, name, createdAt: now, updatedAt: now });
      }
    }
    await writeAudit(tx, ctx, {
      action: 'people.party_levels.replace',
      entityType: 'party_level_scheme',
      entityId: unit.id,
      orgPath: unit.path,
      before: { names: existing.map((l) => l.name) },
      after: { names: input.names },
    });
  });
  return schemeDto(ctx, unit, await schemeFor(ctx.db, unit.path));
}

/**
 * A level filter: the level exists and belongs to a scheme that applies in the actor's scope (defined
 * inside it or inherited from above it, as listPartySchemes shows them); anything else answers 404.
 */
async function visibleLevelId(ctx: ActorCtx, id: string): Promise<string> {
  const level = await visibleLevelRow(ctx.db, ctx.actor, 'read', id);
  if (!level) throw notFound();
  return level.id;
}

/** Renames one level in place: every organization at that level follows. */
export async function renamePartyLevel(ctx: ActorCtx, id: string, name: string) {
  peoplePolicy.require(ctx.actor, 'write');
  const level = await findLevelRow(ctx.db, ctx.actor, 'write', id);
  const unit = level && (await unitById(ctx.db, level.orgUnitId));
  if (!level || !unit) throw notFound();
  const [clash] = await ctx.db
    .select({ id: partyOrgLevels.id })
    .from(partyOrgLevels)
    .where(
      and(eq(partyOrgLevels.orgUnitId, unit.id), eq(partyOrgLevels.name, name), ne(partyOrgLevels.id, id)),
    );
  if (clash) throw invalidField('name', 'people.level_duplicate');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(partyOrgLevels)
      .set({ name, updatedAt: ctx.clock.now() })
      .where(eq(partyOrgLevels.id, id));
    await writeAudit(tx, ctx, {
      action: 'people.party_level.rename',
      entityType: 'party_level',
      entityId: id,
      orgPath: unit.path,
      before: { name: level.name },
      after: { name },
    });
  });
  return schemeDto(ctx, unit, await schemeFor(ctx.db, unit.path));
}

// ---------------------------------------------------------------------------------------------
// Party organizations: a tree; each organization sits at one level of its unit's scheme.
// ---------------------------------------------------------------------------------------------

async function partyOrgDtos(ctx: ActorCtx, rows: PartyOrgRow[]) {
  if (rows.length === 0) return [];
  const levelIds = [...new Set(rows.map((r) => r.levelId))];
  const parentIds = [...new Set(rows.map((r) => r.parentId).filter((x): x is string => !!x))];
  const levels = await ctx.db.select().from(partyOrgLevels).where(inArray(partyOrgLevels.id, levelIds));
  const parent = await partyOrgNames(ctx.db, parentIds);
  const level = new Map(levels.map((l) => [l.id, l]));
  return unitRowDtos(ctx, rows, (r) => ({
    id: r.id,
    parentId: r.parentId,
    parentName: r.parentId ? (parent.get(r.parentId) ?? null) : null,
    levelId: r.levelId,
    levelName: level.get(r.levelId)?.name ?? null,
    levelRank: level.get(r.levelId)?.rank ?? null,
    name: r.name,
    secretary: r.secretary,
  }));
}

const partyOrgRecords = registryRecords(partyOrgs, partyOrgDtos);

export function listPartyOrgs(ctx: ActorCtx, q: PartyOrgListQuery) {
  return partyOrgRecords.list(
    ctx,
    q,
    // By level (an organization without one last), then where it sits, then name.
    [
      asc(sql`(select l.rank from ${partyOrgLevels} l where l.id = ${partyOrgs.levelId})`),
      asc(partyOrgs.orgPath),
      asc(partyOrgs.name),
      asc(partyOrgs.id),
    ],
    async () => [
      nameLike(partyOrgs.name, q.q),
      // A parent or level that does not exist or is out of scope answers 404, never an empty page.
      q.parentId
        ? eq(partyOrgs.parentId, (await partyOrgRecords.find(ctx, q.parentId, 'people.read')).id)
        : undefined,
      q.levelId ? eq(partyOrgs.levelId, await visibleLevelId(ctx, q.levelId)) : undefined,
    ],
  );
}

export async function getPartyOrg(ctx: ActorCtx, id: string) {
  peoplePolicy.require(ctx.actor, 'read');
  const dto = await partyOrgRecords.dto(ctx, await partyOrgRecords.find(ctx, id, 'people.read'));
  const [{ n: childCount } = { n: 0 }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(partyOrgs)
    .where(eq(partyOrgs.parentId, id));
  const [{ n: memberCount } = { n: 0 }] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(partyMembers)
    .where(eq(partyMembers.partyOrgId, id));
  return { ...dto, childCount, memberCount };
}

/**
 * Checks where an organization may sit: its level belongs to the scheme its unit uses (R-ORG-2);
 * its parent sits at or above its unit on the org tree, one level or more higher, and is not the
 * organization itself or one of its descendants.
 */
async function checkPlacement(
  ctx: ActorCtx,
  unit: OrgUnit,
  levelId: string,
  parentId: string | null,
  selfId?: string,
) {
  const scheme = await schemeFor(ctx.db, unit.path);
  const level = scheme.levels.find((l) => l.id === levelId);
  if (!level) throw invalidField('levelId', 'people.level_scheme');
  if (selfId) {
    const children = await ctx.db
      .select({ rank: partyOrgLevels.rank })
      .from(partyOrgs)
      .innerJoin(partyOrgLevels, eq(partyOrgLevels.id, partyOrgs.levelId))
      .where(eq(partyOrgs.parentId, selfId));
    if (children.some((c) => c.rank <= level.rank)) throw invalidField('levelId', 'people.level_order');
  }
  if (!parentId) return;
  const [parent] = await ctx.db
    .select({ org: partyOrgs, rank: partyOrgLevels.rank })
    .from(partyOrgs)
    .leftJoin(partyOrgLevels, eq(partyOrgLevels.id, partyOrgs.levelId))
    .where(eq(partyOrgs.id, parentId));
  // The parent may lie above the actor's scope (a community's 大党委 under the subdistrict's 大工委),
  // but it must be on the unit's own path: anything else answers the same field error.
  if (!parent || !unit.path.startsWith(parent.org.orgPath))
    throw invalidField('parentId', 'people.parent_org');
  if (parent.rank !== null && parent.rank >= level.rank) throw invalidField('levelId', 'people.level_order');
  if (selfId) {
    let cursor: string | null = parent.org.id;
    for (let i = 0; cursor && i < 50; i++) {
      if (cursor === selfId) throw invalidField('parentId', 'people.parent_org');
      const [up]: { parentId: string | null }[] = await ctx.db
        .select({ parentId: partyOrgs.parentId })
        .from(partyOrgs)
        .where(eq(partyOrgs.id, cursor));
      cursor = up?.parentId ?? null;
    }
  }
}

export async function createPartyOrg(ctx: ActorCtx, input: CreatePartyOrgBody) {
  peoplePolicy.require(ctx.actor, 'write');
  const unit = await unitForWrite(ctx, input.orgUnitId);
  await checkPlacement(ctx, unit, input.levelId, input.parentId ?? null);
  return partyOrgRecords.insert(
    ctx,
    unit,
    {
      parentId: input.parentId ?? null,
      levelId: input.levelId,
      name: input.name,
      secretary: input.secretary ?? null,
    },
    { action: 'people.party_org.create', entityType: 'party_org' },
  );
}

export async function updatePartyOrg(ctx: ActorCtx, id: string, input: UpdatePartyOrgBody) {
  peoplePolicy.require(ctx.actor, 'write');
  const before = await partyOrgRecords.find(ctx, id, 'people.write');
  const moving = input.orgUnitId !== undefined && input.orgUnitId !== before.orgUnitId;
  const unit = moving
    ? await unitForWrite(ctx, input.orgUnitId!)
    : await findUnitInScope(ctx, before.orgUnitId, 'people.write');
  if (moving) {
    const [child] = await ctx.db
      .select({ id: partyOrgs.id })
      .from(partyOrgs)
      .where(eq(partyOrgs.parentId, id))
      .limit(1);
    if (child) throw new AppError('people.party_org_has_children', 409);
  }
  const levelId = input.levelId ?? before.levelId;
  const parentId = input.parentId !== undefined ? input.parentId : before.parentId;
  if (moving || input.levelId !== undefined || input.parentId !== undefined) {
    await checkPlacement(ctx, unit, levelId, parentId, id);
  }
  return partyOrgRecords.update(
    ctx,
    before,
    {
      ...sentFields(input, ['name', 'secretary']),
      levelId,
      parentId,
      orgUnitId: unit.id,
      orgPath: unit.path,
    },
    { action: 'people.party_org.update', entityType: 'party_org' },
  );
}
