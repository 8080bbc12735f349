import { chinaDateCompact } from '../../../shared/chinaTime';
import type {
  PlanBody,
  PlanDetailDto,
  PlanDto,
  PlanListQuery,
  PlanPatch,
  ReliefBody,
  ReliefDto,
  VisitBody,
  reliefActionBody,
  reliefListQuery,
} from '../../../shared/contracts/care';
import type { z } from 'zod';
import type { SpecialGroupTag } from '../../../shared/orgKinds';
import { idNumberProblem, isValidMobile } from '../../../shared/validation/codes';
import { roleUnitPaths, userDisplayNames } from '../accounts/accounts.api';
import { auditRecord, auditRecordAccess } from '../../platform/recordAudit';
import { auditedWrite } from '../../platform/auditedRows';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import { maskGivenName, maskPhone } from '../../platform/crypto';
import { sealedIdNumber, storedIdNumber, storedPhone } from '../../platform/sealedFields';
import { AppError, forbidden, notFound } from '../../platform/errors';
import type { Page } from '../../platform/listing';
import { communityOnPath, idsOnPath } from '../../platform/unitPaths';
import { versionedAuditedUpdate } from '../../platform/versionedAudit';
import { communityOfPath, findUnitInScope, unitInScope, unitsByIds } from '../org/org.api';
import { liveResidentInScope, residentIdentity } from '../residents/residents.api';
import { type ReliefAction, plansPolicy, reliefPolicy } from './care.policy';
import {
  type PlanRow,
  type ReliefRow,
  duePlans,
  findPlan,
  findRelief,
  insertMiss,
  insertPlan,
  insertRelief,
  insertVisit,
  listPlanRows,
  listReliefRows,
  lockPlan,
  missCounts,
  missesOf,
  planByResidentTag,
  updatePlan as updatePlanRow,
  updateRelief,
  visitsOf,
} from './care.repository';
import { foundInReach } from '../../platform/findInScope';

const DAY = 86_400_000;

const tagHashOf = (ctx: UseCaseCtx, tag: string) => ctx.pii.blindIndex('special_group', tag);

async function unitAndCommunity(ctx: ActorCtx, paths: string[]) {
  return new Map((await unitsByIds(ctx.db, paths.flatMap(idsOnPath))).map((u) => [u.id, u]));
}

async function planDtos(ctx: ActorCtx, rows: PlanRow[]): Promise<PlanDto[]> {
  const now = ctx.clock.now();
  const [units, names, misses] = await Promise.all([
    unitAndCommunity(
      ctx,
      rows.map((r) => r.orgPath),
    ),
    userDisplayNames(
      ctx.db,
      rows.map((r) => r.assigneeUserId),
    ),
    missCounts(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    residentId: r.residentId,
    residentNameMask: r.residentNameMask,
    unitName: units.get(r.orgUnitId)?.name ?? null,
    communityName: communityOnPath(units, r.orgPath)?.name ?? null,
    tag: ctx.pii.decrypt(r.tagEnc) as SpecialGroupTag,
    frequencyDays: r.frequencyDays,
    assigneeKind: r.assigneeKind as PlanDto['assigneeKind'],
    assigneeUserId: r.assigneeUserId,
    assigneeName: names.get(r.assigneeUserId) ?? null,
    nextDueAt: r.nextDueAt,
    lastVisitAt: r.lastVisitAt,
    overdue: r.active && r.nextDueAt < now,
    missedCount: misses.get(r.id) ?? 0,
    active: r.active,
    note: r.noteEnc ? ctx.pii.decrypt(r.noteEnc) : null,
    version: r.version,
    canEdit: plansPolicy.can(ctx.actor, 'plan', r),
    canVisit:
      r.active && (plansPolicy.can(ctx.actor, 'visit', r) || plansPolicy.can(ctx.actor, 'visit_own', r)),
  }));
}

function requireReader(ctx: ActorCtx) {
  if (!plansPolicy.can(ctx.actor, 'read') && !plansPolicy.can(ctx.actor, 'visit_own')) throw forbidden();
}

/** The plan with this id in the reader's reach (404 otherwise), after checking the actor reads plans at all. */
async function readablePlan(ctx: ActorCtx, id: string): Promise<PlanRow> {
  requireReader(ctx);
  const p = await findPlan(ctx.db, ctx.actor, id);
  if (!p) throw notFound();
  return p;
}

