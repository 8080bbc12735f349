import { sql } from 'drizzle-orm';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../../test/app';
import { rowsOf } from './db';
import { deleteOldIdempotencyKeys, fingerprintOf } from './idempotency';

let t: TestApp;
let platformKey: string;
let otherPlatformKey: string;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'dispatcher', [{ role: 'dispatcher', orgUnitId: t.fx.subdistrict.id }]);
  const sd = await t.as('sd_admin');
  platformKey = (
    await sd.post('/api/open311/keys', { name: '12345 平台', orgUnitId: t.fx.subdistrict.id })
  ).json().apiKey;
  otherPlatformKey = (
    await sd.post('/api/open311/keys', { name: '小程序', orgUnitId: t.fx.subdistrict.id })
  ).json().apiKey;
});
afterAll(() => t.close());

const count = async (description: string) =>
  rowsOf<{ n: number }>(
    await t.database.db.execute(
      sql`select count(*)::int as n from work_orders where description = ${description}`,
    ),
  )[0]!.n;
const auditCount = async (action: string) =>
  rowsOf<{ n: number }>(
    await t.database.db.execute(sql`select count(*)::int as n from audit_log where action = ${action}`),
  )[0]!.n;

const publicReport = (description: string) => ({
  kind: 'help',
  categoryCode: 'other',
  description,
  requesterPhone: '13800001111',
});
const postPublic = (key: string | undefined, body: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/public/work-orders',
    payload: body,
    headers: key === undefined ? {} : { 'idempotency-key': key },
  } as InjectOptions);

describe('Idempotency-Key on intake: a retry after a lost answer files nothing twice', () => {
  it('a phone that lost the answer retries with the same key: the same tracking number and token, one order', async () => {
    const before = await auditCount('work_orders.intake');
    const first = await postPublic('phone-7f3a-0001', publicReport('楼道灯坏了(重试)'));
    const retry = await postPublic('phone-7f3a-0001', publicReport('楼道灯坏了(重试)'));
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    expect(await count('楼道灯坏了(重试)')).toBe(1);
    expect(await auditCount('work_orders.intake')).toBe(before + 1);
    // The stored answer holds the tracking token: it is kept encrypted.
    const stored = rowsOf<{ response_enc: string }>(
      await t.database.db.execute(
        sql`select response_enc from idempotency_keys where key = 'phone-7f3a-0001'`,
      ),
    );
    expect(stored[0]!.response_enc).not.toContain(first.json().token);
  });

  it('without a key every request files an order, as before', async () => {
    await postPublic(undefined, publicReport('无键的诉求'));
    await postPublic(undefined, publicReport('无键的诉求'));
    expect(await count('无键的诉求')).toBe(2);
  });

  it('the same key with a different body is refused with 422 and a clear message; nothing is filed', async () => {
    expect((await postPublic('phone-7f3a-0002', publicReport('第一份诉求'))).statusCode).toBe(201);
    const res = await postPublic('phone-7f3a-0002', publicReport('另一份诉求'));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('common.idempotency_key_reused');
    expect(res.json().error.message).toContain('Idempotency-Key 已用于另一份内容不同的请求');
    expect(await count('另一份诉求')).toBe(0);
  });

  it('a request that failed stores nothing: the same key works for the corrected request', async () => {
    const bad = await postPublic('phone-7f3a-0003', {
      ...publicReport('更正后的诉求'),
      categoryCode: 'nope',
    });
    expect(bad.statusCode).toBe(400);
    const good = await postPublic('phone-7f3a-0003', publicReport('更正后的诉求'));
    expect(good.statusCode).toBe(201);
    expect(await count('更正后的诉求')).toBe(1);
  });

  it('concurrent requests with one key file one order and all get its answer', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => postPublic('phone-7f3a-0004', publicReport('并发重试'))),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().number)).size).toBe(1);
    expect(await count('并发重试')).toBe(1);
  });

  it('a key that is not 1–200 printable characters is a 400 naming the header', async () => {
    for (const key of ['x'.repeat(201), 'clé-1', ' padded']) {
      const res = await postPublic(key, publicReport('坏键'));
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields[0]).toMatchObject({
        path: 'Idempotency-Key',
        code: 'common.idempotency_key_invalid',
      });
    }
    expect((await postPublic('x'.repeat(200), publicReport('长键'))).statusCode).toBe(201);
    expect(await count('坏键')).toBe(0);
  });

  it('staff intake: the retry gets the same order detail; another user with the same key files their own', async () => {
    const body = {
      kind: 'complaint',
      channel: 'hotline',
      categoryCode: 'other',
      description: '热线受理的投诉(重试)',
    };
    const d = await t.as('dispatcher');
    const send = (c: typeof d) =>
      c.request({
        method: 'POST',
        url: '/api/work-orders',
        payload: body,
        headers: { 'idempotency-key': 'hotline-42' },
      });
    const first = await send(d);
    const retry = await send(d);
    expect(first.statusCode).toBe(201);
    expect(retry.statusCode).toBe(201);
    expect(retry.json()).toEqual(first.json());
    expect(await count('热线受理的投诉(重试)')).toBe(1);
    const other = await send(await t.as('sd_admin'));
    expect(other.statusCode).toBe(201);
    expect(other.json().id).not.toBe(first.json().id);
    expect(await count('热线受理的投诉(重试)')).toBe(2);
  });

  it('Open311: a platform retry gets the same service_request_id (JSON and XML); another API key does not collide', async () => {
    const form = (apiKey: string) =>
      new URLSearchParams({
        api_key: apiKey,
        service_code: 'other',
        description: '12345 转办(重试)',
        address_string: '铜都社区1栋',
      }).toString();
    const post = (apiKey: string, format: 'json' | 'xml', key = 'ticket-20261123-001') =>
      t.app.inject({
        method: 'POST',
        url: `/open311/v2/requests.${format}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'idempotency-key': key },
        payload: form(apiKey),
      });
    const first = await post(platformKey, 'json');
    expect(first.statusCode, first.body).toBe(201);
    const retry = await post(platformKey, 'json');
    expect(retry.statusCode).toBe(201);
    expect(retry.body).toBe(first.body);
    expect(await count('12345 转办(重试)')).toBe(1);

    const xml = await post(platformKey, 'xml', 'ticket-20261123-002');
    const xmlRetry = await post(platformKey, 'xml', 'ticket-20261123-002');
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(xmlRetry.body).toBe(xml.body);
    expect(await count('12345 转办(重试)')).toBe(2);

    const otherKey = await post(otherPlatformKey, 'json');
    expect(otherKey.statusCode).toBe(201);
    expect(otherKey.json()[0].service_request_id).not.toBe(first.json()[0].service_request_id);
    expect(await count('12345 转办(重试)')).toBe(3);

    const reused = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'idempotency-key': 'ticket-20261123-001',
      },
      payload: form(platformKey).replace('%E9%87%8D%E8%AF%95', 'x'),
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json()[0]).toMatchObject({ code: 422 });
  });

  it('keys are forgotten after a day by the cleanup job', async () => {
    const kept = await postPublic('phone-7f3a-0009', publicReport('次日清理'));
    t.clock.advance(25 * 3_600_000);
    expect(await deleteOldIdempotencyKeys(t.database.db, t.clock.now())).toBeGreaterThan(0);
    const again = await postPublic('phone-7f3a-0009', publicReport('次日清理'));
    expect(again.json().number).not.toBe(kept.json().number);
  });

  it('the fingerprint ignores key order but not values', () => {
    expect(fingerprintOf({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(
      fingerprintOf({ b: [1, { d: 3, c: 2 }], a: 1 }),
    );
    expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
  });
});
