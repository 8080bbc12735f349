import { chinaDateCompact as chinaDate } from '../../../shared/chinaTime';
import { type SQL, and, eq, gte } from 'drizzle-orm';
import type { SoAction, SoStatus } from '../../../shared/contracts/serviceOrderMachine';
import type {
  CandidateDto,
  OrderActionBody,
  OrderBody,
  OrderDto,
  OrderListQuery,
} from '../../../shared/contracts/services';
import { CONSENT_ZH } from '../../../shared/contracts/proxy';
import { foundInReach } from '../../platform/findInScope';
import { auditRecordAccess } from '../../platform/recordAudit';
import { writeAudit } from '../../platform/audit';
import { statusEventTimeline } from '../../platform/stateEventTimeline';
import { NO_PROXY, maskName, proxyInfos, resolveProxy } from '../../platform/proxy';
import { auditLog } from '../../platform/audit.table';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import { maskAddress, maskPhone } from '../../platform/crypto';
import { type Db, isUniqueViolation } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { type Prepared, sweepWorkflow, transition } from '../../platform/workflow';
import { type StatusStep, statusStepColumns } from '../../platform/workflowEvents';
import type { Actor } from '../../platform/permissions';
import {
  consentStands,
  creditService,
  familySpender,
  findAccount,
  lockAccounts,
  withdrawTime,
} from '../ledger/ledger.api';
import {
  activeTeamsOfCommunity,
  activeVolunteersOfCommunity,
  recordServiceHours,
  teamById,
  volunteerById,
  volunteerOfUser,
} from '../volunteers/volunteers.api';
import { socialOrgsByIds, socialOrgsUnder } from '../people/people.api';
import {
  communityFilter,
  communityFor,
  communityNamesOf,
  gridIn,
  orderingCommunity,
  unitById,
} from './services.common';
import { allowedActions, mayAct, serviceOrdersPolicy, staffScope } from './services.policy';
import {
  type NeedRow,
  type SvcOrderRow,
  findServiceOrderRow,
  findServiceOrderToDispatch,
  needOfCommunity,
  projectToOrder,
  listAssignedServiceOrderRows,
  listOwnServiceOrderRows,
  listServiceOrderRows,
} from './services.repository';
import { insertNeed } from './services.lists.repository';
import {
  assigneeLoadsOfCommunity,
  assigneeSummaryRow,
  insertOrder,
  insertOrderEvent,
  lockProjectRow,
  nextOrderNumber,
  openOrderCountOfProject,
  orderByRequestKey,
  orderEventRows,
  setNeedFields,
  setOrderTimePaid,
  settingsRow,
  upsertSettings,
} from './services.orders.repository';
import { serviceOrderWorkflow } from './services.workflow';

/**
 * Service orders (R-SV-1 群众点单 → 社区派单 → 党员接单): a resident (or a worker on someone's behalf)
 * orders, the community dispatches to a volunteer / reporting party member / team / social organisation,
 * the server accepts, checks in and out, the resident confirms and rates, and the served time is credited
 * to the volunteer's time bank and love points (R-VP-1, R-VP-2) once, by idempotency key.
 */

export type { SvcOrderRow };
export { allowedActions, mayAct, staffScope };

export const DEFAULT_ACCEPT_TIMEOUT_HOURS = 24;
const HOUR = 3_600_000;

export async function acceptTimeoutHours(db: Db, communityId: string): Promise<number> {
  const s = await settingsRow(db, communityId);
  return s?.acceptTimeoutHours ?? DEFAULT_ACCEPT_TIMEOUT_HOURS;
}

// ---------------------------------------------------------------- who may do what

/** An order the actor may see (404 otherwise, also for an id that is not a UUID). */
export async function findOrder(ctx: ActorCtx, id: string): Promise<SvcOrderRow> {
  const o = await findServiceOrderRow(ctx.db, ctx.actor, id);
  if (!o) throw notFound();
  return o;
}

// ---------------------------------------------------------------- DTOs