/** The path of the list filter's unit (404 when it is out of the actor's care.read scope), if one is asked. */
async function filterPath(ctx: ActorCtx, orgUnitId: string | undefined): Promise<string | undefined> {
  return orgUnitId ? (await findUnitInScope(ctx, orgUnitId, 'care.read')).path : undefined;
}

/** The assignee is a grid worker or volunteer (as the plan says) of the resident's community. */
async function checkAssignee(ctx: ActorCtx, kind: string, userId: string, residentPath: string) {
  const community = await communityOfPath(ctx.db, residentPath);
  const paths = await roleUnitPaths(ctx.db, userId, [kind]);
  const home = community?.path ?? residentPath;
  if (!paths.some((p) => p.startsWith(home) || home.startsWith(p)))
    throw new AppError('care.assignee_outside', 422);
}

/** R-SV-3: a visit plan for one special-group tag a resident carries, with its frequency and visitor. */
export async function createPlan(ctx: ActorCtx, input: PlanBody): Promise<PlanDto> {
  const resident = await foundInReach(plansPolicy, ctx, 'plan', () =>
    liveResidentInScope(ctx.db, ctx.actor, 'care.plan', input.residentId),
  );
  const tagHash = tagHashOf(ctx, input.tag);
  if (!resident.specialGroupHashes.includes(tagHash)) throw new AppError('care.tag_not_on_resident', 422);
  if (await planByResidentTag(ctx.db, resident.id, tagHash)) throw new AppError('care.plan_exists', 409);
  await checkAssignee(ctx, input.assigneeKind, input.assigneeUserId, resident.orgPath);
  const now = ctx.clock.now();
  const row = await auditedWrite(
    ctx,
    (tx) =>
      insertPlan(tx, {
        id: ctx.ids(),
        orgUnitId: resident.orgUnitId,
        orgPath: resident.orgPath,
        residentId: resident.id,
        residentNameMask: maskGivenName(resident.name),
        tagEnc: ctx.pii.encrypt(input.tag),
        tagHash,
        frequencyDays: input.frequencyDays,
        assigneeKind: input.assigneeKind,
        assigneeUserId: input.assigneeUserId,
        nextDueAt: input.firstDueAt ?? new Date(now.getTime() + input.frequencyDays * DAY),
        noteEnc: input.note ? ctx.pii.encrypt(input.note) : null,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      }),
    {
      action: 'care.plan_create',
      entityType: 'care_plan',
      view: (p) => ({
        frequencyDays: p.frequencyDays,
        assigneeKind: p.assigneeKind,
        assigneeUserId: p.assigneeUserId,
      }),
    },
  );
  return (await planDtos(ctx, [row]))[0]!;
}

export async function updatePlan(ctx: ActorCtx, id: string, input: PlanPatch): Promise<PlanDto> {
  const p = await foundInReach(plansPolicy, ctx, 'plan', () => findPlan(ctx.db, ctx.actor, id, 'plan'));
  const kind = input.assigneeKind ?? p.assigneeKind;
  const user = input.assigneeUserId ?? p.assigneeUserId;
  if (kind !== p.assigneeKind || user !== p.assigneeUserId) await checkAssignee(ctx, kind, user, p.orgPath);
  const now = ctx.clock.now();
  const patch: Partial<PlanRow> = { updatedAt: now, assigneeKind: kind, assigneeUserId: user };
  if (input.frequencyDays !== undefined && input.frequencyDays !== p.frequencyDays) {
    patch.frequencyDays = input.frequencyDays;
    const from = p.lastVisitAt ?? p.createdAt;
    patch.nextDueAt = new Date(from.getTime() + input.frequencyDays * DAY);
  }
  if (input.active !== undefined) {
    patch.active = input.active;
    if (input.active && !p.active)
      patch.nextDueAt = new Date(now.getTime() + (input.frequencyDays ?? p.frequencyDays) * DAY);
  }
  if (input.note !== undefined) patch.noteEnc = input.note ? ctx.pii.encrypt(input.note) : null;
  const row = await versionedAuditedUpdate(ctx, (tx) => updatePlanRow(tx, p.id, input.version, patch), {
    action: 'care.plan_update',
    entityType: 'care_plan',
    stale: 'care.stale',
    before: { frequencyDays: p.frequencyDays, assigneeUserId: p.assigneeUserId, active: p.active },
    after: (u) => ({ frequencyDays: u.frequencyDays, assigneeUserId: u.assigneeUserId, active: u.active }),
  });
  return (await planDtos(ctx, [row]))[0]!;
}

