import { sql } from 'drizzle-orm';
import type { Discrepancy, VerifyView } from '../../../shared/contracts/ledger';
import type { Clock } from '../../platform/clock';
import { type Db, rowsOf } from '../../platform/db';

type Row = Record<string, string | number | null>;

/**
 * `linli ledger verify`: every transaction balances per unit and has entries, cached and running
 * balances equal the summed entries, no holder account is negative or over its cap, entries match their
 * account's unit and point at real rows, idempotency keys are unique and no transaction is reversed twice.
 * Read-only, in one REPEATABLE READ snapshot when the driver allows it.
 *
 * `scope` (subtree roots, as scopePaths gives them) limits the listed discrepancies to those whose
 * account or transaction lies inside it; the others are only counted in `outsideScope`, so `ok` stays
 * the honest platform-wide answer without showing other areas' details. No scope, or '/', lists all.
 */
export async function verifyLedger(
  db: Db,
  clock: Clock,
  limit = 200,
  scope?: readonly string[],
): Promise<VerifyView> {
  const discrepancies: Discrepancy[] = [];
  let outsideScope = 0;
  const everything = !scope || scope.includes('/');
  // Rows carry `paths`: the org paths of what they concern, space separated (paths hold no spaces).
  const visible = (r: Row) =>
    everything ||
    String(r.paths ?? '')
      .split(' ')
      .some((p) => p !== '' && scope!.some((root) => p.startsWith(root)));
  // A scoped caller reads further so that their own discrepancies are not crowded out by others'.
  const fetch = everything ? limit : limit * 20;
  const add = (
    check: Discrepancy['check'],
    rows: Row[],
    id: (r: Row) => unknown,
    detail: (r: Row) => string,
  ) => {
    for (const r of rows) {
      if (!visible(r)) outsideScope++;
      else if (discrepancies.length < limit)
        discrepancies.push({ check, id: String(id(r)), detail: detail(r) });
    }
  };
  const q = async (tx: Db, query: ReturnType<typeof sql>) => rowsOf<Row>(await tx.execute(query));
  const counts = await db.transaction(async (tx) => {
    await tx.execute(sql`set transaction isolation level repeatable read, read only`);
    add(
      'unbalanced_transaction',
      await q(
        tx,
        sql`select e.transaction_id, e.unit, sum(e.amount)::bigint as s, min(t.org_path) as paths from ledger_entries e left join ledger_transactions t on t.id = e.transaction_id group by e.transaction_id, e.unit having sum(e.amount) <> 0 limit ${fetch}`,
      ),
      (r) => r.transaction_id,
      (r) => `${r.unit} sum ${r.s}`,
    );
    add(
      'empty_transaction',
      await q(
        tx,
        sql`select t.id, t.org_path as paths from ledger_transactions t where (select count(*) from ledger_entries e where e.transaction_id = t.id) < 2 limit ${fetch}`,
      ),
      (r) => r.id,
      () => 'fewer than two entries',
    );
    add(
      'orphan_entry',
      await q(
        tx,
        sql`select e.seq, concat_ws(' ', a.org_path, t.org_path) as paths from ledger_entries e
          left join ledger_transactions t on t.id = e.transaction_id
          left join ledger_accounts a on a.id = e.account_id
          where t.id is null or a.id is null limit ${fetch}`,
      ),
      (r) => r.seq,
      () => 'entry without its transaction or account',
    );
    add(
      'unit_mismatch',
      await q(
        tx,
        sql`select e.seq, e.unit, a.unit as account_unit, a.org_path as paths from ledger_entries e join ledger_accounts a on a.id = e.account_id
          where e.unit <> a.unit limit ${fetch}`,
      ),
      (r) => r.seq,
      (r) => `entry in ${r.unit}, account in ${r.account_unit}`,
    );
    add(
      'balance_mismatch',
      await q(
        tx,
        sql`select a.id, a.name, a.balance, coalesce(s.total, 0)::bigint as total, a.org_path as paths from ledger_accounts a
          left join (select account_id, sum(amount) as total from ledger_entries group by account_id) s on s.account_id = a.id
          where a.balance <> coalesce(s.total, 0) limit ${fetch}`,
      ),
      (r) => r.id,
      (r) => `${r.name}: cached ${r.balance}, entries ${r.total}`,
    );
    add(
      'running_balance_mismatch',
      await q(
        tx,
        sql`select x.seq, x.account_id, x.balance_after, x.running, a.org_path as paths from (
            select seq, account_id, balance_after, sum(amount) over (partition by account_id order by seq) as running
            from ledger_entries) x left join ledger_accounts a on a.id = x.account_id
          where x.balance_after <> x.running limit ${fetch}`,
      ),
      (r) => r.seq,
      (r) => `account ${r.account_id}: balance_after ${r.balance_after}, running ${r.running}`,
    );
    add(
      'negative_balance',
      await q(
        tx,
        sql`select a.id, a.name, a.balance, coalesce(s.total, 0)::bigint as total, a.org_path as paths from ledger_accounts a
          left join (select account_id, sum(amount) as total from ledger_entries group by account_id) s on s.account_id = a.id
          where not a.credit and (a.balance < 0 or coalesce(s.total, 0) < 0) limit ${fetch}`,
      ),
      (r) => r.id,
      (r) => `${r.name}: ${r.total}`,
    );
    add(
      'over_cap',
      await q(
        tx,
        sql`select id, name, balance, cap, org_path as paths from ledger_accounts where cap is not null and balance > cap limit ${fetch}`,
      ),
      (r) => r.id,
      (r) => `${r.name}: ${r.balance} > ${r.cap}`,
    );
    add(
      'duplicate_key',
      await q(
        tx,
        sql`select idempotency_key, count(*)::int as n, string_agg(distinct org_path, ' ') as paths from ledger_transactions group by idempotency_key having count(*) > 1 limit ${fetch}`,
      ),
      (r) => r.idempotency_key,
      (r) => `${r.n} transactions`,
    );
    add(
      'double_reversal',
      await q(
        tx,
        sql`select reverses_id, count(*)::int as n, string_agg(distinct org_path, ' ') as paths from ledger_transactions where reverses_id is not null group by reverses_id having count(*) > 1 limit ${fetch}`,
      ),
      (r) => r.reverses_id,
      (r) => `reversed ${r.n} times`,
    );
    const [c] = await q(
      tx,
      sql`select (select count(*) from ledger_transactions)::bigint as t, (select count(*) from ledger_entries)::bigint as e,
        (select count(*) from ledger_accounts)::bigint as a`,
    );
    return { transactions: Number(c!.t), entries: Number(c!.e), accounts: Number(c!.a) };
  });
  return {
    ok: discrepancies.length === 0 && outsideScope === 0,
    ...counts,
    discrepancies,
    outsideScope,
    checkedAt: clock.now(),
  };
}

/** `linli ledger verify`: prints the counts and every discrepancy; exit code 0 when clean, 1 otherwise. */
export async function ledgerVerifyCommand(db: Db, clock: Clock, print = console.log): Promise<number> {
  const r = await verifyLedger(db, clock, 1000);
  print(`ledger: ${r.transactions} transactions, ${r.entries} entries, ${r.accounts} accounts`);
  if (r.ok) {
    print('ledger verified: every transaction balances, cached and running balances equal the entries,');
    print('no negative holder balance, no balance over its cap, no duplicate idempotency key or reversal');
    return 0;
  }
  print(`ledger has ${r.discrepancies.length} discrepancies:`);
  for (const d of r.discrepancies) print(`  ${d.check.padEnd(26)} ${d.id}  ${d.detail}`);
  return 1;
}
