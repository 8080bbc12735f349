import { chinaDate } from '../../../shared/chinaTime';
import {
  type FileReportBody,
  REPORT_STATES,
  type ReportState,
  APPLICATION_STATES,
  type ApplicationAction,
  type ApplicationActionBody,
  type ApplicationState,
} from '../../../shared/contracts/projects';
import { type NotifyInput, notify } from '../notifications/notifications.api';
import { unitNames } from '../org/org.api';
import { AppError } from '../../platform/errors';
import { isNull } from 'drizzle-orm';
import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { commentGuard, defineWorkflow, stepKey } from '../../platform/workflow';
import { stateEventWriter } from '../../platform/workflowEvents';
import { stateTableColumns, stateTransitionAudit } from '../../platform/workflowTable';
import { type ApplicationAction as PolicyAction, applicationsPolicy } from './projects.policy';
import {
  type ApplicationRow,
  type CallRow,
  callById,
  findApplicationById,
  insertEvent,
  insertReports,
  markOverdue,
  markProjectOverdue,
  markReportOverdue,
  type ReportRow,
  selectedCount,
} from './projects.repository';
import { pjApplicationEvents, pjApplications, pjReports, pjSteps } from './projects.table';
import { checkSubdistrictQuota } from './projects.evaluation.repository';
import { sealThroughLog } from './projects.seal';
import { hasConsultationLink } from './projects.links.repository';
import { auditApplication } from './projects.audit';
import { audited } from '../../platform/auditedEntity';

const auditReport = audited('pj_report');

/** What a transition is given: the request's fields and the application's call (read by the use case). */
export type ApplicationInput = ApplicationActionBody & { call: CallRow };

/** The policy action behind each step: the community applies, the subdistrict reviews, the bureau selects. */
export const STEP_ACTION: Record<ApplicationAction, PolicyAction> = {
  send: 'apply',
  return: 'review',
  approve: 'review',
  seal: 'review',
  submit: 'review',
  select: 'manage',
  reject: 'manage',
  notice: 'manage',
  complete: 'review',
  summarize: 'review',
  visit: 'manage',
  answer: 'review',
};

/** The end of a China calendar day: a deadline "by 17 March" holds through that whole day. */
export function endOfChinaDay(date: string): Date {
  return new Date(`${date}T23:59:59.999+08:00`);
}

export { chinaDate };

/** The total of budget or funding lines, in fen. */
export const sumFen = (xs: { amountFen: number }[]) => xs.reduce((n, x) => n + x.amountFen, 0);

/** R-PJ-2: before the call's application deadline (computed from the call, never a fixed date). */
function beforeDeadline(a: ApplicationRow, now: Date) {
  if (now.getTime() > a.submitDueAt.getTime())
    throw new AppError('projects.past_deadline', 409, { due: chinaDate(a.submitDueAt) });
}

/** A sendable application: specific targets, the consultation it rests on, budget lines, balanced money. */
export function checkComplete(a: ApplicationRow) {
  if (a.targets.length === 0 || !a.consultationKind || !a.consultationNote || a.budgetLines.length === 0)
    throw new AppError('projects.incomplete', 422);
  const budget = sumFen(a.budgetLines);
  const funding = sumFen(a.funding);
  if (budget !== funding)
    throw new AppError('projects.budget_unbalanced', 422, {
      budget: (budget / 100).toFixed(2),
      funding: (funding / 100).toFixed(2),
    });
}

/**
 * The months a selected project reports on (R-PJ-4): from the month after selection to the completion
 * month, each due at the start of the call's report day (China time: "每月20日前" is before the 20th).
 */
export function reportMonths(
  call: Pick<CallRow, 'completionDue' | 'reportDay'>,
  selectedAt: Date,
): { month: string; dueAt: Date }[] {
  const out: { month: string; dueAt: Date }[] = [];
  const [y0, m0] = chinaDate(selectedAt).split('-').map(Number) as [number, number];
  const end = call.completionDue.slice(0, 7);
  for (let i = 1; i <= 24; i++) {
    const y = y0 + Math.floor((m0 - 1 + i) / 12);
    const m = ((m0 - 1 + i) % 12) + 1;
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > end) break;
    const day = String(call.reportDay).padStart(2, '0');
    out.push({ month, dueAt: new Date(`${month}-${day}T00:00:00+08:00`) });
  }
  return out;
}

/** Sending and submitting: the call is still open (409) and its application day not over. */
function openAndInTime(a: ApplicationRow, input: ApplicationInput, now: Date) {
  if (input.call.status !== 'open') throw new AppError('projects.call_not_open', 409);
  beforeDeadline(a, now);
}

