import { APPLICATION_STATES } from '../../../shared/contracts/projects';
import type { BoardCounts, BoardDto } from '../../../shared/contracts/projects.board';
import type { ActorCtx } from '../../platform/context';
import { unitNames } from '../org/org.api';
import { applicationCounts, reportCounts } from './projects.board.repository';
import { callInReach } from './projects.reach';

const zero = (): BoardCounts => ({
  states: Object.fromEntries(APPLICATION_STATES.map((s) => [s, 0])) as BoardCounts['states'],
  total: 0,
  submitOverdue: 0,
  reportsFiled: 0,
  reportsOpenOverdue: 0,
  reportsFiledLate: 0,
  completed: 0,
  completionOverdue: 0,
  summarized: 0,
  summaryOverdue: 0,
});

/**
 * A call's board (issue 11 §8): per subdistrict/town in the reader's reach, applications by state and what
 * is late; the same scope as the applications list (a community sees its own row, a reviewer what it may
 * score). 404 when the call is out of reach.
 */
export async function callBoard(ctx: ActorCtx, callId: string): Promise<BoardDto> {
  const call = await callInReach(ctx, callId);
  const [apps, reports] = await Promise.all([
    applicationCounts(ctx.db, ctx.actor, call.id),
    reportCounts(ctx.db, ctx.actor, call.id, ctx.clock.now()),
  ]);
  const bySd = new Map<string, BoardCounts>();
  const rowOf = (id: string) => bySd.get(id) ?? bySd.set(id, zero()).get(id)!;
  const totals = zero();
  for (const a of apps) {
    for (const c of [rowOf(a.subdistrictId), totals]) {
      c.states[a.state as keyof BoardCounts['states']] += a.n;
      c.total += a.n;
      c.submitOverdue += a.submitOverdue;
      c.completed += a.completed;
      c.completionOverdue += a.completionOverdue;
      c.summarized += a.summarized;
      c.summaryOverdue += a.summaryOverdue;
    }
  }
  for (const r of reports) {
    for (const c of [rowOf(r.subdistrictId), totals]) {
      c.reportsFiled += r.filed;
      c.reportsOpenOverdue += r.openOverdue;
      c.reportsFiledLate += r.filedLate;
    }
  }
  const names = await unitNames(ctx.db, [...bySd.keys()]);
  const rows = [...bySd.entries()]
    .map(([subdistrictId, c]) => ({ subdistrictId, subdistrictName: names.get(subdistrictId) ?? '', ...c }))
    .sort((x, y) => x.subdistrictName.localeCompare(y.subdistrictName, 'zh-CN'));
  return { callId: call.id, rows, totals };
}