export async function listPlans(ctx: ActorCtx, q: PlanListQuery): Promise<Page<PlanDto>> {
  requireReader(ctx);
  const underPath = await filterPath(ctx, q.orgUnitId);
  const page = await listPlanRows(ctx.db, ctx.actor, {
    view: q.view,
    tagHash: q.tag ? tagHashOf(ctx, q.tag) : undefined,
    underPath,
    now: ctx.clock.now(),
    page: q.page,
    pageSize: q.pageSize,
  });
  return { ...page, items: await planDtos(ctx, page.items) };
}

export async function getPlan(ctx: ActorCtx, id: string): Promise<PlanDetailDto> {
  const p = await readablePlan(ctx, id);
  const [dto] = await planDtos(ctx, [p]);
  const [visits, misses] = await Promise.all([visitsOf(ctx.db, p.id), missesOf(ctx.db, p.id)]);
  const names = await userDisplayNames(
    ctx.db,
    visits.map((v) => v.visitorUserId),
  );
  return {
    ...dto!,
    visits: visits.map((v) => ({
      id: v.id,
      planId: v.planId,
      visitedAt: v.visitedAt,
      place: ctx.pii.decrypt(v.placeEnc),
      lat: v.lat,
      lng: v.lng,
      outcome: v.outcome as PlanDetailDto['visits'][number]['outcome'],
      note: v.noteEnc ? ctx.pii.decrypt(v.noteEnc) : null,
      visitorName: names.get(v.visitorUserId) ?? null,
    })),
    misses: misses.map((m) => ({ planId: m.planId, dueAt: m.dueAt, flaggedAt: m.flaggedAt })),
  };
}

/**
 * R-SV-3: a visit logged (usually on the phone) with its time and place; the next visit falls due one
 * period after it. Staff with care.visit log on any plan in scope; a volunteer or grid worker on their own.
 */
export async function logVisit(ctx: ActorCtx, id: string, input: VisitBody): Promise<PlanDetailDto> {
  const p = await readablePlan(ctx, id);
  if (!plansPolicy.can(ctx.actor, 'visit', p) && !plansPolicy.can(ctx.actor, 'visit_own', p))
    throw forbidden();
  if (!p.active) throw new AppError('care.plan_inactive', 409);
  const now = ctx.clock.now();
  const at = input.visitedAt ?? now;
  if (at.getTime() > now.getTime() + 5 * 60_000 || at.getTime() < now.getTime() - 30 * DAY)
    throw new AppError('care.visit_time', 422);
  await ctx.db.transaction(async (tx) => {
    const v = await insertVisit(tx, {
      id: ctx.ids(),
      planId: p.id,
      orgPath: p.orgPath,
      visitedAt: at,
      placeEnc: ctx.pii.encrypt(input.place),
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      outcome: input.outcome,
      noteEnc: input.note ? ctx.pii.encrypt(input.note) : null,
      visitorUserId: ctx.actor.userId,
      createdAt: now,
    });
    const latest = !p.lastVisitAt || at > p.lastVisitAt;
    if (latest) {
      const next = new Date(at.getTime() + p.frequencyDays * DAY);
      const u = await updatePlanRow(tx, p.id, p.version, {
        lastVisitAt: at,
        nextDueAt: next > p.nextDueAt ? next : p.nextDueAt,
        updatedAt: now,
      });
      if (!u) throw new AppError('care.stale', 409);
    }
    await auditRecord(tx, ctx, p, {
      action: 'care.visit',
      entityType: 'care_plan',
      after: {
        visitId: v.id,
        visitedAt: at.toISOString(),
        outcome: input.outcome,
        located: input.lat != null,
      },
    });
  });
  return getPlan(ctx, p.id);
}

/** The resident's name and contact data for the plan's visitor or staff with care.reveal (audited). */
export async function revealPlan(ctx: ActorCtx, id: string) {
  const p = await readablePlan(ctx, id);
  if (!plansPolicy.can(ctx.actor, 'reveal', p) && p.assigneeUserId !== ctx.actor.userId) throw forbidden();
  const who = await residentIdentity(ctx.db, ctx.pii, p.residentId);
  if (!who) throw notFound();
  await auditRecordAccess(ctx, p, {
    action: 'care.reveal',
    entityType: 'care_plan',
    after: { residentId: p.residentId },
  });
  return who;
}

