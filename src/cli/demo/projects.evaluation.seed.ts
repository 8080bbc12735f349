import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import { quotaProposal, recordEvaluation } from '../../server/modules/projects/projects.evaluation';
import { saveCallEvaluation } from '../../server/modules/projects/projects.evaluation.repository';
import { actOnApplication } from '../../server/modules/projects/projects.usecases';
import { pjApplications, pjCalls } from '../../server/modules/projects/projects.table';
import { loadActor } from '../../server/platform/auth';
import type { ActorCtx, AppDeps } from '../../server/platform/context';
import { chinaDate } from '../../shared/chinaTime';

const SCORES: [number, string][] = [
  [95, '项目目标全面完成，居民参与广泛，形成可复制的“邻里议事”工作法，资金使用规范、公开及时。'],
  [78, '项目按方案完成，服务成效较好；档案资料整理需更加规范，居民满意度调查样本偏少。'],
  [55, '项目主要目标未能按期达成，资金使用台账不完整，整改后仍有差距。'],
];

/**
 * The end of the demo's project year (R-PJ-4, issue 11 §5), through the use cases (audited): the
 * subdistrict's 刘克涛 files the closing summary of each completed pilot of the published call, the bureau's
 * `civil` records their final evaluations (优秀, 良好, 不合格), and next year's call gets its quota per
 * subdistrict from the proposal computed from them (written directly: that call is already open).
 */
export async function seedDemoProjectEvaluation(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, clock, ids, pii } = deps;
  const ctxOf = async (username: string): Promise<ActorCtx | null> => {
    const [u] = await db.select().from(users).where(eq(users.username, username));
    const actor = u ? await loadActor(db, u.id) : null;
    return actor ? { db, ids, pii, clock, actor, requestId: 'demo-seed' } : null;
  };
  const sd = await ctxOf('liukt');
  const bureau = await ctxOf('civil');
  if (!sd || !bureau) return;
  const pilots = await db
    .select({ a: pjApplications })
    .from(pjApplications)
    .innerJoin(pjCalls, eq(pjCalls.id, pjApplications.callId))
    .where(
      and(
        eq(pjApplications.state, 'selected'),
        eq(pjCalls.status, 'published'),
        isNotNull(pjApplications.completedAt),
      ),
    )
    .orderBy(asc(pjApplications.number));
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
