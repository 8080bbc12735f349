import { and, asc, eq, like } from 'drizzle-orm';
import { orgUnits } from '../../server/modules/org/org.table';
import {
  closeSurvey,
  createSurvey,
  enterPaperResponse,
  publishSurvey,
  setQuotas,
} from '../../server/modules/surveys/surveys.usecases';
import type { AppDeps } from '../../server/platform/context';
import type { Answers, Question } from '../../shared/contracts/surveys';
import { demoUserCtx, tongduCommunity } from './seedContext';

const DAY = 86_400_000;

/** Seed 004 Ⅱ-10: 群众知晓率 and 满意度 (共议共评), asked the way Zhoushan's door-to-door questionnaires ask. */
const QUESTIONS: Question[] = [
  {
    key: 'aware',
    kind: 'single',
    title: '您是否知道本社区正在创建“美丽群岛 幸福社区”？',
    required: true,
    options: ['知道，并了解主要内容', '听说过', '不知道'],
    scale: null,
    rows: [],
    measure: 'awareness',
    positive: { options: [0, 1] },
  },
  {
    key: 'overall',
    kind: 'rating',
    title: '您对本社区“幸福社区”建设的总体满意程度',
    required: true,
    options: [],
    scale: { min: 1, max: 5, minLabel: '很不满意', maxLabel: '非常满意' },
    rows: [],
    measure: 'satisfaction',
    positive: { minRating: 4 },
  },
  {
    key: 'aspects',
    kind: 'matrix',
    title: '请对社区以下方面的工作打分',
    required: true,
    options: [],
    scale: { min: 1, max: 5, minLabel: '很不满意', maxLabel: '非常满意' },
    rows: ['党建引领', '居务公开', '环境卫生', '治安秩序', '为民服务'],
    measure: 'satisfaction',
    positive: { minRating: 4 },
  },
  {
    key: 'staff',
    kind: 'single',
    title: '您对社区工作人员的服务态度是否满意？',
    required: true,
    options: ['满意', '基本满意', '不满意', '不了解'],
    scale: null,
    rows: [],
    measure: 'satisfaction',
    positive: { options: [0, 1] },
  },
  {
    key: 'needs',
    kind: 'multiple',
    title: '您最希望社区加强哪些服务？（可多选）',
    required: false,
    options: ['居家养老', '儿童托管', '文体活动', '就业帮扶', '邻里调解'],
    scale: null,
    rows: [],
    measure: null,
    positive: null,
  },
  {
    key: 'say',
    kind: 'text',
    title: '您对社区工作的意见和建议',
    required: false,
    options: [],
    scale: null,
    rows: [],
    measure: null,
    positive: null,
  },
];

const COMMENTS = [
  '希望多组织老年人活动。',
  '小区停车难，希望统筹解决。',
  '垃圾分类点位再多设几个。',
  '社区干部很负责，点赞。',
  '楼道灯经常坏，希望及时修。',
  '希望增加助餐点。',
  '',
  '',
  '',
];

/** Satisfaction level per community (share of 4–5 ratings): 星岛 falls below the 85% bar. */
const LEVELS: Record<string, { sat: number; aware: number; n: number }> = {
  北园社区: { sat: 0.91, aware: 0.93, n: 62 },
  桔南社区: { sat: 0.92, aware: 0.95, n: 55 },
  大蒲湾社区: { sat: 0.89, aware: 0.9, n: 51 },
  莲安社区: { sat: 0.87, aware: 0.9, n: 48 },
  嘉和社区: { sat: 0.9, aware: 0.88, n: 50 },
  东海社区: { sat: 0.86, aware: 0.87, n: 44 },
  星岛社区: { sat: 0.74, aware: 0.81, n: 46 },
  莲花社区: { sat: 0.88, aware: 0.91, n: 42 },
};

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** One synthetic paper form whose answers lean toward the community's levels. */
function answersFor(next: () => number, level: { sat: number; aware: number }): Answers {
  const good = () => (next() < level.sat ? (next() < 0.55 ? 5 : 4) : next() < 0.6 ? 3 : next() < 0.7 ? 2 : 1);
  const aware = next() < level.aware ? (next() < 0.6 ? 0 : 1) : 2;
  const staff = next() < level.sat ? (next() < 0.7 ? 0 : 1) : next() < 0.7 ? 2 : 3;
  const needs = [0, 1, 2, 3, 4].filter(() => next() < 0.3);
  const say = COMMENTS[Math.floor(next() * COMMENTS.length)]!;
  return {
    aware,
    overall: good(),
    aspects: [good(), good(), good(), good(), good()],
    staff,
    needs: needs.length ? needs : null,
    say: say || null,
  };
}

/**
 * Demo data of the surveys module (seed 004 Ⅱ-10, R-AS-5): 舟山市民政局 (login `zhoushan`) ran the 2017
 * "幸福社区" awareness and satisfaction survey over the eight demonstration communities, door to door on
 * paper with a quota of 50 forms each; 星岛社区 falls below the 85% bar. This year 铜都社区 (login `luhx`)
 * is collecting its residents' satisfaction survey, closing in five days with the quota not yet met: the
 * demo resident `jumin` (铜都) answers it on the phone at /m/surveys. A draft convention-awareness survey
 * shows the builder.
 */
