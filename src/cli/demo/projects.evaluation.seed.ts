import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { quotaProposal, recordEvaluation } from '../../server/modules/projects/projects.evaluation';
import { saveCallEvaluation } from '../../server/modules/projects/projects.evaluation.repository';
import { actOnApplication } from '../../server/modules/projects/projects.usecases';
import { orgUnits } from '../../server/modules/org/org.table';
import { pjApplications, pjCalls } from '../../server/modules/projects/projects.table';
import type { AppDeps } from '../../server/platform/context';
import { chinaDate } from '../../shared/chinaTime';
import { demoUserCtx } from './seedContext';

/** Grades of the 12 Jinjiang pilots of 2023: three excellent, six good, two passing, one failing. */
const JINJIANG_SCORES: [number, string][] = [
  [96, '党建引领作用突出，邻里议事形成制度，资金公开规范，经验做法在全市推广。'],
  [86, '项目按方案完成，居民参与度高；档案资料基本齐全。'],
  [81, '服务成效明显，志愿服务队伍稳定；中期意见整改到位。'],
  [92, '协商自治机制健全，解决停车难等群众急难愁盼问题，居民满意度高。'],
  [78, '项目按期完成，部分活动参与面偏窄，需进一步发动居民。'],
  [66, '目标基本完成，资金使用台账需完善，宣传报道不足。'],
  [84, '社会力量参与充分，社区基金运行规范。'],
  [90, '“五社联动”成效显著，形成可复制的社区工作法。'],
  [77, '项目完成情况良好，月度报告偶有延迟。'],
  [62, '项目逾期完成，整改后基本达到方案目标。'],
  [80, '服务覆盖面较广，居民评价较好。'],
  [52, '主要目标未达成，资金使用不规范，予以通报。'],
];

const SCORES: [number, string][] = [
  [95, '项目目标全面完成，居民参与广泛，形成可复制的“邻里议事”工作法，资金使用规范、公开及时。'],
  [78, '项目按方案完成，服务成效较好；档案资料整理需更加规范，居民满意度调查样本偏少。'],
  [55, '项目主要目标未能按期达成，资金使用台账不完整，整改后仍有差距。'],
];

/**
 * The end of the demo's project years (R-PJ-4, issue 11 §5), through the use cases (audited): 晋江市民政局
 * grades its twelve 2023 pilots; and for 下陆区, the
 * subdistrict's 刘克涛 files the closing summary of each completed pilot of the published call, the bureau's
 * `civil` records their final evaluations (优秀, 良好, 不合格), and next year's call gets its quota per
 * subdistrict from the proposal computed from them (written directly: that call is already open).
 */
export async function seedDemoProjectEvaluation(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, clock, ids, pii } = deps;
  const ctxOf = (username: string) => demoUserCtx({ db, ids, pii, clock }, username);
  const sd = await ctxOf('liukt');
  const bureau = await ctxOf('civil');
  if (!sd || !bureau) return;
  const pilotsOf = async (issuerName: string) =>
    db
      .select({ a: pjApplications })
      .from(pjApplications)
      .innerJoin(pjCalls, eq(pjCalls.id, pjApplications.callId))
      .innerJoin(orgUnits, eq(orgUnits.id, pjCalls.orgUnitId))
      .where(
        and(
          eq(orgUnits.name, issuerName),
          eq(pjApplications.state, 'selected'),
          eq(pjCalls.status, 'published'),
          isNotNull(pjApplications.completedAt),
        ),
      )
      .orderBy(asc(pjApplications.number));
  // 晋江市民政局's 2023 pilots (their summaries are filed): its evaluation team grades all twelve.
  const jinjiang = await ctxOf('jinjiang');
  if (jinjiang) {
    for (const [i, { a }] of (await pilotsOf('晋江市')).entries()) {
      const [score, opinion] = JINJIANG_SCORES[i % JINJIANG_SCORES.length]!;
      await recordEvaluation(jinjiang, a.id, {
        members: ['市民政局 王志强', '市财政局 林美玲', '社工专家 蔡文辉'],
        score,
        opinion,
        evaluatedOn: '2023-12-27',
      });
    }
  }
  const pilots = await pilotsOf('下陆区');
  const today = chinaDate(clock.now());
  let n = 0;
  for (const [i, { a }] of pilots.entries()) {
    const [score, opinion] = SCORES[i % SCORES.length]!;
    if (!a.summaryAt)
      await actOnApplication(sd, a.id, {
        action: 'summarize',
        comment: '项目总结：完成方案所列目标，形成工作总结和社区工作法，相关资料已归档。',
      });
    await recordEvaluation(bureau, a.id, {
      members: ['区民政局 陈志明', '社工专家 周雅琴', '人大代表 黄建国'],
      score,
      opinion,
      evaluatedOn: today,
    });
    n++;
  }
  const [past] = pilots;
  if (!past) return;
  const issuer = await callIssuer(db, past.a.callId);
  const [next] = await db
    .select()
    .from(pjCalls)
    .where(and(eq(pjCalls.orgUnitId, issuer), eq(pjCalls.status, 'open')));
  if (!next) return;
  const proposal = await quotaProposal(bureau, next.id);
  const now = clock.now();
  await saveCallEvaluation(db, {
    callId: next.id,
    bands: proposal.bands,
    adjustments: { excellent: 1, good: 0, pass: 0, fail: -1 },
    floor: 0,
    evaluatorIds: [],
    subdistrictQuotas: Object.fromEntries(proposal.rows.map((r) => [r.unitId, r.proposed])),
    quotasFromCallId: proposal.fromCall.id,
    createdAt: now,
    updatedAt: now,
  });
  opts.log(
    `project evaluation: ${n} final evaluations; ${next.year} quotas ${proposal.rows.map((r) => `${r.name} ${r.proposed}`).join(', ')}`,
  );
}

async function callIssuer(db: AppDeps['db'], callId: string): Promise<string> {
  const [c] = await db.select({ o: pjCalls.orgUnitId }).from(pjCalls).where(eq(pjCalls.id, callId));
  return c?.o ?? '';
}
