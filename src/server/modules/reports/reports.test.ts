import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { buildResident, buildWorkOrder } from '../../../../test/factories';
import { chinaDate } from '../../../shared/chinaTime';
import { insertUnit, unitById } from '../org/org.repository';
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

describe('urban-village governance file (seed 002 四(四), S002-39)', () => {
  it('R-ORG-5 R-ORG-6 S002-39: the file of one urban village brings population, staffing, facilities, welfare organisations, self-governance and six months of figures together', async () => {
    const sd = await t.as('sd_admin');
    const degPerM = 1 / ((6_371_008.8 * Math.PI) / 180);
    const created = await sd.post('/api/org/units', {
      parentId: t.fx.subdistrict.id,
      kind: 'community',
      name: '后溪村',
      lat: 30.3,
      lng: 114.8,
      attrs: { urbanVillage: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    const village = (await unitById(t.database.db, created.json().id))!;

    // Population: 3 registered (户籍), 2 permanent (常住, not registered), 4 migrants (流动).
    for (const [status, n] of [
      ['registered', 3],
      ['permanent', 2],
      ['migrant', 4],
    ] as const)
      for (let i = 0; i < n; i++)
        await buildResident(t.deps, village, village, {
          name: `村民${status}${i}`,
          registrationStatus: status,
        });

    // The centre 1,200 m away (R-ORG-5: a sub-station is needed), a sub-station of 2, one elderly-care facility.
    const facility = async (kind: string, name: string, metres: number, staffCount = 0) => {
      const res = await sd.post('/api/facilities', {
        orgUnitId: village.id,
        kind,
        name,
        lat: 30.3 + metres * degPerM,
        lng: 114.8,
        staffCount,
      });
      expect([200, 201], res.body).toContain(res.statusCode);
    };
    await facility('party_mass_centre', '后溪村党群服务中心', 1200);
    await facility('service_sub_station', '后溪村综合服务分站', 0, 2);
    await facility('elderly_day_care', '后溪村日间照料中心', 300);

    // One public-welfare organisation with migrant members (R-ORG-6 asks for 2), one without them.
    const now = t.clock.now();
    for (const [name, migrantMembers] of [
      ['后溪务工互助会', true],
      ['后溪书画社', false],
    ] as const)
      await t.database.db.insert(socialOrgs).values({
        id: t.deps.ids(),
        name,
        registration: 'filed',
        field: '互助',
        publicWelfare: true,
        migrantMembers,
        memberCount: 12,
        orgUnitId: village.id,
        orgPath: village.path,
        createdAt: now,
        updatedAt: now,
      });

    // A party committee with a post vacant for 40 days (over the 30-day limit).
    const body = await sd.post('/api/self-governance/bodies', {
      communityId: village.id,
      kind: 'party_committee',
      name: '后溪村党委',
    });
    expect(body.statusCode, body.body).toBe(201);
    const vacantSince = chinaDate(new Date(now.getTime() - 40 * 86_400_000));
    const post = await sd.post(`/api/self-governance/bodies/${body.json().id}/positions`, {
      post: 'member',
      vacantSince,
      vacancyReason: '调离',
    });
    expect(post.statusCode, post.body).toBe(201);

    // One request this month, resolved on the spot in the village (so the village handles it; a request
    // still waiting for dispatch sits with the subdistrict).
    await buildWorkOrder(t.deps, t.fx, { community: village, resolvedOnSpot: '已当场修复' });

    const res = await sd.get(`/api/reports/urban-villages/${village.id}/profile`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      communityName: '后溪村',
      subdistrictName: t.fx.subdistrict.name,
      asOf: chinaDate(now),
      population: { registered: 3, permanent: 2, migrant: 4, permanentResidents: 5, total: 9 },
      // R-ORG-3 for the village alone: ceil(5 × 18 / 10,000) = 1 worker required, none employed.
      staffing: { permanentResidents: 5, communityWorkers: 0, required: 1, shortfall: 1, meetsFloor: false },
      facilities: {
        located: true,
        centreName: '后溪村党群服务中心',
        distanceToCentreM: 1200,
        subStationDistanceM: 1000,
        needsSubStation: true,
        subStations: [{ name: '后溪村综合服务分站', staffCount: 2 }],
        elderlyCareFacilities: 1,
        elderlyCareRequired: 1,
      },
      welfareOrgs: {
        target: 2,
        count: 1,
        orgs: [{ name: '后溪务工互助会', field: '互助', memberCount: 12 }],
      },
      selfGovernance: {
        bodies: 1,
        positions: 1,
        openVacancies: 1,
        overdueVacancies: 1,
        lastElection: null,
        hasPartyCommittee: true,
        hasCommittee: false,
        hasSupervisionCommittee: false,
      },
      flags: ['few_migrant_welfare_orgs', 'life_circle_gaps', 'staffing_short', 'vacancy_overdue'],
    });
    expect(p.facilities.lifeCircleMissing).toContain('education');
    expect(p.facilities.lifeCircleMissing).not.toContain('elderly_care');
    // Six China months, oldest first, up to this one (the clock stands in November 2026).
    expect(p.months.map((m: { month: string }) => m.month)).toEqual([
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(p.months.at(-1)).toMatchObject({ workOrdersReceived: 1, workOrdersClosed: 0, volunteerHours: 0 });
    expect(p.months[0]).toMatchObject({ workOrdersReceived: 0, disputesMediated: 0 });
    // The urban-village list agrees on the R-ORG-5/6 flags.
    const listed = (await sd.get('/api/reports/urban-villages'))
      .json()
      .rows.find((r: { communityName: string }) => r.communityName === '后溪村');
    expect(listed.flags).toEqual(['few_migrant_welfare_orgs']);

    // The same file as one sheet of label/value sections.
    const xlsx = await sd.get(`/api/reports/urban-villages/${village.id}/profile.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('后溪村城中村治理档案.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const values = new Map<string, unknown[]>();
    ws.eachRow((r) => {
      const cells = (r.values as unknown[]).slice(1);
      values.set(String(cells[0]), cells.slice(1));
    });
    expect(values.get('户籍人口')).toEqual([3]);
    expect(values.get('流动人口')).toEqual([4]);
    expect(values.get('距党群服务中心（米）')).toEqual([1200]);
    expect(values.get('月份')?.at(-1)).toBe('2026-11');
    expect(values.get('受理诉求（件）')).toEqual([0, 0, 0, 0, 0, 1]);
    expect(values.has('社区工作者配备不足')).toBe(true);
    expect(values.has('职位空缺超过30天')).toBe(true);
  });

  it("S002-39: a community that is not an urban village, a unit that is not a community and a village outside the reader's scope answer 404", async () => {
    const sd = await t.as('sd_admin');
    const village = (
      await sd.post('/api/org/units', {
        parentId: t.fx.subdistrict.id,
        kind: 'community',
        name: '塘边村',
        attrs: { urbanVillage: true },
      })
    ).json();
    expect((await sd.get(`/api/reports/urban-villages/${village.id}/profile`)).statusCode).toBe(200);
    for (const id of [t.fx.tongdu.id, t.fx.subdistrict.id, 'not-an-id'])
      expect((await sd.get(`/api/reports/urban-villages/${id}/profile`)).statusCode).toBe(404);
    // A community worker of 西花苑 reads reports, but not of this village.
    const other = await t.as('xhy_worker');
    for (const url of ['profile', 'profile.xlsx'])
      expect((await other.get(`/api/reports/urban-villages/${village.id}/${url}`)).statusCode).toBe(404);
  });
});
