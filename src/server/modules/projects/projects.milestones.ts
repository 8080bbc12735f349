import { chinaDate } from '../../../shared/chinaTime';
import {
  MILESTONE_MAX,
  type MilestoneBody,
  type MilestoneDto,
  type MilestonePatchBody,
  type MilestonesDto,
} from '../../../shared/contracts/projects.milestones';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { lockApplication } from './projects.money.repository';
import {
  type MilestoneRow,
  deleteMilestone,
  insertMilestone,
  milestoneById,
  milestoneCount,
  milestonesOf,
  updateMilestone,
} from './projects.milestones.repository';
import { applicationsPolicy } from './projects.policy';
import { keepsProject, projectInReach } from './projects.reach';
import { type ApplicationRow, insertStep } from './projects.repository';
import { audited } from '../../platform/auditedEntity';
import { newChildRow } from './projects.childRows';

const auditMilestone = audited('pj_milestone');

/**
 * The implementation plan of a selected project (R-PJ-4 动态跟踪): milestones inside the project's term —
 * from its selection to its completion date — kept by its community or subdistrict while the project runs
 * (not after it is complete), each change audited. Everyone who reads the project reads them; out of reach
 * is 404.
 */

const editable = (row: ApplicationRow) => row.state === 'selected' && !row.completedAt;

function canEdit(ctx: ActorCtx, row: ApplicationRow) {
  return editable(row) && keepsProject(ctx, row);
}

/** The term a milestone may fall in: from the day of selection to the completion date (China time). */
function term(row: ApplicationRow): { first: string | null; last: string | null } {
  return {
    first: row.decidedAt ? chinaDate(row.decidedAt) : null,
    last: row.completionDueAt ? chinaDate(row.completionDueAt) : null,
  };
}

function checkEditable(row: ApplicationRow) {
  if (row.state !== 'selected') throw new AppError('projects.milestone_not_selected', 409);
  if (row.completedAt) throw new AppError('projects.milestone_completed', 409);
}

function checkDue(row: ApplicationRow, dueOn: string) {
  const { first, last } = term(row);
  if ((first && dueOn < first) || (last && dueOn > last))
    throw new AppError('projects.milestone_outside_term', 422, { first: first ?? '', last: last ?? '' });
}

function dto(r: MilestoneRow, today: string): MilestoneDto {
  return {
    id: r.id,
    title: r.title,
    dueOn: r.dueOn,
    note: r.note,
    doneAt: r.doneAt?.toISOString() ?? null,
    doneNote: r.doneNote,
    doneByName: r.doneByName,
    overdue: !r.doneAt && r.dueOn < today,
  };
}

async function listOf(ctx: ActorCtx, row: ApplicationRow): Promise<MilestonesDto> {
  const today = chinaDate(ctx.clock.now());
  const items = (await milestonesOf(ctx.db, row.id)).map((r) => dto(r, today));
  return {
    applicationId: row.id,
    canEdit: canEdit(ctx, row),
    lastDay: term(row).last,
    done: items.filter((m) => m.doneAt).length,
    overdue: items.filter((m) => m.overdue).length,
    total: items.length,
    items,
  };
}

/** A project's milestones with done/overdue counts; 404 out of reach. */
export async function getMilestones(ctx: ActorCtx, id: string): Promise<MilestonesDto> {
  return listOf(ctx, await projectInReach(ctx, id, false));
}

/** Adds a milestone to a running selected project (409 otherwise; 422 outside its term; at most 30). */
export async function addMilestone(ctx: ActorCtx, id: string, body: MilestoneBody): Promise<MilestonesDto> {
  const row = await projectInReach(ctx, id, true);
  checkEditable(row);
  checkDue(row, body.dueOn);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await lockApplication(tx, row.id);
    if ((await milestoneCount(tx, row.id)) >= MILESTONE_MAX)
      throw new AppError('projects.milestone_limit', 409, { max: MILESTONE_MAX });
    const m = await insertMilestone(tx, {
      ...newChildRow(ctx, row),
      title: body.title,
      dueOn: body.dueOn,
      note: body.note || null,
      createdBy: ctx.actor.userId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await auditMilestone(tx, ctx, 'projects.milestone.add', m.id, row, {
      after: { applicationId: row.id, title: m.title, dueOn: m.dueOn, note: m.note },
    });
  });
  return listOf(ctx, row);
}

/** The milestone and its project, for the project's community or subdistrict (404 otherwise). */
async function milestoneFor(ctx: ActorCtx, milestoneId: string) {
  applicationsPolicy.require(ctx.actor, 'read');
  const m = await milestoneById(ctx.db, milestoneId);
  if (!m) throw notFound();
  const row = await projectInReach(ctx, m.applicationId, true);
  checkEditable(row);
  return { m, row };
}

/** Changes a milestone's title, date or note, or marks it done (with a note) or not done; audited. */
export async function changeMilestone(
  ctx: ActorCtx,
  milestoneId: string,
  body: MilestonePatchBody,
): Promise<MilestonesDto> {
  const { m, row } = await milestoneFor(ctx, milestoneId);
  if (body.dueOn !== undefined) checkDue(row, body.dueOn);
  const now = ctx.clock.now();
  const set: Parameters<typeof updateMilestone>[2] = { updatedAt: now };
  if (body.title !== undefined) set.title = body.title;
  if (body.dueOn !== undefined) set.dueOn = body.dueOn;
  if (body.note !== undefined) set.note = body.note || null;
  if (body.done === true && !m.doneAt) {
    set.doneAt = now;
    set.doneBy = ctx.actor.userId ?? null;
    set.doneByName = ctx.actor.displayName ?? null;
  }
  if (body.done === false)
    Object.assign(set, { doneAt: null, doneBy: null, doneByName: null, doneNote: null });
  if (body.doneNote !== undefined && body.done !== false) set.doneNote = body.doneNote || null;
  const action =
    body.done === true && !m.doneAt
      ? 'projects.milestone.done'
      : body.done === false && m.doneAt
        ? 'projects.milestone.reopen'
        : 'projects.milestone.update';
  await ctx.db.transaction(async (tx) => {
    const after = await updateMilestone(tx, m.id, set);
    if (action === 'projects.milestone.done')
      await insertStep(
        tx,
        ctx,
        row,
        'milestone_done',
        after.doneNote ? `${after.title}：${after.doneNote}` : after.title,
      );
    await auditMilestone(tx, ctx, action, m.id, row, {
      before: { title: m.title, dueOn: m.dueOn, note: m.note, doneAt: m.doneAt, doneNote: m.doneNote },
      after: {
        title: after.title,
        dueOn: after.dueOn,
        note: after.note,
        doneAt: after.doneAt,
        doneNote: after.doneNote,
      },
    });
  });
  return listOf(ctx, row);
}

/** Removes a milestone not yet done (409 once done: its record stays); audited. */
export async function removeMilestone(ctx: ActorCtx, milestoneId: string): Promise<MilestonesDto> {
  const { m, row } = await milestoneFor(ctx, milestoneId);
  if (m.doneAt) throw new AppError('projects.milestone_done', 409);
  await ctx.db.transaction(async (tx) => {
    await deleteMilestone(tx, m.id);
    await auditMilestone(tx, ctx, 'projects.milestone.remove', m.id, row, {
      before: { applicationId: row.id, title: m.title, dueOn: m.dueOn, note: m.note },
    });
  });
  return listOf(ctx, row);
}