/**
 * Missed visits (R-SV-3): every active plan whose visit fell due and was not made gets a miss per period
 * (claimed once per plan and due time, so several processes and retried jobs never double it), and its
 * next visit moves on one period at a time past now. Run by the `care.missed-visits` job.
 */
export async function flagMissedVisits(ctx: UseCaseCtx): Promise<number> {
  const now = ctx.clock.now();
  let flagged = 0;
  for (const due of await duePlans(ctx.db, now, 500)) {
    flagged += await ctx.db.transaction(async (tx) => {
      const p = await lockPlan(tx, due.id);
      if (!p?.active || p.nextDueAt >= now) return 0;
      let next = p.nextDueAt;
      let n = 0;
      for (let i = 0; i < 60 && next < now; i++) {
        if (
          await insertMiss(tx, {
            id: ctx.ids(),
            planId: p.id,
            orgPath: p.orgPath,
            dueAt: next,
            flaggedAt: now,
          })
        )
          n++;
        next = new Date(next.getTime() + p.frequencyDays * DAY);
      }
      await updatePlanRow(tx, p.id, p.version, { nextDueAt: next, updatedAt: now });
      if (n > 0)
        await auditRecord(tx, ctx, p, {
          action: 'care.missed',
          entityType: 'care_plan',
          after: { missed: n, nextDueAt: next.toISOString() },
        });
      return n;
    });
  }
  return flagged;
}

// ---------------------------------------------------------------- temporary relief

const RELIEF_PLACE_KINDS = ['community', 'grid', 'compound', 'building', 'household'];

function reliefActions(ctx: ActorCtx, r: ReliefRow): ReliefDto['actions'] {
  const out: ReliefDto['actions'] = [];
  if (r.state === 'applied' && reliefPolicy.can(ctx.actor, 'approve', r)) out.push('approve', 'reject');
  if (r.state === 'approved' && reliefPolicy.can(ctx.actor, 'apply', r)) out.push('grant');
  return out;
}

async function reliefDtos(ctx: ActorCtx, rows: ReliefRow[]): Promise<ReliefDto[]> {
  const units = new Map(
    (
      await unitsByIds(
        ctx.db,
        rows.map((r) => r.orgUnitId),
      )
    ).map((u) => [u.id, u.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    unitName: units.get(r.orgUnitId) ?? null,
    emergencyPlace: r.emergencyPlace,
    applicantNameMask: r.applicantNameMask,
    idNumberMask: r.idNumberMask,
    phoneMask: r.phoneMask,
    hukouPlace: r.hukouPlace,
    localHukou: r.localHukou,
    reason: r.reason,
    items: r.items.map((i) => ({
      kind: i.kind as ReliefDto['items'][number]['kind'],
      description: i.description,
      amountFen: i.amountFen,
      provider: i.provider,
    })),
    totalFen: r.totalFen,
    moneyFen: r.moneyFen,
    state: r.state as ReliefDto['state'],
    decisionNote: r.decisionNote,
    decidedByName: r.decidedByName,
    decidedAt: r.decidedAt,
    grantedAt: r.grantedAt,
    createdAt: r.createdAt,
    version: r.version,
    actions: reliefActions(ctx, r),
  }));
}

const chinaDate = chinaDateCompact;

/**
 * R-SV-3: temporary relief applied for at the place where the emergency happened — the unit handling it is
 * that place, and a non-local household registration never bars the application (it is recorded, not
 * checked). Items mix money, goods and services; money needs an amount; totals in fen.
 */
