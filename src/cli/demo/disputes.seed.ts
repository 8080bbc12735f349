import { and, asc, eq, isNull, like } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import { createBody } from '../../server/modules/disputes/disputes.bodies';
import { createIncident } from '../../server/modules/disputes/disputes.incidents';
import { createMeeting, setContact } from '../../server/modules/disputes/disputes.meetings';
import { actOnRisk, createRisk } from '../../server/modules/disputes/disputes.risks';
import { act, registerDispute } from '../../server/modules/disputes/disputes.usecases';
import { disputeWorkflow } from '../../server/modules/disputes/disputes.workflow';
import { dsDisputes } from '../../server/modules/disputes/disputes.table';
import { orgUnits } from '../../server/modules/org/org.table';
import { residents } from '../../server/modules/residents/residents.table';
import { workOrders } from '../../server/modules/work-orders/workOrders.table';
import { inScope } from '../../server/platform/permissions';
import { sweepWorkflow } from '../../server/platform/workflow';
import { chinaDate } from '../../shared/chinaTime';
import type { ActionBody, DsIncidentKind, DsSource, IntakeBody } from '../../shared/contracts/disputes';
import { SeedClock } from './seedClock';
import {
  type DemoSeedDeps,
  type DemoSeedOpts,
  XINXIALU_SECRETARIES,
  xinxialuCommunities,
} from './seedContext';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Cases: title, nature, cause, place, each party's claims, list entry. */
const CASES: [
  string,
  IntakeBody['nature'],
  string,
  string,
  [string, string],
  [ActionBody['list'], string],
][] = [
  [
    '楼上漏水致楼下天花板受损',
    'neighbour',
    '楼上卫生间防水层老化漏水，楼下天花板发霉脱落，双方多次协商未果，发生口角',
    '单元楼内',
    ['要求楼上赔偿维修费用并修复防水', '同意修复防水，但认为维修报价过高'],
    ['transfer', 'ZF-01'],
  ],
  [
    '广场舞音响噪音扰民',
    'neighbour',
    '傍晚广场舞音响音量过大，临近住户多次投诉，双方在现场发生争执',
    '小区广场',
    ['要求晚八点后停止使用音响', '希望保留活动时间，可以调低音量'],
    ['transfer', 'ZF-05'],
  ],
  [
    '物业停车收费争议',
    'property',
    '小区调整停车收费标准，部分业主拒缴并与物业人员发生冲突',
    '小区南门',
    ['要求恢复原收费标准并公示依据', '要求按新标准缴费'],
    ['transfer', 'ZF-03'],
  ],
  [
    '装修工人工资拖欠',
    'labour',
    '装修工程完工后，包工头以房主未结清款项为由拖欠三名工人工资',
    '在建装修房屋',
    ['要求一周内结清工资', '房主尾款到账后再支付'],
    ['dispute_service', 'MD-05'],
  ],
  [
    '夫妻因赡养老人发生矛盾',
    'family',
    '夫妻双方因父母赡养费用分担问题长期争吵，一方离家',
    '住户家中',
    ['要求对方按月分担赡养费用', '认为应由兄弟姐妹共同承担'],
    ['dispute_service', 'MD-02'],
  ],
  [
    '租客提前退租押金纠纷',
    'tenancy',
    '租客因工作调动提前退租，房东拒绝退还押金',
    '出租屋',
    ['要求全额退还押金', '按合同约定押金不予退还'],
    ['transfer', 'ZF-06'],
  ],
  [
    '楼道堆放杂物引发争执',
    'neighbour',
    '住户在楼道长期堆放杂物，邻居认为存在消防隐患，双方发生推搡',
    '楼道',
    ['要求立即清理楼道杂物', '同意清理，要求对方道歉'],
    ['dispute_service', 'MD-01'],
  ],
  [
    '电梯加装费用分摊争议',
    'neighbour',
    '加装电梯按楼层分摊费用，低层住户不同意出资',
    '单元楼前',
    ['要求按方案分摊费用', '低层不使用电梯，不应出资'],
    ['dispute_service', 'MD-01'],
  ],
];

/** What happens to each case (cycled over the communities): the last step it reaches. */
type Fate =
  | 'registered'
  | 'diverted'
  | 'overdue'
  | 'accepted'
  | 'agreed'
  | 'window'
  | 'resolved'
  | 'refused'
  | 'failed';
