import { and, eq } from 'drizzle-orm';
import {
  actOnTask,
  createGroup,
  createList,
  createMeeting,
  createTask,
} from '../../server/modules/key-tasks/keyTasks.usecases';
import { ktTasks } from '../../server/modules/key-tasks/keyTasks.table';
import { taskWorkflow } from '../../server/modules/key-tasks/keyTasks.workflow';
import { insertUnit } from '../../server/modules/org/org.api';
import { orgUnits } from '../../server/modules/org/org.table';
import type { ActorCtx, AppDeps } from '../../server/platform/context';
import { sweepWorkflow } from '../../server/platform/workflow';
import { type MemberRole, SEED_003_PHASES, type TaskActionBody } from '../../shared/contracts/keyTasks';
import { SEED_002_TASKS, SEED_003_APPENDIX_1, SEED_003_APPENDIX_2 } from './keyTasks.seedText';
import { demoUserCtx, xinxialuSubdistrict } from './seedContext';

const at = (iso: string) => new Date(`${iso}+08:00`);

/** Seed 003 appendix 1: role prefix (组长/副组长/成员) then "name post"; names may hold a space (柯 青). */
export function parseMembers(text: string): { role: MemberRole; name: string; post: string }[] {
  const out: { role: MemberRole; name: string; post: string }[] = [];
  let role: MemberRole = 'member';
  for (const raw of text.split('\n').slice(2)) {
    let line = raw.trim();
    const prefix = /^(组\s*长|副\s*组\s*长|成\s*员)\s*[:：]\s*/.exec(line);
    if (prefix) {
      const p = prefix[1]!.replace(/\s/g, '');
      role = p === '组长' ? 'leader' : p === '副组长' ? 'deputy' : 'member';
      line = line.slice(prefix[0].length);
    }
    const cut = line.lastIndexOf(' ');
    if (cut < 0 || line.startsWith('领导小组')) continue;
    out.push({ role, name: line.slice(0, cut).replace(/\s/g, ''), post: line.slice(cut + 1) });
  }
  return out;
}

/** "1.内容。(责任单位:甲、乙,完成时间:2024年8月前)" → number, content, units, deadline text. */
export function parseTasks(text: string) {
  const out: { number: number; content: string; units: string[]; deadlineText: string | null }[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+)\.(.+?)[(（]责任单位[:：](.+?)(?:[,，]完成时间[:：](.+?))?[)）]\s*$/.exec(line.trim());
    if (!m) continue;
    out.push({
      number: Number(m[1]),
      content: m[2]!.trim(),
      units: m[3]!
        .split(/[、,，]/)
        .map((u) => u.trim())
        .filter(Boolean),
      deadlineText: m[4]?.trim() ?? null,
    });
  }
  return out;
}

/**
 * Seed 002 四(一) 责任到岗、责任到人 (S002-37) on seed 003's tasks: each office among a task's units gets its
 * head as appendix 1 names them (新下陆街道社会事务办负责人 吴兰兰 …; the 财务 head for 财务室). 各社区 names
 * no one person, so it gets none.
 */
export function officeOwners(members: { name: string; post: string }[], units: string[]) {
  const heads = new Map<string, string>();
  for (const m of members) {
    const office = /^新下陆街道(.+?)负责人$/.exec(m.post)?.[1];
    if (office) heads.set(office, m.name);
  }
  return units.flatMap((unit) => {
    const name = heads.get(unit) ?? heads.get(unit.replace(/室$/, ''));
    return name ? [{ unit, post: '负责人', name }] : [];
  });
}

/** Who reports for a task: the lead office's head (seed 003 appendix 1), a community secretary for 各社区. */
const OFFICE_LOGIN: Record<string, string> = {
  党政综合办: 'chency',
  社会事务办: 'wull',
  经济服务办: 'wangyj',
  党群服务中心: 'ludy',
  财务室: 'zhangt',
};

/** Seed 003's 30 tasks: done on time, done late after escalation, or still overdue (supervised, interviewed). */
const DONE_LATE = new Set([13, 15, 23]);
const OVERDUE = new Set([6, 8, 11, 19, 21, 24, 28, 29, 30]);
const INTERVIEWED = new Set([11, 19]);

