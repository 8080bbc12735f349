import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect } from 'vitest';
import { users } from '../src/server/modules/accounts/accounts.table';
import { SEED_000_CRITERIA, SEED_000_DOCUMENTS, SEED_000_TYPES } from '../src/shared/contracts/projects';
import { type Client, type TestApp, createTestApp, createUser } from './app';
import { multipart } from './multipart';

/**
 * Test kit of the projects module: an open call of the district bureau over 新下陆街道 and applications
 * taken through the procedure (send → approve with seal → submit, then optionally select), so each test file
 * starts from the state it needs in a few lines.
 */

/** A project's content that passes every send check (targets, consultation, balanced budget). */
export const PROJECT_CONTENT = {
  type: 'mutual_aid',
  title: '邻里驿站建设',
  summary: '依托党群服务中心建设邻里驿站',
  targets: ['建成邻里驿站 1 个'],
  consultationKind: 'meeting',
  consultationDate: '2026-11-20',
  consultationNote: '居民代表会议 32 人参加，同意申报',
  budgetLines: [
    { item: '驿站改造', amountFen: 8_000_000 },
    { item: '活动经费', amountFen: 2_000_000 },
  ],
  funding: [
    { source: 'city', amountFen: 7_000_000 },
    { source: 'subdistrict', amountFen: 3_000_000 },
  ],
};

/**
 * R-PJ-2: an application is sent only with the record its consultation rests on; tests that only need a
 * sendable application attach uploaded minutes (a small PDF) as that record.
 */
export async function attachMinutes(c: Client, applicationId: string): Promise<void> {
  const res = await c.request({
    method: 'POST',
    url: `/api/projects/applications/${applicationId}/consultation/minutes`,
    ...multipart({ title: '居民代表会议纪要' }, { name: '纪要.pdf', data: Buffer.from('%PDF-1.4\n%test\n') }),
  });
  expect(res.statusCode, res.body).toBe(200);
}

/** A login's user id (to name a reviewer in an assignment). */
export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const [u] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  return u.id;
}

export const act = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post(`/api/projects/applications/${id}/actions`, body);

/** The body of a 2027 call of the district bureau over the fixture's subdistrict, with `over` on top. */
export const callBody = (t: TestApp, over: Record<string, unknown> = {}) => ({
  orgUnitId: t.fx.district.id,
  year: 2027,
  title: '2027年“共建共享”社区治理项目申报',
  types: SEED_000_TYPES,
  quota: 12,
  applicationDue: '2026-12-10',
  completionDue: '2027-11-30',
  summaryDue: '2027-12-20',
  reportDay: 20,
  subsidyCityFen: 10_000_000,
  subsidyPrefectureFen: 5_000_000,
  documents: SEED_000_DOCUMENTS,
  criteria: SEED_000_CRITERIA,
  scopeUnitIds: [t.fx.subdistrict.id],
  ...over,
});

/** Creates and opens a call of the district bureau (`civil`) over the fixture's subdistrict; its id. */
export async function openCall(
  t: TestApp,
  civil: Client,
  over: Record<string, unknown> = {},
): Promise<string> {
  const call = await civil.post('/api/projects/calls', callBody(t, over));
  expect(call.statusCode, call.body).toBe(201);
  const callId = call.json().id as string;
  expect((await civil.post(`/api/projects/calls/${callId}/open`, {})).statusCode).toBe(200);
  return callId;
}

/** A test app with the logins most project tests act as: the district bureau, the subdistrict, two communities. */
export interface ProjectsWorld {
  t: TestApp;
  civil: Client;
  sd: Client;
  tongdu: Client;
  xhy: Client;
}

/** A fresh test app with a civil-affairs login `civilName` at the district, logged in with the fixture's staff. */
export async function projectsWorld(civilName: string): Promise<ProjectsWorld> {
  const t = await createTestApp();
  await createUser(t, civilName, [{ role: 'civil_affairs', orgUnitId: t.fx.district.id }]);
  return {
    t,
    civil: await t.as(civilName),
    sd: await t.as('sd_admin'),
    tongdu: await t.as('tongdu_worker'),
    xhy: await t.as('xhy_worker'),
  };
}

/**
 * A test file's ProjectsWorld: registers the `beforeAll` that builds it and the `afterAll` that closes it;
 * its fields are set once `beforeAll` has run (read them inside hooks and tests).
 */
export function setupProjectsWorld(civilName: string): ProjectsWorld {
  const w = {} as ProjectsWorld;
  beforeAll(async () => {
    Object.assign(w, await projectsWorld(civilName));
  });
  afterAll(() => w.t?.close());
  return w;
}

/** An open call with two submitted applications (tongdu's and xihuayuan's), tongdu's selected at city level. */
export async function selectedAndOther(
  w: ProjectsWorld,
): Promise<{ callId: string; selected: string; other: string }> {
  const callId = await openCall(w.t, w.civil);
  const selected = await submittedApplication(callId, w.t.fx.tongdu.id, w.tongdu, w.sd);
  const other = await submittedApplication(callId, w.t.fx.xihuayuan.id, w.xhy, w.sd);
  expect((await act(w.civil, selected, { action: 'select', level: 'city' })).statusCode).toBe(200);
  return { callId, selected, other };
}

/** A community's application sent (with minutes), approved with a seal and submitted by the subdistrict (`sd`); its id. */
export async function submittedApplication(
  callId: string,
  unitId: string,
  who: Client,
  sd: Client,
  content: Record<string, unknown> = PROJECT_CONTENT,
): Promise<string> {
  const res = await who.post('/api/projects/applications', { callId, orgUnitId: unitId, ...content });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await attachMinutes(who, id);
  expect((await act(who, id, { action: 'send' })).statusCode).toBe(200);
  expect((await act(sd, id, { action: 'approve', sealNo: '2026-001' })).statusCode).toBe(200);
  expect((await act(sd, id, { action: 'submit' })).statusCode).toBe(200);
  return id;
}
