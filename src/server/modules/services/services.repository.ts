import { type SQL, and, asc, desc, eq, gt, gte, ilike, inArray, isNotNull, lt, or } from 'drizzle-orm';
import type {
  NeedListQuery,
  OrderListQuery,
  ProjectListQuery,
  ResourceListQuery,
} from '../../../shared/contracts/services';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { findRowInScope } from '../../platform/findInScope';
import { isUuid } from '../../platform/ids';
import { type Page, type PageQuery, listPage } from '../../platform/listing';
import { type Actor, escapeLike } from '../../platform/permissions';
import { finderInScope } from '../../platform/rowAccessors';
import { linkedResidentIdSql } from '../accounts/accounts.api';
import {
  dutySlotsPolicy,
  needsPolicy,
  orderVisibility,
  projectsPolicy,
  resourcesPolicy,
  serviceOrdersPolicy,
  staffScope,
  stationsPolicy,
} from './services.policy';
import { svcDutySlots, svcNeeds, svcOrders, svcProjects, svcResources, svcStations } from './services.table';

/**
 * Reads of the services tables for people. Every read takes the actor and the action it is for and
 * ANDs the policy's scope into its `where`: a record out of reach is not found, the same as one that
 * does not exist (404, never 403). Lists go through `listPage`.
 */
export type NeedRow = typeof svcNeeds.$inferSelect;
export type ResourceRow = typeof svcResources.$inferSelect;
export type ProjectRow = typeof svcProjects.$inferSelect;
export type StationRow = typeof svcStations.$inferSelect;
export type DutySlotRow = typeof svcDutySlots.$inferSelect;
export type SvcOrderRow = typeof svcOrders.$inferSelect;

// ---------------------------------------------------------------- the three lists

/**
 * One page of a list's rows in reach for reading (`scope`), of the community asked for (found in scope),
 * that match `filters`; newest first.
 */
function listCommunityRows<T extends typeof svcNeeds | typeof svcResources | typeof svcProjects>(
  db: Db,
  table: T,
  scope: SQL | undefined,
  communityId: string | undefined,
  filters: (SQL | undefined)[],
  page: PageQuery,
): Promise<Page<T['$inferSelect']>> {
  return listPage(db, {
    table,
    where: and(scope, communityId ? eq(table.communityId, communityId) : undefined, ...filters),
    orderBy: [desc(table.createdAt), desc(table.id)],
    page,
  });
}

export const findNeedRow = finderInScope(needsPolicy, svcNeeds);

/** Needs in reach for reading that match the filters; `communityId` is a community found in scope. */
export function listNeedRows(
  db: Db,
  actor: Actor,
  q: NeedListQuery,
  communityId: string | undefined,
): Promise<Page<NeedRow>> {
  return listCommunityRows(
    db,
    svcNeeds,
    needsPolicy.scope(actor, 'read'),
    communityId,
    [
      q.status ? eq(svcNeeds.status, q.status) : undefined,
      q.source ? eq(svcNeeds.source, q.source) : undefined,
      q.q ? ilike(svcNeeds.title, `%${escapeLike(q.q)}%`) : undefined,
    ],
    q,
  );
}

export const findResourceRow = finderInScope(resourcesPolicy, svcResources);

export function listResourceRows(
  db: Db,
  actor: Actor,
  q: ResourceListQuery,
  communityId: string | undefined,
): Promise<Page<ResourceRow>> {
  return listCommunityRows(
    db,
    svcResources,
    resourcesPolicy.scope(actor, 'read'),
    communityId,
    [
      q.kind ? eq(svcResources.kind, q.kind) : undefined,
      q.q ? ilike(svcResources.name, `%${escapeLike(q.q)}%`) : undefined,
    ],
    q,
  );
}

export const findProjectRow = finderInScope(projectsPolicy, svcProjects);

export function listProjectRows(
  db: Db,
  actor: Actor,
  q: ProjectListQuery,
  communityId: string | undefined,
): Promise<Page<ProjectRow>> {
  return listCommunityRows(
    db,
    svcProjects,
    projectsPolicy.scope(actor, 'read'),
    communityId,
    [
      q.published === undefined ? undefined : eq(svcProjects.published, q.published),
      q.category ? eq(svcProjects.category, q.category) : undefined,
      q.q
        ? or(
            ilike(svcProjects.title, `%${escapeLike(q.q)}%`),
            ilike(svcProjects.providerName, `%${escapeLike(q.q)}%`),
          )
        : undefined,
    ],
    q,
  );
}

/**
 * A project by id in any community, for placing an order: the caller decides who may order it (staff
 * over its community, or a resident who may order there) and answers 404 otherwise.
 */
export async function projectToOrder(db: Db, id: string): Promise<ProjectRow | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(db, svcProjects, eq(svcProjects.id, id));
}

/** A need of a community the caller dispatches for (found in scope), for the order that answers it. */
export async function needOfCommunity(db: Db, communityId: string, id: string): Promise<NeedRow | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(db, svcNeeds, and(eq(svcNeeds.id, id), eq(svcNeeds.communityId, communityId)));
}

// ---------------------------------------------------------------- duty rota

/**
 * A station by id in any scope, to tell an unknown station (422) from one out of reach (the caller then
 * looks it up in scope: 404).
 */
