import { and, asc, desc, eq, gte, inArray, like, lt, sql } from 'drizzle-orm';
import { orgUnits } from '../../server/modules/org/org.table';
import { registryCandidates } from '../../server/modules/people/people.api';
import { electorsPage } from '../../server/modules/residents/residents.api';
import {
  addVersion,
  createConvention,
  createRoom,
  publishConvention,
} from '../../server/modules/participation/councils.usecases';
import { ptMeetings } from '../../server/modules/participation/participation.table';
import {
  commentTopic,
  createTopic,
  createTopicFromCategory,
  followTopic,
  formats,
  homeUnits,
  proposeTopic,
  setTopicMicroKind,
  stepTopic,
  supportTopic,
} from '../../server/modules/participation/topics.usecases';
import { workOrders } from '../../server/modules/work-orders/workOrders.table';
import type { ActorCtx } from '../../server/platform/context';
import { chinaDate } from '../../shared/chinaTime';
import {
  ROOM_ITEMS,
  type RoomItemKey,
  TOPIC_ACTIONS,
  type TopicAction,
  type TopicMicroKind,
} from '../../shared/contracts/deliberation';
import { SeedClock } from './seedClock';
import { type DemoSeedDeps, type DemoSeedOpts, XINXIALU_SECRETARIES } from './seedContext';

const DAY = 24 * 3_600_000;

/**
 * Matters residents raise in seed 003's communities (小区停车、楼道堆物、加装电梯 …), by level, and which of
 * seed 003's 微改造、微服务、微治理 (S003-11) each is, where it is one.
 */
const MATTERS: {
  level: 'community' | 'grid' | 'compound' | 'building';
  title: string;
  text: string;
  microKind?: TopicMicroKind;
}[] = [
  {
    level: 'community',
    microKind: 'governance',
    title: '社区广场晚间广场舞噪音扰民',
    text: '晚上八点后广场舞音响音量过大，临街住户反映影响休息，希望商定活动时段和音量。',
  },
  {
    level: 'grid',
    title: '网格内垃圾分类投放点设置',
    text: '现有投放点离部分楼栋较远，居民习惯随手丢弃，希望重新规划投放点位置和开放时间。',
  },
  {
    level: 'compound',
    microKind: 'renovation',
    title: '小区停车难、消防通道被占',
    text: '小区车位不足，晚间车辆沿消防通道停放，希望协商划线停车、错峰共享停车位。',
  },
  {
    level: 'building',
    microKind: 'governance',
    title: '楼道堆放杂物清理',
    text: '楼道内长期堆放旧家具和纸箱，存在消防隐患，希望约定清理时间并建立轮值制度。',
  },
  {
    level: 'building',
    microKind: 'renovation',
    title: '老旧楼栋加装电梯意见征集',
    text: '本栋老年住户多，上下楼困难，希望就加装电梯的出资比例和低层住户补偿进行协商。',
  },
  {
    level: 'compound',
    microKind: 'renovation',
    title: '电动车集中充电桩安装',
    text: '电动车飞线充电现象多，希望在小区空地安装集中充电桩，商定选址和收费标准。',
  },
];

const STEP_NOTES: Record<TopicAction, string> = {
  set_participants:
    '经社区党组织研究，确定由居民代表、业委会、物业服务企业和社区“两代表一委员”共同参与协商。',
  announce: '在小区公开栏、楼栋微信群公告议题、协商时间地点和参与方式，公告期五天。',
  consult: '召开协商会，各方充分发表意见，经协商形成一致意见并记录在册，参会人员签字确认。',
  implement: '由社区牵头、物业具体落实，网格员跟踪进度，居民监督小组全程参与。',
  report: '落实情况已在公开栏和楼栋群反馈，组织居民满意度评议，满意率 92%。',
};

const EVIDENCE: Record<RoomItemKey, string> = {
  hotline: '热线电话张贴于门口，值班手机 24 小时畅通',
  suggestion_box: '意见箱每周一开箱登记',
  duty_roster: '值班表上墙，社区“两委”成员轮流值班',
  flow_chart: '议事流程图（六步法）上墙',
  record_book: '议事记录本按年度归档',
  notice_board: '公开栏位于一楼大厅',
};

