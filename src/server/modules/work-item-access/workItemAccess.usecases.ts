import type {
  ApplicationQuery,
  ApplyBody,
  BasisKind,
  ItemQuery,
  RefusalBody,
  RefusalDto,
  RefusalQuery,
  ReviewItemBody,
  WiaActionBody,
  WiaApplicationDto,
  WiaDetailDto,
  WiaItemDto,
  WiaState,
} from '../../../shared/contracts/workItemAccess';
import { auditRecord } from '../../platform/recordAudit';
import { auditedWrite } from '../../platform/auditedRows';
import { stateEventTimeline } from '../../platform/stateEventTimeline';
import { calendarFor, createCalendarRules, loadOverrides } from '../../platform/calendar';
import type { ActorCtx } from '../../platform/context';
import { newUnitRow } from '../../platform/newRow';
import { AppError } from '../../platform/errors';
import type { Page } from '../../platform/listing';
import { availableActions, transition } from '../../platform/workflow';
import { findUnitInScope, unitNamesOf } from '../org/org.api';
import { wiaPolicy } from './workItemAccess.policy';
import {
  type ApplicationRow,
  type ItemRow,
  type RefusalRow,
  eventsOf,
  findApplication,
  findItemForDecider,
  insertApplication,
  insertEvent,
  insertRefusal,
  listApplicationRows,
  listItemRows,
  listRefusalRows,
  listedItemNamed,
  nextNumber,
  opinionsOf,
  publishItem,
  updateItemRow,
} from './workItemAccess.repository';
import { applicationWorkflow, chinaDate } from './workItemAccess.workflow';
import { foundInReach } from '../../platform/findInScope';
import { orgUnitHead } from '../../platform/unitHead';

/** R-AC-1: "原则上在15个工作日内" — working days on the platform calendar (holidays, adjusted weekends). */
export const DECISION_WORKING_DAYS = 15;
const LEVELS = new Set(['city', 'district']);
const OPEN = new Set(['submitted', 'consulting']);

async function dtoOf(ctx: ActorCtx, rows: ApplicationRow[]): Promise<WiaApplicationDto[]> {
  const names = await unitNamesOf(ctx.db, rows);
  const now = ctx.clock.now();
  const rules = await calendarFor(ctx.db).rules();
  return rows.map((a) => ({
    id: a.id,
    number: a.number,
    orgUnitId: a.orgUnitId,
    orgUnitName: names.get(a.orgUnitId) ?? null,
    department: a.department,
    contactName: a.contactName,
    item: a.item,
    content: a.content,
    basisKind: a.basisKind as BasisKind,
    basis: a.basis,
    trainingStaff: a.trainingStaff,
    trainingPlan: a.trainingPlan,
    fundsFen: a.fundsFen,
    fundsNote: a.fundsNote,
    state: a.state as WiaState,
    submittedAt: a.submittedAt,
    dueAt: a.dueAt,
    dueEstimated: a.dueEstimated,
    overdue: OPEN.has(a.state) && a.dueAt !== null && a.dueAt.getTime() < now.getTime(),
    workingDaysLeft: OPEN.has(a.state) && a.dueAt ? rules.workingDaysBetween(now, a.dueAt) : null,
    decidedAt: a.decidedAt,
    decisionNote: a.decisionNote,
    meetingRef: a.meetingRef,
    actions: availableActions(applicationWorkflow, ctx.actor, a),
  }));
}

async function detailOf(ctx: ActorCtx, a: ApplicationRow): Promise<WiaDetailDto> {
  const [[dto], opinions, events] = await Promise.all([
    dtoOf(ctx, [a]),
    opinionsOf(ctx.db, a.id),
    eventsOf(ctx.db, a.id),
  ]);
  return {
    ...dto!,
    opinions: opinions.map((o) => ({
      id: o.id,
      department: o.department,
      stance: o.stance as 'agree' | 'disagree' | 'conditional',
      text: o.text,
      at: o.at,
      actorName: o.actorName,
    })),
    events: events.map((e) => ({ id: e.id, ...stateEventTimeline(e) })),
  };
}

