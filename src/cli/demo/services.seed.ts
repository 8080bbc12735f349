import { chinaDateCompact as chinaDate } from '../../shared/chinaTime';
import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { creditService } from '../../server/modules/ledger/ledger.credit';
import { recordServiceHours } from '../../server/modules/volunteers/volunteers.hours';
import { orgUnits } from '../../server/modules/org/org.table';
import { partyMembers, residentUnits, socialOrgs } from '../../server/modules/people/people.table';
import { registryCandidates } from '../../server/modules/people/people.api';
import {
  svcDutyLogs,
  svcDutySlots,
  svcNeeds,
  svcOrderEvents,
  svcOrderNumberSeq,
  svcOrders,
  svcProjects,
  svcResources,
  svcStations,
} from '../../server/modules/services/services.table';
import { volunteers } from '../../server/modules/volunteers/volunteers.table';
import { residents } from '../../server/modules/residents/residents.table';
import { sealPii } from '../../server/modules/residents/residents.usecases';
import type { AppDeps, UseCaseCtx } from '../../server/platform/context';
import { maskAddress, maskPhone } from '../../server/platform/crypto';
import { rowsOf } from '../../server/platform/db';
import { type DemoSeedDeps, demoUserCtx, xinxialuCommunities } from './seedContext';
import { fcFacilities } from '../../server/modules/facilities/facilities.table';
import { updateStation } from '../../server/modules/services/services.duty';
import { insertDemoUser } from './demoLogin';
import { demoDraws } from './demoDraws';

/** The demo resident's mobile (jumin, 王秀英): SMS login in the demo. */
export const DEMO_RESIDENT_PHONE = '13800138000';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Service projects every community offers (seed 003 群众点单): title, category, skills, activity type, schedule, capacity, minutes. */
const PROJECTS: [string, string, string[], string, string, number | null, number, string][] = [
  [
    '助老陪诊',
    'elderly_care',
    ['助老服务', '陪诊'],
    'elderly_care',
    '工作日 8:00–17:00',
    6,
    120,
    '陪同行动不便的老人就医、取药',
  ],
  [
    '上门理发',
    'elderly_care',
    ['理发'],
    'elderly_care',
    '每月第一个周六上午',
    10,
    45,
    '为高龄、失能老人上门理发',
  ],
  [
    '家电小修',
    'repair',
    ['水电维修', '电脑维修'],
    'neighbour_help',
    '周末全天',
    5,
    60,
    '灯具、插座、小家电简单维修',
  ],
  [
    '代买代办',
    'errand',
    ['跑腿代办'],
    'neighbour_help',
    '每日 9:00–18:00',
    null,
    40,
    '代买药品、生活用品，代缴水电费',
  ],
  [
    '法律咨询',
    'legal',
    ['法律咨询'],
    'culture',
    '每周三下午',
    4,
    60,
    '在职党员律师提供婚姻家庭、劳动纠纷咨询',
  ],
  [
    '四点半课堂作业辅导',
    'education',
    ['课业辅导'],
    'culture',
    '工作日 16:30–18:00',
    8,
    90,
    '为双职工家庭孩子提供课后辅导',
  ],
];

const NEEDS: [string, string, string, string][] = [
  ['独居老人希望每周有人上门陪聊', 'special_group_visit', 'companionship', '网格员走访'],
  ['楼道扶手松动，老人上下楼不便', 'grid_visit', 'repair', '3栋居民'],
  ['希望开设老年人智能手机培训', 'deliberation', 'education', '居民议事会'],
  ['残疾人家庭需要定期代购生活用品', 'special_group_visit', 'errand', '残联专干'],
  ['双职工家庭孩子放学后无人照看', 'resident', 'education', '居民留言'],
];

const NEIGHBOURS = ['张奶奶', '刘爷爷', '陈婆婆', '王大爷', '李奶奶', '赵爷爷', '周婆婆', '吴大爷'];
const COMMENTS = ['很耐心，谢谢！', '服务很周到', '准时上门，态度好', '解决了大问题', null, '非常满意'];

