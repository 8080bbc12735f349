import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { type Client, type TestApp, createTestApp } from '../test/app';
import { insertUnit } from '../src/server/modules/org/org.repository';
import { orgUnits } from '../src/server/modules/org/org.table';
import { recomputeRollups } from '../src/server/modules/work-orders/workOrders.rollups';
import { rowsOf } from '../src/server/platform/db';
import { countStatements, load, measure, reportWrite, target } from './lib';
import type { Ceiling } from './tpcb';

/**
 * Work orders on PostgreSQL (issue 3 "Speed", "Hardening"):
 * (a) intake through the API (session, validation, territorial routing, deadline, timeline, rollups,
 *     audit, and the detail it answers with) at 50 concurrent clients, as a fraction of the TPC-B
 *     transactions per second of the same server; the statements one intake sends are counted;
 * (b) the rates dashboard of one subdistrict over one calendar year with 10,000 and with 1,000,000
 *     orders in the database, all of them in that subdistrict and year (the worst case for the
 *     rollups), plus the same numbers computed by scanning the orders, for comparison.
 */
export async function workOrdersBench(opts: {
  ops: number;
  concurrency: number;
  bigOrders: number;
  ceiling: Ceiling;
  parts: (p: string) => boolean;
}) {
  if (opts.parts('intake')) await intakeBench(opts);
  if (opts.parts('dashboard')) await dashboardBench(opts);
}

const IN_GRID = { lat: 30.165, lng: 114.93 };
const GRID_BOUNDARY = {
  type: 'Polygon',
  coordinates: [
    [
      [114.925, 30.16],
      [114.935, 30.16],
      [114.935, 30.17],
      [114.925, 30.17],
      [114.925, 30.16],
    ],
  ],
};
const CATEGORIES = ['street_lamp', 'garbage', 'noise', 'road_damage', 'property', 'parking'];

/** The pool behind the app's database handle (node-postgres), to size it like a production process. */
function poolOf(t: TestApp): pg.Pool {
  return (t.database.db as unknown as { $client: pg.Pool }).$client;
}

// ---------------------------------------------------------------- (a) intake

async function intakeBench(opts: { ops: number; concurrency: number; ceiling: Ceiling }) {
  const t = await createTestApp();
  try {
    poolOf(t).options.max = opts.concurrency;
    await t.database.db
      .update(orgUnits)
      .set({ boundary: GRID_BOUNDARY })
      .where(sql`${orgUnits.id} = ${t.fx.tongduGrid.id}`);
    const dispatcher = await t.as('sd_admin');
    let n = 0;
    const body = () => {
      const i = n++;
      return {
        kind: 'complaint',
        categoryCode: CATEGORIES[i % CATEGORIES.length],
        description: `路灯不亮,第${i}号诉求`,
        requesterName: '张先生',
        requesterPhone: `138${String(10_000_000 + (i % 89_999_999)).slice(0, 8)}`,
        lat: IN_GRID.lat + ((i % 97) - 48) * 0.00005,
        lng: IN_GRID.lng + ((i % 89) - 44) * 0.00005,
      };
    };
    const staff = async () => {
      const res = await dispatcher.post('/api/work-orders', { ...body(), channel: 'hotline' });
      if (res.statusCode !== 201) throw new Error(res.body);
    };
    const resident = async () => {
      const { requesterName: _, ...b } = body();
      const res = await t.anonymous.post('/api/public/work-orders', b);
      if (res.statusCode !== 201) throw new Error(res.body);
    };
    for (let i = 0; i < 30; i++) await staff(); // warm-up: caches, plans, JIT
    for (let i = 0; i < 5; i++) await resident();
    const staffStatements = (await countStatements(staff)).length;
    const publicStatements = (await countStatements(resident)).length;

    const api = await measure(opts.ops, opts.concurrency, staff);
    const ratio = reportWrite(
      `[PostgreSQL] work-order intake through the API (staff, POST /api/work-orders → 201 with the detail), ${opts.ops} ops, ${opts.concurrency} concurrent clients`,
      api,
      opts.ceiling,
    );
    console.log(
      `  statements per intake: staff ${staffStatements} (session and roles, the write, the audit append, duplicates for the answer), public ${publicStatements}`,
    );
    target('intake ≥ 50% of TPC-B tps', ratio >= 0.5, `${(ratio * 100).toFixed(1)}%`);
    target(
      'intake p99 ≤ 10 × p50',
      api.p99ms <= 10 * api.p50ms,
      `p99 ${api.p99ms.toFixed(1)} ms = ${(api.p99ms / api.p50ms).toFixed(1)} × p50 ${api.p50ms.toFixed(1)} ms`,
    );
  } finally {
    await t.close();
  }
}

// ---------------------------------------------------------------- (b) dashboard

const YEAR_FROM = '2026-01-01';
const YEAR_TO = '2026-12-31';