/**
 * A department's application (R-AC-1) with the approval form's fields. One resting on a law, regulation or
 * rule, or on a superior party committee's or government's decision, is exempt: listed at once with its
 * basis. Any other is due for the leading group's decision 15 working days after it is filed.
 */
export async function apply(ctx: ActorCtx, body: ApplyBody): Promise<WiaDetailDto> {
  wiaPolicy.require(ctx.actor, 'apply');
  const unit = await findUnitInScope(ctx, body.orgUnitId, 'work_item_access.apply');
  if (!LEVELS.has(unit.kind)) throw new AppError('work_item_access.level', 422);
  const exempt = body.basisKind !== 'none';
  if (exempt && !body.basis) throw new AppError('work_item_access.basis_required', 422);
  const now = ctx.clock.now();
  // Read the calendar fresh: a year an admin has just loaded counts at once (not after the cache expires).
  const due = exempt
    ? null
    : createCalendarRules(await loadOverrides(ctx.db)).workingDeadline(now, DECISION_WORKING_DAYS);
  const row = await ctx.db.transaction(async (tx) => {
    const a = await insertApplication(tx, {
      ...newUnitRow(ctx, unit, now),
      number: await nextNumber(tx, chinaDate(now).slice(0, 4)),
      department: body.department,
      contactName: body.contactName ?? null,
      item: body.item,
      content: body.content,
      basisKind: body.basisKind,
      basis: body.basis ?? null,
      trainingStaff: body.trainingStaff,
      trainingPlan: body.trainingPlan ?? null,
      fundsFen: body.fundsFen,
      fundsNote: body.fundsNote ?? null,
      state: exempt ? 'exempt' : 'submitted',
      submittedAt: now,
      dueAt: due?.at ?? null,
      dueEstimated: due?.estimated ?? false,
      decidedAt: exempt ? now : null,
      createdBy: ctx.actor.userId,
    });
    await insertEvent(tx, {
      id: ctx.ids(),
      applicationId: a.id,
      at: now,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      action: exempt ? 'exempt' : 'apply',
      fromState: null,
      toState: a.state,
      comment: exempt ? a.basis : null,
      data: due ? { due: due.at.toISOString() } : {},
    });
    if (exempt) await publishItem(tx, ctx.ids(), a, 'admitted', 'exempt', now);
    await auditRecord(tx, ctx, a, {
      action: exempt ? 'work_item_access.exempt' : 'work_item_access.apply',
      entityType: 'wia_application',
      after: {
        number: a.number,
        department: a.department,
        item: a.item,
        basisKind: a.basisKind,
        due: a.dueAt?.toISOString() ?? null,
        dueEstimated: a.dueEstimated,
      },
    });
    return a;
  });
  return detailOf(ctx, row);
}

export async function listApplications(ctx: ActorCtx, q: ApplicationQuery): Promise<Page<WiaApplicationDto>> {
  wiaPolicy.require(ctx.actor, 'read');
  const page = await listApplicationRows(ctx.db, ctx.actor, q, ctx.clock.now());
  return { ...page, items: await dtoOf(ctx, page.items) };
}

/** The application with this id that the actor may read (404 out of reach, the same as missing). */
async function applicationInReach(ctx: ActorCtx, id: string): Promise<ApplicationRow> {
  return foundInReach(wiaPolicy, ctx, 'read', () => findApplication(ctx.db, ctx.actor, id));
}

export async function getApplication(ctx: ActorCtx, id: string): Promise<WiaDetailDto> {
  return detailOf(ctx, await applicationInReach(ctx, id));
}

export async function actOnApplication(
  ctx: ActorCtx,
  id: string,
  body: WiaActionBody,
): Promise<WiaDetailDto> {
  const a = await applicationInReach(ctx, id);
  return detailOf(ctx, await transition(applicationWorkflow, ctx, a, body.action, body));
}

// ---------------------------------------------------------------- published lists

