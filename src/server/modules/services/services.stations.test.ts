import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../../test/app';

/**
 * Seed 000 二.2 (SEED-MAP S000-09): "依托社区党群服务中心、小区物业服务中心等建设“邻里驿站”……建成集学习、休闲、
 * 调解、议事等功能为一体的服务站点" — a neighbour station records the facility it is built in (one of the
 * facilities registry's, in the station's community) and which of the four functions it combines.
 */
let t: TestApp;
let worker: Client; // 铜都社区
let xhyWorker: Client; // 西花苑社区
const host = { centre: '', grid: '', xhy: '' };

beforeAll(async () => {
  t = await createTestApp();
  worker = await t.as('tongdu_worker');
  xhyWorker = await t.as('xhy_worker');
  const facility = async (c: Client, orgUnitId: string, kind: string, name: string) => {
    const res = await c.post('/api/facilities', { orgUnitId, kind, name });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().id as string;
  };
  host.centre = await facility(worker, t.fx.tongdu.id, 'party_mass_centre', '铜都社区党群服务中心');
  host.grid = await facility(worker, t.fx.tongduGrid.id, 'property_office', '铜都小区物业服务中心');
  host.xhy = await facility(xhyWorker, t.fx.xihuayuan.id, 'party_mass_centre', '西花苑社区党群服务中心');
});
afterAll(() => t.close());

const newStation = (body: Record<string, unknown>, c: Client = worker) =>
  c.post('/api/services/stations', { communityId: t.fx.tongdu.id, name: '铜都邻里驿站', ...body });

describe('seed 000 二.2 (S000-09): a neighbour station’s host facility and functions', () => {
  it('seed 000 (S000-09): a station is created in a facility of its community with its functions, kept in the seed’s order', async () => {
    const res = await newStation({
      hostFacilityId: host.centre,
      functions: ['deliberation', 'study', 'leisure'],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      hostFacilityId: host.centre,
      hostFacilityName: '铜都社区党群服务中心',
      functions: ['study', 'leisure', 'deliberation'],
    });
    // Without either: no host, no functions.
    const bare = await newStation({ name: '铜都简易驿站' });
    expect(bare.json()).toMatchObject({ hostFacilityId: null, hostFacilityName: null, functions: [] });
    // The list shows them.
    const list = (await worker.get(`/api/services/stations?communityId=${t.fx.tongdu.id}`)).json();
    expect(list.find((s: { id: string }) => s.id === res.json().id)).toMatchObject({
      hostFacilityName: '铜都社区党群服务中心',
      functions: ['study', 'leisure', 'deliberation'],
    });
  });

  it('seed 000 (S000-09): a host facility of another community, or of none, is a 422 on the field with a Chinese message; an unknown function is a 400', async () => {
    for (const hostFacilityId of [host.xhy, t.deps.ids()]) {
      const res = await newStation({ name: '借用外社区设施的驿站', hostFacilityId });
      expect(res.statusCode).toBe(422);
      expect(res.json().error).toMatchObject({
        code: 'services.station_host_outside',
        message: '所选设施不存在或不在本驿站所在社区（村），请从本社区（村）登记的设施中选择',
      });
      expect(res.json().error.details.fields).toEqual([
        expect.objectContaining({ path: 'hostFacilityId', code: 'services.station_host_outside' }),
      ]);
    }
    expect((await newStation({ functions: ['karaoke'] })).statusCode).toBe(400);
    // 西花苑's own facility is fine for 西花苑's station.
    const xhy = await newStation({ communityId: t.fx.xihuayuan.id, hostFacilityId: host.xhy }, xhyWorker);
    expect(xhy.statusCode, xhy.body).toBe(201);
  });

  it('seed 000 (S000-09): staff change the host (a facility under the community), the functions and the state; audited; out of scope is 404', async () => {
    const s = (
      await newStation({ name: '铜都改建驿站', hostFacilityId: host.centre, functions: ['study'] })
    ).json();
    const upd = await worker.patch(`/api/services/stations/${s.id}`, {
      hostFacilityId: host.grid,
      functions: ['study', 'leisure', 'mediation', 'deliberation'],
      active: false,
    });
    expect(upd.statusCode, upd.body).toBe(200);
    expect(upd.json()).toMatchObject({
      name: '铜都改建驿站',
      hostFacilityName: '铜都小区物业服务中心',
      functions: ['study', 'leisure', 'mediation', 'deliberation'],
      active: false,
    });
    // Another community's facility is refused on change too, and nothing changes.
    const foreign = await worker.patch(`/api/services/stations/${s.id}`, { hostFacilityId: host.xhy });
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().error.code).toBe('services.station_host_outside');
    // Another community's worker neither changes nor learns of it.
    expect(
      (await xhyWorker.patch(`/api/services/stations/${s.id}`, { hostFacilityId: host.xhy })).statusCode,
    ).toBe(404);
    expect((await worker.patch(`/api/services/stations/${t.deps.ids()}`, { name: 'x' })).statusCode).toBe(
      404,
    );
    // Cleared with null.
    const cleared = await worker.patch(`/api/services/stations/${s.id}`, { hostFacilityId: null });
    expect(cleared.json()).toMatchObject({ hostFacilityId: null, hostFacilityName: null, active: false });
    const audit = (
      await (await t.as('admin')).get(`/api/audit?entityType=svc_station&entityId=${s.id}`)
    ).json();
    const updates = audit.items
      .filter((a: { action: string }) => a.action === 'services.station_update')
      .map((a: { before: { hostFacilityId: string | null }; after: { hostFacilityId: string | null } }) => [
        a.before.hostFacilityId,
        a.after.hostFacilityId,
      ]);
    expect(updates).toEqual(
      expect.arrayContaining([
        [host.centre, host.grid],
        [host.grid, null],
      ]),
    );
    expect(updates).toHaveLength(2);
  });
});
