import { chinaDate } from '../../shared/chinaTime';
import { and, eq } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import {
  actOnSheet,
  createRound,
  getResults,
  getSheet,
  getVersion,
  listFrameworks,
  publishRound,
  saveScores,
} from '../../server/modules/assessments/assessments.usecases';
import { asRounds, asSheets } from '../../server/modules/assessments/assessments.table';
import { ZHOUSHAN_2017 } from '../../server/modules/assessments/assessments.zhoushan';
import { evidenceCandidates, linkEvidence } from '../../server/modules/assessments/evidence.usecases';
import { orgUnits } from '../../server/modules/org/org.table';
import { hashPassword, loadActor } from '../../server/platform/auth';
import type { ActorCtx, AppDeps } from '../../server/platform/context';
import type { Actor } from '../../server/platform/permissions';
import type { DataMethod } from '../../shared/contracts/assessments';
import type { Role } from '../../shared/permissions';
import { zhoushanCommunities } from './zhoushan';
import { DEMO_PASSWORD, insertDemoUser } from './demoLogin';

const DAY = 86_400_000;

type S = 'A' | 'B' | 'C';
/** Evaluator states of Ⅱ-1…Ⅱ-10, the six aspect ratings of each project, the projects. */
interface Plan {
  community: string;
  states: Partial<Record<string, S>>;
  ratings: number[];
  projects: [string, string][];
  evidence?: Record<string, string>;
}

const R = (r: number) => [r, r, r, r, r, r];

/**
 * The 2017 round of seed 004's eight demonstration communities, graded by what the third party found (the
 * seed gives no results; these are synthetic, chosen to show every grade): 北园 96.00 优秀; 桔南 exactly
 * 95.00 — on the 优秀 edge (part one all A, part two rated 90/85 alternately = 87.5% of 40 = 35.00); 大蒲湾
 * 87.58 and 嘉和 85.96 良好; 莲安 81.92 and 莲花 80.90 合格; 东海 81.08 by total but only 43.08 in part one
 * (below the qualifying 50: not a 幸福社区); 星岛 70.22 不合格 (46.22 in part one).
 */
const PLANS: Plan[] = [
  {
    community: '北园社区',
    states: {},
    ratings: R(90),
    projects: [
      ['“北园银龄”助餐服务', '养老服务类'],
      ['邻里调解工作室', '平安综治类'],
    ],
    evidence: {
      'Ⅱ-1.2': '社区划分6个网格，每格配网格长、党小组长和服务团队，名册见附件。',
      'Ⅱ-10.2': '2017年11月入户问卷412份，“幸福社区”知晓率92.0%。',
      'Ⅱ-10.3': '共议共评会议3次，居民满意度问卷满意率90.3%。',
    },
  },
  {
    community: '桔南社区',
    states: {},
    ratings: [90, 85, 90, 85, 90, 85],
    projects: [['桔南四点半课堂', '社区教育类']],
    evidence: { 'Ⅱ-8.1': '桔南社会工作服务中心于2016年9月在区民政局登记。' },
  },
  {
    community: '大蒲湾社区',
    states: { 'Ⅱ-5': 'B', 'Ⅱ-9': 'B' },
    ratings: R(80),
    projects: [['渔嫂志愿服务队', '志愿服务类']],
  },
  {
    community: '莲安社区',
    states: { 'Ⅱ-4': 'B', 'Ⅱ-8': 'C' },
    ratings: R(75),
    projects: [['莲安居民议事厅', '协商自治类']],
  },
  {
    community: '嘉和社区',
    states: { 'Ⅱ-7': 'B' },
    ratings: R(70),
    projects: [
      ['嘉和健康小屋', '公共卫生类'],
      ['广场舞文化队', '文化体育类'],
    ],
  },
  {
    community: '东海社区',
    states: { 'Ⅱ-2': 'B', 'Ⅱ-3': 'B', 'Ⅱ-4': 'B', 'Ⅱ-5': 'B', 'Ⅱ-7': 'B', 'Ⅱ-8': 'C', 'Ⅱ-9': 'B' },
    ratings: R(95),
    projects: [['海岛低保户结对帮扶', '民生底线类']],
  },
  {
    community: '星岛社区',
    states: { 'Ⅱ-4': 'C', 'Ⅱ-8': 'C', 'Ⅱ-10': 'B' },
    ratings: R(60),
    projects: [['新城居民事务代办', '社会事务类']],
  },
  {
    community: '莲花社区',
    states: { 'Ⅱ-2': 'B', 'Ⅱ-6': 'B', 'Ⅱ-9': 'B' },
    ratings: R(65),
    projects: [['景区志愿导览', '志愿服务类']],
  },
];