/** Deterministic pseudo-random numbers so every demo database looks the same. */
function rng(seed: number) {
  let s = seed;
  const next = () => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
  return demoDraws(next);
}

type Status =
  | 'ordered'
  | 'dispatched'
  | 'accepted'
  | 'in_service'
  | 'served'
  | 'confirmed'
  | 'closed'
  | 'cancelled';

/** What deputies on liaison duty logged: the matters heard, and the visitors received. */
const DEPUTY_LOGS: [string, number][] = [
  ['接待群众 6 人次，听取老旧小区加装电梯的意见，已转社区协商议事', 6],
  ['收集停车难、充电桩不足的诉求 3 条，约请物业共同研究', 4],
  ['走访独居老人 2 户，反映助餐点排队时间长，已向街道提出建议', 5],
  ['接待反映楼道噪音扰民的居民，联系网格员上门调解', 3],
];

/**
 * Demo data of the services module (R-SV-1, R-SV-2, seed 003): the three lists and a neighbour station
 * with this week's duty rota for each of 新下陆街道's communities (and its deputies' liaison slots), the
 * resident login `jumin` (铜都社区), and service orders in every state over the past months served by the
 * volunteers seed's profiles, the confirmed ones credited to the time bank and love points through the ledger.
 */
export async function seedDemoServices(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void; logins: string[] },
): Promise<void> {
  const { db, clock, ids, pii } = deps;
  const ctx: UseCaseCtx = { ...deps, requestId: 'demo-seed' };
  const now = clock.now();
  const r = rng(20261123);
  const demo = await xinxialuCommunities(db);
  if (!demo) return;
  const { communities } = demo;
  const tongdu = communities.find((c) => c.name === '铜都社区') ?? communities[0];
  if (!tongdu) return;

  // ---- the resident login, in the registry with the demo phone: SMS login with DEMO_RESIDENT_PHONE (the
  // code is printed in the server log by the console SMS adapter) finds this login (issue 17).
  const jumin = ids();
  const [household] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'household'), like(orgUnits.path, `${tongdu.path}%`)))
    .orderBy(asc(orgUnits.path))
    .limit(1);
  const home = household ?? tongdu;
  const juminRecord = ids();
  await db.insert(residents).values({
    id: juminRecord,
    orgUnitId: home.id,
    orgPath: home.path,
    communityId: tongdu.id,
    name: '王秀英',
    gender: 'female',
    birthDate: '1956-03-08',
    ...sealPii(pii, { idNumber: null, phone: DEMO_RESIDENT_PHONE, address: null }),
    room: household?.name ?? null,
    registrationStatus: 'registered',
    createdAt: now,
    updatedAt: now,
  });
  await insertDemoUser(
    db,
    ids,
    now,
    {
      id: jumin,
      username: 'jumin',
      displayName: '王秀英',
      title: null,
      phoneEnc: pii.encrypt(DEMO_RESIDENT_PHONE),
      phoneHash: pii.blindIndex('phone', DEMO_RESIDENT_PHONE),
      phoneMask: maskPhone(DEMO_RESIDENT_PHONE),
      residentId: juminRecord,
    },
    [{ role: 'resident', orgUnitId: tongdu.id }],
  );
  // Her requests: the three newest orders reported online in 铜都社区 are hers (her name, phone and login).
  await db.execute(sql`update work_orders set requester_user_id = ${jumin}, requester_name = '王秀英',
      requester_phone_enc = ${pii.encrypt(DEMO_RESIDENT_PHONE)},
      requester_phone_hash = ${pii.blindIndex('phone', DEMO_RESIDENT_PHONE)},
      requester_phone_mask = ${maskPhone(DEMO_RESIDENT_PHONE)}
    where id in (select id from work_orders where community_id = ${tongdu.id} and channel = 'online'
      order by created_at desc limit 3)`);
  opts.logins.push(
    `jumin          resident (王秀英, 铜都社区): /m phone pages, orders help for a neighbour; SMS login with ${DEMO_RESIDENT_PHONE} (code in the server log)`,
  );

  let orderCount = 0;
  let credited = 0;
  let deputySlots = 0;
  for (const [ci, c] of communities.entries()) {
    const short = c.name.replace(/社区$/, '');
    const grids = await db
      .select()
      .from(orgUnits)
      .where(and(eq(orgUnits.kind, 'grid'), like(orgUnits.path, `${c.path}%`)))
      .orderBy(asc(orgUnits.sort), asc(orgUnits.name));
    const stamp = (d: Date) => ({ createdAt: d, updatedAt: d });

    // ---- needs list
    const needRows = NEEDS.slice(0, 3 + (ci % 3)).map(([title, source, category, raisedBy], i) => {
      const grid = grids[i % Math.max(1, grids.length)];
      const unit = source === 'grid_visit' && grid ? grid : c;
      return {
        id: ids(),
        communityId: c.id,
        orgUnitId: unit.id,
        orgPath: unit.path,
        title,
        description: null,
        source,
        category,
        status: i === 2 ? 'done' : 'open',
        raisedBy,
        ...stamp(new Date(now.getTime() - (10 + i * 7) * DAY)),
      };
    });
    await db.insert(svcNeeds).values(needRows);

    // ---- resources list (linked to the registry where a record exists)
    const [pm] = await db
      .select()
      .from(partyMembers)
      .where(and(like(partyMembers.orgPath, `${c.path}%`), eq(partyMembers.reporting, true)))
      .limit(1);
    const [org] = await db
      .select()
      .from(socialOrgs)
      .where(like(socialOrgs.orgPath, `${c.path}%`))
      .limit(1);
    const [unit] = await db
      .select()
      .from(residentUnits)
      .where(like(residentUnits.orgPath, `${c.path}%`))
      .limit(1);
    const resources = [
      {
        kind: 'venue',
        name: `${short}社区党群服务中心多功能室`,
        quantity: 60,
        description: '可容纳 60 人，预约使用',
      },
      { kind: 'venue', name: `${short}邻里驿站`, quantity: 20, description: '日间照料、议事协商' },
      pm
        ? {
            kind: 'party_member_skill',
            name: `${pm.name}:${pm.skills[0] ?? '志愿服务'}`,
            ownerType: 'party_member',
            ownerId: pm.id,
            description: pm.employer ? `在职党员，工作单位：${pm.employer}` : '在职党员',
          }
        : null,
      org
        ? {
            kind: 'social_org',
            name: org.name,
            ownerType: 'social_org',
            ownerId: org.id,
            description: org.field,
          }
        : null,
      unit
        ? {
            kind: 'resident_unit_offer',
            name: `${unit.name}:共建场地和志愿者`,
            ownerType: 'resident_unit',
            ownerId: unit.id,
          }
        : null,
      { kind: 'merchant', name: `${c.name}爱心超市`, description: '积分兑换点' },
      { kind: 'fund', name: '社区惠民资金(为民服务专项)', quantity: 200000, description: '单位：元' },
    ].filter((x): x is NonNullable<typeof x> => !!x);
    await db.insert(svcResources).values(
      resources.map((x) => ({
        id: ids(),
        communityId: c.id,
        orgUnitId: c.id,
        orgPath: c.path,
        kind: x.kind,
        name: x.name,
        description: 'description' in x ? (x.description ?? null) : null,
        ownerType: 'ownerType' in x ? (x.ownerType ?? null) : null,
        ownerId: 'ownerId' in x ? (x.ownerId ?? null) : null,
        quantity: 'quantity' in x ? (x.quantity ?? null) : null,
        available: true,
        ...stamp(now),
      })),
    );

    // ---- project list
    const projects = PROJECTS.map(
      ([title, category, skills, activityType, schedule, capacity, minutes, description], i) => ({
        id: ids(),
        communityId: c.id,
        orgUnitId: c.id,
        orgPath: c.path,
        title,
        description,
        category,
        skills,
        providerType: i === 4 && org ? 'social_org' : 'community',
        providerId: i === 4 && org ? org.id : null,
        providerName: i === 4 && org ? org.name : `${c.name}志愿服务队`,
        schedule,
        capacity,
        activityType,
        durationMinutes: minutes,
        // One project still being prepared in each community.
        published: i !== 5 || ci % 2 === 0,
        ...stamp(new Date(now.getTime() - 120 * DAY)),
      }),
    );
    await db.insert(svcProjects).values(projects);

    // ---- neighbour station and this week's rota (R-SV-2)
    const stationId = ids();
    await db.insert(svcStations).values({
      id: stationId,
      communityId: c.id,
      orgUnitId: c.id,
      orgPath: c.path,
      name: `${short}邻里驿站`,
      address: `${short}社区党群服务中心旁`,
      active: true,
      // Seed 000 二.2 (S000-09): 学习、休闲、调解、议事 in one; every third still without mediation. The host
      // facility is set by seedDemoStationHosts once the facilities registry is loaded.
      functions:
        ci % 3 === 2
          ? ['study', 'leisure', 'deliberation']
          : ['study', 'leisure', 'mediation', 'deliberation'],
      ...stamp(now),
    });
    const monday = new Date(Math.floor((now.getTime() + 8 * HOUR) / DAY) * DAY - 8 * HOUR);
    monday.setTime(monday.getTime() - ((new Date(monday.getTime() + 8 * HOUR).getUTCDay() + 6) % 7) * DAY);
    const people: [string, string][] = [
      ['resident_rep', `${short}居民代表刘桂兰`],
      ['grid_worker', `${short}网格员陈明`],
      ['party_leader', `${short}党员楼栋长周建国`],
      ['volunteer', `${short}志愿者李红`],
    ];
    for (let d = 0; d < 5; d++) {
      for (const [half, startH] of [
        [0, 9],
        [1, 14],
      ] as const) {
        const [type, name] = people[(d * 2 + half) % people.length]!;
        const startsAt = new Date(monday.getTime() + d * DAY + startH * HOUR);
        const slotId = ids();
        await db.insert(svcDutySlots).values({
          id: slotId,
          stationId,
          orgPath: c.path,
          orgUnitId: c.id,
          personType: type,
          personName: name,
          personKey: `name:${c.id}:${name}`,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 3 * HOUR),
          createdAt: now,
        });
        if (startsAt.getTime() + 3 * HOUR < now.getTime()) {
          await db.insert(svcDutyLogs).values({
            id: ids(),
            slotId,
            stationId,
            orgPath: c.path,
            orgUnitId: c.id,
            at: new Date(startsAt.getTime() + 2.5 * HOUR),
            content: r.pick([
              '接待居民咨询养老服务政策，登记上门理发需求 2 条',
              '协助老人使用智能手机缴费，调解邻里噪音纠纷 1 起',
              '收集楼道照明问题，已转网格员处理',
              '为独居老人代购药品，回访 3 户',
            ]),
            visitors: r.int(2, 12),
            createdByName: name,
          });
        }
      }
    }

    // ---- 两代表一委员 on liaison duty at the station (seed 003 三(三)1): each deputy registered in the
    // community on Saturday mornings from two weeks back to next week, those past logged (visitors received,
    // matters heard). Picked without the random draws, so the orders below stay as they were.
    const liaison = await registryCandidates(db, 'deputy', c.path, undefined, 2);
    for (const [di, d] of liaison.entries()) {
      for (const week of [-2, -1, 0, 1]) {
        const startsAt = new Date(monday.getTime() + (week * 7 + 5) * DAY + (9 + di * 2) * HOUR);
        const slotId = ids();
        await db.insert(svcDutySlots).values({
          id: slotId,
          stationId,
          orgPath: c.path,
          orgUnitId: c.id,
          personType: 'deputy',
          personName: d.name,
          personKey: d.id,
          personId: d.id,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * HOUR),
          createdAt: now,
        });
        deputySlots++;
        if (startsAt.getTime() + 2 * HOUR >= now.getTime()) continue;
        const [content, visitors] = DEPUTY_LOGS[(ci + di * 2 + week + 2) % DEPUTY_LOGS.length]!;
        await db.insert(svcDutyLogs).values({
          id: ids(),
          slotId,
          stationId,
          orgPath: c.path,
          orgUnitId: c.id,
          at: new Date(startsAt.getTime() + 1.5 * HOUR),
          content,
          visitors,
          createdByName: d.name,
        });
      }
    }

    // ---- service orders in every state, served by the volunteers seed's profiles
    const vols = await db
      .select()
      .from(volunteers)
      .where(and(eq(volunteers.communityId, c.id), eq(volunteers.status, 'active')))
      .orderBy(asc(volunteers.createdAt));
    if (vols.length === 0) continue;
    // Reporting party members and volunteers with a login serve most.
    const preferred = [
      ...vols.filter((v) => v.kind === 'party_member' && v.userId),
      ...vols.filter((v) => v.userId),
    ];
    const pool = preferred.length ? [...preferred, ...vols] : vols;
    const published = projects.filter((p) => p.published);
    const n = c.id === tongdu.id ? 26 : 10;
    const statuses: Status[] = [];
    for (let i = 0; i < n; i++) {
      // Mostly finished orders in the past months, a few still running this week.
      statuses.push(
        i < n - 6
          ? i % 5 === 4
            ? 'confirmed'
            : i % 9 === 8
              ? 'cancelled'
              : 'closed'
          : (['ordered', 'ordered', 'dispatched', 'accepted', 'in_service', 'served'] as Status[])[
              i - (n - 6)
            ]!,
      );
    }
    for (const [i, status] of statuses.entries()) {
      const p = published[i % published.length]!;
      const running = i >= n - 6;
      const created = running
        ? new Date(now.getTime() - r.int(2, 40) * HOUR)
        : new Date(now.getTime() - (120 - Math.floor((i / n) * 115)) * DAY + r.int(8, 10) * HOUR);
      const v = status === 'ordered' || status === 'cancelled' ? null : r.pick(pool);
      const grid = grids.length ? r.pick(grids) : null;
      const byJumin = c.id === tongdu.id && i % 4 === 0;
      const beneficiary = r.pick(NEIGHBOURS);
      const phone = `139${String(r.int(10000000, 99999999))}`;
      const address = `${short}社区${r.int(1, 12)}栋${r.int(1, 4)}单元${r.int(1, 6)}0${r.int(1, 4)}室`;
      const dispatchedAt = v ? new Date(created.getTime() + r.int(1, 6) * HOUR) : null;
      const acceptedAt =
        v && status !== 'dispatched' ? new Date(dispatchedAt!.getTime() + r.int(1, 8) * HOUR) : null;
      const checkInAt =
        acceptedAt && !['accepted', 'dispatched'].includes(status)
          ? running
            ? new Date(Math.min(now.getTime() - 2 * HOUR, acceptedAt.getTime() + 2 * HOUR))
            : new Date(acceptedAt.getTime() + r.int(12, 30) * HOUR)
          : null;
      const minutes =
        checkInAt && status !== 'in_service' ? Math.round((p.durationMinutes * r.int(80, 130)) / 100) : null;
      const checkOutAt = checkInAt && minutes ? new Date(checkInAt.getTime() + minutes * 60_000) : null;
      const confirmedAt =
        status === 'confirmed' || status === 'closed'
          ? new Date(checkOutAt!.getTime() + r.int(2, 20) * HOUR)
          : null;
      const closedAt =
        status === 'closed'
          ? new Date(confirmedAt!.getTime() + 2 * DAY)
          : status === 'cancelled'
            ? new Date(created.getTime() + 5 * HOUR)
            : null;
      const rating = confirmedAt ? r.pick([5, 5, 5, 4, 5, 4, 3]) : null;
      const id = ids();
      const seq = rowsOf<{ n: string | number }>(
        await db.execute(sql`select nextval(${sql.raw(`'${svcOrderNumberSeq.seqName}'`)})::bigint as n`),
      );
      const hours = 24;
      await db.insert(svcOrders).values({
        id,
        number: `FW${chinaDate(created)}${String(Number(seq[0]!.n) % 1_000_000).padStart(6, '0')}`,
        communityId: c.id,
        orgUnitId: c.id,
        orgPath: c.path,
        gridId: grid?.id ?? null,
        projectId: p.id,
        needId: null,
        title: p.title,
        description: null,
        category: p.category,
        skills: p.skills,
        activityType: p.activityType,
        status,
        orderedBy: byJumin ? jumin : null,
        orderedByName: byJumin ? '王秀英' : `${short}社区工作者`,
        onBehalf: !byJumin,
        beneficiaryName: beneficiary,
        beneficiaryPhoneEnc: pii.encrypt(phone),
        beneficiaryPhoneMask: maskPhone(phone),
        beneficiaryAddressEnc: pii.encrypt(address),
        beneficiaryAddressMask: maskAddress(address),
        preferredAt: null,
        assigneeType: v ? 'volunteer' : null,
        assigneeId: v?.id ?? null,
        assigneeName: v?.name ?? null,
        assigneeUserId: v?.userId ?? null,
        dispatchedAt,
        acceptDueAt: status === 'dispatched' ? new Date(dispatchedAt!.getTime() + hours * HOUR) : null,
        acceptedAt,
        checkInAt,
        checkOutAt,
        servedMinutes: minutes,
        confirmedAt,
        rating,
        ratingComment: rating ? r.pick(COMMENTS) : null,
        closedAt,
        alert: status === 'ordered' && i % 2 === 1 ? 'timeout' : null,
        timeouts: status === 'ordered' && i % 2 === 1 ? 1 : 0,
        declines: 0,
        creditRef: confirmedAt && v ? `service_order:${id}` : null,
        createdAt: created,
        updatedAt:
          closedAt ?? confirmedAt ?? checkOutAt ?? checkInAt ?? acceptedAt ?? dispatchedAt ?? created,
      });
      const events: {
        action: string;
        at: Date | null;
        from: string | null;
        to: string;
        note?: string;
        actor?: string;
      }[] = [
        {
          action: 'order',
          at: created,
          from: null,
          to: 'ordered',
          actor: byJumin ? '王秀英' : `${short}社区工作者`,
        },
        ...(status === 'ordered' && i % 2 === 1
          ? [
              {
                action: 'dispatch',
                at: new Date(created.getTime() + HOUR),
                from: 'ordered',
                to: 'dispatched',
                actor: `${short}社区工作者`,
              },
              {
                action: 'timeout',
                at: new Date(created.getTime() + (hours + 1) * HOUR),
                from: 'dispatched',
                to: 'ordered',
                note: '超时未接单，退回社区派单队列',
                actor: '系统',
              },
            ]
          : []),
        {
          action: 'dispatch',
          at: dispatchedAt,
          from: 'ordered',
          to: 'dispatched',
          actor: `${short}社区工作者`,
        },
        { action: 'accept', at: acceptedAt, from: 'dispatched', to: 'accepted', actor: v?.name },
        { action: 'check_in', at: checkInAt, from: 'accepted', to: 'in_service', actor: v?.name },
        { action: 'check_out', at: checkOutAt, from: 'in_service', to: 'served', actor: v?.name },
        {
          action: 'confirm',
          at: confirmedAt,
          from: 'served',
          to: 'confirmed',
          actor: byJumin ? '王秀英' : `${short}社区工作者`,
        },
        status === 'closed'
          ? { action: 'close', at: closedAt, from: 'confirmed', to: 'closed', actor: `${short}社区工作者` }
          : {
              action: 'cancel',
              at: status === 'cancelled' ? closedAt : null,
              from: 'ordered',
              to: 'cancelled',
              actor: `${short}社区工作者`,
            },
      ];
      await db.insert(svcOrderEvents).values(
        events
          .filter((e) => e.at)
          .map((e) => ({
            id: ids(),
            orderId: id,
            at: e.at!,
            actorName: e.actor ?? null,
            action: e.action,
            fromStatus: e.from,
            toStatus: e.to,
            note: e.note ?? null,
            data: {},
          })),
      );
      orderCount++;
      if (confirmedAt && v && minutes) {
        await db.transaction(async (tx) => {
          await creditService(tx, ctx, {
            idempotencyKey: `service_order:${id}`,
            volunteerId: v.id,
            volunteerName: v.name,
            communityUnitId: c.id,
            minutes,
            activityType: p.activityType,
            sourceType: 'service_order',
            sourceId: id,
            occurredAt: checkOutAt!,
            memo: p.title,
          });
          await recordServiceHours(tx, ctx, {
            volunteerId: v.id,
            minutes,
            activityType: p.activityType,
            sourceType: 'service_order',
            sourceId: id,
            communityUnitId: c.id,
            occurredAt: checkOutAt!,
          });
        });
        credited++;
      }
    }
    // Needs matched to the first open orders.
    const firstOpen = await db
      .select({ id: svcOrders.id })
      .from(svcOrders)
      .where(and(eq(svcOrders.communityId, c.id), inArray(svcOrders.status, ['dispatched', 'accepted'])))
      .limit(1);
    if (firstOpen[0] && needRows[0]) {
      await db
        .update(svcNeeds)
        .set({ status: 'matched', orderId: firstOpen[0].id })
        .where(eq(svcNeeds.id, needRows[0].id));
      await db.update(svcOrders).set({ needId: needRows[0].id }).where(eq(svcOrders.id, firstOpen[0].id));
    }
  }
  opts.log(
    `services: three lists, stations and duty rota for ${communities.length} communities (${deputySlots} deputies' liaison slots); ${orderCount} service orders (${credited} credited)`,
  );
}

