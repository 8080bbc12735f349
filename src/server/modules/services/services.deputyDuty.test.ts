import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../../test/app';
import { deputies } from '../people/people.table';

/**
 * Seed 003 三(三)1 / 附件2 #27 (SEED-MAP S003-44): 两代表一委员 do liaison duty (接待、联系群众) at the
 * neighbour stations: a deputy from the people registry is put on a duty slot, their duty log records
 * the visitors and the matters heard, and the duty report counts their slots and visitors per station.
 */
let t: TestApp;
let worker: Client;
let xhyWorker: Client;
let stationId = '';
const dep = { wang: '', li: '', zhao: '' };

/** An hour (China time) of 2026-11-24, the test day. */
const at = (h: number) => new Date(Date.UTC(2026, 10, 24, h - 8)).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  const now = t.clock.now();
  const deputy = async (name: string, kind: string, unit: { id: string; path: string }) => {
    const [row] = await t.database.db
      .insert(deputies)
      .values({
        id: t.deps.ids(),
        name,
        kind,
        level: '区',
        orgUnitId: unit.id,
        orgPath: unit.path,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    return row!.id;
  };
  dep.wang = await deputy('王建华', 'peoples_congress', t.fx.tongdu);
  dep.li = await deputy('李秀梅', 'cppcc', t.fx.tongdu);
  dep.zhao = await deputy('赵国强', 'party_congress', t.fx.xihuayuan);
  worker = await t.as('tongdu_worker');
  xhyWorker = await t.as('xhy_worker');
  const s = await worker.post('/api/services/stations', {
    communityId: t.fx.tongdu.id,
    name: '铜都代表联络驿站',
  });
  expect(s.statusCode, s.body).toBe(201);
  stationId = s.json().id;
});
afterAll(() => t.close());

/** Puts someone on duty at the station from `from` to `to` o'clock on the test day. */
const duty = (body: Record<string, unknown>, from: number, to: number, client = worker) =>
  client.post('/api/services/duty', { stationId, startsAt: at(from), endsAt: at(to), ...body });