const ASPECTS = ['completion', 'satisfaction', 'finance', 'capacity', 'operation', 'efficacy'];
const methodsOf = (code: string): DataMethod[] =>
  code === 'Ⅱ-4' || code === 'Ⅱ-10'
    ? ['report', 'documents', 'field_visit', 'resident_visit']
    : code === 'Ⅱ-8' || code === 'Ⅱ-9'
      ? ['online', 'documents']
      : ['report', 'documents', 'field_visit'];

/**
 * Demo data of the assessments module (seed 004): 舟山市民政局 (login `zhoushan`) ran the 2017 round over the
 * eight demonstration communities with the built-in standard; each community self-assessed, its subdistrict
 * reviewed, the third-party evaluator (login `evaluator`) scored, rated the doorstep projects and signed, and
 * the city published. This year's round is open over three of them: 北园 self-assessing (login `beiyuan`),
 * 桔南 awaiting 城东街道's review (login `chengdong`), 大蒲湾 with the evaluator. Everything goes through the
 * module's use cases, so totals, audit entries and timelines are what the app itself writes.
 */
export async function seedDemoAssessments(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void; logins: string[] },
): Promise<void> {
  const { db, clock, ids } = deps;
  const zhoushan = await zhoushanCommunities(
    db,
    PLANS.map((p) => p.community),
  );
  if (!zhoushan) return;
  const { city, communities: units } = zhoushan;
  const unitOf = (name: string) => units.find((u) => u.name === name && u.path.startsWith(city.path))!;
  if (PLANS.some((p) => !unitOf(p.community))) return;
  const byUsername = async (username: string) =>
    (await db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]?.id;
  const ctxOf = async (username: string): Promise<ActorCtx> => {
    const id = await byUsername(username);
    const actor = id ? await loadActor(db, id) : null;
    if (!actor) throw new Error(`demo user ${username} missing`);
    return { ...deps, actor, requestId: `demo-assessments-${username}` };
  };
  /** Staff acting once in the 2017 round, who have no login of their own in the demo. */
  const staff = (role: Role, unit: { id: string; path: string; name: string }, name: string): ActorCtx => {
    const actor: Actor = {
      userId: ids(),
      username: `demo-${role}`,
      displayName: name,
      locale: 'zh-CN',
      assignments: [{ role, orgUnitId: unit.id, orgPath: unit.path, orgUnitName: unit.name }],
    };
    return { ...deps, actor, requestId: 'demo-assessments' };
  };
  const parentOf = async (path: string) => {
    const parentId = path.split('/').filter(Boolean).at(-2)!;
    return (await db.select().from(orgUnits).where(eq(orgUnits.id, parentId)))[0]!;
  };

  // Logins for this year's round: a community secretary and a subdistrict admin.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = clock.now();
  const login = (username: string, displayName: string, title: string, role: Role, orgUnitId: string) =>
    insertDemoUser(db, ids, now, { username, displayName, title }, [{ role, orgUnitId }], passwordHash);
  const beiyuan = unitOf('北园社区');
  const junan = unitOf('桔南社区');
  const chengdong = await parentOf(junan.path);
  await login('beiyuan', '北园社区', '北园社区党委书记、居委会主任', 'community_secretary', beiyuan.id);
  await login('chengdong', '城东街道', '城东街道社会事务办', 'subdistrict_admin', chengdong.id);
  opts.logins.push('beiyuan        community secretary (北园社区, 舟山: self-assesses)');
  opts.logins.push('chengdong      subdistrict admin (城东街道, 舟山: reviews assessments)');

  const civil = await ctxOf('zhoushan');
  const evaluator = await ctxOf('evaluator');
  const frameworks = await listFrameworks(civil);
  const zs = frameworks.items.find((f) => f.key === ZHOUSHAN_2017.key)!;
  const version = await getVersion(civil, zs.versions[0]!.id, 'zh-CN');
  const scored = version.nodes.filter((n) => n.scored);
  const nodeId = (code: string) => version.nodes.find((n) => n.code === code)!.id;
  const up = (s: S): S => (s === 'C' ? 'B' : 'A');

  /** Walks one sheet: self-assessment (a level above the evaluator where it differs), review, evaluation, sign. */
  const walk = async (
    sheetId: string,
    plan: Plan,
    until: 'self' | 'review' | 'evaluation' | 'signed',
    community: ActorCtx,
    subdistrict: ActorCtx,
  ) => {
    await saveScores(
      community,
      sheetId,
      {
        entries: [
          ...scored.map((n) => ({ nodeId: n.id, state: up(plan.states[n.code] ?? 'A') })),
          ...Object.entries(plan.evidence ?? {}).map(([code, evidence]) => ({
            nodeId: nodeId(code),
            evidence,
          })),
        ],
        projects: plan.projects.map(([name, category]) => ({ name, category })),
        note: `${plan.community}${version.name}自评报告已上传网络报送平台。`,
      },
      'zh-CN',
    );
    if (until === 'self') return;
    await actOnSheet(community, sheetId, { action: 'submit' }, 'zh-CN');
    if (until === 'review') return;
    await actOnSheet(
      subdistrict,
      sheetId,
      { action: 'approve', comment: '材料齐全，同意报送第三方评估。' },
      'zh-CN',
    );
    // The evaluator first takes the community's states, then sets what the field visit found, with reasons.
    await saveScores(
      evaluator,
      sheetId,
      {
        entries: scored.map((n) => ({
          nodeId: n.id,
          state: up(plan.states[n.code] ?? 'A'),
          methods: methodsOf(n.code),
        })),
      },
      'zh-CN',
    );
    const down = scored.filter((n) => (plan.states[n.code] ?? 'A') !== up(plan.states[n.code] ?? 'A'));
    await saveScores(
      evaluator,
      sheetId,
      {
        entries: down.map((n) => ({
          nodeId: n.id,
          state: plan.states[n.code]!,
          note:
            n.code === 'Ⅱ-4'
              ? '走访居民12户，反映2016年有越级上访情况。'
              : n.code === 'Ⅱ-8'
                ? '社工机构尚未取得登记证书，仅有筹备材料。'
                : '实地考察与自评描述有差距。',
        })),
        projects: plan.projects.map(([name, category]) => ({
          name,
          category,
          ratings: Object.fromEntries(ASPECTS.map((a, j) => [a, plan.ratings[j]!])),
        })),
        note: '实地考察：查看社区工作记录，实景模拟拨打服务热线，走访居民。',
        reason: down.length ? '第三方实地考察结果与自评不符，按考察情况评定' : null,
      },
      'zh-CN',
    );
    if (until === 'evaluation') return;
    await actOnSheet(evaluator, sheetId, { action: 'sign', comment: '评分已核对无误。' }, 'zh-CN');
  };

  const round = async (year: number, title: string, plans: Plan[], dues: [string, string, string]) => {
    const r = await createRound(civil, {
      orgUnitId: city.id,
      versionId: version.id,
      year,
      title,
      communityIds: plans.map((p) => unitOf(p.community).id),
      selfDue: dues[0],
      reviewDue: dues[1],
      evaluationDue: dues[2],
      evaluatorId: evaluator.actor.userId,
    });
    const results = await getResults(civil, r.id, 'zh-CN');
    return { round: r, sheetOf: (name: string) => results.rows.find((x) => x.orgUnitName === name)!.sheetId };
  };

  // ---- 2017: the eight demonstration communities, published.
  const r2017 = await round(2017, '2017年度“美丽群岛 幸福社区”示范点测评', PLANS, [
    '2017-10-31',
    '2017-11-15',
    '2017-12-15',
  ]);
  for (const plan of PLANS) {
    const unit = unitOf(plan.community);
    const sd = await parentOf(unit.path);
    await walk(
      r2017.sheetOf(plan.community),
      plan,
      'signed',
      staff('community_secretary', unit, `${plan.community}社区书记`),
      staff('subdistrict_admin', sd, `${sd.name}社会事务办`),
    );
  }
  await publishRound(civil, r2017.round.id);

  // ---- This year: three communities under way.
  const year = Number(chinaDate(now).slice(0, 4));
  const later = (days: number) => chinaDate(new Date(now.getTime() + days * DAY));
  const open = PLANS.slice(0, 3);
  const rNow = await round(year, `${year}年度“美丽群岛 幸福社区”测评`, open, [
    later(14),
    later(30),
    later(60),
  ]);
  const sdOf = async (name: string) => {
    const unit = unitOf(name);
    return { unit, sd: await parentOf(unit.path) };
  };
  const beiyuanCtx = await ctxOf('beiyuan');
  await saveScores(
    beiyuanCtx,
    rNow.sheetOf('北园社区'),
    {
      entries: scored.slice(0, 4).map((n) => ({ nodeId: n.id, state: 'A' })),
      projects: [['“北园银龄”助餐服务', '养老服务类'] as const].map(([name, category]) => ({
        name,
        category,
      })),
    },
    'zh-CN',
  );
  const j = await sdOf('桔南社区');
  await walk(
    rNow.sheetOf('桔南社区'),
    open[1]!,
    'review',
    staff('community_secretary', j.unit, '桔南社区书记'),
    await ctxOf('chengdong'),
  );
  const d = await sdOf('大蒲湾社区');
  await walk(
    rNow.sheetOf('大蒲湾社区'),
    { ...open[2]!, states: { ...open[2]!.states, 'Ⅱ-9': 'A' } },
    'evaluation',
    staff('community_secretary', d.unit, '大蒲湾社区书记'),
    staff('subdistrict_admin', d.sd, `${d.sd.name}社会事务办`),
  );
  opts.log(`assessments: 2017 round published (${PLANS.length} communities), ${year} round open`);
}

