/**
 * Fault drill: `linli backup` → `linli restore` gives back the same database, table by table.
 *
 * Proves, on PGlite or PostgreSQL (argument):
 *  - restoring a backup into an empty data directory / database gives identical per-table checksums (row
 *    count and an order-independent hash of all rows, in every schema: the application's tables, drizzle's
 *    migration journal and pg-boss's queue);
 *  - restoring over a database that was changed since (`--force`) gives the same checksums again;
 *  - the restored database passes `linli audit verify` and an app process starts on it and serves a
 *    tracking number from before the backup;
 *  - (PGlite) `linli backup` refuses to open the data directory while that app process has it open.
 *
 *   node --import tsx scripts/faults/backup-restore.ts pglite|postgres
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app';
import { ManualClock, uuidv7 } from '../../src/server/platform/clock';
import type { AppDeps } from '../../src/server/platform/context';
import { createPii } from '../../src/server/platform/crypto';
import { startJobs } from '../../src/server/platform/jobs';
import { ensureDefaultCategories } from '../../src/server/modules/work-orders/workOrders.categories';
import { createUser } from '../../test/app';
import { buildFixture, buildResident } from '../../test/factories';
import {
  type Env,
  check,
  kindArg,
  linli,
  log,
  openEnv,
  runScript,
  startServer,
  tableChecksums,
  tempEnv,
} from './lib';

const kind = kindArg();
const PORT = kind === 'pglite' ? 3152 : 3153;

/** A small but varied database: org tree, users, encrypted residents, orders from three channels, jobs. */
async function fill(env: Env): Promise<{ number: string; token: string }> {
  const database = await openEnv(env);
  try {
    await database.migrate();
    await ensureDefaultCategories(database.db);
    const clock = new ManualClock();
    const deps: AppDeps = {
      db: database.db,
      clock,
      ids: uuidv7,
      pii: createPii(Buffer.from(env.vars.LINLI_SECRET_KEY!, 'hex')),
      config: {
        sessionIdleMinutes: 120,
        tilesUrl: '',
        webDir: '',
        dataDir: env.dataDir,
        rateLimitPerMinute: 1000,
      },
      dbKind: database.kind,
    };
    const fx = await buildFixture(deps, (username, roles) =>
      createUser({ database, clock }, username, roles),
    );
    for (let i = 0; i < 40; i++)
      await buildResident(
        deps,
        i % 2 ? fx.tongduBuilding : fx.xihuayuanBuilding,
        i % 2 ? fx.tongdu : fx.xihuayuan,
      );
    // pg-boss's schema and schedule, as a running deployment has them.
    const jobs = await startJobs(database, [
      { name: 'backup-drill.noop', cron: '0 3 * * *', run: async () => 0 },
    ]);
    await jobs.stop();

    const app = await buildApp(deps);
    await app.ready();
    let first: { number: string; token: string } | undefined;
    for (let i = 0; i < 30; i++) {
      clock.advance(7_000);
      const res = await app.inject({
        method: 'POST',
        url: '/api/public/work-orders',
        headers: { 'idempotency-key': `drill-${i}` },
        payload: {
          kind: 'help',
          categoryCode: 'other',
          description: `备份演练 ${i}`,
          requesterPhone: '13800001111',
        },
      });
      if (res.statusCode !== 201) throw new Error(`intake: ${res.statusCode} ${res.body}`);
      first ??= res.json();
    }
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'sd_admin', password: 'Test-password-123' },
    });
    const session = {
      cookie: `linli_sid=${login.cookies.find((c) => c.name === 'linli_sid')!.value}`,
      'x-csrf-token': login.json().csrfToken as string,
    };
    const key = await app.inject({
      method: 'POST',
      url: '/api/open311/keys',
      headers: session,
      payload: { name: '12345', orgUnitId: fx.subdistrict.id },
    });
    for (let i = 0; i < 10; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          api_key: key.json().apiKey,
          service_code: 'other',
          description: `12345 转办 ${i}`,
          address_string: '铜都社区',
        }).toString(),
      });
      if (res.statusCode !== 201) throw new Error(`open311: ${res.statusCode} ${res.body}`);
    }
    await app.close();
    return first!;
  } finally {
    await database.close();
  }
}

async function checksums(env: Env) {
  const d = await openEnv(env);
  try {
    return await tableChecksums(d);
  } finally {
    await d.close();
  }
}

function same(a: Map<string, string>, b: Map<string, string>, claim: string) {
  const differ = [...new Set([...a.keys(), ...b.keys()])].filter((t) => a.get(t) !== b.get(t));
  return check(
    differ.length === 0,
    claim,
    differ.length
      ? differ
          .slice(0, 5)
          .map((t) => `${t}: ${a.get(t)} ≠ ${b.get(t)}`)
          .join('; ')
      : `${a.size} tables and sequences`,
  );
}

runScript(`backup → restore gives the same tables (${kind})`, async () => {
  const source = await tempEnv(kind, 'backup');
  const order = await fill(source);
  const before = await checksums(source);
  log(
    `source filled: ${before.size} tables and sequences, ${[...before.values()].filter((v) => !v.startsWith('0 ')).length} non-empty`,
  );

  const file = join(source.dataDir, kind === 'pglite' ? 'drill.tar.gz' : 'drill.dump');
  const b = linli(source, ['backup', file]);
  if (!check(b.status === 0, '`linli backup` succeeds', b.output.split('\n')[0])) return;

  // The target: a fresh data directory / database with the same key.
  const target = await tempEnv(kind, 'restored', source.vars.LINLI_SECRET_KEY);
  const r = linli(target, ['restore', file]);
  if (!check(r.status === 0, '`linli restore` into an empty target succeeds', r.output.split('\n').at(-1)))
    return;
  same(before, await checksums(target), 'every table of the restored database equals the source');

  // Change the target, then restore over it.
  const d = await openEnv(target);
  await d.db.execute(sql`update work_orders set description = 'changed after the backup'`);
  await d.db.execute(sql`delete from wo_events`);
  await d.close();
  const refused = linli(target, ['restore', file]);
  check(
    refused.status !== 0 && /not empty/.test(refused.output),
    'restoring over a non-empty database needs --force',
  );
  const forced = linli(target, ['restore', file, '--force']);
  if (
    !check(
      forced.status === 0,
      '`linli restore --force` over a changed database succeeds',
      forced.output.split('\n').at(-1),
    )
  )
    return;
  same(before, await checksums(target), 'after the forced restore every table equals the source again');

  const audit = linli(target, ['audit', 'verify']);
  check(
    audit.status === 0,
    '`linli audit verify` passes on the restored database',
    audit.output.split('\n').at(-1),
  );

  const server = startServer(target, PORT);
  if (check(await server.waitHealthy(), 'an app process starts on the restored database')) {
    const res = await fetch(`${server.base}/api/public/work-orders/${order.number}?token=${order.token}`);
    check(res.status === 200, 'it serves a tracking number issued before the backup', `${res.status}`);
    if (kind === 'pglite') {
      // A second process on a live embedded data directory could corrupt it: the CLI refuses.
      const live = linli(target, ['backup', join(target.dataDir, 'live.tar.gz')]);
      check(
        live.status !== 0 && /open in process/.test(live.output),
        '`linli backup` refuses while the server has the embedded database open',
      );
    }
    check((await server.stop()) === 0, 'and stops cleanly');
  }
});
