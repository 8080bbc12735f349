import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { v7 } from 'uuid';
import { createTestApp, type TestApp } from '../test/app';
import { ensureAccount, postTransaction } from '../src/server/modules/ledger/ledger.core';
import { verifyLedger } from '../src/server/modules/ledger/ledger.verify';
import type { UseCaseCtx } from '../src/server/platform/context';
import { AppError } from '../src/server/platform/errors';
import { rowsOf } from '../src/server/platform/db';
import { sql } from 'drizzle-orm';
import { type Measured, report } from './lib';

/**
 * Ledger on PostgreSQL (issue 4 "Speed and correctness"): `concurrency` clients post random
 * earn (community → volunteer), redeem (volunteer → merchant) and transfer (volunteer → volunteer)
 * transactions for `seconds` through the ledger use case (balanced check, idempotency key, account row
 * locks in id order, overdraft refusal, running balances, audit chain), and one in ten requests is sent
 * twice at once with the same idempotency key, as a client retrying after a timeout would.
 * Baseline: the SQL statements one transfer issues, captured from the driver and replayed by a raw `pg`
 * pool at the same concurrency with fresh keys/ids and random accounts, on a second database.
 * Then `ledger verify` runs on the first database and must find nothing.
 */
export async function ledgerBench(opts: { seconds: number; concurrency: number; poolSize?: number }) {
  // Clients queue for a pooled connection, as in a server process (PostgreSQL allows 100 connections).
  const poolSize = opts.poolSize ?? Math.min(opts.concurrency, 40);
  const VOLUNTEERS = 400;
  const MERCHANTS = 10;
  const ours = await createTestApp();
  const base = await createTestApp();
  try {
    const A = await setup(ours, VOLUNTEERS, MERCHANTS);
    poolOf(ours).options.max = poolSize;
    const stats = { posted: 0, duplicates: 0, rejected: 0, retriedPairs: 0, pairsDoublePosted: 0, errors: 0 };
    let seq = 0;
    const rnd = (n: number) => Math.floor(Math.random() * n);
    const one = () => {
      const r = Math.random();
      const key = `bench:${++seq}:${randomBytes(4).toString('hex')}`;
      if (r < 0.4) {
        const v = A.volunteers[rnd(VOLUNTEERS)]!;
        return { key, kind: 'earn', from: A.issuer, to: v, amount: 1 + rnd(20) };
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
    const post = (op: ReturnType<typeof one>) =>
      ours.database.db
        .transaction((tx) =>
          postTransaction(tx, A.ctx, {
            idempotencyKey: op.key,
            kind: op.kind,
            entries: [
              { accountId: op.from, unit: 'points', amount: -op.amount },
              { accountId: op.to, unit: 'points', amount: op.amount },
            ],
          }),
        )
        .then(
          (r) => (r.duplicate ? 'duplicate' : 'posted'),
          (e) => {
            if (e instanceof AppError && e.code === 'ledger.insufficient_balance') return 'rejected';
            stats.errors++;
            if (stats.errors <= 3) console.error(e);
            return 'error';
          },
        );
    const ourRun = await runFor(opts.seconds, opts.concurrency, async () => {
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

    // Baseline: the statements of one transfer, replayed raw.
    const B = await setup(base, VOLUNTEERS, MERCHANTS);
    const captured = await capture(() =>
      base.database.db.transaction((tx) =>
        postTransaction(tx, B.ctx, {
          idempotencyKey: 'capture-key-0001',
          kind: 'transfer',
          entries: [
            { accountId: B.volunteers[0]!, unit: 'points', amount: -7 },
            { accountId: B.volunteers[1]!, unit: 'points', amount: 7 },
          ],
        }),
      ),
    );
    const raw = new pg.Pool({
      connectionString: (poolOf(base) as unknown as { options: { connectionString: string } }).options
        .connectionString,
      max: poolSize,
    });
    let rawRun: Measured;
    try {
      rawRun = await runFor(opts.seconds, opts.concurrency, async () => {
        const c = await raw.connect();
        try {
          // The same mix as above: earn from the community, redeem at a merchant, transfer.
          const r = Math.random();
          let from = B.volunteers[rnd(VOLUNTEERS)]!;
          let to = B.volunteers[rnd(VOLUNTEERS)]!;
          if (r < 0.4) from = B.issuer;
          else if (r < 0.7) to = B.merchants[rnd(MERCHANTS)]!;
          else while (to === from) to = B.volunteers[rnd(VOLUNTEERS)]!;
          await replay(c, captured, {
            'capture-key-0001': `raw:${v7()}`,
            [B.volunteers[0]!]: from,
            [B.volunteers[1]!]: to,
          });
        } finally {
          c.release();
        }
        return 1;
      });
    } finally {
      await raw.end();
    }
    const writes = captured.filter((s) => /^\s*(insert|update)\b/i.test(s.text)).length;
    report(
      `[PostgreSQL] ledger postings (earn / redeem / transfer), ${opts.concurrency} concurrent clients on ${poolSize} connections for ${opts.seconds} s, 10% sent twice with one idempotency key (baseline: the same ${captured.length} SQL statements of one posting — ${writes} writes, row locks, audit chain — replayed by a raw pg pool with the same earn/redeem/transfer mix of accounts)`,
      ourRun,
      rawRun,
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
    console.log(
      `  negative holder balances: ${Number(c!.neg)}; duplicate postings: ${byCheck('duplicate_key') + stats.pairsDoublePosted}; ` +
        `transactions in the ledger = requests posted: ${Number(c!.n) === stats.posted ? 'yes' : `NO (${c!.n} vs ${stats.posted})`}`,
    );
    if (!v.ok || stats.pairsDoublePosted > 0 || Number(c!.n) !== stats.posted || stats.errors > 0)
      throw new Error('ledger bench: correctness check failed');
  } finally {
    await ours.close();
    await base.close();
  }
}

function poolOf(t: TestApp): pg.Pool {
  return (t.database.db as unknown as { $client: pg.Pool }).$client;
}

async function setup(t: TestApp, volunteers: number, merchants: number) {
  const ctx: UseCaseCtx = { db: t.deps.db, clock: t.deps.clock, ids: t.deps.ids, pii: t.deps.pii };
  const c = t.fx.tongdu;
  const base = { orgUnitId: c.id, orgPath: c.path };
  return t.database.db.transaction(async (tx) => {
    const issuer = await ensureAccount(tx, ctx, {
      ...base,
      ownerKind: 'community',
      ownerId: c.id,
      unit: 'points',
      name: c.name,
    });
    const vs: string[] = [];
    for (let i = 0; i < volunteers; i++)
      vs.push(
        await ensureAccount(tx, ctx, {
          ...base,
          ownerKind: 'volunteer',
          ownerId: v7(),
          unit: 'points',
          name: `志愿者${i + 1}`,
        }),
      );
    const ms: string[] = [];
    for (let i = 0; i < merchants; i++)
      ms.push(
        await ensureAccount(tx, ctx, {
          ...base,
          ownerKind: 'merchant',
          ownerId: v7(),
          unit: 'points',
          name: `商户${i + 1}`,
        }),
      );
    for (const [i, v] of vs.entries())
      await postTransaction(tx, ctx, {
        idempotencyKey: `bench-fund:${i}:${v}`,
        kind: 'fund',
        entries: [
          { accountId: issuer, unit: 'points', amount: -50 },
          { accountId: v, unit: 'points', amount: 50 },
        ],
      });
    return { ctx, issuer, volunteers: vs, merchants: ms };
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
  const secs = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0;
  return { ops, seconds: secs, perSecond: ops / secs, p50ms: pct(0.5), p99ms: pct(0.99) };
}

interface Captured {
  text: string;
  values: unknown[];
  rowMode?: string;
  first?: unknown;
}

/** Records every statement node-postgres sends while `fn` runs (begin/commit included). */
async function capture(fn: () => Promise<unknown>): Promise<Captured[]> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  const log: Captured[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const [config, values] = args;
    const entry: Captured =
      typeof config === 'string'
        ? { text: config, values: (values as unknown[]) ?? [] }
        : {
            text: (config as { text: string }).text,
            values: (config as { values?: unknown[] }).values ?? (values as unknown[]) ?? [],
            rowMode: (config as { rowMode?: string }).rowMode,
          };
    log.push(entry);
    const res = original.apply(this, args);
    if (res && typeof (res as Promise<unknown>).then === 'function')
      (res as Promise<{ rows?: unknown[] }>).then(
        (r) => {
          const row = r?.rows?.[0];
          entry.first = Array.isArray(row)
            ? row[0]
            : row && typeof row === 'object'
              ? Object.values(row)[0]
              : row;
        },
        () => undefined,
      );
    return res;
  };
  try {
    await fn();
  } finally {
    proto.query = original;
  }
  return log;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Replays captured statements with `fixed` substitutions, fresh uuids elsewhere and fresh sequence values. */
async function replay(client: pg.PoolClient, script: Captured[], fixed: Record<string, string>) {
  const map = new Map<string, string>(Object.entries(fixed));
  const seqs = new Map<number, number>();
  const fresh = (v: unknown): unknown => {
    if (typeof v === 'number') return seqs.get(v) ?? v;
    if (typeof v === 'string' && /^\d+$/.test(v) && seqs.has(Number(v))) return String(seqs.get(Number(v)));
    if (typeof v !== 'string') return v;
    const known = map.get(v);
    if (known !== undefined) return known;
    if (UUID.test(v)) {
      const id = v7();
      map.set(v, id);
      return id;
    }
    if (/^[[{]/.test(v)) {
      let out = v;
      for (const [from, to] of map) out = out.split(from).join(to);
      return out;
    }
    return v;
  };
  for (const s of script) {
    const values = s.values.map(fresh);
    const res = (await client.query({
      text: s.text,
      values,
      ...(s.rowMode ? { rowMode: s.rowMode } : {}),
    } as pg.QueryConfig)) as { rows: unknown[] };
    if (s.text.includes('nextval(') && typeof s.first !== 'undefined') {
      const row = res.rows[0] as unknown;
      const got = Array.isArray(row) ? row[0] : Object.values(row as object)[0];
      seqs.set(Number(s.first), Number(got));
    }
  }
}
