import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { v7 } from 'uuid';
import { createTestApp, type TestApp } from '../test/app';
import { ensureAccount, postTransaction } from '../src/server/modules/ledger/ledger.core';
import { verifyLedger } from '../src/server/modules/ledger/ledger.verify';
import type { UseCaseCtx } from '../src/server/platform/context';
import { AppError } from '../src/server/platform/errors';
import { rowsOf } from '../src/server/platform/db';
import { sql } from 'drizzle-orm';
import { type Measured, reportWrite, summarise, target } from './lib';
import type { Ceiling } from './tpcb';

/**
 * Ledger on PostgreSQL (issue 4 "Speed and correctness"): `concurrency` clients post random
 * earn (community → volunteer), redeem (volunteer → merchant) and transfer (volunteer → volunteer)
 * transactions for `seconds` through the ledger use case (balanced check, idempotency key, account row
 * locks in id order, overdraft refusal, running balances, audit row), and one in ten requests is sent
 * twice at once with the same idempotency key, as a client retrying after a timeout would.
 *
 * Ten communities issue the points, each from its own account, as TPC-B at scale 10 has ten branches:
 * the same number of rows that every transaction contends for. Two runs: a posting on its own (one
 * statement, atomic by itself: the target), then each posting inside a caller's transaction (BEGIN and
 * COMMIT around it, as a module that writes rows of its own alongside posts it). Printed as fractions of
 * the TPC-B transactions per second of the same server; then `ledger verify` runs over both and must
 * find nothing, and no retried pair may post twice.
 */
export async function ledgerBench(opts: {
  seconds: number;
  concurrency: number;
  poolSize?: number;
  ceiling: Ceiling;
}) {
  // Clients queue for a pooled connection, as in a server process (PostgreSQL allows 100 connections).
  const poolSize = opts.poolSize ?? Math.min(opts.concurrency, 40);
  const VOLUNTEERS = 400;
  const MERCHANTS = 10;
  const COMMUNITIES = 10;
  const ours = await createTestApp();
  try {
    const A = await setup(ours, VOLUNTEERS, MERCHANTS, COMMUNITIES);
    poolOf(ours).options.max = poolSize;
    const stats = { posted: 0, duplicates: 0, rejected: 0, retriedPairs: 0, pairsDoublePosted: 0, errors: 0 };
    let seq = 0;
    const rnd = (n: number) => Math.floor(Math.random() * n);
    const one = () => {
      const r = Math.random();
      const key = `bench:${++seq}:${randomBytes(4).toString('hex')}`;
      if (r < 0.4) {
        const v = A.volunteers[rnd(VOLUNTEERS)]!;
        return { key, kind: 'earn', from: A.issuers[rnd(COMMUNITIES)]!, to: v, amount: 1 + rnd(20) };
      }
      if (r < 0.7) {
        const v = A.volunteers[rnd(VOLUNTEERS)]!;
        return { key, kind: 'redemption', from: v, to: A.merchants[rnd(MERCHANTS)]!, amount: 1 + rnd(30) };
      }
      const v = A.volunteers[rnd(VOLUNTEERS)]!;
      let w = A.volunteers[rnd(VOLUNTEERS)]!;
      while (w === v) w = A.volunteers[rnd(VOLUNTEERS)]!;
      return { key, kind: 'transfer', from: v, to: w, amount: 1 + rnd(30) };
    };
    const db = ours.database.db;
    const posting = (tx: typeof db, op: ReturnType<typeof one>) =>
      postTransaction(tx, A.ctx, {
        idempotencyKey: op.key,
        kind: op.kind,
        entries: [
          { accountId: op.from, unit: 'points', amount: -op.amount },
          { accountId: op.to, unit: 'points', amount: op.amount },
        ],
      });
    const run = (inTransaction: boolean) => {
      const post = (op: ReturnType<typeof one>) =>
        (inTransaction ? db.transaction((tx) => posting(tx, op)) : posting(db, op)).then(
          (r) => (r.duplicate ? 'duplicate' : 'posted'),
          (e) => {
            if (e instanceof AppError && e.code === 'ledger.insufficient_balance') return 'rejected';
            stats.errors++;
            if (stats.errors <= 3) console.error(e);
            return 'error';
          },
        );
      return runFor(opts.seconds, opts.concurrency, async () => {
        const op = one();
        if (Math.random() < 0.1) {
          stats.retriedPairs++;
          const res = await Promise.all([post(op), post(op)]);
          const p = res.filter((x) => x === 'posted').length;
          if (p > 1) stats.pairsDoublePosted++;
          stats.posted += p;
          stats.duplicates += res.filter((x) => x === 'duplicate').length;
          stats.rejected += res.filter((x) => x === 'rejected').length;
          return 2;
        }
        const r = await post(op);
        if (r === 'posted') stats.posted++;
        else if (r === 'rejected') stats.rejected++;
        return 1;
      });
    };

    const title = `ledger postings (earn from ${COMMUNITIES} communities / redeem / transfer), ${opts.concurrency} concurrent clients on ${poolSize} connections for ${opts.seconds} s, 10% sent twice with one idempotency key`;
    const ratio = reportWrite(
      `[PostgreSQL] ${title}: each posting on its own`,
      await run(false),
      opts.ceiling,
    );
    target('ledger ≥ 50% of TPC-B tps', ratio >= 0.5, `${(ratio * 100).toFixed(1)}%`);
    reportWrite(
      `[PostgreSQL] ${title}: each posting inside a caller's transaction (BEGIN … COMMIT)`,
      await run(true),
      opts.ceiling,
    );
    console.log(
      `  requests: ${stats.posted} posted, ${stats.duplicates} answered as duplicates, ${stats.rejected} refused for insufficient balance, ${stats.errors} errors; ${stats.retriedPairs} retried pairs, ${stats.pairsDoublePosted} double-posted`,
    );
    const v = await verifyLedger(ours.database.db, ours.clock, 50);
    const [c] = rowsOf<{ n: string; neg: string }>(
      await ours.database.db.execute(
        sql`select (select count(*) from ledger_transactions where kind in ('earn','redemption','transfer'))::bigint as n,
          (select count(*) from ledger_accounts where not credit and balance < 0)::bigint as neg`,
      ),
    );
    const byCheck = (k: string) => v.discrepancies.filter((d) => d.check === k).length;
    console.log(
      `  ledger verify: ${v.transactions} transactions, ${v.entries} entries, ${v.accounts} accounts → ${v.discrepancies.length} discrepancies` +
        ` (unbalanced ${byCheck('unbalanced_transaction')}, balance mismatch ${byCheck('balance_mismatch')}, running balance ${byCheck('running_balance_mismatch')})`,
    );
    const doublePosts = byCheck('duplicate_key') + stats.pairsDoublePosted;
    console.log(
      `  negative holder balances: ${Number(c!.neg)}; transactions in the ledger = requests posted: ${Number(c!.n) === stats.posted ? 'yes' : `NO (${c!.n} vs ${stats.posted})`}; errors: ${stats.errors}`,
    );
    target('0 double posts', doublePosts === 0, `${doublePosts}`, true);
    target(
      '0 ledger discrepancies',
      v.ok && Number(c!.n) === stats.posted && Number(c!.neg) === 0 && stats.errors === 0,
      `${v.discrepancies.length} found by ledger verify, ${Number(c!.neg)} negative holder balances, ${stats.errors} errors`,
      true,
    );
  } finally {
    await ours.close();
  }
}

