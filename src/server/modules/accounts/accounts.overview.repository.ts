import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db';

/**
 * The reads of GET /api/me/overview: the caller's own rows in the modules above accounts (work orders,
 * service orders, ledger, volunteers). Accounts lies below them (they import accounts.api), so it may not
 * import them back: like the other lower-module reads (CONTRIBUTING "Boundaries"), it names their tables and
 * columns in SQL. Every query here is keyed by the caller's own user id (or their own phone's blind index),
 * never by anything from the request, so nobody else's rows are reachable. The overview tests pin these
 * names: a renamed column fails them.
 */

/**
 * The orders I filed: logged in (requester_user_id) or anonymously with my phone (its blind index); and
 * those staff filed for me (帮办代办: principal_resident_id is my own registry record).
 */
function myRequests(userId: string, phoneHash: string | null, residentId: string | null): SQL {
  const parts = [sql`w.requester_user_id = ${userId}`];
  if (phoneHash) parts.push(sql`w.requester_phone_hash = ${phoneHash}`);
  if (residentId) parts.push(sql`w.principal_resident_id = ${residentId}`);
  return sql`(${sql.join(parts, sql` or `)})`;
}

export async function myRequestRows(
  db: Db,
  userId: string,
  phoneHash: string | null,
  limit: number,
  residentId: string | null = null,
) {
  const where = myRequests(userId, phoneHash, residentId);
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
  return { total: Number(total?.n ?? 0), items };
}

/** Service orders I placed, and those placed for me (帮办代办: principal_resident_id is my registry record). */
export async function myServiceOrderRows(
  db: Db,
  userId: string,
  limit: number,
  residentId: string | null = null,
) {
  const mine = residentId
    ? sql`(ordered_by = ${userId} or principal_resident_id = ${residentId})`
    : sql`ordered_by = ${userId}`;
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
  return { total: Number(total?.n ?? 0), items };
}

/** My active volunteer profile's id, if I am a registered volunteer. */
export async function myVolunteerId(db: Db, userId: string): Promise<string | null> {
  const [row] = rowsOf<{ id: string }>(
    await db.execute(sql`select id from volunteers where user_id = ${userId} and status = 'active' limit 1`),
  );
  return row?.id ?? null;
}

/**
 * My ledger balances per unit (points, minutes): the accounts I hold myself (owner 'user') or through my
 * volunteer profile (owner 'volunteer'), the same holders as the ledger's own `ledger/me`.
 */
export async function myBalances(
  db: Db,
  userId: string,
): Promise<{ points: number | null; minutes: number | null }> {
  const rows = rowsOf<{ unit: string; balance: number }>(
    await db.execute(sql`select unit, sum(balance)::int as balance from ledger_accounts
      where credit = false and ((owner_kind = 'user' and owner_id = ${userId})
        or (owner_kind = 'volunteer' and owner_id in (select id::text from volunteers where user_id = ${userId})))
      group by unit`),
  );
  const of = (unit: string) => {
    const r = rows.find((x) => x.unit === unit);
    return r ? Number(r.balance) : null;
  };
  return { points: of('points'), minutes: of('minutes') };
}
