import { createHmac, hkdfSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import {
  type AuditLogger,
  type SealDeps,
  auditCheckpointFileOf,
  auditSealJob,
  redact,
  sealAndVerifyAudit,
  sealAudit,
  verifyAuditChain,
  writeAudit,
} from './audit';
import { ManualClock } from './clock';
import { createPii } from './crypto';
import { type Database, rowsOf } from './db';
import { startJobs } from './jobs';

const MASTER = Buffer.alloc(32, 7); // the key test/app.ts gives the app
const pii = createPii(MASTER);
const dir = mkdtempSync(join(tmpdir(), 'linli-audit-test-'));
let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Trail {
  database: Database;
  deps: SealDeps;
  file: string;
  logged: object[];
  write(n: number, tag?: string): Promise<void>;
  verify(): ReturnType<typeof verifyAuditChain>;
  exec(q: ReturnType<typeof sql>): Promise<void>;
}

let trails = 0;
/**
 * A fresh trail (the test database's audit tables emptied, a new checkpoint file) with `n` records, one
 * transaction each, sealed every `sealEvery` records.
 */
async function trail(n = 150, sealEvery = 50, opts: { file?: boolean } = {}): Promise<Trail> {
  const database = app.database;
  await database.db.execute(sql`truncate audit_log, audit_checkpoint restart identity`);
  await database.db.execute(sql`delete from audit_seal`);
  await database.db.execute(sql`insert into audit_seal (id, pos, hash) values (1, 0, repeat('0', 64))`);
  const clock = new ManualClock();
  const file = join(dir, `trail-${++trails}.log`);
  const logged: object[] = [];
  const log: AuditLogger = { info: (o) => logged.push(o), error: () => undefined };
  const deps: SealDeps = {
    db: database.db,
    clock,
    pii,
    checkpointFile: opts.file === false ? undefined : file,
    log,
  };
  let written = 0;
  const t: Trail = {
    database,
    deps,
    file,
    logged,
    async write(count, tag = 'test.write') {
      for (let i = 0; i < count; i++) {
        const k = written++;
        clock.advance(1000);
        await database.db.transaction((tx) =>
          writeAudit(
            tx,
            { clock, pii },
            { action: tag, entityType: 'test', entityId: String(k), after: { k } },
          ),
        );
      }
    },
    verify: () => verifyAuditChain(database.db, pii, { checkpointFile: deps.checkpointFile }),
    async exec(q) {
      await database.db.execute(q);
    },
  };
  for (let done = 0; done < n; done += sealEvery) {
    await t.write(Math.min(sealEvery, n - done));
    await sealAudit(deps);
  }
  return t;
}

const fileLines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { pos: number; seq: number; hash: string; at: string; sig: string });

async function chain(db: Database['db']) {
  return rowsOf<{ seq: number; pos: number | null; entity_id: string }>(
    await db.execute(
      sql`select seq::int as seq, pos::int as pos, entity_id from audit_log order by pos, seq`,
    ),
  );
}

describe('audit trail (R-LAW-PI-1)', () => {
  it('personal data is redacted from before/after', () => {
    expect(
      redact({ name: '张三', phone: '13800000000', idNumberEnc: 'v1.x', idNumberMask: '420204****1234' }),
    ).toEqual({
      name: '张三',
      phone: '[redacted]',
      idNumberEnc: '[redacted]',
      idNumberMask: '420204****1234',
    });
  });

  it('resident health and hardship data is redacted too', () => {
    expect(redact({ name: '李', tags: ['disabled'], notes: '低保户', birthDate: '1950-01-01' })).toEqual({
      name: '李',
      tags: '[redacted]',
      notes: '[redacted]',
      birthDate: '[redacted]',
    });
  });

  it('a chain re-hashed without the master key does not verify (the chain is keyed)', () => {
    const other = createPii(Buffer.alloc(32, 9));
    expect(other.mac('linli-audit-chain-v1', 'x')).not.toBe(pii.mac('linli-audit-chain-v1', 'x'));
  });
});

