import { deadlineSteps, statusTableColumns, statusTransitionAudit } from '../../platform/workflowTable';
import {
  CONFIRM_REMIND_DAYS_BEFORE,
  CONFIRM_WINDOW_DAYS,
  DS_ACTIONS,
  DS_STATUSES,
  DS_TRANSITIONS,
  type ActionBody,
  type DsAction,
  type DsStatus,
  MEDIATION_DAYS,
  committeeProblem,
} from '../../../shared/contracts/disputes';
import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { type Prepared, defineWorkflow, machineTransitions, stepKey } from '../../platform/workflow';
import { statusEventWriter, statusStepColumns } from '../../platform/workflowEvents';
import { unitById } from '../org/org.api';
import { auditDispute } from './disputes.audit';
import { findListEntry, limitsOf } from './disputes.config';
import { notifyConfirmWindow, notifyDiverted, notifyOverdue } from './disputes.notify';
import { bodyServes, mayAct } from './disputes.policy';
import {
  type DisputeRow,
  bodyById,
  insertEvent,
  insertSession,
  markPartyRefused,
  membersOf,
  partiesOf,
  partyOf,
  patchDispute,
} from './disputes.repository';
import { dsDisputes, dsEvents, dsSteps } from './disputes.table';

const DAY = 86_400_000;
const MINUTE = 60_000;

const need = (v: unknown, code: string) => {
  if (v === undefined || v === null || v === '') throw new AppError(code, 422);
};

