import { statusEventTimeline } from '../../platform/stateEventTimeline';
import { chinaDateCompact as chinaDate } from '../../../shared/chinaTime';
import {
  type ActionBody,
  DS_TRANSITIONS,
  type DisputeDetailDto,
  type DisputeDto,
  type DisputeListQuery,
  type DsAction,
  type DsStage,
  type IntakeBody,
  type PartyInput,
} from '../../../shared/contracts/disputes';
import { writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import { sealedIdNumber, sealedPhone, storedIdNumber, storedPhone } from '../../platform/sealedFields';
import { maskGivenName } from '../../platform/crypto';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { availableActions, transition } from '../../platform/workflow';
import { statusStepColumns } from '../../platform/workflowEvents';
import { ancestorOfKind, communityOfPath, unitById, unitInScope, unitNames } from '../org/org.api';
import { liveResidentInScope } from '../residents/residents.api';
import { orderForLink } from '../work-orders/work-orders.api';
import { auditDispute } from './disputes.audit';
import { type DisputeAction, disputesPolicy, mayReveal } from './disputes.policy';
import {
  bodyById,
  type DisputeRow,
  type PartyRow,
  allDisputeRows,
  bodyNames,
  eventsOf,
  findDispute,
  insertDispute,
  insertEvent,
  insertParties,
  listDisputeRows,
  membersByIds,
  nextDisputeSeq,
  partiesOf,
  partyOf,
  sessionsOf,
} from './disputes.repository';
import { disputeWorkflow } from './disputes.workflow';
import { foundInReach } from '../../platform/findInScope';

/** A party's personal data sealed for storage (R-LAW-PI-1): ciphertext, blind index, mask. */
function sealParty(ctx: ActorCtx, p: { name: string; phone: string | null; idNumber: string | null }) {
  return {
    nameEnc: ctx.pii.encrypt(p.name),
    nameMask: maskGivenName(p.name),
    ...sealedPhone(ctx.pii, storedPhone(p.phone)),
    ...sealedIdNumber(ctx.pii, storedIdNumber(p.idNumber)),
  };
}

/** A party from the registry (its data copied and sealed again) or given by hand. */
async function partyRow(ctx: ActorCtx, disputeId: string, seq: number, p: PartyInput) {
  let name = p.name ?? null;
  let phone = p.phone || null;
  let idNumber = p.idNumber || null;
  let gender = p.gender ?? null;
  let residenceUnitId = p.residenceUnitId ?? null;
  if (p.residentId) {
    const r = await liveResidentInScope(ctx.db, ctx.actor, 'residents.read', p.residentId);
    if (!r) throw notFound();
    name = r.name;
    gender = r.gender === 'female' || r.gender === 'male' ? r.gender : gender;
    phone = phone ?? (r.phoneEnc ? ctx.pii.decrypt(r.phoneEnc) : null);
    idNumber = idNumber ?? (r.idNumberEnc ? ctx.pii.decrypt(r.idNumberEnc) : null);
    residenceUnitId = residenceUnitId ?? r.orgUnitId;
  }
  if (!name) throw new AppError('disputes.party_name_required', 422);
  const residenceUnit = residenceUnitId ? await unitById(ctx.db, residenceUnitId) : undefined;
  if (residenceUnitId && !residenceUnit) throw notFound();
  return {
    id: ctx.ids(),
    disputeId,
    seq,
    role: p.role,
    residentId: p.residentId ?? null,
    ...sealParty(ctx, { name, phone, idNumber }),
    gender,
    residenceUnitId: residenceUnit?.id ?? null,
    residencePath: residenceUnit?.path ?? null,
    residence: p.residence ?? null,
    claims: p.claims,
  };
}

/** R-DS-1 intake from every door: parties (registry or new, with roles), cause, nature, claims, place. */
export async function registerDispute(ctx: ActorCtx, input: IntakeBody): Promise<DisputeDetailDto> {
  disputesPolicy.require(ctx.actor, 'register');
  const place = await unitInScope(ctx.db, ctx.actor, 'disputes.register', input.placeUnitId);
  if (place?.status !== 'active') throw notFound();
  const subdistrict =
    place.kind === 'subdistrict' ? place : await ancestorOfKind(ctx.db, place.path, 'subdistrict');
  if (!subdistrict) throw new AppError('disputes.place_outside_subdistrict', 422);
  // A work order that turns out to be a dispute: the order must be readable, and its number is the reference.
  let workOrder: Awaited<ReturnType<typeof orderForLink>> | null = null;
  if (input.workOrderId) {
    workOrder = (await orderForLink(ctx.db, ctx.actor, input.workOrderId)) ?? null;
    if (!workOrder) throw invalidField('workOrderId', 'disputes.work_order_unknown');
  } else if (input.source === 'work_order') throw invalidField('workOrderId', 'disputes.work_order_unknown');
  const id = ctx.ids();
  const parties: Awaited<ReturnType<typeof partyRow>>[] = [];
  for (const [i, p] of input.parties.entries()) parties.push(await partyRow(ctx, id, i + 1, p));
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const seq = await nextDisputeSeq(tx);
    const d = await insertDispute(tx, {
      id,
      number: `JF${chinaDate(now)}${String(seq % 100000).padStart(5, '0')}`,
      orgUnitId: place.id,
      orgPath: place.path,
      dispatchPath: subdistrict.path,
      placePath: place.path,
      placeUnitId: place.id,
      source: workOrder ? 'work_order' : input.source,
      sourceRef: workOrder ? workOrder.number : (input.sourceRef ?? null),
      workOrderId: workOrder?.id ?? null,
      title: input.title,
      cause: input.cause,
      nature: input.nature,
      place: input.place,
      occurredAt: input.occurredAt ?? null,
      status: 'registered',
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await insertParties(tx, parties);
    await insertEvent(tx, {
      ...statusStepColumns(
        ctx,
        { action: 'register', to: 'registered', data: { source: input.source, parties: parties.length } },
        now,
      ),
      disputeId: id,
    });
    await auditDispute(tx, ctx, d, 'disputes.register', {
      number: d.number,
      source: d.source,
      nature: d.nature,
      parties: parties.length,
    });
  });
  return getDispute(ctx, id);
}

function overdue(d: DisputeRow, now: Date): boolean {
  if (d.overdueAt && ['diverted', 'accepted', 'mediating'].includes(d.status)) return true;
  if (d.status === 'diverted' && d.acceptDueAt && d.acceptDueAt < now) return true;
  return ['accepted', 'mediating'].includes(d.status) && !!d.finishDueAt && d.finishDueAt < now;
}

async function toDtos(ctx: ActorCtx, rows: DisputeRow[]): Promise<DisputeDto[]> {
  const units = await unitNames(
    ctx.db,
    rows.flatMap((r) => [r.placeUnitId, ...(r.communityId ? [r.communityId] : [])]),
  );
  const bodies = await bodyNames(
    ctx.db,
    rows.flatMap((r) => (r.bodyId ? [r.bodyId] : [])),
  );
  const parties = await partiesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const now = ctx.clock.now();
  return rows.map((d) => ({
    id: d.id,
    number: d.number,
    source: d.source as DisputeDto['source'],
    sourceRef: d.sourceRef,
    title: d.title,
    nature: d.nature,
    place: d.place,
    placeUnitName: units.get(d.placeUnitId) ?? null,
    status: d.status as DisputeDto['status'],
    ticketKind: d.ticketKind as DisputeDto['ticketKind'],
    communityId: d.communityId,
    communityName: d.communityId ? (units.get(d.communityId) ?? null) : null,
    bodyId: d.bodyId,
    bodyName: d.bodyId ? (bodies.get(d.bodyId) ?? null) : null,
    specialAssignment: d.specialAssignment,
    acceptDueAt: d.acceptDueAt,
    finishDueAt: d.finishDueAt,
    overdue: overdue(d, now),
    confirmDueAt: d.confirmDueAt,
    partyNames: parties.filter((p) => p.disputeId === d.id).map((p) => p.nameMask),
    createdAt: d.createdAt,
    createdByName: d.createdByName,
  }));
}

export async function listDisputes(ctx: ActorCtx, q: DisputeListQuery) {
  disputesPolicy.require(ctx.actor, 'read');
  // The disputes made from a work order: the order must exist and be readable (404 otherwise).
  if (q.workOrderId && !(await orderForLink(ctx.db, ctx.actor, q.workOrderId))) throw notFound();
  const page = await listDisputeRows(ctx.db, ctx.actor, q, ctx.clock.now());
  return { ...page, items: await toDtos(ctx, page.items) };
}

/** The dispute in the actor's reach for `action` (403 without its permission anywhere), else 404. */
export async function findOrThrow(
  ctx: ActorCtx,
  id: string,
  action: DisputeAction = 'read',
): Promise<DisputeRow> {
  return foundInReach(disputesPolicy, ctx, action, () => findDispute(ctx.db, ctx.actor, action, id));
}

function stageOfEvent(action: string): DsStage {
  if (action === 'register') return 'study';
  if (action === 'escalate' || action === 'mediation_due' || action === 'confirm_reminder')
    return 'supervise';
  return DS_TRANSITIONS[action as DsAction]?.stage ?? 'handle';
}

/** R-WO-4: the communities the place of occurrence (属地) and the parties' residence (主体) lie in. */
async function territoryOf(ctx: ActorCtx, d: DisputeRow, parties: PartyRow[]) {
  const out = new Map<string, { id: string; name: string; reasons: ('place' | 'residence')[] }>();
  const add = async (path: string | null, reason: 'place' | 'residence') => {
    if (!path?.startsWith(d.dispatchPath)) return;
    const c = await communityOfPath(ctx.db, path);
    if (!c) return;
    const entry = out.get(c.id) ?? { id: c.id, name: c.name, reasons: [] };
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    out.set(c.id, entry);
  };
  await add(d.placePath, 'place');
  for (const p of parties) await add(p.residencePath, 'residence');
  return [...out.values()];
}

export async function getDispute(ctx: ActorCtx, id: string): Promise<DisputeDetailDto> {
  return detailOf(ctx, await findOrThrow(ctx, id));
}

async function detailOf(ctx: ActorCtx, d: DisputeRow): Promise<DisputeDetailDto> {
  const [dto] = await toDtos(ctx, [d]);
  const parties = await partiesOf(ctx.db, [d.id]);
  const residenceNames = await unitNames(
    ctx.db,
    parties.flatMap((p) => (p.residenceUnitId ? [p.residenceUnitId] : [])),
  );
  const mediators = await membersByIds(ctx.db, d.mediatorIds);
  const joint = await Promise.all(d.jointBodyIds.map((id) => bodyById(ctx.db, id)));
  return {
    ...dto!,
    cause: d.cause,
    workOrderId: d.workOrderId,
    occurredAt: d.occurredAt,
    placeUnitId: d.placeUnitId,
    listEntry: d.listEntry as DisputeDetailDto['listEntry'],
    divertNote: d.divertNote,
    divertedAt: d.divertedAt,
    acceptedAt: d.acceptedAt,
    overdueAt: d.overdueAt,
    escalations: d.escalations,
    supervisions: d.supervisions,
    mediationStartedAt: d.mediationStartedAt,
    mediationDueAt: d.mediationDueAt,
    mediators: mediators.map((m) => ({ id: m.id, name: m.name, position: m.position })),
    jointBodies: joint.flatMap((b) => (b ? [{ id: b.id, name: b.name, kind: b.kind }] : [])),
    agreement: d.agreement ?? null,
    agreementEffectiveAt: d.agreementEffectiveAt,
    confirmRemindAt: d.confirmRemindAt,
    outcome: d.outcome as DisputeDetailDto['outcome'],
    outcomeNote: d.outcomeNote,
    finishedAt: d.finishedAt,
    closedAt: d.closedAt,
    resolutionLevel: d.resolutionLevel as DisputeDetailDto['resolutionLevel'],
    rating: d.rating,
    version: d.version,
    // Masked by default (R-LAW-PI-1): the full values only through the audited reveal.
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role as 'applicant',
      residentId: p.residentId,
      name: p.nameMask,
      phone: p.phoneMask,
      idNumber: p.idNumberMask,
      gender: p.gender,
      residenceUnitId: p.residenceUnitId,
      residenceUnitName: p.residenceUnitId ? (residenceNames.get(p.residenceUnitId) ?? null) : null,
      residence: p.residence,
      claims: p.claims,
      refusedAt: p.refusedAt,
      refusalNote: p.refusalNote,
    })),
    events: (await eventsOf(ctx.db, d.id)).map((e) => ({
      id: e.id,
      ...statusEventTimeline(e),
      stage: stageOfEvent(e.action),
    })),
    sessions: (await sessionsOf(ctx.db, d.id)).map((s) => ({
      id: s.id,
      heldAt: s.heldAt,
      place: s.place,
      record: s.record,
      recordedBy: s.recordedBy,
    })),
    territory: await territoryOf(ctx, d, parties),
    actions: availableActions(disputeWorkflow, ctx.actor, d),
    canReveal: mayReveal(ctx.actor, d),
  };
}

