import { and, desc, eq, inArray } from 'drizzle-orm';
import { SO_OPEN_STATUSES } from '../../../shared/contracts/serviceOrderMachine';
import type { Db } from '../../platform/db';
import { countsBy } from '../../platform/figureQuery';
import { rowInserter, rowUpdater } from '../../platform/rowAccessors';
import type { ProjectRow, SvcOrderRow } from './services.repository';
import { svcNeeds, svcOrders, svcProjects, svcResources } from './services.table';

/**
 * Writes of the three lists (needs, resources, projects) and the reads behind their DTOs, for
 * `services.lists.ts` (and the need an order answers, for `services.orders.ts`). The use case finds the row,
 * or the community of a new one, in reach first (services.repository.ts); these only read and write.
 */

/** Inserts one need. */
export const insertNeed = rowInserter(svcNeeds);
/** Updates one need (found in reach) and returns it. */
export const updateNeedRow = rowUpdater(svcNeeds);
/** Inserts one resource. */
export const insertResource = rowInserter(svcResources);
/** Updates one resource (found in reach) and returns it. */
export const updateResourceRow = rowUpdater(svcResources);
/** Inserts one project. */
export const insertProject = rowInserter(svcProjects);
/** Updates one project (found in reach) and returns it. */
export const updateProjectRow = rowUpdater(svcProjects);

/** The number of open orders of each of these projects (projects without any are left out). */
export function openOrderCounts(db: Db, projectIds: string[]): Promise<Map<string, number>> {
  return countsBy(
    db,
    svcOrders,
    svcOrders.projectId,
    projectIds,
    inArray(svcOrders.status, [...SO_OPEN_STATUSES]),
  );
}

/** The published projects of a community, newest first, at most 200 (for residents, anonymous allowed). */
export function publishedProjectRows(db: Db, communityId: string): Promise<ProjectRow[]> {
  return db
    .select()
    .from(svcProjects)
    .where(and(eq(svcProjects.communityId, communityId), eq(svcProjects.published, true)))
    .orderBy(desc(svcProjects.createdAt))
    .limit(200);
}

/** The orders with these ids (needs found in scope name them), in any scope. */
export function orderRowsByIds(db: Db, ids: string[]): Promise<SvcOrderRow[]> {
  return db.select().from(svcOrders).where(inArray(svcOrders.id, ids));
}