/**
 * Seed 000 二.2 (S000-09): each demo 邻里驿站 is built in a facility of its community — the party-mass service
 * centre, or in every third community the compound's property service centre (物业服务中心) where there is one.
 * Run after the facilities seed, through the services use case (checked against the registry, audited).
 */
export async function seedDemoStationHosts(deps: DemoSeedDeps, opts: { log: (line: string) => void }) {
  const admin = await demoUserCtx(deps);
  if (!admin) return;
  const stations = await deps.db.select().from(svcStations).orderBy(asc(svcStations.orgPath));
  let n = 0;
  for (const [i, s] of stations.entries()) {
    const facilities = await deps.db
      .select({ id: fcFacilities.id, kind: fcFacilities.kind })
      .from(fcFacilities)
      .where(
        and(
          like(fcFacilities.orgPath, `${s.orgPath}%`),
          inArray(fcFacilities.kind, ['party_mass_centre', 'property_office']),
        ),
      )
      .orderBy(asc(fcFacilities.createdAt));
    const centre = facilities.find((f) => f.kind === 'party_mass_centre');
    const property = facilities.find((f) => f.kind === 'property_office');
    const host = i % 3 === 1 ? (property ?? centre) : centre;
    if (!host) continue;
    await updateStation(admin, s.id, { hostFacilityId: host.id });
    n++;
  }
  opts.log(`station hosts: ${n}`);
}
