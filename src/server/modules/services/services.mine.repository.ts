import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db';
import { type Me, type MineReaders, asDate } from '../../platform/mine';

/**
 * The phone home's "my service orders" (platform/mine.ts): the ones I placed and those placed for me
 * (帮办代办: principal_resident_id is my registry record), how many and the latest `limit`, newest first.
 */
export const myServiceOrders: MineReaders['serviceOrders'] = async (db: Db, me: Me, limit: number) => {
  const mine = me.residentId
    ? sql`(ordered_by = ${me.userId} or principal_resident_id = ${me.residentId})`
    : sql`ordered_by = ${me.userId}`;
  const [total] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from svc_orders where ${mine}`),
  );
  const items = rowsOf<{
    id: string;
    number: string;
    title: string;
    status: string;
    created_at: string | Date;
    proxy_name: string | null;
  }>(
    await db.execute(sql`select id, number, title, status, created_at,
        case when principal_resident_id is not null then proxy_name end as proxy_name from svc_orders
      where ${mine} order by created_at desc, id desc limit ${limit}`),
  );
  return {
    total: Number(total?.n ?? 0),
    items: items.map((o) => ({
      id: o.id,
      number: o.number,
      title: o.title,
      status: o.status,
      createdAt: asDate(o.created_at),
      proxyName: o.proxy_name,
    })),
  };
};
