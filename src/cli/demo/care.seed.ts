import { and, arrayOverlaps, asc, eq, isNull, like } from 'drizzle-orm';
import {
  applyRelief,
  actOnRelief,
  createPlan,
  flagMissedVisits,
  logVisit,
} from '../../server/modules/care/care.usecases';
import { orgUnits } from '../../server/modules/org/org.table';
import { residents } from '../../server/modules/residents/residents.table';
import type { ActorCtx } from '../../server/platform/context';
import { DEFAULT_FREQUENCY_DAYS } from '../../shared/contracts/care';
import { SPECIAL_GROUP_TAGS, type SpecialGroupTag } from '../../shared/orgKinds';
import { SeedClock } from './seedClock';
import { type DemoSeedDeps, type DemoSeedOpts, tongduCommunity } from './seedContext';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const NOTES = [
  '老人精神状态良好，家中整洁，提醒按时服药',
  '反映近期腿脚不便，已联系幸福食堂送餐',
  '检查燃气和用电安全，无隐患',
  '子女本周来电问候，情绪稳定',
  '血压偏高，建议到社区卫生服务站复查',
  '帮助预约了志愿者理发服务',
];

/**
 * Demo care (issue 16 §4, R-SV-3): visit plans for special-group residents of 铜都第1网格 (the grid worker
 * `grid1`) and a few of 铜都社区 for the volunteer `zhiyuan`, a month of visits with some missed (flagged by
 * the same job that runs every ten minutes), and two temporary relief cases — one for a migrant worker
 * from another province (non-local registration, granted) and one awaiting the subdistrict's approval.
 */
export async function seedDemoCare(deps: DemoSeedDeps, opts: DemoSeedOpts): Promise<void> {
  const { db, ids, pii } = deps;
  const time = new SeedClock(deps, 35);
  const tongdu = await tongduCommunity(db);
  const staff = await time.ctxOf('tongdu');
  const gridWorker = await time.ctxOf('grid1');
  const volunteer = await time.ctxOf('zhiyuan');
  const sdAdmin = await time.ctxOf('liukt');
  if (!tongdu || !staff || !gridWorker) return;
  const [grid] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'grid'), eq(orgUnits.parentId, tongdu.id)))
    .orderBy(asc(orgUnits.sort), asc(orgUnits.name))
    .limit(1);
  const hashes = new Map(SPECIAL_GROUP_TAGS.map((tag) => [pii.blindIndex('special_group', tag), tag]));
  const tagged = await db
    .select({ id: residents.id, orgPath: residents.orgPath, hashes: residents.specialGroupHashes })
    .from(residents)
    .where(
      and(
        like(residents.orgPath, `${tongdu.path}%`),
        isNull(residents.deletedAt),
        arrayOverlaps(residents.specialGroupHashes, [...hashes.keys()]),
      ),
    )
    .orderBy(asc(residents.id))
    .limit(80);
  const inGrid = tagged.filter((r) => grid && r.orgPath.startsWith(grid.path)).slice(0, 12);
  const elsewhere = tagged.filter((r) => !grid || !r.orgPath.startsWith(grid.path)).slice(0, 4);

  // ---- plans, made five weeks ago
  const plans: { id: string; visitor: ActorCtx; every: number }[] = [];
  const make = async (r: (typeof tagged)[number], visitor: ActorCtx, kind: 'grid_worker' | 'volunteer') => {
    const tag = r.hashes.map((h) => hashes.get(h)).find((x): x is SpecialGroupTag => !!x);
    if (!tag) return;
    const every = DEFAULT_FREQUENCY_DAYS[tag];
    const p = await createPlan(staff, {
      residentId: r.id,
      tag,
      frequencyDays: every,
      assigneeKind: kind,
      assigneeUserId: visitor.actor.userId,
      firstDueAt: new Date(time.at.getTime() + 2 * DAY),
      note: null,
    });
    plans.push({ id: p.id, visitor, every });
  };
  for (const r of inGrid) await make(r, gridWorker, 'grid_worker');
  if (volunteer) for (const r of elsewhere) await make(r, volunteer, 'volunteer');

  // ---- a month of visits: most made on the due day (mornings), about one in six missed
  let visits = 0;
  let seq = 0;
  for (let day = 2; day <= 34; day++) {
    time.at = new Date(time.real.getTime() - (35 - day) * DAY + 10 * HOUR - 8 * HOUR);
    for (const p of plans) {
      const sinceStart = day - 2;
      if (sinceStart % p.every !== 0) continue;
      seq++;
      if (seq % 6 === 0) continue; // missed
      const v = await logVisit(p.visitor, p.id, {
        place: seq % 4 === 0 ? '社区幸福食堂' : '老人家中',
        outcome: seq % 9 === 0 ? 'needs_help' : seq % 11 === 0 ? 'not_home' : 'well',
        note: NOTES[seq % NOTES.length]!,
        lat: null,
        lng: null,
      });
      if (v) visits++;
    }
    time.advance(14 * HOUR);
    await flagMissedVisits({ db, ids, pii, clock: time.clock, requestId: 'demo-seed' });
  }
  time.at = time.real;
  const missed = await flagMissedVisits({ db, ids, pii, clock: time.clock, requestId: 'demo-seed' });

  // ---- two temporary relief cases (R-SV-3): at the place of emergency, whatever the registration
  time.daysAgo(6);
  const migrant = await applyRelief(staff, {
    placeUnitId: grid?.id ?? tongdu.id,
    emergencyPlace: '铜都社区建设路工地',
    applicantName: '刘大勇',
    idNumber: '510104198001011236',
    phone: '13912345678',
    hukouPlace: '四川省成都市锦江区',
    localHukou: false,
    reason: '外地务工人员在工地突发脑梗住院，医药费超出承受能力，家属来黄石陪护无落脚处',
    items: [
      { kind: 'money', description: '临时救助金', amountFen: 300_000, provider: '新下陆街道' },
      { kind: 'goods', description: '米、油、被褥等生活物资', amountFen: 45_000, provider: '下陆区慈善会' },
      {
        kind: 'service',
        description: '社工陪护、协助办理医保异地结算',
        provider: '黄石市同心社会工作服务中心',
      },
    ],
  });
  if (sdAdmin) {
    time.daysAgo(5);
    const ok = await actOnRelief(sdAdmin, migrant.id, {
      action: 'approve',
      note: '情况属实，急难发生地受理，同意救助',
      version: 1,
    });
    time.daysAgo(4);
    await actOnRelief(staff, migrant.id, { action: 'grant', version: ok.version });
  }
  time.daysAgo(1);
  await applyRelief(staff, {
    placeUnitId: tongdu.id,
    emergencyPlace: '铜都社区3栋',
    applicantName: '陈桂兰',
    phone: '13871234567',
    hukouPlace: '湖北省黄石市下陆区',
    localHukou: true,
    reason: '家中突发火灾，厨房和卧室烧毁，独居老人暂无住处和生活用品',
    items: [
      { kind: 'money', description: '临时救助金', amountFen: 200_000 },
      { kind: 'goods', description: '衣物、被褥、炊具', amountFen: 60_000, provider: '铜都社区爱心超市' },
      { kind: 'service', description: '志愿者协助清理、联系临时住所', provider: '铜都社区志愿服务队' },
    ],
  });
  opts.log(`care: ${plans.length} plans, ${visits} visits, misses flagged ${missed}, 2 relief cases`);
}
