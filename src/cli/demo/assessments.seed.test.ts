import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../../test/app';
import { actorCtxFor } from '../../../test/factories';
import { users } from '../../server/modules/accounts/accounts.table';
import { getResults, listRounds } from '../../server/modules/assessments/assessments.usecases';
import { insertUnit } from '../../server/modules/org/org.repository';
import { seedDemoAssessments } from './assessments.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ZS: [string, string, string][] = [
  ['定海区', '昌国街道', '北园社区'],
  ['定海区', '城东街道', '桔南社区'],
  ['普陀区', '沈家门街道', '大蒲湾社区'],
  ['普陀区', '东港街道', '莲安社区'],
  ['岱山县', '高亭镇', '嘉和社区'],
  ['嵊泗县', '菜园镇', '东海社区'],
  ['新城管委会', '临城街道', '星岛社区'],
  ['普陀山—朱家尖管委会', '朱家尖街道', '莲花社区'],
];

it('demo: the 2017 round of the 8 Zhoushan demonstration communities has every grade, one below 50 in part one (R-AS-3) and one exactly on a band edge', async () => {
  const deps = t.deps;
  const city = await insertUnit(deps, null, { kind: 'city', name: '舟山市' });
  const districts = new Map<string, Awaited<ReturnType<typeof insertUnit>>>();
  for (const [d, s, c] of ZS) {
    if (!districts.has(d)) districts.set(d, await insertUnit(deps, city, { kind: 'district', name: d }));
    const sd = await insertUnit(deps, districts.get(d)!, { kind: 'subdistrict', name: s });
    await insertUnit(deps, sd, { kind: 'community', name: c });
  }
  await createUser(t, 'zhoushan', [{ role: 'civil_affairs', orgUnitId: city.id }]);
  await createUser(t, 'evaluator_zs', [{ role: 'evaluator', orgUnitId: city.id }]);
  const logins: string[] = [];
  // The seed looks up the login named `evaluator`: rename the fixture's one for this test.
  await deps.db.update(users).set({ username: 'evaluator_fixture' }).where(eq(users.username, 'evaluator'));
  await deps.db.update(users).set({ username: 'evaluator' }).where(eq(users.username, 'evaluator_zs'));
  await seedDemoAssessments(deps, { log: () => undefined, logins });
  expect(logins.join()).toContain('beiyuan');
  const civil = await actorCtxFor(deps, 'zhoushan');
  const rounds = await listRounds(civil, { view: 'all', page: 1, pageSize: 20 });
  const r2017 = rounds.items.find((r) => r.year === 2017)!;
  expect(r2017.state).toBe('published');
  const res = await getResults(civil, r2017.id, 'zh-CN');
  const by = Object.fromEntries(res.rows.map((r) => [r.orgUnitName, r.result!]));
  expect(by['北园社区']!.total).toBe(96);
  expect(by['桔南社区']!.total).toBe(95);
  expect(by['桔南社区']!.grade.name).toBe('优秀');
  expect(by['大蒲湾社区']!.total).toBe(87.58);
  expect(by['嘉和社区']!.grade.name).toBe('良好');
  expect(by['莲安社区']!.grade.name).toBe('合格');
  expect(by['东海社区']!.parts[0]!.score).toBe(43.08);
  expect(by['东海社区']!.grade.name).toBe('合格');
  expect(by['东海社区']!.qualified).toBe(false);
  expect(by['星岛社区']!.grade.name).toBe('不合格');
  expect(res.rows.filter((r) => r.result!.qualified)).toHaveLength(6);
  const open = rounds.items.find((r) => r.state === 'open')!;
  const now = await getResults(civil, open.id, 'zh-CN');
  expect(now.rows.map((r) => r.state).sort()).toEqual(['evaluation', 'review', 'self_assessment']);
  expect(now.rows.find((r) => r.orgUnitName === '北园社区')!.previousTotal).toBe(96);
});
