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
  it('reports each community against 18 workers per 10,000 permanent residents and grids without a grid worker', async () => {
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
    const tongdu = report.rows.find((r: { communityName: string }) => r.communityName === '铜都社区');
    expect(tongdu).toMatchObject({
      permanentResidents: 1200,
      communityWorkers: 2,
      required: 3,
      shortfall: 1,
      meetsStandard: false,
      grids: 2,
      gridsWithoutWorker: 1,
    });
    expect(tongdu.workersPer10k).toBeCloseTo(16.7, 1);
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
  it('flags a far village without a sub-station, without elderly care and with fewer than 2 migrant welfare organisations', async () => {
    const sd = await t.as('sd_admin');
    const far = await sd.post('/api/org/units', {
      parentId: t.fx.subdistrict.id,
      kind: 'community',
      name: '岭下村',
      attrs: { urbanVillage: true, distanceToCentreM: 1500, hasSubStation: false, elderlyCareFacilities: 0 },
    });
    const near = await sd.post('/api/org/units', {
      parentId: t.fx.subdistrict.id,
      kind: 'community',
      name: '湖畔村',
      attrs: { urbanVillage: true, distanceToCentreM: 600, elderlyCareFacilities: 1 },
    });
    const nearId = near.json().id;
    const now = t.clock.now();
    for (const name of ['湖畔互助会', '湖畔志愿队']) {
      await t.database.db.insert(socialOrgs).values({
        id: t.deps.ids(),
        name,
        registration: 'filed',
        field: '互助',
        publicWelfare: true,
        migrantMembers: true,
        orgUnitId: nearId,
        orgPath: near.json().path,
        createdAt: now,
        updatedAt: now,
      });
    }
    const report = (await sd.get('/api/reports/urban-villages')).json();
    const byName = Object.fromEntries(
      report.rows.map((r: { communityName: string }) => [r.communityName, r]),
    );
    expect(byName.岭下村.flags).toEqual([
      'sub_station_missing',
      'no_elderly_care',
      'few_migrant_welfare_orgs',
    ]);
    expect(byName.湖畔村.flags).toEqual([]);
    expect(byName.铜都社区).toBeUndefined();

    await sd.patch(`/api/org/units/${far.json().id}`, { attrs: { hasSubStation: true, subStationStaff: 3 } });
    const after = (await sd.get('/api/reports/urban-villages')).json();
    expect(after.rows.find((r: { communityName: string }) => r.communityName === '岭下村').flags[0]).toBe(
      'sub_station_staffing',
    );
  });
});