export async function applyRelief(ctx: ActorCtx, input: ReliefBody): Promise<ReliefDto> {
  reliefPolicy.require(ctx.actor, 'apply');
  const place = await unitInScope(ctx.db, ctx.actor, 'care.relief', input.placeUnitId);
  if (place?.status !== 'active') throw notFound();
  if (!RELIEF_PLACE_KINDS.includes(place.kind)) throw new AppError('care.place_kind', 422);
  const idNumber = storedIdNumber(input.idNumber);
  if (idNumber && idNumberProblem(idNumber)) throw new AppError('care.id_number', 422);
  const phone = storedPhone(input.phone);
  if (phone && !isValidMobile(phone)) throw new AppError('care.phone', 422);
  for (const i of input.items)
    if (i.kind === 'money' && !(i.amountFen && i.amountFen > 0)) throw new AppError('care.money_amount', 422);
  const items = input.items.map((i) => ({
    kind: i.kind,
    description: i.description,
    amountFen: i.amountFen ?? null,
    provider: i.provider ?? null,
  }));
  const totalFen = items.reduce((s, i) => s + (i.amountFen ?? 0), 0);
  const moneyFen = items.filter((i) => i.kind === 'money').reduce((s, i) => s + (i.amountFen ?? 0), 0);
  const now = ctx.clock.now();
  const id = ctx.ids();
  const row = await auditedWrite(
    ctx,
    (tx) =>
      insertRelief(tx, {
        id,
        number: `LS${chinaDate(now)}${id.replace(/-/g, '').slice(-6).toUpperCase()}`,
        orgUnitId: place.id,
        orgPath: place.path,
        emergencyPlace: input.emergencyPlace,
        applicantNameEnc: ctx.pii.encrypt(input.applicantName),
        applicantNameMask: maskGivenName(input.applicantName),
        ...sealedIdNumber(ctx.pii, idNumber),
        phoneEnc: phone ? ctx.pii.encrypt(phone) : null,
        phoneMask: phone ? maskPhone(phone) : null,
        hukouPlace: input.hukouPlace,
        localHukou: input.localHukou,
        reason: input.reason,
        items,
        totalFen,
        moneyFen,
        state: 'applied',
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      }),
    {
      action: 'care.relief_apply',
      entityType: 'care_relief',
      view: (r) => ({ number: r.number, localHukou: r.localHukou, totalFen, moneyFen, items: items.length }),
    },
  );
  return (await reliefDtos(ctx, [row]))[0]!;
}

/** approve / reject (the subdistrict, care.approve), then grant (the handling unit, care.relief). */
export async function actOnRelief(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof reliefActionBody>,
): Promise<ReliefDto> {
  const r = await findRelief(ctx.db, ctx.actor, 'read', id);
  if (!r) throw notFound();
  const needs = input.action === 'grant' ? 'apply' : 'approve';
  if (!reliefPolicy.can(ctx.actor, needs, r)) throw forbidden();
  const from = input.action === 'grant' ? 'approved' : 'applied';
  if (r.state !== from) throw new AppError('care.relief_step', 409);
  const now = ctx.clock.now();
  const patch: Partial<ReliefRow> =
    input.action === 'grant'
      ? { state: 'granted', grantedAt: now, updatedAt: now }
      : {
          state: input.action === 'approve' ? 'approved' : 'rejected',
          decisionNote: input.note ?? null,
          decidedBy: ctx.actor.userId,
          decidedByName: ctx.actor.displayName,
          decidedAt: now,
          updatedAt: now,
        };
  const row = await versionedAuditedUpdate(ctx, (tx) => updateRelief(tx, r.id, input.version, from, patch), {
    action: `care.relief_${input.action}`,
    entityType: 'care_relief',
    stale: 'care.stale',
    before: { state: r.state },
    after: (u) => ({ state: u.state, note: input.note ?? null }),
  });
  return (await reliefDtos(ctx, [row]))[0]!;
}

export async function listRelief(
  ctx: ActorCtx,
  q: z.infer<typeof reliefListQuery>,
): Promise<Page<ReliefDto>> {
  reliefPolicy.require(ctx.actor, 'read');
  const underPath = await filterPath(ctx, q.orgUnitId);
  const page = await listReliefRows(ctx.db, ctx.actor, { ...q, underPath });
  return { ...page, items: await reliefDtos(ctx, page.items) };
}

/** The relief case with this id in reach for `action` (403 without its permission, 404 out of reach). */
async function reliefFor(ctx: ActorCtx, action: ReliefAction, id: string): Promise<ReliefRow> {
  return foundInReach(reliefPolicy, ctx, action, () => findRelief(ctx.db, ctx.actor, action, id));
}

export async function getRelief(ctx: ActorCtx, id: string): Promise<ReliefDto> {
  const r = await reliefFor(ctx, 'read', id);
  return (await reliefDtos(ctx, [r]))[0]!;
}

export async function revealRelief(ctx: ActorCtx, id: string) {
  const r = await reliefFor(ctx, 'reveal', id);
  await auditRecordAccess(ctx, r, {
    action: 'care.relief_reveal',
    entityType: 'care_relief',
  });
  return {
    name: ctx.pii.decrypt(r.applicantNameEnc),
    phone: r.phoneEnc ? ctx.pii.decrypt(r.phoneEnc) : null,
    idNumber: r.idNumberEnc ? ctx.pii.decrypt(r.idNumberEnc) : null,
  };
}
