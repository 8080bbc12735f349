import type {
  ChangeContent,
  ChangeDto,
  ChangesDto,
  DecideChangeBody,
  RequestChangeBody,
} from '../../../shared/contracts/projects.changes';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { checkId } from '../../platform/ids';
import { can } from '../../platform/permissions';
import {
  type ChangeRow,
  changeById,
  changesOf,
  decideChangeRow,
  insertChange,
  pendingChangeOf,
} from './projects.changes.repository';
import { spendsOf } from './projects.money.repository';
import { applicationsPolicy } from './projects.policy';
import {
  type ApplicationRow,
  findApplication,
  findApplicationById,
  insertStep,
  updateApplicationRow,
} from './projects.repository';
import { applicationInReach } from './projects.reach';
import { audited } from '../../platform/auditedEntity';
import { newChildRow } from './projects.childRows';
import { sumFen } from './projects.workflow';

const auditChange = audited('pj_change');

/**
 * R-PJ-4 "no project swaps midway" (seed 000 三, S000-24). After selection the community may request a
 * change of the project's content — targets, plan summary, budget lines with funding kept balanced — with a
 * reason; the bureau that selects (`projects.manage`) approves or rejects it with a comment. Approval applies
 * the change and records who and when; every request stays in the history, on the timeline and in the audit.
 * A change of the project type, title or applying unit is a different project — a swap — and is refused
 * (409 `projects.no_swap`), as are direct edits of a selected project (projects.usecases.ts).
 */
const CONTENT_KEYS = ['targets', 'summary', 'budgetLines', 'funding'] as const;
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

const dto = (r: ChangeRow): ChangeDto => ({
  id: r.id,
  state: r.state as ChangeDto['state'],
  reason: r.reason,
  before: r.before,
  proposed: r.proposed,
  requestedByName: r.requestedByName,
  requestedAt: r.requestedAt,
  decidedByName: r.decidedByName,
  decidedAt: r.decidedAt,
  decisionComment: r.decisionComment,
});

async function listOf(ctx: ActorCtx, app: ApplicationRow): Promise<ChangesDto> {
  const rows = await changesOf(ctx.db, app.id);
  const pending = rows.some((r) => r.state === 'pending');
  return {
    items: rows.map(dto),
    abilities: {
      request: app.state === 'selected' && !pending && applicationsPolicy.can(ctx.actor, 'apply', app),
      decide: pending && applicationsPolicy.can(ctx.actor, 'manage', app),
    },
  };
}

export async function getChanges(ctx: ActorCtx, id: string): Promise<ChangesDto> {
  const app = await applicationInReach(ctx, id);
  return listOf(ctx, app);
}

/** The balance rule on the content after the change: funding sources add up to the budget (R-PJ-5). */
function checkBalanced(budgetLines: { amountFen: number }[], funding: { amountFen: number }[]) {
  const budget = sumFen(budgetLines);
  const funded = sumFen(funding);
  if (budget !== funded)
    throw new AppError('projects.budget_unbalanced', 422, {
      budget: (budget / 100).toFixed(2),
      funding: (funded / 100).toFixed(2),
    });
}

/**
 * R-PJ-5 with R-PJ-4: a budget line money was already spent against stays in the budget (spends are entered
 * by line): a change that drops or renames it is refused, naming the line and what was spent on it.
 */
async function checkSpentLines(db: ActorCtx['db'], applicationId: string, budgetLines: { item: string }[]) {
  const spent = new Map<string, number>();
  for (const s of await spendsOf(db, applicationId))
    spent.set(s.line, (spent.get(s.line) ?? 0) + s.amountFen);
  for (const [item, fen] of spent)
    if (!budgetLines.some((l) => l.item === item))
      throw new AppError('projects.change_spent_line', 409, { item, spent: (fen / 100).toFixed(2) });
}

