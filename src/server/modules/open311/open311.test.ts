import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../../../test/app';
import { giveSquareBoundary } from '../../../../test/workOrders';
import { auditLog } from '../../platform/audit.table';
import { escapeXml, isoChina } from './open311.format';
import { parseDateTime } from './open311.services';
import { maskText } from './open311.usecases';

let t: TestApp;
const IN_TONGDU = { lat: '30.165', long: '114.93' };
let subdistrictKey: string;
let xihuayuanKey: string;

beforeAll(async () => {
  t = await createTestApp();
  await giveSquareBoundary(t, t.fx.tongduGrid.id);
  await createUser(t, 'dispatcher', [{ role: 'dispatcher', orgUnitId: t.fx.subdistrict.id }]);
  const sd = await t.as('sd_admin');
  const a = await sd.post('/api/open311/keys', {
    name: '黄石 12345 平台',
    orgUnitId: t.fx.subdistrict.id,
    channel: 'transfer_12345',
  });
  expect(a.statusCode).toBe(201);
  subdistrictKey = a.json().apiKey;
  xihuayuanKey = (
    await sd.post('/api/open311/keys', { name: '西花苑小程序', orgUnitId: t.fx.xihuayuan.id })
  ).json().apiKey;
});
afterAll(() => t.close());

function postForm(fields: Record<string, string>, format: 'json' | 'xml' = 'json') {
  return t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${format}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(fields).toString(),
  });
}

