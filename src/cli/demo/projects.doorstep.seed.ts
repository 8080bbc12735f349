import { and, eq, inArray, like } from 'drizzle-orm';
import { orgUnits } from '../../server/modules/org/org.table';
import {
  pjDoorstepFiles,
  pjDoorstepProjects,
  pjDoorstepRecords,
} from '../../server/modules/projects/projects.table';
import type { AppDeps } from '../../server/platform/context';
import { createLocalStorage } from '../../server/platform/storage';
import { chinaDate } from '../../shared/chinaTime';
import {
  DOORSTEP_DOCUMENTS,
  DOORSTEP_STAGES,
  type DoorstepCategory,
  type DoorstepDocument,
  type FrequencyPeriod,
  type SettlementType,
} from '../../shared/contracts/projects.doorstep';
import { pdf } from './projects.archive.seed';
import { insertDemoLogin } from './demoLogin';
import { firstRow } from '../../server/platform/firstRow';

const DAY = 86_400_000;

type Plan = [
  name: string,
  category: DoorstepCategory,
  settlement: SettlementType | null,
  budgetYuan: number,
  times: number,
  per: FrequencyPeriod,
  people: number,
  /** How many of the four stages are recorded. */
  stages: number,
  documents: DoorstepDocument[],
];

/** What each stage's record says, by category of work (the demo's text). */
const STAGE_TEXT = [
  '入户走访和问卷调查相结合，收集居民需求，召开楼道议事会听取意见。',
  '对收集的需求分类排序，确定服务对象、服务重点和频次，形成需求分析报告。',
  '制定项目方案和活动计划，明确预算、志愿者分工和评价方式，经居民代表会议讨论通过。',
  '按方案开展服务，居民志愿者参与服务和监督，每月公示服务情况。',
];

/** Per Zhoushan demonstration community: its doorstep projects of the current year (R-PJ-6: ≤ 2 per category). */
const PLANS: Record<string, Plan[]> = {
  北园社区: [
    [
      '“北园银龄”助餐服务',
      'elderly',
      'old_open',
      60_000,
      22,
      'month',
      180,
      4,
      ['plan', 'activity', 'midterm', 'final'],
    ],
    ['独居老人“一键通”关爱', 'elderly', 'old_open', 25_000, 4, 'month', 65, 3, ['plan', 'activity']],
    ['楼道议事会', 'consultation', 'old_open', 8_000, 2, 'month', 300, 4, ['plan', 'midterm']],
    ['家门口健康小屋', 'health', null, 30_000, 8, 'month', 420, 2, ['plan']],
  ],
  桔南社区: [
    [
      '“桔南夜巡”平安守护',
      'safety',
      'new_urban',
      15_000,
      3,
      'week',
      2600,
      4,
      ['plan', 'activity', 'midterm'],
    ],
    ['四点半课堂', 'education', 'new_urban', 20_000, 5, 'week', 60, 3, ['plan', 'activity']],
    ['广场舞队伍规范化', 'culture_sports', 'new_urban', 6_000, 2, 'month', 120, 1, []],
  ],
  大蒲湾社区: [
    [
      '渔嫂志愿服务队',
      'volunteering',
      'fishing_farming',
      12_000,
      4,
      'month',
      350,
      4,
      ['plan', 'activity', 'midterm', 'final'],
    ],
    ['渔港安全宣传', 'safety', 'fishing_farming', 10_000, 1, 'month', 800, 2, ['plan']],
    ['困难渔民家庭帮扶', 'livelihood', 'fishing_farming', 40_000, 1, 'month', 46, 3, ['plan', 'midterm']],
  ],
  莲安社区: [
    [
      '莲安居民议事厅',
      'consultation',
      'mixed_rural',
      10_000,
      2,
      'month',
      500,
      4,
      ['plan', 'activity', 'midterm'],
    ],
    ['农居混住区环境共治', 'social_affairs', 'mixed_rural', 18_000, 1, 'week', 1200, 2, ['plan']],
    ['老年书画班', 'culture_sports', 'mixed_rural', 5_000, 4, 'month', 40, 0, []],
    ['慢病随访服务', 'health', 'mixed_rural', 15_000, 2, 'month', 210, 3, ['plan', 'activity']],
  ],
  嘉和社区: [
    [
      '海岛老人助浴',
      'elderly',
      'natural_village',
      35_000,
      2,
      'month',
      55,
      3,
      ['plan', 'activity', 'midterm'],
    ],
    ['低保家庭“微心愿”', 'livelihood', 'natural_village', 8_000, 1, 'quarter', 30, 4, ['plan', 'final']],
    ['邻里互助志愿队', 'volunteering', 'natural_village', 6_000, 2, 'month', 150, 1, []],
  ],
  东海社区: [
    ['新市民融入课堂', 'education', 'new_urban', 12_000, 2, 'month', 90, 2, ['plan']],
    [
      '小区公约共商',
      'consultation',
      'new_urban',
      4_000,
      1,
      'quarter',
      900,
      4,
      ['plan', 'activity', 'midterm', 'final'],
    ],
    ['夜间便民服务站', 'social_affairs', 'new_urban', 22_000, 3, 'week', 640, 3, ['plan', 'activity']],
    ['健身步道共管', 'culture_sports', 'new_urban', 9_000, 1, 'month', 1100, 1, []],
    ['流动人口平安宣传', 'safety', 'new_urban', 7_000, 1, 'month', 700, 0, []],
  ],
  星岛社区: [
    ['独居老人上门探访', 'elderly', 'old_open', 20_000, 4, 'month', 75, 4, ['plan', 'activity', 'midterm']],
    ['社区急救培训', 'health', 'old_open', 10_000, 1, 'month', 180, 2, ['plan']],
    ['困境儿童关爱', 'livelihood', 'old_open', 16_000, 2, 'month', 24, 3, ['plan', 'activity']],
  ],
  莲花社区: [
    [
      '渔农村文化礼堂活动',
      'culture_sports',
      'fishing_farming',
      15_000,
      2,
      'month',
      450,
      4,
      ['plan', 'activity', 'midterm', 'final'],
    ],
    ['“海岛红”志愿服务', 'volunteering', 'fishing_farming', 8_000, 3, 'month', 260, 2, ['plan']],
    ['村民说事', 'consultation', 'natural_village', 3_000, 1, 'month', 380, 3, ['plan', 'midterm']],
  ],
};

