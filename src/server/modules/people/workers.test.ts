import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Registers a grid worker named `name` at `orgUnitId` as `c`, with any further `fields`. */
const addGridWorker = (c: Client, name: string, orgUnitId: string, fields: Record<string, unknown> = {}) =>
  c.post('/api/people/workers', { name, orgUnitId, kind: 'grid_worker', ...fields });

async function auditOf(action: string, entityId: string) {
  const admin = await t.as('admin');
  return (await admin.get(`/api/audit?action=${action}&entityId=${entityId}`)).json();
}

describe('community and grid workers', () => {
  it('R-LAW-PI-1: a community worker phone is stored encrypted and only ever answered masked', async () => {
    const sd = await t.as('sd_admin');
    const res = await sd.post('/api/people/workers', {
      name: '陆合香',
      gender: 'female',
      orgUnitId: t.fx.tongdu.id,
      kind: 'community_worker',
      postType: 'secretary_director',
      grade: 15,
      qualifications: ['social_worker'],
      phone: '139 1234 5678',
    });
    expect(res.statusCode).toBe(201);
    const w = res.json();
    expect(w).toMatchObject({
      phone: '139****5678',
      postType: 'secretary_director',
      grade: 15,
      active: true,
      orgUnitName: '铜都社区',
    });
    expect((await sd.get(`/api/people/workers/${w.id}`)).json().phone).toBe('139****5678');
    const list = await sd.get(`/api/people/workers?q=${encodeURIComponent('陆合')}`);
    expect(list.body).not.toContain('13912345678');
    expect(list.json().items[0].phone).toBe('139****5678');

    const rows = await t.database.db.execute('select phone_enc, phone_mask from workers' as never);
    expect(JSON.stringify(rows)).not.toContain('13912345678');
    expect(JSON.stringify(rows)).toContain('v1.');
    const audit = await auditOf('people.worker.create', w.id);
    expect(audit.total).toBe(1);
    expect(audit.items[0].actorName).toBe('sd_admin');
    expect(JSON.stringify(audit.items[0])).not.toMatch(/13912345678|5678|v1\./);
  });

  it('四岗十八级: a community worker needs one of the four post types and a grade from 1 to 18; bad input changes nothing', async () => {
    const sd = await t.as('sd_admin');
    const before = (await sd.get('/api/people/workers?status=all')).json().total;
    const base = { name: '张岗', orgUnitId: t.fx.tongdu.id, kind: 'community_worker' };
    const noPost = await sd.post('/api/people/workers', base);
    expect(noPost.statusCode).toBe(422);
    expect(noPost.json().error.details.fields[0]).toMatchObject({
      path: 'postType',
      code: 'people.post_type',
    });
    expect(
      (await sd.post('/api/people/workers', { ...base, postType: 'general', grade: 19 })).statusCode,
    ).toBe(400);
    expect(
      (await sd.post('/api/people/workers', { ...base, postType: 'general', grade: '5' })).statusCode,
    ).toBe(400);
    expect((await sd.post('/api/people/workers', { ...base, postType: 'chief' })).statusCode).toBe(400);
    expect(
      (await sd.post('/api/people/workers', { ...base, postType: 'general', salary: 1 })).statusCode,
    ).toBe(400);
    const badPhone = await sd.post('/api/people/workers', { ...base, postType: 'general', phone: '12345' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().error.details.fields[0]).toMatchObject({
      path: 'phone',
      message: '手机号码格式不正确',
    });
    const gridWithPost = await sd.post('/api/people/workers', {
      ...base,
      kind: 'grid_worker',
      postType: 'general',
    });
    expect(gridWithPost.statusCode).toBe(422);
    const atBuilding = await sd.post('/api/people/workers', {
      ...base,
      postType: 'general',
      orgUnitId: t.fx.tongduBuilding.id,
    });
    expect(atBuilding.statusCode).toBe(422);
    expect(atBuilding.json().error.details.fields[0].path).toBe('orgUnitId');
    expect((await sd.get('/api/people/workers?status=all')).json().total).toBe(before);
  });

  it('R-ORG-3: grid workers are full- or part-time (专兼结合, seed 003); only a grid worker can be part-time', async () => {
    const worker = await t.as('tongdu_worker');
    const pt = await addGridWorker(worker, '兼职网格员', t.fx.tongdu.id, { partTime: true });
    expect(pt.statusCode, pt.body).toBe(201);
    expect(pt.json().partTime).toBe(true);
    const full = await worker.patch(`/api/people/workers/${pt.json().id}`, { partTime: false });
    expect(full.json().partTime).toBe(false);
    const cw = await worker.post('/api/people/workers', {
      name: '社区工作者',
      orgUnitId: t.fx.tongdu.id,
      kind: 'community_worker',
      postType: 'general',
      partTime: true,
    });
    expect(cw.statusCode).toBe(422);
    expect(cw.json().error.details.fields[0].path).toBe('partTime');
  });

  it('a grid worker is assigned to a grid of their community and unassigned again; both are audited', async () => {
    const worker = await t.as('tongdu_worker');
    const gw = (await addGridWorker(worker, '网格员甲', t.fx.tongdu.id, { phone: '13700001111' })).json();
    expect(gw.abilities).toMatchObject({ assignGrids: true, deactivate: true, activate: false });
    const assigned = await worker.post(`/api/people/workers/${gw.id}/grids`, { gridId: t.fx.tongduGrid.id });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json().grids).toEqual([{ id: t.fx.tongduGrid.id, name: '铜都第一网格' }]);
    expect((await worker.get(`/api/people/workers/${gw.id}/grids`)).json()).toEqual([
      { id: t.fx.tongduGrid.id, name: '铜都第一网格' },
    ]);
    expect(
      (await worker.get(`/api/people/workers?gridId=${t.fx.tongduGrid.id}`))
        .json()
        .items.map((w: { id: string }) => w.id),
    ).toEqual([gw.id]);
    const again = await worker.post(`/api/people/workers/${gw.id}/grids`, { gridId: t.fx.tongduGrid.id });
    expect(again.statusCode).toBe(409);
    expect((await auditOf('people.worker.assign_grid', gw.id)).total).toBe(1);

    const removed = await worker.request({
      method: 'DELETE',
      url: `/api/people/workers/${gw.id}/grids/${t.fx.tongduGrid.id}`,
    });
    expect(removed.statusCode).toBe(204);
    expect((await worker.get(`/api/people/workers/${gw.id}`)).json().grids).toEqual([]);
    const twice = await worker.request({
      method: 'DELETE',
      url: `/api/people/workers/${gw.id}/grids/${t.fx.tongduGrid.id}`,
    });
    expect(twice.statusCode).toBe(404);
    expect((await auditOf('people.worker.unassign_grid', gw.id)).total).toBe(1);
  });

  it('R-ORG-1: a grid must be a unit of kind grid inside the actor scope and inside the worker community', async () => {
    const worker = await t.as('tongdu_worker');
    const gw = (
      await worker.get(`/api/people/workers?kind=grid_worker&q=${encodeURIComponent('网格员甲')}`)
    ).json().items[0];
    const building = await worker.post(`/api/people/workers/${gw.id}/grids`, {
      gridId: t.fx.tongduBuilding.id,
    });
    expect(building.statusCode).toBe(422);
    expect(building.json().error.details.fields[0]).toMatchObject({
      path: 'gridId',
      code: 'people.grid_kind',
    });
    const outOfScope = await worker.post(`/api/people/workers/${gw.id}/grids`, {
      gridId: t.fx.xihuayuanGrid.id,
    });
    expect(outOfScope.statusCode).toBe(404);
    const sd = await t.as('sd_admin');
    const otherCommunity = await sd.post(`/api/people/workers/${gw.id}/grids`, {
      gridId: t.fx.xihuayuanGrid.id,
    });
    expect(otherCommunity.statusCode).toBe(422);
    expect(otherCommunity.json().error.details.fields[0].code).toBe('people.grid_outside');
    const cw = (await worker.get('/api/people/workers?kind=community_worker')).json().items[0];
    expect(
      (await worker.post(`/api/people/workers/${cw.id}/grids`, { gridId: t.fx.tongduGrid.id })).statusCode,
    ).toBe(422);
    expect((await worker.get(`/api/people/workers/${gw.id}`)).json().grids).toEqual([]);
  });

  it('R-ORG-3: a worker who leaves is deactivated, not deleted: off the default list, kept under status=all, no new grids', async () => {
    const worker = await t.as('tongdu_worker');
    const gw = (await worker.get(`/api/people/workers?q=${encodeURIComponent('网格员甲')}`)).json().items[0];
    const off = await worker.post(`/api/people/workers/${gw.id}/deactivate`);
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({
      active: false,
      abilities: { activate: true, deactivate: false, assignGrids: false },
    });
    expect(
      (await worker.get('/api/people/workers')).json().items.map((w: { id: string }) => w.id),
    ).not.toContain(gw.id);
    expect(
      (await worker.get('/api/people/workers?status=inactive')).json().items.map((w: { id: string }) => w.id),
    ).toEqual([gw.id]);
    expect((await worker.post(`/api/people/workers/${gw.id}/deactivate`)).statusCode).toBe(409);
    expect(
      (await worker.post(`/api/people/workers/${gw.id}/grids`, { gridId: t.fx.tongduGrid.id })).statusCode,
    ).toBe(409);
    expect((await auditOf('people.worker.deactivate', gw.id)).total).toBe(1);
    const on = await worker.post(`/api/people/workers/${gw.id}/activate`);
    expect(on.json().active).toBe(true);
  });

  it('an edit can change the phone; the answer and the audit trail stay masked', async () => {
    const worker = await t.as('tongdu_worker');
    const gw = (await worker.get(`/api/people/workers?q=${encodeURIComponent('网格员甲')}`)).json().items[0];
    const res = await worker.patch(`/api/people/workers/${gw.id}`, { phone: '13811112222', grade: 3 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ phone: '138****2222', grade: 3 });
    const audit = await auditOf('people.worker.update', gw.id);
    expect(audit.total).toBe(1);
    expect(JSON.stringify(audit.items[0])).not.toContain('13811112222');
  });

  it('R-ORG-1: a 铜都 worker gets 404 for a 西花苑 worker, on reads and on writes', async () => {
    const xhy = await t.as('xhy_worker');
    const other = (await addGridWorker(xhy, '西花苑网格员', t.fx.xihuayuanGrid.id)).json();
    const worker = await t.as('tongdu_worker');
    expect((await worker.get(`/api/people/workers/${other.id}`)).statusCode).toBe(404);
    expect((await worker.patch(`/api/people/workers/${other.id}`, { name: '改' })).statusCode).toBe(404);
    expect((await worker.post(`/api/people/workers/${other.id}/deactivate`)).statusCode).toBe(404);
    expect((await worker.get(`/api/people/workers/${other.id}/grids`)).statusCode).toBe(404);
    expect(
      (await worker.get('/api/people/workers?status=all&pageSize=200'))
        .json()
        .items.map((w: { id: string }) => w.id),
    ).not.toContain(other.id);
    expect((await addGridWorker(worker, '越权', t.fx.xihuayuan.id)).statusCode).toBe(404);
    expect((await worker.get(`/api/people/workers/not-a-uuid`)).statusCode).toBe(404);
    // Filtering by a grid of another community is a 404 too, never an empty page (issue 9, route matrix).
    expect((await worker.get(`/api/people/workers?gridId=${t.fx.xihuayuanGrid.id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/people/workers?gridId=${t.fx.tongduGrid.id}`)).statusCode).toBe(200);
  });

  it('a grid worker may read the registry but not write it (403); an evaluator may not read it (403)', async () => {
    const grid = await t.as('grid_worker');
    expect((await grid.get('/api/people/workers')).statusCode).toBe(200);
    expect((await addGridWorker(grid, 'x', t.fx.tongduGrid.id)).statusCode).toBe(403);
    const ev = await t.as('evaluator');
    expect((await ev.get('/api/people/workers')).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/people/workers')).statusCode).toBe(401);
  });
});