/**
 * Demo data of the key-tasks module: seed 003's leading group (appendix 1, verbatim) and its 30 key tasks
 * (appendix 2, verbatim; "2024年8月前" read as by 31 August 2024, the end of the programme's last phase,
 * 巩固总结阶段 2024年6月—2024年8月), run through the use cases on a clock that walks from September 2023:
 * progress reports with evidence, completions, the deadline sweep's escalation on 1 September 2024, 督办
 * and 约谈 afterwards, two joint meetings. Each office among a task's units names its head as the person
 * responsible (seed 002 四(一) 责任到岗、责任到人, S002-37), and the group makes a 调研 visit to the two demo
 * urban villages and a 现场指导 visit to 大塘社区 (seed 002 四(三), S002-41). Seed 002's 16 tasks (厦门市民政局) with their responsible units;
 * the seed gives them no dates, so their deadline is the programme's end, 2025-12-31 ("自2023年起，力争用3年
 * 时间"), under a 厦门市 unit added for them.
 */
export async function seedDemoKeyTasks(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, ids, pii } = deps;
  let now = at('2023-09-20T09:00:00');
  const clock = { now: () => new Date(now) };
  const sd = await xinxialuSubdistrict(db);
  if (!sd) return;
  const ctxOf = (username: string) => demoUserCtx({ db, ids, pii, clock }, username);
  const liukt = await ctxOf('liukt');
  const admin = await ctxOf('admin');
  if (!liukt || !admin) return;
  const reporter = async (units: string[]) =>
    (await ctxOf(
      units.includes('各社区') && units.length === 1 ? 'luhx' : (OFFICE_LOGIN[units[0]!] ?? 'hutt'),
    )) ?? liukt;
  const step = (iso: string) => {
    now = at(iso);
  };
  const act = (ctx: ActorCtx, id: string, body: TaskActionBody) => actOnTask(ctx, id, body);

  // ---- seed 003: the group, the list and the 30 tasks
  const office =
    /办公室设在([^,，]+)[,，].*?([^,，\s]{2,4})同志任办公室主任[,，]([^,，\s]{2,4})同志任办公室副主任/.exec(
      SEED_003_APPENDIX_1,
    );
  const members = parseMembers(SEED_003_APPENDIX_1);
  const group = await createGroup(liukt, {
    orgUnitId: sd.id,
    name: '新下陆街道创建全省基层治理创新实验区领导小组',
    officeUnit: office?.[1] ?? '社会事务办',
    officeHead: office?.[2] ?? '胡婷婷',
    officeDeputy: office?.[3] ?? '吴兰兰',
    duties:
      '全面统筹推进各项工作。定期召开联席会议，及时研究推进措施，实行项目化、清单化管理，对履职不力的加大约谈问责力度。',
    // 定期召开联席会议: a monthly regular meeting, checked each month
    meetingCadence: 'monthly',
    since: '2023-09-20',
    members,
  });
  step('2023-09-28T10:00:00');
  const list = await createList(liukt, {
    orgUnitId: sd.id,
    groupId: group.id,
    title: '新下陆街道办事处创建全省基层治理创新实验区重点任务清单',
    source: '新下陆街道创建全省基层治理创新实验区工作方案 附件2',
    phases: [...SEED_003_PHASES],
  });
  const tasks = parseTasks(SEED_003_APPENDIX_2);
  const created: { id: string; number: number; units: string[] }[] = [];
  for (const t of tasks) {
    const r = await createTask(liukt, {
      listId: list.id,
      number: t.number,
      content: t.content,
      units: t.units,
      owners: officeOwners(members, t.units),
      dueOn: '2024-08-31',
      deadlineText: t.deadlineText,
      // the first tasks carry the programme's milestones (seed 003 四: 方案 → 推开 → 提升)
      milestones:
        t.number <= 3
          ? [
              { title: '制定实施方案', dueOn: '2023-10-31', doneOn: '2023-10-26' },
              { title: '全面推开', dueOn: '2024-04-30', doneOn: t.number === 1 ? '2024-04-22' : null },
              { title: '总结提升', dueOn: '2024-08-31' },
            ]
          : undefined,
    });
    created.push({ id: r.id, number: t.number, units: t.units });
  }

  // Progress through the programme's phases.
  step('2023-12-15T15:00:00');
  for (const t of created) {
    const who = await reporter(t.units);
    await act(who, t.id, {
      action: 'report',
      progress: OVERDUE.has(t.number) ? 10 : 30,
      comment: '已制定实施方案，明确责任人和时间节点。',
      evidence: ['实施方案（定稿）'],
    });
  }
  step('2024-01-16T09:30:00');
  await createMeeting(liukt, group.id, {
    kind: 'regular',
    heldOn: '2024-01-16',
    title: '创建全省基层治理创新实验区领导小组联席会议（第一次）',
    agenda: '听取重点任务清单第一季度推进情况；研究组织实施阶段工作安排。',
    attendees: ['刘克涛', '郭莎莎', '胡婷婷', '吴兰兰', '陈常弋', '向良', '陆合香', '占霞生'],
    minutes: '会议听取了各责任单位汇报，要求严格按照节点推进，清单化管理，每月报送进展。',
    decisions: [{ text: '各责任单位每月20日前向领导小组办公室报送任务进展。' }],
  });
  // Seed 002 四(三) 调研、现场指导 (S002-41): the group visits the demo's two urban villages
  step('2024-03-12T09:00:00');
  await createMeeting(liukt, group.id, {
    kind: 'survey',
    heldOn: '2024-03-12',
    title: '城中村治理专题调研',
    place: '大塘社区、陆家铺社区',
    unitsVisited: ['大塘社区', '陆家铺社区'],
    agenda: '摸清城中村基础数据，了解服务站、养老服务设施和社区社会组织情况。',
    attendees: ['刘克涛', '胡婷婷', '吴兰兰', '吴小桂', '桂森'],
    minutes:
      '大塘社区距社区党群服务中心约1800米，尚未设立服务站，辖区暂无养老服务设施；陆家铺社区服务站已运行，配备社区工作者2名。',
    decisions: [{ text: '社会事务办牵头研究大塘社区服务站选址和养老服务设施建设。' }],
  });
  step('2024-04-18T15:00:00');
  for (const t of created) {
    if (OVERDUE.has(t.number)) continue;
    const who = await reporter(t.units);
    await act(who, t.id, {
      action: 'report',
      progress: DONE_LATE.has(t.number) ? 45 : 70,
      comment: '组织实施阶段任务基本完成，进入全面提升阶段。',
      evidence: ['工作台账', '活动照片'],
    });
  }
  step('2024-07-25T16:00:00');
  for (const t of created) {
    if (OVERDUE.has(t.number) || DONE_LATE.has(t.number)) continue;
    const who = await reporter(t.units);
    await act(who, t.id, {
      action: 'complete',
      comment: '任务已完成，经验做法已总结。',
      evidence: ['工作总结', '制度文件汇编', '现场照片'],
    });
  }
  // The deadline sweep escalates what is not done by 31 August 2024 to the leading group.
  step('2024-09-01T08:00:00');
  await sweepWorkflow(
    taskWorkflow,
    { db, ids, pii, clock, requestId: 'demo-seed' },
    {
      where: eq(ktTasks.listId, list.id),
    },
  );
  step('2024-09-10T10:00:00');
  await createMeeting(liukt, group.id, {
    kind: 'ad_hoc',
    heldOn: '2024-09-10',
    title: '重点任务逾期情况专题联席会议',
    agenda: '通报逾期未完成的重点任务，研究督办措施。',
    attendees: ['刘克涛', '郭莎莎', '邵成胜', '胡婷婷', '周易', '吴兰兰', '程敏', '王宇杰'],
    minutes: '会议通报了逾期任务，对责任单位进行督办，对履职不力的责任单位负责人进行约谈。',
    decisions: [{ text: '对逾期任务逐项督办，限期报送整改计划。' }],
  });
  for (const t of created) {
    if (!OVERDUE.has(t.number) && !DONE_LATE.has(t.number)) continue;
    await act(liukt, t.id, {
      action: 'supervise',
      comment: '任务已逾期，请于10日内报送整改计划和完成时限。',
    });
  }
  step('2024-10-15T10:00:00');
  await createMeeting(liukt, group.id, {
    kind: 'site_guidance',
    heldOn: '2024-10-15',
    title: '大塘社区城中村治理现场指导',
    place: '大塘社区党群服务中心',
    unitsVisited: ['大塘社区'],
    agenda: '现场查看服务站选址和养老服务设施改造进度。',
    attendees: ['胡婷婷', '吴兰兰', '吴小桂'],
    minutes: '服务站选址已初步确定，养老服务设施改造尚未启动；指导社区建立城中村治理档案。',
    decisions: [{ text: '大塘社区于12月底前完成服务站选址并报街道社会事务办。' }],
  });
  step('2024-11-05T10:00:00');
  for (const t of created) {
    if (!INTERVIEWED.has(t.number)) continue;
    await act(liukt, t.id, {
      action: 'interview',
      unit: t.units[0],
      comment: '督办后仍无实质进展，约谈责任单位负责人，要求制定整改方案。',
    });
  }
  step('2025-03-20T15:00:00');
  for (const t of created) {
    if (!DONE_LATE.has(t.number)) continue;
    const who = await reporter(t.units);
    await act(who, t.id, {
      action: 'complete',
      comment: '整改完成，已补齐短板。',
      evidence: ['整改报告', '验收记录'],
    });
  }
  for (const t of created) {
    if (!OVERDUE.has(t.number)) continue;
    const who = await reporter(t.units);
    await act(who, t.id, {
      action: 'report',
      progress: 40 + (t.number % 4) * 10,
      comment: '正在推进，受场地和资金制约，部分内容尚未完成。',
      evidence: ['推进计划'],
    });
  }

  // ---- seed 002: 厦门市民政局's 16 tasks (urban villages, 2023–2025)
  now = at('2023-06-01T12:19:00');
  const [existing] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'city'), eq(orgUnits.name, '厦门市')));
  const xiamen =
    existing ??
    // Sorted after the demo's own cities, so screens that open on the first root open on 黄石市.
    (await insertUnit({ db, ids, clock }, null, {
      kind: 'city',
      name: '厦门市',
      divisionCode: '350200',
      sort: 9,
    }));
  const xmList = await createList(admin, {
    orgUnitId: xiamen.id,
    title: '厦门市民政局深化多元共治提增城中村治理质效工作方案 主要任务',
    source: '厦民〔2023〕71号',
    phases: [],
  });
  const xmTasks = parseTasks(SEED_002_TASKS);
  const xmDone = new Set([1, 2, 3, 5, 7, 8, 9, 10, 13, 14, 16]);
  for (const t of xmTasks) {
    now = at('2023-06-01T14:00:00');
    const r = await createTask(admin, {
      listId: xmList.id,
      number: t.number,
      content: t.content,
      units: t.units,
      dueOn: '2025-12-31',
      deadlineText: '2023年起3年内',
    });
    now = at('2024-06-28T10:00:00');
    await act(admin, r.id, {
      action: 'report',
      progress: 50,
      comment: '上半年城中村治理总结已报送。',
      evidence: ['2024年上半年城中村治理总结'],
    });
    if (xmDone.has(t.number)) {
      now = at('2025-12-20T10:00:00');
      await act(admin, r.id, {
        action: 'complete',
        comment: '三年行动任务完成。',
        evidence: ['2025年城中村治理总结'],
      });
    }
  }
  await sweepWorkflow(
    taskWorkflow,
    { db, ids, pii, clock: deps.clock, requestId: 'demo-seed' },
    {
      where: eq(ktTasks.listId, xmList.id),
    },
  );
  opts.log(`key tasks: 1 leading group, ${tasks.length} + ${xmTasks.length} tasks`);
}
