import { eq } from 'drizzle-orm';
import { users } from '../src/server/modules/accounts/accounts.table';
import { SEED_000_CRITERIA, SEED_000_DOCUMENTS, SEED_000_TYPES } from '../src/shared/contracts/projects';
import type { Client, TestApp } from './app';
import { multipart } from './multipart';

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
  if (res.statusCode !== 200) throw new Error(`attachMinutes: ${res.statusCode} ${res.body}`);
}

/** A login's user id (to name a reviewer in an assignment). */
export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const [u] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (!u) throw new Error(`no user ${username}`);
  return u.id;
}

export const PROJECT_CONTENT = {
  type: 'mutual_aid',
  title: '邻里驿站建设',
  summary: '依托党群服务中心建设邻里驿站',
  targets: ['建成邻里驿站 1 个', '组建志愿服务队 2 支'],
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

/** An open call of the district's bureau (seed 000 defaults) covering the fixture's subdistrict. */
export async function openProjectCall(t: TestApp, civil: Client): Promise<string> {
  const res = await civil.post('/api/projects/calls', {
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
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const id = res.json().id as string;
  const opened = await civil.post(`/api/projects/calls/${id}/open`, {});
  if (opened.statusCode !== 200) throw new Error(opened.body);
  return id;
}

/** A community's application drafted, sent (with minutes), approved and sealed, and submitted. */
export async function submittedApplication(
  who: Client,
  sd: Client,
  callId: string,
  unitId: string,
): Promise<string> {
  const res = await who.post('/api/projects/applications', { callId, orgUnitId: unitId, ...PROJECT_CONTENT });
  if (res.statusCode !== 201) throw new Error(res.body);
  const id = res.json().id as string;
  await attachMinutes(who, id);
  for (const [c, body] of [
    [who, { action: 'send' }],
    [sd, { action: 'approve', seal: true }],
    [sd, { action: 'submit' }],
  ] as const) {
    const r = await c.post(`/api/projects/applications/${id}/actions`, body);
    if (r.statusCode !== 200) throw new Error(r.body);
  }
  return id;
}
