import { type SQL, desc, eq, or } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { listPage } from '../../platform/listing';
import type { Me, MineReaders } from '../../platform/mine';
import { cachedCategories } from './workOrders.cache';
import { workOrders } from './workOrders.table';

/**
 * The orders I filed: logged in (requester_user_id) or anonymously with my phone (its blind index); and
 * those staff filed for me (帮办代办: principal_resident_id is my own registry record).
 */
function mine(me: Me): SQL | undefined {
  return or(
    eq(workOrders.requesterUserId, me.userId),
    me.phoneHash ? eq(workOrders.requesterPhoneHash, me.phoneHash) : undefined,
    me.residentId ? eq(workOrders.principalResidentId, me.residentId) : undefined,
  );
}

/** The phone home's "my requests" (platform/mine.ts): how many, and the latest `limit`, newest first. */
export const myRequests: MineReaders['requests'] = async (db: Db, me: Me, limit: number) => {
  const { total, items } = await listPage(db, {
    table: workOrders,
    where: mine(me),
    orderBy: [desc(workOrders.createdAt), desc(workOrders.id)],
    page: { page: 1, pageSize: limit },
  });
  const categories = await cachedCategories(db);
  return {
    total,
    items: items.map((r) => ({
      number: r.number,
      kind: r.kind,
      categoryName: categories.get(r.categoryCode)?.nameZh ?? null,
      status: r.status,
      description: r.description,
      createdAt: r.createdAt,
      closedAt: r.closedAt,
      proxyName: r.principalResidentId ? r.proxyName : null,
    })),
  };
};
