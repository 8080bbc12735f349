import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { buildResident } from '../../../../test/factories';
import { insertUnit } from '../org/org.repository';
import { gridAssignments, socialOrgs, workers } from '../people/people.table';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function worker(unitPath: string, unitId: string, kind = 'community_worker') {
  const now = t.clock.now();
  const id = t.deps.ids();
  await t.database.db.insert(workers).values({
    id,
    name: '工作者',
    orgUnitId: unitId,
    orgPath: unitPath,
    kind,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

describe('staffing standard (R-ORG-3)', () => {
  it('R-ORG-3 counts grid workers as community workers and checks both bounds: ≥18 per 10,000 and ≤3 per 1,000', async () => {
    // 铜都: 1,200 permanent residents → 3 workers required (ceil(1200 × 18 / 10000) = 3); has 2.
    const rows = Array.from({ length: 1200 }, () => null);
    for (const [i] of rows.entries()) {
      await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, {
        name: `居民${i}`,
        registrationStatus: i % 3 === 0 ? 'permanent' : 'registered',
      });
    }
    // Migrants are not permanent residents.
    await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, {
      name: '流动人口',
      registrationStatus: 'migrant',
    });
    await worker(t.fx.tongdu.path, t.fx.tongdu.id);
    await worker(t.fx.tongdu.path, t.fx.tongdu.id);
    const gw = await worker(t.fx.tongduGrid.path, t.fx.tongdu.id, 'grid_worker');
    await t.database.db
      .insert(gridAssignments)
      .values({ id: t.deps.ids(), gridId: t.fx.tongduGrid.id, workerId: gw, createdAt: t.clock.now() });
    await insertUnit(t.deps, t.fx.tongdu, { kind: 'grid', name: '铜都空缺网格' });

    const sd = await t.as('sd_admin');
    const report = (await sd.get('/api/reports/staffing')).json();
    expect(report.floorPer10k).toBe(18);
    expect(report.ceilingPer1k).toBe(3);
    const row = async () =>
      (await sd.get('/api/reports/staffing'))
        .json()
        .rows.find((r: { communityName: string }) => r.communityName === '铜都社区');
    // 2 community workers + 1 grid worker (统一纳入社区工作者队伍) = 3; floor ceil(1200 × 18 / 10000) = 3,
    // ceiling floor(1200 × 3 / 1000) = 3.
    expect(await row()).toMatchObject({
      permanentResidents: 1200,
      communityWorkers: 3,
      gridWorkers: 1,
      required: 3,
      maxAllowed: 3,
      shortfall: 0,
      excess: 0,
      meetsFloor: true,
      withinCeiling: true,
      meetsStandard: true,
      grids: 2,
      gridsWithoutWorker: 1,
      openGrids: ['铜都空缺网格'],
    });
    expect((await row()).workersPer10k).toBeCloseTo(25, 1);
    // A fourth worker breaks the ceiling of 3 per 1,000: flagged although the floor is met.
    const extra = await worker(t.fx.tongdu.path, t.fx.tongdu.id);
    expect(await row()).toMatchObject({
      communityWorkers: 4,
      excess: 1,
      meetsFloor: true,
      withinCeiling: false,
      meetsStandard: false,
    });
    await t.database.db.update(workers).set({ active: false }).where(eq(workers.id, extra));
    // Below the floor when the grid worker leaves: the grid's post opens.
    await t.database.db.update(workers).set({ active: false }).where(eq(workers.id, gw));
    expect(await row()).toMatchObject({
      communityWorkers: 2,
      shortfall: 1,
      meetsFloor: false,
      gridsWithoutWorker: 2,
    });

    // 专兼结合 (seed 003): a part-time grid worker covers the grid but is not staff, so the shortfall stays.
    const pt = await worker(t.fx.tongduGrid.path, t.fx.tongdu.id, 'grid_worker');
    await t.database.db.update(workers).set({ partTime: true }).where(eq(workers.id, pt));
    await t.database.db
      .insert(gridAssignments)
      .values({ id: t.deps.ids(), gridId: t.fx.tongduGrid.id, workerId: pt, createdAt: t.clock.now() });
    expect(await row()).toMatchObject({
      communityWorkers: 2,
      gridWorkers: 0,
      shortfall: 1,
      gridsWithoutWorker: 1,
    });
  });

  it('S003-36: counts per community the community workers holding the 社会工作师 and 助理社会工作师 qualifications, in the export too', async () => {
    const sd = await t.as('sd_admin');
    const add = async (name: string, qualifications: string[], extra: Record<string, unknown> = {}) => {
      const res = await sd.post('/api/people/workers', {
        name,
        orgUnitId: t.fx.xihuayuan.id,
        kind: 'community_worker',
        postType: 'general',
        qualifications,
        ...extra,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    await add('社工甲', ['social_worker']);
    await add('社工乙', ['social_worker_assistant']);
    // A qualification typed in by its name counts as the code does.
    await add('社工丙', ['助理社会工作师']);
    await add('社工丁', ['social_worker'], { kind: 'grid_worker', postType: null });
    await add('无证者', []);
    // Not counted: a part-time grid worker and a social worker (not community staff, R-ORG-3), one who left.
    await add('兼职网格员', ['social_worker'], { kind: 'grid_worker', postType: null, partTime: true });
    await add('社工站社工', ['social_worker'], { kind: 'social_worker', postType: null });
    const left = await add('已离职', ['social_worker_assistant']);
    expect((await sd.post(`/api/people/workers/${left}/deactivate`)).statusCode).toBe(200);

    const rows = (await sd.get('/api/reports/staffing')).json().rows;
    const row = (name: string) => rows.find((r: { communityName: string }) => r.communityName === name);
    expect(row('西花苑社区')).toMatchObject({
      communityWorkers: 5,
      gridWorkers: 1,
      socialWorkerQualified: 2,
      assistantSocialWorkerQualified: 2,
    });
    // 铜都's workers (the test above) hold none.
    expect(row('铜都社区')).toMatchObject({ socialWorkerQualified: 0, assistantSocialWorkerQualified: 0 });

    const res = await sd.get('/api/reports/staffing.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    const sw = headers.indexOf('其中社会工作师');
    const asw = headers.indexOf('其中助理社会工作师');
    expect(sw).toBeGreaterThan(0);
    expect(asw).toBeGreaterThan(0);
    let found = false;
    ws.eachRow((r, n) => {
      if (n === 1 || r.getCell(2).value !== '西花苑社区') return;
      found = true;
      expect([r.getCell(sw).value, r.getCell(asw).value]).toEqual([2, 2]);
    });
    expect(found).toBe(true);
  });

  it('a community worker sees only their own community in the report', async () => {
    const w = await t.as('tongdu_worker');
    const report = (await w.get('/api/reports/staffing')).json();
    expect(report.rows.map((r: { communityName: string }) => r.communityName)).toEqual(['铜都社区']);
  });

  it('exports the report as .xlsx', async () => {
    const sd = await t.as('sd_admin');
    const res = await sd.get('/api/reports/staffing.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('urban villages (R-ORG-5, R-ORG-6)', () => {
  it('R-ORG-5 R-ORG-6 flags from facility coordinates: a far village without a sub-station, elderly care or 2 migrant welfare organisations', async () => {
    const sd = await t.as('sd_admin');
    const degPerM = 1 / ((6_371_008.8 * Math.PI) / 180);
    const place = async (name: string) =>
      (
        await sd.post('/api/org/units', {
          parentId: t.fx.subdistrict.id,
          kind: 'community',
          name,
          lat: 30.2,
          lng: 114.9,
          attrs: { urbanVillage: true },
        })
      ).json();
    const far = await place('岭下村');
    const near = await place('湖畔村');
    const facility = (unitId: string, kind: string, name: string, metres: number, staffCount = 0) =>
      sd.post('/api/facilities', {
        orgUnitId: unitId,
        kind,
        name,
        lat: 30.2 + metres * degPerM,
        lng: 114.9,
        staffCount,
      });
    await facility(far.id, 'party_mass_centre', '岭下村党群服务中心', 1000);
    await facility(near.id, 'party_mass_centre', '湖畔村党群服务中心', 600);
    await facility(near.id, 'elderly_day_care', '湖畔村日间照料中心', 100);
    const now = t.clock.now();
    for (const name of ['湖畔互助会', '湖畔志愿队']) {
      await t.database.db.insert(socialOrgs).values({
        id: t.deps.ids(),
        name,
        registration: 'filed',
        field: '互助',
        publicWelfare: true,
        migrantMembers: true,
        orgUnitId: near.id,
        orgPath: near.path,
        createdAt: now,
        updatedAt: now,
      });
    }
    const report = (await sd.get('/api/reports/urban-villages')).json();
    const byName = Object.fromEntries(
      report.rows.map((r: { communityName: string }) => [r.communityName, r]),
    );
    expect(byName.岭下村.distanceToCentreM).toBe(1000);
    expect(byName.岭下村.flags).toEqual([
      'sub_station_missing',
      'no_elderly_care',
      'few_migrant_welfare_orgs',
    ]);
    expect(byName.湖畔村.flags).toEqual([]);
    expect(byName.铜都社区).toBeUndefined();

    await facility(far.id, 'service_sub_station', '岭下村综合服务分站', 0, 3);
    const after = (await sd.get('/api/reports/urban-villages')).json();
    expect(after.rows.find((r: { communityName: string }) => r.communityName === '岭下村').flags[0]).toBe(
      'sub_station_staffing',
    );
  });
});