describe('seed 003 (S003-44): 两代表一委员 on liaison duty at the neighbour stations', () => {
  let wangSlot = '';

  it('seed 003 (S003-44): a deputy registered in the station’s community is picked from the registry and put on duty; one from another community is 422 with a Chinese message', async () => {
    // The deputies who may be on duty here: the station's community's, not another's.
    const picks = await worker.get(`/api/services/stations/${stationId}/deputies`);
    expect(picks.statusCode, picks.body).toBe(200);
    expect(
      picks
        .json()
        .map((d: { name: string }) => d.name)
        .sort(),
    ).toEqual(['李秀梅', '王建华'].sort());
    expect((await worker.get(`/api/services/stations/${stationId}/deputies?q=秀`)).json()).toEqual([
      { id: dep.li, name: '李秀梅' },
    ]);
    expect((await xhyWorker.get(`/api/services/stations/${stationId}/deputies`)).statusCode).toBe(404);

    // Scheduled: the slot is the deputy's, named as in the registry.
    const slot = await duty({ personType: 'deputy', personName: '王代表', personId: dep.wang }, 9, 11);
    expect(slot.statusCode, slot.body).toBe(201);
    expect(slot.json()).toMatchObject({ personType: 'deputy', personName: '王建华', personId: dep.wang });
    wangSlot = slot.json().id;

    // A deputy of another community (西花苑) is not in this station's reach: 422 on the person.
    const outside = await duty({ personType: 'deputy', personName: '赵国强', personId: dep.zhao }, 14, 16);
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('services.duty_deputy_outside');
    expect(outside.json().error.message).toBe(
      '该代表委员不在本驿站所在社区的两代表一委员名册中，不能在此值班',
    );
    expect(outside.json().error.details.fields[0]).toMatchObject({
      path: 'personId',
      code: 'services.duty_deputy_outside',
    });
    // …so is an id that is no deputy at all; and a deputy must be picked from the registry.
    const unknown = await duty(
      { personType: 'deputy', personName: '某代表', personId: t.deps.ids() },
      14,
      16,
    );
    expect(unknown.statusCode).toBe(422);
    const unpicked = await duty({ personType: 'deputy', personName: '某代表' }, 14, 16);
    expect(unpicked.statusCode).toBe(400);
    expect(unpicked.json().error.details.fields[0]).toMatchObject({
      path: 'personId',
      message: '请从两代表一委员名册中选择值班的代表委员',
    });
    // Another community's worker cannot schedule at this station at all (404).
    const foreign = await duty(
      { personType: 'deputy', personName: '赵国强', personId: dep.zhao },
      14,
      16,
      xhyWorker,
    );
    expect(foreign.statusCode).toBe(404);
    // The same deputy cannot be on duty twice at once.
    const clash = await duty({ personType: 'deputy', personName: '王建华', personId: dep.wang }, 10, 12);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('services.duty_conflict');
  });

  it('seed 003 (S003-44): the deputy’s duty log records the visitors and matters heard; the duty report counts deputy slots and visitors per station, and exports them', async () => {
    const log = await worker.post(`/api/services/duty/${wangSlot}/logs`, {
      content: '接待群众 5 人，听取小区停车难、加装电梯的意见，已转社区协商',
      visitors: 5,
    });
    expect(log.statusCode, log.body).toBe(201);
    expect(
      (
        await worker.post(`/api/services/duty/${wangSlot}/logs`, {
          content: '回访反映噪音的居民',
          visitors: 2,
        })
      ).statusCode,
    ).toBe(201);
    const logs = (await worker.get(`/api/services/duty/${wangSlot}/logs`)).json();
    expect(logs.map((l: { visitors: number }) => l.visitors)).toEqual([5, 2]);
    expect(logs[0].content).toContain('停车难');
    // A second deputy's slot without a log yet, and a resident representative's slot with one.
    expect(
      (await duty({ personType: 'deputy', personName: '李秀梅', personId: dep.li }, 14, 16)).statusCode,
    ).toBe(201);
    const rep = await duty({ personType: 'resident_rep', personName: '陈居民' }, 14, 17);
    expect(rep.statusCode, rep.body).toBe(201);
    await worker.post(`/api/services/duty/${rep.json().id}/logs`, { content: '接待咨询', visitors: 3 });

    const period = `from=${at(0)}&to=${at(24)}`;
    const report = await worker.get(`/api/services/duty/report?communityId=${t.fx.tongdu.id}&${period}`);
    expect(report.statusCode, report.body).toBe(200);
    const row = { slots: 3, visitors: 10, deputySlots: 2, deputyVisitors: 7, deputyLogs: 2 };
    expect(report.json().stations).toEqual([
      {
        stationId,
        stationName: '铜都代表联络驿站',
        communityId: t.fx.tongdu.id,
        communityName: t.fx.tongdu.name,
        ...row,
      },
    ]);
    expect(report.json().total).toEqual(row);
    // Slots outside the period do not count; another community's worker neither sees the station nor
    // may ask for the community.
    const later = (await worker.get(`/api/services/duty/report?from=${at(24)}&to=${at(48)}`)).json();
    expect(later.total).toEqual({ slots: 0, visitors: 0, deputySlots: 0, deputyVisitors: 0, deputyLogs: 0 });
    expect((await xhyWorker.get(`/api/services/duty/report?${period}`)).json().stations).toEqual([]);
    expect((await xhyWorker.get(`/api/services/duty/report?communityId=${t.fx.tongdu.id}`)).statusCode).toBe(
      404,
    );

    // The Excel export carries the deputies' columns, per station and in total.
    const xlsx = await worker.get(`/api/services/duty/report.xlsx?communityId=${t.fx.tongdu.id}&${period}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('驿站值班统计')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '社区',
      '驿站',
      '值班班次',
      '接待人次',
      '代表委员值班班次',
      '代表委员接待人次',
      '代表委员记录事项',
    ]);
    expect((ws.getRow(2).values as unknown[]).slice(1)).toEqual([
      t.fx.tongdu.name,
      '铜都代表联络驿站',
      3,
      10,
      2,
      7,
      2,
    ]);
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual(['合计', '', 3, 10, 2, 7, 2]);
  });
});