function poolOf(t: TestApp): pg.Pool {
  return (t.database.db as unknown as { $client: pg.Pool }).$client;
}

/** `communities` issuing accounts (the fixture's community first), volunteers funded with 50 points each, merchants. */
async function setup(t: TestApp, volunteers: number, merchants: number, communities: number) {
  const ctx: UseCaseCtx = { db: t.deps.db, clock: t.deps.clock, ids: t.deps.ids, pii: t.deps.pii };
  const c = t.fx.tongdu;
  const base = { orgUnitId: c.id, orgPath: c.path };
  return t.database.db.transaction(async (tx) => {
    /** `n` accounts of one kind: owner and name of the i-th from `who(i)`. */
    const open = async (
      n: number,
      ownerKind: string,
      who: (i: number) => { ownerId: string; name: string },
    ) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++)
        ids.push(await ensureAccount(tx, ctx, { ...base, ownerKind, unit: 'points', ...who(i) }));
      return ids;
    };
    const is = await open(communities, 'community', (i) =>
      i === 0 ? { ownerId: c.id, name: c.name } : { ownerId: v7(), name: `社区${i + 1}` },
    );
    const issuer = is[0]!;
    const vs = await open(volunteers, 'volunteer', (i) => ({ ownerId: v7(), name: `志愿者${i + 1}` }));
    const ms = await open(merchants, 'merchant', (i) => ({ ownerId: v7(), name: `商户${i + 1}` }));
    for (const [i, v] of vs.entries())
      await postTransaction(tx, ctx, {
        idempotencyKey: `bench-fund:${i}:${v}`,
        kind: 'fund',
        entries: [
          { accountId: issuer, unit: 'points', amount: -50 },
          { accountId: v, unit: 'points', amount: 50 },
        ],
      });
    return { ctx, issuers: is, volunteers: vs, merchants: ms };
  });
}

/** Runs `fn` from `concurrency` workers until `seconds` pass; fn returns how many operations it did. */
async function runFor(seconds: number, concurrency: number, fn: () => Promise<number>): Promise<Measured> {
  const latencies: number[] = [];
  let ops = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const n = await fn();
      ops += n;
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return summarise(latencies, ops, (performance.now() - start) / 1000);
}
