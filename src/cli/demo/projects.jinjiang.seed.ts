import { and, asc, eq, inArray, like, or } from 'drizzle-orm';
import { userRoles, users } from '../../server/modules/accounts/accounts.table';
import { orgUnits } from '../../server/modules/org/org.table';
import { addDisbursement, addSpend } from '../../server/modules/projects/projects.money';
import { nextApplicationNumber } from '../../server/modules/projects/projects.repository';
import {
  pjApplicationEvents,
  pjApplications,
  pjArchiveItems,
  pjCalls,
  pjReports,
  pjScores,
  pjSteps,
} from '../../server/modules/projects/projects.table';
import { reportMonths } from '../../server/modules/projects/projects.workflow';
import { loadActor } from '../../server/platform/auth';
import type { ActorCtx, AppDeps } from '../../server/platform/context';
import { createLocalStorage } from '../../server/platform/storage';
import { SEED_000_CRITERIA, SEED_000_DOCUMENTS, SEED_000_TYPES } from '../../shared/contracts/projects';
import { demoArchiveItem, pdf, png } from './projects.archive.seed';
import { firstRow } from '../../server/platform/firstRow';

const DAY = 86_400_000;
/** A moment of 2023 in China time. */
const cn = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
const endOfChinaDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`);
const plus = (d: Date, days: number) => new Date(d.getTime() + days * DAY);
const ymd = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

type Row = typeof pjApplications.$inferInsert;
type Ev = typeof pjApplicationEvents.$inferInsert;

/**
 * The 2023 call's sixteen applications (seed 000; titles and most names synthetic): one per town for the
 * twelve pilots — 青华社区 recommended to the 泉州 (prefecture) level — and four not selected.
 */
export const JINJIANG_PLAN: {
  town: string;
  place: string;
  type: string;
  title: string;
  selected?: 'city' | 'prefecture';
}[] = [
  {
    town: '青阳街道',
    place: '青华社区',
    type: 'party_building',
    title: '近邻党建“楼栋会客厅”',
    selected: 'prefecture',
  },
  { town: '梅岭街道', place: '桂华社区', type: 'mutual_aid', title: '邻里驿站“六小”服务', selected: 'city' },
  {
    town: '西园街道',
    place: '霞浯社区',
    type: 'consultation',
    title: '小区微协商议事厅规范化建设',
    selected: 'city',
  },
  { town: '罗山街道', place: '缺塘社区', type: 'service', title: '“一老一小”近邻服务提升', selected: 'city' },
  {
    town: '灵源街道',
    place: '灵水社区',
    type: 'participation',
    title: '五社联动社区基金试点',
    selected: 'city',
  },
  {
    town: '新塘街道',
    place: '湖光社区',
    type: 'mutual_aid',
    title: '“邻里守望”应急志愿服务队',
    selected: 'city',
  },
  {
    town: '陈埭镇',
    place: '江头村',
    type: 'consultation',
    title: '村规民约修订与践诺行动',
    selected: 'city',
  },
  {
    town: '池店镇',
    place: '仕春村',
    type: 'party_building',
    title: '党员联系户“穿透式”全覆盖',
    selected: 'city',
  },
  { town: '安海镇', place: '星塔社区', type: 'service', title: '社区长者食堂与助餐点', selected: 'city' },
  { town: '磁灶镇', place: '大埔村', type: 'participation', title: '驻村企业“共建清单”', selected: 'city' },
  { town: '英林镇', place: '湖尾村', type: 'mutual_aid', title: '侨乡“邻里亲”互助服务', selected: 'city' },
  { town: '金井镇', place: '围头村', type: 'service', title: '渔村近邻便民服务站', selected: 'city' },
  { town: '青阳街道', place: '阳光社区', type: 'consultation', title: '居民议事厅“六具备”建设' },
  { town: '梅岭街道', place: '岭山社区', type: 'service', title: '社区智慧服务平台' },
  { town: '陈埭镇', place: '涵口村', type: 'party_building', title: '“党建+”邻里中心' },
  { town: '安海镇', place: '庄头村', type: 'participation', title: '乡贤参与村庄治理' },
];
/** Pilot indexes: the one whose July report was filed late, the one completed after 30 November. */
const LATE_REPORT = 5;
const LATE_COMPLETION = 9;

const OPINIONS = [
  '项目推进有序，建议进一步细化居民参与记录，按月在居务公开栏公开资金使用情况。',
  '阵地建设已完成，建议加强志愿者队伍的常态化管理，完善服务台账。',
  '议事协商记录较完整，建议将协商成果形成制度，提炼可推广的工作法。',
];
const ANSWER = '已按意见补充居民参与记录和服务台账，资金使用明细已在公开栏和居务公开平台公示。';

/**
 * Demo data of the projects module for 晋江市 (seed 000, login `jinjiang`): 晋江市民政局's 2023
 * “共建共享” call — open 10 March, applications by 17 March, results published, 12 pilots (one per town,
 * 青华社区 recommended to 泉州 with the 5万 matching subsidy, the others 10万 city level), four not
 * selected — and the whole year after it: monthly reports April–November (湖光社区's July report filed
 * late and flagged), the bureau's mid-term visits answered, completion by 30 November (大埔村 late: flagged,
 * 通报), closing summaries by 20 December, money through the money use cases (by each town's 社会事务办,
 * audited) and archive files in several categories. Rows are written as projects.seed.ts writes them
 * (application, timeline, steps of the flags); all 2023, so nothing is left for the deadline sweep.
 */
export async function seedDemoProjectsJinjiang(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'> & Partial<Pick<AppDeps, 'config'>>,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, ids } = deps;
  const city = await firstRow(db, orgUnits, and(eq(orgUnits.kind, 'district'), eq(orgUnits.name, '晋江市')));
  if (!city) return;
  const under = await db
    .select()
    .from(orgUnits)
    .where(and(like(orgUnits.path, `${city.path}%`), inArray(orgUnits.kind, ['subdistrict', 'community'])));
  const towns = new Map(under.filter((u) => u.kind === 'subdistrict').map((u) => [u.name, u]));
  const placeOf = (town: string, name: string) =>
    under.find((u) => u.kind === 'community' && u.name === name && u.parentId === towns.get(town)?.id);
  if (JINJIANG_PLAN.some((p) => !placeOf(p.town, p.place))) return;
  // The bureau, the secretary of 青华社区, and each town's 社会事务办 (its subdistrict admin).
  const staff = await db
    .select({ id: users.id, username: users.username, name: users.displayName, unit: userRoles.orgUnitId })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      or(
        inArray(users.username, ['jinjiang', 'qinghua']),
        and(
          eq(userRoles.role, 'subdistrict_admin'),
          inArray(
            userRoles.orgUnitId,
            [...towns.values()].map((t) => t.id),
          ),
        ),
      ),
    )
    .orderBy(asc(users.username));
  const bureau = staff.find((s) => s.username === 'jinjiang');
  const townStaff = (town: string) => staff.find((s) => s.unit === towns.get(town)?.id);
  if (!bureau) return;
  const bureauActor = { id: bureau.id, name: bureau.name };

  // ---- the call (seed 000: notice of 10 March 2023) ----
  const call = {
    id: ids(),
    orgUnitId: city.id,
    orgPath: city.path,
    year: 2023,
    title: '2023年晋江市“共建共享”社区治理项目申报',
    status: 'published',
    types: SEED_000_TYPES.map((x) => ({ ...x })),
    quota: 12,
    applicationDue: '2023-03-17',
    completionDue: '2023-11-30',
    summaryDue: '2023-12-20',
    reportDay: 20,
    subsidyCityFen: 10_000_000,
    subsidyPrefectureFen: 5_000_000,
    documents: SEED_000_DOCUMENTS.map((x) => ({ ...x })),
    criteria: SEED_000_CRITERIA.map((x) => ({ ...x })),
    scopeUnitIds: [...towns.values()].map((t) => t.id),
    notes:
      '申报单位在充分征求村（居）民意见建议的基础上提出项目方案，填写申报表，镇（街道）把关并加盖公章，于3月17日前将申报表和项目方案书通过电子政务平台报送市民政局。',
    openedAt: cn('2023-03-10', '09:00'),
    publishedAt: cn('2023-03-31'),
    createdBy: bureau.id,
    createdAt: cn('2023-03-08', '15:00'),
    updatedAt: cn('2023-03-31'),
  };
  await db.insert(pjCalls).values(call);

  // ---- the sixteen applications and their procedure up to selection ----
  const first = Number((await nextApplicationNumber(db, 2023)).slice(-4));
  const decidedAt = cn('2023-03-28', '16:00');
  const apps: Row[] = [];
  const events: Ev[] = [];
  const scores: (typeof pjScores.$inferInsert)[] = [];
  const ev = (
    appId: string,
    at: Date,
    action: string,
    actor: { id: string | null; name: string },
    o: Partial<Ev> = {},
  ): Ev => ({
    id: ids(),
    applicationId: appId,
    at,
    actorId: actor.id,
    actorName: actor.name,
    action,
    fromState: 'selected',
    toState: 'selected',
    comment: null,
    data: {},
    ...o,
  });
  for (const [i, p] of JINJIANG_PLAN.entries()) {
    const c = placeOf(p.town, p.place)!;
    const sd = towns.get(p.town)!;
    const ts = townStaff(p.town);
    const tsActor = { id: ts?.id ?? null, name: ts?.name ?? `${p.town}社会事务办` };
    const secretary = p.place === '青华社区' ? staff.find((s) => s.username === 'qinghua') : undefined;
    const cActor = { id: secretary?.id ?? null, name: secretary?.name ?? p.place };
    const prefecture = p.selected === 'prefecture';
    const works = 8_000_000 + (i % 4) * 500_000;
    const budgetLines = [
      { item: '场地改造与设施设备', amountFen: works },
      { item: '活动组织与宣传', amountFen: 3_000_000 },
      { item: '志愿者培训与保险', amountFen: 1_500_000 },
      { item: '项目档案与工作法提炼', amountFen: 500_000 },
    ];
    const total = budgetLines.reduce((n, l) => n + l.amountFen, 0);
    // R-PJ-5: 晋江 finance 10万 per city-level pilot, 5万 matching for a 泉州 pilot (泉州's own subsidy as
    // 'other'); the town's subsidy; the rest from resident units and donations.
    const cityFen = prefecture ? 5_000_000 : 10_000_000;
    const townFen = 2_000_000;
    const otherFen = prefecture ? 5_000_000 : 0;
    const funding = [
      { source: 'city', amountFen: cityFen },
      ...(prefecture ? [{ source: 'other', amountFen: otherFen }] : []),
      { source: 'subdistrict', amountFen: townFen },
      {
        source: p.town.endsWith('镇') ? 'resident_unit' : 'donation',
        amountFen: total - cityFen - townFen - otherFen,
      },
    ];
    const created = cn(`2023-03-${String(10 + (i % 3)).padStart(2, '0')}`, '09:30');
    const sent = cn(`2023-03-${String(13 + (i % 2)).padStart(2, '0')}`, '11:00');
    const approved = cn(`2023-03-${String(15 + (i % 2)).padStart(2, '0')}`, '15:30');
    const submitted = cn(i % 3 === 0 ? '2023-03-17' : '2023-03-16', '16:45');
    const id = ids();
    const sealNo = `晋${p.town.slice(0, 2)}〔2023〕${20 + i}号`;
    const app: Row = {
      id,
      number: `SB2023-${String(first + i).padStart(4, '0')}`,
      callId: call.id,
      orgUnitId: c.id,
      orgPath: c.path,
      subdistrictId: sd.id,
      type: p.type,
      title: `${p.place.replace(/社区|村$/, '')}${p.title}`,
      summary: `结合${p.place}实际，以近邻党建为引领开展“${p.title}”，形成一项可复制的社区工作法。`,
      targets: [
        '建成服务阵地 1 处并常态化开放',
        '每月开展主题活动不少于 2 次',
        `全年居民参与不少于 ${600 + i * 50} 人次`,
        '形成项目档案和社区工作法 1 篇',
      ],
      consultationKind: 'meeting',
      consultationDate: ymd(plus(created, -3)),
      consultationNote: `召开${p.place.endsWith('村') ? '村民' : '居民'}代表会议，到会代表 ${26 + i} 人，一致同意申报。`,
      budgetLines,
      funding,
      budgetTotalFen: total,
      fundingTotalFen: total,
      state: p.selected ? 'selected' : 'not_selected',
      sealNo,
      sealedAt: approved,
      sealedBy: tsActor.id,
      sealedByName: tsActor.name,
      submitDueAt: endOfChinaDay(call.applicationDue),
      submittedAt: submitted,
      level: p.selected ?? null,
      decidedAt,
      completionDueAt: p.selected ? endOfChinaDay(call.completionDue) : null,
      summaryDueAt: p.selected ? endOfChinaDay(call.summaryDue) : null,
      createdBy: secretary?.id ?? null,
      createdAt: created,
      updatedAt: decidedAt,
    };
    apps.push(app);
    events.push(
      ev(id, created, 'create', cActor, { fromState: null, toState: 'draft' }),
      ev(id, sent, 'send', cActor, { fromState: 'draft', toState: 'pending_review' }),
      ev(id, approved, 'approve', tsActor, {
        fromState: 'pending_review',
        toState: 'approved',
        data: { sealNo },
      }),
      ev(id, submitted, 'submit', tsActor, { fromState: 'approved', toState: 'submitted' }),
      p.selected
        ? ev(id, decidedAt, 'select', bureauActor, { fromState: 'submitted', data: { level: p.selected } })
        : ev(id, decidedAt, 'reject', bureauActor, { fromState: 'submitted', toState: 'not_selected' }),
    );
    // The bureau's scores (R-PJ-2: the four considerations of seed 000, 25 each).
    const base = p.selected ? (prefecture ? 23 : 21 - (i % 3)) : 16 + (i % 2);
    const s = SEED_000_CRITERIA.map((_, k) => Math.min(25, base + ((i + k) % 3)));
    scores.push({
      id: ids(),
      applicationId: id,
      callId: call.id,
      orgPath: c.path,
      reviewerId: bureau.id,
      reviewerName: bureau.name,
      conflict: false,
      conflictNote: null,
      scores: Object.fromEntries(SEED_000_CRITERIA.map((k, n) => [k.key, s[n]!])),
      total: s.reduce((n, x) => n + x, 0),
      comment: p.selected ? null : '基础条件较好，但目标不够具体，建议来年细化后再报。',
      createdAt: cn('2023-03-22', '10:00'),
      updatedAt: cn('2023-03-22', '10:00'),
    });
  }
  await db.insert(pjApplications).values(apps);
  await db.insert(pjScores).values(scores);

  // ---- the pilots' year: reports, visit, completion, summary ----
  const pilots = apps.filter((a) => a.state === 'selected');
  const reports: (typeof pjReports.$inferInsert)[] = [];
  const steps: (typeof pjSteps.$inferInsert)[] = [];
  const patches: { id: string; set: Partial<Row> }[] = [];
  const completionDueAt = endOfChinaDay(call.completionDue);
  for (const [pi, a] of pilots.entries()) {
    const town = JINJIANG_PLAN[pi]!.town;
    const ts = townStaff(town);
    const tsActor = { id: ts?.id ?? null, name: ts?.name ?? `${town}社会事务办` };
    // Monthly reports April–November, before the 20th (R-PJ-4); 湖光社区's July report four days late.
    for (const [mi, m] of reportMonths(call, decidedAt).entries()) {
      const late = pi === LATE_REPORT && m.month === '2023-07';
      const filedAt = plus(m.dueAt, late ? 4.4 : -(2 + ((pi + mi) % 4)) + 0.4);
      const reportId = ids();
      reports.push({
        id: reportId,
        applicationId: a.id,
        callId: call.id,
        orgPath: a.orgPath,
        month: m.month,
        state: 'filed',
        dueAt: m.dueAt,
        overdueAt: late ? new Date(m.dueAt.getTime() + 5 * 60_000) : null,
        progress: `${Number(m.month.slice(5))}月：按方案推进，累计开展活动 ${2 * (mi + 1) + (pi % 3)} 场，服务居民 ${150 * (mi + 1) + pi * 10} 人次。`,
        issues: late
          ? '项目社工岗位调整，7月进展材料汇总延迟，已补报。'
          : mi % 3
            ? null
            : '部分活动场地需协调物业或驻区单位提供。',
        nextSteps:
          mi === 7 ? '完成项目验收，整理项目档案，撰写项目总结。' : '继续开展主题活动，整理项目档案。',
        filedAt,
        filedBy: tsActor.id,
        filedByName: tsActor.name,
        createdAt: decidedAt,
        updatedAt: filedAt,
      });
      if (late) {
        events.push(
          ev(
            a.id,
            new Date(m.dueAt.getTime() + 5 * 60_000),
            'report_overdue',
            { id: null, name: '' },
            {
              actorName: null,
              fromState: null,
              toState: null,
              comment: m.month,
              data: { reportId },
            },
          ),
        );
        steps.push({
          recordId: reportId,
          step: `overdue:${m.dueAt.toISOString()}`,
          at: new Date(m.dueAt.getTime() + 5 * 60_000),
        });
      }
      events.push(
        ev(a.id, filedAt, 'report', tsActor, {
          fromState: null,
          toState: null,
          comment: m.month,
          data: { reportId, late },
        }),
      );
    }
    // Mid-term visit (July, with the city's community survey) and the town's answer a week later.
    const visitAt = cn(`2023-07-${String(4 + pi * 2).padStart(2, '0')}`, '09:30');
    const answeredAt = plus(visitAt, 7);
    const opinion =
      pi === LATE_COMPLETION
        ? '驻村企业共建清单落实不够，部分设施采购滞后，请加快进度，确保11月30日前完成。'
        : OPINIONS[pi % OPINIONS.length]!;
    events.push(
      ev(a.id, visitAt, 'visit', bureauActor, { comment: opinion }),
      ev(a.id, answeredAt, 'answer', tsActor, { comment: ANSWER }),
    );
    // Completion by 30 November; 大埔村 late: flagged 1 December, 通报 on the 4th, completed the 6th.
    const lateDone = pi === LATE_COMPLETION;
    const completedAt = lateDone
      ? cn('2023-12-06', '17:00')
      : cn(`2023-11-${String(16 + pi).padStart(2, '0')}`, '16:00');
    const completionNote = lateDone
      ? '设施设备已于12月初全部到位并投入使用，方案所列目标均已完成。'
      : '方案所列目标均已完成，进入总结阶段。';
    if (lateDone) {
      const flagged = new Date(completionDueAt.getTime() + 60_000);
      events.push(
        ev(
          a.id,
          flagged,
          'completion_overdue',
          { id: null, name: '' },
          {
            actorName: null,
            data: { due: completionDueAt.toISOString() },
          },
        ),
        ev(a.id, cn('2023-12-04', '10:00'), 'notice', bureauActor, {
          comment: '项目未能在11月30日前完成，设施采购滞后，予以通报，请镇里督促加快收尾。',
        }),
      );
      steps.push({
        recordId: a.id,
        step: `completion_overdue:${completionDueAt.toISOString()}`,
        at: flagged,
      });
    }
    events.push(
      ev(a.id, completedAt, 'complete', tsActor, { comment: completionNote, data: { late: lateDone } }),
    );
    // Closing summaries by 20 December.
    const summaryAt = cn(`2023-12-${String(8 + pi).padStart(2, '0')}`, '11:00');
    const summaryText = `${a.title}项目总结：项目按方案实施，累计开展活动 ${18 + pi} 场，服务居民 ${1200 + pi * 80} 人次，建立常态化工作机制，提炼形成社区工作法一篇。不足：居民参与的记录和资金公开的频次仍需加强。`;
    events.push(ev(a.id, summaryAt, 'summarize', tsActor, { comment: summaryText, data: { late: false } }));
    patches.push({
      id: a.id!,
      set: {
        visitAt,
        visitOpinion: opinion,
        visitAnsweredAt: answeredAt,
        visitAnswer: ANSWER,
        completedAt,
        completionNote,
        completionOverdueAt: lateDone ? new Date(completionDueAt.getTime() + 60_000) : null,
        summaryAt,
        summaryText,
        updatedAt: summaryAt,
      },
    });
  }
  await db.insert(pjReports).values(reports);
  await db.insert(pjApplicationEvents).values(events);
  await db.insert(pjSteps).values(steps);
  for (const p of patches) await db.update(pjApplications).set(p.set).where(eq(pjApplications.id, p.id));

  // ---- money (R-PJ-5), through the use cases, by each town's 社会事务办 ----
  let spends = 0;
  for (const [pi, a] of pilots.entries()) {
    const ts = townStaff(JINJIANG_PLAN[pi]!.town);
    const actor = ts ? await loadActor(db, ts.id) : null;
    if (!actor) continue;
    const ctx: ActorCtx = { ...deps, actor, requestId: 'demo-seed' };
    const fund = a.funding!;
    const cityFen = fund.find((f) => f.source === 'city')!.amountFen;
    const tranches: [string, string, number, string][] = [
      ['city', '2023-04-20', Math.round(cityFen / 2), '晋江市级补助第一笔'],
      [
        'subdistrict',
        '2023-05-10',
        fund.find((f) => f.source === 'subdistrict')!.amountFen,
        '镇（街道）配套补助',
      ],
      ...fund
        .filter((f) => !['city', 'subdistrict'].includes(f.source))
        .map((f): [string, string, number, string] => [
          f.source,
          '2023-06-15',
          f.amountFen,
          f.source === 'other'
            ? '泉州市“共建共享”项目补助'
            : f.source === 'donation'
              ? '辖区企业慈善捐赠'
              : '驻村企业共建资金',
        ]),
      ['city', '2023-09-15', cityFen - Math.round(cityFen / 2), '晋江市级补助第二笔'],
    ];
    for (const [source, receivedOn, amountFen, note] of tranches)
      await addDisbursement(ctx, a.id!, { source: source as 'city', receivedOn, amountFen, note });
    const [l0, l1, l2, l3] = a.budgetLines!;
    const lateDone = pi === LATE_COMPLETION;
    const entries: [string, string, number, string][] = [
      [l0!.item, '2023-05-18', Math.round(l0!.amountFen * 0.5), '场地改造工程款'],
      [l1!.item, '2023-06-28', Math.round(l1!.amountFen * 0.4), '主题活动物料'],
      [l2!.item, '2023-07-12', l2!.amountFen, '志愿者培训及意外险'],
      [l1!.item, '2023-09-26', Math.round(l1!.amountFen * 0.5), '主题活动及宣传'],
      [l0!.item, lateDone ? '2023-12-05' : '2023-10-30', Math.round(l0!.amountFen * 0.45), '设施设备购置'],
      [l3!.item, '2023-12-12', l3!.amountFen, '档案整理与工作法汇编印制'],
    ];
    for (const [k, [line, spentOn, amountFen, note]] of entries.entries()) {
      await addSpend(ctx, a.id!, {
        line,
        spentOn,
        amountFen,
        receiptRef: `JJ2023-${String(pi + 1).padStart(2, '0')}${String(k + 1).padStart(2, '0')}`,
        note,
      });
      spends++;
    }
  }

  // ---- archive ①–⑧ (R-PJ-3): every pilot has minutes, plan photos, the fund ledger and its self-assessment;
  // the 泉州 pilot all eight ----
  const storage = createLocalStorage(deps.config?.dataDir ?? '');
  const archive: (typeof pjArchiveItems.$inferInsert)[] = [];
  const puts: Promise<void>[] = [];
  const colours: [number, number, number][] = [
    [196, 62, 58],
    [58, 110, 196],
    [72, 160, 96],
  ];
  const minutes = pdf('Minutes of the residents meeting');
  const ledger = pdf('Fund-use ledger 2023');
  const assessment = pdf('Self-assessment report 2023');
  for (const [pi, a] of pilots.entries()) {
    const place = JINJIANG_PLAN[pi]!.place;
    const items: [string, string, string, Buffer, string][] = [
      [
        'minutes',
        '项目启动议事会纪要.pdf',
        `${place}项目启动会，代表、党员、网格员共 ${30 + pi} 人参加，通过实施方案。`,
        minutes,
        '2023-04-06',
      ],
      [
        'plan',
        '项目实施现场.png',
        '主题活动和阵地建设现场照片。',
        png(320, 200, colours[pi % 3]!),
        '2023-06-20',
      ],
      [
        'funds',
        '资金使用明细台账.pdf',
        '市级补助、镇（街道）配套及社会资金使用明细，已在村（居）务公开栏公示。',
        ledger,
        '2023-12-12',
      ],
      [
        'self_assessment',
        '结项自评报告.pdf',
        '项目结项自评报告，随项目总结报送市民政局。',
        assessment,
        '2023-12-15',
      ],
    ];
    if (pi === 0)
      items.push(
        [
          'guidance',
          '市民政局中期走访记录.pdf',
          '市民政局中期实地走访，提出细化居民参与记录的意见。',
          pdf('Supervision record'),
          '2023-07-06',
        ],
        [
          'self_governance',
          '楼栋会客厅议事签到表.pdf',
          '楼栋会客厅居民议事签到和议事记录。',
          pdf('Sign-in sheet'),
          '2023-08-15',
        ],
        [
          'disclosure',
          '居务公开栏公示照片.png',
          '资金使用情况在居务公开栏公示。',
          png(320, 200, [58, 110, 196]),
          '2023-10-10',
        ],
        [
          'method',
          '“楼栋会客厅”工作法.pdf',
          '提炼形成的“楼栋会客厅”近邻党建工作法。',
          pdf('Work method'),
          '2023-12-18',
        ],
      );
    for (const [category, fileName, note, file, on] of items) {
      const fileId = ids();
      puts.push(storage.put(fileId, file));
      const at = cn(on, '15:00');
      const byName = townStaff(JINJIANG_PLAN[pi]!.town)?.name ?? JINJIANG_PLAN[pi]!.town;
      archive.push(
        demoArchiveItem(
          ids(),
          { id: a.id!, orgPath: a.orgPath! },
          { category, note, fileId, fileName, file },
          byName,
          at,
        ),
      );
    }
  }
  await Promise.all(puts);
  await db.insert(pjArchiveItems).values(archive);
  opts.log(
    `projects (晋江市 2023): ${apps.length} applications, ${pilots.length} pilots, ${reports.length} reports, ${spends} spends, ${archive.length} archive files`,
  );
}