const CONVENTION_V1 = [
  '铜都社区居民公约',
  '一、热爱祖国，遵纪守法，维护社区安定团结。',
  '二、爱护公共设施，保持楼道整洁，不乱堆乱放。',
  '三、邻里和睦，互帮互助，尊老爱幼。',
  '四、文明养犬，及时清理宠物粪便。',
  '五、移风易俗，红白喜事简办。',
].join('\n');
const CONVENTION_V2 = [
  '铜都社区居民公约',
  '一、热爱祖国，遵纪守法，维护社区安定团结。',
  '二、爱护公共设施，保持楼道整洁，不乱堆乱放，不占用消防通道。',
  '三、邻里和睦，互帮互助，尊老爱幼。',
  '四、文明养犬，出门拴绳，及时清理宠物粪便。',
  '五、垃圾分类，定时定点投放。',
  '六、移风易俗，红白喜事简办。',
  '七、积极参与社区议事协商，民事民提、民事民议、民事民办。',
].join('\n');

/**
 * Demo deliberation of the 12 Xinxialu communities (R-DL-1…3, 5, 6): topics at community, grid, compound and
 * building level in every step; in 铜都社区 a topic raised by the resident `jumin` on the phone, run through all
 * six steps to its report-back, and one turned from a work order; a council room in each community (新星社区's
 * lacks its flow chart); 铜都社区居民公约 in two versions (the second adopted by a quorate meeting, published)
 * and 陆家铺社区村规民约. Everything through the use cases, at past times.
 */