/** A step that records the subdistrict's or the bureau's words needs them (422 otherwise). */
const commentRequired = commentGuard('projects.comment_required');

/** The bureau selects or rejects only until the call's results are published. */
function callNotPublished(_a: ApplicationRow, input: ApplicationInput) {
  if (input.call.status === 'published') throw new AppError('projects.call_published', 409);
}

/** A deadline's entry on the application's timeline: no actor. */
function systemEvent(
  tx: Db,
  ctx: UseCaseCtx,
  applicationId: string,
  at: Date,
  e: {
    action: string;
    fromState: string | null;
    toState: string | null;
    comment: string | null;
    data: Record<string, unknown>;
  },
) {
  return insertEvent(tx, { id: ctx.ids(), applicationId, at, actorId: null, actorName: null, ...e });
}

/** One message (event, params, link) to each of the holders, in order. */
export async function notifyEach(
  tx: Db,
  ctx: UseCaseCtx,
  message: Pick<NotifyInput, 'event' | 'params' | 'link'>,
  targets: Pick<NotifyInput, 'holders' | 'unit'>[],
) {
  for (const target of targets) await notify(tx, ctx, { ...message, ...target });
}

/** The deadline sweep's claims, for both workflows. */
const steps = { table: pjSteps, recordId: pjSteps.recordId, step: pjSteps.step, at: pjSteps.at };

const sealNoOf = (a: ApplicationRow, now: Date) =>
  `YZ${chinaDate(now).replaceAll('-', '')}-${a.number.slice(-4)}`;

/** How many days before the completion and summary dates the subdistrict is reminded. */
export const PROJECT_REMIND_DAYS = 7;

const PHASE_ZH = { completion: '项目完成', summary: '总结报送' } as const;

/**
 * R-PJ-4: a selected project's completion (by the call's completion date) and closing summary (by its
 * summary date): a reminder to the subdistrict PROJECT_REMIND_DAYS before, then once overdue a flag, a
 * timeline entry, an audit record and a message to the bureau and the subdistrict.
 */
function projectDeadlines(which: 'completion' | 'summary') {
  const due = which === 'completion' ? pjApplications.completionDueAt : pjApplications.summaryDueAt;
  const done = which === 'completion' ? pjApplications.completedAt : pjApplications.summaryAt;
  const dueOf = (a: ApplicationRow) => (which === 'completion' ? a.completionDueAt : a.summaryDueAt);
  const tell = async (
    tx: Db,
    ctx: UseCaseCtx,
    a: ApplicationRow,
    event: 'projects.phase_due' | 'projects.phase_overdue',
  ) => {
    const [call, names] = await Promise.all([callById(tx, a.callId), unitNames(tx, [a.orgUnitId])]);
    const params = {
      unit: names.get(a.orgUnitId) ?? '',
      title: a.title,
      phase: PHASE_ZH[which],
      phaseEn: which === 'completion' ? 'completion' : 'closing summary',
      due: chinaDate(dueOf(a)!),
    };
    const targets: Pick<NotifyInput, 'holders'>[] = [
      { holders: { permission: 'projects.review', orgUnitId: a.subdistrictId } },
    ];
    if (event === 'projects.phase_overdue' && call)
      targets.push({ holders: { permission: 'projects.manage', orgUnitId: call.orgUnitId } });
    await notifyEach(tx, ctx, { event, params, link: `/projects/applications/${a.id}` }, targets);
  };
  return [
    {
      name: `${which}_reminder`,
      states: ['selected'] as ApplicationState[],
      due,
      afterMs: -PROJECT_REMIND_DAYS * 86_400_000,
      where: isNull(done),
      step: stepKey(`${which}_remind:`, due),
      fire: async (tx: Db, ctx: UseCaseCtx, a: ApplicationRow) => {
        if (ctx.clock.now().getTime() > dueOf(a)!.getTime()) return false;
        await tell(tx, ctx, a, 'projects.phase_due');
        return true;
      },
    },
    {
      name: `${which}_overdue`,
      states: ['selected'] as ApplicationState[],
      due,
      where: isNull(done),
      step: stepKey(`${which}_overdue:`, due),
      fire: async (tx: Db, ctx: UseCaseCtx, a: ApplicationRow) => {
        const now = ctx.clock.now();
        await markProjectOverdue(tx, a.id, which, now);
        await systemEvent(tx, ctx, a.id, now, {
          action: `${which}_overdue`,
          fromState: a.state,
          toState: a.state,
          comment: null,
          data: { due: dueOf(a)!.toISOString() },
        });
        await auditApplication(tx, ctx, `projects.application.${which}_overdue`, a.id, a, {
          after: { due: dueOf(a)!.toISOString() },
        });
        await tell(tx, ctx, a, 'projects.phase_overdue');
      },
    },
  ];
}

