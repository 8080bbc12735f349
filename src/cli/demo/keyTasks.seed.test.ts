import { expect, it } from 'vitest';
import { officeOwners, parseMembers, parseTasks, seedDemoKeyTasks } from './keyTasks.seed';
import { SEED_002_TASKS, SEED_003_APPENDIX_1, SEED_003_APPENDIX_2 } from './keyTasks.seedText';
import { seedTestApp } from './seedTestApp';

const app = seedTestApp((fx) => ({ liukt: ['subdistrict_admin', fx.subdistrict.id] }));

it('R-TK-1 the seed texts parse verbatim: seed 003 group of 27 (1 leader, 6 deputies), 30 tasks due 2024年8月前; seed 002 16 tasks', () => {
  const members = parseMembers(SEED_003_APPENDIX_1);
  expect(members).toHaveLength(27);
  expect(members.filter((m) => m.role === 'leader')).toEqual([
    { role: 'leader', name: '刘克涛', post: '新下陆街道党工委书记' },
  ]);
  expect(members.filter((m) => m.role === 'deputy').map((m) => m.name)).toEqual([
    '郭莎莎',
    '邵成胜',
    '胡婷婷',
    '柯青',
    '周易',
    '柯浩',
  ]);
  expect(members.at(-1)).toEqual({
    role: 'member',
    name: '江海燕',
    post: '友谊社区党委副书记、居委会副主任',
  });
  const tasks = parseTasks(SEED_003_APPENDIX_2);
  expect(tasks.map((x) => x.number)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  expect(tasks.every((x) => x.deadlineText === '2024年8月前')).toBe(true);
  expect(tasks[20]!.units).toEqual([
    '党政综合办',
    '社会事务办',
    '平安建设办',
    '社区网格管理综合服务中心',
    '综合执法中心',
    '各社区',
  ]);
  // seed 002 (S002-37) 责任到人: each office names its head from appendix 1, 财务室 its 财务负责人, 各社区 no one
  expect(officeOwners(members, tasks[20]!.units).map((o) => `${o.unit}${o.post}${o.name}`)).toEqual([
    '党政综合办负责人陈常弋',
    '社会事务办负责人吴兰兰',
    '平安建设办负责人饶诗华',
    '社区网格管理综合服务中心负责人向良',
    '综合执法中心负责人程敏',
  ]);
  expect(officeOwners(members, ['财务室', '各社区'])).toEqual([
    { unit: '财务室', post: '负责人', name: '张婷' },
  ]);
  const xm = parseTasks(SEED_002_TASKS);
  expect(xm).toHaveLength(16);
  expect(xm[14]!.units).toEqual(['各区', '养老服务处', '未成年人保护工作处', '社会救助处']);
});

it('R-TK-1 the demo seed loads the group and both lists with a spread of done, late and overdue tasks; seed 002 (S002-37, S002-41): owners and field visits', async () => {
  const t = app();
  await seedDemoKeyTasks(t.deps, { log: () => undefined });
  const admin = await t.as('admin');
  const lists = (await admin.get('/api/key-tasks/lists')).json();
  expect(lists.total).toBe(2);
  const xl = lists.items.find((l: { title: string }) => l.title.includes('新下陆'));
  expect(xl.counts).toMatchObject({ total: 30, done: 21, overdue: 9 });
  expect(xl.groupName).toBe('新下陆街道创建全省基层治理创新实验区领导小组');
  const xm = lists.items.find((l: { title: string }) => l.title.includes('厦门'));
  expect(xm.counts).toMatchObject({ total: 16, done: 11 });
  const groups = (await admin.get('/api/leading-groups')).json();
  expect(groups.items[0].memberCount).toBe(27);
  const g = (await admin.get(`/api/leading-groups/${groups.items[0].id}`)).json();
  // two joint meetings and seed 002's (S002-41) 调研 and 现场指导 visits to the urban villages
  expect(g.meetings.map((m: { kind: string }) => m.kind).sort()).toEqual([
    'ad_hoc',
    'regular',
    'site_guidance',
    'survey',
  ]);
  const survey = g.meetings.find((m: { kind: string }) => m.kind === 'survey');
  expect(survey).toMatchObject({ unitsVisited: ['大塘社区', '陆家铺社区'] });
  expect(survey.place).toBeTruthy();
  const task1 = (
    await admin.get(`/api/key-tasks?listId=${xl.id}&q=${encodeURIComponent('社区设置优化调整')}`)
  ).json();
  expect(task1.items[0].owners).toEqual([
    { unit: '党政综合办', post: '负责人', name: '陈常弋' },
    { unit: '社会事务办', post: '负责人', name: '吴兰兰' },
  ]);
  expect(g).toMatchObject({ officeUnit: '社会事务办', officeHead: '胡婷婷', officeDeputy: '吴兰兰' });
  expect(g.escalated).toBe(9);
});
