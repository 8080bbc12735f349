import { chinaDate } from '../../shared/chinaTime';
import { and, eq } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import { orgUnits } from '../../server/modules/org/org.table';
import { sealUses } from '../../server/modules/certificates/certificates.table';
import { ptMeetings } from '../../server/modules/participation/participation.table';
import {
  pjApplicationEvents,
  pjApplications,
  pjAssignments,
  pjCalls,
  pjChanges,
  pjConsultationLinks,
  pjReports,
  pjScores,
  pjSealLinks,
} from '../../server/modules/projects/projects.table';
import { reportMonths } from '../../server/modules/projects/projects.workflow';
import { insertDemoLogin } from './demoLogin';
import { xinxialuCommunities } from './seedContext';
import type { AppDeps } from '../../server/platform/context';
import { SEED_000_CRITERIA, SEED_000_DOCUMENTS, SEED_000_TYPES } from '../../shared/contracts/projects';

const DAY = 86_400_000;
const endOfChinaDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`);

/** Synthetic projects per type (the seed names none). */
const TITLES: Record<string, string[]> = {
  party_building: ['“红色楼栋”党员联系户全覆盖', '近邻党建“楼栋会客厅”'],
  mutual_aid: ['邻里驿站“六小”服务', '“邻里守望”应急志愿服务队'],
  consultation: ['小区微协商议事厅规范化建设', '居民公约修订与践诺行动'],
  service: ['“一老一小”近邻服务提升', '社区长者食堂与助餐点'],
  participation: ['五社联动社区基金试点', '驻区单位“共建清单”'],
};

type State = 'draft' | 'pending_review' | 'returned' | 'approved' | 'submitted' | 'selected' | 'not_selected';

/**
 * Demo data of the projects module (seed 000): 下陆区民政局 (login `civil`) ran a 2026 call for 新下陆街道's
 * communities — results published, four pilots selected (one recommended to the prefecture level), two
 * not — and has opened next year's call, whose deadline lies three weeks ahead, with applications in every
 * state of the procedure: drafts, awaiting the subdistrict's review, returned with comments, approved
 * (sealed or not), submitted and scored by the reviewer login `pjreview` and the bureau. Dates are computed
 * from the clock, so the demo reads the same whenever it is loaded.
 */
export async function seedDemoProjects(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids'>,
  opts: { log: (line: string) => void; logins: string[] },
): Promise<void> {
  const { db, clock, ids } = deps;
  const [district] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'district'), eq(orgUnits.name, '下陆区')));
  const demo = await xinxialuCommunities(db);
  if (!district || !demo) return;
  const { sd, communities } = demo;
  if (communities.length < 10) return;
  const userIdOf = async (username: string) =>
    (
      await db
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(eq(users.username, username))
    )[0];
  const civil = await userIdOf('civil');
  const sdAdmin = await userIdOf('liukt');
  const now = clock.now();

  // The reviewer login: an evaluator at 下陆区 (R-PJ-2 scoring).
  const reviewerId = await insertDemoLogin(db, ids, now, {
    username: 'pjreview',
    displayName: '项目评审专家',
    title: '下陆区社区治理项目评审组',
    role: 'evaluator',
    orgUnitId: district.id,
  });
  opts.logins.push('pjreview       project reviewer (下陆区, scores applications)');

  const callRow = (year: number, dates: [string, string, string], status: string, quota: number) => ({
    id: ids(),
    orgUnitId: district.id,
    orgPath: district.path,
    year,
    title: `${year}年下陆区“共建共享”社区治理项目申报`,
    status,
    types: SEED_000_TYPES.map((x) => ({ ...x })),
    quota,
    applicationDue: dates[0],
    completionDue: dates[1],
    summaryDue: dates[2],
    reportDay: 20,
    subsidyCityFen: 10_000_000,
    subsidyPrefectureFen: 5_000_000,
    documents: SEED_000_DOCUMENTS.map((x) => ({ ...x })),
    criteria: SEED_000_CRITERIA.map((x) => ({ ...x })),
    scopeUnitIds: [sd.id],
    notes: '各社区在充分征求居民意见的基础上填写申报表和项目方案书，经街道审核盖章后报送区民政局。',
    createdBy: civil?.id ?? null,
    createdAt: new Date(now.getTime() - 30 * DAY),
    updatedAt: now,
  });

  // Next year's call: open, deadline three weeks ahead.
  const due = chinaDate(new Date(now.getTime() + 21 * DAY));
  const nextYear = Number(due.slice(0, 4)) + (Number(due.slice(5, 7)) >= 10 ? 1 : 0);
  const open = callRow(nextYear, [due, `${nextYear}-11-30`, `${nextYear}-12-20`], 'open', 4);
  // This year's: results published, projects under way.
  const pastYear = nextYear - 1;
  const pastDue = chinaDate(new Date(now.getTime() - 240 * DAY));
  const past = callRow(pastYear, [pastDue, `${pastYear}-11-30`, `${pastYear}-12-20`], 'published', 4);
  past.quota = 4;
  await db.insert(pjCalls).values([
    { ...open, openedAt: new Date(now.getTime() - 14 * DAY) },
    {
      ...past,
      openedAt: new Date(now.getTime() - 280 * DAY),
      publishedAt: new Date(now.getTime() - 220 * DAY),
    },
  ]);

  let seq = 0;
  const add = async (
    call: typeof open,
    ci: number,
    type: string,
    state: State,
    o: { seal?: boolean; comment?: string; level?: 'city' | 'prefecture'; daysAgo: number },
  ) => {
    const c = communities[ci]!;
    const id = ids();
    const at = (d: number) => new Date(now.getTime() - d * DAY);
    const budget = [
      { item: '场地改造与设施设备', amountFen: 4_000_000 + ci * 200_000 },
      { item: '活动组织与宣传', amountFen: 2_000_000 },
      { item: '志愿者培训与保险', amountFen: 1_000_000 },
    ];
    const total = budget.reduce((n, l) => n + l.amountFen, 0);
    const funding = [
      { source: 'city', amountFen: total - 3_000_000 },
      { source: 'subdistrict', amountFen: 2_000_000 },
      { source: 'donation', amountFen: 1_000_000 },
    ];
    const sealed = o.seal || ['submitted', 'selected', 'not_selected'].includes(state);
    const submitted = ['submitted', 'selected', 'not_selected'].includes(state);
    await db.insert(pjApplications).values({
      id,
      number: `SB${call.year}-${String(++seq).padStart(4, '0')}`,
      callId: call.id,
      orgUnitId: c.id,
      orgPath: c.path,
      subdistrictId: sd.id,
      type,
      title: `${c.name.replace('社区', '')}${TITLES[type]![ci % 2]}`,
      summary: `围绕${c.name}居民需求，${TITLES[type]![ci % 2]}，形成可复制的社区工作法。`,
      targets: ['建成服务阵地 1 处并常态化开放', '每月开展活动不少于 2 次', '居民参与人次全年不少于 600'],
      consultationKind: 'meeting',
      consultationDate: chinaDate(at(o.daysAgo + 10)),
      consultationNote: `召开居民代表会议，到会代表 ${28 + ci} 人，一致同意申报。`,
      budgetLines: budget,
      funding,
      budgetTotalFen: total,
      fundingTotalFen: total,
      state,
      reviewComment: o.comment ?? null,
      sealNo: sealed ? `新下陆〔${call.year}〕${10 + ci}号` : null,
      sealedAt: sealed ? at(o.daysAgo) : null,
      sealedBy: sealed ? (sdAdmin?.id ?? null) : null,
      sealedByName: sealed ? (sdAdmin?.name ?? '新下陆街道') : null,
      submitDueAt: endOfChinaDay(call.applicationDue),
      submittedAt: submitted ? at(o.daysAgo) : null,
      level: o.level ?? null,
      decidedAt: state === 'selected' || state === 'not_selected' ? at(o.daysAgo - 5) : null,
      completionDueAt: state === 'selected' ? endOfChinaDay(call.completionDue) : null,
      summaryDueAt: state === 'selected' ? endOfChinaDay(call.summaryDue) : null,
      createdBy: null,
      createdAt: at(o.daysAgo + 7),
      updatedAt: at(o.daysAgo),
    });
    const steps: [string, string | null, string, number, string | null][] = [
      ['create', null, 'draft', 7, null],
    ];
    if (state !== 'draft') steps.push(['send', 'draft', 'pending_review', 5, null]);
    if (state === 'returned') steps.push(['return', 'pending_review', 'returned', 0, o.comment ?? null]);
    if (['approved', 'submitted', 'selected', 'not_selected'].includes(state))
      steps.push(['approve', 'pending_review', 'approved', 2, null]);
    if (submitted) steps.push(['submit', 'approved', 'submitted', 0, null]);
    if (state === 'selected') steps.push(['select', 'submitted', 'selected', -5, null]);
    if (state === 'not_selected') steps.push(['reject', 'submitted', 'not_selected', -5, null]);
    await db.insert(pjApplicationEvents).values(
      steps.map(([action, from, to, d, comment]) => ({
        id: ids(),
        applicationId: id,
        at: at(o.daysAgo + d),
        actorId: null,
        actorName:
          action === 'create' || action === 'send'
            ? `${c.name}`
            : action.match(/select|reject/)
              ? '下陆区民政局'
              : '新下陆街道',
        action,
        fromState: from,
        toState: to,
        comment,
        data: action === 'select' ? { level: o.level ?? 'city' } : {},
      })),
    );
    // R-PJ-2: a sent application rests on a closed residents' representatives meeting of its community.
    if (state !== 'draft') {
      const heldAt = at(o.daysAgo + 10);
      const meetingId = ids();
      const title = `${c.name}居民代表会议（项目申报征求意见）`;
      await db.insert(ptMeetings).values({
        id: meetingId,
        orgUnitId: c.id,
        orgPath: c.path,
        kind: 'resident_reps',
        basis: 'members',
        title,
        agenda: `审议${TITLES[type]![ci % 2]}项目申报方案`,
        heldAt,
        noticeAt: at(o.daysAgo + 13),
        frozenOn: chinaDate(at(o.daysAgo + 13)),
        due: 36 + ci,
        status: 'closed',
        minutes: `到会代表 ${28 + ci} 人，一致同意申报。`,
        present: 28 + ci,
        quorumMet: true,
        closedAt: heldAt,
        createdAt: heldAt,
        updatedAt: heldAt,
      });
      await db.insert(pjConsultationLinks).values({
        applicationId: id,
        orgPath: c.path,
        kind: 'meeting',
        recordId: meetingId,
        title,
        recordDate: chinaDate(heldAt),
        createdByName: c.name,
        createdAt: at(o.daysAgo + 6),
        updatedAt: at(o.daysAgo + 6),
      });
    }
    // Issue 11 §3: each seal is a use of the subdistrict's seal in its seal log (R-AC-2).
    if (sealed) {
      const usedAt = at(o.daysAgo);
      const year = chinaDate(usedAt).slice(0, 4);
      const sealUseId = ids();
      sealSeq[year] = (sealSeq[year] ?? 0) + 1;
      const number = `YY${year}-${String(sealSeq[year]).padStart(4, '0')}`;
      await db.insert(sealUses).values({
        id: sealUseId,
        number,
        orgUnitId: sd.id,
        orgPath: sd.path,
        document: `共建共享社区治理项目申报表 SB${call.year}-${String(seq).padStart(4, '0')}`,
        purpose: '项目申报审核盖章后报送区民政局',
        legalBasis: `新下陆〔${call.year}〕${10 + ci}号`,
        requester: c.name,
        jointLiability: false,
        status: 'used',
        approverId: sdAdmin?.id ?? null,
        approverName: sdAdmin?.name ?? '新下陆街道',
        usedAt,
      });
      await db.insert(pjSealLinks).values({ applicationId: id, sealUseId, sealLogNo: number, at: usedAt });
    }
    return { id, c };
  };
  const sealSeq: Record<string, number> = {};

  // Next year's call: every state of the procedure.
  const plan: [number, string, State, Parameters<typeof add>[4]][] = [
    [0, 'mutual_aid', 'draft', { daysAgo: 2 }],
    [1, 'consultation', 'pending_review', { daysAgo: 1 }],
    [2, 'service', 'returned', { daysAgo: 3, comment: '具体目标不够明确，请细化服务人次和频次后再报。' }],
    [3, 'party_building', 'approved', { daysAgo: 2, seal: true }],
    [4, 'participation', 'approved', { daysAgo: 1 }],
    [5, 'service', 'submitted', { daysAgo: 4 }],
    [6, 'mutual_aid', 'submitted', { daysAgo: 5 }],
    [7, 'party_building', 'submitted', { daysAgo: 2 }],
    [8, 'consultation', 'pending_review', { daysAgo: 0 }],
    [9, 'participation', 'draft', { daysAgo: 1 }],
  ];
  const made = [];
  for (const [ci, type, state, o] of plan) made.push(await add(open, ci, type, state, o));
  const score = async (appId: string, orgPath: string, who: { id: string; name: string }, s: number[]) => {
    const keys = SEED_000_CRITERIA.map((c) => c.key);
    await db.insert(pjScores).values({
      id: ids(),
      applicationId: appId,
      callId: open.id,
      orgPath,
      reviewerId: who.id,
      reviewerName: who.name,
      conflict: false,
      conflictNote: null,
      scores: Object.fromEntries(keys.map((k, i) => [k, s[i]!])),
      total: s.reduce((n, x) => n + x, 0),
      comment: null,
      createdAt: now,
      updatedAt: now,
    });
  };
  const reviewer = { id: reviewerId, name: '项目评审专家' };
  // Issue 11 §2: the bureau assigned pjreview to the submitted applications it scores.
  await db.insert(pjAssignments).values(
    [made[5]!, made[6]!, made[7]!].map((m) => ({
      id: ids(),
      applicationId: m.id,
      callId: open.id,
      orgPath: m.c.path,
      reviewerId,
      reviewerName: reviewer.name,
      assignedBy: civil?.id ?? null,
      assignedByName: civil?.name ?? '下陆区民政局',
      createdAt: new Date(now.getTime() - 3 * DAY),
    })),
  );
  await score(made[5]!.id, made[5]!.c.path, reviewer, [21, 22, 20, 23]);
  await score(made[6]!.id, made[6]!.c.path, reviewer, [18, 20, 19, 21]);
  if (civil) await score(made[6]!.id, made[6]!.c.path, { id: civil.id, name: civil.name }, [20, 19, 20, 22]);

  // This year's call, published: four pilots (one recommended to the prefecture), two not selected.
  seq = 0;
  const pastPlan: [number, string, State, Parameters<typeof add>[4]][] = [
    [0, 'party_building', 'selected', { daysAgo: 245, level: 'prefecture' }],
    [1, 'mutual_aid', 'selected', { daysAgo: 246, level: 'city' }],
    [3, 'consultation', 'selected', { daysAgo: 247, level: 'city' }],
    [5, 'service', 'selected', { daysAgo: 246, level: 'city' }],
    [7, 'participation', 'not_selected', { daysAgo: 244 }],
    [10, 'service', 'not_selected', { daysAgo: 243 }],
  ];
  const pilots = [];
  for (const [ci, type, state, o] of pastPlan) {
    const a = await add(past, ci, type, state, o);
    if (state === 'selected')
      pilots.push({ ...a, decidedAt: new Date(now.getTime() - (o.daysAgo - 5) * DAY) });
  }
  // Mid-term visits (R-PJ-4): the bureau's opinions, answered by the subdistrict except for 西花苑 (the slow
  // one, still open); once the completion date has passed, completion is recorded for all but 西花苑 (the
  // sweep flags it overdue).
  const completionDueAt = endOfChinaDay(past.completionDue);
  for (const [pi, p] of pilots.entries()) {
    const visitAt = new Date(p.decidedAt.getTime() + 120 * DAY);
    if (visitAt.getTime() > now.getTime()) continue;
    const answered = pi !== 1;
    const answeredAt = new Date(visitAt.getTime() + 6 * DAY);
    const opinion =
      pi === 1
        ? '项目进度滞后于方案，居民参与记录和资金使用台账不全，请限期补齐并说明原因。'
        : '项目推进有序，建议进一步细化居民参与记录，按月公开资金使用情况。';
    const answer = '已补充居民议事记录，资金使用明细已在社区公开栏和居务公开平台公示。';
    const completed = pi !== 1 && completionDueAt.getTime() < now.getTime();
    const completedAt = new Date(completionDueAt.getTime() - (3 + pi) * DAY);
    await db
      .update(pjApplications)
      .set({
        visitAt,
        visitOpinion: opinion,
        visitAnsweredAt: answered ? answeredAt : null,
        visitAnswer: answered ? answer : null,
        ...(completed && { completedAt, completionNote: '方案所列目标均已完成，进入总结阶段。' }),
      })
      .where(eq(pjApplications.id, p.id));
    const ev = (at: Date, action: string, comment: string, actor: { id: string; name: string } | null) => ({
      id: ids(),
      applicationId: p.id,
      at,
      actorId: actor?.id ?? null,
      actorName: actor?.name ?? null,
      action,
      fromState: 'selected',
      toState: 'selected',
      comment,
      data: {},
    });
    const sdActor = sdAdmin ? { id: sdAdmin.id, name: sdAdmin.name } : null;
    await db
      .insert(pjApplicationEvents)
      .values([
        ev(visitAt, 'visit', opinion, civil ? { id: civil.id, name: civil.name } : null),
        ...(answered ? [ev(answeredAt, 'answer', answer, sdActor)] : []),
        ...(completed ? [ev(completedAt, 'complete', '方案所列目标均已完成，进入总结阶段。', sdActor)] : []),
      ]);
  }
  // R-PJ-4: a content change of the first pilot, approved (targets), and a pending one of the second (budget).
  if (pilots.length >= 2) {
    const [p0, p1] = [pilots[0]!, pilots[1]!];
    const [a0] = await db.select().from(pjApplications).where(eq(pjApplications.id, p0.id));
    const [a1] = await db.select().from(pjApplications).where(eq(pjApplications.id, p1.id));
    const reqAt = new Date(p0.decidedAt.getTime() + 60 * DAY);
    const decAt = new Date(reqAt.getTime() + 4 * DAY);
    const targets0 = [...a0!.targets, '培育居民骨干 20 名'];
    await db.update(pjApplications).set({ targets: targets0 }).where(eq(pjApplications.id, p0.id));
    const change = (a: typeof a0, at: Date) => ({
      id: ids(),
      applicationId: a!.id,
      orgPath: a!.orgPath,
      requestedBy: null,
      requestedByName: a!.orgUnitId === p0.c.id ? p0.c.name : p1.c.name,
      requestedAt: at,
    });
    const budget1 = a1!.budgetLines.map((l, i) => (i === 1 ? { ...l, amountFen: l.amountFen - 500_000 } : l));
    budget1.push({ item: '适老化扶手加装', amountFen: 500_000 });
    const rows: (typeof pjChanges.$inferInsert)[] = [
      {
        ...change(a0, reqAt),
        state: 'approved',
        reason: '居民议事会建议增加骨干培育目标，以便项目结束后持续运营。',
        before: { targets: a0!.targets },
        proposed: { targets: targets0 },
        decidedBy: civil?.id ?? null,
        decidedByName: civil?.name ?? '下陆区民政局',
        decidedAt: decAt,
        decisionComment: '同意增加目标，项目类型与名称不变。',
      },
      {
        ...change(a1, new Date(now.getTime() - 2 * DAY)),
        state: 'pending',
        reason: '部分活动经费调整用于楼道适老化扶手加装，资金总额不变。',
        before: { budgetLines: a1!.budgetLines },
        proposed: { budgetLines: budget1 },
      },
    ];
    await db.insert(pjChanges).values(rows);
    const ev = (r: (typeof rows)[number], action: string, at: Date, comment: string, actor: string) => ({
      id: ids(),
      applicationId: r.applicationId,
      at,
      actorId: null,
      actorName: actor,
      action,
      fromState: 'selected',
      toState: 'selected',
      comment,
      data: { changeId: r.id },
    });
    await db
      .insert(pjApplicationEvents)
      .values([
        ev(rows[0]!, 'change_request', reqAt, rows[0]!.reason, p0.c.name),
        ev(rows[0]!, 'change_approve', decAt, rows[0]!.decisionComment!, civil?.name ?? '下陆区民政局'),
        ev(rows[1]!, 'change_request', rows[1]!.requestedAt, rows[1]!.reason, p1.c.name),
      ]);
  }
  // Their monthly progress reports (R-PJ-4): filed on time, except 西花苑's last two months (overdue: the
  // sweep flags them) and one filed late.
  for (const [pi, p] of pilots.entries()) {
    const months = reportMonths(past, p.decidedAt).filter((m) => m.dueAt.getTime() < now.getTime());
    await db.insert(pjReports).values(
      months.map((m, mi) => {
        const missing = pi === 1 && mi >= months.length - 2;
        const late = pi === 2 && mi === 3;
        const filedAt = new Date(m.dueAt.getTime() + (late ? 3 : -2) * DAY);
        return {
          id: ids(),
          applicationId: p.id,
          callId: past.id,
          orgPath: p.c.path,
          month: m.month,
          state: missing ? 'due' : 'filed',
          dueAt: m.dueAt,
          overdueAt: late ? new Date(m.dueAt.getTime() + 60_000) : null,
          progress: missing
            ? null
            : `${m.month.slice(5)}月：按方案推进，累计开展活动 ${2 * (mi + 1)} 场，服务居民 ${120 * (mi + 1)} 人次。`,
          issues: missing || mi % 3 ? null : '部分活动场地需协调物业提供。',
          nextSteps: missing ? null : '继续开展主题活动，整理项目档案。',
          filedAt: missing ? null : filedAt,
          filedBy: missing ? null : (sdAdmin?.id ?? null),
          filedByName: missing ? null : (sdAdmin?.name ?? '新下陆街道'),
          createdAt: p.decidedAt,
          updatedAt: missing ? p.decidedAt : filedAt,
        };
      }),
    );
  }
  opts.log(`projects: calls ${pastYear} (published) and ${nextYear} (open, ${plan.length} applications)`);
}
