import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../../test/app';
import { buildResident } from '../../../../test/factories';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const XINXIALU_LEVELS = ['街道大工委', '社区大党委', '小区党支部', '楼栋党小组', '党员中心户'];

/** PUT /api/people/party-levels/schemes/:orgUnitId: replaces the scheme defined at the unit. */
const replaceScheme = (client: Client, orgUnitId: string, payload: object) =>
  client.request({ method: 'PUT', url: `/api/people/party-levels/schemes/${orgUnitId}`, payload });

/** POST /api/people/party-orgs: a party organization `name` of the unit at the level, under `parentId` when given. */
const createPartyOrg = (
  client: Client,
  name: string,
  orgUnitId: string,
  levelId: string,
  parentId?: string,
) => client.post('/api/people/party-orgs', { name, orgUnitId, levelId, ...(parentId && { parentId }) });

async function auditCount(action: string, entityId?: string) {
  const admin = await t.as('admin');
  const res = await admin.get(`/api/audit?action=${action}${entityId ? `&entityId=${entityId}` : ''}`);
  return res.json().total as number;
}

describe('party organization levels (R-ORG-2)', () => {
  it('R-ORG-2: 新下陆街道 defines the five levels of seed 003, and its communities and grids inherit them', async () => {
    const sd = await t.as('sd_admin');
    const res = await replaceScheme(sd, t.fx.subdistrict.id, { names: XINXIALU_LEVELS });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      schemeUnitId: t.fx.subdistrict.id,
      inherited: false,
      abilities: { replace: true },
    });
    expect(res.json().levels.map((l: { name: string; rank: number }) => [l.rank, l.name])).toEqual(
      XINXIALU_LEVELS.map((n, i) => [i + 1, n]),
    );

    const worker = await t.as('tongdu_worker');
    const grid = (await worker.get(`/api/people/party-levels?orgUnitId=${t.fx.tongduGrid.id}`)).json();
    expect(grid).toMatchObject({
      orgUnitId: t.fx.tongduGrid.id,
      schemeUnitId: t.fx.subdistrict.id,
      schemeUnitName: '新下陆街道',
      inherited: true,
    });
    expect(grid.levels).toHaveLength(5);
    expect(grid.abilities.replace).toBe(false);
    expect(await auditCount('people.party_levels.replace', t.fx.subdistrict.id)).toBe(1);
  });

  it('R-ORG-2: a community may use its own four-level scheme; the nearest scheme up the path wins, neighbours keep the subdistrict one', async () => {
    const worker = await t.as('tongdu_worker');
    const own = await replaceScheme(worker, t.fx.tongdu.id, {
      names: ['社区党委', '网格党支部', '楼栋党小组', '党员中心户'],
    });
    expect(own.statusCode).toBe(200);
    const tongduGrid = (await worker.get(`/api/people/party-levels?orgUnitId=${t.fx.tongduGrid.id}`)).json();
    expect(tongduGrid.schemeUnitId).toBe(t.fx.tongdu.id);
    expect(tongduGrid.levels).toHaveLength(4);
    const xhy = await t.as('xhy_worker');
    const xhyGrid = (await xhy.get(`/api/people/party-levels?orgUnitId=${t.fx.xihuayuanGrid.id}`)).json();
    expect(xhyGrid.schemeUnitId).toBe(t.fx.subdistrict.id);
    expect(xhyGrid.levels).toHaveLength(5);

    // The community worker sees the scheme it inherits from above and its own, not its neighbours'.
    const schemes = (await worker.get('/api/people/party-levels/schemes')).json();
    expect(schemes.items.map((s: { orgUnitId: string }) => s.orgUnitId)).toEqual([
      t.fx.subdistrict.id,
      t.fx.tongdu.id,
    ]);

    // An empty list drops the community's own scheme: it inherits again.
    const dropped = await replaceScheme(worker, t.fx.tongdu.id, { names: [] });
    expect(dropped.statusCode).toBe(200);
    expect(dropped.json()).toMatchObject({ schemeUnitId: t.fx.subdistrict.id, inherited: true });
  });

  it('R-ORG-1: a community worker cannot replace the scheme of the subdistrict above it (404), nor of a neighbour', async () => {
    const worker = await t.as('tongdu_worker');
    const up = await replaceScheme(worker, t.fx.subdistrict.id, { names: ['x'] });
    expect(up.statusCode).toBe(404);
    const side = await replaceScheme(worker, t.fx.xihuayuan.id, { names: ['x'] });
    expect(side.statusCode).toBe(404);
    expect((await worker.get(`/api/people/party-levels?orgUnitId=${t.fx.xihuayuan.id}`)).statusCode).toBe(
      404,
    );
  });

  it('refuses a scheme at a grid (422), duplicate level names and unknown fields (400)', async () => {
    const sd = await t.as('sd_admin');
    const atGrid = await replaceScheme(sd, t.fx.tongduGrid.id, { names: ['a'] });
    expect(atGrid.statusCode).toBe(422);
    expect(atGrid.json().error.code).toBe('people.scheme_unit_kind');
    const dup = await replaceScheme(sd, t.fx.subdistrict.id, { names: ['a', 'a'] });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details.fields[0]).toMatchObject({ path: 'names', message: '层级名称不能重复' });
    const extra = await replaceScheme(sd, t.fx.subdistrict.id, { names: ['a'], x: 1 });
    expect(extra.statusCode).toBe(400);
    const scheme = (await sd.get(`/api/people/party-levels?orgUnitId=${t.fx.subdistrict.id}`)).json();
    expect(scheme.levels.map((l: { name: string }) => l.name)).toEqual(XINXIALU_LEVELS);
  });
});

