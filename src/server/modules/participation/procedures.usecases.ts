import { activeUnitFor, listUnder, unitNamesOf } from './participation.units';
import type { z } from 'zod';
import {
  MEETING_RULES,
  type MatterClass,
  type MeetingKind,
  type ProcedureDto,
  type createProcedureBody,
  passWords,
  type procedureListQuery,
  type stepBody,
  templateOf,
} from '../../../shared/contracts/participation';
import { foundInReach } from '../../platform/findInScope';
import { insertUnitRowAudited } from '../../platform/auditedUnitInsert';
import { auditRecord } from '../../platform/recordAudit';
import type { ActorCtx } from '../../platform/context';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { unitHead } from '../../platform/unitHead';
import { findDisclosure } from './disclosures.repository';
import type { Locale } from './meetings.usecases';
import { proceduresPolicy } from './participation.policy';
import { findMeeting, findMotion } from './participation.repository';
import {
  type ProcedureRow,
  completeStep,
  disclosureUsed,
  findProcedure,
  insertProcedure,
  linkedTitles,
  listProcedureRows,
  stepsOf,
} from './procedures.repository';

async function toDtos(ctx: ActorCtx, rows: ProcedureRow[], loc: Locale): Promise<ProcedureDto[]> {
  const names = await unitNamesOf(ctx.db, rows);
  const steps = await stepsOf(
    ctx.db,
    rows.map((p) => p.id),
  );
  const linked = await linkedTitles(ctx.db, steps);
  return rows.map((p) => {
    const tpl = templateOf(p.template)!;
    const done = steps.filter((s) => s.procedureId === p.id);
    return {
      ...unitHead(p, names),
      template: p.template,
      templateName: tpl.name[loc],
      title: p.title,
      matter: p.matter,
      matterClass: (p.matterClass as MatterClass | null) ?? null,
      status: p.status as ProcedureDto['status'],
      nextStep: tpl.steps[p.step]?.key ?? null,
      createdAt: p.createdAt,
      steps: tpl.steps.map((st, idx) => {
        const s = done.find((x) => x.idx === idx);
        const meeting = linked.meetings.find((m) => m.id === s?.meetingId);
        const motion = linked.motions.find((m) => m.id === s?.motionId);
        return {
          key: st.key,
          kind: st.kind,
          name: st.name[loc],
          meetingKinds: [...(st.meetingKinds ?? [])],
          done: !!s,
          note: s?.note ?? null,
          meetingId: s?.meetingId ?? null,
          meetingTitle: meeting?.title ?? null,
          motionTitle: motion?.title ?? null,
          motionWords:
            motion && meeting && motion.yes !== null
              ? passWords(
                  motion.yes,
                  motion.presentAtVote ?? 0,
                  meeting.due,
                  MEETING_RULES[meeting.kind as MeetingKind].pass,
                  loc,
                )
              : null,
          disclosureId: s?.disclosureId ?? null,
          disclosureTitle: linked.disclosures.find((d) => d.id === s?.disclosureId)?.title ?? null,
          completedAt: s?.completedAt ?? null,
        };
      }),
      canAct: p.status === 'running' && proceduresPolicy.can(ctx.actor, 'manage', p),
    };
  });
}

export const listProcedures = listUnder(
  proceduresPolicy,
  (ctx, q: z.infer<typeof procedureListQuery>, path) => listProcedureRows(ctx.db, ctx.actor, { ...q, path }),
  toDtos,
);

export async function getProcedure(ctx: ActorCtx, id: string, loc: Locale): Promise<ProcedureDto> {
  const p = await foundInReach(proceduresPolicy, ctx, 'read', () =>
    findProcedure(ctx.db, ctx.actor, 'read', id),
  );
  return (await toDtos(ctx, [p], loc))[0]!;
}

/**
 * Starts a major matter on a template (R-DL-4): villages and residents' committees alike, with its “三重一大”
 * class when it is one (seed 002 二.2, S002-05).
 */