export async function orderDtos(
  ctx: UseCaseCtx,
  rows: SvcOrderRow[],
  opts: { reveal?: (o: SvcOrderRow) => boolean } = {},
): Promise<OrderDto[]> {
  const names = await communityNamesOf(ctx.db, rows);
  const proxies = await proxyInfos(ctx.db, rows);
  return rows.map((r, i) => {
    const clear = opts.reveal?.(r) ?? false;
    return {
      id: r.id,
      number: r.number,
      communityId: r.communityId,
      communityName: names.get(r.communityId) ?? null,
      gridId: r.gridId,
      projectId: r.projectId,
      needId: r.needId,
      title: r.title,
      description: r.description,
      category: r.category,
      status: r.status as SoStatus,
      orderedByName: r.orderedByName,
      onBehalf: r.onBehalf,
      proxy: proxies[i] ?? null,
      beneficiaryName: r.beneficiaryName,
      beneficiaryPhone:
        clear && r.beneficiaryPhoneEnc ? ctx.pii.decrypt(r.beneficiaryPhoneEnc) : r.beneficiaryPhoneMask,
      beneficiaryAddress:
        clear && r.beneficiaryAddressEnc
          ? ctx.pii.decrypt(r.beneficiaryAddressEnc)
          : r.beneficiaryAddressMask,
      preferredAt: r.preferredAt,
      assigneeType: r.assigneeType as 'volunteer' | null,
      assigneeId: r.assigneeId,
      assigneeName: r.assigneeName,
      dispatchedAt: r.dispatchedAt,
      acceptDueAt: r.acceptDueAt,
      acceptedAt: r.acceptedAt,
      checkInAt: r.checkInAt,
      checkOutAt: r.checkOutAt,
      servedMinutes: r.servedMinutes,
      payWithTime: r.timePayerVolunteerId !== null,
      timePaidMinutes: r.timePaidMinutes,
      confirmedAt: r.confirmedAt,
      rating: r.rating,
      ratingComment: r.ratingComment,
      closedAt: r.closedAt,
      alert: r.alert,
      timeouts: r.timeouts,
      declines: r.declines,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
      actions: allowedActions(ctx.actor, r),
    };
  });
}

/**
 * On the single-order detail only, the orderer and the assigned server see the beneficiary's contact in
 * clear while it matters; lists always carry the masks (R-LAW-PI-1).
 */
const revealFor = (actor: Actor) => (o: SvcOrderRow) =>
  (o.beneficiaryPhoneEnc !== null || o.beneficiaryAddressEnc !== null) &&
  (o.orderedBy === actor.userId ||
    (o.assigneeUserId === actor.userId &&
      ['dispatched', 'accepted', 'in_service', 'served'].includes(o.status)));

/** One audit record per person and order within this window: the phone pages poll the detail every 30 s. */
const REVEAL_AUDIT_WINDOW_MS = 10 * 60_000;

/**
 * Records that the detail showed the beneficiary's contact in clear (R-LAW-PI-1). Repeated reads of the
 * same order by the same person within REVEAL_AUDIT_WINDOW_MS are covered by the first record.
 */
async function auditReveal(ctx: ActorCtx, o: SvcOrderRow) {
  const since = new Date(ctx.clock.now().getTime() - REVEAL_AUDIT_WINDOW_MS);
  const [recent] = await ctx.db
    .select({ seq: auditLog.seq })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entityType, 'svc_order'),
        eq(auditLog.entityId, o.id),
        eq(auditLog.action, 'services.reveal'),
        eq(auditLog.actorId, ctx.actor.userId),
        gte(auditLog.at, since),
      ),
    )
    .limit(1);
  if (recent) return;
  await auditRecordAccess(ctx, o, {
    action: 'services.reveal',
    entityType: 'svc_order',
    after: {
      fields: [
        ...(o.beneficiaryPhoneEnc ? ['beneficiaryPhone'] : []),
        ...(o.beneficiaryAddressEnc ? ['beneficiaryAddress'] : []),
      ],
      as: o.orderedBy === ctx.actor.userId ? 'orderer' : 'server',
      status: o.status,
    },
  });
}

export async function getOrder(ctx: ActorCtx, id: string) {
  return orderDetail(ctx, await findOrder(ctx, id));
}

/** The detail of a row already checked (e.g. just declined: the server no longer sees it in lists). */
export async function orderDetail(ctx: ActorCtx, o: SvcOrderRow) {
  const reveal = revealFor(ctx.actor)(o);
  if (reveal) await auditReveal(ctx, o);
  const [dto] = await orderDtos(ctx, [o], { reveal: () => reveal });
  const events = await orderEventRows(ctx.db, o.id);
  return {
    ...dto!,
    timeline: events.map(statusEventTimeline),
  };
}

// ---------------------------------------------------------------- ordering

async function addEvent(tx: Db, ctx: UseCaseCtx, orderId: string, e: StatusStep) {
  await insertOrderEvent(tx, { ...statusStepColumns(ctx, e), orderId });
}

/**
 * A resident orders a published service or posts a need (services.order, in their own community); staff
 * holding services.dispatch in the community order on a resident's behalf (audited, beneficiary recorded).
 */
