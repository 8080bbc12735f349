import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../../test/app';
import { signInStaff } from '../../../../test/staff';
import { residents } from '../residents/residents.table';
import { distanceM } from './facilities.coverage';

let t: TestApp;
let sd: Client;
let tongdu: Client;
let xhy: Client;
beforeAll(async () => {
  t = await createTestApp();
  ({ sd, tongdu, xhy } = await signInStaff(t));
});
afterAll(() => t.close());

/** Degrees of latitude for `m` metres due north (haversine's mean Earth radius). */
const north = (m: number) => m / ((6_371_008.8 * Math.PI) / 180);
const BASE = { lat: 30.165, lng: 114.93 };

async function village(name: string, attrs: Record<string, unknown> = { urbanVillage: true }) {
  const res = await sd.post('/api/org/units', {
    parentId: t.fx.subdistrict.id,
    kind: 'community',
    name,
    lat: BASE.lat,
    lng: BASE.lng,
    attrs,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; path: string };
}

async function facility(unitId: string, kind: string, name: string, metresNorth: number, extra = {}) {
  const res = await sd.post('/api/facilities', {
    orgUnitId: unitId,
    kind,
    name,
    lat: BASE.lat + north(metresNorth),
    lng: BASE.lng,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; version: number };
}

async function coverageOf(id: string) {
  const res = await sd.get(`/api/facilities/coverage?orgUnitId=${id}`);
  expect(res.statusCode).toBe(200);
  return res.json().rows[0];
}

describe('facility registry (R-FC-1)', () => {
  it('R-FC-1 kinds are data seeded from the seeds, with the 11 categories of seed 003', async () => {
    const kinds = (await sd.get('/api/facilities/kinds')).json().items as {
      key: string;
      nameZh: string;
      category: string;
      role: string | null;
    }[];
    const names = kinds.map((k) => k.nameZh);
    for (const n of [
      '党群服务中心',
      '邻里驿站',
      '新时代文明实践站',
      '幸福食堂',
      '零工驿站',
      '居民议事厅',
      '未成年人保护中心',
    ])
      expect(names).toContain(n);
    expect(new Set(kinds.map((k) => k.category)).size).toBe(11);
    expect(kinds.find((k) => k.key === 'party_mass_centre')?.role).toBe('centre');
    expect(kinds.find((k) => k.key === 'service_sub_station')?.role).toBe('sub_station');
  });

  it('registers a facility with point, area, hours and operator; lists it in scope only; audits it', async () => {
    const f = await tongdu.post('/api/facilities', {
      orgUnitId: t.fx.tongdu.id,
      kind: 'neighbour_station',
      name: '铜都邻里驿站',
      lat: 30.166,
      lng: 114.931,
      areaM2: 120,
      hours: '周一至周日 8:30—20:00',
      operator: '铜都社区居委会',
      operatorKind: 'community',
      staffCount: 2,
    });
    expect(f.statusCode, f.body).toBe(200);
    expect(f.json()).toMatchObject({ kindNameZh: '邻里驿站', communityName: '铜都社区', canEdit: true });
    const mine = (await tongdu.get('/api/facilities?q=邻里驿站')).json();
    expect(mine.items.map((x: { name: string }) => x.name)).toContain('铜都邻里驿站');
    // Another community's worker neither lists nor opens it.
    expect((await xhy.get('/api/facilities?q=铜都邻里驿站')).json().total).toBe(0);
    expect((await xhy.get(`/api/facilities/${f.json().id}`)).statusCode).toBe(404);
    expect((await xhy.get(`/api/facilities?orgUnitId=${t.fx.tongdu.id}`)).statusCode).toBe(404);
    const upd = await tongdu.patch(`/api/facilities/${f.json().id}`, { staffCount: 3, version: 1 });
    expect(upd.json().staffCount).toBe(3);
    const stale = await tongdu.patch(`/api/facilities/${f.json().id}`, { staffCount: 4, version: 1 });
    expect(stale.statusCode).toBe(409);
    const audit = (await (await t.as('admin')).get('/api/audit?entityType=fc_facility')).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['facilities.create', 'facilities.update']),
    );
  });

  it('refuses bad input with a message in the user’s language, never a 500', async () => {
    /** Registers a facility at 铜都社区 unless `orgUnitId` says otherwise. */
    const register = (body: Record<string, unknown>) =>
      tongdu.post('/api/facilities', { orgUnitId: t.fx.tongdu.id, ...body });
    const half = await register({ kind: 'neighbour_station', name: '半个坐标', lat: 30.1 });
    expect(half.statusCode).toBe(400);
    const unknown = await register({ kind: 'no_such_kind', name: '未知类型' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.message).toBe('设施类型不存在或已停用');
    const order = await register({
      kind: 'service_room',
      name: '新建小区社区用房',
      plannedOn: '2025-05-01',
      builtOn: '2025-01-01',
    });
    expect(order.json().error.code).toBe('facilities.dates_order');
    const building = await register({
      orgUnitId: t.fx.tongduBuilding.id,
      kind: 'neighbour_station',
      name: '楼栋里',
    });
    expect(building.json().error.code).toBe('facilities.unit_kind');
  });

  it('civil affairs adds a kind; others may not', async () => {
    const readingRoom = (c: Client, nameEn = 'Village reading room') =>
      c.post('/api/facilities/kinds', {
        key: 'reading_room',
        nameZh: '农家书屋',
        nameEn,
        category: 'culture',
      });
    expect((await readingRoom(sd)).statusCode).toBe(403);
    const admin = await t.as('admin');
    const k = await readingRoom(admin);
    expect(k.statusCode, k.body).toBe(200);
    expect((await readingRoom(admin, 'x')).statusCode).toBe(409);
  });

  it('exports the registry as .xlsx', async () => {
    const res = await sd.get('/api/facilities/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('seed 003 五.2 (S003-61): a facility’s operating mode, contract term and yearly fee', () => {
  it('seed 003 (S003-61): creates and updates a facility with its mode, contract dates and fee; audits the change', async () => {
    const created = await tongdu.post('/api/facilities', {
      orgUnitId: t.fx.tongdu.id,
      kind: 'happiness_canteen',
      name: '铜都幸福食堂（有偿使用）',
      operator: '爱心餐饮服务社',
      operatorKind: 'social_org',
      operationMode: 'paid_use',
      contractStartOn: '2025-03-01',
      contractEndOn: '2028-02-29',
      yearlyFeeFen: 1_200_000,
    });
    expect(created.statusCode, created.body).toBe(200);
    const f = created.json();
    expect(f).toMatchObject({
      operationMode: 'paid_use',
      contractStartOn: '2025-03-01',
      contractEndOn: '2028-02-29',
      yearlyFeeFen: 1_200_000,
    });
    const upd = await tongdu.patch(`/api/facilities/${f.id}`, {
      operationMode: 'ppp',
      contractEndOn: '2035-12-31',
      yearlyFeeFen: 0,
      version: f.version,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect((await tongdu.get(`/api/facilities/${f.id}`)).json()).toMatchObject({
      operationMode: 'ppp',
      contractStartOn: '2025-03-01',
      contractEndOn: '2035-12-31',
      yearlyFeeFen: 0,
    });
    // Cleared with null; a facility without a mode reads null.
    const cleared = await tongdu.patch(`/api/facilities/${f.id}`, {
      operationMode: null,
      yearlyFeeFen: null,
      version: f.version + 1,
    });
    expect(cleared.json()).toMatchObject({
      operationMode: null,
      yearlyFeeFen: null,
      contractEndOn: '2035-12-31',
    });
    const audit = (
      await (await t.as('admin')).get(`/api/audit?entityType=fc_facility&entityId=${f.id}`)
    ).json();
    const change = audit.items.find(
      (a: { action: string; after: Record<string, unknown> | null }) =>
        a.action === 'facilities.update' && a.after?.operationMode === 'ppp',
    );
    expect(change, JSON.stringify(audit.items)).toBeTruthy();
    expect(change.before).toMatchObject({ operationMode: 'paid_use', contractEndOn: '2028-02-29' });
  });

  it('seed 003 (S003-61): a contract ending before it starts is a 422 with a Chinese message, on create and on update', async () => {
    const bad = await tongdu.post('/api/facilities', {
      orgUnitId: t.fx.tongdu.id,
      kind: 'nursery',
      name: '倒签合同托育中心',
      operationMode: 'government_purchase',
      contractStartOn: '2026-01-01',
      contractEndOn: '2025-12-31',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({
      code: 'facilities.contract_dates',
      message: '运营合同的终止日期不能早于起始日期',
    });
    // Same day is a one-day contract, allowed.
    const ok = await tongdu.post('/api/facilities', {
      orgUnitId: t.fx.tongdu.id,
      kind: 'nursery',
      name: '一日合同托育中心',
      contractStartOn: '2026-01-01',
      contractEndOn: '2026-01-01',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // On update the new end is checked against the stored start.
    const early = await tongdu.patch(`/api/facilities/${ok.json().id}`, {
      contractEndOn: '2025-06-30',
      version: ok.json().version,
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.code).toBe('facilities.contract_dates');
    const unknownMode = await tongdu.post('/api/facilities', {
      orgUnitId: t.fx.tongdu.id,
      kind: 'nursery',
      name: '未知模式',
      operationMode: 'bot',
    });
    expect(unknownMode.statusCode).toBe(400);
  });

  it('seed 003 (S003-61): the list filters by operating mode, within the actor’s scope; the export carries it', async () => {
    for (const [name, operationMode] of [
      ['政府采购社工站', 'government_purchase'],
      ['合作模式养老院', 'ppp'],
    ] as const)
      expect(
        (
          await tongdu.post('/api/facilities', {
            orgUnitId: t.fx.tongdu.id,
            kind: 'social_work_station',
            name,
            operationMode,
          })
        ).statusCode,
      ).toBe(200);
    const list = (await tongdu.get('/api/facilities?operationMode=government_purchase&pageSize=100')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(
      list.items.every((x: { operationMode: string }) => x.operationMode === 'government_purchase'),
    ).toBe(true);
    expect(list.items.map((x: { name: string }) => x.name)).toContain('政府采购社工站');
    expect(list.items.map((x: { name: string }) => x.name)).not.toContain('合作模式养老院');
    // Another community's worker does not see 铜都's.
    const other = (
      await xhy.get('/api/facilities?operationMode=government_purchase&q=政府采购社工站')
    ).json();
    expect(other.total).toBe(0);
    expect((await tongdu.get('/api/facilities?operationMode=nonsense')).statusCode).toBe(400);
    const xlsx = await tongdu.get('/api/facilities/export.xlsx?operationMode=ppp');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const modeCol = header.indexOf('运营模式') + 1;
    expect(modeCol).toBeGreaterThan(0);
    expect(header).toEqual(expect.arrayContaining(['合同起始日期', '合同终止日期', '年费（元）']));
    const names = [] as unknown[];
    ws.eachRow((row, i) => {
      if (i > 1) {
        names.push(row.getCell(header.indexOf('名称') + 1).value);
        expect(row.getCell(modeCol).value).toBe('政府和社会资本合作（PPP）');
      }
    });
    expect(names).toContain('合作模式养老院');
  });
});

describe('coverage computed from coordinates (R-ORG-5, R-ORG-6)', () => {
  it('distance is the great-circle distance in metres', () => {
    expect(distanceM(BASE, { lat: BASE.lat + north(1000), lng: BASE.lng })).toBe(1000);
    // 0.01° of longitude at 30.165° N ≈ 961 m.
    expect(distanceM(BASE, { lat: BASE.lat, lng: BASE.lng + 0.01 })).toBe(961);
  });

  it('R-ORG-5 an urban village exactly 1,000 m from its centre needs a sub-station (以上 is inclusive)', async () => {
    const v = await village('千米村');
    await facility(v.id, 'party_mass_centre', '千米村党群服务中心', 1000);
    const row = await coverageOf(v.id);
    expect(row.distanceToCentreM).toBe(1000);
    expect(row.needsSubStation).toBe(true);
    expect(row.flags).toContain('sub_station_missing');
  });

  it('R-ORG-5 at 999 m no sub-station is needed; an ordinary community is never flagged', async () => {
    const v = await village('近郊村');
    await facility(v.id, 'party_mass_centre', '近郊村党群服务中心', 999);
    const row = await coverageOf(v.id);
    expect(row.distanceToCentreM).toBe(999);
    expect(row.needsSubStation).toBe(false);
    expect(row.flags).not.toContain('sub_station_missing');
    const c = await village('普通社区', {});
    await facility(c.id, 'party_mass_centre', '普通社区党群服务中心', 1500);
    const cr = await coverageOf(c.id);
    expect(cr.needsSubStation).toBe(false);
    expect(cr.flags).not.toContain('no_elderly_care');
  });

  it('R-ORG-5 a sub-station must have 1–2 workers: 0 and 3 are flagged, 1 and 2 pass', async () => {
    const v = await village('远郊村');
    await facility(v.id, 'party_mass_centre', '远郊村党群服务中心', 1800);
    const sub = await facility(v.id, 'service_sub_station', '远郊村综合服务分站', 0, { staffCount: 3 });
    expect((await coverageOf(v.id)).flags).toContain('sub_station_staffing');
    await sd.patch(`/api/facilities/${sub.id}`, { staffCount: 0, version: sub.version });
    expect((await coverageOf(v.id)).flags).toContain('sub_station_staffing');
    await sd.patch(`/api/facilities/${sub.id}`, { staffCount: 2, version: sub.version + 1 });
    const ok = await coverageOf(v.id);
    expect(ok.flags).not.toContain('sub_station_staffing');
    expect(ok.flags).not.toContain('sub_station_missing');
    expect(ok.subStations).toEqual([expect.objectContaining({ name: '远郊村综合服务分站', staffCount: 2 })]);
    // A closed sub-station no longer counts.
    await sd.patch(`/api/facilities/${sub.id}`, { status: 'closed', version: sub.version + 2 });
    expect((await coverageOf(v.id)).flags).toContain('sub_station_missing');
  });

  it('R-ORG-6 each urban village has elderly care in proportion to its permanent population', async () => {
    const v = await village('养老村');
    const grid = (
      await sd.post('/api/org/units', { parentId: v.id, kind: 'grid', name: '养老村网格' })
    ).json();
    const building = (
      await sd.post('/api/org/units', { parentId: grid.id, kind: 'building', name: '1栋' })
    ).json();
    let row = await coverageOf(v.id);
    expect(row.elderlyCareRequired).toBe(1);
    expect(row.flags).toContain('no_elderly_care');
    await facility(v.id, 'happiness_canteen', '养老村幸福食堂', 100);
    row = await coverageOf(v.id);
    expect(row.elderlyCareFacilities).toBe(1);
    expect(row.flags).not.toContain('no_elderly_care');
    // 5,001 permanent residents need two (one per 5,000, the product's stated ratio); migrants do not count.
    const { db } = t.database;
    const now = t.clock.now();
    const rows = Array.from({ length: 5001 }, (_, i) => ({
      id: t.deps.ids(),
      orgUnitId: building.id,
      orgPath: building.path,
      communityId: v.id,
      name: `居民${i}`,
      gender: 'female',
      registrationStatus: i % 2 ? 'registered' : 'permanent',
      createdAt: now,
      updatedAt: now,
    }));
    for (let i = 0; i < rows.length; i += 1000) await db.insert(residents).values(rows.slice(i, i + 1000));
    await db
      .insert(residents)
      .values({ ...rows[0]!, id: t.deps.ids(), name: '流动人口', registrationStatus: 'migrant' });
    row = await coverageOf(v.id);
    expect(row.permanentResidents).toBe(5001);
    expect(row.elderlyCareRequired).toBe(2);
    expect(row.flags).toContain('no_elderly_care');
  });

  it('the 15-minute life circle counts facilities within 1,000 m by category, from any keeper', async () => {
    const v = await village('生活圈社区', {});
    await facility(v.id, 'party_mass_centre', '生活圈党群服务中心', 0);
    await facility(v.id, 'health_station', '生活圈卫生服务站', 900);
    await facility(v.id, 'market', '远处菜市场', 1200);
    const row = await coverageOf(v.id);
    const byCat = Object.fromEntries(row.lifeCircle.map((c: { category: string }) => [c.category, c]));
    expect(byCat.medical).toMatchObject({ count: expect.any(Number), nearestM: 900 });
    expect(byCat.grassroots_governance.nearestM).toBe(0);
    expect(row.lifeCircleMissing).toContain('property_service');
    expect(row.flags).toContain('life_circle_gaps');
  });

  it('R-FC-1 counts grid party activity venues built this year per subdistrict against 10', async () => {
    const year = new Date(t.clock.now().getTime() + 8 * 3_600_000).getUTCFullYear();
    for (const [i, builtOn] of [`${year}-03-01`, `${year}-06-30`, `${year - 1}-12-31`].entries())
      await sd.post('/api/facilities', {
        orgUnitId: t.fx.tongdu.id,
        kind: 'grid_party_venue',
        name: `铜都网格党支部活动阵地${i + 1}`,
        builtOn,
      });
    const res = (await sd.get(`/api/facilities/coverage?orgUnitId=${t.fx.subdistrict.id}`)).json();
    expect(res.venues).toEqual([
      expect.objectContaining({ subdistrictName: t.fx.subdistrict.name, year, built: 2, target: 10 }),
    ]);
  });

  it('seed 003 三(一)4 (S003-25) counts council rooms built in the lab period against ≥2, in scope', async () => {
    const councilRooms = async (c: Client, unitId?: string) => {
      const res = await c.get(`/api/facilities/coverage${unitId ? `?orgUnitId=${unitId}` : ''}`);
      expect(res.statusCode).toBe(200);
      return res.json() as {
        councilRooms: { from: string; to: string; built: number; target: number; met: boolean };
        rows: { communityId: string; councilRooms: number }[];
      };
    };
    const tongduBefore = (await councilRooms(tongdu)).councilRooms.built;
    const v = await village('议事社区', {});
    const room = (name: string, builtOn?: string, kind = 'council_room') =>
      facility(v.id, kind, name, 50, builtOn ? { builtOn } : {});
    await room('议事社区居民议事厅', '2023-09-01');
    // Not counted: built before the lab period, no built date, another kind.
    await room('议事社区老议事厅', '2023-08-31');
    await room('议事社区待建圆桌会');
    await room('议事社区网格党支部活动阵地', '2024-05-01', 'grid_party_venue');
    let res = await councilRooms(sd, v.id);
    expect(res.councilRooms).toEqual({
      from: '2023-09-01',
      to: '2025-08-31',
      built: 1,
      target: 2,
      met: false,
    });
    expect(res.rows).toEqual([expect.objectContaining({ communityId: v.id, councilRooms: 1 })]);
    await room('议事社区圆桌会', '2025-08-31');
    res = await councilRooms(sd, v.id);
    expect(res.councilRooms).toMatchObject({ built: 2, target: 2, met: true });
    expect(res.rows[0]!.councilRooms).toBe(2);
    // The subdistrict's figure takes them in; another community's worker does not see them.
    expect((await councilRooms(sd, t.fx.subdistrict.id)).councilRooms.built).toBeGreaterThanOrEqual(2);
    expect((await councilRooms(tongdu)).councilRooms.built).toBe(tongduBefore);
  });

  it('coverage lists only communities in the actor’s scope', async () => {
    const rows = (await tongdu.get('/api/facilities/coverage')).json().rows;
    expect(rows.map((r: { communityName: string }) => r.communityName)).toEqual(['铜都社区']);
    expect(rows[0].flags).toContain('no_location');
  });
});
