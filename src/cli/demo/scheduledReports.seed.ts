import { and, eq } from 'drizzle-orm';
import { orgUnits } from '../../server/modules/org/org.table';
import {
  actOnSubmission,
  createTemplate,
  getSubmission,
  listSubmissions,
  saveSubmission,
  tickScheduledReports,
} from '../../server/modules/scheduled-reports/scheduledReports.usecases';
import type { ActorCtx, AppDeps } from '../../server/platform/context';
import { chinaDate } from '../../shared/chinaTime';
import { XINXIALU_SECRETARIES, demoUserCtx } from './seedContext';

/**
 * The story is written in 2026 (its months October and November, its half-year June). It moves to the
 * latest year whose November has ended, so a demo loaded in a later year still shows recent cycles; never
 * earlier than 2026 (the tests' clock stands in November 2026).
 */
export function storyYear(now: Date): number {
  const [y, m] = chinaDate(now).split('-').map(Number) as [number, number];
  return Math.max(2026, m === 12 ? y : y - 1);
}

/** 新下陆街道's communities and their secretaries' logins, in the order of seed 003's appendix 1. */
const COMMUNITIES = Object.entries(XINXIALU_SECRETARIES);

/** A template field pre-filled from a module's report figure (`source`); the submitter may change it or leave it. */
const figureField = (key: string, label: string, source: string, type: 'number' | 'percent' = 'number') => ({
  key,
  label,
  type,
  required: false,
  source,
});
/** 调解成功矛盾纠纷, pre-filled from the disputes module in both templates. */
const MEDIATED = figureField('mediated', '调解成功矛盾纠纷（件）', 'disputes.mediated');

const PROGRESS = [
  '召开居民议事会，围绕老旧小区加装电梯开展协商，形成议事结果并公示。',
  '开展“邻里节”系列活动，组织志愿者入户走访独居老人，更新民情台账。',
  '推进网格化管理，网格员每日巡查并上报问题，小事不出网格。',
  '完成社区服务站点位调整，幸福食堂新增助餐点一处。',
  '组织在职党员到社区报到，认领微心愿，开展环境整治志愿服务。',
  '开展矛盾纠纷排查化解，调解邻里漏水、停车纠纷多起。',
];
const NEXT = [
  '部分楼栋居民参与议事积极性不高，下月将通过楼栋长逐户动员。',
  '志愿者队伍年龄偏大，下步将联系辖区学校、企业补充青年志愿者。',
  '个别诉求办理时间偏长，下月起对超期工单每周调度。',
  '项目资金拨付进度偏慢，下步与街道社会事务办对接加快拨付。',
];

/**
 * Demo of scheduled reports (信息报告, R-RP-1). Seed 000: a monthly report of the pilot's progress due by the
 * 20th — here 新下陆街道's 12 communities report to the subdistrict — with two cycles (October and November
 * 2026): in October 孔雀苑社区 submits after the 20th (late) and in November 铜花社区's report is returned
 * with a reason and resubmitted, 友谊社区's still waits for review. Seed 002: the half-yearly urban-village
 * governance summary a district's civil-affairs bureau sends the city by 30 June and 31 December (下陆区 to
 * 黄石市). Then the cycles of the periods running today are opened, as the job would.
 */