export async function createOrder(
  ctx: ActorCtx,
  body: OrderBody,
): Promise<SvcOrderRow & { replayed?: boolean }> {
  const replay = async () => {
    if (!body.requestKey) return undefined;
    const o = await orderByRequestKey(ctx.db, ctx.actor.userId, body.requestKey);
    return o ? { ...o, replayed: true } : undefined;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await placeOrder(ctx, body);
  } catch (err) {
    // The same request raced itself: the first one won, answer it.
    if (isUniqueViolation(err, 'svc_orders_request_key_uq')) {
      const won = await replay();
      if (won) return won;
    }
    throw err;
  }
}

/** 帮办代办 in services: staff who dispatch, and volunteers (who order in their community), may order for a resident. */
const PROXY_RULES = { permissions: ['services.dispatch', 'services.order'], volunteers: true } as const;

async function placeOrder(ctx: ActorCtx, input: OrderBody) {
  let body = input;
  // Any community's project: who may order it is decided below (staff over it, or mayOrderIn).
  const project = body.projectId ? await projectToOrder(ctx.db, body.projectId) : undefined;
  if (body.projectId && !project) throw notFound();
  const communityId = project?.communityId ?? body.communityId!;
  const unit = await unitById(ctx.db, communityId);
  if (!unit) throw notFound();
  const staff = serviceOrdersPolicy.can(ctx.actor, 'dispatch', {
    orgPath: unit.path,
    orderedBy: null,
    onBehalf: false,
    assigneeUserId: null,
  });
  if (!staff) serviceOrdersPolicy.require(ctx.actor, 'order');
  // 帮办代办: staff over the community, or a volunteer, order for a registry resident with their consent.
  const proxy = await resolveProxy(ctx, body.proxy, PROXY_RULES);
  if (proxy) body = { ...body, forSelf: false };
  const community = staff
    ? await communityFor(ctx.db, ctx.actor, 'services.dispatch', unit.id)
    : await orderingCommunity(ctx.db, ctx.actor, unit.id);
  if (project && !project.published && !staff) throw new AppError('services.project_unpublished', 409);
  if (staff && body.forSelf && !proxy) throw invalidField('beneficiaryName', 'services.beneficiary_required');
  const grid = await gridIn(ctx.db, community, body.gridId);
  // R-VP-2: the orderer's own time bank, or (a family member) a consenting relative's.
  const family = body.payWithTimeOf
    ? await familySpender(ctx.db, body.payWithTimeOf, ctx.actor.userId)
    : null;
  if (family && family.balance <= 0) throw new AppError('services.no_time_balance', 409);
  const timePayer = family ? family.volunteerId : body.payWithTime ? await timePayerOf(ctx, body) : null;

  let need: NeedRow | undefined;
  if (body.needId) {
    if (!staff) throw invalidField('needId', 'services.need_unknown');
    need = await needOfCommunity(ctx.db, community.id, body.needId);
    if (!need) throw invalidField('needId', 'services.need_unknown');
    if (need.status !== 'open' || need.orderId) throw new AppError('services.need_taken', 409);
  }

  const now = ctx.clock.now();
  const id = ctx.ids();
  const phone = body.forSelf
    ? null
    : (body.beneficiaryPhone?.replace(/[\s-]/g, '').replace(/^\+?86/, '') ?? null);
  const address = body.forSelf ? null : (body.beneficiaryAddress ?? null);
  // The principal's name is read from the registry when shown; the order keeps only a masked one (R-LAW-PI-1).
  const beneficiaryName = proxy
    ? maskName(proxy.principal.name)
    : body.forSelf
      ? ctx.actor.displayName
      : body.beneficiaryName!;
  const onBehalf = staff || !!proxy;
  const title = project?.title ?? body.title ?? need?.title ?? '';
  const category = project?.category ?? body.category ?? need?.category ?? 'other';

  const row = await ctx.db.transaction(async (tx) => {
    // Capacity: orders open at once for the project, counted under a lock on the project row.
    if (project?.capacity) {
      await lockProjectRow(tx, project.id);
      const open = await openOrderCountOfProject(tx, project.id);
      if (open >= project.capacity)
        throw new AppError('services.project_full', 409, { capacity: project.capacity });
    }
    const seq = await nextOrderNumber(tx);
    const number = `FW${chinaDate(now)}${String(seq % 1_000_000).padStart(6, '0')}`;
    let needId = need?.id ?? null;
    if (need) {
      await setNeedFields(tx, need.id, { status: 'matched', orderId: id, updatedAt: now });
    } else if (!project) {
      // A need posted by a resident enters the needs list too, already matched to this order.
      needId = ctx.ids();
      await insertNeed(tx, {
        id: needId,
        communityId: community.id,
        orgUnitId: (grid ?? community).id,
        orgPath: (grid ?? community).path,
        title,
        description: body.description ?? null,
        source: 'resident',
        category,
        status: 'matched',
        raisedBy: beneficiaryName,
        orderId: id,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      });
    }
    const created = await insertOrder(tx, {
      id,
      number,
      communityId: community.id,
      orgUnitId: community.id,
      orgPath: community.path,
      gridId: grid?.id ?? null,
      projectId: project?.id ?? null,
      needId,
      title,
      description: body.description ?? need?.description ?? null,
      category,
      skills: project?.skills ?? [],
      activityType: project?.activityType ?? category,
      status: 'ordered',
      orderedBy: ctx.actor.userId,
      orderedByName: ctx.actor.displayName,
      onBehalf,
      ...(proxy?.values ?? NO_PROXY),
      beneficiaryName,
      beneficiaryPhoneEnc: phone ? ctx.pii.encrypt(phone) : null,
      beneficiaryPhoneMask: phone ? maskPhone(phone) : null,
      beneficiaryAddressEnc: address ? ctx.pii.encrypt(address) : null,
      beneficiaryAddressMask: address ? maskAddress(address) : null,
      preferredAt: body.preferredAt ?? null,
      requestKey: body.requestKey ?? null,
      timePayerVolunteerId: timePayer,
      timePayerDesigneeId: family?.designee.id ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await addEvent(tx, ctx, id, {
      action: 'order',
      to: 'ordered',
      note: proxy
        ? `${ctx.actor.displayName}代${beneficiaryName}下单（${CONSENT_ZH[proxy.values.proxyConsent.method]}）`
        : staff
          ? `代${beneficiaryName}下单`
          : body.forSelf
            ? null
            : `为${beneficiaryName}下单`,
      data: {
        onBehalf,
        forSelf: body.forSelf,
        payWithTime: !!timePayer,
        ...(proxy && { proxy: proxy.audit }),
        ...(family ? { timeOf: family.holderName, spentBy: family.designee.name } : {}),
      },
    });
    await writeAudit(tx, ctx, {
      action: onBehalf ? 'services.order_on_behalf' : 'services.order',
      entityType: 'svc_order',
      entityId: id,
      orgPath: community.path,
      after: {
        number,
        title,
        projectId: project?.id ?? null,
        needId,
        beneficiaryName,
        forSelf: body.forSelf,
        ...(timePayer ? { timePayerVolunteerId: timePayer } : {}),
        ...(proxy && { proxy: proxy.audit }),
      },
    });
    return created;
  });
  return row;
}

/**
 * R-VP-2 (服务换服务): only a volunteer ordering for themselves may pay with their own time bank, and
 * only with minutes in it (422 / 409). Returns the paying volunteer's id.
 */
async function timePayerOf(ctx: ActorCtx, body: OrderBody): Promise<string> {
  if (!body.forSelf) throw invalidField('payWithTime', 'services.pay_with_time_self_only');
  const v = await volunteerOfUser(ctx.db, ctx.actor.userId);
  const acc = v ? await findAccount(ctx.db, 'volunteer', v.id, 'minutes') : undefined;
  if (!v || !acc || acc.balance <= 0) throw new AppError('services.no_time_balance', 409);
  return v.id;
}

// ---------------------------------------------------------------- transitions

const STATUS_ZH: Record<SoStatus, string> = {
  ordered: '待派单',
  dispatched: '待接单',
  accepted: '已接单',
  in_service: '服务中',
  served: '待确认',
  confirmed: '已确认',
  closed: '已归档',
  cancelled: '已取消',
};

export function invalidTransition(o: SvcOrderRow, actor: Actor | undefined, action?: SoAction) {
  const status = o.status as SoStatus;
  // The two mistakes people make most get their own message.
  const code =
    action === 'accept' && ['accepted', 'in_service', 'served', 'confirmed', 'closed'].includes(status)
      ? 'services.already_accepted'
      : action === 'check_out' && status === 'accepted'
        ? 'services.not_checked_in'
        : action === 'check_in' && ['in_service', 'served'].includes(status)
          ? 'services.already_checked_in'
          : action === 'confirm' && ['confirmed', 'closed'].includes(status)
            ? 'services.already_confirmed'
            : 'services.invalid_transition';
  return new AppError(
    code,
    409,
    { statusZh: STATUS_ZH[status] ?? status, statusEn: status.replace('_', ' ') },
    { allowed: allowedActions(actor, o), status: o.status },
  );
}

interface Assignee {
  type: 'volunteer' | 'team' | 'social_org';
  id: string;
  name: string;
  userId: string | null;
}

/** The assignee must exist, be active and belong to the order's community (else 422). */
async function resolveAssignee(
  db: Db,
  o: SvcOrderRow,
  type: Assignee['type'],
  id: string,
): Promise<Assignee> {
  const fail = () => invalidField('assigneeId', 'services.assignee_unknown');
  if (type === 'volunteer') {
    const v = await volunteerById(db, id);
    if (v?.status !== 'active' || v.communityId !== o.communityId) throw fail();
    return { type, id: v.id, name: v.name, userId: v.userId };
  }
  if (type === 'team') {
    const t = await teamById(db, id);
    if (!t?.active || t.communityId !== o.communityId) throw fail();
    const leader = t.leaderVolunteerId ? await volunteerById(db, t.leaderVolunteerId) : undefined;
    return { type, id: t.id, name: t.name, userId: leader?.userId ?? null };
  }
  const [s] = await socialOrgsByIds(db, [id]);
  if (!s?.orgPath.startsWith(o.orgPath)) throw fail();
  return { type, id: s.id, name: s.name, userId: null };
}

export async function act(ctx: ActorCtx, id: string, body: OrderActionBody) {
  const o = await findOrder(ctx, id);
  return applyAction(ctx, o, body);
}

/**
 * One step of the state machine: illegal in this state → 409 with the allowed actions; legal but not for
 * this user → 403. The order, its timeline, the need, the ledger credit and the audit entry commit together.
 */
export async function applyAction(ctx: ActorCtx, o: SvcOrderRow, body: OrderActionBody) {
  return transition(serviceOrderWorkflow, ctx, o, body.action, body);
}

/** The timeout step's input: the system returns the order (R-SV-1 accept time), no request body. */
export const TIMEOUT_INPUT = { action: 'timeout' } as const;
export type SoActionInput = OrderActionBody | typeof TIMEOUT_INPUT;

/** What an order taken back from its assignee (timeout, decline) clears: it is in the community's queue again. */
const BACK_TO_QUEUE = {
  assigneeType: null,
  assigneeId: null,
  assigneeName: null,
  assigneeUserId: null,
  acceptDueAt: null,
} satisfies Partial<SvcOrderRow>;

/**
 * The patch, timeline entry and side effects of an allowed step (the workflow engine has checked the
 * state and who may take it; it writes them with the order's update in one transaction).
 */
export async function prepareAction(
  o: SvcOrderRow,
  body: SoActionInput,
  ctx: UseCaseCtx,
): Promise<Prepared<SoStatus, SvcOrderRow>> {
  const now = ctx.clock.now();
  const patch: Partial<SvcOrderRow> = {};
  const data: Record<string, unknown> = {};
  let note: string | null = 'note' in body ? (body.note ?? null) : null;
  const sideEffects: ((tx: Db, updated: SvcOrderRow) => Promise<unknown>)[] = [];

  switch (body.action) {
    case 'timeout':
      // Nobody accepted within the community's time: back to its queue with an alert.
      Object.assign(patch, BACK_TO_QUEUE, { alert: 'timeout', timeouts: o.timeouts + 1 });
      return {
        patch,
        event: { note: `${o.assigneeName ?? ''} 超时未接单，退回社区派单队列` },
        data: { assigneeId: o.assigneeId, assigneeName: o.assigneeName },
        audit: { after: { status: 'ordered', alert: 'timeout' } },
      };
    case 'dispatch':
    case 'reassign': {
      const a = await resolveAssignee(ctx.db, o, body.assigneeType, body.assigneeId);
      if (body.action === 'reassign' && a.type === o.assigneeType && a.id === o.assigneeId)
        throw new AppError('services.assignee_same', 409);
      // Serving one's own order would let a volunteer confirm and credit themselves (points farming).
      if (a.userId && a.userId === o.orderedBy) throw new AppError('services.assignee_is_orderer', 409);
      const hours = await acceptTimeoutHours(ctx.db, o.communityId);
      Object.assign(patch, {
        assigneeType: a.type,
        assigneeId: a.id,
        assigneeName: a.name,
        assigneeUserId: a.userId,
        dispatchedAt: now,
        acceptDueAt: new Date(now.getTime() + hours * HOUR),
        acceptedAt: null,
        alert: null,
      });
      Object.assign(data, { assigneeType: a.type, assigneeId: a.id, assigneeName: a.name });
      break;
    }
    case 'accept':
      Object.assign(patch, { acceptedAt: now, acceptDueAt: null });
      break;
    case 'decline':
      Object.assign(patch, BACK_TO_QUEUE, { declines: o.declines + 1, alert: 'declined' });
      Object.assign(data, { assigneeName: o.assigneeName, reason: body.note });
      break;
    case 'check_in':
      patch.checkInAt = now;
      break;
    case 'check_out': {
      const minutes = Math.min(
        24 * 60,
        Math.max(1, Math.round((now.getTime() - o.checkInAt!.getTime()) / 60_000)),
      );
      Object.assign(patch, { checkOutAt: now, servedMinutes: minutes });
      data.minutes = minutes;
      break;
    }
    case 'confirm': {
      Object.assign(patch, { confirmedAt: now, rating: body.rating, ratingComment: body.comment ?? null });
      Object.assign(data, { rating: body.rating });
      note = body.comment ?? null;
      if (o.assigneeType === 'volunteer' && o.assigneeId && (o.servedMinutes ?? 0) > 0) {
        const key = `service_order:${o.id}`;
        patch.creditRef = key;
        sideEffects.push(async (tx) => {
          const r = await creditService(tx, ctx, {
            idempotencyKey: key,
            volunteerId: o.assigneeId!,
            volunteerName: o.assigneeName ?? '',
            communityUnitId: o.communityId,
            minutes: o.servedMinutes!,
            activityType: o.activityType,
            sourceType: 'service_order',
            sourceId: o.id,
            occurredAt: o.checkOutAt ?? now,
            memo: `${o.number} ${o.title}`,
          });
          // The hours also count towards the volunteer's cumulative hours, star level and certificate
          // (R-LAW-VL-2); recorded once per order like the credit.
          await recordServiceHours(tx, ctx, {
            volunteerId: o.assigneeId!,
            minutes: o.servedMinutes!,
            activityType: o.activityType,
            sourceType: 'service_order',
            sourceId: o.id,
            communityUnitId: o.communityId,
            occurredAt: o.checkOutAt ?? now,
          });
          Object.assign(data, {
            creditedMinutes: r.minutes,
            creditedPoints: r.points,
            duplicate: r.duplicate,
          });
        });
      }
      if (o.timePayerVolunteerId && (o.servedMinutes ?? 0) > 0) {
        const payer = o.timePayerVolunteerId;
        const spentBy = o.timePayerDesigneeId;
        // R-VP-2: the orderer's banked minutes pay for the service, as far as they reach (once, by key);
        // a family member's order spends the relative's minutes only while the consent stands.
        sideEffects.push(async (tx) => {
          const acc = await findAccount(tx, 'volunteer', payer, 'minutes');
          if (!acc) return;
          if (spentBy && !(await consentStands(tx, spentBy, acc.id))) return;
          const balance = (await lockAccounts(tx, [acc.id])).get(acc.id)?.balance ?? 0;
          const minutes = Math.min(o.servedMinutes!, balance);
          if (minutes <= 0) return;
          await withdrawTime(tx, ctx, {
            idempotencyKey: `service_order_pay:${o.id}`,
            volunteerId: payer,
            minutes,
            beneficiary: 'holder',
            ...(spentBy ? { spentByDesigneeId: spentBy } : {}),
            sourceType: 'service_order',
            sourceId: o.id,
            memo: `${o.number} ${o.title}`,
          });
          await setOrderTimePaid(tx, o.id, minutes);
          data.timePaidMinutes = minutes;
        });
      }
      if (o.needId) {
        const needId = o.needId;
        sideEffects.push((tx) => setNeedFields(tx, needId, { status: 'done', updatedAt: now }));
      }
      break;
    }
    case 'close':
      patch.closedAt = now;
      break;
    case 'cancel':
      Object.assign(patch, { closedAt: now, acceptDueAt: null });
      if (o.needId) {
        const needId = o.needId;
        // The need goes back on the list, open for another order.
        sideEffects.push((tx) =>
          setNeedFields(tx, needId, { status: 'open', orderId: null, updatedAt: now }),
        );
      }
      break;
  }

  // The minutes the time bank paid (an effect above) show in the answer.
  sideEffects.push(async (_tx, updated) => {
    if (typeof data.timePaidMinutes === 'number') updated.timePaidMinutes = data.timePaidMinutes;
  });
  return { patch, data, event: { note }, effects: sideEffects };
}

// ---------------------------------------------------------------- timeout sweep

/**
 * Orders nobody accepted within the community's time (default 24 h) go back to the community's queue
 * with an alert: the `timeout` deadline of `serviceOrderWorkflow`, fired by the platform's one workflow
 * sweep job. This runs it by hand (`POST /api/services/sweep`), for the communities in `paths` only. Each
 * order is locked (SKIP LOCKED) and the step claimed in svc_sweep_steps first, so it happens once even
 * when several processes sweep at once or a job is retried; a concurrent accept wins by the state check.
 */
export async function sweepServiceOrders(
  ctx: UseCaseCtx,
  opts: { where?: SQL | undefined } = {},
): Promise<{ returned: number }> {
  const n = await sweepWorkflow(serviceOrderWorkflow, ctx, { where: opts.where });
  return { returned: n.returned ?? 0 };
}

/** The manual sweep of a person: only the communities they dispatch for (the system job sweeps them all). */
export async function sweepOwnServiceOrders(ctx: ActorCtx): Promise<{ returned: number }> {
  serviceOrdersPolicy.require(ctx.actor, 'dispatch');
  return sweepServiceOrders(ctx, { where: serviceOrdersPolicy.scope(ctx.actor, 'dispatch') });
}

// ---------------------------------------------------------------- lists

export async function listOrders(ctx: ActorCtx, q: OrderListQuery) {
  serviceOrdersPolicy.require(ctx.actor, 'read');
  const communityId = await communityFilter(ctx, q.communityId);
  const page = await listServiceOrderRows(ctx.db, ctx.actor, q, communityId);
  return { ...page, items: await orderDtos(ctx, page.items) };
}

/** The orders a resident placed (any login). */
export async function myOrders(ctx: ActorCtx, q: { page: number; pageSize: number }) {
  const page = await listOwnServiceOrderRows(ctx.db, ctx.actor, q);
  return { ...page, items: await orderDtos(ctx, page.items) };
}

/** A volunteer's / reporting party member's orders: open ones (to accept or serve) or their history. */
export async function myTasks(
  ctx: ActorCtx,
  q: { page: number; pageSize: number; view: 'open' | 'history' },
) {
  serviceOrdersPolicy.require(ctx.actor, 'serve');
  const page = await listAssignedServiceOrderRows(ctx.db, ctx.actor, q);
  return { ...page, items: await orderDtos(ctx, page.items) };
}

/** Open orders, orders served, hours and average rating of the logged-in volunteer. */
export async function myServiceSummary(ctx: ActorCtx) {
  const v = await volunteerOfUser(ctx.db, ctx.actor.userId);
  const s = await assigneeSummaryRow(ctx.db, ctx.actor.userId);
  return {
    volunteerId: v?.id ?? null,
    name: v?.name ?? null,
    open: s?.open ?? 0,
    served: s?.served ?? 0,
    minutes: s?.minutes ?? 0,
    averageRating: s?.rating ?? null,
  };
}

// ---------------------------------------------------------------- dispatch candidates

/** Words volunteers write for the skills a service category needs (profiles hold free text). */
const CATEGORY_WORDS: Record<string, string[]> = {
  elderly_care: ['助老', '养老', '陪诊', '陪护', '护理'],
  housekeeping: ['家政', '理发', '保洁', '清洁'],
  repair: ['维修', '电工', '水电', '修理'],
  health: ['医疗', '保健', '急救', '健康', '心理'],
  legal: ['法律', '律师', '调解'],
  education: ['辅导', '教师', '课业', '教育'],
  companionship: ['陪伴', '心理', '助老', '聊天'],
  errand: ['跑腿', '代办', '代购', '代买'],
};

/** True when a volunteer's skill names one the order wants: equal, contained, or a word of its category. */
function skillMatcher(wanted: string[]) {
  const words = new Set<string>();
  for (const w of wanted) {
    words.add(w.toLowerCase());
    for (const x of CATEGORY_WORDS[w] ?? []) words.add(x);
  }
  return (skill: string) => {
    const s = skill.toLowerCase();
    for (const w of words) if (s === w || s.includes(w) || (s.length >= 2 && w.includes(s))) return true;
    return false;
  };
}

/**
 * Candidates for an order in the queue, ranked by skill match, distance (same compound, same grid, then
 * the community) and current load (orders dispatched/accepted/in service). Reporting party members
 * and volunteers with a login (who can accept on their phone) come first on a tie.
 */
export async function candidates(ctx: ActorCtx, orderId: string): Promise<CandidateDto[]> {
  const o = await foundInReach(serviceOrdersPolicy, ctx, 'dispatch', () =>
    findServiceOrderToDispatch(ctx.db, ctx.actor, orderId),
  );
  const matches = skillMatcher([...o.skills, o.category]);
  const grid = await unitById(ctx.db, o.gridId);
  const loads = new Map((await assigneeLoadsOfCommunity(ctx.db, o.communityId)).map((r) => [r.id, r.n]));
  // The order's place below the community: [grid, compound?, building?] (R-ORG-1 tree: grid above compound).
  const mine = grid ? grid.path.slice(o.orgPath.length).split('/').filter(Boolean) : [];
  const distanceOf = (path: string, gridId: string | null): CandidateDto['distance'] => {
    const theirs = path.startsWith(o.orgPath) ? path.slice(o.orgPath.length).split('/').filter(Boolean) : [];
    let shared = 0;
    while (shared < Math.min(mine.length, theirs.length) && mine[shared] === theirs[shared]) shared++;
    if (shared >= 2) return 'compound';
    if (shared === 1 || (gridId && gridId === mine[0])) return 'grid';
    return 'community';
  };
  // The orderer's own volunteer profile (and a team they lead) may not serve their order.
  // (A login acts as at most one volunteer: volunteers_user_uq.)
  const ordererVolunteer = o.orderedBy ? await volunteerOfUser(ctx.db, o.orderedBy) : undefined;
  const orderer = new Set(ordererVolunteer ? [ordererVolunteer.id] : []);
  const out: CandidateDto[] = [];
  /** Adds a candidate (scored below, once all are in): who, and how they fit the order. */
  const add = (
    assigneeType: CandidateDto['assigneeType'],
    who: { id: string; name: string },
    fit: Pick<CandidateDto, 'kind' | 'skills' | 'skillMatch' | 'distance' | 'hasLogin'>,
  ) =>
    out.push({
      assigneeType,
      assigneeId: who.id,
      name: who.name,
      kind: fit.kind,
      skills: fit.skills,
      skillMatch: fit.skillMatch,
      distance: fit.distance,
      load: loads.get(who.id) ?? 0,
      hasLogin: fit.hasLogin,
      score: 0,
    });
  const vols = await activeVolunteersOfCommunity(ctx.db, o.communityId, 500);
  for (const v of vols) {
    if (orderer.has(v.id)) continue;
    add('volunteer', v, {
      kind: v.kind,
      skills: v.skills,
      skillMatch: v.skills.filter(matches).length,
      distance: distanceOf(v.orgPath, v.gridId),
      hasLogin: !!v.userId,
    });
  }
  const teams = await activeTeamsOfCommunity(ctx.db, o.communityId);
  for (const t of teams) {
    if (t.leaderVolunteerId && orderer.has(t.leaderVolunteerId)) continue;
    add('team', t, {
      kind: t.kind,
      skills: [],
      skillMatch: 0,
      distance: 'community',
      hasLogin: !!t.leaderVolunteerId,
    });
  }
  const orgs = await socialOrgsUnder(ctx.db, o.orgPath, 100);
  for (const s of orgs) {
    add('social_org', s, {
      kind: s.field,
      skills: [s.field],
      skillMatch: matches(s.field) ? 1 : 0,
      distance: 'community',
      hasLogin: false,
    });
  }
  const near = { compound: 7, grid: 6, community: 2, other: 0 } as const;
  for (const c of out) {
    c.score =
      c.skillMatch * 10 +
      near[c.distance] -
      c.load * 3 +
      (c.kind === 'party_member' ? 1 : 0) +
      (c.hasLogin ? 1 : 0) -
      (c.assigneeType === 'volunteer' ? 0 : 1);
  }
  return out
    .filter((c) => !(c.assigneeId === o.assigneeId && c.assigneeType === o.assigneeType))
    .sort((a, b) => b.score - a.score || a.load - b.load || a.name.localeCompare(b.name, 'zh-CN'))
    .slice(0, 20);
}

// ---------------------------------------------------------------- settings

export async function getSettings(ctx: ActorCtx, communityId: string) {
  serviceOrdersPolicy.require(ctx.actor, 'read');
  const community = await communityFor(ctx.db, ctx.actor, 'services.read', communityId);
  return { communityId: community.id, acceptTimeoutHours: await acceptTimeoutHours(ctx.db, community.id) };
}

export async function putSettings(ctx: ActorCtx, communityId: string, body: { acceptTimeoutHours: number }) {
  serviceOrdersPolicy.require(ctx.actor, 'dispatch');
  const community = await communityFor(ctx.db, ctx.actor, 'services.dispatch', communityId);
  const before = await acceptTimeoutHours(ctx.db, community.id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await upsertSettings(tx, community.id, { acceptTimeoutHours: body.acceptTimeoutHours, updatedAt: now });
    await writeAudit(tx, ctx, {
      action: 'services.settings',
      entityType: 'svc_settings',
      entityId: community.id,
      orgPath: community.path,
      before: { acceptTimeoutHours: before },
      after: body,
    });
  });
  return { communityId: community.id, acceptTimeoutHours: body.acceptTimeoutHours };
}