describe('party organizations', () => {
  let levels: { id: string; name: string; rank: number }[];
  let topId: string;
  let communityOrgId: string;

  beforeAll(async () => {
    const sd = await t.as('sd_admin');
    levels = (await sd.get(`/api/people/party-levels?orgUnitId=${t.fx.subdistrict.id}`)).json().levels;
  });

  it('the subdistrict creates its 街道大工委 at the first level; the write is audited', async () => {
    const sd = await t.as('sd_admin');
    const res = await sd.post('/api/people/party-orgs', {
      name: '新下陆街道大工委',
      orgUnitId: t.fx.subdistrict.id,
      levelId: levels[0]!.id,
      secretary: '刘克涛',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      levelName: '街道大工委',
      levelRank: 1,
      orgUnitName: '新下陆街道',
      parentId: null,
    });
    topId = res.json().id;
    expect(await auditCount('people.party_org.create', topId)).toBe(1);
  });

  it('a community worker places its 社区大党委 under the subdistrict 大工委 that lies above its own scope', async () => {
    const worker = await t.as('tongdu_worker');
    const res = await createPartyOrg(worker, '铜都社区大党委', t.fx.tongdu.id, levels[1]!.id, topId);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      parentName: '新下陆街道大工委',
      levelName: '社区大党委',
      abilities: { edit: true },
    });
    communityOrgId = res.json().id;
    const branch = await createPartyOrg(
      worker,
      '铜都第一网格党支部',
      t.fx.tongduGrid.id,
      levels[2]!.id,
      communityOrgId,
    );
    expect(branch.statusCode).toBe(201);
    const children = (await worker.get(`/api/people/party-orgs?parentId=${communityOrgId}`)).json();
    expect(children.items.map((o: { name: string }) => o.name)).toEqual(['铜都第一网格党支部']);
    const detail = (await worker.get(`/api/people/party-orgs/${communityOrgId}`)).json();
    expect(detail).toMatchObject({ childCount: 1, memberCount: 0 });
  });

  it('R-ORG-2: a party organization sits at a level of its unit scheme, below its parent, under a parent on its own path (422)', async () => {
    const worker = await t.as('tongdu_worker');
    const before = (await worker.get('/api/people/party-orgs')).json().total;
    const tooHigh = await createPartyOrg(worker, '错误', t.fx.tongduGrid.id, levels[0]!.id, communityOrgId);
    expect(tooHigh.statusCode).toBe(422);
    expect(tooHigh.json().error.details.fields[0]).toMatchObject({
      path: 'levelId',
      code: 'people.level_order',
    });
    const foreignLevel = await createPartyOrg(worker, '错误', t.fx.tongduGrid.id, t.fx.city.id);
    expect(foreignLevel.json().error.details.fields[0]).toMatchObject({
      path: 'levelId',
      code: 'people.level_scheme',
    });

    const sd = await t.as('sd_admin');
    const xhyOrg = (
      await createPartyOrg(sd, '西花苑社区大党委', t.fx.xihuayuan.id, levels[1]!.id, topId)
    ).json();
    const sideways = await createPartyOrg(worker, '错误', t.fx.tongduGrid.id, levels[2]!.id, xhyOrg.id);
    expect(sideways.statusCode).toBe(422);
    expect(sideways.json().error.details.fields[0]).toMatchObject({
      path: 'parentId',
      code: 'people.parent_org',
    });
    expect((await worker.get('/api/people/party-orgs')).json().total).toBe(before);
  });

  it('R-ORG-1: a 铜都 worker gets 404 for a 西花苑 party organization and never sees it in lists', async () => {
    const sd = await t.as('sd_admin');
    const xhy = (await sd.get(`/api/people/party-orgs?orgUnitId=${t.fx.xihuayuan.id}`)).json().items[0];
    const worker = await t.as('tongdu_worker');
    expect((await worker.get(`/api/people/party-orgs/${xhy.id}`)).statusCode).toBe(404);
    expect((await worker.patch(`/api/people/party-orgs/${xhy.id}`, { name: '改名' })).statusCode).toBe(404);
    const names = (await worker.get('/api/people/party-orgs?pageSize=200'))
      .json()
      .items.map((o: { name: string }) => o.name);
    expect(names).toEqual(['铜都社区大党委', '铜都第一网格党支部']);
    expect((await worker.get(`/api/people/party-orgs/${topId}`)).statusCode).toBe(404);
    // Nor through a filter: naming it as a parent or as the members' organization is a 404, not an empty page.
    expect((await worker.get(`/api/people/party-orgs?parentId=${xhy.id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/people/party-members?partyOrgId=${xhy.id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/people/party-orgs?levelId=${t.deps.ids()}`)).statusCode).toBe(404);
    // A level of the scheme it inherits from the subdistrict still filters.
    const inherited = (await worker.get(`/api/people/party-levels?orgUnitId=${t.fx.tongdu.id}`)).json();
    const byLevel = await worker.get(`/api/people/party-orgs?levelId=${inherited.levels[0].id}`);
    expect(byLevel.statusCode).toBe(200);
  });

  it('R-ORG-2: reordering a scheme keeps organizations on their level; removing a level in use is refused (409)', async () => {
    const sd = await t.as('sd_admin');
    const withNew = await replaceScheme(sd, t.fx.subdistrict.id, {
      names: ['街道大工委', '社区大党委', '网格党支部', '小区党支部', '楼栋党小组', '党员中心户'],
    });
    expect(withNew.statusCode).toBe(200);
    const top = (await sd.get(`/api/people/party-orgs/${topId}`)).json();
    expect(top.levelId).toBe(levels[0]!.id);
    const branch = (await sd.get(`/api/people/party-orgs?parentId=${communityOrgId}`)).json().items[0];
    expect(branch).toMatchObject({ levelId: levels[2]!.id, levelName: '小区党支部', levelRank: 4 });

    const drop = await replaceScheme(sd, t.fx.subdistrict.id, { names: ['社区大党委'] });
    expect(drop.statusCode).toBe(409);
    expect(drop.json().error).toMatchObject({
      code: 'people.level_in_use',
      message: '层级“街道大工委”下还有党组织，不能删除',
    });
    const back = await replaceScheme(sd, t.fx.subdistrict.id, { names: XINXIALU_LEVELS });
    expect(back.statusCode).toBe(200);
    expect(back.json().levels.map((l: { id: string }) => l.id)).toEqual(levels.map((l) => l.id));
  });

  it('renaming a level carries every organization at it along, and is audited', async () => {
    const sd = await t.as('sd_admin');
    const res = await sd.patch(`/api/people/party-levels/${levels[1]!.id}`, { name: '社区党委' });
    expect(res.statusCode).toBe(200);
    expect((await sd.get(`/api/people/party-orgs/${communityOrgId}`)).json().levelName).toBe('社区党委');
    expect(await auditCount('people.party_level.rename', levels[1]!.id)).toBe(1);
    const clash = await sd.patch(`/api/people/party-levels/${levels[1]!.id}`, { name: '街道大工委' });
    expect(clash.statusCode).toBe(422);
    const worker = await t.as('tongdu_worker');
    expect((await worker.patch(`/api/people/party-levels/${levels[1]!.id}`, { name: 'x' })).statusCode).toBe(
      404,
    );
  });

  it('an organization cannot become its own ancestor', async () => {
    const sd = await t.as('sd_admin');
    const res = await sd.patch(`/api/people/party-orgs/${topId}`, { parentId: communityOrgId });
    expect(res.statusCode).toBe(422);
    expect((await sd.get(`/api/people/party-orgs/${topId}`)).json().parentId).toBeNull();
  });
});

