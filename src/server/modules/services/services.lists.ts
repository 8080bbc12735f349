import type {
  NeedBody,
  NeedListQuery,
  NeedPatch,
  ProjectBody,
  ProjectListQuery,
  ProjectPatch,
  ResourceBody,
  ResourceListQuery,
  ResourcePatch,
} from '../../../shared/contracts/services';
import { auditRecord } from '../../platform/recordAudit';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { invalidField, notFound } from '../../platform/errors';
import type { Page } from '../../platform/listing';
import { type LinkedRegistry, registryNames, registryPlace } from '../people/people.api';
import { teamPlace, volunteerNames, volunteerPlace } from '../volunteers/volunteers.api';
import {
  communityDtos,
  communityFilter,
  communityFor,
  communityNamesOf,
  communityOfPath,
  gridIn,
  homeCommunity,
  insertCommunityRow,
  unitById,
} from './services.common';
import { needsPolicy, projectsPolicy, resourcesPolicy, serviceOrdersPolicy } from './services.policy';
import {
  type NeedRow,
  type ProjectRow,
  type ResourceRow,
  findNeedRow,
  findProjectRow,
  findResourceRow,
  listNeedRows,
  listProjectRows,
  listResourceRows,
} from './services.repository';
import {
  insertNeed,
  insertProject,
  insertResource,
  openOrderCounts,
  orderRowsByIds,
  publishedProjectRows,
  updateNeedRow,
  updateProjectRow,
  updateResourceRow,
} from './services.lists.repository';
import { foundInReach } from '../../platform/findInScope';

/**
 * The three lists of a community (R-SV-1, seed 000): needs (需求清单), resources (资源清单) and service
 * projects (项目清单). Staff with services.write maintain them; services.read lists them in scope;
 * residents browse published projects.
 */

/** One page of a list in reach (of the community asked for, found in scope) as its DTOs. */
async function listPageOf<Q extends { communityId?: string | undefined }, R, D>(
  ctx: ActorCtx,
  policy: { require(actor: ActorCtx['actor'], action: 'read'): void },
  q: Q,
  rows: (db: Db, actor: ActorCtx['actor'], q: Q, communityId: string | undefined) => Promise<Page<R>>,
  dtos: (db: Db, rows: R[]) => Promise<D[]>,
) {
  policy.require(ctx.actor, 'read');
  const communityId = await communityFilter(ctx, q.communityId);
  const page = await rows(ctx.db, ctx.actor, q, communityId);
  return { ...page, items: await dtos(ctx.db, page.items) };
}

/**
 * Updates a list's row (found in reach) with `set` through the repository's `update` and answers its DTO; its
 * audit entry keeps what it was and the body sent.
 */
async function updateListRow<S, R, D>(
  ctx: ActorCtx,
  update: (db: Db, id: string, set: S) => Promise<R>,
  row: { id: string; orgPath: string },
  set: NoInfer<S>,
  audit: { action: string; entityType: string; before: unknown; after: unknown },
  dtos: (db: Db, rows: R[]) => Promise<D[]>,
): Promise<D> {
  const updated = await ctx.db.transaction(async (tx) => {
    const updated = await update(tx, row.id, set);
    await auditRecord(tx, ctx, row, audit);
    return updated;
  });
  return (await dtos(ctx.db, [updated]))[0]!;
}

/** A list's row in reach for writing (the policy checked first), else 404. */
async function findListed<R>(
  ctx: ActorCtx,
  policy: { require(actor: ActorCtx['actor'], action: 'write'): void },
  find: (db: Db, actor: ActorCtx['actor'], action: 'write', id: string) => Promise<R | undefined>,
  id: string,
): Promise<R> {
  return foundInReach(policy, ctx, 'write', () => find(ctx.db, ctx.actor, 'write', id));
}

// ---------------------------------------------------------------- needs