/** 12 communities × 5 grids under the fixture's subdistrict (its 2 communities included). */
async function buildSubdistrict(t: TestApp) {
  const communities = [t.fx.tongdu, t.fx.xihuayuan];
  for (let i = communities.length; i < 12; i++)
    communities.push(await insertUnit(t.deps, t.fx.subdistrict, { kind: 'community', name: `社区${i + 1}` }));
  const grids = [t.fx.tongduGrid, t.fx.xihuayuanGrid];
  for (const c of communities)
    for (let g = grids.filter((x) => x.parentId === c.id).length; g < 5; g++)
      grids.push(await insertUnit(t.deps, c, { kind: 'grid', name: `${c.name}第${g + 1}网格` }));
  return { communities, grids };
}

/**
 * Inserts `count` orders (numbered from `offset`) in the subdistrict during 2026, with follow-ups, by
 * generate_series: most closed after a follow-up, some open, withdrawn, overdue or escalated.
 */
async function insertOrders(
  t: TestApp,
  grids: { id: string; path: string; parentId: string | null }[],
  offset: number,
  count: number,
) {
  const ids = `(array[${grids.map((g) => `'${g.id}'::uuid`).join(',')}])`;
  const paths = `(array[${grids.map((g) => `'${g.path}'`).join(',')}])`;
  const parents = `(array[${grids.map((g) => `'${g.parentId}'::uuid`).join(',')}])`;
  const cats = `(array[${CATEGORIES.map((c) => `'${c}'`).join(',')}])`;
  const sd = t.fx.subdistrict;
  await t.database.db.execute(
    sql.raw(`
    insert into work_orders (id, number, kind, channel, category_code, priority, status, description, lat, lng,
      grid_id, community_id, subdistrict_id, org_unit_id, org_path, dispatch_path, created_at, updated_at,
      accept_due_at, due_at, accepted_at, replied_at, closed_at, overdue_at, resolution_level, escalation_level,
      redo_count, version)
    select gen_random_uuid(), 'WB' || lpad(g::text, 9, '0'),
      (array['complaint','help','suggestion','report','event'])[1 + g % 5], 'hotline', ${cats}[1 + g % ${CATEGORIES.length}],
      'regular', st, '基准测试诉求', 30.165 + (g % 100) * 0.0001, 114.93 + (g % 77) * 0.0001,
      ${ids}[1 + g % ${grids.length}], ${parents}[1 + g % ${grids.length}], '${sd.id}',
      case when st = 'submitted' or st in ('cancelled','duplicate') then '${sd.id}'::uuid else ${ids}[1 + g % ${grids.length}] end,
      case when st = 'submitted' or st in ('cancelled','duplicate') then '${sd.path}' else ${paths}[1 + g % ${grids.length}] end,
      '${sd.path}', c, c,
      c + interval '1 day', c + interval '5 days',
      case when st in ('in_progress','replied','closed') then c + interval '2 hours' + (g % 7) * interval '5 hours' end,
      case when st in ('replied','closed') then c + (1 + g % 6) * interval '1 day' end,
      case when st in ('closed','cancelled','duplicate') then c + (2 + g % 6) * interval '1 day' end,
      case when g % 23 = 0 then c + interval '5 days 10 minutes' end,
      case when st = 'closed' then (array['grid','community','grid','subdistrict'])[1 + g % 4] end,
      case when g % 41 = 0 then 1 else 0 end, 0, 1
    from (
      select g, timestamptz '2026-01-01 00:00+08' + ((g::bigint * 7919) % 364) * interval '1 day' + (g % 600) * interval '1 minute' as c,
        case when g % 50 = 1 then 'submitted' when g % 50 = 2 then 'cancelled' when g % 50 = 3 then 'duplicate'
             when g % 50 = 4 then 'in_progress' when g % 50 = 5 then 'replied' else 'closed' end as st
      from generate_series(${offset + 1}, ${offset + count}) g
    ) x`),
  );
  await t.database.db.execute(
    sql.raw(`
    insert into wo_followups (id, order_id, cycle, resolved, satisfaction, unit_fault, source, at, org_unit_id)
    select gen_random_uuid(), o.id, 1, (h % 10) <> 0,
      (array['satisfied','satisfied','satisfied','basically_satisfied','dissatisfied'])[1 + h % 5], false, 'dispatcher',
      o.closed_at, o.org_unit_id
    from (select id, closed_at, org_unit_id, abs(hashtext(id::text)) as h from work_orders
          where status = 'closed' and number between 'WB${String(offset + 1).padStart(9, '0')}' and 'WB${String(offset + count).padStart(9, '0')}') o`),
  );
}