describe('party members', () => {
  it('an in-service party member reports to the community where they live: employer and skills kept, reported today by default', async () => {
    const resident = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '陈在职' });
    const worker = await t.as('tongdu_worker');
    const branch = (await worker.get(`/api/people/party-orgs?orgUnitId=${t.fx.tongduGrid.id}`)).json()
      .items[0];
    const res = await worker.post('/api/people/party-members', {
      residentId: resident.id,
      partyOrgId: branch.id,
      joinedOn: '2001-07-01',
      reporting: true,
      employer: '下陆区教育局',
      skills: ['课业辅导', '法律咨询'],
    });
    expect(res.statusCode).toBe(201);
    const member = res.json();
    expect(member).toMatchObject({
      name: '陈在职',
      residentId: resident.id,
      orgUnitId: t.fx.tongduBuilding.id,
      orgUnitName: '1栋',
      partyOrgName: '铜都第一网格党支部',
      reporting: true,
      employer: '下陆区教育局',
      reportedOn: '2026-11-23',
      skills: ['课业辅导', '法律咨询'],
    });
    expect(await auditCount('people.party_member.create', member.id)).toBe(1);

    const reporting = (await worker.get('/api/people/party-members?reporting=true')).json();
    expect(reporting.items.map((m: { id: string }) => m.id)).toContain(member.id);
    expect(
      (await worker.get('/api/people/party-members?reporting=false'))
        .json()
        .items.map((m: { id: string }) => m.id),
    ).not.toContain(member.id);
    expect(
      (await worker.get(`/api/people/party-members?skill=${encodeURIComponent('法律咨询')}`)).json().total,
    ).toBe(1);

    const dup = await worker.post('/api/people/party-members', { residentId: resident.id });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields[0].path).toBe('residentId');
  });

  it('a reporting member needs an employer, and bad input changes nothing (4xx)', async () => {
    const worker = await t.as('tongdu_worker');
    const before = (await worker.get('/api/people/party-members')).json().total;
    const noEmployer = await worker.post('/api/people/party-members', {
      name: '吴某',
      orgUnitId: t.fx.tongdu.id,
      reporting: true,
    });
    expect(noEmployer.statusCode).toBe(422);
    expect(noEmployer.json().error.details.fields[0]).toMatchObject({
      path: 'employer',
      message: '在职党员报到须填写工作单位',
    });
    const noName = await worker.post('/api/people/party-members', { orgUnitId: t.fx.tongdu.id });
    expect(noName.statusCode).toBe(400);
    // A wrong type, an unknown field, an impossible date.
    for (const bad of [{ reporting: 'yes' }, { isAdmin: true }, { joinedOn: '2001-02-30' }]) {
      const res = await worker.post('/api/people/party-members', {
        name: '吴某',
        orgUnitId: t.fx.tongdu.id,
        ...bad,
      });
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await worker.get('/api/people/party-members')).json().total).toBe(before);
  });

  it('R-ORG-1: a 铜都 worker cannot link a 西花苑 resident, and gets 404 for a 西花苑 member', async () => {
    const other = await buildResident(t.deps, t.fx.xihuayuanBuilding, t.fx.xihuayuan, { name: '西花苑党员' });
    const worker = await t.as('tongdu_worker');
    const link = await worker.post('/api/people/party-members', { residentId: other.id });
    expect(link.statusCode).toBe(422);
    expect(link.json().error.details.fields[0]).toMatchObject({
      path: 'residentId',
      code: 'people.resident_not_found',
    });
    const xhy = await t.as('xhy_worker');
    const created = await xhy.post('/api/people/party-members', { residentId: other.id });
    expect(created.statusCode).toBe(201);
    expect((await worker.get(`/api/people/party-members/${created.json().id}`)).statusCode).toBe(404);
    expect(
      (await worker.patch(`/api/people/party-members/${created.json().id}`, { reporting: false })).statusCode,
    ).toBe(404);
  });

  it('a member can be edited: becoming a 党员中心户 and leaving in-service reporting', async () => {
    const worker = await t.as('tongdu_worker');
    const m = (await worker.get(`/api/people/party-members?q=${encodeURIComponent('陈在职')}`)).json()
      .items[0];
    const res = await worker.patch(`/api/people/party-members/${m.id}`, {
      isCentralHousehold: true,
      reporting: false,
      employer: null,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      isCentralHousehold: true,
      reporting: false,
      employer: null,
      name: '陈在职',
    });
    expect((await worker.get('/api/people/party-members?centralHousehold=true')).json().total).toBe(1);
  });
});