/** The patch, event and effects of each step (DS_TRANSITIONS says which steps exist and who takes them). */
async function prepare(
  d: DisputeRow,
  action: DsAction,
  input: ActionBody,
  ctx: UseCaseCtx,
): Promise<Prepared<DsStatus, DisputeRow>> {
  const now = ctx.clock.now();
  const note = input.note ?? null;
  const event = { note };
  switch (action) {
    case 'divert': {
      // R-DS-1: diverted by type against the classification lists.
      if (!input.list || !input.entryCode) throw new AppError('disputes.list_entry_required', 422);
      const entry = await findListEntry(ctx.db, input.list, input.entryCode);
      if (!entry) throw new AppError('disputes.list_entry_required', 422);
      const ticketKind = input.ticketKind ?? entry.suggestedTicket;
      // R-WO-4: the responsible community lies in the centre's subdistrict; none = the centre's one window.
      let orgUnitId = d.dispatchPath.split('/').filter(Boolean).at(-1)!;
      let orgPath = d.dispatchPath;
      let communityId: string | null = null;
      if (input.communityId) {
        const c = await unitById(ctx.db, input.communityId);
        if (c?.kind !== 'community' || c.status !== 'active' || !c.path.startsWith(d.dispatchPath))
          throw new AppError('disputes.community_outside', 422);
        orgUnitId = c.id;
        orgPath = c.path;
        communityId = c.id;
      }
      let bodyId: string | null = null;
      if (input.bodyId) {
        const b = await bodyById(ctx.db, input.bodyId);
        if (!b?.active || !bodyServes(b, { orgPath })) throw new AppError('disputes.body_unavailable', 422);
        bodyId = b.id;
      }
      const limits = await limitsOf(ctx.db);
      return {
        patch: {
          ticketKind,
          listEntry: {
            list: entry.list,
            version: entry.version,
            code: entry.code,
            name: entry.name,
            category: entry.category,
          },
          orgUnitId,
          orgPath,
          communityId,
          bodyId,
          specialAssignment: input.specialAssignment ?? false,
          divertNote: note,
          divertedAt: now,
          acceptDueAt: new Date(now.getTime() + limits[ticketKind].acceptMinutes * MINUTE),
          acceptedAt: null,
          finishDueAt: null,
          overdueAt: null,
        },
        event,
        data: {
          ticketKind,
          entry: entry.code,
          communityId,
          bodyId,
          specialAssignment: !!input.specialAssignment,
        },
      };
    }
    case 'return':
      need(note, 'disputes.note_required');
      return {
        patch: {
          orgUnitId: d.placeUnitId,
          orgPath: d.placePath,
          communityId: null,
          acceptDueAt: null,
          overdueAt: null,
        },
        event,
      };
    case 'accept': {
      const limits = await limitsOf(ctx.db);
      const kind = (d.ticketKind ?? 'regular') as keyof typeof limits;
      return {
        patch: {
          acceptedAt: now,
          finishDueAt: new Date(now.getTime() + limits[kind].finishMinutes * MINUTE),
          overdueAt: null,
        },
        event,
      };
    }
    case 'supervise':
      need(note, 'disputes.note_required');
      return { patch: { supervisions: d.supervisions + 1 }, event };
    case 'start_mediation': {
      // R-LAW-MD-1: no mediation if a party refuses; a committee of 3–9 including a woman.
      const parties = await partiesOf(ctx.db, [d.id]);
      if (parties.some((p) => p.refusedAt)) throw new AppError('disputes.party_refused', 409);
      const body = await bodyById(ctx.db, input.bodyId ?? d.bodyId ?? '');
      if (!body?.active || body.kind !== 'mediation_committee')
        throw new AppError('disputes.committee_required', 422);
      if (!bodyServes(body, d)) throw new AppError('disputes.body_unavailable', 422);
      const members = await membersOf(ctx.db, [body.id]);
      const problem = committeeProblem(members);
      if (problem)
        throw new AppError(problem === 'size' ? 'disputes.committee_size' : 'disputes.committee_woman', 422);
      const ids = input.mediatorIds ?? [];
      if (ids.length === 0 || !ids.every((id) => members.some((m) => m.id === id)))
        throw new AppError('disputes.mediators_required', 422);
      // Joint mediation (R-DS-2): each joining body active and serving this dispute's unit.
      const joint = [...new Set(input.jointBodyIds ?? [])].filter((id) => id !== body.id);
      for (const id of joint) {
        const b = await bodyById(ctx.db, id);
        if (!b?.active || !bodyServes(b, d)) throw new AppError('disputes.body_unavailable', 422);
      }
      return {
        patch: {
          bodyId: body.id,
          jointBodyIds: joint,
          mediatorIds: [...new Set(ids)],
          mediationStartedAt: now,
          mediationDueAt: new Date(now.getTime() + MEDIATION_DAYS * DAY),
        },
        event,
        data: { bodyId: body.id, mediators: ids.length, jointBodies: joint.length },
      };
    }
    case 'refuse': {
      if (!input.partyId) throw new AppError('disputes.party_required', 422);
      const party = await partyOf(ctx.db, d.id, input.partyId);
      if (!party) throw new AppError('disputes.party_required', 422);
      need(note, 'disputes.note_required');
      return {
        patch: { outcome: 'refused', outcomeNote: note, finishedAt: now },
        event,
        data: { partyId: party.id, role: party.role },
        effects: [(tx) => markPartyRefused(tx, party.id, now, note!)],
      };
    }
    case 'session': {
      need(input.record, 'disputes.record_required');
      const heldAt = input.heldAt ?? now;
      return {
        event: { note: input.record },
        data: { heldAt: heldAt.toISOString() },
        effects: [
          (tx) =>
            insertSession(tx, {
              id: ctx.ids(),
              disputeId: d.id,
              heldAt,
              place: input.place ?? null,
              record: input.record!,
              recordedBy: ctx.actor?.displayName ?? null,
              createdAt: now,
            }),
        ],
      };
    }
    case 'extend': {
      // R-LAW-MD-3: beyond one month only with the parties' recorded consent.
      if (!input.days || !note) throw new AppError('disputes.consent_required', 422);
      const from = d.mediationDueAt ?? now;
      return {
        patch: { mediationDueAt: new Date(from.getTime() + input.days * DAY) },
        event,
        data: { days: input.days },
      };
    }
    case 'agree': {
      // R-LAW-MD-2: the contents the law requires; effective once signed and sealed.
      const a = input.agreement;
      if (!a) throw new AppError('disputes.agreement_incomplete', 422);
      if (!a.partiesSigned || !a.mediatorSigned || !a.committeeSealed)
        throw new AppError('disputes.agreement_unsigned', 422);
      const parties = await partiesOf(ctx.db, [d.id]);
      const confirmDueAt = new Date(now.getTime() + CONFIRM_WINDOW_DAYS * DAY);
      return {
        patch: {
          agreement: { ...a, copies: parties.length + 1, parties: parties.length },
          agreementEffectiveAt: now,
          // R-LAW-MD-3: joint application for judicial confirmation within 30 days of taking effect.
          confirmDueAt,
          confirmRemindAt: new Date(confirmDueAt.getTime() - CONFIRM_REMIND_DAYS_BEFORE * DAY),
          outcome: 'agreement',
          outcomeNote: note,
          finishedAt: now,
        },
        event,
      };
    }
    case 'fail':
      // R-LAW-MD-1: a failed mediation is terminated and the parties told their legal options.
      need(input.legalOptions, 'disputes.legal_options_required');
      return {
        patch: { outcome: 'failed', outcomeNote: input.legalOptions!, finishedAt: now },
        event: { note: [note, input.legalOptions].filter(Boolean).join('；') },
      };
    case 'finish':
      need(note, 'disputes.note_required');
      return { patch: { outcome: 'resolved', outcomeNote: note, finishedAt: now }, event };
    case 'follow_up':
      // Follow-up on performance: only where an agreement exists, with what was found.
      if (!d.agreementEffectiveAt) throw new AppError('disputes.no_agreement', 409);
      if (!input.performance || !note) throw new AppError('disputes.follow_up_fields', 422);
      return {
        patch: {},
        event: { note: `${PERFORMANCE[input.performance]}：${note}` },
        data: { performance: input.performance },
      };
    case 'close':
      if (!input.rating || !input.resolutionLevel) throw new AppError('disputes.close_fields', 422);
      return {
        patch: { closedAt: now, rating: input.rating, resolutionLevel: input.resolutionLevel },
        event,
        data: { rating: input.rating, resolutionLevel: input.resolutionLevel },
      };
  }
}

