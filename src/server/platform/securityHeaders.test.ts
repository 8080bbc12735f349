import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, type TestApp, createTestApp, createUser } from '../../../test/app';
import { AMAP_SETTINGS, mapSettingsFromEnv, tiandituSettings, xyzSettings } from './map';
import { contentSecurityPolicy, mapSources, tileSources } from './securityHeaders';

const TILES = 'https://t{s}.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=abc';

function expectSecurityHeaders(res: LightMyRequestResponse) {
  const csp = String(res.headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/img-src 'self' data: blob: https:\/\/\*\.tianditu\.gov\.cn(;|$)/);
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(res.headers['permissions-policy']).toContain('geolocation=(self)');
  expect(res.headers['permissions-policy']).toContain('microphone=()');
}

describe('security headers, cookies behind a proxy and the API docs', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'linli-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Linli</title>');
    writeFileSync(join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    t = await createTestApp({ config: { webDir, tilesUrl: TILES, trustProxyHops: 1 } });
    await createUser(t, 'jumin', [{ role: 'resident', orgUnitId: t.fx.tongdu.id }]);
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('every response carries the security headers: API, error, 404, static file and the web app', async () => {
    const admin = await t.as('admin');
    for (const res of [
      await admin.get('/api/auth/me'),
      await t.anonymous.get('/api/residents'),
      await t.anonymous.get('/api/nope'),
      await t.anonymous.post('/api/auth/login', { username: 'x' }),
      await t.anonymous.get('/assets/app-abc123.js'),
      await t.anonymous.get('/'),
      await t.anonymous.get('/report'),
      await t.anonymous.get('/open311/v2/services.json'),
      await t.anonymous.get('/open311/v2/nope.json'),
    ])
      expectSecurityHeaders(res);
  });

  it('a URL that cannot be decoded or an over-long id is a 400/414 in the standard shape, with the headers', async () => {
    const bad = await t.anonymous.request({
      method: 'GET',
      url: '/api/residents/%E0%A4%A',
      headers: { 'accept-language': 'en' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error: { code: 'common.validation', message: 'Some fields are invalid; please check them' },
    });
    expectSecurityHeaders(bad);
    expect(bad.headers['cache-control']).toBe('no-store');
    const long = await t.anonymous.get(`/api/residents/${'x'.repeat(150)}`);
    expect(long.statusCode).toBe(414);
    expect(long.json().error.code).toBe('common.validation');
    expectSecurityHeaders(long);
  });

  it('API answers are not stored, except the public reference data', async () => {
    const admin = await t.as('admin');
    for (const res of [
      await admin.get('/api/auth/me'),
      await admin.get('/api/calendar?year=2026'),
      await t.anonymous.get('/api/residents'),
      await t.anonymous.get('/api/nope'),
      await t.anonymous.get('/open311/v2/requests.json'),
      await t.anonymous.get('/%61pi/auth/me'),
    ])
      expect(res.headers['cache-control']).toBe('no-store');
    for (const url of ['/api/config', '/api/public/work-orders/categories', '/open311/v2/services.xml']) {
      const res = await t.anonymous.get(url);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=300');
    }
    // The web app's files keep their own caching.
    expect((await t.anonymous.get('/assets/app-abc123.js')).headers['cache-control']).not.toBe('no-store');
  });

  it('the session cookie is Secure when a trusted proxy (TRUST_PROXY_HOPS=1) says the request came over https', async () => {
    const login = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers,
        payload: { username: 'admin', password: TEST_PASSWORD },
      });
    const https = await login({ 'x-forwarded-proto': 'https' });
    expect(https.cookies.find((c) => c.name === 'linli_sid')).toMatchObject({ secure: true, httpOnly: true });
    const http = await login({});
    expect(http.cookies.find((c) => c.name === 'linli_sid')?.secure).toBeFalsy();
  });

  it('the API docs need a staff login: anonymous 401, a resident 403, the admin 200', async () => {
    const anon = await t.anonymous.request({
      method: 'GET',
      url: '/api/docs/json',
      headers: { 'accept-language': 'en' },
    });
    expect(anon.statusCode).toBe(401);
    expect(anon.json()).toEqual({
      error: { code: 'common.unauthenticated', message: 'Please log in first' },
    });
    expect((await t.anonymous.get('/api/docs')).statusCode).toBe(401);
    expect((await t.anonymous.get('/api/docs/yaml')).statusCode).toBe(401);
    expect((await (await t.as('jumin')).get('/api/docs/json')).statusCode).toBe(403);
    const admin = await t.as('admin');
    const doc = await admin.get('/api/docs/json');
    expect(doc.statusCode).toBe(200);
    expect(doc.json().openapi).toMatch(/^3\./);
    expect((await admin.get('/api/docs')).statusCode).toBe(200);
    expect((await (await t.as('evaluator')).get('/api/docs/json')).statusCode).toBe(200);
  });
});

describe('PUBLIC_URL and API_DOCS_PUBLIC', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { publicUrl: 'https://linli.example.gov.cn', apiDocsPublic: true } });
  });
  afterAll(() => t.close());

  it('with an https PUBLIC_URL the session cookie is always Secure, even over plain http', async () => {
    const res = await t.anonymous.post('/api/auth/login', { username: 'admin', password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === 'linli_sid')).toMatchObject({ secure: true, httpOnly: true });
  });

  it('with API_DOCS_PUBLIC=true anyone reads the API docs', async () => {
    const res = await t.anonymous.get('/api/docs/json');
    expect(res.statusCode).toBe(200);
    expect(res.json().paths['/api/residents']).toBeDefined();
  });
});

