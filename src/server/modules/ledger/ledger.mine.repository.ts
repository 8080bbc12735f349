import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { Me, MineReaders } from '../../platform/mine';
import { heldBy } from './ledger.repository';
import { ledgerAccounts } from './ledger.table';

/**
 * My ledger balances per unit (points, minutes) for the phone home's overview (platform/mine.ts): the accounts
 * I hold myself (owner 'user') or through my volunteer profile (owner 'volunteer'), the same holders as the
 * ledger's own `ledger/me` (`heldBy`).
 */
export const myBalances: MineReaders['balances'] = async (db: Db, me: Me) => {
  const rows = await db
    .select({ unit: ledgerAccounts.unit, balance: sql<number>`sum(${ledgerAccounts.balance})::int` })
    .from(ledgerAccounts)
    .where(and(eq(ledgerAccounts.credit, false), heldBy(me.userId)))
    .groupBy(ledgerAccounts.unit);
  const of = (unit: string) => {
    const r = rows.find((x) => x.unit === unit);
    return r ? Number(r.balance) : null;
  };
  return { points: of('points'), minutes: of('minutes') };
};