describe('sealing and signed checkpoints', () => {
  let t: Trail;
  beforeAll(async () => {
    t = await trail(150, 50);
  });

  it('every seal chains the committed records and writes one signed checkpoint to the table, the file and the log', async () => {
    const res = await t.verify();
    expect(res).toMatchObject({ ok: true, checked: 150, pending: 0, checkpointFile: 'checked' });
    expect(res.checkpoint).toMatchObject({ pos: 150, source: 'file' });
    const lines = fileLines(t.file);
    expect(lines.map((l) => l.pos)).toEqual([50, 100, 150]);
    const inTable = rowsOf<{ pos: number }>(
      await t.database.db.execute(sql`select pos::int as pos from audit_checkpoint order by id`),
    );
    expect(inTable.map((r) => r.pos)).toEqual([50, 100, 150]);
    expect(t.logged).toHaveLength(3);
    expect(t.logged[2]).toMatchObject({ auditCheckpoint: { pos: 150, hash: lines[2]!.hash } });
  });

  it('a checkpoint is signed with HMAC-SHA256 under its own key derived from the master key', () => {
    const line = fileLines(t.file)[0]!;
    const key = Buffer.from(hkdfSync('sha256', MASTER, Buffer.alloc(0), 'linli-audit-checkpoint', 32));
    const body = JSON.stringify({ at: line.at, hash: line.hash, pos: line.pos, seq: line.seq, v: 1 });
    expect(line.sig).toBe(createHmac('sha256', key).update(body).digest('hex'));
  });

  it('records written after the last seal are reported as pending, not as tampering', async () => {
    await t.write(3);
    expect(await t.verify()).toMatchObject({ ok: true, checked: 150, pending: 3 });
    expect(await sealAndVerifyAudit(t.deps)).toMatchObject({ ok: true, checked: 153, pending: 0 });
  });

  it('a seal with nothing new writes no checkpoint', async () => {
    const before = fileLines(t.file).length;
    expect((await sealAudit(t.deps)).sealed).toBe(0);
    expect(fileLines(t.file)).toHaveLength(before);
  });

  it('the recurring job audit.seal (every minute, through pg-boss) chains what was written', async () => {
    const job = auditSealJob(t.deps);
    expect({ name: job.name, cron: job.cron }).toEqual({ name: 'audit.seal', cron: '* * * * *' });
    const jobs = await startJobs(t.database, [job], { pollingIntervalSeconds: 0.5 });
    try {
      await t.write(2);
      await jobs.send('audit.seal');
      const end = Date.now() + 20_000;
      while ((await t.verify()).pending > 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 200));
      expect(await t.verify()).toMatchObject({ ok: true, checked: 155, pending: 0 });
    } finally {
      await jobs.stop();
    }
  });

  it('the checkpoint file is DATA_DIR/audit-checkpoints.log unless AUDIT_CHECKPOINT_FILE is set, none without a data dir', () => {
    expect(auditCheckpointFileOf({ dataDir: '/srv/linli' })).toBe('/srv/linli/audit-checkpoints.log');
    expect(auditCheckpointFileOf({ dataDir: '/srv/linli', auditCheckpointFile: '/var/log/cp.log' })).toBe(
      '/var/log/cp.log',
    );
    expect(auditCheckpointFileOf({ dataDir: '' })).toBeUndefined();
  });
});

