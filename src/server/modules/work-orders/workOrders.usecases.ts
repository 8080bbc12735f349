import { chinaDateCompact as chinaDate } from '../../../shared/chinaTime';
import { randomBytes } from 'node:crypto';
import { tokenHash } from '../../platform/auth';
import type { ActionBody, IntakeBody, WorkOrderListQuery } from '../../../shared/contracts/workOrders';
import type { WoStatus } from '../../../shared/contracts/workOrderMachine';
import { auditRow } from '../../platform/audit';
import { statusEventTimeline } from '../../platform/stateEventTimeline';
import { calendarFor } from '../../platform/calendar';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import { maskPhone } from '../../platform/crypto';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { createRateLimiter } from '../../platform/rateLimit';
import { type Prepared, transition } from '../../platform/workflow';
import { type StatusStep, statusStepColumns } from '../../platform/workflowEvents';
import { NO_PROXY, proxyInfo, resolveProxy } from '../../platform/proxy';
import { residentIdOfUser } from '../accounts/accounts.api';
import type { Actor } from '../../platform/permissions';
import { type OrgUnit, unitById as orgUnitById, unitInScope, unitNames } from '../org/org.api';
import {
  cachedCategories,
  cachedSettings,
  invalidateCategoryCache,
  invalidateOrgCache,
  orgSnapshot,
} from './workOrders.cache';
import { distanceM, routeIn } from './workOrders.routing';
import { newOrderRollupCtes } from './workOrders.rollups';
import { type Limit, type WoSettings, completeLimit, settingsFor } from './workOrders.settings';
import { allCategoryRows, categoryByCode } from './workOrders.categories.repository';
import { type NearbyOrder, insertIntake, nearbyOpenOrders } from './workOrders.intake.repository';
import { type WoActionInput, workOrderWorkflow } from './workOrders.workflow';
import { allowedActions, intakeUnitId, mayAct, workOrdersPolicy } from './workOrders.policy';
import {
  type FollowupRow,
  type OrderEventRow,
  type OrderRow,
  type ParticipantRow,
  attachToOrder,
  attachmentOwners,
  findAttachment,
  insertFollowupOnce,
  insertParticipants,
  markParticipantReported,
  orderByNumberForRequester,
  orderEventRows,
  findOrderRow,
  listOrderRows,
  orderDetailRows,
  participantOfOrder,
} from './workOrders.repository';
import { foundInReach } from '../../platform/findInScope';

export type { OrderRow };
export { allowedActions, mayAct };
type Unit = OrgUnit;

// ---------------------------------------------------------------- helpers

/**
 * A time limit from `from` (R-LAW-WO-4): clock hours, or working days on the statutory calendar
 * (R-LAW-CAL-1). `estimated` when the working days ran through a year with no official schedule.
 */
export async function deadlineOf(
  db: Db,
  from: Date,
  limit: Limit,
): Promise<{ at: Date; estimated: boolean }> {
  if ('hours' in limit) return { at: new Date(from.getTime() + limit.hours * 3_600_000), estimated: false };
  const d = await calendarFor(db).workingDeadline(from, limit.workingDays);
  return { at: d.at, estimated: d.estimated };
}

export async function deadline(db: Db, from: Date, limit: Limit): Promise<Date> {
  return (await deadlineOf(db, from, limit)).at;
}

/** The order's completion deadline columns from a computed deadline. */
const dueFields = (d: { at: Date; estimated: boolean }) => ({ dueAt: d.at, dueEstimated: d.estimated });
/** The order's accept deadline columns from a computed deadline. */
const acceptDueFields = (d: { at: Date; estimated: boolean }) => ({
  acceptDueAt: d.at,
  acceptDueEstimated: d.estimated,
});

async function unitById(db: Db, id: string | null | undefined): Promise<Unit | null> {
  if (!id) return null;
  return (await orgUnitById(db, id)) ?? null;
}

const categoryOf = categoryByCode;

/** R-WO-5: the level at which an order was resolved, from the kind of the unit that resolved it. */
export function levelOf(kind: string | undefined): 'grid' | 'community' | 'subdistrict' | 'above' {
  if (kind === 'grid' || kind === 'compound' || kind === 'building') return 'grid';
  if (kind === 'community') return 'community';
  if (kind === 'subdistrict') return 'subdistrict';
  return 'above';
}

/** An order the actor may read (404 when it does not exist or is out of their reach). */
export async function findOrder(ctx: ActorCtx, id: string): Promise<OrderRow> {
  return foundInReach(workOrdersPolicy, ctx, 'read', () => findOrderRow(ctx.db, ctx.actor, 'read', id));
}