/**
 * Applications (R-PJ-2) on the platform workflow engine: the community sends its draft to the
 * subdistrict (town), which returns it with comments or approves and seals it, then submits it to the
 * bureau before the call's deadline (late or unsealed submissions are refused with the reason); the
 * bureau selects up to the call's quota. The deadline sweep flags applications still not submitted when
 * the call's application day has ended.
 */
export const applicationWorkflow = defineWorkflow<
  ApplicationState,
  ApplicationRow,
  ApplicationAction,
  ApplicationInput
>({
  name: 'projects.application',
  states: APPLICATION_STATES,
  transitions: {
    send: {
      from: ['draft', 'returned'],
      to: 'pending_review',
      permission: 'projects.apply',
      guard: async (a, input, ctx) => {
        openAndInTime(a, input, ctx.clock.now());
        checkComplete(a);
        // R-PJ-2 "after consulting residents": the consultation rests on a linked record or uploaded minutes.
        if (!(await hasConsultationLink(ctx.db, a.id))) throw new AppError('projects.incomplete', 422);
      },
    },
    return: {
      from: ['pending_review', 'approved'],
      to: 'returned',
      permission: 'projects.review',
      guard: commentRequired,
    },
    approve: { from: ['pending_review'], to: 'approved', permission: 'projects.review' },
    seal: { from: ['approved'], to: null, permission: 'projects.review' },
    submit: {
      from: ['approved'],
      to: 'submitted',
      permission: 'projects.review',
      guard: (a, input, ctx) => {
        openAndInTime(a, input, ctx.clock.now());
        if (!a.sealedAt) throw new AppError('projects.not_sealed', 409);
      },
    },
    select: {
      from: ['submitted'],
      to: 'selected',
      permission: 'projects.manage',
      guard: callNotPublished,
    },
    reject: {
      from: ['submitted'],
      to: 'not_selected',
      permission: 'projects.manage',
      guard: callNotPublished,
    },
    notice: {
      from: ['selected'],
      to: null,
      permission: 'projects.manage',
      guard: commentRequired,
    },
    complete: {
      from: ['selected'],
      to: null,
      permission: 'projects.review',
      guard: (a) => {
        if (a.completedAt) throw new AppError('projects.already_done', 409);
      },
    },
    summarize: {
      from: ['selected'],
      to: null,
      permission: 'projects.review',
      guard: (a, input) => {
        if (!a.completedAt) throw new AppError('projects.not_completed', 409);
        if (a.summaryAt) throw new AppError('projects.already_done', 409);
        commentRequired(a, input);
      },
    },
    visit: {
      from: ['selected'],
      to: null,
      permission: 'projects.manage',
      guard: commentRequired,
    },
    answer: {
      from: ['selected'],
      to: null,
      permission: 'projects.review',
      guard: (a, input) => {
        if (!a.visitAt || a.visitAnsweredAt) throw new AppError('projects.no_open_visit', 409);
        commentRequired(a, input);
      },
    },
  },
  authorize: (actor, a, action) => applicationsPolicy.can(actor, STEP_ACTION[action], a),
  prepare: (a, action, input, ctx) => {
    const now = ctx.clock.now();
    const comment = input.comment ?? null;
    const seal = () => ({
      sealNo: input.sealNo ?? sealNoOf(a, now),
      sealedAt: now,
      sealedBy: ctx.actor?.userId ?? null,
      sealedByName: ctx.actor?.displayName ?? null,
    });
    switch (action) {
      case 'return':
        return { patch: { reviewComment: comment }, event: { comment } };
      case 'approve': {
        const s = input.sealNo || input.seal ? seal() : null;
        const data: Record<string, unknown> = s ? { sealNo: s.sealNo } : {};
        return {
          patch: { reviewComment: comment, ...s },
          event: { comment },
          data,
          // Issue 11 §3: the seal goes through the subdistrict's seal log (R-AC-2).
          effects: s
            ? [
                async (tx, updated) => {
                  data.sealLogNo = await sealThroughLog(tx, ctx, updated);
                },
              ]
            : [],
        };
      }
      case 'seal': {
        const s = seal();
        const data: Record<string, unknown> = { sealNo: s.sealNo };
        return {
          patch: s,
          event: { comment },
          data,
          effects: [
            async (tx, updated) => {
              data.sealLogNo = await sealThroughLog(tx, ctx, updated);
            },
          ],
        };
      }
      case 'submit':
        return { patch: { submittedAt: now }, event: { comment } };
      case 'select': {
        const level = input.level ?? 'city';
        return {
          patch: {
            level,
            decidedAt: now,
            completionDueAt: endOfChinaDay(input.call.completionDue),
            summaryDueAt: endOfChinaDay(input.call.summaryDue),
          },
          event: { comment },
          data: { level },
          effects: [
            // R-PJ-2 quota: the call row is locked, so two selections at once are counted one after the other.
            async (tx, updated) => {
              await callById(tx, updated.callId, true);
              const n = await selectedCount(tx, updated.callId);
              if (n > input.call.quota)
                throw new AppError('projects.quota_full', 409, { quota: input.call.quota });
            },
            // R-PJ-4: the subdistrict's own quota on the call, when set (counted under the same lock).
            (tx, updated) =>
              checkSubdistrictQuota(tx, updated, async (id) => (await unitNames(tx, [id])).get(id) ?? ''),
            // R-PJ-4: the monthly progress reports it owes, due dates from the call's report day.
            (tx, updated) =>
              insertReports(
                tx,
                reportMonths(input.call, now).map((m) => ({
                  id: ctx.ids(),
                  applicationId: updated.id,
                  callId: updated.callId,
                  orgPath: updated.orgPath,
                  month: m.month,
                  state: 'due',
                  dueAt: m.dueAt,
                  createdAt: now,
                  updatedAt: now,
                })),
              ),
          ],
        };
      }
      case 'reject':
        return { patch: { decidedAt: now }, event: { comment } };
      case 'complete':
        return {
          patch: { completedAt: now, completionNote: comment },
          event: { comment },
          data: { late: !!a.completionDueAt && now > a.completionDueAt },
        };
      case 'summarize':
        return {
          patch: { summaryAt: now, summaryText: comment },
          event: { comment },
          data: { late: !!a.summaryDueAt && now > a.summaryDueAt },
        };
      case 'visit':
        return {
          patch: { visitAt: now, visitOpinion: comment, visitAnsweredAt: null, visitAnswer: null },
          event: { comment },
          effects: [
            async (tx, updated) => {
              const names = await unitNames(tx, [updated.orgUnitId]);
              await notify(tx, ctx, {
                event: 'projects.visit',
                params: {
                  unit: names.get(updated.orgUnitId) ?? '',
                  title: updated.title,
                  comment: comment ?? '',
                },
                link: `/projects/applications/${updated.id}`,
                holders: { permission: 'projects.review', orgUnitId: updated.subdistrictId },
              });
            },
          ],
        };
      case 'answer':
        return { patch: { visitAnsweredAt: now, visitAnswer: comment }, event: { comment } };
      case 'notice':
        return {
          event: { comment },
          effects: [
            // 通报 (R-PJ-4): circulated to the project's subdistrict/town and its community.
            async (tx, updated) => {
              const names = await unitNames(tx, [updated.orgUnitId]);
              const params = {
                unit: names.get(updated.orgUnitId) ?? '',
                title: updated.title,
                call: input.call.title,
                comment: comment ?? '',
              };
              await notifyEach(
                tx,
                ctx,
                { event: 'projects.notice', params, link: `/projects/applications/${updated.id}` },
                [
                  {
                    holders: { permission: 'projects.review', orgUnitId: updated.subdistrictId },
                    unit: { id: updated.orgUnitId, path: updated.orgPath },
                  },
                  { holders: { permission: 'projects.apply', orgUnitId: updated.orgUnitId } },
                ],
              );
            },
          ],
        };
      default:
        return { event: { comment } };
    }
  },
  adapter: {
    ...stateTableColumns(pjApplications),
    writeEvent: stateEventWriter(pjApplicationEvents, 'applicationId'),
    audit: stateTransitionAudit('projects.application', 'pj_application'),
    steps,
  },
  errors: {
    invalidTransition: (a) => new AppError('projects.invalid_action', 409, { state: a.state }),
  },
  deadlines: [
    ...projectDeadlines('completion'),
    ...projectDeadlines('summary'),
    {
      // R-PJ-2: the application day of the call has ended and the subdistrict has not submitted it.
      name: 'overdue',
      states: ['draft', 'pending_review', 'returned', 'approved'],
      due: pjApplications.submitDueAt,
      step: stepKey('overdue:', pjApplications.submitDueAt),
      fire: async (tx, ctx, a) => {
        const now = ctx.clock.now();
        await markOverdue(tx, a.id, now);
        await systemEvent(tx, ctx, a.id, now, {
          action: 'overdue',
          fromState: a.state,
          toState: a.state,
          comment: null,
          data: { due: a.submitDueAt.toISOString() },
        });
        await auditApplication(tx, ctx, 'projects.application.overdue', a.id, a, {
          after: { state: a.state, due: a.submitDueAt.toISOString() },
        });
      },
    },
  ],
});

