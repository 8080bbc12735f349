import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser } from '../../../../test/app';
import { auditLog } from '../../platform/audit.table';
import { calendarFor } from '../../platform/calendar';
import { remindMissingSchedules } from './calendar.usecases';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'civil', [{ role: 'civil_affairs', orgUnitId: t.fx.city.id }]);
});
afterAll(() => t.close());

const cn = (local: string) => new Date(`${local}+08:00`);
const put = (c: Client, year: number | string, body: unknown, headers: Record<string, string> = {}) =>
  c.request({ method: 'PUT', url: `/api/calendar/${year}`, payload: body as object, headers });

const NATIONAL_DAY_2027 = ['01', '02', '03', '04', '05', '06', '07'].map((d) => ({
  date: `2027-10-${d}`,
  kind: 'holiday',
  name: '国庆节',
}));
/** A made-up 2027 schedule (the real one is not published yet). */
const FICTIONAL_2027 = {
  days: [
    { date: '2027-01-01', kind: 'holiday', name: '元旦' },
    ...NATIONAL_DAY_2027,
    { date: '2027-09-26', kind: 'workday', name: '国庆节' },
    { date: '2027-10-09', kind: 'workday', name: '国庆节' },
  ],
};

describe('calendar API (R-LAW-CAL-1)', () => {
  it('any logged-in user reads the 2026 schedule from the package: holidays and adjusted working weekends', async () => {
    const worker = await t.as('tongdu_worker');
    const res = await worker.get('/api/calendar?year=2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ year: 2026, source: 'package', abilities: { replace: false } });
    expect(body.days).toContainEqual({
      date: '2026-10-01',
      kind: 'holiday',
      name: '国庆节',
      source: 'package',
    });
    expect(body.days).toContainEqual({
      date: '2026-09-20',
      kind: 'workday',
      name: '国庆节',
      source: 'package',
    });
    expect(body.days).toContainEqual({
      date: '2026-02-17',
      kind: 'holiday',
      name: '春节',
      source: 'package',
    });
    // Ordinary weekends are not listed.
    expect(body.days.find((d: { date: string }) => d.date === '2026-03-14')).toBeUndefined();
  });

  it('without a year it answers the current year in China time', async () => {
    t.clock.set(new Date('2026-12-31T16:30:00Z')); // already 1 Jan 2027 in Beijing
    const res = await (await t.as('admin')).get('/api/calendar');
    expect(res.json()).toMatchObject({ year: 2027, source: null, days: [], abilities: { replace: true } });
    t.clock.set(cn('2026-11-23T09:00:00'));
  });

  it('R-LAW-CAL-1: the calendar names every year of the next 12 months that has no schedule, and a daily reminder audits and logs it', async () => {
    t.clock.set(cn('2026-11-23T09:00:00'));
    const worker = await t.as('tongdu_worker');
    // Whatever year is looked at, 2027 (not shipped by the package) is reported.
    expect((await worker.get('/api/calendar?year=2025')).json().unscheduledSoon).toEqual([2027]);
    t.clock.set(cn('2026-03-01T09:00:00')); // 12 months ahead is still 2027
    expect((await (await t.as('tongdu_worker')).get('/api/calendar')).json().unscheduledSoon).toEqual([2027]);
    t.clock.set(cn('2025-11-23T09:00:00')); // 2025 and 2026 are shipped
    expect((await (await t.as('tongdu_worker')).get('/api/calendar')).json().unscheduledSoon).toEqual([]);

    t.clock.set(cn('2026-11-23T09:00:00'));
    const lines: string[] = [];
    const ctx = { ...t.deps, requestId: 'calendar-reminder' };
    expect(await remindMissingSchedules(ctx, (m) => lines.push(m))).toEqual([2027]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('2027 年节假日安排尚未发布，期限按周末推算');
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'calendar.schedule_missing'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entityType: 'calendar_year',
      entityId: '2027',
      success: true,
      after: { years: [2027], checkedOn: '2026-11-23' },
    });
  });

  it('nobody logged in gets 401', async () => {
    expect((await t.anonymous.get('/api/calendar?year=2026')).statusCode).toBe(401);
  });

  it('an admin loads a fictional 2027 schedule and work-order deadlines follow it at once (R-LAW-WO-4), audited', async () => {
    const calendar = calendarFor(t.deps.db);
    // Before: 2027 is unknown, so Fri 1 Oct counts and 5 working days end on Thu 7 Oct.
    expect(await calendar.addWorkingDays(cn('2027-09-30T10:00:00'), 5)).toEqual(cn('2027-10-07T18:00:00'));

    const admin = await t.as('admin');
    const res = await put(admin, 2027, FICTIONAL_2027);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ year: 2027, source: 'admin' });
    expect(res.json().days).toHaveLength(10);
    expect(res.json().days[0]).toEqual({
      date: '2027-01-01',
      kind: 'holiday',
      name: '元旦',
      source: 'admin',
    });

    // After: 1–7 Oct off, Sat 9 Oct worked: Fri 8, Sat 9, Mon 11, Tue 12, Wed 13.
    expect(await calendar.addWorkingDays(cn('2027-09-30T10:00:00'), 5)).toEqual(cn('2027-10-13T18:00:00'));
    expect(await calendar.isWorkingDay('2027-09-26')).toBe(true); // the adjusted working Sunday

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'calendar.replace_year'), eq(auditLog.entityId, '2027')));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityType: 'calendar_year', success: true, before: { days: [] } });
    expect((audit[0]!.after as { days: unknown[] }).days).toHaveLength(10);

    const read = await (await t.as('grid_worker')).get('/api/calendar?year=2027');
    expect(read.json().source).toBe('admin');
    // With 2027 loaded, nothing is missing any more: no banner, no reminder.
    expect(read.json().unscheduledSoon).toEqual([]);
    expect(await remindMissingSchedules({ ...t.deps }, () => undefined)).toEqual([]);
  });

  it('loading a year again replaces it as a whole; an empty list returns it to the package data', async () => {
    const civil = await t.as('civil');
    const again = await put(civil, 2027, { days: NATIONAL_DAY_2027 });
    expect(again.statusCode).toBe(200);
    expect(again.json().days.map((d: { date: string }) => d.date)).not.toContain('2027-01-01');
    expect(await calendarFor(t.deps.db).isWorkingDay('2027-10-09')).toBe(false); // no longer worked

    // Override 2026 with one day, then drop the override.
    const one = await put(civil, 2026, { days: [{ date: '2026-12-31', kind: 'holiday', name: '测试' }] });
    expect(one.json()).toMatchObject({ source: 'admin', days: [{ date: '2026-12-31', source: 'admin' }] });
    expect(await calendarFor(t.deps.db).isWorkingDay('2026-10-05')).toBe(true);
    const back = await put(civil, 2026, { days: [] });
    expect(back.json().source).toBe('package');
    expect(await calendarFor(t.deps.db).isWorkingDay('2026-10-05')).toBe(false);
  });

  it('a community worker cannot load a schedule (403), nor can a subdistrict admin: the calendar is platform-wide', async () => {
    for (const user of ['tongdu_worker', 'sd_admin']) {
      const res = await put(await t.as(user), 2027, FICTIONAL_2027);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('common.forbidden');
    }
    expect((await put(t.anonymous, 2027, FICTIONAL_2027)).statusCode).toBe(401);
  });

  it('a date outside the year, or a weekday marked as a working weekend, is refused with field errors (422) and changes nothing', async () => {
    const admin = await t.as('admin');
    const before = (await admin.get('/api/calendar?year=2027')).json();
    const res = await put(admin, 2027, {
      days: [
        { date: '2027-10-01', kind: 'holiday', name: '国庆节' },
        { date: '2028-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-10-08', kind: 'workday', name: '国庆节' }, // a Friday
      ],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields).toEqual([
      { path: 'days.1.date', code: 'calendar.date_outside_year', message: '日期不在所设置的年份内' },
      { path: 'days.2.date', code: 'calendar.workday_not_weekend', message: '调休上班日必须是周六或周日' },
    ]);
    expect((await admin.get('/api/calendar?year=2027')).json()).toEqual(before);
  });

  it('duplicates, impossible dates, unknown kinds, bad years and unknown fields are 400 with field details', async () => {
    const admin = await t.as('admin');
    const dup = await put(
      admin,
      2027,
      { days: [NATIONAL_DAY_2027[0], NATIONAL_DAY_2027[0]] },
      { 'accept-language': 'en' },
    );
    expect(dup.statusCode).toBe(400);
    expect(dup.json().error.details.fields).toContainEqual({
      path: 'days.1.date',
      code: 'custom',
      message: 'Each date may appear only once',
    });

    const feb30 = await put(admin, 2027, { days: [{ date: '2027-02-30', kind: 'holiday', name: '春节' }] });
    expect(feb30.statusCode).toBe(400);
    expect(feb30.json().error.details.fields[0]).toMatchObject({ path: 'days.0.date' });

    const kind = await put(admin, 2027, { days: [{ date: '2027-02-08', kind: 'vacation', name: '春节' }] });
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details.fields[0]).toMatchObject({ path: 'days.0.kind' });

    expect((await put(admin, 'next', FICTIONAL_2027)).statusCode).toBe(400);
    expect((await put(admin, 1999, { days: [] })).statusCode).toBe(400);
    expect((await admin.get('/api/calendar?year=abc')).statusCode).toBe(400);
    expect((await put(admin, 2027, { days: [], note: 'x' })).statusCode).toBe(400);
    expect((await put(admin, 2027, [])).statusCode).toBe(400);
    const blank = await put(admin, 2027, { days: [{ date: '2027-02-08', kind: 'holiday', name: ' ' }] });
    expect(blank.statusCode).toBe(400);
  });
});