export async function seedDemoScheduledReports(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, ids, pii } = deps;
  const year = String(storyYear(deps.clock.now()));
  /** A date, month or China time of the story, in its year. */
  const inYear = (s: string) => s.replace(/^2026/, year);
  const at = (iso: string) => new Date(`${inYear(iso)}+08:00`);
  let now = at('2026-01-01T00:05:00');
  const clock = { now: () => new Date(now) };
  const step = (iso: string) => {
    now = at(iso);
  };
  const unitNamed = async (kind: string, name: string) =>
    (
      await db
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.kind, kind), eq(orgUnits.name, name)))
    )[0];
  const sd = await unitNamed('subdistrict', '新下陆街道');
  const xialu = await unitNamed('district', '下陆区');
  const huangshi = await unitNamed('city', '黄石市');
  if (!sd || !xialu || !huangshi) return;
  const ctxOf = (username: string) => demoUserCtx({ db, ids, pii, clock }, username);
  const system = { db, ids, pii, clock, requestId: 'demo-seed' };
  const liukt = await ctxOf('liukt');
  const admin = await ctxOf('admin');
  const civil = await ctxOf('civil');
  if (!liukt || !admin || !civil) return;

  // ---- seed 002: half-yearly urban-village governance summary, 下陆区民政局 → 黄石市民政局
  const half = await createTemplate(admin, {
    orgUnitId: huangshi.id,
    title: '城中村治理工作总结',
    basis: '关于加强城中村基层治理工作的实施意见（各区民政部门每半年于6月30日和12月31日前向市局报送）',
    description: '总结城中村“基础数据”摸底、治理档案建立、好做法好经验，列明存在问题和下步打算。',
    cadence: 'half_yearly',
    dueDay: 31,
    dueInNextMonth: false,
    remindDays: 7,
    startsOn: inYear('2026-01-01'),
    submitters: { mode: 'units', unitIds: [xialu.id] },
    fields: [
      { key: 'villages', label: '城中村数量（个）', type: 'number', required: true },
      { key: 'archives', label: '已建立治理档案（个）', type: 'number', required: true },
      MEDIATED,
      { key: 'summary', label: '工作总结', type: 'text', required: true },
      { key: 'experience', label: '典型经验做法', type: 'text', required: false },
    ],
    attachments: [{ label: '城中村治理总结（盖章扫描件）', required: true }],
  });
  await tickScheduledReports(system);
  step('2026-06-26T16:30:00');
  const civilCtx = { ...civil };
  const [h1] = (await listSubmissions(civilCtx, { page: 1, pageSize: 5, templateId: half.id, side: 'mine' }))
    .items;
  if (h1) {
    await saveSubmission(civilCtx, h1.id, {
      values: {
        villages: 3,
        archives: 3,
        mediated: 12,
        summary:
          '上半年完成辖区3个城中村基础数据摸底，逐村建立治理档案；依托网格化机制落实“一村一策”，出租屋、流动人口登记纳入网格日常巡查。',
        experience: '“红色物业+村民自治”共治模式在新下陆片区推广。',
      },
      attachments: [{ label: '城中村治理总结（盖章扫描件）', name: `下陆民〔${year}〕21号` }],
    });
    await actOnSubmission(civilCtx, h1.id, { action: 'submit' });
    step('2026-07-03T10:00:00');
    await actOnSubmission(admin, h1.id, {
      action: 'accept',
      comment: '已阅，经验做法请于下半年总结中补充成效数据。',
    });
  }

  // ---- seed 000: monthly pilot progress, by the 20th, 新下陆街道's communities → 新下陆街道
  step('2026-09-25T09:00:00');
  const monthly = await createTemplate(liukt, {
    orgUnitId: sd.id,
    title: '社区治理试点工作进展情况月报',
    basis: '建立信息报告制度，应于每月20日前报送试点工作进展情况（关于开展城乡社区治理试点工作的通知）',
    description: '各社区每月20日前报送本月试点工作进展、主要数据、存在问题及下步打算。',
    cadence: 'monthly',
    dueDay: 20,
    dueInNextMonth: false,
    remindDays: 3,
    startsOn: inYear('2026-10-01'),
    submitters: { mode: 'communities_under', unitId: sd.id },
    fields: [
      { key: 'progress', label: '本月试点工作进展', type: 'text', required: true },
      figureField('received', '受理居民诉求（件）', 'work_orders.received'),
      figureField('on_time', '诉求按时办结率', 'work_orders.on_time_rate', 'percent'),
      figureField('vol_hours', '志愿服务时长（小时）', 'volunteers.hours'),
      MEDIATED,
      { key: 'visits', label: '入户走访（户）', type: 'number', required: true },
      { key: 'funds', label: '试点项目资金支出', type: 'amount', required: false },
      { key: 'next', label: '存在问题及下步打算', type: 'text', required: true },
    ],
    attachments: [{ label: '工作台账或活动照片', required: false }],
  });

  const ctxs = new Map<string, ActorCtx>();
  for (const [, username] of COMMUNITIES) {
    const c = await ctxOf(username);
    if (c) ctxs.set(username, c);
  }
  const fill = async (month: string, ci: number, day: string) => {
    const [name, username] = COMMUNITIES[ci]!;
    const ctx = ctxs.get(username);
    if (!ctx) return null;
    step(day);
    const page = await listSubmissions(ctx, { page: 1, pageSize: 10, templateId: monthly.id, side: 'mine' });
    const s = page.items.find((x) => x.period === inYear(month));
    if (!s) return null;
    const detail = await getSubmission(ctx, s.id);
    const m = Number(month.slice(5));
    await saveSubmission(ctx, s.id, {
      values: {
        ...detail.figures,
        progress: `${name}：${PROGRESS[(ci + m) % PROGRESS.length]}`,
        visits: 60 + ((ci * 7 + m * 3) % 50),
        funds: ((ci % 4) + 1) * 120000 + m * 1000,
        next: NEXT[(ci + m) % NEXT.length]!,
      },
      attachments: ci % 3 === 0 ? [{ label: '工作台账或活动照片', name: `${name}${m}月民情台账.xlsx` }] : [],
    });
    await actOnSubmission(ctx, s.id, { action: 'submit' });
    return { id: s.id, ctx };
  };

  // October: cycle opens on the 1st, the last report is reminded on the 17th, 孔雀苑社区 misses the 20th and submits on the 22nd.
  step('2026-10-01T00:05:00');
  await tickScheduledReports(system);
  const october: string[] = [];
  for (let ci = 0; ci < COMMUNITIES.length; ci++) {
    if (ci === 2) continue;
    const r = await fill('2026-10', ci, `2026-10-${String(5 + ci).padStart(2, '0')}T${10 + (ci % 6)}:20:00`);
    if (r) october.push(r.id);
  }
  step('2026-10-17T00:05:00');
  await tickScheduledReports(system);
  step('2026-10-21T00:05:00');
  await tickScheduledReports(system);
  const late = await fill('2026-10', 2, '2026-10-22T15:40:00');
  if (late) october.push(late.id);
  step('2026-10-23T09:30:00');
  for (const id of october) await actOnSubmission(liukt, id, { action: 'accept' });

  // November: 铜花社区's report is returned (visits do not match the ledger) and resubmitted; 友谊社区's waits.
  step('2026-11-01T00:05:00');
  await tickScheduledReports(system);
  const november = new Map<number, string>();
  for (let ci = 0; ci < COMMUNITIES.length; ci++) {
    const r = await fill(
      '2026-11',
      ci,
      `2026-11-${String(5 + ci).padStart(2, '0')}T${String(9 + (ci % 7)).padStart(2, '0')}:10:00`,
    );
    if (r) november.set(ci, r.id);
  }
  step('2026-11-17T00:05:00');
  await tickScheduledReports(system);
  const tonghua = november.get(3);
  if (tonghua) {
    step('2026-11-17T10:15:00');
    await actOnSubmission(liukt, tonghua, {
      action: 'return',
      reason: '入户走访户数与民情台账记录不一致，请核实后重新报送。',
    });
    const maxq = ctxs.get('maxq');
    if (maxq) {
      step('2026-11-18T16:00:00');
      await saveSubmission(maxq, tonghua, { values: { visits: 71 }, note: '已按民情台账核实更正走访户数。' });
      await actOnSubmission(maxq, tonghua, { action: 'submit' });
    }
  }
  step('2026-11-19T11:00:00');
  for (const [ci, id] of november) if (ci !== 11) await actOnSubmission(liukt, id, { action: 'accept' });

  // The periods running today (the job opens them too, within ten minutes of a period's start).
  now = deps.clock.now();
  await tickScheduledReports(system);
  opts.log(`scheduled reports: 2 templates, ${october.length + november.size + 1} submissions`);
}