const REFLECTIONS = [
  '部分老人反映服务时间与午休冲突，调整为上午十点开始，参与人数明显增加。',
  '志愿者流动性较大，建立志愿者积分和轮班制度，保证服务持续开展。',
];

/**
 * Demo data of seed 004's doorstep projects (issue 11 §7): this year's projects of the eight Zhoushan
 * demonstration communities, 3–5 each across several categories, at different stages (北园 has two in
 * 养老服务类, the most R-PJ-6 allows), with stage records, reflections and some of the four documents;
 * and a resident login of 北园社区 (`beiyuanjm`) to see them on the phone.
 */
export async function seedDemoDoorstepProjects(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids'> & Partial<Pick<AppDeps, 'config'>>,
  opts: { log: (line: string) => void; logins?: string[] },
): Promise<void> {
  const { db, clock, ids } = deps;
  const storage = createLocalStorage(deps.config?.dataDir ?? '');
  const city = await firstRow(db, orgUnits, and(eq(orgUnits.kind, 'city'), eq(orgUnits.name, '舟山市')));
  if (!city) return;
  const units = await db
    .select()
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.kind, 'community'),
        inArray(orgUnits.name, Object.keys(PLANS)),
        like(orgUnits.path, `${city.path}%`),
      ),
    );
  const now = clock.now().getTime();
  const year = Number(chinaDate(clock.now()).slice(0, 4));
  const yearStart = Date.parse(`${year}-01-10T00:00:00+08:00`);
  const span = Math.max(30 * DAY, now - yearStart);
  let count = 0;
  let files = 0;
  for (const unit of units) {
    const by = `${unit.name}居委会`;
    for (const [pi, [name, category, settlement, budget, times, per, people, stages, documents]] of PLANS[
      unit.name
    ]!.entries()) {
      const id = ids();
      const created = new Date(yearStart + pi * 5 * DAY);
      // Stage dates spread over the year so far, in order.
      const stageAt = (i: number) => new Date(yearStart + pi * 5 * DAY + ((i + 1) * span) / 6);
      const last = stages > 0 ? stageAt(stages - 1) : created;
      await db.insert(pjDoorstepProjects).values({
        id,
        orgUnitId: unit.id,
        orgPath: unit.path,
        year,
        category,
        name,
        settlementType: settlement,
        budgetFen: budget * 100,
        serviceTimes: times,
        servicePer: per,
        peopleServed: people,
        summary: `${unit.name}“家门口”项目：${name}，居民既是服务对象，也是志愿者、监督者和评价者。`,
        createdByName: by,
        createdAt: created,
        updatedAt: last,
      });
      count += 1;
      for (let i = 0; i < stages; i++) {
        const at = stageAt(i);
        await db.insert(pjDoorstepRecords).values({
          id: ids(),
          projectId: id,
          orgPath: unit.path,
          kind: 'stage',
          stage: DOORSTEP_STAGES[i]!.key,
          text: STAGE_TEXT[i]!,
          recordDate: chinaDate(at),
          createdByName: by,
          createdAt: at,
          updatedAt: at,
        });
      }
      if (stages === 4) {
        const at = new Date(Math.min(now, stageAt(3).getTime() + 20 * DAY));
        await db.insert(pjDoorstepRecords).values({
          id: ids(),
          projectId: id,
          orgPath: unit.path,
          kind: 'reflection',
          text: REFLECTIONS[pi % REFLECTIONS.length]!,
          recordDate: chinaDate(at),
          createdByName: by,
          createdAt: at,
          updatedAt: at,
        });
      }
      for (const [di, doc] of documents.entries()) {
        const d = DOORSTEP_DOCUMENTS.find((x) => x.key === doc)!;
        const data = pdf(`${d.en}: doorstep project`);
        const fileId = ids();
        await storage.put(fileId, data);
        const at = new Date(Math.min(now, created.getTime() + (di + 1) * (span / 5)));
        await db.insert(pjDoorstepFiles).values({
          id: ids(),
          projectId: id,
          orgPath: unit.path,
          slot: doc,
          note: null,
          fileId,
          fileName: `${name}${d.name}.pdf`,
          mime: 'application/pdf',
          size: data.length,
          createdByName: by,
          createdAt: at,
          updatedAt: at,
        });
        files += 1;
      }
    }
  }
  // A resident of 北园社区, to see the community's doorstep projects on the phone.
  const beiyuan = units.find((u) => u.name === '北园社区');
  if (beiyuan) {
    await insertDemoLogin(db, ids, clock.now(), {
      username: 'beiyuanjm',
      displayName: '周海燕',
      title: null,
      role: 'resident',
      orgUnitId: beiyuan.id,
    });
    opts.logins?.push(
      'beiyuanjm      resident (周海燕, 北园社区, 舟山): /m/projects shows the doorstep projects',
    );
  }
  opts.log(
    `projects: ${count} doorstep projects in ${units.length} Zhoushan communities, ${files} documents`,
  );
}