export async function seedDemoSurveys(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, ids, pii, clock } = deps;
  const ctxOf = (username: string, at?: Date) =>
    demoUserCtx(
      { db, ids, pii, clock: at ? ({ now: () => at } as AppDeps['clock']) : clock },
      username,
      'demo-surveys',
    );
  const next = rng(20171130);
  const phone = (() => {
    let n = 0;
    return () => `1380574${String(1000 + n++).padStart(4, '0')}`;
  })();

  // ---- 2017: the Zhoushan demonstration communities
  const [city] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'city'), eq(orgUnits.name, '舟山市')));
  const opensAt = new Date('2017-10-16T00:00:00+08:00');
  const closesAt = new Date('2017-11-30T23:59:59+08:00');
  const zs = city ? await ctxOf('zhoushan', new Date('2017-10-12T09:00:00+08:00')) : null;
  let count = 0;
  if (city && zs) {
    const communities = (
      await db
        .select()
        .from(orgUnits)
        .where(and(eq(orgUnits.kind, 'community'), like(orgUnits.path, `${city.path}%`)))
        .orderBy(asc(orgUnits.path))
    ).filter((c) => LEVELS[c.name]);
    const s = await createSurvey(zs, {
      orgUnitId: city.id,
      title: '2017年“美丽群岛 幸福社区”群众知晓率和满意度调查',
      purpose: 'satisfaction',
      intro:
        '为了解居民对“幸福社区”创建工作的知晓和满意情况，请您如实填写。问卷不记名，结果作为2017年度幸福社区评估（共性任务：群众知晓率、满意度85%以上）的依据。',
      year: 2017,
      opensAt,
      closesAt,
      questions: QUESTIONS,
      target: null,
    });
    await setQuotas(zs, s.id, { quotas: communities.map((c) => ({ orgUnitId: c.id, target: 50 })) });
    await publishSurvey(zs, s.id);
    for (const c of communities) {
      const level = LEVELS[c.name]!;
      const households = await db
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(and(eq(orgUnits.kind, 'household'), like(orgUnits.path, `${c.path}%`)))
        .limit(400);
      for (let i = 0; i < level.n; i++) {
        const day = new Date(opensAt.getTime() + Math.floor(next() * 40) * DAY + 10 * 3_600_000);
        const entry = { ...zs, clock: { now: () => day } as AppDeps['clock'] };
        await enterPaperResponse(entry, s.id, {
          orgUnitId: households.length ? households[Math.floor(next() * households.length)]!.id : c.id,
          phone: next() < 0.8 ? phone() : undefined,
          answeredAt: day,
          answers: answersFor(next, level),
        });
        count++;
      }
    }
    await closeSurvey((await ctxOf('zhoushan', new Date('2017-12-01T09:00:00+08:00')))!, s.id);
  }

  // ---- this year: 铜都社区 collecting, closing in five days
  const luhx = await ctxOf('luhx');
  const tongdu = await tongduCommunity(db);
  if (luhx && tongdu) {
    const now = clock.now();
    const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
    const grids = await db
      .select()
      .from(orgUnits)
      .where(and(eq(orgUnits.kind, 'grid'), like(orgUnits.path, `${tongdu.path}%`)))
      .orderBy(asc(orgUnits.path));
    const s = await createSurvey(luhx, {
      orgUnitId: tongdu.id,
      title: `${year}年铜都社区居民满意度调查`,
      purpose: 'satisfaction',
      intro: '社区“两委”年度工作接受居民评议。每位居民限填一次，约需3分钟。感谢您的支持！',
      year,
      opensAt: new Date(now.getTime() - 16 * DAY),
      closesAt: new Date(now.getTime() + 5 * DAY),
      questions: QUESTIONS.map((q) =>
        q.key === 'aware'
          ? { ...q, title: '您是否知道社区本年度的重点民生项目（小区微改造、助餐点）？' }
          : q.key === 'overall'
            ? { ...q, title: '您对社区“两委”本年度工作的总体满意程度' }
            : q,
      ),
      target: null,
    });
    await setQuotas(luhx, s.id, { quotas: grids.slice(0, 6).map((g) => ({ orgUnitId: g.id, target: 40 })) });
    await publishSurvey(luhx, s.id);
    for (const [gi, g] of grids.slice(0, 6).entries()) {
      const households = await db
        .select({ id: orgUnits.id })
        .from(orgUnits)
        .where(and(eq(orgUnits.kind, 'household'), like(orgUnits.path, `${g.path}%`)))
        .limit(200);
      const n = [31, 18, 26, 9, 22, 14][gi]!;
      for (let i = 0; i < n && households.length; i++) {
        await enterPaperResponse(luhx, s.id, {
          orgUnitId: households[Math.floor(next() * households.length)]!.id,
          phone: phone(),
          answeredAt: new Date(now.getTime() - Math.floor(next() * 15) * DAY),
          answers: answersFor(next, { sat: 0.88, aware: 0.8 }),
        });
        count++;
      }
    }
    await createSurvey(luhx, {
      orgUnitId: tongdu.id,
      title: `${year}年铜都社区居民公约知晓与执行情况调查`,
      purpose: 'convention',
      year,
      opensAt: new Date(now.getTime() + 10 * DAY),
      closesAt: new Date(now.getTime() + 40 * DAY),
      questions: [
        {
          key: 'know',
          kind: 'single',
          title: '您是否知道本社区修订后的《居民公约》？',
          required: true,
          options: ['知道', '听说过', '不知道'],
          scale: null,
          rows: [],
          measure: 'awareness',
          positive: { options: [0, 1] },
        },
      ],
      target: 300,
    });
  }
  opts.log(`surveys: ${count} responses (2017 Zhoushan survey closed; 铜都社区 collecting)`);
}