type EventInput = StatusStep & {
  publicNote?: string | null;
  attachments?: string[];
};

function eventRow(ctx: UseCaseCtx, order: Pick<OrderRow, 'id'>, e: EventInput): OrderEventRow {
  return {
    // No actor: the requester themself at intake, otherwise the system (SLA steps).
    ...statusStepColumns(ctx, e, ctx.clock.now(), e.action === 'intake' ? '群众' : '系统'),
    orderId: order.id,
    publicNote: e.publicNote ?? null,
    attachments: e.attachments ?? [],
  };
}

/** Attachments must exist and not belong to another order (an id cannot pull a foreign photo in). */
async function checkAttachments(db: Db, ids: string[], orderId?: string) {
  if (ids.length === 0) return;
  const found = await attachmentOwners(db, ids);
  if (found.length !== new Set(ids).size || found.some((a) => a.orderId !== null && a.orderId !== orderId))
    throw invalidField('attachmentIds', 'work_orders.attachment_unknown');
}

/** Events whose photos the requester may see: their own report and the unit's reply. */
const PUBLIC_PHOTO_ACTIONS = new Set(['intake', 'reply']);

/** The photos of an order that its requester may view. */
export async function publicPhotoIds(db: Db, orderId: string): Promise<Set<string>> {
  const events = await orderEventRows(db, orderId);
  return new Set(events.filter((e) => PUBLIC_PHOTO_ACTIONS.has(e.action)).flatMap((e) => e.attachments));
}

/**
 * A staff member may open an attachment of an order in their scope (404 otherwise), or one they
 * uploaded themselves that is not attached to an order yet.
 */
export async function attachmentForStaff(ctx: ActorCtx, id: string) {
  const a = await findAttachment(ctx.db, id);
  if (!a) throw notFound();
  if (a.orderId) await findOrder(ctx, a.orderId);
  else if (a.createdBy !== ctx.actor.userId) throw notFound();
  return a;
}

// ---------------------------------------------------------------- intake

export interface IntakeSource {
  channel: string;
  requesterUserId?: string | null;
  /** Anonymous public intake: no actor. */
  anonymous?: boolean;
  /**
   * The resident-facing intake (`/api/public/work-orders`), which needs only `work_orders.report`. Every
   * other intake (staff console, Open311) needs `work_orders.intake`: the permission follows the route
   * and the actor, never a `channel` in the body.
   */
  public?: boolean;
  /** The caller answers with the order's detail: its possible duplicates are read with the write. */
  detail?: boolean;
}

/** A new order as its intake wrote it, so the detail it answers with needs no reading back. */
export interface CreatedOrder {
  order: OrderRow;
  token: string;
  events: OrderEventRow[];
  unitName: string;
  /** With `detail`: the possible duplicates, as `possibleDuplicates` finds them. */
  duplicates?: ReturnType<typeof rankNearby>;
}

/**
 * Records a request or event (R-WO-1, R-LAW-WO-1), routes it to its territory (R-WO-4), computes its
 * deadline (R-WO-3, R-LAW-WO-4), and either queues it for the dispatcher, closes a consult answered on the
 * spot (R-LAW-WO-2), or records a grid worker's on-the-spot resolution (自办自结) for follow-up.
 *
 * Categories, the org tree and settings come from this process's caches (workOrders.cache.ts). The
 * order, its timeline and its attachments are written by one statement, which takes the unit paths from
 * `org_units` only if the tree is still the cached one and the category only if it is still active; when
 * either changed meanwhile the statement fails and the intake runs again on fresh data. Then the audit
 * entry, and the rollup counters last (one statement).
 */
export async function intake(
  ctx: UseCaseCtx,
  input: IntakeBody,
  source: IntakeSource,
): Promise<CreatedOrder> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await intakeOnce(ctx, input, source);
    } catch (e) {
      if (!(e instanceof StaleCache)) throw e;
      invalidateOrgCache(ctx.db);
      invalidateCategoryCache(ctx.db);
      if (attempt >= 3) throw new AppError('common.conflict', 409);
    }
  }
}

/** 帮办代办 at intake: staff with intake rights over the resident's home; volunteers report for themselves only. */
const PROXY_RULES = { permissions: ['work_orders.intake'], volunteers: false } as const;

/** The intake's statement found the org tree or the category changed since they were cached. */
class StaleCache extends Error {}