/**
 * Records Linli holds, attached as evidence (issue 12): 北园 links its registered facilities to Ⅱ-5 社区设施 on
 * this year's sheet. Runs after the facilities demo (the records must exist first).
 */
export async function seedDemoAssessmentEvidence(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (s: string) => void },
) {
  const { db } = deps;
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'beiyuan'));
  const actor = user ? await loadActor(db, user.id) : null;
  if (!actor) return;
  const ctx: ActorCtx = { ...deps, actor, requestId: 'demo-assessments-evidence' };
  const year = Number(chinaDate(deps.clock.now()).slice(0, 4));
  const [sheet] = await db
    .select({ id: asSheets.id })
    .from(asSheets)
    .innerJoin(asRounds, eq(asRounds.id, asSheets.roundId))
    .where(and(eq(asRounds.year, year), eq(asSheets.orgUnitId, actor.assignments[0]!.orgUnitId!)));
  if (!sheet) return;
  const detail = await getSheet(ctx, sheet.id, 'zh-CN');
  const node = detail.version.nodes.find((n) => n.code === 'Ⅱ-5')!;
  const found = await evidenceCandidates(ctx, sheet.id, node.id, 'zh-CN');
  let n = 0;
  for (const src of found.sources)
    for (const r of src.records.slice(0, 2)) {
      await linkEvidence(ctx, sheet.id, { nodeId: node.id, source: src.key, ref: r.ref });
      n++;
    }
  opts.log(`assessments: ${n} facility records linked as evidence on 北园's ${year} sheet`);
}
