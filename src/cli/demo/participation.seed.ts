import { and, asc, inArray, isNull, like, lte } from 'drizzle-orm';
import {
  addMotion,
  closeMeeting,
  createMeeting,
  getMeeting,
  openMeeting,
  recordVote,
  signIn,
} from '../../server/modules/participation/meetings.usecases';
import { residents } from '../../server/modules/residents/residents.table';
import type { ActorCtx } from '../../server/platform/context';
import type { CreateMeetingBody } from '../../shared/contracts/participation';
import {
  answer,
  createDisclosure,
  duePeriods,
  raiseObjection,
  setSchedule,
} from '../../server/modules/participation/disclosures.usecases';
import {
  completeProcedureStep,
  createProcedure,
} from '../../server/modules/participation/procedures.usecases';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './names';
import { SeedClock } from './seedClock';
import { type DemoSeedDeps, type DemoSeedOpts, xinxialuCommunities } from './seedContext';

const DAY = 24 * 3_600_000;
type ProcedureStep = Parameters<typeof completeProcedureStep>[2];
type Ballot = Parameters<typeof addMotion>[2]['ballot'];

/** A roster of representatives: `n` names, the first `women` of them women (R-LAW-MT-2: at least a third). */
function roster(n: number, women: number, salt: number) {
  return Array.from({ length: n }, (_, i) => {
    const female = i < women;
    const given = female ? GIVEN_FEMALE : GIVEN_MALE;
    return {
      name: `${SURNAMES[(i * 7 + salt) % SURNAMES.length]}${given[(i * 5 + salt) % given.length]}${given[(i * 3 + salt + 1) % given.length]}`,
      gender: female ? ('female' as const) : ('male' as const),
    };
  }).filter((x, i, all) => all.findIndex((y) => y.name === x.name) === i);
}

/**
 * Demo meetings of the 12 Xinxialu communities (R-LAW-MT-1…4): in 陆家铺社区 (an urban village) one
 * villagers' representatives' meeting that reaches its quorum and decides, and one that fails it; in 铜都社区
 * a residents' meeting counted from the registry's adults with real sign-ins; an open meeting signing in
 * in 孔雀苑社区, with a residents' group meeting held there (居民小组会议, seed 003 三(一)4), and notified
 * meetings elsewhere. Everything goes through the use cases, at past times.
 */