function isNotNullViolation(err: unknown): boolean {
  for (
    let e = err as { code?: string; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as typeof e, i++
  )
    if (e.code === '23502') return true;
  return false;
}

async function intakeOnce(ctx: UseCaseCtx, input: IntakeBody, source: IntakeSource): Promise<CreatedOrder> {
  if (!source.anonymous) workOrdersPolicy.require(ctx.actor, source.public ? 'report' : 'intake');
  // 帮办代办: staff file for a registry resident with their consent (the place is the form's, as for any intake).
  const proxy =
    !source.public && input.proxy && ctx.actor
      ? await resolveProxy({ ...ctx, actor: ctx.actor }, input.proxy, PROXY_RULES)
      : undefined;
  const category = (await cachedCategories(ctx.db)).get(input.categoryCode);
  if (!category?.active) throw invalidField('categoryCode', 'work_orders.unknown_category', 400);
  if (input.answeredOnSpot && input.kind !== 'consult')
    throw invalidField('answeredOnSpot', 'work_orders.only_consult');
  if ((input.lat == null) !== (input.lng == null))
    throw invalidField('lng', 'work_orders.point_incomplete', 400);
  await checkAttachments(ctx.db, input.attachmentIds);

  const org = await orgSnapshot(ctx.db);
  const territory = await routeIn(ctx.db, org, input);
  // The dispatching unit: the territory's subdistrict, else the intake worker's own unit, else the tree's top.
  let dispatchUnit = await org.unit(ctx.db, territory.subdistrictId);
  if (!dispatchUnit && ctx.actor) {
    dispatchUnit = await org.unit(ctx.db, intakeUnitId(ctx.actor));
  }
  if (!dispatchUnit) dispatchUnit = await org.top(ctx.db);
  if (!dispatchUnit) throw new AppError('work_orders.no_territory', 422);

  let resolvingUnit: Unit | null = null;
  if (input.resolvedOnSpot) {
    resolvingUnit = await org.unit(ctx.db, territory.gridId ?? territory.communityId);
    const actor = ctx.actor;
    if (
      !actor ||
      !resolvingUnit ||
      !workOrdersPolicy.can(actor, 'handle', {
        orgPath: resolvingUnit.path,
        dispatchPath: resolvingUnit.path,
      })
    ) {
      throw invalidField('resolvedOnSpot', 'work_orders.not_your_grid');
    }
  }
  if (input.answeredOnSpot && ctx.actor) {
    resolvingUnit = await org.unit(ctx.db, intakeUnitId(ctx.actor));
  }

  const settings = await cachedSettings(ctx.db, dispatchUnit.path);
  const now = ctx.clock.now();
  const priority = input.priority ?? 'regular';
  const due = await deadlineOf(
    ctx.db,
    now,
    completeLimit(settings, { priority, kind: input.kind, limitGroup: category.limitGroup }),
  );
  const id = ctx.ids();
  const token = randomBytes(18).toString('base64url');
  const status: WoStatus = input.answeredOnSpot ? 'closed' : input.resolvedOnSpot ? 'replied' : 'submitted';
  const owner = resolvingUnit ?? dispatchUnit;
  const phone = input.requesterPhone?.replace(/[\s-]/g, '').replace(/^\+?86/, '') ?? null;

  // Every column, defaults included: this is the row as stored (the number comes from the sequence).
  const order: OrderRow = {
    id,
    number: '',
    kind: input.kind,
    channel: input.channel ?? source.channel,
    categoryCode: category.code,
    priority,
    status,
    description: input.description,
    address: input.address ?? null,
    lat: input.lat ?? null,
    lng: input.lng ?? null,
    buildingId: input.buildingId ?? null,
    gridId: territory.gridId,
    communityId: territory.communityId,
    subdistrictId: territory.subdistrictId,
    orgUnitId: owner.id,
    orgPath: owner.path,
    dispatchPath: dispatchUnit.path,
    requesterName: input.requesterName ?? null,
    requesterPhoneEnc: phone ? ctx.pii.encrypt(phone) : null,
    requesterPhoneHash: phone ? ctx.pii.blindIndex('phone', phone) : null,
    requesterPhoneMask: phone ? maskPhone(phone) : null,
    requesterUserId: source.requesterUserId ?? null,
    ...(proxy?.values ?? NO_PROXY),
    trackingTokenHash: tokenHash(token),
    createdBy: ctx.actor?.userId ?? null,
    acceptDueAt: null,
    acceptDueEstimated: false,
    ...dueFields(due),
    acceptedAt: input.resolvedOnSpot ? now : null,
    repliedAt: input.resolvedOnSpot ? now : null,
    closedAt: input.answeredOnSpot ? now : null,
    overdueAt: null,
    resolutionLevel: resolvingUnit ? levelOf(resolvingUnit.kind) : null,
    duplicateOfId: null,
    redoCount: 0,
    escalationLevel: 0,
    supervised: false,
    reminders: 0,
    pendingExtension: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const event = (e: Parameters<typeof eventRow>[2]) => eventRow(ctx, order, e);
  const events = [
    event({
      action: 'intake',
      to: 'submitted',
      publicNote: proxy ? `诉求已受理（由${proxy.values.proxyName}代办）` : '诉求已受理',
      attachments: input.attachmentIds,
      data: { territory: territory.by, channel: order.channel, ...(proxy && { proxy: proxy.audit }) },
    }),
  ];
  if (input.answeredOnSpot)
    events.push(
      event({
        action: 'answer',
        from: 'submitted',
        to: 'closed',
        note: input.answeredOnSpot,
        publicNote: input.answeredOnSpot,
      }),
    );
  if (input.resolvedOnSpot)
    events.push(
      event({
        action: 'reply',
        from: 'submitted',
        to: 'replied',
        note: input.resolvedOnSpot,
        publicNote: input.resolvedOnSpot,
      }),
    );
  const audit = auditRow(ctx, {
    action: proxy ? 'work_orders.intake_on_behalf' : 'work_orders.intake',
    entityType: 'work_order',
    entityId: id,
    after: {
      kind: input.kind,
      category: category.code,
      status,
      territory: territory.by,
      ...(proxy && { proxy: proxy.audit }),
    },
  });
  // One statement, so one round trip and atomic without a transaction: the order, its events, its
  // attachments, its audit row and its counters, answering with the number and the nearby orders (read
  // in the same statement, so before the new order exists, as a separate read after it would). The
  // counter rows are shared by every order of the unit and day: written last, so their locks are held
  // for as short a time as possible.
  const written = await insertIntake(ctx.db, {
    order,
    dayCode: chinaDate(now),
    orgVersion: org.version,
    ownerUnitId: owner.id,
    dispatchUnitId: dispatchUnit.id,
    events,
    attachmentIds: input.attachmentIds,
    audit,
    rollups: newOrderRollupCtes(order),
    nearby:
      source.detail && status === 'submitted' && order.lat != null && order.lng != null
        ? nearbyBox(order as OrderRow & { lat: number; lng: number }, settings)
        : null,
  }).catch((e: unknown) => {
    // A unit path or the category came out NULL: the tree or the category changed (see intake).
    throw isNotNullViolation(e) ? new StaleCache() : e;
  });
  const created: OrderRow = {
    ...order,
    number: written.number,
    orgPath: written.orgPath,
    dispatchPath: written.dispatchPath,
  };
  const near = written.nearby;
  return {
    order: created,
    token,
    events,
    unitName: owner.name,
    ...(near && { duplicates: rankNearby(created, settings, near) }),
  };
}

type Nearby = NearbyOrder;

/** Open orders of the same category near the point within the window (duplicate suggestion at intake). */
export async function possibleDuplicates(db: Db, order: OrderRow) {
  if (order.lat == null || order.lng == null) return [];
  const s = await cachedSettings(db, order.dispatchPath);
  const box = nearbyBox({ ...order, lat: order.lat, lng: order.lng }, s);
  return rankNearby(order, s, await nearbyOpenOrders(db, box.order, box));
}

/**
 * Where the candidates of `possibleDuplicates` are looked for (before the exact distance, `rankNearby`):
 * the duplicate window before the order's intake and a box of the duplicate radius around its point.
 */
function nearbyBox(order: OrderRow & { lat: number; lng: number }, s: WoSettings) {
  const since = new Date(order.createdAt.getTime() - s.duplicateWindowHours * 3_600_000);
  const degLat = s.duplicateRadiusM / 111_000;
  const degLng = degLat / Math.max(0.1, Math.cos((order.lat * Math.PI) / 180));
  return { order, since, degLat, degLng };
}

function rankNearby(order: OrderRow, s: WoSettings, near: Nearby[]) {
  return near
    .map((n) => ({
      id: n.id,
      number: n.number,
      status: n.status,
      distanceM: Math.round(distanceM({ lat: order.lat!, lng: order.lng! }, { lat: n.lat!, lng: n.lng! })),
    }))
    .filter((n) => n.distanceM <= s.duplicateRadiusM)
    .sort((a, b) => a.distanceM - b.distanceM);
}

// ---------------------------------------------------------------- transitions

export function invalidTransition(order: OrderRow, actor: Actor | undefined) {
  return new AppError(
    'work_orders.invalid_transition',
    409,
    { status: { label: `wo_status.${order.status}` } },
    { allowed: allowedActions(actor, order), status: order.status },
  );
}

/**
 * Applies one action of the state machine. Illegal in this state → 409 with the allowed actions;
 * legal but not for this user → 403. The order, its timeline and the audit entry commit together.
 */
export async function act(
  ctx: ActorCtx,
  id: string,
  body: ActionBody,
  opts: { source?: 'requester' | 'dispatcher' | 'system' } = {},
) {
  const order = await findOrder(ctx, id);
  return applyAction(ctx, order, body, opts);
}

export async function applyAction(
  ctx: UseCaseCtx,
  order: OrderRow,
  body: ActionBody,
  opts: { source?: 'requester' | 'dispatcher' | 'system' } = {},
) {
  // The requester rates with their tracking token (no actor): the route vouches for them.
  return transition(
    workOrderWorkflow,
    ctx,
    order,
    body.action,
    { body, source: opts.source },
    {
      trusted: opts.source === 'requester',
    },
  );
}

/**
 * The patch, timeline entry and side effects of an allowed action (the workflow engine has checked the
 * state, the permission and the scope; it writes them with the order's update in one transaction).
 */
export async function prepareAction(
  order: OrderRow,
  input: WoActionInput,
  ctx: UseCaseCtx,
): Promise<Prepared<WoStatus, OrderRow>> {
  const { body, source } = input;
  const opts = { source };
  const now = ctx.clock.now();
  const settings = await settingsFor(ctx.db, order.dispatchPath);
  const category = await categoryOf(ctx.db, order.categoryCode);
  const patch: Partial<OrderRow> = {};
  let to: WoStatus | undefined;
  let publicNote: string | null = null;
  const data: Record<string, unknown> = {};
  // Writes besides the order row run inside the same transaction as the order, its timeline and the audit.
  const sideEffects: ((tx: Db) => Promise<unknown>)[] = [];
  const acceptDue = async (priority: string) =>
    acceptDueFields(await deadlineOf(ctx.db, now, settings.acceptLimits[priority as 'regular']));
  /** The completion deadline from the order's intake, for its (possibly changed) priority, kind and group. */
  const completeDue = async (priority: string, kind: string, limitGroup: string) =>
    dueFields(
      await deadlineOf(ctx.db, order.createdAt, completeLimit(settings, { priority, kind, limitGroup })),
    );

  const chooseUnit = async (unitId: string | undefined): Promise<Unit> => {
    const target = (await unitById(ctx.db, unitId ?? order.gridId ?? order.communityId)) ?? null;
    if (target?.status !== 'active' || !['grid', 'community', 'subdistrict'].includes(target.kind)) {
      throw invalidField('unitId', 'work_orders.unit_required');
    }
    if (
      !ctx.actor ||
      !workOrdersPolicy.can(ctx.actor, 'dispatch', { orgPath: target.path, dispatchPath: target.path })
    )
      throw invalidField('unitId', 'work_orders.unit_out_of_scope');
    return target;
  };

  switch (body.action) {
    case 'classify': {
      if (body.categoryCode) {
        const c = await categoryOf(ctx.db, body.categoryCode);
        if (!c?.active) throw invalidField('categoryCode', 'work_orders.unknown_category', 400);
        patch.categoryCode = c.code;
      }
      if (body.priority) patch.priority = body.priority;
      if (body.kind) patch.kind = body.kind;
      const group =
        (body.categoryCode
          ? (await categoryOf(ctx.db, body.categoryCode))?.limitGroup
          : category?.limitGroup) ?? 'general';
      Object.assign(
        patch,
        await completeDue(patch.priority ?? order.priority, patch.kind ?? order.kind, group),
      );
      Object.assign(data, { categoryCode: patch.categoryCode, priority: patch.priority, kind: patch.kind });
      break;
    }
    case 'dispatch':
    case 'reassign': {
      const target = await chooseUnit(body.unitId);
      const priority = (body.action === 'dispatch' && body.priority) || order.priority;
      Object.assign(patch, {
        orgUnitId: target.id,
        orgPath: target.path,
        priority,
        acceptedAt: null,
        ...(await acceptDue(priority)),
      });
      if (priority !== order.priority) {
        Object.assign(patch, await completeDue(priority, order.kind, category?.limitGroup ?? 'general'));
      }
      publicNote = '已派发至责任单位办理';
      data.unit = target.name;
      break;
    }
    case 'divert':
      Object.assign(patch, { closedAt: now });
      publicNote = body.to.match(/^\d+$/)
        ? `紧急情况已转${body.to}处置`
        : '该事项属于法定途径办理，已告知办理渠道';
      data.to = body.to;
      break;
    case 'link_duplicate': {
      const original = await findOrderRow(ctx.db, ctx.actor!, 'read', body.duplicateOfId);
      if (!original || original.id === order.id)
        throw invalidField('duplicateOfId', 'work_orders.duplicate_unknown');
      Object.assign(patch, { duplicateOfId: original.id, closedAt: now });
      publicNote = `与已受理的诉求 ${original.number} 重复，将一并办理`;
      break;
    }
    case 'cancel':
      Object.assign(patch, { closedAt: now });
      break;
    case 'accept':
      Object.assign(patch, { acceptedAt: now });
      publicNote = '责任单位已签收，正在办理';
      break;
    case 'return':
      data.reason = body.note;
      break;
    case 'approve_return': {
      const back = await unitById(ctx.db, order.dispatchPath.split('/').filter(Boolean).at(-1));
      Object.assign(patch, {
        orgUnitId: back!.id,
        orgPath: back!.path,
        acceptDueAt: null,
        acceptDueEstimated: false,
        acceptedAt: null,
      });
      break;
    }
    case 'reject_return':
      Object.assign(patch, { ...(await acceptDue(order.priority)), acceptedAt: null });
      break;
    case 'request_extension': {
      if (order.dueAt && order.dueAt <= now) throw new AppError('work_orders.extension_too_late', 409);
      const used = Number((order.pendingExtension as { usedDays?: number } | null)?.usedDays ?? 0);
      if (used + body.workingDays > settings.maxExtensionWorkingDays) {
        throw new AppError('work_orders.extension_too_long', 422, { max: settings.maxExtensionWorkingDays });
      }
      patch.pendingExtension = {
        workingDays: body.workingDays,
        reason: body.note,
        requestedAt: now.toISOString(),
        usedDays: used,
      };
      data.workingDays = body.workingDays;
      break;
    }
    case 'approve_extension': {
      const pending = order.pendingExtension as {
        workingDays: number;
        usedDays?: number;
        requestedAt: string;
      };
      let base = order.dueAt ?? now;
      if (settings.pauseClockOnExtension)
        base = new Date(base.getTime() + (now.getTime() - new Date(pending.requestedAt).getTime()));
      Object.assign(patch, dueFields(await deadlineOf(ctx.db, base, { workingDays: pending.workingDays })));
      patch.pendingExtension = null;
      publicNote = '办理时限已依规延长';
      data.workingDays = pending.workingDays;
      break;
    }
    case 'reject_extension':
      patch.pendingExtension = null;
      break;
    case 'whistle': {
      const rows = body.departments.map((department) => ({
        id: ctx.ids(),
        orderId: order.id,
        department,
        status: 'called',
        calledAt: now,
      }));
      sideEffects.push((tx) => insertParticipants(tx, rows));
      data.departments = body.departments;
      publicNote = '已协调相关部门联合处置';
      break;
    }
    case 'participant_report': {
      const p = await participantOfOrder(ctx.db, order.id, body.participantId);
      if (!p) throw invalidField('participantId', 'work_orders.participant_unknown');
      if (p.status === 'reported') throw new AppError('work_orders.already_reported', 409);
      sideEffects.push((tx) => markParticipantReported(tx, p.id, body.note, now));
      data.department = p.department;
      break;
    }
    case 'reply': {
      await checkAttachments(ctx.db, body.attachmentIds, order.id);
      const unit = await unitById(ctx.db, order.orgUnitId);
      Object.assign(patch, { repliedAt: now, resolutionLevel: levelOf(unit?.kind), pendingExtension: null });
      publicNote = body.publicNote ?? body.note;
      if (body.attachmentIds.length) {
        const ids = body.attachmentIds;
        sideEffects.push((tx) => attachToOrder(tx, order.id, ids));
      }
      break;
    }
    case 'follow_up': {
      const cycle = order.redoCount + 1;
      // Dissatisfied through the unit's fault means a redo (重办, R-LAW-WO-5).
      const redo = body.satisfaction === 'dissatisfied' && body.unitFault;
      const followup = {
        id: ctx.ids(),
        orderId: order.id,
        cycle,
        resolved: body.resolved,
        satisfaction: body.satisfaction,
        unitFault: body.unitFault,
        comment: body.note ?? null,
        source: opts.source ?? 'dispatcher',
        byUserId: ctx.actor?.userId ?? null,
        at: now,
        orgUnitId: order.orgUnitId,
      };
      sideEffects.push(async (tx) => {
        if (!(await insertFollowupOnce(tx, followup))) throw new AppError('work_orders.already_rated', 409);
      });
      if (redo) {
        to = 'in_progress';
        const limit = completeLimit(settings, {
          priority: order.priority,
          kind: order.kind,
          limitGroup: category?.limitGroup ?? 'general',
        });
        Object.assign(patch, {
          redoCount: cycle,
          repliedAt: null,
          resolutionLevel: null,
          ...dueFields(await deadlineOf(ctx.db, now, limit)),
          acceptedAt: now,
        });
        publicNote = '根据您的评价，责任单位将重新办理';
      } else {
        Object.assign(patch, { closedAt: now });
        publicNote = '已回访，诉求办结';
      }
      Object.assign(data, {
        resolved: body.resolved,
        satisfaction: body.satisfaction,
        unitFault: body.unitFault,
        redo,
      });
      break;
    }
    case 'close':
      Object.assign(patch, { closedAt: now });
      publicNote = '诉求已办结';
      break;
    case 'remind':
      patch.reminders = order.reminders + 1;
      break;
    case 'supervise':
      patch.supervised = true;
      break;
  }

  return {
    patch,
    to,
    data,
    effects: sideEffects,
    event: {
      note: 'note' in body ? (body.note ?? null) : null,
      publicNote,
      attachments: 'attachmentIds' in body ? body.attachmentIds : [],
    },
  };
}

// ---------------------------------------------------------------- reads

export async function toDto(db: Db, actor: Actor | undefined, rows: OrderRow[], now: Date) {
  if (rows.length === 0) return [];
  const cats = await allCategoryRows(db);
  const unitIds = [...new Set(rows.map((r) => r.orgUnitId))];
  const units = await unitNames(db, unitIds);
  return rows.map((r) =>
    dtoOf(
      actor,
      r,
      now,
      cats.find((c) => c.code === r.categoryCode)?.nameZh ?? null,
      units.get(r.orgUnitId) ?? null,
    ),
  );
}

function dtoOf(
  actor: Actor | undefined,
  r: OrderRow,
  now: Date,
  categoryName: string | null,
  orgUnitName: string | null,
) {
  return {
    id: r.id,
    number: r.number,
    kind: r.kind as 'help',
    channel: r.channel,
    categoryCode: r.categoryCode,
    categoryName,
    priority: r.priority as 'regular',
    status: r.status as WoStatus,
    description: r.description,
    address: r.address,
    lat: r.lat,
    lng: r.lng,
    gridId: r.gridId,
    communityId: r.communityId,
    orgUnitId: r.orgUnitId,
    orgUnitName,
    requesterName: r.requesterName,
    requesterPhone: r.requesterPhoneMask,
    acceptDueAt: r.acceptDueAt,
    dueAt: r.dueAt,
    acceptDeadlineEstimated: r.acceptDueEstimated,
    deadlineEstimated: r.dueEstimated,
    acceptedAt: r.acceptedAt,
    repliedAt: r.repliedAt,
    closedAt: r.closedAt,
    overdue: !!r.dueAt && (r.repliedAt ?? r.closedAt ?? now) > r.dueAt,
    resolutionLevel: r.resolutionLevel as 'grid' | null,
    duplicateOfId: r.duplicateOfId,
    redoCount: r.redoCount,
    escalationLevel: r.escalationLevel,
    supervised: r.supervised,
    reminders: r.reminders,
    pendingExtension: r.pendingExtension
      ? {
          workingDays: (r.pendingExtension as { workingDays: number }).workingDays,
          reason: (r.pendingExtension as { reason: string }).reason,
        }
      : null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    actions: allowedActions(actor, r),
  };
}

type Timeline = OrderEventRow[];

/**
 * An order's detail. `created`: an order its intake has just written (read permission and scope are
 * checked as for any order), answered from what the intake wrote instead of reading it back.
 */
export async function getOrder(ctx: ActorCtx, id: string, created?: CreatedOrder) {
  let order: OrderRow;
  let dto: ReturnType<typeof dtoOf>;
  let timeline: Timeline;
  let participants: ParticipantRow[] = [];
  let followups: FollowupRow[] = [];
  if (created && created.order.id === id) {
    workOrdersPolicy.require(ctx.actor, 'read');
    order = created.order;
    if (!workOrdersPolicy.can(ctx.actor, 'read', order)) throw notFound();
    const category = (await cachedCategories(ctx.db)).get(order.categoryCode);
    dto = dtoOf(ctx.actor, order, ctx.clock.now(), category?.nameZh ?? null, created.unitName);
    timeline = created.events;
  } else {
    order = await findOrder(ctx, id);
    [dto] = (await toDto(ctx.db, ctx.actor, [order], ctx.clock.now())) as [ReturnType<typeof dtoOf>];
    ({ timeline, participants, followups } = await orderDetailRows(ctx.db, order.id));
  }
  return {
    ...dto,
    proxy: await proxyInfo(ctx.db, order),
    timeline: timeline.map((e) => ({
      ...statusEventTimeline(e),
      publicNote: e.publicNote,
      attachments: e.attachments,
    })),
    participants: participants.map((p) => ({
      id: p.id,
      department: p.department,
      status: p.status,
      report: p.report,
    })),
    followups: followups.map((f) => ({
      cycle: f.cycle,
      resolved: f.resolved,
      satisfaction: f.satisfaction as 'satisfied',
      unitFault: f.unitFault,
      source: f.source,
      at: f.at,
    })),
    possibleDuplicates:
      order.status !== 'submitted'
        ? []
        : created?.order.id === id && created.duplicates
          ? created.duplicates
          : await possibleDuplicates(ctx.db, order),
  };
}

export async function listOrders(ctx: ActorCtx, q: WorkOrderListQuery) {
  workOrdersPolicy.require(ctx.actor, 'read');
  const now = ctx.clock.now();
  let unitPath: string | undefined;
  if (q.orgUnitId) {
    const u = await unitInScope(ctx.db, ctx.actor, workOrdersPolicy.permissions.read, q.orgUnitId);
    if (!u) throw notFound();
    unitPath = u.path;
  }
  const page = await listOrderRows(ctx.db, ctx.actor, q, now, unitPath);
  return { ...page, items: await toDto(ctx.db, ctx.actor, page.items, now) };
}

// ---------------------------------------------------------------- requester side

/** Tracking by number + last four digits: lookups a minute per client address and per order number. */
export const TRACK_PER_ADDRESS_PER_MINUTE = 20;
export const TRACK_PER_NUMBER_PER_MINUTE = 10;

/**
 * The requester's order by its number and the last four digits of the phone given at intake (issue 17:
 * residents track without a link). Any mismatch — unknown number, an order without a phone, other digits —
 * is the same 404. Four digits can be guessed, so lookups are limited per client address and per order
 * number (counted in the database, platform/rateLimit): one order takes days of guessing, not minutes.
 */
export async function findByNumberAndPhoneLast4(ctx: UseCaseCtx, number: string, phoneLast4: string) {
  const perAddress = createRateLimiter(ctx.db, TRACK_PER_ADDRESS_PER_MINUTE, ctx.clock);
  const perNumber = createRateLimiter(ctx.db, TRACK_PER_NUMBER_PER_MINUTE, ctx.clock);
  const okAddress = await perAddress.take(`track:${ctx.ip ?? 'unknown'}`);
  const okNumber = await perNumber.take(`track-number:${number.trim().toUpperCase()}`);
  if (!okAddress || !okNumber) throw new AppError('common.too_many_requests', 429);
  const o = await orderByNumberForRequester(ctx.db, number.trim());
  if (!o?.requesterPhoneMask || !/^\d{4}$/.test(phoneLast4) || o.requesterPhoneMask.slice(-4) !== phoneLast4)
    throw notFound();
  return o;
}

export async function findByNumberForRequester(
  db: Db,
  number: string,
  token: string | undefined,
  userId: string | undefined,
) {
  const o = await orderByNumberForRequester(db, number);
  if (!o) throw notFound();
  const ok =
    (token && o.trackingTokenHash === tokenHash(token)) ||
    (userId &&
      (o.requesterUserId === userId ||
        // The resident a request was filed for (帮办代办) follows it with their own login.
        (o.principalResidentId !== null && o.principalResidentId === (await residentIdOfUser(db, userId)))));
  if (!ok) throw notFound();
  return o;
}

/** The requester's privacy-safe view: statuses and public notes only, no staff names or internal notes. */
export async function publicView(db: Db, o: OrderRow) {
  const cat = await categoryOf(db, o.categoryCode);
  const events = await orderEventRows(db, o.id);
  return {
    number: o.number,
    kind: o.kind as 'help',
    categoryName: cat?.nameZh ?? null,
    status: o.status as WoStatus,
    description: o.description,
    createdAt: o.createdAt,
    dueAt: o.dueAt,
    deadlineEstimated: o.dueEstimated,
    closedAt: o.closedAt,
    canRate: o.status === 'replied',
    proxyName: o.principalResidentId ? o.proxyName : null,
    timeline: events
      .filter((e) => e.publicNote || e.toStatus !== e.fromStatus)
      .map((e) => ({
        at: e.at,
        status: e.toStatus,
        text: e.publicNote,
        photos: PUBLIC_PHOTO_ACTIONS.has(e.action) ? e.attachments : [],
      })),
  };
}