export async function createProcedure(
  ctx: ActorCtx,
  input: z.infer<typeof createProcedureBody>,
  loc: Locale,
) {
  proceduresPolicy.require(ctx.actor, 'manage');
  const unit = await activeUnitFor(ctx, 'participation.manage', input.orgUnitId);
  const p = await insertUnitRowAudited(
    ctx,
    unit,
    insertProcedure,
    {
      template: input.template,
      title: input.title,
      matter: input.matter,
      matterClass: input.matterClass ?? null,
      step: 0,
      status: 'running',
      createdBy: ctx.actor.userId,
    },
    {
      action: 'participation.procedure.create',
      entityType: 'pt_procedure',
      view: (row) => ({ template: row.template, title: row.title, matterClass: row.matterClass }),
    },
  );
  return (await toDtos(ctx, [p], loc))[0]!;
}

const under = (path: string, root: string) => path.startsWith(root);

/**
 * Completes the procedure's next step (R-DL-4, R-LAW-MT-4): steps go in the template's order and none is
 * skipped; a meeting step needs a closed, quorate meeting of an allowed kind in the matter's unit with a
 * passed motion; a disclosure step a decision posting of that unit already up, not used by another step.
 */
export async function completeProcedureStep(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof stepBody>,
  loc: Locale,
) {
  proceduresPolicy.require(ctx.actor, 'manage');
  const p = await ctx.db.transaction(async (tx) => {
    const row = await findProcedure(tx, ctx.actor, 'manage', id, true);
    if (!row) throw notFound();
    if (row.status === 'done') throw new AppError('participation.procedure_done', 409);
    const tpl = templateOf(row.template)!;
    const step = tpl.steps[row.step]!;
    if (input.step !== step.key)
      throw new AppError('participation.step_order', 409, { step: step.name[loc] });
    const now = ctx.clock.now();
    const link: { meetingId?: string; motionId?: string; disclosureId?: string } = {};
    if (step.kind === 'record' && !input.note) throw invalidField('note', 'participation.step_note');
    if (step.kind === 'meeting') {
      const m = input.meetingId ? await findMeeting(tx, ctx.actor, 'read', input.meetingId) : undefined;
      if (!m || !under(m.orgPath, row.orgPath)) throw invalidField('meetingId', 'participation.step_meeting');
      if (!step.meetingKinds?.includes(m.kind as MeetingKind))
        throw invalidField('meetingId', 'participation.step_meeting_kind');
      if (m.status !== 'closed' || !m.quorumMet)
        throw invalidField('meetingId', 'participation.step_meeting');
      const motion = input.motionId ? await findMotion(tx, m.id, input.motionId) : undefined;
      if (!motion?.passed) throw invalidField('motionId', 'participation.step_motion');
      link.meetingId = m.id;
      link.motionId = motion.id;
    }
    if (step.kind === 'disclosure') {
      const d = input.disclosureId
        ? await findDisclosure(tx, ctx.actor, 'read', input.disclosureId)
        : undefined;
      if (!d || !under(d.orgPath, row.orgPath) || d.kind !== 'decision' || d.postedAt > now)
        throw invalidField('disclosureId', 'participation.step_disclosure');
      if (await disclosureUsed(tx, d.id)) throw invalidField('disclosureId', 'participation.step_disclosure');
      link.disclosureId = d.id;
    }
    const last = row.step === tpl.steps.length - 1;
    const ok = await completeStep(
      tx,
      row,
      {
        id: ctx.ids(),
        procedureId: row.id,
        idx: row.step,
        key: step.key,
        note: input.note ?? null,
        ...link,
        completedBy: ctx.actor.userId,
        completedAt: now,
      },
      last,
      now,
    );
    if (!ok) throw new AppError('workflow.conflict', 409);
    await auditRecord(tx, ctx, row, {
      action: 'participation.procedure.step',
      entityType: 'pt_procedure',
      after: { step: step.key, ...link, done: last },
    });
    return { ...row, step: row.step + 1, status: last ? 'done' : 'running' };
  });
  return (await toDtos(ctx, [p], loc))[0]!;
}
