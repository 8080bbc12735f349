import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { createRateLimiter } from './rateLimit';

describe('rate limiting of anonymous endpoints and logins', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { rateLimitPerMinute: 3 } });
  });
  afterAll(() => t.close());

  it('a fixed window per key resets after a minute', () => {
    let now = 0;
    const l = createRateLimiter(2, () => now);
    expect([l.take('a'), l.take('a'), l.take('a'), l.take('b')]).toEqual([true, true, false, true]);
    now = 60_000;
    expect(l.take('a')).toBe(true);
  });

  it('the fourth anonymous report in a minute from one address is refused with 429 in Chinese', async () => {
    const body = { kind: 'help', categoryCode: 'other', description: '测试', requesterPhone: '13800001111' };
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push((await t.anonymous.post('/api/public/work-orders', body)).statusCode);
    expect(codes).toEqual([201, 201, 201, 429]);
    const res = await t.anonymous.post('/api/public/work-orders', body);
    expect(res.json().error.message).toBe('请求过于频繁,请稍后再试');
  });
});