const PERFORMANCE = { performed: '已履行', partial: '部分履行', not_performed: '未履行' } as const;

/** A deadline's work on the locked row: an event on the timeline, the audit entry, and the patch. */
function deadlineFire(
  action: string,
  patch: (d: DisputeRow, now: Date) => Partial<DisputeRow>,
  tell?: (tx: Db, ctx: UseCaseCtx, d: DisputeRow) => Promise<unknown>,
) {
  return async (tx: Db, ctx: UseCaseCtx, d: DisputeRow) => {
    const now = ctx.clock.now();
    await patchDispute(tx, d.id, patch(d, now));
    // The sweep runs as the system (no actor): named 系统.
    await insertEvent(tx, {
      ...statusStepColumns(ctx, { action, from: d.status, to: d.status }, now),
      disputeId: d.id,
    });
    await auditDispute(tx, ctx, d, `disputes.${action}`, { status: d.status });
    await tell?.(tx, ctx, d);
  };
}

const escalate = deadlineFire(
  'escalate',
  (d, now) => ({ overdueAt: d.overdueAt ?? now, escalations: d.escalations + 1 }),
  notifyOverdue,
);

/**
 * Disputes on the platform workflow engine: the transition table is the shared `DS_TRANSITIONS`; the
 * deadlines escalate tickets not accepted or not finished within their limits (R-WO-3 即接即办、限时办结),
 * flag a mediation past its month (R-LAW-MD-3), and remind before the 30-day window for judicial
 * confirmation closes (R-LAW-MD-3); each claimed once in `ds_steps`.
 */
export const disputeWorkflow = defineWorkflow<DsStatus, DisputeRow, DsAction, ActionBody>({
  name: 'disputes.dispute',
  states: DS_STATUSES,
  transitions: machineTransitions(DS_ACTIONS, DS_TRANSITIONS),
  authorize: (actor, d, action) => mayAct(actor, d, action),
  prepare,
  // The receiving unit hears of a diverted ticket at once (R-WO-3 即接即办).
  afterTransition: async (tx, ctx, e) => {
    if (e.action === 'divert') await notifyDiverted(tx, ctx, e.updated);
  },
  adapter: {
    ...statusTableColumns(dsDisputes),
    writeEvent: statusEventWriter(dsEvents, 'disputeId'),
    audit: statusTransitionAudit('disputes', 'ds_dispute', {
      before: (e) => ({ orgPath: e.record.orgPath }),
    }),
    steps: deadlineSteps(dsSteps, dsSteps.disputeId),
  },
  errors: {
    invalidTransition: (d) => new AppError('disputes.invalid_transition', 409, {}, { state: d.status }),
    forbidden: () => new AppError('disputes.not_yours', 403),
    conflict: () => new AppError('workflow.conflict', 409),
  },
  deadlines: [
    {
      name: 'accept_overdue',
      states: ['diverted'],
      due: dsDisputes.acceptDueAt,
      step: stepKey('accept:', dsDisputes.acceptDueAt),
      fire: escalate,
    },
    {
      name: 'finish_overdue',
      states: ['accepted', 'mediating'],
      due: dsDisputes.finishDueAt,
      step: stepKey('finish:', dsDisputes.finishDueAt),
      fire: escalate,
    },
    {
      name: 'mediation_due',
      states: ['mediating'],
      due: dsDisputes.mediationDueAt,
      step: stepKey('mediation:', dsDisputes.mediationDueAt),
      fire: deadlineFire('mediation_due', () => ({})),
    },
    {
      name: 'confirm_reminder',
      states: ['agreed', 'closed'],
      due: dsDisputes.confirmRemindAt,
      step: stepKey('confirm:', dsDisputes.confirmRemindAt),
      fire: deadlineFire('confirm_reminder', () => ({}), notifyConfirmWindow),
    },
  ],
});
