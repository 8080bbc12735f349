import { and, asc, eq } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import { pjApplications, pjCalls, pjMilestones } from '../../server/modules/projects/projects.table';
import type { AppDeps } from '../../server/platform/context';
import type { Db } from '../../server/platform/db';
import { chinaDate } from '../../shared/chinaTime';

const DAY = 86_400_000;

/** The implementation plan every demo pilot carries: what is done by which share of its term. */
const PLAN: [string, number, string][] = [
  ['召开居民议事会，细化实施方案', 0.08, '居民代表会议审议通过实施方案，明确分工。'],
  ['完成场地改造与设施采购', 0.3, '场地改造完工，设施已验收入库。'],
  ['组建志愿服务队伍并开展培训', 0.45, '服务队 30 人完成两次培训。'],
  ['开展主题服务活动', 0.7, '已开展主题活动 6 场，服务居民 420 人次。'],
  ['中期自评与资金公开', 0.85, '中期自评报告已报街道，资金使用情况已在居务公开栏公示。'],
];

/** The demo's pilots: the selected applications of published calls, in application-number order. */
export function publishedPilots(db: Db) {
  return db
    .select({ a: pjApplications })
    .from(pjApplications)
    .innerJoin(pjCalls, eq(pjCalls.id, pjApplications.callId))
    .where(and(eq(pjApplications.state, 'selected'), eq(pjCalls.status, 'published')))
    .orderBy(asc(pjApplications.number));
}

/**
 * Milestones of the demo's pilots (R-PJ-4 动态跟踪), kept by the subdistrict's 刘克涛 (the money seed's recorder):
 * spread over each pilot's term (selection → completion date); done on time where the term has passed them,
 * except on a pilot not yet complete (西花苑), whose last two are still open and show as overdue.
 */
export async function seedDemoProjectMilestones(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids'>,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, clock, ids } = deps;
  const [u] = await db.select().from(users).where(eq(users.username, 'liukt'));
  const pilots = await publishedPilots(db);
  const now = clock.now();
  const rows: (typeof pjMilestones.$inferInsert)[] = [];
  for (const { a } of pilots) {
    if (!a.decidedAt || !a.completionDueAt) continue;
    const from = a.decidedAt.getTime();
    const span = a.completionDueAt.getTime() - from;
    for (const [mi, [title, share, doneNote]] of PLAN.entries()) {
      const due = new Date(from + span * share);
      const slowAndLate = !a.completedAt && mi >= PLAN.length - 2;
      const doneAt = !slowAndLate && due.getTime() < now.getTime() ? new Date(due.getTime() - 2 * DAY) : null;
      rows.push({
        id: ids(),
        applicationId: a.id,
        orgPath: a.orgPath,
        title,
        dueOn: chinaDate(due),
        note: null,
        doneAt,
        doneNote: doneAt ? doneNote : null,
        doneBy: doneAt ? (u?.id ?? null) : null,
        doneByName: doneAt ? (u?.displayName ?? null) : null,
        createdBy: u?.id ?? null,
        createdAt: a.decidedAt,
        updatedAt: doneAt ?? a.decidedAt,
      });
    }
  }
  if (rows.length) await db.insert(pjMilestones).values(rows);
  opts.log(`project milestones: ${rows.length}`);
}