function needDtos(db: Db, rows: NeedRow[]) {
  return communityDtos(db, rows, (r) => ({
    orgUnitId: r.orgUnitId,
    title: r.title,
    description: r.description,
    source: r.source as 'resident',
    category: r.category,
    status: r.status as 'open',
    raisedBy: r.raisedBy,
    orderId: r.orderId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export const listNeeds = (ctx: ActorCtx, q: NeedListQuery) =>
  listPageOf(ctx, needsPolicy, q, listNeedRows, needDtos);

export async function createNeed(ctx: ActorCtx, body: NeedBody) {
  needsPolicy.require(ctx.actor, 'write');
  // A grid worker records what a grid visit found: the grid must be theirs, the community need not be.
  const givenGrid = body.communityId ? null : await unitById(ctx.db, body.gridId);
  const community = givenGrid
    ? await communityOfPath(ctx.db, givenGrid.path)
    : await unitById(ctx.db, body.communityId);
  if (!community) throw notFound();
  if (community.kind !== 'community') {
    if (!needsPolicy.can(ctx.actor, 'write', { orgPath: community.path })) throw notFound();
    throw invalidField('communityId', 'services.not_community');
  }
  const grid = await gridIn(ctx.db, community, body.gridId);
  const unit = grid ?? community;
  if (!needsPolicy.can(ctx.actor, 'write', { orgPath: unit.path })) throw notFound();
  return insertCommunityRow(
    ctx,
    insertNeed,
    unit,
    community.id,
    {
      title: body.title,
      description: body.description ?? null,
      source: body.source,
      category: body.category ?? null,
      status: 'open',
      raisedBy: body.raisedBy ?? null,
      createdBy: ctx.actor.userId,
    },
    {
      action: 'services.need_create',
      entityType: 'svc_need',
      view: (r) => ({ title: r.title, source: r.source }),
    },
    needDtos,
  );
}

export async function updateNeed(ctx: ActorCtx, id: string, body: NeedPatch) {
  const before = await findListed(ctx, needsPolicy, findNeedRow, id);
  const now = ctx.clock.now();
  return updateListRow(
    ctx,
    updateNeedRow,
    before,
    { ...body, updatedAt: now },
    {
      action: 'services.need_update',
      entityType: 'svc_need',
      before: { title: before.title, status: before.status },
      after: body,
    },
    needDtos,
  );
}

// ---------------------------------------------------------------- resources

/** Where a linked record is looked up (through its module's api): names by id, and one record's name and path. */
interface Linked {
  names: (db: Db, ids: string[]) => Promise<Map<string, string>>;
  place: (db: Db, id: string) => Promise<{ name: string; path: string } | undefined>;
}
const registry = (kind: LinkedRegistry): Linked => ({
  names: (db, ids) => registryNames(db, kind, ids),
  place: (db, id) => registryPlace(db, kind, id),
});
const volunteerLinks: Linked = { names: volunteerNames, place: volunteerPlace };

/** The registries a resource's owner can be linked to (a merchant is linked by id only). */
const OWNER_TABLES = {
  party_member: registry('party_member'),
  resident_unit: registry('resident_unit'),
  social_org: registry('social_org'),
  volunteer: volunteerLinks,
} as const;
const ownerTable = (type: string) => OWNER_TABLES[type as keyof typeof OWNER_TABLES] ?? null;

/** The owners' names of many resources: one query per owner type, not one per row. */
async function ownerNames(db: Db, rows: Pick<ResourceRow, 'ownerType' | 'ownerId'>[]) {
  const names = new Map<string, string>();
  const idsByType = new Map<string, string[]>();
  for (const r of rows)
    if (r.ownerType && r.ownerId && ownerTable(r.ownerType))
      idsByType.set(r.ownerType, [...(idsByType.get(r.ownerType) ?? []), r.ownerId]);
  for (const [type, ids] of idsByType) {
    const found = await ownerTable(type)!.names(db, [...new Set(ids)]);
    for (const [id, name] of found) names.set(`${type}:${id}`, name);
  }
  return names;
}

/** The linked owner must exist in the same community subtree (else 422). */
async function checkOwner(
  db: Db,
  communityPath: string,
  type: string | null | undefined,
  id: string | null | undefined,
) {
  if (!type || !id) return;
  if (type === 'merchant') return; // redemption points are linked by id only (merchants module)
  const table = ownerTable(type) ?? volunteerLinks;
  const row = await table.place(db, id);
  if (!row?.path.startsWith(communityPath)) throw invalidField('ownerId', 'services.owner_unknown');
}

async function resourceDtos(db: Db, rows: ResourceRow[]) {
  const owners = await ownerNames(db, rows);
  return communityDtos(db, rows, (r) => ({
    kind: r.kind as 'venue',
    name: r.name,
    description: r.description,
    ownerType: r.ownerType,
    ownerId: r.ownerId,
    ownerName: (r.ownerType && r.ownerId && owners.get(`${r.ownerType}:${r.ownerId}`)) || null,
    quantity: r.quantity,
    available: r.available,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export const listResources = (ctx: ActorCtx, q: ResourceListQuery) =>
  listPageOf(ctx, resourcesPolicy, q, listResourceRows, resourceDtos);

export async function createResource(ctx: ActorCtx, body: ResourceBody) {
  resourcesPolicy.require(ctx.actor, 'write');
  const community = await communityFor(ctx.db, ctx.actor, 'services.write', body.communityId);
  await checkOwner(ctx.db, community.path, body.ownerType, body.ownerId);
  return insertCommunityRow(
    ctx,
    insertResource,
    community,
    community.id,
    {
      kind: body.kind,
      name: body.name,
      description: body.description ?? null,
      ownerType: body.ownerId ? (body.ownerType ?? null) : null,
      ownerId: body.ownerType ? (body.ownerId ?? null) : null,
      quantity: body.quantity ?? null,
      available: body.available,
      createdBy: ctx.actor.userId,
    },
    {
      action: 'services.resource_create',
      entityType: 'svc_resource',
      view: (r) => ({ name: r.name, kind: r.kind }),
    },
    resourceDtos,
  );
}

export async function updateResource(ctx: ActorCtx, id: string, body: ResourcePatch) {
  const before = await findListed(ctx, resourcesPolicy, findResourceRow, id);
  await checkOwner(
    ctx.db,
    before.orgPath,
    body.ownerType ?? before.ownerType,
    body.ownerId ?? before.ownerId,
  );
  return updateListRow(
    ctx,
    updateResourceRow,
    { id, orgPath: before.orgPath },
    { ...body, updatedAt: ctx.clock.now() },
    {
      action: 'services.resource_update',
      entityType: 'svc_resource',
      before: { name: before.name, available: before.available },
      after: body,
    },
    resourceDtos,
  );
}

// ---------------------------------------------------------------- projects

export async function projectDtos(db: Db, rows: ProjectRow[]) {
  const open = await openOrderCounts(
    db,
    rows.map((r) => r.id),
  );
  return communityDtos(db, rows, (r) => ({
    title: r.title,
    description: r.description,
    category: r.category,
    skills: r.skills,
    providerType: r.providerType as 'volunteer',
    providerId: r.providerId,
    providerName: r.providerName,
    schedule: r.schedule,
    capacity: r.capacity,
    openOrders: open.get(r.id) ?? 0,
    activityType: r.activityType,
    durationMinutes: r.durationMinutes,
    published: r.published,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export const listProjects = (ctx: ActorCtx, q: ProjectListQuery) =>
  listPageOf(ctx, projectsPolicy, q, listProjectRows, projectDtos);

/** The provider must exist in the community (volunteer, team, social org, resident unit). */
async function providerCheck(db: Db, communityPath: string, type: string, id: string | null | undefined) {
  if (!id) return null;
  const place =
    type === 'volunteer'
      ? volunteerPlace
      : type === 'team'
        ? teamPlace
        : type === 'social_org'
          ? registry('social_org').place
          : type === 'resident_unit'
            ? registry('resident_unit').place
            : null;
  if (!place) throw invalidField('providerId', 'services.provider_unknown');
  const row = await place(db, id);
  if (!row?.path.startsWith(communityPath)) throw invalidField('providerId', 'services.provider_unknown');
  return row.name;
}

export async function createProject(ctx: ActorCtx, body: ProjectBody) {
  projectsPolicy.require(ctx.actor, 'write');
  const community = await communityFor(ctx.db, ctx.actor, 'services.write', body.communityId);
  const linkedName = await providerCheck(ctx.db, community.path, body.providerType, body.providerId);
  return insertCommunityRow(
    ctx,
    insertProject,
    community,
    community.id,
    {
      title: body.title,
      description: body.description ?? null,
      category: body.category,
      skills: body.skills,
      providerType: body.providerType,
      providerId: body.providerId ?? null,
      providerName: body.providerName ?? linkedName ?? null,
      schedule: body.schedule ?? null,
      capacity: body.capacity ?? null,
      activityType: body.activityType,
      durationMinutes: body.durationMinutes,
      published: body.published,
      createdBy: ctx.actor.userId,
    },
    {
      action: 'services.project_create',
      entityType: 'svc_project',
      view: (r) => ({ title: r.title, published: r.published }),
    },
    projectDtos,
  );
}

export async function updateProject(ctx: ActorCtx, id: string, body: ProjectPatch) {
  const before = await findListed(ctx, projectsPolicy, findProjectRow, id);
  const type = body.providerType ?? before.providerType;
  const pid = body.providerId === undefined ? before.providerId : body.providerId;
  const linkedName = await providerCheck(ctx.db, before.orgPath, type, pid);
  return updateListRow(
    ctx,
    updateProjectRow,
    { id, orgPath: before.orgPath },
    {
      ...body,
      ...(body.providerId && !body.providerName ? { providerName: linkedName } : {}),
      updatedAt: ctx.clock.now(),
    },
    {
      action: 'services.project_update',
      entityType: 'svc_project',
      before: { title: before.title, published: before.published },
      after: body,
    },
    projectDtos,
  );
}

/**
 * Published services of a community for residents (anonymous allowed): the community given, else the
 * logged-in user's own community.
 */
export async function publishedProjects(ctx: UseCaseCtx, communityId: string | undefined) {
  // Unasked, the community of the actor's own role: a resident's, else a staff member's.
  const own = async () =>
    ctx.actor
      ? ((await homeCommunity(ctx.db, serviceOrdersPolicy.roots(ctx.actor, 'order'))) ??
        (await homeCommunity(ctx.db, projectsPolicy.roots(ctx.actor, 'read'))))
      : null;
  const id = communityId ?? (await own())?.id;
  if (!id) return { community: null, items: [] };
  const community = await unitById(ctx.db, id);
  if (community?.kind !== 'community') throw notFound();
  const rows = await publishedProjectRows(ctx.db, community.id);
  const items = (await projectDtos(ctx.db, rows)).map((p) => ({
    id: p.id,
    communityId: p.communityId,
    communityName: p.communityName,
    title: p.title,
    description: p.description,
    category: p.category,
    providerName: p.providerName,
    schedule: p.schedule,
    capacity: p.capacity,
    openOrders: p.openOrders,
    durationMinutes: p.durationMinutes,
  }));
  return { community: { id: community.id, name: community.name }, items };
}

/**
 * Seed 003's 三张清单 (问题清单、服务清单、解决清单) of the communities in scope, newest 200 problems: each need
 * is a problem; one matched to a service order is on the service list with who serves it; one whose order
 * the person served confirmed (or that staff marked done) is on the solution list. R-SV-1, seed 003 三(一)1.
 */
export async function loopLists(ctx: ActorCtx, q: { communityId?: string | undefined }) {
  needsPolicy.require(ctx.actor, 'read');
  const communityId = await communityFilter(ctx, q.communityId);
  const page = await listNeedRows(ctx.db, ctx.actor, { page: 1, pageSize: 200 } as never, communityId);
  const needs = page.items;
  const orderIds = needs.map((n) => n.orderId).filter((x): x is string => !!x);
  const orders = orderIds.length ? await orderRowsByIds(ctx.db, orderIds) : [];
  const names = await communityNamesOf(ctx.db, needs);
  const rows = needs.map((n) => {
    const o = orders.find((x) => x.id === n.orderId);
    const solvedAt = o?.confirmedAt ?? (n.status === 'done' ? (o?.closedAt ?? n.updatedAt) : null);
    return {
      needId: n.id,
      communityName: names.get(n.communityId) ?? null,
      title: n.title,
      source: n.source as 'resident',
      raisedAt: n.createdAt,
      orderNumber: o?.number ?? null,
      orderStatus: o?.status ?? null,
      servedBy: o?.assigneeName ?? null,
      solvedAt: n.status === 'done' || o?.confirmedAt ? solvedAt : null,
      rating: o?.rating ?? null,
    };
  });
  return {
    problems: rows,
    services: rows.filter((r) => r.orderNumber !== null),
    solved: rows.filter((r) => r.solvedAt !== null),
  };
}