describe('tampering is detected (R-LAW-PI-1)', () => {
  it('a changed record', async () => {
    const t = await trail();
    await t.exec(sql`update audit_log set after = '{"k": 99}'::jsonb where pos = 70`);
    expect((await sealAndVerifyAudit(t.deps)).problem).toMatchObject({ reason: 'hash_mismatch', pos: 70 });
  });

  it('a record deleted in the middle', async () => {
    const t = await trail();
    await t.exec(sql`delete from audit_log where pos = 70`);
    expect((await sealAndVerifyAudit(t.deps)).problem).toMatchObject({ reason: 'broken_link', pos: 71 });
  });

  it('records deleted at the tail', async () => {
    const t = await trail();
    await t.exec(sql`delete from audit_log where pos > 50`);
    const res = await sealAndVerifyAudit(t.deps);
    expect(res).toMatchObject({ ok: false, checked: 50 });
    expect(res.problem).toMatchObject({ reason: 'checkpoint_mismatch', pos: 150 });
    // The seal state alone tells it too.
    await t.exec(sql`delete from audit_checkpoint`);
    const bare = await verifyAuditChain(t.database.db, pii);
    expect(bare.problem).toMatchObject({ reason: 'head_mismatch', pos: 150 });
  });

  it('a reordered pair of records', async () => {
    const t = await trail();
    await t.exec(sql`update audit_log set pos = -1 where pos = 70`);
    await t.exec(sql`update audit_log set pos = 70 where pos = 71`);
    await t.exec(sql`update audit_log set pos = 71 where pos = -1`);
    expect((await sealAndVerifyAudit(t.deps)).problem).toMatchObject({ reason: 'broken_link', pos: 70 });
  });

  it('the newest 100 records cut together with a rewound seal state and checkpoint table (the file remembers)', async () => {
    const t = await trail(150, 50);
    await t.exec(sql`delete from audit_log where pos > 50`);
    await t.exec(
      sql`update audit_seal set pos = 50, seq = l.seq, hash = l.hash from audit_log l where l.pos = 50`,
    );
    await t.exec(sql`delete from audit_checkpoint where pos > 50`);
    // What the database alone shows is consistent…
    expect(await verifyAuditChain(t.database.db, pii)).toMatchObject({ ok: true, checked: 50 });
    // …but not with the checkpoint file, and the sealer refuses to extend the rewritten chain.
    await t.write(5);
    const res = await sealAndVerifyAudit(t.deps);
    expect(res).toMatchObject({ ok: false, checked: 50, pending: 5 });
    expect(res.problem).toMatchObject({ reason: 'checkpoint_mismatch', pos: 150, source: 'file' });
    expect(fileLines(t.file).map((l) => l.pos)).toEqual([50, 100, 150]);
  });

  it('the whole trail emptied with its sequence reset, then written to again', async () => {
    const t = await trail(60, 30);
    await t.exec(sql`delete from audit_log`);
    await t.exec(sql`delete from audit_seal`);
    await t.exec(sql`delete from audit_checkpoint`);
    await t.exec(sql`alter sequence audit_log_seq_seq restart with 1`);
    expect((await t.verify()).problem).toMatchObject({ reason: 'checkpoint_mismatch', pos: 60 });
    // New writes must not start a fresh chain that the sealer would vouch for.
    await t.write(80);
    for (let i = 0; i < 2; i++) {
      const res = await sealAndVerifyAudit(t.deps);
      expect(res).toMatchObject({ ok: false, checked: 0, pending: 80 });
      expect(res.problem).toMatchObject({ reason: 'checkpoint_mismatch', source: 'file' });
    }
    expect(fileLines(t.file).map((l) => l.pos)).toEqual([30, 60]);
  });

  it('the trail emptied but not the checkpoint table is detected without a checkpoint file', async () => {
    const t = await trail(40, 20, { file: false });
    await t.exec(sql`delete from audit_log`);
    await t.exec(sql`delete from audit_seal`);
    await t.exec(sql`alter sequence audit_log_seq_seq restart with 1`);
    const res = await sealAndVerifyAudit(t.deps);
    expect(res).toMatchObject({ ok: false, checkpointFile: 'none' });
    expect(res.problem).toMatchObject({ reason: 'checkpoint_mismatch', source: 'table', pos: 40 });
  });

  it('a checkpoint forged into the table (no key) is reported', async () => {
    const t = await trail(20, 20);
    await t.exec(
      sql`insert into audit_checkpoint (pos, seq, hash, at, sig) values (20, 20, repeat('a', 64), now(), repeat('b', 64))`,
    );
    expect((await t.verify()).problem).toMatchObject({ reason: 'checkpoint_invalid', source: 'table' });
  });
});