/** The same numbers as the dashboard, computed by scanning the orders and follow-ups. */
async function scanRates(t: TestApp) {
  const sd = t.fx.subdistrict;
  const t0 = performance.now();
  await t.database.db.execute(sql`
    select c.id,
      count(*) filter (where o.status not in ('cancelled','diverted','duplicate')) as assigned,
      count(*) filter (where o.accepted_at <= o.accept_due_at and o.escalation_level = 0) as on_time,
      (select count(*) from wo_followups f join work_orders x on x.id = f.order_id
        where x.org_path like c.path || '%' and f.at >= ${`${YEAR_FROM}T00:00:00+08:00`}::timestamptz
          and f.at < ${'2027-01-01T00:00:00+08:00'}::timestamptz) as followups
    from org_units c join work_orders o on o.org_path like c.path || '%'
    where c.kind = 'community' and c.path like ${`${sd.path}%`}
      and o.created_at >= ${`${YEAR_FROM}T00:00:00+08:00`}::timestamptz and o.created_at < ${'2027-01-01T00:00:00+08:00'}::timestamptz
    group by c.id, c.path`);
  return performance.now() - t0;
}

interface Loaded {
  t: TestApp;
  client: Client;
  orders: number;
  rows: { d: number; m: number };
  insertS: number;
  rollupS: number;
}

/** A database holding `count` orders of the subdistrict, rollups recomputed, settled for reading. */
async function loaded(count: number): Promise<Loaded> {
  const t = await createTestApp();
  const { grids } = await buildSubdistrict(t);
  const t0 = performance.now();
  for (let done = 0; done < count; done += 100_000)
    await insertOrders(t, grids, done, Math.min(100_000, count - done));
  const t1 = performance.now();
  await recomputeRollups(t.database.db);
  const t2 = performance.now();
  // Settle the new rows now, so no autovacuum or checkpoint runs during the measurement.
  await t.database.db.execute(sql`vacuum analyze`);
  await t.database.db.execute(sql`checkpoint`);
  const rows = rowsOf<{ d: number; m: number }>(
    await t.database.db.execute(
      sql`select (select count(*) from wo_rollups)::int as d, (select count(*) from wo_rollups_monthly)::int as m`,
    ),
  )[0]!;
  return {
    t,
    client: await t.as('sd_admin'),
    orders: count,
    rows,
    insertS: (t1 - t0) / 1000,
    rollupS: (t2 - t1) / 1000,
  };
}

/**
 * p50/p99 of the same dashboard request on two databases, taken in alternation so that whatever else
 * the machine does weighs on both alike.
 */
async function sideBySide(a: Loaded, b: Loaded, query: string, runs: number) {
  const lat: [number[], number[]] = [[], []];
  const one = async (x: Loaded, into: number[]) => {
    const t0 = performance.now();
    const res = await x.client.get(
      `/api/work-orders/stats/rates?orgUnitId=${x.t.fx.subdistrict.id}&${query}`,
    );
    into.push(performance.now() - t0);
    if (res.statusCode !== 200) throw new Error(res.body);
  };
  for (let i = 0; i < 30; i++) {
    await one(a, []);
    await one(b, []);
  }
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      await one(a, lat[0]);
      await one(b, lat[1]);
    } else {
      await one(b, lat[1]);
      await one(a, lat[0]);
    }
  }
  const pct = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length * p)]!;
  return lat.map((xs) => ({ p50: pct(xs, 0.5), p99: pct(xs, 0.99) }));
}

async function dashboardBench(opts: { bigOrders: number }) {
  const small = await loaded(10_000);
  const big = await loaded(opts.bigOrders);
  try {
    const [s, b] = await sideBySide(small, big, `from=${YEAR_FROM}&to=${YEAR_TO}&groupBy=community`, 500);
    const [sr, br] = await sideBySide(small, big, 'from=2025-11-24&to=2026-11-23&groupBy=community', 300);
    const smallScan = await scanRates(small.t);
    const bigScan = await scanRates(big.t);
    const f = (x: { p50: number; p99: number }) => `p50 ${x.p50.toFixed(2)} ms  p99 ${x.p99.toFixed(2)} ms`;
    const d = (x: Loaded) =>
      `${x.orders.toLocaleString('en').padStart(9)} orders  ${f(x === small ? s! : b!)}   (rollups: ${x.rows.d} daily, ${x.rows.m} monthly rows; load ${x.insertS.toFixed(1)} s, recompute ${x.rollupS.toFixed(1)} s)`;
    console.log(
      `\n[PostgreSQL] rates dashboard, one subdistrict (12 communities, 60 grids), calendar year 2026, GET /api/work-orders/stats/rates (the two databases queried in alternation)  [${load()}]`,
    );
    console.log(`  ${d(small)}`);
    console.log(`  ${d(big)}`);
    console.log(
      `  ratio (${big.orders.toLocaleString('en')} / 10,000, p50): ${(b!.p50 / s!.p50).toFixed(2)}  (target ≤ 1.5; every order is in this subdistrict and year)`,
    );
    console.log(
      `  rolling year 2025-11-24…2026-11-23 (partial months read from daily rows): 10k ${f(sr!)}; big ${f(br!)}; ratio ${(br!.p50 / sr!.p50).toFixed(2)}`,
    );
    console.log(
      `  for comparison, one scan of the orders for similar per-community numbers: 10k ${smallScan.toFixed(1)} ms, big ${bigScan.toFixed(1)} ms`,
    );
  } finally {
    await small.t.close();
    await big.t.close();
  }
}