export async function stationById(db: Db, id: string): Promise<StationRow | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(db, svcStations, eq(svcStations.id, id));
}

export const findStationRow = finderInScope(stationsPolicy, svcStations);

/** The stations in reach for reading (of `communityId`, a community found in scope), by name. */
export function listStationRows(db: Db, actor: Actor, communityId: string | undefined) {
  return db
    .select()
    .from(svcStations)
    .where(
      and(
        stationsPolicy.scope(actor, 'read'),
        communityId ? eq(svcStations.communityId, communityId) : undefined,
      ),
    )
    .orderBy(asc(svcStations.name))
    .limit(500);
}

export const findDutySlotRow = finderInScope(dutySlotsPolicy, svcDutySlots);

/** Slots in reach for reading that overlap [from, to), with their station's name and community. */
export function listDutySlotRows(
  db: Db,
  actor: Actor,
  q: { communityId?: string | undefined; stationId?: string | undefined; from: Date; to: Date },
) {
  return db
    .select({ slot: svcDutySlots, stationName: svcStations.name, communityId: svcStations.communityId })
    .from(svcDutySlots)
    .innerJoin(svcStations, eq(svcStations.id, svcDutySlots.stationId))
    .where(
      and(
        dutySlotsPolicy.scope(actor, 'read'),
        q.communityId ? eq(svcStations.communityId, q.communityId) : undefined,
        q.stationId ? eq(svcDutySlots.stationId, q.stationId) : undefined,
        lt(svcDutySlots.startsAt, q.to),
        gt(svcDutySlots.endsAt, q.from),
      ),
    )
    .orderBy(asc(svcDutySlots.startsAt))
    .limit(2000);
}

// ---------------------------------------------------------------- service orders

/** An order the actor may see (staff in scope, who ordered it, the assigned server), or undefined. */
export function findServiceOrderRow(db: Db, actor: Actor, id: string) {
  return findRowInScope(db, svcOrders, id, orderVisibility(actor));
}

/** An order in the community scope of the actor's `services.dispatch` (e.g. for candidates), or undefined. */
export function findServiceOrderToDispatch(db: Db, actor: Actor, id: string) {
  return findRowInScope(db, svcOrders, id, serviceOrdersPolicy.scope(actor, 'dispatch'));
}

/** The staff list: orders over the actor's communities or grids that match the view and filters. */
export function listServiceOrderRows(
  db: Db,
  actor: Actor,
  q: OrderListQuery,
  communityId: string | undefined,
): Promise<Page<SvcOrderRow>> {
  const view = {
    all: undefined,
    queue: eq(svcOrders.status, 'ordered'),
    dispatched: eq(svcOrders.status, 'dispatched'),
    open: inArray(svcOrders.status, ['ordered', 'dispatched', 'accepted', 'in_service', 'served']),
    alerts: and(eq(svcOrders.status, 'ordered'), isNotNull(svcOrders.alert)),
  }[q.view];
  return listPage(db, {
    table: svcOrders,
    where: and(
      staffScope(actor),
      view,
      communityId ? eq(svcOrders.communityId, communityId) : undefined,
      q.status?.length ? inArray(svcOrders.status, q.status) : undefined,
      q.from ? gte(svcOrders.createdAt, q.from) : undefined,
      q.to ? lt(svcOrders.createdAt, q.to) : undefined,
      q.q
        ? or(
            eq(svcOrders.number, q.q.toUpperCase()),
            ilike(svcOrders.title, `%${escapeLike(q.q)}%`),
            ilike(svcOrders.beneficiaryName, `%${escapeLike(q.q)}%`),
            ilike(svcOrders.assigneeName, `%${escapeLike(q.q)}%`),
          )
        : undefined,
    ),
    orderBy:
      q.view === 'queue' || q.view === 'alerts'
        ? [asc(svcOrders.createdAt), asc(svcOrders.id)]
        : [desc(svcOrders.createdAt), desc(svcOrders.id)],
    page: q,
  });
}

/** The orders the actor placed themself (any login), and those placed for them (帮办代办). */
export function listOwnServiceOrderRows(db: Db, actor: Actor, q: PageQuery): Promise<Page<SvcOrderRow>> {
  return listPage(db, {
    table: svcOrders,
    where: or(
      eq(svcOrders.orderedBy, actor.userId),
      eq(svcOrders.principalResidentId, linkedResidentIdSql(actor.userId)),
    ),
    orderBy: [desc(svcOrders.createdAt), desc(svcOrders.id)],
    page: q,
  });
}

/** The orders assigned to the actor's login: open ones (to accept or serve) or their history. */
export function listAssignedServiceOrderRows(
  db: Db,
  actor: Actor,
  q: PageQuery & { view: 'open' | 'history' },
): Promise<Page<SvcOrderRow>> {
  return listPage(db, {
    table: svcOrders,
    where: and(
      eq(svcOrders.assigneeUserId, actor.userId),
      q.view === 'open'
        ? inArray(svcOrders.status, ['dispatched', 'accepted', 'in_service'])
        : inArray(svcOrders.status, ['served', 'confirmed', 'closed']),
    ),
    orderBy:
      q.view === 'open'
        ? [asc(svcOrders.dispatchedAt), asc(svcOrders.id)]
        : [desc(svcOrders.checkOutAt), desc(svcOrders.id)],
    page: q,
  });
}