async function itemDtos(ctx: ActorCtx, rows: ItemRow[]): Promise<WiaItemDto[]> {
  const names = await unitNamesOf(ctx.db, rows);
  return rows.map((i) => ({
    ...orgUnitHead(i, names),
    applicationId: i.applicationId,
    list: i.list as 'admitted' | 'purchase',
    kind: i.kind as 'approved' | 'exempt' | 'purchase',
    department: i.department,
    item: i.item,
    content: i.content,
    basis: i.basis,
    fundsFen: i.fundsFen,
    trainingStaff: i.trainingStaff,
    publishedOn: i.publishedOn,
    status: i.status as 'active' | 'removed',
    reviewedOn: i.reviewedOn,
    reviewNote: i.reviewNote,
    abilities: { review: wiaPolicy.can(ctx.actor, 'decide', i) && i.status === 'active' },
  }));
}

/** The published list of items admitted to communities (or the purchase-of-services list), as communities see it. */
export async function listItems(ctx: ActorCtx, q: ItemQuery): Promise<Page<WiaItemDto>> {
  wiaPolicy.require(ctx.actor, 'read');
  const page = await listItemRows(ctx.db, ctx.actor, q);
  return { ...page, items: await itemDtos(ctx, page.items) };
}

/** The annual clean-up (R-AC-1): an item is kept (reviewed) or removed from the list, with the reason. */
export async function reviewItem(ctx: ActorCtx, id: string, body: ReviewItemBody): Promise<WiaItemDto> {
  const item = await foundInReach(wiaPolicy, ctx, 'decide', () => findItemForDecider(ctx.db, ctx.actor, id));
  if (item.status === 'removed') throw new AppError('work_item_access.item_removed', 409);
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await updateItemRow(tx, item.id, {
      status: body.decision === 'remove' ? 'removed' : 'active',
      reviewedOn: chinaDate(now),
      reviewNote: body.note,
      updatedAt: now,
    });
    await auditRecord(tx, ctx, item, {
      action: 'work_item_access.item.review',
      entityType: 'wia_item',
      before: { status: item.status },
      after: { status: row.status, decision: body.decision, note: body.note },
    });
    return row;
  });
  return (await itemDtos(ctx, [updated]))[0]!;
}

// ---------------------------------------------------------------- communities' refusals

function refusalDto(r: RefusalRow, names: Map<string, string>): RefusalDto {
  return {
    ...orgUnitHead(r, names),
    department: r.department,
    matter: r.matter,
    requestedOn: r.requestedOn,
    note: r.note,
    actorName: r.actorName,
    createdAt: r.createdAt,
  };
}

/**
 * A community records a department's request as not admitted (R-AC-1: only approved or exempt items
 * enter communities). A matter that is on the community's published list cannot be refused.
 */
export async function refuseRequest(ctx: ActorCtx, body: RefusalBody): Promise<RefusalDto> {
  wiaPolicy.require(ctx.actor, 'refuse');
  const unit = await findUnitInScope(ctx, body.communityId, 'work_item_access.refuse');
  if (unit.kind !== 'community') throw new AppError('work_item_access.not_community', 422);
  const listed = await listedItemNamed(ctx.db, unit.path, body.matter);
  if (listed) throw new AppError('work_item_access.listed', 409, { item: listed.item });
  const row = await auditedWrite(
    ctx,
    (tx) =>
      insertRefusal(tx, {
        id: ctx.ids(),
        orgUnitId: unit.id,
        orgPath: unit.path,
        department: body.department,
        matter: body.matter,
        requestedOn: body.requestedOn,
        note: body.note ?? null,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        createdAt: ctx.clock.now(),
      }),
    {
      action: 'work_item_access.refusal',
      entityType: 'wia_refusal',
      view: (r) => ({ department: r.department, matter: r.matter, requestedOn: r.requestedOn }),
    },
  );
  return refusalDto(row, new Map([[unit.id, unit.name]]));
}

export async function listRefusals(ctx: ActorCtx, q: RefusalQuery): Promise<Page<RefusalDto>> {
  wiaPolicy.require(ctx.actor, 'read');
  const page = await listRefusalRows(ctx.db, ctx.actor, q);
  const names = await unitNamesOf(ctx.db, page.items);
  return { ...page, items: page.items.map((r) => refusalDto(r, names)) };
}