/** The full name, phone and ID number of one party: audited (R-LAW-PI-1). */
export async function revealParty(ctx: ActorCtx, id: string, partyId: string) {
  const d = await findOrThrow(ctx, id, 'reveal');
  const p = await partyOf(ctx.db, d.id, partyId);
  if (!p) throw notFound();
  await auditDispute(ctx.db, ctx, d, 'disputes.reveal', { partyId: p.id });
  return {
    name: ctx.pii.decrypt(p.nameEnc),
    phone: p.phoneEnc ? ctx.pii.decrypt(p.phoneEnc) : null,
    idNumber: p.idNumberEnc ? ctx.pii.decrypt(p.idNumberEnc) : null,
  };
}

/** One step of the ticket (DS_TRANSITIONS), through the workflow engine. */
export async function act(ctx: ActorCtx, id: string, input: ActionBody): Promise<DisputeDetailDto> {
  const d = await findOrThrow(ctx, id);
  if (input.version !== undefined && input.version !== d.version)
    throw new AppError('workflow.conflict', 409);
  const updated = await transition(disputeWorkflow, ctx, d, input.action, input);
  // The answer describes the step just taken, even when it moved the dispute out of the actor's reach (a return).
  return detailOf(ctx, updated);
}

/** The ticket list as rows for Excel (names masked), audited. */
export async function exportDisputes(ctx: ActorCtx, q: Omit<DisputeListQuery, 'page' | 'pageSize'>) {
  disputesPolicy.require(ctx.actor, 'read');
  if (q.workOrderId && !(await orderForLink(ctx.db, ctx.actor, q.workOrderId))) throw notFound();
  const rows = await allDisputeRows(ctx.db, ctx.actor, q, ctx.clock.now(), 10_000);
  await writeAudit(ctx.db, ctx, {
    action: 'disputes.export',
    entityType: 'ds_dispute',
    entityId: null,
    orgPath: ctx.actor.assignments[0]?.orgPath ?? '/',
    after: { rows: rows.length, view: q.view },
  });
  return toDtos(ctx, rows);
}