/** A street-lamp report with a valid key and point, overridable field by field. */
async function report(fields: Record<string, string> = {}) {
  const res = await postForm({
    api_key: subdistrictKey,
    description: '铜都社区1栋门口路灯不亮',
    ...(fields.service_code ? {} : { service_code: 'street_lamp', 'attribute[lamp_state]': 'off' }),
    ...IN_TONGDU,
    ...fields,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json()[0] as { service_request_id: string; token: string; service_notice: string };
}

const get = (url: string) => t.app.inject({ method: 'GET', url });

/** How many work orders are filed (a refused request files none). */
const count = async () =>
  (
    (await t.database.db.execute(sql`select count(*)::int as n from work_orders`)) as unknown as {
      rows: { n: number }[];
    }
  ).rows[0]!.n;

/** Texts of every <tag> element (minimal XML reading for the tests). */
function xmlTexts(xml: string, tag: string): string[] {
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>|<${tag}/>`, 'g'))].map((m) =>
    decode(m[1] ?? ''),
  );
}

describe('discovery and services (R-O311-1)', () => {
  it('discovery names the GeoReport v2 endpoint and both formats, in JSON and in XML', async () => {
    const json = await get('/open311/v2/discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-type']).toMatch(/^application\/json/);
    const d = json.json();
    expect(d.endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    expect(d.endpoints[0].url).toMatch(/\/open311\/v2\/$/);
    const xml = await get('/open311/v2/discovery.xml');
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml.body.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<discovery>')).toBe(true);
    expect(xmlTexts(xml.body, 'format')).toEqual(['text/xml', 'application/json']);
    expect(xmlTexts(xml.body, 'specification')).toEqual(['http://wiki.open311.org/GeoReport_v2']);
  });

  it('services are the active categories with metadata, realtime type, keywords and group, in JSON and XML', async () => {
    const services = (await get('/open311/v2/services.json')).json();
    const lamp = services.find((s: { service_code: string }) => s.service_code === 'street_lamp');
    expect(lamp).toEqual({
      service_code: 'street_lamp',
      service_name: '路灯损坏',
      description: expect.stringContaining('路灯'),
      metadata: true,
      type: 'realtime',
      keywords: '路灯,灯',
      group: '市政设施',
    });
    expect(services.length).toBeGreaterThanOrEqual(16);
    const en = await t.app.inject({
      method: 'GET',
      url: '/open311/v2/services.json',
      headers: { 'accept-language': 'en' },
    });
    expect(en.json()[0].service_name).toBe('Broken street lamp');
    const xml = (await get('/open311/v2/services.xml')).body;
    expect(xmlTexts(xml, 'service')).toHaveLength(services.length);
    expect(xmlTexts(xml, 'service_code')).toContain('street_lamp');
    expect(xmlTexts(xml, 'metadata')[0]).toBe('true');
    expect(xmlTexts(xml, 'type').every((x) => x === 'realtime')).toBe(true);
  });

  it('a service definition lists its attributes; an unknown service answers 404 as a list of {code, description}', async () => {
    const def = (await get('/open311/v2/services/street_lamp.json')).json();
    expect(def.service_code).toBe('street_lamp');
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual(['lamp_number', 'lamp_state']);
    expect(def.attributes[1]).toMatchObject({
      variable: true,
      datatype: 'singlevaluelist',
      required: true,
      order: 2,
      values: expect.arrayContaining([{ key: 'off', name: '不亮' }]),
    });
    expect(def.attributes[0]).toMatchObject({ datatype: 'string', required: false });
    const xml = (await get('/open311/v2/services/street_lamp.xml')).body;
    expect(xml).toContain(
      '<service_definition><service_code>street_lamp</service_code><attributes><attribute>',
    );
    expect(xmlTexts(xml, 'key')).toContain('flickering');

    const missing = await get('/open311/v2/services/flying_saucer.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual([{ code: 404, description: '服务代码 flying_saucer 不存在' }]);
    const missingXml = await get('/open311/v2/services/flying_saucer.xml');
    expect(missingXml.statusCode).toBe(404);
    expect(xmlTexts(missingXml.body, 'code')).toEqual(['404']);
    expect(missingXml.body).toContain('<errors><error><code>404</code><description>');
    // Without a known format suffix the resource does not exist either.
    expect((await get('/open311/v2/services/street_lamp.csv')).statusCode).toBe(404);
    expect((await get('/open311/v2/nothing.json')).json()[0].code).toBe(404);
  });
});

describe('POST requests (R-O311-1)', () => {
  it('a form-encoded POST with a valid key creates a work order that the jurisdiction dispatcher sees in /api/work-orders', async () => {
    const res = await postForm({
      api_key: subdistrictKey,
      service_code: 'street_lamp',
      description: '铜都社区1栋门口路灯不亮',
      'attribute[lamp_number]': 'XL-0123',
      'attribute[lamp_state]': 'off',
      first_name: '明',
      last_name: '李',
      phone: '13900002222',
      email: 'li@example.com',
      account_id: 'acct-42',
      media_url: 'https://img.example.com/lamp.jpg',
      ...IN_TONGDU,
    });
    expect(res.statusCode).toBe(201);
    const [created] = res.json();
    expect(created).toEqual({
      service_request_id: expect.stringMatching(/^WO\d{14}$/),
      service_notice: expect.stringContaining('办结时限'),
      account_id: 'acct-42',
      token: expect.any(String),
    });

    const dispatcher = await t.as('dispatcher');
    const list = (await dispatcher.get(`/api/work-orders?q=${created.service_request_id}`)).json();
    expect(list.items).toHaveLength(1);
    const order = list.items[0];
    expect(order).toMatchObject({
      channel: 'transfer_12345',
      kind: 'complaint',
      categoryCode: 'street_lamp',
      status: 'submitted',
      gridId: t.fx.tongduGrid.id, // R-WO-4: routed by the point
      requesterName: '李明',
      requesterPhone: '139****2222',
    });
    expect(order.description).toContain('路灯编号:XL-0123');
    expect(order.description).toContain('路灯状态:不亮');
    const detail = (await dispatcher.get(`/api/work-orders/${order.id}`)).json();
    expect(detail.actions).toContain('dispatch');
  });

  it('JSON bodies are accepted too, with attributes as an object, and a consult service files a consult', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: {
        api_key: subdistrictKey,
        service_code: 'policy_consult',
        description: '养老保险怎么转移?',
        address_string: '新下陆街道铜都社区',
        attribute: { topic: 'social_security' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const number = res.json()[0].service_request_id;
    const dispatcher = await t.as('dispatcher');
    const order = (await dispatcher.get(`/api/work-orders?q=${number}`)).json().items[0];
    expect(order).toMatchObject({ kind: 'consult', communityId: t.fx.tongdu.id });
  });

  it('a bad, missing or revoked api_key answers 403 as a list of {code, description}, in JSON and XML', async () => {
    const bad = await postForm({ api_key: 'o311_nope', service_code: 'street_lamp', ...IN_TONGDU });
    expect(bad.statusCode).toBe(403);
    expect(bad.json()).toEqual([{ code: 403, description: 'api_key 缺失、无效或已停用' }]);
    const missing = await postForm({ service_code: 'street_lamp', ...IN_TONGDU });
    expect(missing.statusCode).toBe(403);
    const xml = await postForm({ api_key: 'o311_nope', service_code: 'street_lamp' }, 'xml');
    expect(xml.statusCode).toBe(403);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xmlTexts(xml.body, 'code')).toEqual(['403']);
    // A bad key on a read is refused too, rather than silently read as public.
    expect((await get('/open311/v2/requests.json?api_key=o311_nope')).statusCode).toBe(403);
  });

  it('a missing location, a missing required attribute or half a point answer 400', async () => {
    const noPlace = await postForm({
      api_key: subdistrictKey,
      service_code: 'street_lamp',
      'attribute[lamp_state]': 'off',
    });
    expect(noPlace.statusCode).toBe(400);
    expect(noPlace.json()).toEqual([
      { code: 400, description: '请提供位置：lat 和 long，或 address_string，或 address_id' },
    ]);
    const noCode = await postForm({ api_key: subdistrictKey, ...IN_TONGDU });
    expect(noCode.json()).toEqual([{ code: 400, description: '缺少参数 service_code' }]);
    const attrs = await postForm({
      api_key: subdistrictKey,
      service_code: 'street_lamp',
      'attribute[colour]': 'red',
      ...IN_TONGDU,
    });
    expect(attrs.statusCode).toBe(400);
    expect(attrs.json().map((e: { description: string }) => e.description)).toEqual([
      '该服务未定义属性 colour',
      '缺少必填属性 lamp_state',
    ]);
    const badValue = await postForm({
      api_key: subdistrictKey,
      service_code: 'street_lamp',
      'attribute[lamp_state]': 'exploded',
      ...IN_TONGDU,
    });
    expect(badValue.json()).toEqual([{ code: 400, description: '属性 lamp_state 的值无效' }]);
    const half = await postForm({
      api_key: subdistrictKey,
      service_code: 'street_lamp',
      'attribute[lamp_state]': 'off',
      lat: '30.165',
    });
    expect(half.json()).toEqual([{ code: 400, description: '缺少参数 long' }]);
    const badPhone = await postForm({
      api_key: subdistrictKey,
      service_code: 'street_lamp',
      'attribute[lamp_state]': 'off',
      phone: '12345',
      ...IN_TONGDU,
    });
    expect(badPhone.json()).toEqual([{ code: 400, description: '参数 phone 无效' }]);
    const en = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      payload: `api_key=${subdistrictKey}&service_code=street_lamp&attribute[lamp_state]=off`,
    });
    expect(en.json()[0].description).toBe(
      'A location is required: lat and long, address_string or address_id',
    );
    const nul = await postForm({
      api_key: subdistrictKey,
      service_code: 'street_lamp',
      description: 'a\u0000b',
    });
    expect(nul.json()).toEqual([{ code: 400, description: '内容中含有不允许的控制字符' }]);
    const broken = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/json' },
      payload: '{"api_key":',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()[0].code).toBe(400);
  });

  it('a form with thousands of repeated fields is refused at once with 400, not parsed for minutes', async () => {
    const started = Date.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'media_url=&'.repeat(20_000),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: '请求内容嵌套过深或字段过多' }]);
    expect(Date.now() - started).toBeLessThan(5_000);
    const fine = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `api_key=${subdistrictKey}&service_code=street_lamp&${'media_url=x&'.repeat(3)}`,
    });
    expect(fine.statusCode).toBe(400);
    expect(fine.json()[0].description).not.toBe('请求内容嵌套过深或字段过多');
  });

  it('a location outside the key jurisdiction is refused with 400 and nothing is filed', async () => {
    const before = await count();
    const res = await postForm({
      api_key: xihuayuanKey,
      service_code: 'street_lamp',
      'attribute[lamp_state]': 'off',
      ...IN_TONGDU,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: '该位置不在此 api_key 的管辖范围内' }]);
    expect(await count()).toBe(before);
    // An address the tree cannot place files into the key's own community.
    const placed = await postForm({
      api_key: xihuayuanKey,
      service_code: 'garbage',
      'attribute[garbage_type]': 'bulky',
      address_string: '5栋楼下',
    });
    expect(placed.statusCode, placed.body).toBe(201);
    const order = (
      await (await t.as('xhy_worker')).get(`/api/work-orders?q=${placed.json()[0].service_request_id}`)
    ).json();
    expect(order.total).toBe(0); // not dispatched yet: the subdistrict's queue
    const d = await t.as('dispatcher');
    expect(
      (await d.get(`/api/work-orders?q=${placed.json()[0].service_request_id}`)).json().items[0],
    ).toMatchObject({
      communityId: t.fx.xihuayuan.id,
      channel: 'open311',
    });
  });
});

describe('unknown services and jurisdictions are 404 (R-O311-1)', () => {
  it('a POST naming an unknown service_code answers 404 with the GeoReport error list, in JSON and XML, and files nothing', async () => {
    const before = await count();
    const json = await postForm({ api_key: subdistrictKey, service_code: 'ufo', ...IN_TONGDU });
    expect(json.statusCode).toBe(404);
    expect(json.json()).toEqual([{ code: 404, description: '服务代码 ufo 不存在' }]);
    const xml = await postForm({ api_key: subdistrictKey, service_code: 'ufo', ...IN_TONGDU }, 'xml');
    expect(xml.statusCode).toBe(404);
    expect(xml.headers['content-type']).toMatch(/^text\/xml/);
    expect(xml.body).toContain(
      '<errors><error><code>404</code><description>服务代码 ufo 不存在</description></error></errors>',
    );
    expect(await count()).toBe(before);
  });

  it('a POST naming an unknown jurisdiction_id, or one outside the key, answers the same 404 and files nothing', async () => {
    const before = await count();
    const base = {
      service_code: 'street_lamp',
      'attribute[lamp_state]': 'off',
      ...IN_TONGDU,
    };
    const unknown = await postForm({ api_key: subdistrictKey, jurisdiction_id: '420204999999', ...base });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toEqual([{ code: 404, description: '管辖区 420204999999 不存在' }]);
    const xml = await postForm({ api_key: subdistrictKey, jurisdiction_id: '420204999999', ...base }, 'xml');
    expect(xml.statusCode).toBe(404);
    expect(xml.body).toContain(
      '<errors><error><code>404</code><description>管辖区 420204999999 不存在</description></error></errors>',
    );
    // 铜都社区 exists, but not for 西花苑's key: the same answer as a code that names nothing.
    const outside = await postForm({ api_key: xihuayuanKey, jurisdiction_id: '420204003001', ...base });
    expect(outside.statusCode).toBe(404);
    expect(outside.json()).toEqual([{ code: 404, description: '管辖区 420204003001 不存在' }]);
    const en = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      payload: new URLSearchParams({
        api_key: subdistrictKey,
        jurisdiction_id: 'nowhere',
        ...base,
      }).toString(),
    });
    expect(en.json()).toEqual([{ code: 404, description: 'Unknown jurisdiction_id nowhere' }]);
    expect(await count()).toBe(before);
    // Its own jurisdiction is accepted.
    const ok = await postForm({ api_key: subdistrictKey, jurisdiction_id: '420204003001', ...base });
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('GET services, a service definition and a request with an unknown jurisdiction_id answer 404 too', async () => {
    const { service_request_id: id } = await report();
    for (const url of [
      '/open311/v2/services.json?jurisdiction_id=999',
      '/open311/v2/services/street_lamp.json?jurisdiction_id=999',
      `/open311/v2/requests/${id}.json?jurisdiction_id=999`,
      '/open311/v2/requests.json?jurisdiction_id=999',
    ]) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json(), url).toEqual([{ code: 404, description: '管辖区 999 不存在' }]);
    }
    const xml = await get('/open311/v2/services.xml?jurisdiction_id=999');
    expect(xml.statusCode).toBe(404);
    expect(xmlTexts(xml.body, 'code')).toEqual(['404']);
    // A known jurisdiction answers as before.
    expect((await get('/open311/v2/services.json?jurisdiction_id=420204003001')).statusCode).toBe(200);
    expect((await get('/open311/v2/services/street_lamp.json?jurisdiction_id=420204003001')).statusCode).toBe(
      200,
    );
    expect((await get(`/open311/v2/requests/${id}.json?jurisdiction_id=420204003001`)).statusCode).toBe(200);
    // A request of another jurisdiction is not found there.
    expect((await get(`/open311/v2/requests/${id}.json?jurisdiction_id=420204003002`)).statusCode).toBe(404);
    expect((await get('/open311/v2/requests/WO000000000000.json')).json()).toEqual([
      { code: 404, description: '服务请求 WO000000000000 不存在' },
    ]);
  });
});

describe('GET requests (R-O311-1)', () => {
  it('a request reads back by id with the GeoReport fields, times in +08:00 and expected_datetime = due date; unknown ids answer 404', async () => {
    const { service_request_id: id } = await report({ media_url: 'https://img.example.com/a.jpg' });
    const withKey = (await get(`/open311/v2/requests/${id}.json?api_key=${subdistrictKey}`)).json();
    expect(withKey).toHaveLength(1);
    const r = withKey[0];
    expect(Object.keys(r)).toEqual([
      'service_request_id',
      'status',
      'status_notes',
      'service_name',
      'service_code',
      'description',
      'agency_responsible',
      'service_notice',
      'requested_datetime',
      'updated_datetime',
      'expected_datetime',
      'address',
      'address_id',
      'zipcode',
      'lat',
      'long',
      'media_url',
    ]);
    expect(r).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: '诉求已受理',
      service_name: '路灯损坏',
      service_code: 'street_lamp',
      description: '铜都社区1栋门口路灯不亮',
      agency_responsible: '新下陆街道',
      requested_datetime: '2026-11-23T09:00:00+08:00',
      lat: 30.165,
      long: 114.93,
      media_url: 'https://img.example.com/a.jpg',
    });
    expect(r.expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    const dispatcher = await t.as('dispatcher');
    const order = (await dispatcher.get(`/api/work-orders?q=${id}`)).json().items[0];
    expect(r.expected_datetime).toBe(isoChina(new Date(order.dueAt)));

    const xml = (await get(`/open311/v2/requests/${id}.xml`)).body;
    expect(xml).toContain('<service_requests><request><service_request_id>');
    expect(xmlTexts(xml, 'status')).toEqual(['open']);
    expect(xmlTexts(xml, 'zipcode')).toEqual(['']);

    const missing = await get('/open311/v2/requests/WO20990101000001.json');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()[0]).toEqual({ code: 404, description: '服务请求 WO20990101000001 不存在' });
    // A key reads its own jurisdiction only.
    expect((await get(`/open311/v2/requests/${id}.json?api_key=${xihuayuanKey}`)).statusCode).toBe(404);
  });

  it('public reads (no api_key) carry no personal data: no names or phones, a masked address, a rounded point, no media', async () => {
    const { service_request_id: id } = await report({
      description: '路灯坏了,联系我 13811112222',
      first_name: '小红',
      last_name: '王',
      phone: '13811112222',
      address_string: '铜都社区1栋3单元302室',
      lat: '30.16543',
      long: '114.93021',
      media_url: 'https://img.example.com/b.jpg',
    });
    const res = await get(`/open311/v2/requests/${id}.json`);
    const body = res.body;
    expect(body).not.toContain('13811112222');
    expect(body).not.toContain('小红');
    expect(body).not.toContain('302');
    const [r] = res.json();
    expect(r.description).toBe('路灯坏了,联系我 138****2222');
    expect(r).toMatchObject({ lat: 30.165, long: 114.93, media_url: null });
    expect(r.address).toMatch(/\*\*\*\*$/);
    // The key holder gets the exact place, but still never the requester's name or phone.
    const full = await get(`/open311/v2/requests/${id}.json?api_key=${subdistrictKey}`);
    expect(full.json()[0]).toMatchObject({ address: '铜都社区1栋3单元302室', lat: 30.16543 });
    expect(full.body).not.toContain('13811112222');
    expect(full.body).not.toContain('小红');
  });

  it('GET requests filters by status, service_code, start/end dates and a list of ids, within the last 90 days by default', async () => {
    t.clock.set(new Date('2026-12-01T10:00:00+08:00'));
    const a = await report({ service_code: 'noise', 'attribute[noise_source]': 'construction' });
    t.clock.set(new Date('2026-12-05T10:00:00+08:00'));
    const b = await report({
      service_code: 'noise',
      'attribute[noise_source]': 'commercial',
      'attribute[time_period][]': 'night',
    });
    const c = await report({ service_code: 'road_damage', 'attribute[damage_type]': 'pothole' });
    const ids = (url: string) =>
      get(url).then((r) => {
        expect(r.statusCode, r.body).toBe(200);
        return r.json().map((x: { service_request_id: string }) => x.service_request_id);
      });

    expect(await ids('/open311/v2/requests.json?service_code=noise')).toEqual([
      b.service_request_id,
      a.service_request_id,
    ]);
    expect(await ids('/open311/v2/requests.json?service_code=noise,road_damage')).toEqual([
      c.service_request_id,
      b.service_request_id,
      a.service_request_id,
    ]);
    expect(
      await ids(
        '/open311/v2/requests.json?service_code=noise&start_date=2026-12-01T00:00:00%2B08:00&end_date=2026-12-03T00:00:00Z',
      ),
    ).toEqual([a.service_request_id]);
    expect(await ids('/open311/v2/requests.json?service_code=noise&start_date=2026-12-04')).toEqual([
      b.service_request_id,
    ]);
    expect(await ids('/open311/v2/requests.json?service_code=noise&end_date=2026-12-02')).toEqual([
      a.service_request_id,
    ]);
    expect(await ids('/open311/v2/requests.json?service_code=noise&status=closed')).toEqual([]);
    expect(await ids('/open311/v2/requests.json?service_code=noise&status=open')).toEqual([
      b.service_request_id,
      a.service_request_id,
    ]);
    // service_request_id overrides every other filter.
    expect(
      await ids(
        `/open311/v2/requests.json?service_request_id=${a.service_request_id},${c.service_request_id}&service_code=heating`,
      ),
    ).toEqual([c.service_request_id, a.service_request_id]);
    // Outside the default window of 90 days.
    t.clock.set(new Date('2027-04-01T10:00:00+08:00'));
    expect(await ids('/open311/v2/requests.json?service_code=noise')).toEqual([]);
    t.clock.set(new Date('2026-12-05T10:00:00+08:00'));

    const tooLong = await get('/open311/v2/requests.json?start_date=2026-01-01&end_date=2026-12-01');
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toEqual([
      { code: 400, description: 'start_date 与 end_date 的跨度不能超过 90 天' },
    ]);
    expect((await get('/open311/v2/requests.json?status=pending')).json()).toEqual([
      { code: 400, description: '参数 status 无效' },
    ]);
    expect((await get('/open311/v2/requests.json?start_date=2026-02-31')).statusCode).toBe(400);
    // jurisdiction_id (a division code or unit id) narrows a public read to a subtree.
    expect(
      await ids('/open311/v2/requests.json?service_code=noise&jurisdiction_id=420204003001'),
    ).toHaveLength(2);
    expect(await ids('/open311/v2/requests.json?service_code=noise&jurisdiction_id=420204003002')).toEqual(
      [],
    );
    const nowhere = await get('/open311/v2/requests.json?jurisdiction_id=999');
    expect(nowhere.statusCode).toBe(404);
    expect(nowhere.json()).toEqual([{ code: 404, description: '管辖区 999 不存在' }]);
    // The key's jurisdiction: 西花苑's key does not see 铜都's noise.
    expect(await ids(`/open311/v2/requests.json?service_code=noise&api_key=${xihuayuanKey}`)).toEqual([]);
    expect(await ids(`/open311/v2/requests.json?service_code=noise&api_key=${subdistrictKey}`)).toHaveLength(
      2,
    );
  });

  it('tokens resolve to the request they created; an unknown token answers 404', async () => {
    const posted = await postForm(
      {
        api_key: subdistrictKey,
        service_code: 'street_lamp',
        'attribute[lamp_state]': 'flickering',
        ...IN_TONGDU,
      },
      'xml',
    );
    expect(posted.statusCode).toBe(201);
    expect(posted.headers['content-type']).toMatch(/^text\/xml/);
    const id = xmlTexts(posted.body, 'service_request_id')[0]!;
    const token = xmlTexts(posted.body, 'token')[0]!;
    expect(id).toMatch(/^WO\d{14}$/);
    expect(xmlTexts(posted.body, 'account_id')).toEqual(['']);
    expect((await get(`/open311/v2/tokens/${token}.json`)).json()).toEqual([
      { service_request_id: id, token },
    ]);
    const xml = (await get(`/open311/v2/tokens/${token}.xml`)).body;
    expect(xmlTexts(xml, 'service_request_id')).toEqual([id]);
    const missing = await get('/open311/v2/tokens/not-a-token.xml');
    expect(missing.statusCode).toBe(404);
    expect(xmlTexts(missing.body, 'description')).toEqual(['令牌不存在']);
    // The same token follows the order on the requester's public page.
    expect((await t.anonymous.get(`/api/public/work-orders/${id}?token=${token}`)).statusCode).toBe(200);
  });

  it('an order cancelled by the dispatcher reads as closed (closed/cancelled/duplicate/diverted = closed)', async () => {
    const { service_request_id: id } = await report({
      service_code: 'parking',
      'attribute[issue]': 'abandoned',
    });
    const dispatcher = await t.as('dispatcher');
    const order = (await dispatcher.get(`/api/work-orders?q=${id}`)).json().items[0];
    const cancelled = await dispatcher.post(`/api/work-orders/${order.id}/actions`, {
      action: 'cancel',
      note: '重复来电,已电话说明',
    });
    expect(cancelled.json().status).toBe('cancelled');
    const [r] = (await get(`/open311/v2/requests/${id}.json`)).json();
    expect(r.status).toBe('closed');
    expect(r.status_notes).toBe('诉求已受理'); // the internal cancel note is not public
    const closed = (await get('/open311/v2/requests.json?status=closed&service_code=parking')).json();
    expect(closed.map((x: { service_request_id: string }) => x.service_request_id)).toEqual([id]);
  });

  it('XML escapes <, & and > in descriptions (and drops characters XML cannot carry)', async () => {
    const { service_request_id: id } = await report({ description: '灯杆<3号> & "4号" 都不亮 \u0007' });
    const xml = (await get(`/open311/v2/requests/${id}.xml`)).body;
    expect(xml).toContain('<description>灯杆&lt;3号&gt; &amp; &quot;4号&quot; 都不亮 </description>');
    expect(xml).not.toContain('<3号>');
    expect(xmlTexts(xml, 'description')).toEqual(['灯杆<3号> & "4号" 都不亮 ']);
    expect(escapeXml("a'b\u0000c")).toBe('a&apos;bc');
  });

  it('matters about people (hardship, disputes) show only their status publicly', async () => {
    const { service_request_id: id } = await report({
      service_code: 'elderly_help',
      description: '独居老人行动不便,需要助餐',
      'attribute[help_type]': 'meals',
    });
    const [pub] = (await get(`/open311/v2/requests/${id}.json`)).json();
    expect(pub).toMatchObject({ status: 'open', description: null, address: null, lat: null, long: null });
    const [own] = (await get(`/open311/v2/requests/${id}.json?api_key=${subdistrictKey}`)).json();
    expect(own.description).toBe('独居老人行动不便,需要助餐');
  });
});

describe('API keys in the console (R-O311-1, open311.manage)', () => {
  it('a community worker may not list or create keys (403)', async () => {
    const worker = await t.as('tongdu_worker');
    expect((await worker.get('/api/open311/keys')).statusCode).toBe(403);
    expect(
      (await worker.post('/api/open311/keys', { name: 'x', orgUnitId: t.fx.tongdu.id })).statusCode,
    ).toBe(403);
  });

  it('keys are shown once, stored hashed, audited, scoped to their jurisdiction, and revoked keys answer 403 at once', async () => {
    const admin = await t.as('admin');
    const cityKey = await admin.post('/api/open311/keys', { name: '市 12345', orgUnitId: t.fx.city.id });
    expect(cityKey.statusCode).toBe(201);
    const created = cityKey.json();
    expect(created.apiKey).toMatch(/^o311_/);
    expect(created).toMatchObject({
      active: true,
      channel: 'open311',
      orgUnitName: '黄石市',
      createdByName: 'admin',
    });
    expect(created.apiKey.startsWith(created.keyPrefix)).toBe(true);
    const stored = (await t.database.db.execute(
      sql`select key_hash from open311_keys where id = ${created.id}`,
    )) as unknown as { rows: { key_hash: string }[] };
    expect(stored.rows[0]!.key_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.rows[0]!.key_hash).not.toContain(created.apiKey);

    // The listing never shows a key again; the subdistrict admin sees only keys of units in scope.
    const adminList = (await admin.get('/api/open311/keys')).json();
    expect(adminList.map((k: { id: string }) => k.id)).toContain(created.id);
    expect(JSON.stringify(adminList)).not.toContain(created.apiKey);
    expect(adminList.every((k: Record<string, unknown>) => !('apiKey' in k))).toBe(true);
    const sd = await t.as('sd_admin');
    const sdList = (await sd.get('/api/open311/keys')).json();
    expect(sdList.map((k: { name: string }) => k.name).sort()).toEqual(['西花苑小程序', '黄石 12345 平台']);
    expect((await sd.post(`/api/open311/keys/${created.id}/revoke`)).statusCode).toBe(404);
    const outside = await sd.post('/api/open311/keys', { name: 'x', orgUnitId: t.fx.city.id });
    expect(outside.statusCode).toBe(422);
    const grid = await sd.post('/api/open311/keys', { name: 'x', orgUnitId: t.fx.tongduGrid.id });
    expect(grid.json().error.details.fields[0].code).toBe('open311.unit_kind');

    // A city key files anywhere in the city and is used.
    const ok = await postForm({
      api_key: created.apiKey,
      service_code: 'greening',
      'attribute[issue]': 'fallen_tree',
      ...IN_TONGDU,
    });
    expect(ok.statusCode).toBe(201);
    expect(
      (await admin.get('/api/open311/keys')).json().find((k: { id: string }) => k.id === created.id)
        .lastUsedAt,
    ).not.toBeNull();

    const revoked = await admin.post(`/api/open311/keys/${created.id}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({ active: false, revokedAt: expect.any(String) });
    expect((await admin.post(`/api/open311/keys/${created.id}/revoke`)).statusCode).toBe(409);
    const refused = await postForm({
      api_key: created.apiKey,
      service_code: 'greening',
      'attribute[issue]': 'fallen_tree',
      ...IN_TONGDU,
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()[0].code).toBe(403);
    expect((await get(`/open311/v2/requests.json?api_key=${created.apiKey}`)).statusCode).toBe(403);

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, created.id));
    expect(audit.map((a) => a.action)).toEqual(['open311.key_create', 'open311.key_revoke']);
    expect(JSON.stringify(audit)).not.toContain(created.apiKey);
    // Orders filed with a key are audited under the key's name.
    const intakeAudit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'work_orders.intake'));
    expect(intakeAudit.some((a) => a.actorName === 'Open311 · 市 12345')).toBe(true);
  });
});

describe('Open311 helpers', () => {
  it('reads W3C date-times with or without an offset (China time by default) and refuses impossible dates', () => {
    expect(parseDateTime('2026-12-01')?.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(parseDateTime('2026-12-01T08:30:00Z')?.toISOString()).toBe('2026-12-01T08:30:00.000Z');
    expect(parseDateTime('2026-12-01T08:30:00.123456-0500')?.toISOString()).toBe('2026-12-01T13:30:00.123Z');
    expect(parseDateTime('2026-02-31')).toBeNull();
    expect(parseDateTime('2026-12-01T25:00')).toBeNull();
    expect(parseDateTime('yesterday')).toBeNull();
  });

  it('masks phone and identity numbers in free text', () => {
    expect(maskText('电话 13800001111 或 0714-6543210,身份证 420204199001011234')).toBe(
      '电话 138****1111 或 0714****10,身份证 420204********1234',
    );
  });
});
