import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestApp, createTestApp } from '../../test/app';

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

  it('serves the OpenAPI description at /api/docs to staff', async () => {
    const res = await (await t.as('admin')).get('/api/docs/json');
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

describe('bad input and spoofing (review findings)', () => {
  it('a NUL character in a body or a query is a 400, not a 500', async () => {
    const sd = await t.as('sd_admin');
    const body = await sd.post('/api/residents', {
      name: 'a\u0000b',
      orgUnitId: t.fx.tongdu.id,
      registrationStatus: 'migrant',
    });
    expect(body.statusCode).toBe(400);
    const query = await sd.get('/api/residents?q=%00');
    expect(query.statusCode).toBe(400);
    const login = await t.anonymous.post('/api/auth/login', { username: 'x\u0000', password: 'y' });
    expect(login.statusCode).toBe(400);
  });

  it('X-Forwarded-Proto is not trusted by default: a login over http gets no Secure cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { username: 'admin', password: TEST_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'linli_sid')?.secure).toBeFalsy();
  });

  it('X-Forwarded-For is not trusted by default: the audit keeps the socket address', async () => {
    const worker = await t.as('tongdu_worker');
    await worker.request({
      method: 'POST',
      url: '/api/org/units',
      headers: { 'x-forwarded-for': '6.6.6.6' },
      payload: { parentId: t.fx.tongdu.id, kind: 'grid', name: 'x' },
    });
    const admin = await t.as('admin');
    const entry = (await admin.get('/api/audit?action=access.denied')).json().items[0];
    expect(entry.ip).not.toBe('6.6.6.6');
  });

  it('a truncated multipart upload is a 400', async () => {
    const sd = await t.as('sd_admin');
    const res = await sd.request({
      method: 'POST',
      url: '/api/imports/residents',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      payload: '--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nabc',
    });
    expect(res.statusCode).toBe(400);
  });

  it('an export asked for with full=false is masked (and an invalid flag is refused)', async () => {
    const sd = await t.as('sd_admin');
    expect((await sd.get('/api/residents/export.xlsx?full=yes')).statusCode).toBe(400);
    const res = await sd.get('/api/residents/export.xlsx?full=false');
    expect(res.statusCode).toBe(200);
    const admin = await t.as('admin');
    expect((await admin.get('/api/audit?action=residents.export')).json().total).toBeGreaterThan(0);
    expect((await admin.get('/api/audit?action=residents.export_full')).json().total).toBe(0);
  });
});

describe('the web app as static files', () => {
  it('hashed assets go out precompressed and cached for a year; the HTML is revalidated on every load', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { brotliCompressSync } = await import('node:zlib');
    const dir = mkdtempSync(join(tmpdir(), 'linli-web-'));
    mkdirSync(join(dir, 'assets'));
    const js = `console.log(${JSON.stringify('邻里'.repeat(400))});`;
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>邻里</title>');
    writeFileSync(join(dir, 'phone.html'), '<!doctype html><title>邻里 · 居民服务</title>');
    writeFileSync(join(dir, 'assets', 'index-AbCd1234.js'), js);
    writeFileSync(join(dir, 'assets', 'index-AbCd1234.js.br'), brotliCompressSync(js));
    const web = await createTestApp({ config: { webDir: dir } });
    try {
      const asset = await web.anonymous.request({
        method: 'GET',
        url: '/assets/index-AbCd1234.js',
        headers: { 'accept-encoding': 'br, gzip' },
      });
      expect(asset.statusCode).toBe(200);
      expect(asset.headers['content-encoding']).toBe('br');
      expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      for (const url of ['/', '/index.html', '/residents/some-page']) {
        const page = await web.anonymous.get(url);
        expect({ url, status: page.statusCode, cache: page.headers['cache-control'] }).toEqual({
          url,
          status: 200,
          cache: 'no-cache',
        });
      }
      // The residents' pages get the light phone entry; the console login and the rest get the console.
      for (const [url, title] of [
        ['/report', '居民服务'],
        ['/track/WO20261204000001?token=x', '居民服务'],
        ['/m', '居民服务'],
        ['/m/orders/abc', '居民服务'],
        ['/m/login?next=%2Fm', '居民服务'],
        ['/login', '<title>邻里</title>'],
        ['/mobile', '<title>邻里</title>'],
        ['/reports/x', '<title>邻里</title>'],
      ] as const) {
        const page = await web.anonymous.get(url);
        expect({ url, status: page.statusCode, body: page.body.includes(title) }).toEqual({
          url,
          status: 200,
          body: true,
        });
      }
    } finally {
      await web.close();
    }
  });
});
