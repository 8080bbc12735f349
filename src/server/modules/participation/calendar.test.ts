import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, signInNewUser } from '../../../../test/app';
import { chinaDate } from '../../../shared/chinaTime';
import { auditLog } from '../../platform/audit.table';

let t: TestApp;
let tongdu: Client; // 铜都社区 worker
let xhy: Client; // 西花苑社区 worker
let anon: Client;
let tongduMeeting = '';
let xhyMeeting = '';
const DAY = 24 * 3_600_000;

async function meeting(client: Client, orgUnitId: string, title: string) {
  const res = await client.post('/api/meetings', {
    orgUnitId,
    title,
    kind: 'hearing',
    basis: 'members',
    members: [{ name: '张三', gender: 'female' }],
    place: '社区党群服务中心二楼会议室',
    heldAt: new Date(t.clock.now().getTime() + 12 * DAY).toISOString(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'tongdu_cal_reader', [{ role: 'grid_worker', orgUnitId: t.fx.tongdu.id }]);
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
  anon = t.anonymous;
  tongduMeeting = await meeting(tongdu, t.fx.tongdu.id, '关于加装电梯的听证会,第一次');
  xhyMeeting = await meeting(xhy, t.fx.xihuayuan.id, '西花苑停车收费听证会');
});
afterAll(() => t.close());

describe('meeting invitation (.ics)', () => {
  it('answers an RFC 5545 calendar for a meeting in scope', async () => {
    const res = await tongdu.get(`/api/meetings/${tongduMeeting}/invite.ics`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const ics = res.body;
    expect(ics).toContain('BEGIN:VEVENT\r\n');
    expect(ics).toContain(`UID:pt-meeting-${tongduMeeting}@linli\r\n`);
    expect(ics.replace(/\r\n /g, '')).toContain('SUMMARY:关于加装电梯的听证会\\,第一次（');
    expect(ics.replace(/\r\n /g, '')).toContain('LOCATION:社区党群服务中心二楼会议室');
    expect(ics).toMatch(/DTSTART:\d{8}T\d{6}Z\r\n/);
  });

  it('calling a meeting sends an invitation to the unit’s readers, pointing at the meeting page', async () => {
    const reader = await t.as('tongdu_cal_reader');
    const inbox = (await reader.get('/api/notifications')).json().items as {
      event: string;
      body: string;
      link: string;
    }[];
    const inv = inbox.find((n) => n.event === 'participation.meeting_scheduled');
    expect(inv?.link).toBe(`/meetings/${tongduMeeting}`);
    expect(inv?.body).toContain('加入日历');
    expect(inv?.body).toContain('社区党群服务中心二楼会议室');
  });

  it('is 404 for a meeting outside the user’s scope, like the meeting itself', async () => {
    expect((await xhy.get(`/api/meetings/${tongduMeeting}/invite.ics`)).statusCode).toBe(404);
    expect((await xhy.get(`/api/meetings/${tongduMeeting}`)).statusCode).toBe(404);
  });
});

describe('per-user iCal feed', () => {
  it('lists the meetings in the user’s scope and not others; a rotated token stops working', async () => {
    expect((await tongdu.get('/api/calendar/feed-token')).json().active).toBe(false);
    const first = await tongdu.post('/api/calendar/feed-token');
    expect(first.statusCode, first.body).toBe(200);
    const { path, token } = first.json();
    expect(path).toBe(`/api/calendar/feed/${token}.ics`);
    expect((await tongdu.get('/api/calendar/feed-token')).json().active).toBe(true);

    const feed = await anon.get(path);
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain(`UID:pt-meeting-${tongduMeeting}@linli`);
    expect(feed.body).not.toContain(`UID:pt-meeting-${xhyMeeting}@linli`);

    const second = await tongdu.post('/api/calendar/feed-token');
    expect(second.json().rotated).toBe(true);
    expect((await anon.get(path)).statusCode).toBe(404);
    expect((await anon.get(second.json().path)).statusCode).toBe(200);

    const audit = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityType, 'pt_calendar_feed'));
    expect(audit.map((a) => a.action).sort()).toEqual([
      'participation.calendar_feed.create',
      'participation.calendar_feed.rotate',
    ]);
  });

  it('an unknown token is 404', async () => {
    expect((await anon.get('/api/calendar/feed/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).statusCode).toBe(404);
    expect((await anon.get('/api/calendar/feed/nope.json')).statusCode).toBe(404);
  });
});

describe('joint meetings in the iCal feed (key tasks R-TK-1, disputes R-DS-3)', () => {
  const unfold = (ics: string) => ics.replace(/\r\n /g, '');
  async function feedOf(client: Client) {
    const path = (await client.post('/api/calendar/feed-token')).json().path as string;
    const res = await anon.get(path);
    expect(res.statusCode, res.body).toBe(200);
    return unfold(res.body);
  }

  it('lists the leading group’s joint meetings (all-day) and the disputes joint meetings the user may read, through those modules', async () => {
    const sd = await t.as('sd_admin');
    const g = await sd.post('/api/leading-groups', {
      orgUnitId: t.fx.subdistrict.id,
      name: '新下陆街道基层治理领导小组',
      officeUnit: '社会事务办',
      officeHead: '胡婷婷',
      since: '2023-09-01',
      members: [{ role: 'leader', name: '刘克涛', post: '街道党工委书记' }],
    });
    expect(g.statusCode, g.body).toBe(201);
    const heldOn = chinaDate(new Date(t.clock.now().getTime() + 5 * DAY));
    const kt = await sd.post(`/api/leading-groups/${g.json().id}/meetings`, {
      kind: 'regular',
      heldOn,
      title: '领导小组第四次联席会议',
      agenda: '研究重点任务推进',
      attendees: ['刘克涛'],
      decisions: [],
    });
    expect(kt.statusCode, kt.body).toBe(201);
    const centre = await signInNewUser(t, 'cal_centre', 'dispatcher', t.fx.subdistrict.id);
    const ds = await centre.post('/api/disputes/meetings', {
      orgUnitId: t.fx.subdistrict.id,
      kind: 'monthly',
      heldAt: new Date(t.clock.now().getTime() + 3 * DAY).toISOString(),
      place: '街道综治中心',
      attendees: ['向良'],
      decisions: '研究本月矛盾纠纷',
    });
    expect(ds.statusCode, ds.body).toBe(200);

    const feed = await feedOf(sd);
    const day = heldOn.replace(/-/g, '');
    expect(feed).toContain(`UID:kt-meeting-${kt.json().id}@linli\r\n`);
    expect(feed).toContain(`DTSTART;VALUE=DATE:${day}\r\n`);
    expect(feed).toContain('SUMMARY:领导小组第四次联席会议（新下陆街道基层治理领导小组联席会议）');
    expect(feed).toContain(`UID:ds-meeting-${ds.json().id}@linli\r\n`);
    expect(feed).toContain('SUMMARY:矛盾纠纷月度联席会议（新下陆街道）');
    expect(feed).toContain('LOCATION:街道综治中心');
    // The participation meetings are still there.
    expect(feed).toContain(`UID:pt-meeting-${tongduMeeting}@linli`);

    // A community worker's feed follows what each module lets them read, no more.
    const community = await feedOf(tongdu);
    const canDs =
      (await tongdu.get('/api/disputes/meetings')).statusCode === 200 &&
      (await tongdu.get('/api/disputes/meetings'))
        .json()
        .items.some((m: { id: string }) => m.id === ds.json().id);
    expect(community.includes(`ds-meeting-${ds.json().id}`)).toBe(canDs);
    const canKt = (await tongdu.get(`/api/leading-groups/${g.json().id}`)).statusCode === 200;
    expect(community.includes(`kt-meeting-${kt.json().id}`)).toBe(canKt);
    // Nothing of the other community’s participation meetings.
    expect(community).not.toContain(`pt-meeting-${xhyMeeting}`);
  });
});
