import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../../test/app';
import { auditLog } from '../../platform/audit.table';
import { evidenceSource } from '../../platform/offerings';
import { ZHOUSHAN_2017, flattenDef } from '../assessments/assessments.zhoushan';

// The register of serious incidents of seed 004's assessment standard (附件2 Ⅱ-4 item 4: 社区两年内无重大刑事案件，
// 无群体性事件，无越级上访、非正常上访，无邪教组织活动，无传销组织、无黄赌毒现象). DOMAIN.md names no rule for it.
// The test clock stands at 2026-11-23 (China). 铜都 holds the register tests' incidents; 西花苑 only the
// boundary test's, so its standing is known.

let t: TestApp;
let tongdu: Client;
let xhy: Client;
let grid: Client;
let sd: Client;

beforeAll(async () => {
  t = await createTestApp();
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
  grid = await t.as('grid_worker');
  sd = await t.as('sd_admin');
});
afterAll(() => t?.close());

const incident = (over: Record<string, unknown> = {}) => ({
  orgUnitId: t.fx.tongdu.id,
  kind: 'mass_incident',
  occurredOn: '2026-05-10',
  place: '铜都社区A小区南门',
  description: '约三十名业主因物业停车收费聚集，堵塞小区南门约两小时。',
  handlingResult: '街道、社区与派出所现场劝导，物业暂停新收费标准，人群自行散去。',
  reportedBy: '新下陆派出所',
  ...over,
});