/** How many days before the report day the subdistrict is reminded. */
export const REPORT_REMIND_DAYS = 3;

/**
 * Monthly progress reports (R-PJ-4, R-RP-1): the subdistrict (town) files each one with the bureau before
 * the call's report day; the deadline sweep flags those still not filed then (the bureau's overdue list).
 */
export const reportWorkflow = defineWorkflow<ReportState, ReportRow, 'file', FileReportBody>({
  name: 'projects.report',
  states: REPORT_STATES,
  transitions: { file: { from: ['due'], to: 'filed', permission: 'projects.review' } },
  authorize: (actor, r) => applicationsPolicy.can(actor, 'review', r),
  prepare: (_r, _action, input, ctx) => ({
    patch: {
      progress: input.progress,
      issues: input.issues ?? null,
      nextSteps: input.nextSteps ?? null,
      filedAt: ctx.clock.now(),
      filedBy: ctx.actor?.userId ?? null,
      filedByName: ctx.actor?.displayName ?? null,
    },
  }),
  adapter: {
    ...stateTableColumns(pjReports),
    writeEvent: (tx, ctx, e) =>
      insertEvent(tx, {
        id: ctx.ids(),
        applicationId: e.record.applicationId,
        at: ctx.clock.now(),
        actorId: ctx.actor?.userId ?? null,
        actorName: ctx.actor?.displayName ?? null,
        action: 'report',
        fromState: null,
        toState: null,
        comment: e.record.month,
        data: { reportId: e.record.id, late: e.record.dueAt.getTime() < ctx.clock.now().getTime() },
      }),
    audit: (e) => ({
      action: 'projects.report.file',
      entityType: 'pj_report',
      entityId: e.record.id,
      orgPath: e.record.orgPath,
      before: { state: e.from },
      after: { state: e.to, month: e.record.month },
    }),
    steps,
  },
  errors: { invalidTransition: (r) => new AppError('projects.report_filed', 409, { month: r.month }) },
  deadlines: [
    {
      // Issue 11 §4: a reminder to the subdistrict REPORT_REMIND_DAYS before the report day (not once late).
      name: 'reminder',
      states: ['due'],
      due: pjReports.dueAt,
      afterMs: -REPORT_REMIND_DAYS * 86_400_000,
      step: stepKey('remind:', pjReports.dueAt),
      fire: async (tx, ctx, r) => {
        if (ctx.clock.now().getTime() >= r.dueAt.getTime()) return false;
        const a = await findApplicationById(tx, r.applicationId);
        if (!a) return false;
        const names = await unitNames(tx, [a.orgUnitId]);
        await notify(tx, ctx, {
          event: 'projects.report_due',
          params: {
            unit: names.get(a.orgUnitId) ?? '',
            title: a.title,
            month: r.month,
            due: chinaDate(r.dueAt),
          },
          link: '/projects/reports',
          holders: { permission: 'projects.review', orgUnitId: a.subdistrictId },
        });
        return true;
      },
    },
    {
      name: 'overdue',
      states: ['due'],
      due: pjReports.dueAt,
      step: stepKey('overdue:', pjReports.dueAt),
      fire: async (tx, ctx, r) => {
        const now = ctx.clock.now();
        await markReportOverdue(tx, r.id, now);
        await systemEvent(tx, ctx, r.applicationId, now, {
          action: 'report_overdue',
          fromState: null,
          toState: null,
          comment: r.month,
          data: { reportId: r.id },
        });
        await auditReport(tx, ctx, 'projects.report.overdue', r.id, r, {
          after: { month: r.month, due: r.dueAt.toISOString() },
        });
        // Escalation (issue 11 §4): the bureau that issued the call and the subdistrict that owes it are told.
        const [call, a] = await Promise.all([
          callById(tx, r.callId),
          findApplicationById(tx, r.applicationId),
        ]);
        if (!call || !a) return;
        const names = await unitNames(tx, [a.orgUnitId]);
        const params = {
          unit: names.get(a.orgUnitId) ?? '',
          title: a.title,
          month: r.month,
          due: chinaDate(r.dueAt),
        };
        await notifyEach(tx, ctx, { event: 'projects.report_overdue', params, link: '/projects/reports' }, [
          { holders: { permission: 'projects.manage', orgUnitId: call.orgUnitId } },
          { holders: { permission: 'projects.review', orgUnitId: a.subdistrictId } },
        ]);
      },
    },
  ],
});