export async function seedDemoDeliberation(deps: DemoSeedDeps, opts: DemoSeedOpts): Promise<void> {
  const { db } = deps;
  const time = new SeedClock(deps, 60);
  const tick = (hours: number) => {
    time.advance(hours * 3_600_000);
  };
  const loc = 'zh-CN' as const;
  /** A convention's next version, adopted (by the meeting, if any) and published. */
  const publishVersion = async (
    ctx: ActorCtx,
    conventionId: string,
    no: number,
    version: { text: string; note: string; meetingId: string | undefined },
  ) => {
    await addVersion(ctx, conventionId, version, loc);
    await publishConvention(ctx, conventionId, { no }, loc);
  };
  const communities = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'community'), inArray(orgUnits.name, Object.keys(XINXIALU_SECRETARIES))))
    .orderBy(asc(orgUnits.sort), asc(orgUnits.name));
  if (communities.length === 0) return;
  const anyCtx = await time.ctxOf(XINXIALU_SECRETARIES[communities[0]!.name]!);
  if (!anyCtx) return;
  const fmts = (await formats(anyCtx, false)).items;
  let topics = 0;

  const advance = async (ctx: ActorCtx, topicId: string, steps: number, path: string, meetingId?: string) => {
    for (const action of TOPIC_ACTIONS.slice(0, steps)) {
      tick(30);
      let participants:
        | {
            kind: 'resident' | 'deputy' | 'owners_committee' | 'property_company';
            refId?: string;
            name?: string;
          }[]
        | undefined;
      if (action === 'set_participants') {
        const residents = await electorsPage(db, path, chinaDate(time.at), undefined, {
          page: 1,
          pageSize: 3,
        });
        const deputies = await registryCandidates(db, 'deputy', path, undefined, 1);
        participants = [
          ...residents.items.map((r) => ({ kind: 'resident' as const, refId: r.id })),
          ...deputies.map((d) => ({ kind: 'deputy' as const, refId: d.id })),
          { kind: 'owners_committee', name: '小区业主委员会' },
          { kind: 'property_company', name: '物业服务中心' },
        ];
      }
      await stepTopic(
        ctx,
        topicId,
        {
          action,
          note: STEP_NOTES[action],
          participants,
          meetingId: action === 'consult' ? meetingId : undefined,
        },
        loc,
      );
    }
  };

  for (const [ci, community] of communities.entries()) {
    const ctx = await time.ctxOf(XINXIALU_SECRETARIES[community.name]!);
    if (!ctx) continue;
    time.daysAgo(60 - ci * 2);
    const units = await db
      .select()
      .from(orgUnits)
      .where(
        and(
          like(orgUnits.path, `${community.path}%`),
          inArray(orgUnits.kind, ['grid', 'compound', 'building']),
          eq(orgUnits.status, 'active'),
        ),
      )
      .orderBy(asc(orgUnits.path))
      .limit(200);
    const unitOf = (level: string) =>
      level === 'community' ? community : (units.find((u) => u.kind === level) ?? community);
    const picks = [0, 1, 2, 3, 4, 5].filter((i) => (i + ci) % 3 !== 0 || i < 2).slice(0, 4);
    for (const [k, i] of picks.entries()) {
      const m = MATTERS[(i + ci) % MATTERS.length]!;
      const unit = unitOf(m.level);
      tick(6);
      const t = await createTopic(
        ctx,
        {
          orgUnitId: unit.id,
          title: m.title,
          description: m.text,
          formatId: fmts[(ci + k) % fmts.length]?.id,
          workOrderId: undefined,
          microKind: m.microKind,
        },
        loc,
      );
      topics++;
      await advance(ctx, t.id, (ci + k * 2) % 6, unit.path);
    }
    // 新下陆 room register: every community has a 居民议事厅; 新星社区's still lacks its flow chart (R-DL-5).
    const checklist = Object.fromEntries(
      ROOM_ITEMS.map((k) => [
        k,
        community.name === '新星社区' && k === 'flow_chart'
          ? { ok: false, note: undefined, photo: undefined }
          : { ok: true, note: EVIDENCE[k], photo: undefined },
      ]),
    );
    await createRoom(
      ctx,
      {
        orgUnitId: community.id,
        name: `${community.name.replace('社区', '')}居民议事厅`,
        address: `${community.name}党群服务中心一楼`,
        checklist,
      },
      loc,
    );
  }

  // ---- 铜都社区: jumin raises a topic on the phone, it runs through all six steps to its report-back (R-DL-3)
  const tongdu = communities.find((c) => c.name === '铜都社区');
  const luhx = await time.ctxOf('luhx');
  const jumin = await time.ctxOf('jumin');
  const grid1 = await time.ctxOf('grid1');
  if (tongdu && luhx) {
    time.daysAgo(40);
    const [meeting] = await db
      .select()
      .from(ptMeetings)
      .where(
        and(
          like(ptMeetings.orgPath, `${tongdu.path}%`),
          eq(ptMeetings.status, 'closed'),
          eq(ptMeetings.quorumMet, true),
          lt(ptMeetings.heldAt, new Date(time.real.getTime() - DAY)),
        ),
      )
      .orderBy(desc(ptMeetings.heldAt))
      .limit(1);
    if (jumin) {
      // her home's building (from her registry record), the deepest of the units she may raise a topic at
      const [building] = (await homeUnits(jumin, loc)).items;
      const unit = building
        ? {
            id: building.id,
            path: (await db.select().from(orgUnits).where(eq(orgUnits.id, building.id)))[0]!.path,
          }
        : tongdu;
      const t = await proposeTopic(
        jumin,
        {
          orgUnitId: unit.id,
          title: '楼道灯坏了很久没人修',
          description:
            '我们楼 3 楼到 6 楼的楼道灯坏了一个多月，晚上老人上下楼看不见，希望尽快修好，并商量以后谁来管。',
        },
        loc,
      );
      topics++;
      await followTopic(jumin, t.id, true, loc);
      tick(4);
      await supportTopic(jumin, t.id, loc);
      await commentTopic(jumin, t.id, { text: '建议换成声控节能灯，电费从公共维修资金里出。' }, loc);
      await advance(luhx, t.id, 5, unit.path, meeting?.id);
      // a second one of jumin's, just raised: waiting for the community to pick participants
      tick(24 * 20);
      const fresh = await proposeTopic(
        jumin,
        {
          orgUnitId: tongdu.id,
          title: '希望社区开设老年人智能手机课堂',
          description: '很多老人不会用手机挂号、缴费，希望社区每月开一次智能手机使用课。',
        },
        loc,
      );
      await followTopic(jumin, fresh.id, true, loc);
      // the community classifies the resident's topic as a 微服务 (S003-11)
      tick(2);
      await setTopicMicroKind(luhx, fresh.id, { microKind: 'service' }, loc);
      topics++;
    }
    // one topic from a work order: a recurring complaint turned into a topic in one action
    const [order] = await db
      .select({ id: workOrders.id, description: workOrders.description })
      .from(workOrders)
      // one the community's staff can read: held by the community or a unit under it (not still at the subdistrict)
      .where(and(eq(workOrders.communityId, tongdu.id), like(workOrders.orgPath, `${tongdu.path}%`)))
      .orderBy(asc(workOrders.createdAt))
      .limit(1);
    if (order) {
      time.daysAgo(20);
      const t = await createTopic(
        luhx,
        {
          orgUnitId: tongdu.id,
          title: '反复投诉事项转议题：小区环境卫生长效管理',
          description: `由工单转入。原诉求：${order.description.slice(0, 200)}`,
          formatId: fmts.find((f) => f.name === '16号议事日')?.id,
          workOrderId: order.id,
          microKind: 'governance',
        },
        loc,
      );
      topics++;
      await advance(luhx, t.id, 2, tongdu.path);
    }
    // one recurring category turned into a topic in one action: the community's most frequent category over
    // the last 90 days, its orders kept as the topic's evidence (issue 13 item 1)
    {
      const since = new Date(time.real.getTime() - 90 * DAY);
      const [top] = await db
        .select({ code: workOrders.categoryCode, n: sql<number>`count(*)::int` })
        .from(workOrders)
        .where(and(eq(workOrders.communityId, tongdu.id), gte(workOrders.createdAt, since)))
        .groupBy(workOrders.categoryCode)
        .orderBy(desc(sql`count(*)`))
        .limit(1);
      if (top && Number(top.n) >= 2) {
        time.daysAgo(5);
        try {
          await createTopicFromCategory(
            luhx,
            {
              categoryCode: top.code,
              orgUnitId: tongdu.id,
              from: chinaDate(since),
              to: chinaDate(time.real),
              title: undefined,
              description: undefined,
              formatId: fmts.find((f) => f.name === '16号议事日')?.id,
            },
            loc,
          );
          topics++;
        } catch {
          // the secretary reaches none of them (orders still with the subdistrict): no such topic in the demo
        }
      }
    }
    if (grid1) {
      const [g] = await db
        .select()
        .from(orgUnits)
        .where(and(like(orgUnits.path, `${tongdu.path}%`), eq(orgUnits.kind, 'grid')))
        .orderBy(asc(orgUnits.path))
        .limit(1);
      if (g) {
        time.daysAgo(10);
        await createTopic(
          grid1,
          {
            orgUnitId: g.id,
            title: '网格巡查发现：背街小巷路灯不亮',
            description: '网格员夜间巡查发现背街小巷 5 盏路灯不亮，居民夜间出行不便。',
            formatId: fmts.find((f) => f.name === '社区夜话')?.id,
            workOrderId: undefined,
            microKind: 'renovation',
          },
          loc,
        );
        topics++;
      }
    }

    // ---- 铜都社区居民公约, two versions; the second adopted by a quorate meeting and published (R-DL-6)
    time.daysAgo(50);
    const conv = await createConvention(
      luhx,
      { orgUnitId: tongdu.id, kind: 'residents_convention', title: '铜都社区居民公约' },
      loc,
    );
    await publishVersion(luhx, conv.id, 1, {
      text: CONVENTION_V1,
      note: '2023年居民会议通过',
      meetingId: undefined,
    });
    tick(24 * 30);
    if (meeting && meeting.heldAt > time.at) time.at = new Date(meeting.heldAt.getTime() + 2 * 3_600_000);
    await publishVersion(luhx, conv.id, 2, {
      text: CONVENTION_V2,
      note: '增加消防通道、垃圾分类和议事协商条款，文明养犬条款细化',
      meetingId: meeting?.id,
    });
  }
  const ljp = communities.find((c) => c.name === '陆家铺社区');
  const guis = await time.ctxOf('guis');
  if (ljp && guis) {
    const [meeting] = await db
      .select()
      .from(ptMeetings)
      .where(
        and(
          eq(ptMeetings.orgUnitId, ljp.id),
          eq(ptMeetings.kind, 'villager_reps'),
          eq(ptMeetings.status, 'closed'),
          eq(ptMeetings.quorumMet, true),
          lt(ptMeetings.heldAt, new Date(time.real.getTime() - DAY)),
        ),
      )
      .limit(1);
    time.at = new Date(
      Math.max(time.real.getTime() - 30 * DAY, (meeting?.heldAt.getTime() ?? 0) + 2 * 3_600_000),
    );
    const conv = await createConvention(
      guis,
      { orgUnitId: ljp.id, kind: 'village_rules', title: '陆家铺社区村规民约' },
      loc,
    );
    await publishVersion(guis, conv.id, 1, {
      text: [
        '陆家铺社区村规民约',
        '一、集体资产、资源的发包、租赁须经村民代表会议讨论决定，并张榜公开。',
        '二、城中村改造中服从统一规划，不私搭乱建。',
        '三、红白喜事实行报备，婚事新办、丧事简办。',
        '四、门前三包，保持环境整洁。',
      ].join('\n'),
      note: '经村民代表会议表决通过',
      meetingId: meeting?.id,
    });
  }
  opts.log(`deliberation: ${topics} topics, ${communities.length} council rooms, 2 conventions`);
}