type Standing = {
  communityId: string;
  clear: boolean;
  incidents: number;
  lastOn: string | null;
  clearFrom: string | null;
};
const standingOf = async (c: Client, communityId: string): Promise<Standing> => {
  const res = await c.get(`/api/disputes/incidents/communities?communityId=${communityId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.find((s: Standing) => s.communityId === communityId);
};

describe('seed 004 (S004-36) the register of serious incidents', () => {
  it('seed 004 (S004-36) community staff record an incident of a kind the standard lists; audited; read back in the list', async () => {
    const res = await tongdu.post('/api/disputes/incidents', incident());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      orgUnitId: t.fx.tongdu.id,
      unitName: t.fx.tongdu.name,
      kind: 'mass_incident',
      occurredOn: '2026-05-10',
      reportedBy: '新下陆派出所',
      countsUntil: '2028-05-10',
      counting: true,
      canEdit: true,
    });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audits.map((a) => a.action)).toEqual(['disputes.incident.create']);
    expect(audits[0]!.orgPath).toBe(t.fx.tongdu.path);

    const list = (await tongdu.get('/api/disputes/incidents')).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(r.id);
    // the subdistrict reads its communities' registers
    const all = (
      await sd.get(`/api/disputes/incidents?communityId=${t.fx.subdistrict.id}&pageSize=100`)
    ).json();
    expect(all.items.map((x: { id: string }) => x.id)).toContain(r.id);

    // the handling result added later: audited with before and after
    const edited = await tongdu.patch(`/api/disputes/incidents/${r.id}`, {
      handlingResult: '已化解，无后续聚集。',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().handlingResult).toBe('已化解，无后续聚集。');
    const [upd] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, r.id), eq(auditLog.action, 'disputes.incident.update')));
    expect(upd!.before).toMatchObject({ handlingResult: incident().handlingResult });
    expect(upd!.after).toMatchObject({ handlingResult: '已化解，无后续聚集。' });
  });

  it('seed 004 (S004-36) refuses a kind outside the list, a future day and a unit that is not a community', async () => {
    const badKind = await tongdu.post('/api/disputes/incidents', incident({ kind: 'traffic_accident' }));
    expect(badKind.statusCode).toBe(400);
    const future = await tongdu.post('/api/disputes/incidents', incident({ occurredOn: '2026-11-24' }));
    expect(future.statusCode).toBe(422);
    expect(future.json().error.code).toBe('disputes.incident_future');
    expect(future.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const grid1 = await tongdu.post('/api/disputes/incidents', incident({ orgUnitId: t.fx.tongduGrid.id }));
    expect(grid1.statusCode).toBe(422);
    expect(grid1.json().error.code).toBe('disputes.incident_unit');
    // a grid worker reads disputes but does not keep this register
    expect((await grid.post('/api/disputes/incidents', incident())).statusCode).toBe(403);
  });

  it('seed 004 (S004-36) filters by community, kind and period, a page at a time', async () => {
    const kinds = ['pyramid_selling', 'porn_gambling_drugs', 'pyramid_selling'] as const;
    const days = ['2025-03-01', '2025-06-15', '2025-09-30'];
    const ids: string[] = [];
    for (const [i, kind] of kinds.entries()) {
      const res = await tongdu.post(
        '/api/disputes/incidents',
        incident({ kind, occurredOn: days[i], place: `铜都社区${i + 1}号楼` }),
      );
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.json().id);
    }
    const byKind = (
      await sd.get(`/api/disputes/incidents?communityId=${t.fx.tongdu.id}&kind=pyramid_selling`)
    ).json();
    expect(byKind.items.map((x: { id: string }) => x.id)).toEqual([ids[2], ids[0]]); // newest first
    const inPeriod = (await tongdu.get('/api/disputes/incidents?from=2025-06-15&to=2025-09-29')).json();
    expect(inPeriod.items.map((x: { id: string }) => x.id)).toEqual([ids[1]]); // both ends inclusive
    const both = (
      await tongdu.get('/api/disputes/incidents?kind=pyramid_selling&from=2025-01-01&to=2025-12-31')
    ).json();
    expect(both.total).toBe(2);
    const page1 = (
      await tongdu.get('/api/disputes/incidents?from=2025-01-01&to=2025-12-31&pageSize=2')
    ).json();
    const page2 = (
      await tongdu.get('/api/disputes/incidents?from=2025-01-01&to=2025-12-31&pageSize=2&page=2')
    ).json();
    expect(page1).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.items).toHaveLength(2);
    expect([...page1.items, ...page2.items].map((x: { id: string }) => x.id)).toEqual([
      ids[2],
      ids[1],
      ids[0],
    ]);
  });

  it('seed 004 (S004-36) another community neither sees nor changes the register (404), nor records for it', async () => {
    const r = (await tongdu.post('/api/disputes/incidents', incident({ kind: 'cult_activity' }))).json();
    expect((await xhy.get(`/api/disputes/incidents?communityId=${t.fx.tongdu.id}`)).statusCode).toBe(404);
    expect(
      (await xhy.get(`/api/disputes/incidents/communities?communityId=${t.fx.tongdu.id}`)).statusCode,
    ).toBe(404);
    expect(
      (await xhy.get(`/api/disputes/incidents/export.xlsx?communityId=${t.fx.tongdu.id}`)).statusCode,
    ).toBe(404);
    const mine = (await xhy.get('/api/disputes/incidents?pageSize=100')).json();
    expect(mine.items.map((x: { id: string }) => x.id)).not.toContain(r.id);
    expect((await xhy.patch(`/api/disputes/incidents/${r.id}`, { place: '改' })).statusCode).toBe(404);
    expect((await xhy.post('/api/disputes/incidents', incident())).statusCode).toBe(404);
    // the standing lists only the reader's communities
    const standing = (await xhy.get('/api/disputes/incidents/communities')).json();
    expect(standing.items.map((s: Standing) => s.communityId)).toEqual([t.fx.xihuayuan.id]);
  });

  it('seed 004 (S004-36) the two-year boundary: an incident exactly two years ago counts, one a day older does not', async () => {
    expect(await standingOf(xhy, t.fx.xihuayuan.id)).toMatchObject({
      clear: true,
      incidents: 0,
      lastOn: null,
    });
    const older = await xhy.post(
      '/api/disputes/incidents',
      incident({
        orgUnitId: t.fx.xihuayuan.id,
        kind: 'abnormal_petition',
        occurredOn: '2024-11-22',
        place: '西花苑社区',
      }),
    );
    expect(older.statusCode, older.body).toBe(201);
    expect(older.json()).toMatchObject({ countsUntil: '2026-11-22', counting: false });
    expect(await standingOf(xhy, t.fx.xihuayuan.id)).toMatchObject({ clear: true, incidents: 0 });

    const exact = await xhy.post(
      '/api/disputes/incidents',
      incident({
        orgUnitId: t.fx.xihuayuan.id,
        kind: 'leapfrog_petition',
        occurredOn: '2024-11-23',
        place: '西花苑社区',
      }),
    );
    expect(exact.json()).toMatchObject({ countsUntil: '2026-11-23', counting: true });
    const s = (await xhy.get(`/api/disputes/incidents/communities?communityId=${t.fx.xihuayuan.id}`)).json();
    expect(s).toMatchObject({ today: '2026-11-23', windowFrom: '2024-11-23' });
    expect(s.items[0]).toMatchObject({
      clear: false,
      incidents: 1,
      lastOn: '2024-11-23',
      clearFrom: '2026-11-24',
    });
    expect(
      (await xhy.get('/api/disputes/incidents/communities?state=incident'))
        .json()
        .items.map((c: Standing) => c.communityId),
    ).toEqual([t.fx.xihuayuan.id]);
    expect((await xhy.get('/api/disputes/incidents/communities?state=clear')).json().total).toBe(0);

    // 29 February: 2024-02-29 counts until 2026-02-28 (no 29 February that year)
    const leap = await xhy.post(
      '/api/disputes/incidents',
      incident({ orgUnitId: t.fx.xihuayuan.id, occurredOn: '2024-02-29', place: '西花苑社区' }),
    );
    expect(leap.json()).toMatchObject({ countsUntil: '2026-02-28', counting: false });

    // the next China day, the same incident is two years and a day old: the community is clear again
    const now = t.clock.now();
    t.clock.set(new Date('2026-11-24T00:00:00+08:00'));
    try {
      const later = await t.as('xhy_worker'); // a new session: the day's idle limit has passed
      expect(await standingOf(later, t.fx.xihuayuan.id)).toMatchObject({ clear: true, incidents: 0 });
      const again = (await later.get('/api/disputes/incidents?kind=leapfrog_petition')).json();
      expect(again.items[0]).toMatchObject({ occurredOn: '2024-11-23', counting: false });
    } finally {
      t.clock.set(now);
    }
  });

  it('seed 004 (S004-36) exports the filtered register to Excel with the kinds in words, audited', async () => {
    await tongdu.post(
      '/api/disputes/incidents',
      incident({ kind: 'major_criminal_case', occurredOn: '2026-01-08' }),
    );
    const res = await tongdu.get(
      `/api/disputes/incidents/export.xlsx?communityId=${t.fx.tongdu.id}&kind=major_criminal_case`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(2).value).toBe('事件类别');
    const kinds = new Set<unknown>();
    ws.eachRow((row, n) => {
      if (n > 1) kinds.add(row.getCell(2).value);
    });
    expect([...kinds]).toEqual(['重大刑事案件']);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'disputes.incident.export'));
    expect(audits.length).toBeGreaterThan(0);
  });

  it('seed 004 (S004-36) the assessment reads the register as evidence on Zhoushan Ⅱ-4 (two years up to 31 December)', async () => {
    const ii4 = flattenDef(ZHOUSHAN_2017).find((n) => n.code === 'Ⅱ-4')!;
    expect(ii4.evidence).toContain('disputes.incidents');
    const src = evidenceSource('disputes.incidents')!;
    const year2026 = {
      from: new Date('2026-01-01T00:00:00+08:00'),
      to: new Date('2027-01-01T00:00:00+08:00'),
      locale: 'zh-CN' as const,
    };
    // 西花苑's incidents are all before 2024-12-31: clear for the 2026 round
    const clear = await src.find(t.deps.db, { ...year2026, orgPath: t.fx.xihuayuan.path }, 50);
    expect(clear).toEqual([
      expect.objectContaining({ ref: 'clear', title: '近两年（2024-12-31至2026-12-31）无所列重大事件' }),
    ]);
    expect(
      await src.find(t.deps.db, { ...year2026, orgPath: t.fx.xihuayuan.path, ref: 'clear' }, 50),
    ).toHaveLength(1);
    // 铜都 has some: each is a record, and the 'clear' record is not offered
    const listed = await src.find(t.deps.db, { ...year2026, orgPath: t.fx.tongdu.path }, 50);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((r) => r.title.startsWith('群体性事件'))).toBe(true);
    expect(await src.find(t.deps.db, { ...year2026, orgPath: t.fx.tongdu.path, ref: 'clear' }, 50)).toEqual(
      [],
    );
    const one = await src.find(
      t.deps.db,
      { ...year2026, orgPath: t.fx.tongdu.path, ref: listed[0]!.ref },
      50,
    );
    expect(one.map((r) => r.ref)).toEqual([listed[0]!.ref]);
  });
});