export async function seedDemoParticipation(deps: DemoSeedDeps, opts: DemoSeedOpts): Promise<void> {
  const { db } = deps;
  const time = new SeedClock(deps, 70);
  const demo = await xinxialuCommunities(db);
  if (!demo) return;
  const { communities } = demo;
  const byName = (name: string) => communities.find((c) => c.name === name);
  const [guis, luhx, wangtt, zhanxs] = await Promise.all(
    ['guis', 'luhx', 'wangtt', 'zhanxs'].map(time.ctxOf),
  );
  const loc = 'zh-CN' as const;
  const heldIn = (days: number, hour = 9) => {
    const d = new Date(time.at.getTime() + days * DAY);
    d.setUTCHours(hour - 8, 0, 0, 0);
    return d;
  };
  type Optional = 'members' | 'agenda' | 'place' | 'host' | 'noticeAt' | 'frozenOn';
  const call = (
    ctx: ActorCtx,
    body: Omit<CreateMeetingBody, Optional> & Partial<Pick<CreateMeetingBody, Optional>>,
  ) =>
    createMeeting(
      ctx,
      {
        members: [],
        agenda: undefined,
        place: undefined,
        host: undefined,
        noticeAt: undefined,
        frozenOn: undefined,
        ...body,
      },
      loc,
    );
  /** Signs in the first `present` of the meeting's named members. */
  const signInMembers = (ctx: ActorCtx, meetingId: string, members: { name: string }[], present: number) =>
    signIn(
      ctx,
      meetingId,
      { residentIds: [], memberNames: members.slice(0, present).map((r) => r.name) },
      loc,
    );
  /** Puts a motion to the meeting and gives its id. */
  const motion = async (ctx: ActorCtx, meetingId: string, title: string, ballot: Ballot) =>
    (await addMotion(ctx, meetingId, { title, ballot, text: undefined }, loc)).motions.at(-1)!.id;
  /** Closes the meeting with its minutes. */
  const close = (ctx: ActorCtx, meetingId: string, minutes: string) =>
    closeMeeting(ctx, meetingId, { minutes }, loc);
  let count = 0;

  // ---- 陆家铺社区: the quarter's villagers' representatives' meeting, quorate, two decisions
  const ljp = byName('陆家铺社区');
  if (ljp && guis) {
    const sdCtx = guis;
    const reps = roster(27, 10, 3);
    // 四议两公开 (R-DL-4, R-LAW-MT-4): the party branch proposes, the two committees discuss, the party
    // members' meeting reviews, the representatives' meeting below decides, resolution and result disclosed.
    const proc = await createProcedure(
      sdCtx,
      {
        orgUnitId: ljp.id,
        template: 'four_two',
        title: '城中村改造安置补偿方案',
        matter: '陆家铺城中村改造涉及 86 户，安置补偿按“拆一还一、就近安置”原则，补偿标准报街道审核',
        // seed 002 二.2 (S002-05): a “三重一大” matter, decided by procedure
        matterClass: 'major_decision',
      },
      loc,
    );
    /** Completes the procedure's next step with what backs it: a note, a meeting's motion or a posting. */
    const completeStep = (step: string, backing: Partial<Omit<ProcedureStep, 'step'>>) =>
      completeProcedureStep(sdCtx, proc.id, { step, note: undefined, ...backing }, loc);
    await completeStep('propose', { note: '社区党委会议研究，提出城中村改造安置补偿方案（草案）' });
    const held = async (
      kind: CreateMeetingBody['kind'],
      title: string,
      members: CreateMeetingBody['members'],
      present: number,
      yes: number,
      days: number,
    ) => {
      const m = await call(sdCtx, {
        orgUnitId: ljp.id,
        kind,
        basis: 'members',
        title,
        heldAt: heldIn(days, 15),
        place: '陆家铺社区党群服务中心',
        host: '桂森',
        members,
      });
      time.at = m.heldAt;
      await openMeeting(sdCtx, m.id, loc);
      await signInMembers(sdCtx, m.id, members, present);
      const motionId = await motion(sdCtx, m.id, '城中村改造安置补偿方案', 'open');
      await recordVote(sdCtx, m.id, motionId, { yes, no: present - yes, abstain: 0 }, loc);
      time.advance(3_600_000);
      await close(sdCtx, m.id, `${title}：到会 ${present} 人，赞成 ${yes} 人，方案通过。`);
      return { meetingId: m.id, motionId };
    };
    const discuss = await held('two_committees', '社区“两委”联席会议', roster(7, 3, 5), 7, 6, 1);
    await completeStep('discuss', discuss);
    const review = await held('party_members', '社区党员大会', roster(32, 12, 9), 26, 24, 2);
    await completeStep('review', review);
    /** A quarter's villagers' representatives' meeting of 陆家铺, called and opened at its time. */
    const villagerReps = async (title: string, agenda: string, heldAt: Date) => {
      const m = await call(sdCtx, {
        orgUnitId: ljp.id,
        kind: 'villager_reps',
        basis: 'members',
        title,
        agenda,
        heldAt,
        place: '陆家铺社区党群服务中心二楼会议室',
        host: '桂森',
        members: reps,
      });
      time.at = m.heldAt;
      await openMeeting(sdCtx, m.id, loc);
      return m;
    };
    time.daysAgo(70);
    const m1 = await villagerReps(
      '2026年第三季度村民代表会议',
      '一、审议城中村改造安置补偿方案；二、审议集体资产门面租赁合同续签事项',
      heldIn(5, 15),
    );
    await signInMembers(sdCtx, m1.id, reps, 21);
    const compensation = await motion(sdCtx, m1.id, '城中村改造安置补偿方案', 'secret');
    await recordVote(sdCtx, m1.id, compensation, { yes: 17, no: 2, abstain: 2 }, loc);
    const lease = await motion(sdCtx, m1.id, '集体资产门面租赁合同续签（三年）', 'open');
    await recordVote(sdCtx, m1.id, lease, { yes: 19, no: 1, abstain: 1 }, loc);
    time.advance(2 * 3_600_000);
    await close(
      sdCtx,
      m1.id,
      '会议应到代表27人，实到21人，超过三分之二，会议有效。会议以无记名投票方式审议通过城中村改造安置补偿方案，以举手表决方式通过集体资产门面租赁合同续签事项。两项决议将按“四议两公开”要求予以公开。',
    );
    count++;
    const m1Now = await getMeeting(sdCtx, m1.id, loc);
    await completeStep('decide', { meetingId: m1Now.id, motionId: m1Now.motions[0]!.id });
    time.advance(DAY);
    /** A decision posted on 陆家铺's board. */
    const postDecision = (title: string, body: string) =>
      createDisclosure(sdCtx, {
        orgUnitId: ljp.id,
        kind: 'decision',
        title,
        body,
        period: undefined,
        postedAt: undefined,
      });
    const resolution = await postDecision(
      '关于城中村改造安置补偿方案的决议公开',
      '经社区党委提议、“两委”联席会议商议、党员大会审议，2026年第三季度村民代表会议以无记名投票（赞成17票、反对2票、弃权2票）通过城中村改造安置补偿方案。公示期内如有异议，请向社区居务监督委员会反映。',
    );
    await completeStep('resolution_disclosed', { disclosureId: resolution.id });
    time.daysAgo(20);
    const result = await postDecision(
      '城中村改造安置补偿实施结果公开',
      '86 户中已签订安置补偿协议 84 户，发放补偿款 2,316.5 万元，2 户正在协商。明细张贴于社区公开栏。',
    );
    await completeStep('result_disclosed', { disclosureId: result.id });

    // ---- 陆家铺社区: the road works (重大项目安排, S002-05) start their procedure; the representatives' meeting
    // meant to decide it below fails its quorum, so it stays running
    time.daysAgo(28);
    const roads = await createProcedure(
      sdCtx,
      {
        orgUnitId: ljp.id,
        template: 'four_two',
        title: '社区道路硬化工程',
        matter: '硬化陆家铺村内主干道及巷道约 2.3 公里，预算 48 万元，资金由街道补助和集体收益共同承担',
        matterClass: 'major_project',
      },
      loc,
    );
    await completeProcedureStep(
      sdCtx,
      roads.id,
      { step: 'propose', note: '社区党委会议研究，提出道路硬化工程实施方案（草案）' },
      loc,
    );

    // ---- 陆家铺社区: the next one fails its quorum and decides nothing
    time.daysAgo(25);
    const m2 = await villagerReps(
      '2026年第四季度村民代表会议',
      '审议社区道路硬化工程实施方案',
      heldIn(3, 19),
    );
    await signInMembers(sdCtx, m2.id, reps, 15);
    await motion(sdCtx, m2.id, '社区道路硬化工程实施方案', 'open');
    time.advance(3_600_000);
    await close(
      sdCtx,
      m2.id,
      '到会代表15人，不足应到代表27人的三分之二，会议不能作出决定。议题顺延至下次会议，另行通知。',
    );
    count++;
  }

  // ---- 铜都社区: a residents' meeting counted from the registry's adults, with its sign-ins
  const tongdu = byName('铜都社区');
  if (tongdu && luhx) {
    const sdCtx = luhx;
    // The registry's demo rows are written at seeding time, so the register date is today and the meeting
    // is held just now (never before today's China midnight).
    const dayStart = new Date(
      `${new Date(time.real.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`,
    );
    time.at = new Date(Math.max(time.real.getTime() - 40 * 60_000, dayStart.getTime()));
    const frozenOn = new Date(time.at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const cutoff = `${Number(frozenOn.slice(0, 4)) - 18}${frozenOn.slice(4)}`;
    const adults = await db
      .select({ id: residents.id })
      .from(residents)
      .where(
        and(
          like(residents.orgPath, `${tongdu.path}%`),
          isNull(residents.deletedAt),
          inArray(residents.registrationStatus, ['registered', 'permanent']),
          lte(residents.birthDate, cutoff),
        ),
      )
      .orderBy(asc(residents.id));
    if (adults.length > 0) {
      const m = await call(sdCtx, {
        orgUnitId: tongdu.id,
        kind: 'residents',
        basis: 'adults',
        title: '铜都社区居民会议：老旧小区加装电梯议事',
        agenda: '审议老旧小区加装电梯资金分摊办法',
        heldAt: new Date(Math.max(time.real.getTime() - 30 * 60_000, dayStart.getTime())),
        place: '铜都社区文化广场',
        host: '陆合香',
        frozenOn,
      });
      time.at = m.heldAt;
      await openMeeting(sdCtx, m.id, loc);
      const present = adults.slice(0, Math.floor(adults.length * 0.54));
      for (let i = 0; i < present.length; i += 500)
        await signIn(
          sdCtx,
          m.id,
          { residentIds: present.slice(i, i + 500).map((r) => r.id), memberNames: [] },
          loc,
        );
      const elevator = await motion(sdCtx, m.id, '加装电梯资金按楼层系数分摊', 'secret');
      const yes = Math.floor(present.length * 0.7);
      const no = Math.floor(present.length * 0.2);
      await recordVote(sdCtx, m.id, elevator, { yes, no, abstain: present.length - yes - no }, loc);
      time.at = time.real;
      await close(sdCtx, m.id, '会议过半数居民到会，以无记名投票通过加装电梯资金分摊办法。');
      count++;
    }
  }

  // ---- 孔雀苑社区: a meeting signing in now (workbench); 西花苑社区: notified for next week
  const kqy = byName('孔雀苑社区');
  if (kqy && wangtt) {
    const sdCtx = wangtt;
    time.at = new Date(time.real.getTime() - 2 * 3_600_000);
    const members = roster(21, 8, 11);
    const m = await call(sdCtx, {
      orgUnitId: kqy.id,
      kind: 'resident_reps',
      basis: 'members',
      title: '孔雀苑社区居民代表会议：小区停车秩序整治',
      heldAt: new Date(time.real.getTime() - 3_600_000),
      place: '孔雀苑社区议事厅',
      host: '社区党委书记',
      members,
    });
    time.at = time.real;
    await openMeeting(sdCtx, m.id, loc);
    await signInMembers(sdCtx, m.id, members, 9);
    count++;
  }
  // ---- 孔雀苑社区: a residents' group meeting (居民小组会议, seed 003 三(一)4, S003-22), held and closed
  if (kqy && wangtt) {
    const sdCtx = wangtt;
    time.daysAgo(12);
    const households = roster(15, 6, 23);
    const m = await call(sdCtx, {
      orgUnitId: kqy.id,
      kind: 'resident_group',
      basis: 'members',
      title: '孔雀苑社区第一居民小组会议：楼道堆物清理和公共照明维修',
      agenda: '一、楼道堆物清理办法；二、3栋、5栋楼道感应灯维修费用分摊',
      heldAt: heldIn(4, 19),
      place: '孔雀苑社区3栋架空层',
      host: '第一居民小组组长',
      members: households,
    });
    time.at = m.heldAt;
    await openMeeting(sdCtx, m.id, loc);
    await signInMembers(sdCtx, m.id, households, 11);
    const clearing = await motion(sdCtx, m.id, '楼道堆物一周内自行清理，逾期由小组统一清运', 'open');
    await recordVote(sdCtx, m.id, clearing, { yes: 10, no: 1, abstain: 0 }, loc);
    const lights = await motion(sdCtx, m.id, '3栋、5栋楼道感应灯维修费用按户平均分摊', 'open');
    await recordVote(sdCtx, m.id, lights, { yes: 9, no: 1, abstain: 1 }, loc);
    time.advance(3_600_000);
    await close(
      sdCtx,
      m.id,
      '小组应到户代表15人，实到11人，超过半数，会议有效。会议以举手表决方式通过楼道堆物清理办法和感应灯维修费用按户平均分摊事项。',
    );
    count++;
  }
  const xhy = byName('西花苑社区');
  if (xhy && zhanxs) {
    const sdCtx = zhanxs;
    time.at = time.real;
    await call(sdCtx, {
      orgUnitId: xhy.id,
      kind: 'party_members',
      basis: 'members',
      title: '西花苑社区党员大会：审议小区微改造项目',
      heldAt: new Date(time.real.getTime() + 7 * DAY),
      place: '西花苑社区党群服务中心',
      host: '社区党委书记',
      members: roster(36, 14, 17),
    });
    count++;
  }
  // ---- 铜都社区: a month of disclosures on a schedule, one period overdue, one objection answered
  const jumin = await time.ctxOf('jumin');
  if (tongdu && luhx) {
    time.daysAgo(100);
    for (const [kind, frequency] of [
      ['finance', 'monthly'],
      ['project_funds', 'quarterly'],
      ['governance', 'quarterly'],
    ] as const)
      await setSchedule(luhx, { orgUnitId: tongdu.id, kind, frequency });
    const today = new Date(time.real.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const months = duePeriods('monthly', today);
    // The latest and the oldest month are posted; the one between is missing: overdue.
    for (const [i, p] of months.entries()) {
      if (i === 1) continue;
      time.at = new Date(`${p.dueOn}T09:00:00+08:00`);
      time.at = new Date(Math.min(time.at.getTime() - 3 * DAY, time.real.getTime() - DAY));
      await createDisclosure(luhx, {
        orgUnitId: tongdu.id,
        kind: 'finance',
        title: `铜都社区${p.period.replace('-', '年')}月财务收支公开`,
        body: '本月收入：上级拨付办公经费 2.4 万元，共建项目资金 5 万元；支出：办公费 1.1 万元，老旧小区加装电梯前期费用 1.8 万元。明细见公开栏附表。',
        period: p.period,
        postedAt: undefined,
      });
    }
    const quarter = duePeriods('quarterly', today)[0];
    if (quarter) {
      time.daysAgo(28);
      await createDisclosure(luhx, {
        orgUnitId: tongdu.id,
        kind: 'project_funds',
        title: `共建共享项目资金使用明细（${quarter.period}）`,
        body: '“邻里互助幸福食堂”项目：到账 10 万元，已支出 6.2 万元（设备 3.5 万元、食材补贴 2.7 万元），结余 3.8 万元。',
        period: quarter.period,
        postedAt: undefined,
      });
      await createDisclosure(luhx, {
        orgUnitId: tongdu.id,
        kind: 'governance',
        title: `社区治理情况公开（${quarter.period}）`,
        body: '本季度受理居民诉求 412 件，办结 405 件；召开居民议事会 6 次；化解矛盾纠纷 23 起。',
        period: quarter.period,
        postedAt: undefined,
      });
    }
    // A posting this week, a resident's objection, the community's answer within 5 days.
    time.daysAgo(4);
    const posting = await createDisclosure(luhx, {
      orgUnitId: tongdu.id,
      kind: 'finance',
      title: '铜都社区小区公共收益（停车费、广告费）收支公开',
      body: '2026年停车费收入 18.6 万元，电梯广告收入 3.2 万元；支出：公共设施维修 9.4 万元，绿化养护 4.1 万元；结余 8.3 万元。',
      period: undefined,
      postedAt: undefined,
    });
    if (jumin) {
      time.daysAgo(3);
      const withObjection = await raiseObjection(jumin, posting.id, {
        text: '停车费收入比去年少了不少，请说明原因。',
      });
      time.daysAgo(2);
      await answer(luhx, posting.id, withObjection.objections[0]!.id, {
        answer:
          '今年3月起新能源车位改造，约40个车位停用两个月，停车费收入相应减少。改造明细已在公开栏补充张贴。',
      });
    }
  }
  opts.log(`participation: ${count} meetings`);
}
