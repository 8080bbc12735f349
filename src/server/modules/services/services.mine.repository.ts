import { desc, eq, or } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { listPage } from '../../platform/listing';
import type { Me, MineReaders } from '../../platform/mine';
import { svcOrders } from './services.table';

/**
 * The phone home's "my service orders" (platform/mine.ts): the ones I placed and those placed for me
 * (帮办代办: principal_resident_id is my registry record), how many and the latest `limit`, newest first.
 */
export const myServiceOrders: MineReaders['serviceOrders'] = async (db: Db, me: Me, limit: number) => {
  const mine = me.residentId
    ? or(eq(svcOrders.orderedBy, me.userId), eq(svcOrders.principalResidentId, me.residentId))
    : eq(svcOrders.orderedBy, me.userId);
  const { total, items } = await listPage(db, {
    table: svcOrders,
    where: mine,
    orderBy: [desc(svcOrders.createdAt), desc(svcOrders.id)],
    page: { page: 1, pageSize: limit },
  });
  return {
    total,
    items: items.map((o) => ({
      id: o.id,
      number: o.number,
      title: o.title,
      status: o.status,
      createdAt: o.createdAt,
      proxyName: o.principalResidentId ? o.proxyName : null,
    })),
  };
};
