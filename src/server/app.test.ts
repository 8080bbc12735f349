import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the API server', () => {
  it('answers /api/health with the database kind', async () => {
    const res = await t.anonymous.get('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('ok');
  });

  it('serves the OpenAPI description at /api/docs', async () => {
    const res = await t.anonymous.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/residents', '/api/org/units/{id}']));
  });

  it('answers an unknown API path with the one error shape, in Chinese by default', async () => {
    const res = await t.anonymous.get('/api/nope');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'common.route_not_found', message: '接口不存在' } });
  });

  it('asks anonymous callers to log in (401), in English when asked', async () => {
    const res = await t.anonymous.request({
      method: 'GET',
      url: '/api/residents',
      headers: { 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'common.unauthenticated', message: 'Please log in first' });
  });

  it('records a refused write in the audit trail as a failure', async () => {
    const worker = await t.as('tongdu_worker');
    expect(
      (await worker.post('/api/org/units', { parentId: t.fx.tongdu.id, kind: 'grid', name: 'x' })).statusCode,
    ).toBe(403);
    const admin = await t.as('admin');
    const audit = (await admin.get('/api/audit?action=access.denied&success=false')).json();
    expect(audit.items[0]).toMatchObject({ actorName: 'tongdu_worker', success: false });
    expect(audit.items[0].after.path).toBe('/api/org/units');
  });
});