const FATES: Fate[] = [
  'agreed',
  'resolved',
  'window',
  'diverted',
  'refused',
  'agreed',
  'registered',
  'failed',
  'overdue',
  'accepted',
  'resolved',
  'agreed',
];
const SOURCES: DsSource[] = ['police', 'grid', 'community', 'centre', 'transfer_12345', 'transfer_110'];

/**
 * Demo disputes (issue 14): the one-window roster (the subdistrict's mediation committee and stationed
 * bodies, one committee per community), and three months of cases across the 12 Xinxialu communities from
 * every door and ticket kind, run through the use cases: agreements, one in the judicial-confirmation
 * window, a refusal, a failed mediation, overdue tickets, and cases still waiting.
 */
export async function seedDemoDisputes(deps: DemoSeedDeps, opts: DemoSeedOpts): Promise<void> {
  const { db, ids, pii } = deps;
  const time = new SeedClock(deps, 90);
  const demo = await xinxialuCommunities(db);
  if (!demo) return;
  const { sd, communities } = demo;
  const centre = await time.ctxOf('xiangl');
  if (!centre) return;

  // ---- the one-window roster (R-DS-2)
  await createBody(centre, {
    orgUnitId: sd.id,
    kind: 'mediation_committee',
    name: '新下陆街道人民调解委员会',
    contact: '0714-6400123',
    skills: ['邻里纠纷', '物业纠纷'],
    members: [
      { name: '饶诗华', gender: 'male', position: 'chair', skills: ['综合调解'] },
      { name: '陈慧敏', gender: 'female', position: 'vice_chair', skills: ['婚姻家庭'] },
      { name: '刘建国', gender: 'male', position: 'member', skills: ['物业纠纷'] },
      { name: '张秀兰', gender: 'female', position: 'member', skills: ['邻里纠纷'] },
      { name: '王德明', gender: 'male', position: 'member', skills: ['劳动争议'] },
    ],
  });
  const stationed: [string, string, string[]][] = [
    ['judicial', '新下陆司法所', ['法律咨询', '人民调解指导']],
    ['petition', '街道信访办（综治中心进驻）', ['信访调处']],
    ['womens_federation', '街道妇联', ['婚姻家庭', '妇女权益']],
    ['trade_union', '街道总工会', ['劳动争议', '欠薪']],
    ['lawyer', '驻综治中心律师工作室', ['法律援助', '合同纠纷']],
    ['counsellor', '心理咨询服务站', ['心理疏导']],
    ['deputies', '两代表一委员联络站', ['民意收集']],
    ['safety_volunteers', '平安志愿者服务队', ['巡查走访']],
    ['five_elders', '五老调解工作室', ['老党员', '老政法干警']],
  ];
  const stationedIds = new Map<string, string>();
  for (const [kind, name, skills] of stationed) {
    const b = await createBody(centre, {
      orgUnitId: sd.id,
      kind: kind as 'judicial',
      name,
      contact: null,
      skills,
      members: [{ name: `${name.slice(0, 2)}联络人`, gender: 'female', position: 'chair', skills: [] }],
    });
    stationedIds.set(kind, b.id);
  }
  const committees = new Map<string, { id: string; members: { id: string }[] }>();
  for (const c of communities) {
    const b = await createBody(centre, {
      orgUnitId: c.id,
      kind: 'mediation_committee',
      name: `${c.name}人民调解委员会`,
      contact: null,
      skills: ['邻里纠纷'],
      members: [
        { name: `${c.name.slice(0, 2)}调委会主任`, gender: 'male', position: 'chair', skills: [] },
        { name: `${c.name.slice(0, 2)}调解员甲`, gender: 'female', position: 'member', skills: [] },
        { name: `${c.name.slice(0, 2)}调解员乙`, gender: 'male', position: 'member', skills: [] },
      ],
    });
    committees.set(c.id, b);
  }

  // ---- cases across the communities, oldest first
  let n = 0;
  const plan: { c: (typeof communities)[number]; k: number; fate: Fate }[] = [];
  for (const [ci, c] of communities.entries())
    for (let k = 0; k < 3; k++) plan.push({ c, k: ci * 3 + k, fate: FATES[(ci + k * 5) % FATES.length]! });
  // The open cases go last (recent), the finished ones spread over three months.
  const order = (f: Fate) =>
    ['registered', 'diverted', 'overdue', 'accepted', 'window'].includes(f) ? 1 : 0;
  plan.sort((a, b) => order(a.fate) - order(b.fate) || a.k - b.k);
  const step = (80 * DAY) / plan.length;
  for (const [i, { c, k, fate }] of plan.entries()) {
    time.at = new Date(time.real.getTime() - 88 * DAY + i * step);
    if (fate === 'window') time.at = new Date(time.real.getTime() - 12 * DAY);
    if (order(fate) === 1 && fate !== 'window')
      time.at = new Date(time.real.getTime() - (plan.length - i) * 5 * HOUR);
    const handler = await time.ctxOf(XINXIALU_SECRETARIES[c.name] ?? '');
    if (!handler) continue;
    const [title, nature, cause, placeText, claims, [list, entryCode]] = CASES[k % CASES.length]!;
    const source = SOURCES[k % SOURCES.length]!;
    const people = await db
      .select({ id: residents.id, orgUnitId: residents.orgUnitId })
      .from(residents)
      .where(and(eq(residents.communityId, c.id), isNull(residents.deletedAt)))
      .orderBy(asc(residents.id))
      .limit(2)
      .offset((k * 2) % 20);
    const building = await db
      .select()
      .from(orgUnits)
      .where(and(eq(orgUnits.kind, 'building'), like(orgUnits.path, `${c.path}%`)))
      .orderBy(asc(orgUnits.sort), asc(orgUnits.name))
      .limit(1);
    const place = building[0] ?? c;
    const d = await registerDispute(centre, {
      source,
      sourceRef:
        source === 'police'
          ? '新下陆派出所出警民警'
          : source.startsWith('transfer')
            ? `ZB${2026000 + k}`
            : null,
      title,
      cause,
      nature,
      place: `${c.name}${place.kind === 'building' ? place.name : ''}${placeText}`,
      placeUnitId: place.id,
      occurredAt: new Date(time.at.getTime() - 2 * HOUR),
      parties: [
        people[0]
          ? { role: 'applicant', residentId: people[0].id, claims: claims[0] }
          : { role: 'applicant', name: '申请人', claims: claims[0] },
        people[1]
          ? { role: 'respondent', residentId: people[1].id, claims: claims[1] }
          : { role: 'respondent', name: '被申请人', claims: claims[1] },
      ],
    });
    n++;
    if (fate === 'registered') continue;
    time.advance(2 * HOUR);
    const ticketKind = nature === 'labour' ? 'key' : fate === 'overdue' ? 'emergency' : 'regular';
    await act(centre, d.id, {
      action: 'divert',
      list,
      entryCode,
      ticketKind,
      communityId: c.id,
      bodyId: committees.get(c.id)!.id,
      specialAssignment: k % 4 === 0,
      note: '请按时限受理',
    });
    if (fate === 'diverted' || fate === 'overdue') continue;
    time.advance(3 * HOUR);
    await act(handler, d.id, { action: 'accept' });
    if (fate === 'accepted') continue;
    if (fate === 'resolved') {
      time.advance(DAY);
      await act(handler, d.id, { action: 'finish', note: '网格员上门沟通，双方当面和解' });
      time.advance(DAY);
      await act(centre, d.id, { action: 'close', rating: 5, resolutionLevel: 'grid' });
      continue;
    }
    const body = committees.get(c.id)!;
    time.advance(DAY);
    if (fate === 'refused') {
      await act(handler, d.id, {
        action: 'refuse',
        partyId: d.parties[1]!.id,
        note: '被申请人明确表示不接受调解，已告知可通过诉讼途径解决',
      });
      time.advance(DAY);
      await act(centre, d.id, { action: 'close', rating: 3, resolutionLevel: 'community' });
      continue;
    }
    await act(handler, d.id, {
      action: 'start_mediation',
      bodyId: body.id,
      mediatorIds: [body.members[0]!.id, body.members[1]!.id],
      // Joint mediation (R-DS-2): labour cases with the trade union and a lawyer, family ones with the women's
      // federation, some neighbour cases with the 五老 veterans.
      jointBodyIds:
        nature === 'labour'
          ? [stationedIds.get('trade_union')!, stationedIds.get('lawyer')!]
          : nature === 'family'
            ? [stationedIds.get('womens_federation')!]
            : k % 2 === 1
              ? [stationedIds.get('five_elders')!]
              : [],
    });
    time.advance(2 * DAY);
    await act(handler, d.id, {
      action: 'session',
      record: '分别听取双方陈述，查看现场，释法明理，双方初步同意协商解决',
      place: `${c.name}人民调解室`,
      heldAt: time.at,
    });
    time.advance(3 * DAY);
    if (fate === 'failed') {
      await act(handler, d.id, {
        action: 'fail',
        legalOptions: '已告知双方可依法通过仲裁、行政、司法等途径维护自己的权利',
        note: '双方分歧较大，调解不成',
      });
      continue;
    }
    await act(handler, d.id, {
      action: 'agree',
      agreement: {
        facts: cause,
        matters: `${claims[0]}；${claims[1]}。经调解，双方各自承担相应责任`,
        content: '双方自愿达成一致，由被申请人在履行期限内完成约定事项，申请人不再追究',
        performanceManner: '当面履行，社区见证',
        performanceDeadline: new Date(time.at.getTime() + 15 * DAY).toISOString().slice(0, 10),
        partiesSigned: true,
        mediatorSigned: true,
        committeeSealed: true,
      },
    });
    if (fate === 'window') continue;
    time.advance(DAY);
    await act(centre, d.id, { action: 'close', rating: 5, resolutionLevel: 'community' });
    // Follow-up on performance (履行回访) once the performance deadline has passed, where it has.
    const back = time.at;
    time.advance(16 * DAY);
    if (time.at < time.real)
      await act(handler, d.id, {
        action: 'follow_up',
        performance: k % 3 === 0 ? 'partial' : 'performed',
        note:
          k % 3 === 0
            ? '电话回访：赔偿款已付，维修尚在进行，继续跟进'
            : '上门回访：协议已按期履行，双方无异议',
      });
    time.at = back;
  }
  // ---- a work order that turned out to be a dispute: converted in one action, both linked (R-DS-1)
  const [wo] = await db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.categoryCode, 'neighbour_dispute'), like(workOrders.orgPath, `${sd.path}%`)))
    .orderBy(asc(workOrders.createdAt))
    .limit(1);
  const placeId = wo ? (wo.buildingId ?? wo.gridId ?? wo.communityId) : null;
  if (wo && placeId) {
    time.at = new Date(Math.max(wo.createdAt.getTime() + HOUR, time.real.getTime() - 3 * DAY));
    await registerDispute(centre, {
      source: 'work_order',
      workOrderId: wo.id,
      title: '工单转办：邻里矛盾',
      cause: wo.description.slice(0, 2000),
      nature: 'neighbour',
      place: '工单所报地点',
      placeUnitId: placeId,
      parties: [
        { role: 'applicant', name: '工单报事人', claims: '要求对方停止影响并协商解决' },
        { role: 'respondent', name: '被反映人', claims: '愿意沟通' },
      ],
    });
    n++;
  }
  // ---- R-DS-3: each community's leader and contact (one not named yet), and the monthly joint meetings
  for (const [ci, c] of communities.entries()) {
    if (ci === communities.length - 1) continue;
    time.daysAgo(88);
    const secretary = XINXIALU_SECRETARIES[c.name];
    const [u] = secretary ? await db.select().from(users).where(eq(users.username, secretary)) : [];
    await setContact(centre, c.id, {
      leaderName: u?.displayName ?? `${c.name.slice(0, 2)}分管负责人`,
      leaderTitle: '社区党委书记',
      contactName: `${c.name.slice(0, 2)}综治专干`,
      contactInfo: '社区矛盾纠纷工作群',
    });
  }
  const recent = (
    await db
      .select({ id: dsDisputes.id, createdAt: dsDisputes.createdAt })
      .from(dsDisputes)
      .orderBy(asc(dsDisputes.createdAt))
  ).map((d) => d);
  for (let back = 3; back >= 1; back--) {
    time.daysAgo(back * 30);
    const cases = recent
      .filter((d) => d.createdAt < time.at)
      .slice(-3)
      .map((d) => d.id);
    await createMeeting(centre, {
      orgUnitId: sd.id,
      kind: 'monthly',
      heldAt: time.at,
      place: '街道综治中心会议室',
      host: '饶诗华',
      attendees: [
        '饶诗华',
        '向良',
        '新下陆司法所所长',
        '派出所副所长',
        ...communities.slice(0, 4).map((c) => `${c.name}联系人`),
      ],
      disputeIds: cases,
      decisions: '逐案明确责任社区和化解时限；超时工单由综治中心督办；重点单每周报告进展',
      minutes: null,
    });
  }
  time.daysAgo(40);
  await createMeeting(centre, {
    orgUnitId: sd.id,
    kind: 'extra',
    heldAt: time.at,
    place: '街道综治中心会议室',
    host: '饶诗华',
    attendees: ['饶诗华', '向良', '街道总工会', '新下陆司法所所长'],
    disputeIds: recent
      .filter((d) => d.createdAt < time.at)
      .slice(-1)
      .map((d) => d.id),
    decisions: '欠薪纠纷涉及多名工人，由工会、司法所联合调处，一周内结清',
    minutes: null,
  });

  // ---- the grids' monthly screening (排查): hidden risks of last month and this month, some resolved
  const RISKS: [string, string, 'low' | 'medium' | 'high'][] = [
    ['两户因楼下停车位长期争执', '两户居民多次为停车位争吵，曾互相堵车，有升级苗头。', 'high'],
    ['装修噪音引发邻里不满', '新住户周末装修，楼上楼下多次投诉，情绪较大。', 'medium'],
    ['老旧小区漏水责任不清', '顶楼漏水殃及楼下两户，维修费用分担未谈妥。', 'medium'],
    ['建筑工地欠薪苗头', '辖区一工地部分工人反映工资拖欠两个月。', 'high'],
    ['赡养老人家庭矛盾', '兄妹三人对母亲赡养费用分担意见不一。', 'low'],
    ['宠物犬伤人后赔偿未了', '邻居家犬只咬伤小孩，医药费赔偿协商中。', 'medium'],
  ];
  const gridWorker = await time.ctxOf('grid1');
  let risks = 0;
  for (const [i, c] of communities.slice(0, 6).entries()) {
    const [g] = await db
      .select()
      .from(orgUnits)
      .where(and(eq(orgUnits.kind, 'grid'), like(orgUnits.path, `${c.path}%`)))
      .orderBy(asc(orgUnits.sort), asc(orgUnits.name))
      .limit(1);
    if (!g) continue;
    const by = gridWorker && inScope(gridWorker.actor, 'disputes.register', g.path) ? gridWorker : centre;
    for (const back of [35, 2]) {
      time.daysAgo(back);
      const [title, description, level] = RISKS[(i + back) % RISKS.length]!;
      const r = await createRisk(by, {
        orgUnitId: g.id,
        title,
        description,
        level,
        involved: '相关住户',
        measures: '网格员已上门了解情况并劝解。',
      });
      risks++;
      if (back === 35) {
        time.daysAgo(30);
        await actOnRisk(centre, r.id, { action: 'resolve', note: '经社区调解，双方达成谅解，隐患销号。' });
      } else if (i % 2 === 0) {
        time.daysAgo(1);
        await actOnRisk(centre, r.id, { action: 'handle', note: '已转社区人民调解委员会跟进。' });
      }
    }
  }
  opts.log(`disputes: ${risks} hidden risks in the grids' screening rounds`);

  // ---- serious incidents (seed 004 Ⅱ-4): one within the last two years in the first community, older ones
  // elsewhere, so the register's standing shows a community with an incident and communities clear again.
  time.at = time.real;
  const INCIDENTS: [number, DsIncidentKind, number, string, string, string, string][] = [
    [
      0,
      'mass_incident',
      150,
      '小区南门',
      '约三十名业主因物业调整停车收费聚集，堵塞小区南门约两小时。',
      '街道、社区与派出所现场劝导，物业暂停新收费标准，经业主协商会议达成新方案。',
      '新下陆派出所',
    ],
    [
      1,
      'pyramid_selling',
      800,
      '辖区出租屋',
      '一处出租屋内有外地人员聚集从事传销活动。',
      '公安机关依法查处，涉事人员已遣返，社区加强出租屋排查。',
      '新下陆派出所',
    ],
    [
      2,
      'porn_gambling_drugs',
      1000,
      '沿街棋牌室',
      '一家棋牌室组织赌博，群众举报。',
      '公安机关依法查处，棋牌室已关停。',
      '网格员上报',
    ],
  ];
  let incidents = 0;
  for (const [i, kind, back, place, description, handlingResult, reportedBy] of INCIDENTS) {
    const c = communities[i];
    if (!c) continue;
    await createIncident(centre, {
      orgUnitId: c.id,
      kind,
      occurredOn: chinaDate(new Date(time.real.getTime() - back * DAY)),
      place: `${c.name}${place}`,
      description,
      handlingResult,
      reportedBy,
    });
    incidents++;
  }
  opts.log(`disputes: ${incidents} serious incidents in the register`);

  // Deadlines that passed meanwhile: overdue tickets escalate, confirmation reminders fire.
  time.at = time.real;
  await sweepWorkflow(disputeWorkflow, { db, ids, pii, clock: time.clock, requestId: 'demo-seed' });
  opts.log(`disputes: ${n} cases, ${committees.size + 1 + stationed.length} handling bodies`);
}
