import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db';
import type { Me, MineReaders } from '../../platform/mine';
import { accountHolder } from '../../platform/scopedTables';

/** The volunteer holder table (the volunteers module's `scopedTables.accountHolders`): read by name, never imported. */
const volunteerHolder = () => accountHolder('volunteer');

/**
 * My ledger balances per unit (points, minutes) for the phone home's overview (platform/mine.ts): the accounts
 * I hold myself (owner 'user') or through my volunteer profile (owner 'volunteer'), the same holders as the
 * ledger's own `ledger/me`.
 */
export const myBalances: MineReaders['balances'] = async (db: Db, me: Me) => {
  const h = volunteerHolder();
  const rows = rowsOf<{ unit: string; balance: number }>(
    await db.execute(sql`select unit, sum(balance)::int as balance from ledger_accounts
      where credit = false and ((owner_kind = 'user' and owner_id = ${me.userId})
        or (owner_kind = 'volunteer' and owner_id in (select id::text from ${sql.identifier(h.table)} where ${sql.identifier(h.userColumn)} = ${me.userId})))
      group by unit`),
  );
  const of = (unit: string) => {
    const r = rows.find((x) => x.unit === unit);
    return r ? Number(r.balance) : null;
  };
  return { points: of('points'), minutes: of('minutes') };
};
