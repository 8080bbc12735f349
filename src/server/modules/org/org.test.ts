import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, signInNewUser } from '../../../../test/app';
import { buildResident } from '../../../../test/factories';
import { insertUnit } from './org.repository';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('org tree (R-ORG-1)', () => {
  it('a subdistrict admin sees their subdistrict as the root and browses its communities', async () => {
    const sd = await t.as('sd_admin');
    const roots = (await sd.get('/api/org/roots')).json();
    expect(roots.map((u: { name: string }) => u.name)).toEqual(['新下陆街道']);
    const children = (await sd.get(`/api/org/units?parentId=${t.fx.subdistrict.id}`)).json();
    expect(children.map((u: { name: string }) => u.name).sort()).toEqual(['西花苑社区', '铜都社区'].sort());
    const detail = (await sd.get(`/api/org/units/${t.fx.tongduGrid.id}`)).json();
    expect(detail.ancestors.map((a: { name: string }) => a.name)).toEqual([
      '黄石市',
      '下陆区',
      '新下陆街道',
      '铜都社区',
    ]);
    expect(detail.abilities.edit).toBe(true);
  });

  it('a community worker cannot see the neighbouring community: 404, not 403', async () => {
    const w = await t.as('tongdu_worker');
    expect((await w.get(`/api/org/units/${t.fx.xihuayuan.id}`)).statusCode).toBe(404);
    expect((await w.get(`/api/org/units/${t.fx.tongdu.id}`)).statusCode).toBe(200);
    expect((await w.get('/api/org/units/not-a-uuid')).statusCode).toBe(404);
  });

  it('creates a grid with a boundary and refuses a building directly under a community', async () => {
    const sd = await t.as('sd_admin');
    const boundary = {
      type: 'Polygon',
      coordinates: [
        [
          [114.9, 30.1],
          [114.91, 30.1],
          [114.91, 30.11],
          [114.9, 30.1],
        ],
      ],
    };
    const ok = await sd.post('/api/org/units', {
      parentId: t.fx.tongdu.id,
      kind: 'grid',
      name: '铜都第二网格',
      boundary,
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().path).toBe(`${t.fx.tongdu.path}${ok.json().id}/`);
    const bad = await sd.post('/api/org/units', { parentId: t.fx.tongdu.id, kind: 'building', name: '9栋' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('org.child_kind');
  });

  it('R-LAW-CD-1: a community division code must be 12 digits under its subdistrict code with a residents-committee part', async () => {
    const sd = await t.as('sd_admin');
    const newCommunity = (divisionCode: string) =>
      sd.post('/api/org/units', {
        parentId: t.fx.subdistrict.id,
        kind: 'community',
        name: '新社区',
        divisionCode,
      });
    const wrongLevel = await newCommunity('420204003');
    expect(wrongLevel.statusCode).toBe(422);
    const wrongParent = await newCommunity('420205003009');
    expect(wrongParent.statusCode).toBe(422);
    const badRange = await newCommunity('420204003450');
    expect(badRange.statusCode).toBe(422);
    const taken = await newCommunity('420204003001');
    expect(taken.statusCode).toBe(409);
    const ok = await newCommunity('420204003009');
    expect(ok.statusCode).toBe(201);
  });

  it('refuses moving a unit under its own descendant, and changes nothing', async () => {
    const sd = await t.as('sd_admin');
    const res = await sd.post(`/api/org/units/${t.fx.tongduGrid.id}/move`, {
      newParentId: t.fx.tongduBuilding.id,
    });
    expect(res.statusCode).toBe(422);
    const self = await sd.post(`/api/org/units/${t.fx.tongdu.id}/move`, { newParentId: t.fx.tongdu.id });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('org.move_into_descendant');
    const detail = (await sd.get(`/api/org/units/${t.fx.tongduGrid.id}`)).json();
    expect(detail.parentId).toBe(t.fx.tongdu.id);
  });

  it('moving a grid to another community moves its residents into that community’s scope', async () => {
    const deps = t.deps;
    const grid = await insertUnit(deps, t.fx.tongdu, { kind: 'grid', name: '待调整网格' });
    const building = await insertUnit(deps, grid, { kind: 'building', name: '20栋' });
    const r = await buildResident(deps, building, t.fx.tongdu, { name: '搬迁户' });
    const sd = await t.as('sd_admin');
    const res = await sd.post(`/api/org/units/${grid.id}/move`, { newParentId: t.fx.xihuayuan.id });
    expect(res.statusCode).toBe(200);
    const moved = (await sd.get(`/api/residents/${r.id}`)).json();
    expect(moved.communityId).toBe(t.fx.xihuayuan.id);
    expect((await (await t.as('tongdu_worker')).get(`/api/residents/${r.id}`)).statusCode).toBe(404);
    expect((await (await t.as('xhy_worker')).get(`/api/residents/${r.id}`)).statusCode).toBe(200);
  });

  it('merging two communities (seed 003 整合) moves grids, people and keeps the old unit as merged', async () => {
    const deps = t.deps;
    const a = await insertUnit(deps, t.fx.subdistrict, { kind: 'community', name: '甲社区' });
    const b = await insertUnit(deps, t.fx.subdistrict, { kind: 'community', name: '乙社区' });
    const gridA = await insertUnit(deps, a, { kind: 'grid', name: '甲网格' });
    const r1 = await buildResident(deps, gridA, a, { name: '甲居民' });
    const r2 = await buildResident(deps, a, a, { name: '甲社区直属居民' });
    const sd = await t.as('sd_admin');
    const res = await sd.post(`/api/org/units/${a.id}/merge`, { targetId: b.id });
    expect(res.statusCode).toBe(200);
    expect(res.json().source.status).toBe('merged');
    expect(res.json().movedChildren).toBe(1);
    const grid = (await sd.get(`/api/org/units/${gridA.id}`)).json();
    expect(grid.parentId).toBe(b.id);
    for (const id of [r1.id, r2.id])
      expect((await sd.get(`/api/residents/${id}`)).json().communityId).toBe(b.id);
    const children = (await sd.get(`/api/org/units?parentId=${t.fx.subdistrict.id}`)).json();
    expect(children.some((u: { id: string }) => u.id === a.id)).toBe(false);
    const again = await sd.post(`/api/org/units/${a.id}/merge`, { targetId: b.id });
    expect(again.statusCode).toBe(409);
    const audit = (await (await t.as('admin')).get(`/api/audit?action=org.merge&entityId=${a.id}`)).json();
    expect(audit.total).toBe(1);
  });

  it('splitting a community (seed 003 微调) creates a sibling that takes the chosen grids', async () => {
    const deps = t.deps;
    const c = await insertUnit(deps, t.fx.subdistrict, { kind: 'community', name: '丙社区' });
    const g1 = await insertUnit(deps, c, { kind: 'grid', name: '丙一网格' });
    const g2 = await insertUnit(deps, c, { kind: 'grid', name: '丙二网格' });
    const r = await buildResident(deps, g2, c, { name: '丙二居民' });
    const sd = await t.as('sd_admin');
    const res = await sd.post(`/api/org/units/${c.id}/split`, { newName: '丁社区', childIds: [g2.id] });
    expect(res.statusCode).toBe(201);
    const newId = res.json().id;
    expect((await sd.get(`/api/org/units/${g2.id}`)).json().parentId).toBe(newId);
    expect((await sd.get(`/api/org/units/${g1.id}`)).json().parentId).toBe(c.id);
    expect((await sd.get(`/api/residents/${r.id}`)).json().communityId).toBe(newId);
    const empty = await sd.post(`/api/org/units/${c.id}/split`, {
      newName: '戊社区',
      childIds: [t.fx.tongduGrid.id],
    });
    expect(empty.statusCode).toBe(422);
  });

  it('a unit with people cannot be archived; an empty one can, and is kept, not deleted', async () => {
    await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '住户' });
    const sd = await t.as('sd_admin');
    const refused = await sd.post(`/api/org/units/${t.fx.tongduBuilding.id}/archive`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('org.has_children');
    const empty = await insertUnit(t.deps, t.fx.tongduGrid, { kind: 'building', name: '空楼' });
    const res = await sd.post(`/api/org/units/${empty.id}/archive`);
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('archived');
  });

  it('a community worker cannot create units (403) and the evaluator only reads', async () => {
    const w = await t.as('tongdu_worker');
    expect(
      (await w.post('/api/org/units', { parentId: t.fx.tongdu.id, kind: 'grid', name: 'x' })).statusCode,
    ).toBe(403);
    const ev = await t.as('evaluator');
    expect((await ev.get(`/api/org/units/${t.fx.tongdu.id}`)).statusCode).toBe(200);
    expect((await ev.patch(`/api/org/units/${t.fx.tongdu.id}`, { name: 'x' })).statusCode).toBe(403);
  });
});

describe('the top of the tree', () => {
  it('a platform admin cannot merge, move or archive a city, and the detail says so', async () => {
    const admin = await t.as('admin');
    const detail = (await admin.get(`/api/org/units/${t.fx.city.id}`)).json();
    expect(detail.abilities).toMatchObject({
      move: false,
      merge: false,
      split: false,
      archive: false,
      edit: true,
    });
    const other = await insertUnit(t.deps, null, { kind: 'city', name: '舟山市' });
    expect(
      (await admin.post(`/api/org/units/${other.id}/merge`, { targetId: t.fx.city.id })).statusCode,
    ).toBe(403);
    expect((await admin.post(`/api/org/units/${other.id}/archive`)).statusCode).toBe(403);
  });

  it('a community with grids can be split by the subdistrict admin; a building without children cannot', async () => {
    const sd = await t.as('sd_admin');
    expect((await sd.get(`/api/org/units/${t.fx.tongdu.id}`)).json().abilities.split).toBe(true);
    const empty = await insertUnit(t.deps, t.fx.tongduGrid, { kind: 'building', name: '无住户楼' });
    expect((await sd.get(`/api/org/units/${empty.id}`)).json().abilities.split).toBe(false);
  });
});

describe('history after a merge (review finding)', () => {
  it('the target community’s staff see the audit history of residents that came with a merged community', async () => {
    const src = await insertUnit(t.deps, t.fx.subdistrict, { kind: 'community', name: '旧社区' });
    const dst = await insertUnit(t.deps, t.fx.subdistrict, { kind: 'community', name: '新社区甲' });
    const sd = await t.as('sd_admin');
    const r = await sd.post('/api/residents', {
      name: '随迁居民',
      orgUnitId: src.id,
      registrationStatus: 'registered',
      gender: 'male',
    });
    expect(r.statusCode).toBe(201);
    expect((await sd.post(`/api/org/units/${src.id}/merge`, { targetId: dst.id })).statusCode).toBe(200);
    const sec = await signInNewUser(t, 'dst_secretary', 'community_secretary', dst.id);
    const audit = (await sec.get(`/api/audit?entityId=${r.json().id}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toContain('residents.create');
  });
});

describe('unit attributes', () => {
  it('are stored typed as the modules reading them expect; null removes one; a misfit is a 422 naming it', async () => {
    const sd = await t.as('sd_admin');
    const c = await sd.post('/api/org/units', {
      parentId: t.fx.subdistrict.id,
      kind: 'community',
      name: '属性测试社区',
      attrs: {
        urbanVillage: 'true',
        distanceToCentreM: ' 1350 ',
        serviceCentre: '测试党群服务中心',
        note: '自定义',
      },
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().attrs).toEqual({
      urbanVillage: true,
      distanceToCentreM: 1350,
      serviceCentre: '测试党群服务中心',
      note: '自定义',
    });
    const id = c.json().id as string;
    const edited = await sd.patch(`/api/org/units/${id}`, { attrs: { urbanVillage: false, note: null } });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().attrs).toEqual({
      urbanVillage: false,
      distanceToCentreM: 1350,
      serviceCentre: '测试党群服务中心',
    });
    const notNumber = await sd.patch(`/api/org/units/${id}`, { attrs: { floors: '六层' } });
    expect(notNumber.statusCode).toBe(422);
    expect(notNumber.json().error.message).toBe('“楼层数”应填写数字');
    const notFlag = await sd.patch(`/api/org/units/${id}`, { attrs: { demonstration: '是的' } });
    expect(notFlag.statusCode).toBe(422);
    expect(notFlag.json().error.message).toBe('“示范社区”应选择“是”或“否”');
    const unchanged = (await sd.get(`/api/org/units/${id}`)).json();
    expect(unchanged.attrs.urbanVillage).toBe(false);
  });

  it('migration 0055 types the text values the console stored before (a misfit is left as it was)', async () => {
    const before = {
      urbanVillage: 'true',
      floors: '12',
      demonstration: '是',
      serviceCentre: '中心',
      note: 'false',
    };
    const u = await insertUnit(t.deps, t.fx.tongdu, { kind: 'grid', name: '旧属性网格', attrs: before });
    const migration = readFileSync(
      new URL('../../../../migrations/0055_org_attrs_typed.sql', import.meta.url),
      'utf8',
    );
    await t.deps.db.execute(sql.raw(migration));
    const after = (await (await t.as('sd_admin')).get(`/api/org/units/${u.id}`)).json().attrs;
    expect(after).toEqual({
      urbanVillage: true,
      floors: 12,
      demonstration: '是',
      serviceCentre: '中心',
      note: 'false',
    });
  });
});