export async function requestChange(ctx: ActorCtx, id: string, body: RequestChangeBody): Promise<ChangesDto> {
  applicationsPolicy.require(ctx.actor, 'apply');
  if (!can(ctx.actor, 'projects.apply')) throw notFound();
  const app = await findApplication(ctx.db, ctx.actor, id, 'apply');
  if (!app) throw notFound();
  // R-PJ-4: another type, title or applying unit is another project — a swap, never a change.
  if (
    (body.type !== undefined && body.type !== app.type) ||
    (body.title !== undefined && body.title.trim() !== app.title) ||
    (body.orgUnitId !== undefined && body.orgUnitId !== app.orgUnitId)
  )
    throw new AppError('projects.no_swap', 409);
  if (app.state !== 'selected') throw new AppError('projects.change_not_selected', 409);
  const proposed: Partial<ChangeContent> = {};
  const before: Record<string, unknown> = {};
  for (const k of CONTENT_KEYS)
    if (body[k] !== undefined && !same(body[k], app[k])) {
      (proposed as Record<string, unknown>)[k] = body[k];
      before[k] = app[k];
    }
  if (Object.keys(proposed).length === 0) throw new AppError('projects.change_empty', 422);
  checkBalanced(proposed.budgetLines ?? app.budgetLines, proposed.funding ?? app.funding);
  if (proposed.budgetLines) await checkSpentLines(ctx.db, app.id, proposed.budgetLines);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (await pendingChangeOf(tx, app.id)) throw new AppError('projects.change_pending', 409);
    const row = await insertChange(tx, {
      ...newChildRow(ctx, app),
      state: 'pending',
      reason: body.reason,
      before,
      proposed,
      requestedBy: ctx.actor.userId,
      requestedByName: ctx.actor.displayName,
      requestedAt: now,
    });
    await insertStep(tx, ctx, app, 'change_request', body.reason, {
      changeId: row.id,
      fields: Object.keys(proposed),
    });
    await auditChange(tx, ctx, 'projects.change.request', row.id, app, {
      before,
      after: { applicationId: app.id, reason: body.reason, ...proposed },
    });
  });
  return listOf(ctx, app);
}

/** The bureau approves (the change is applied) or rejects a pending change, with a comment. */
export async function decideChange(
  ctx: ActorCtx,
  changeId: string,
  body: DecideChangeBody,
): Promise<ChangesDto> {
  applicationsPolicy.require(ctx.actor, 'manage');
  checkId(changeId);
  const change = await changeById(ctx.db, changeId);
  if (!change) throw notFound();
  const app = await findApplication(ctx.db, ctx.actor, change.applicationId, 'manage');
  if (!app) throw notFound();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const decided = await decideChangeRow(tx, change.id, {
      state: body.decision === 'approve' ? 'approved' : 'rejected',
      decidedBy: ctx.actor.userId,
      decidedByName: ctx.actor.displayName,
      decidedAt: now,
      decisionComment: body.comment,
    });
    if (!decided) throw new AppError('projects.change_decided', 409);
    const p = change.proposed as Partial<ChangeContent>;
    if (body.decision === 'approve') {
      const current = (await findApplicationById(tx, app.id))!;
      if (current.state !== 'selected') throw new AppError('projects.change_not_selected', 409);
      const budgetLines = p.budgetLines ?? current.budgetLines;
      const funding = p.funding ?? current.funding;
      checkBalanced(budgetLines, funding);
      if (p.budgetLines) await checkSpentLines(tx, app.id, budgetLines);
      await updateApplicationRow(tx, app.id, {
        ...(p.targets && { targets: p.targets }),
        ...(p.summary !== undefined && { summary: p.summary ?? null }),
        ...(p.budgetLines && { budgetLines, budgetTotalFen: sumFen(budgetLines) }),
        ...(p.funding && { funding, fundingTotalFen: sumFen(funding) }),
        updatedAt: now,
      });
    }
    await insertStep(
      tx,
      ctx,
      app,
      body.decision === 'approve' ? 'change_approve' : 'change_reject',
      body.comment,
      { changeId: change.id, fields: Object.keys(p) },
    );
    await auditChange(
      tx,
      ctx,
      body.decision === 'approve' ? 'projects.change.approve' : 'projects.change.reject',
      change.id,
      app,
      {
        before: body.decision === 'approve' ? change.before : { state: 'pending' },
        after:
          body.decision === 'approve'
            ? { ...p, comment: body.comment }
            : { state: 'rejected', comment: body.comment },
      },
    );
  });
  return listOf(ctx, (await findApplicationById(ctx.db, app.id))!);
}
