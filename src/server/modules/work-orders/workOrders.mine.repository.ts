import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db';
import { type Me, type MineReaders, asDate } from '../../platform/mine';

/**
 * The orders I filed: logged in (requester_user_id) or anonymously with my phone (its blind index); and
 * those staff filed for me (帮办代办: principal_resident_id is my own registry record).
 */
function mine(me: Me): SQL {
  const parts = [sql`w.requester_user_id = ${me.userId}`];
  if (me.phoneHash) parts.push(sql`w.requester_phone_hash = ${me.phoneHash}`);
  if (me.residentId) parts.push(sql`w.principal_resident_id = ${me.residentId}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

/** The phone home's "my requests" (platform/mine.ts): how many, and the latest `limit`, newest first. */
export const myRequests: MineReaders['requests'] = async (db: Db, me: Me, limit: number) => {
  const where = mine(me);
  const [total] = rowsOf<{ n: number }>(
    await db.execute(sql`select count(*)::int as n from work_orders w where ${where}`),
  );
  const items = rowsOf<{
    number: string;
    kind: string;
    category_name: string | null;
    status: string;
    description: string;
    created_at: string | Date;
    closed_at: string | Date | null;
    proxy_name: string | null;
  }>(
    await db.execute(sql`select w.number, w.kind, c.name_zh as category_name, w.status, w.description,
        w.created_at, w.closed_at, case when w.principal_resident_id is not null then w.proxy_name end as proxy_name
      from work_orders w left join wo_categories c on c.code = w.category_code
      where ${where} order by w.created_at desc, w.id desc limit ${limit}`),
  );
  return {
    total: Number(total?.n ?? 0),
    items: items.map((r) => ({
      number: r.number,
      kind: r.kind,
      categoryName: r.category_name,
      status: r.status,
      description: r.description,
      createdAt: asDate(r.created_at),
      closedAt: r.closed_at === null ? null : asDate(r.closed_at),
      proxyName: r.proxy_name,
    })),
  };
};