describe('writes take no shared lock; sealing orders by commit', () => {
  it('an open transaction that wrote audit records holds no advisory lock and no seal-state lock', async () => {
    const t = await trail(0);
    await t.database.db.transaction(async (tx) => {
      await writeAudit(tx, { clock: t.deps.clock, pii }, { action: 'test.write', entityType: 'test' });
      const locks = rowsOf<{ locktype: string; rel: string | null }>(
        await tx.execute(
          sql`select locktype, relation::regclass::text as rel from pg_locks where pid = pg_backend_pid()`,
        ),
      );
      expect(locks.filter((l) => l.locktype === 'advisory')).toEqual([]);
      expect(locks.map((l) => l.rel)).not.toContain('audit_seal');
    });
  });

  it.runIf(!!process.env.TEST_DATABASE_URL)(
    'while one audited transaction stays open, others write, commit and get sealed without waiting for it',
    async () => {
      const t = await trail(0);
      const ctx = { clock: t.deps.clock, pii };
      const db = t.database.db;
      let release!: () => void;
      const held = new Promise<void>((r) => {
        release = r;
      });
      let pid = 0;
      let opened!: () => void;
      const isOpen = new Promise<void>((r) => {
        opened = r;
      });
      const first = db.transaction(async (tx) => {
        await writeAudit(tx, ctx, { action: 'test.write', entityType: 'test', entityId: 'held-open' });
        pid = rowsOf<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`))[0]!.pid;
        opened();
        await held;
      });
      await isOpen;
      const within = <T>(p: Promise<T>) =>
        Promise.race([p, new Promise<never>((_, rej) => setTimeout(() => rej(new Error('blocked')), 3000))]);
      try {
        const locks = rowsOf<{ locktype: string; rel: string | null }>(
          await db.execute(
            sql`select locktype, relation::regclass::text as rel from pg_locks where pid = ${pid}`,
          ),
        );
        expect(locks.filter((l) => l.locktype === 'advisory')).toEqual([]);
        expect(locks.map((l) => l.rel)).not.toContain('audit_seal');
        await within(
          Promise.all(
            ['second', 'third'].map((id) =>
              db.transaction((tx) =>
                writeAudit(tx, ctx, { action: 'test.write', entityType: 'test', entityId: id }),
              ),
            ),
          ),
        );
        expect(await within(sealAudit(t.deps, { wait: true }))).toMatchObject({ sealed: 2, pos: 2 });
        release();
        await first;
        // A sealer holding the seal state does not block writers either.
        await db.transaction(async (sealer) => {
          await sealer.execute(sql`select * from audit_seal where id = 1 for update`);
          await within(
            db.transaction((tx) =>
              writeAudit(tx, ctx, { action: 'test.write', entityType: 'test', entityId: 'fourth' }),
            ),
          );
        });
      } finally {
        release();
        await first;
      }
      await sealAudit(t.deps, { wait: true });
      const rows = await chain(db);
      // The open transaction inserted first (lowest seq) but committed third: it is chained third.
      const ids = rows.map((r) => r.entity_id);
      expect(ids.slice(0, 2).sort()).toEqual(['second', 'third']);
      expect(ids.slice(2)).toEqual(['held-open', 'fourth']);
      expect(rows.find((r) => r.entity_id === 'held-open')!.seq).toBe(1);
      expect(await t.verify()).toMatchObject({ ok: true, checked: 4, pending: 0 });
    },
  );

  it('50 parallel audited writes, with a sealer running meanwhile, are all chained exactly once and in commit order', async () => {
    const t = await trail(0);
    const db = t.database.db;
    const ctx = { clock: t.deps.clock, pii };
    const postgres = t.database.kind === 'postgres';
    let tick = 0;
    const spans: { begin: number; end: number }[] = [];
    let writing = true;
    const sealer = (async () => {
      while (writing) {
        await sealAudit(t.deps);
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    // Two waves of 25 concurrent writers: within a wave they overlap, and every transaction of the first
    // wave commits before any of the second begins, so commit order is checked even on a loaded machine.
    const write = async (i: number) => {
      {
        await new Promise((r) => setTimeout(r, (i * 7) % 25));
        const begin = ++tick;
        await db.transaction(async (tx) => {
          await writeAudit(tx, ctx, { action: 'test.write', entityType: 'test', entityId: `w${i}` });
          if (postgres) await tx.execute(sql`select pg_sleep(${((i * 13) % 20) / 1000})`);
          await writeAudit(tx, ctx, { action: 'test.write2', entityType: 'test', entityId: `w${i}` });
        });
        spans[i] = { begin, end: ++tick };
      }
    };
    await Promise.all(Array.from({ length: 25 }, (_, i) => write(i)));
    await Promise.all(Array.from({ length: 25 }, (_, i) => write(i + 25)));
    writing = false;
    await sealer;
    await sealAudit(t.deps, { wait: true });
    const res = await t.verify();
    expect(res).toMatchObject({ ok: true, checked: 100, pending: 0 });
    const rows = await chain(db);
    expect(rows.map((r) => r.pos)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(rows.map((r) => r.seq)).size).toBe(100);
    const posOf = new Map<string, number[]>();
    for (const r of rows) posOf.set(r.entity_id, [...(posOf.get(r.entity_id) ?? []), r.pos!]);
    // Both records of a transaction that committed before another began come before that one's records.
    let pairs = 0;
    for (let i = 0; i < 50; i++) {
      for (let j = 0; j < 50; j++) {
        if (spans[i]!.end >= spans[j]!.begin) continue;
        pairs++;
        expect(Math.max(...posOf.get(`w${i}`)!)).toBeLessThan(Math.min(...posOf.get(`w${j}`)!));
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });

  it('two (and more) sealers at once never fork the chain', async () => {
    const t = await trail(0);
    await t.write(300);
    const results = await Promise.all([
      sealAudit(t.deps, { wait: true }),
      sealAudit(t.deps, { wait: true, batchSize: 7 }),
      sealAudit(t.deps),
      sealAudit(t.deps, { batchSize: 11 }),
    ]);
    expect(results.reduce((n, r) => n + r.sealed, 0)).toBe(300);
    const rows = await chain(t.database.db);
    expect(rows.map((r) => r.pos)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(await t.verify()).toMatchObject({ ok: true, checked: 300, pending: 0 });
    // Every checkpoint written extends the previous one.
    const cps = fileLines(t.file).map((l) => l.pos);
    expect(cps).toEqual([...cps].sort((a, b) => a - b));
    expect(cps.at(-1)).toBe(300);
  });
});

describe('GET /api/audit/verify', () => {
  it('a platform-wide auditor gets the chain sealed and verified, with sealed and pending counts', async () => {
    const admin = await app.as('admin');
    const res = await admin.get('/api/audit/verify');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ ok: true, pending: 0, checkpointFile: 'none' });
    expect(body.checked).toBeGreaterThan(0);
    expect(body.checkpoint).toMatchObject({ pos: body.checked, source: 'table' });
  });

  it('an auditor of one subdistrict may not verify the platform-wide chain', async () => {
    expect((await (await app.as('sd_admin')).get('/api/audit/verify')).statusCode).toBe(403);
  });
});
