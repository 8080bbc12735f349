import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type TestApp, TEST_PASSWORD, createTestApp } from '../../../test/app';
import { buildApp } from '../app';
import { ManualClock } from './clock';
import { rowsOf } from './db';
import { createRateLimiter, deleteOldRateLimitWindows } from './rateLimit';

describe('rate limiting of anonymous endpoints and logins, shared by every app process', () => {
  let t: TestApp;
  /** A second app process on the same database (as behind a load balancer). */
  let other: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp({ config: { rateLimitPerMinute: 3 } });
    other = await buildApp(t.deps);
    await other.ready();
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });
  // Each test starts in a fresh minute window.
  beforeEach(() => t.clock.advance(60_000));

  const report = { kind: 'help', categoryCode: 'other', description: '测试', requesterPhone: '13800001111' };
  const post = (app: FastifyInstance, url: string, payload: object) =>
    app.inject({ method: 'POST', url, payload });

  it('a fixed window per key counts in the database and resets after a minute', async () => {
    const clock = new ManualClock();
    const l = createRateLimiter(t.database.db, 2, clock);
    expect([await l.take('a'), await l.take('a'), await l.take('a'), await l.take('b')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
    clock.advance(60_000);
    expect(await l.take('a')).toBe(true);
  });

  it('the fourth anonymous report in a minute from one address is refused with 429 in Chinese', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await t.anonymous.post('/api/public/work-orders', report)).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
    const res = await t.anonymous.post('/api/public/work-orders', report);
    expect(res.json().error.message).toBe('请求过于频繁，请稍后再试');
  });

  it('two processes allow the limit once, not twice: the fourth public report across both is refused', async () => {
    const codes: number[] = [];
    for (const app of [t.app, other, t.app, other])
      codes.push((await post(app, '/api/public/work-orders', report)).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
  });

  it('login attempts from one address are counted across processes too', async () => {
    const codes: number[] = [];
    for (const app of [other, t.app, other, t.app])
      codes.push(
        (await post(app, '/api/auth/login', { username: 'nobody', password: 'x'.repeat(12) })).statusCode,
      );
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('the lockout after five failed logins is shared: it lives on the user row, so both processes refuse', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      t.clock.advance(61_000); // stay under the address limit: this test is about the account lockout
      const app = i % 2 === 0 ? t.app : other;
      codes.push(
        (await post(app, '/api/auth/login', { username: 'tongdu_worker', password: 'wrong-password-1' }))
          .statusCode,
      );
    }
    expect(codes).toEqual([401, 401, 401, 401, 423]);
    for (const app of [t.app, other]) {
      t.clock.advance(61_000);
      const res = await post(app, '/api/auth/login', { username: 'tongdu_worker', password: TEST_PASSWORD });
      expect(res.statusCode).toBe(423);
      expect(res.json().error.code).toBe('auth.locked');
    }
  });

  it('the cleanup deletes windows older than two minutes and keeps the current one', async () => {
    await post(t.app, '/api/public/work-orders', report);
    const now = t.clock.now().getTime();
    const windows = async () =>
      rowsOf<{ start: string | Date }>(
        await t.database.db.execute(sql`select window_start as start from rate_limit_windows`),
      ).map((r) => new Date(r.start).getTime());
    expect((await windows()).some((w) => w < now - 120_000)).toBe(true);
    expect(await deleteOldRateLimitWindows(t.database.db, t.clock.now())).toBeGreaterThan(0);
    const left = await windows();
    expect(left.every((w) => w >= now - 120_000)).toBe(true);
    expect(left).toContain(now - (now % 60_000));
  });
});