describe('the content security policy', () => {
  it('allows the map tile host of TILES_URL, placeholders becoming a leading wildcard', () => {
    expect(tileSources(TILES)).toEqual(['https://*.tianditu.gov.cn']);
    expect(tileSources('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toEqual([
      'https://*.tile.openstreetmap.org',
    ]);
    expect(tileSources('https://webrd0{s}.is.autonavi.com/appmaptile?x={x}')).toEqual([
      'https://*.is.autonavi.com',
    ]);
    expect(tileSources('http://tiles.local:8080/{z}/{x}/{y}.png')).toEqual(['http://tiles.local:8080']);
    expect(tileSources('/tiles/{z}/{x}/{y}.png')).toEqual([]);
    expect(tileSources('')).toEqual([]);
    expect(tileSources("https://evil.example'; script-src *")).toEqual([]);
    expect(tileSources('https://{s}/{z}/{x}/{y}.png')).toEqual(['https:']);
    expect(contentSecurityPolicy('')).toContain("img-src 'self' data: blob:;");
  });
});

describe('the base map setting and its image sources (issue 17 item 7)', () => {
  it('MAP_PROVIDER picks Tianditu (vector + annotation, WGS-84), AMap (GCJ-02) or any XYZ template', () => {
    const tdt = mapSettingsFromEnv({ MAP_PROVIDER: 'tianditu', TIANDITU_KEY: 'abc123' });
    expect(tdt).toMatchObject({ provider: 'tianditu', crs: 'wgs84' });
    expect(tdt.layers.map((l) => /T=(\w+)/.exec(l.url)?.[1])).toEqual(['vec_w', 'cva_w']);
    expect(tdt.layers.every((l) => l.url.endsWith('tk=abc123'))).toBe(true);
    expect(mapSettingsFromEnv({ MAP_PROVIDER: 'amap' })).toEqual(AMAP_SETTINGS);
    expect(AMAP_SETTINGS.crs).toBe('gcj02');
    expect(
      mapSettingsFromEnv({ MAP_PROVIDER: 'xyz', MAP_TILES_URL: 'https://tiles.example.cn/{z}/{x}/{y}.png' }),
    ).toMatchObject({ provider: 'xyz', crs: 'wgs84' });
    expect(
      mapSettingsFromEnv({
        MAP_PROVIDER: 'xyz',
        MAP_TILES_URL: 'https://t.example.cn/{z}/{x}/{y}',
        MAP_TILES_CRS: 'GCJ02',
      }).crs,
    ).toBe('gcj02');
    // The older single TILES_URL is an XYZ layer in WGS-84; nothing set is no base map.
    expect(mapSettingsFromEnv({ TILES_URL: TILES })).toMatchObject({ provider: 'xyz', crs: 'wgs84' });
    expect(mapSettingsFromEnv({})).toEqual({ provider: 'none', crs: 'wgs84', layers: [] });
    expect(mapSettingsFromEnv({ MAP_PROVIDER: 'none', TILES_URL: TILES }).layers).toEqual([]);
  });

  it('refuses to start on a setting it cannot use', () => {
    expect(() => mapSettingsFromEnv({ MAP_PROVIDER: 'tianditu' })).toThrow(/TIANDITU_KEY/);
    expect(() => mapSettingsFromEnv({ MAP_PROVIDER: 'tianditu', TIANDITU_KEY: "a'; img-src *" })).toThrow();
    expect(() => mapSettingsFromEnv({ MAP_PROVIDER: 'google' })).toThrow(/MAP_PROVIDER/);
    expect(() => mapSettingsFromEnv({ MAP_PROVIDER: 'xyz' })).toThrow(/MAP_TILES_URL/);
    expect(() =>
      mapSettingsFromEnv({ MAP_PROVIDER: 'xyz', MAP_TILES_URL: 'https://a/{z}', MAP_TILES_CRS: 'bd09' }),
    ).toThrow();
  });

  it('img-src follows the configured provider: its tile hosts only', () => {
    expect(mapSources(tiandituSettings('k'))).toEqual(['https://*.tianditu.gov.cn']);
    expect(mapSources(AMAP_SETTINGS)).toEqual(['https://*.is.autonavi.com']);
    expect(mapSources(xyzSettings('https://tiles.example.cn/{z}/{x}/{y}.png', 'gcj02'))).toEqual([
      'https://tiles.example.cn',
    ]);
    const amap = contentSecurityPolicy({ tilesUrl: TILES, map: AMAP_SETTINGS });
    expect(amap).toContain("img-src 'self' data: blob: https://*.is.autonavi.com;");
    expect(amap).not.toContain('tianditu');
    expect(contentSecurityPolicy({ tilesUrl: '', map: mapSettingsFromEnv({}) })).toContain(
      "img-src 'self' data: blob:;",
    );
  });

  it('the web app reads the provider, its layers and coordinate system from GET /api/config', async () => {
    const app = await createTestApp({ config: { map: AMAP_SETTINGS } });
    try {
      const res = await app.anonymous.get('/api/config');
      expect(res.json().map).toEqual(AMAP_SETTINGS);
      expect(String(res.headers['content-security-policy'])).toContain('https://*.is.autonavi.com');
    } finally {
      await app.close();
    }
  });
});
