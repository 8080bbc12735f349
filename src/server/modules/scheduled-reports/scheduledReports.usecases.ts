import {
  type ActionBody,
  type BoardDto,
  type CycleDto,
  type FieldDef,
  type FigureDto,
  HANDED_IN_STATES,
  type RollupDto,
  type SaveBody,
  type SubmissionDetailDto,
  type SubmissionDto,
  type SubmissionState,
  type TemplateBody,
  type TemplateDto,
  type TemplatePatch,
} from '../../../shared/contracts/scheduledReports';
import { chinaDate, chinaDayEnd, chinaDayStart } from '../../../shared/chinaTime';
import type { Locale } from '../../../shared/i18n/errors';
import type { Permission } from '../../../shared/permissions';
import { insertUnitRowAudited } from '../../platform/auditedUnitInsert';
import { writeAudit } from '../../platform/audit';
import { auditRecord } from '../../platform/recordAudit';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import { newUnitRow } from '../../platform/newRow';
import type { Db } from '../../platform/db';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { checkId, isUuid } from '../../platform/ids';
import type { Page } from '../../platform/listing';
import { inScope } from '../../platform/permissions';
import { reportFigures } from '../../platform/offerings';
import { type NotifyInput, notify } from '../notifications/notifications.api';
import {
  activeUnitsUnder,
  findUnitInScope,
  type OrgUnit,
  unitInScope,
  unitNames,
  unitNamesOf,
  unitsByIds,
} from '../org/org.api';
import { dueOnOf, periodLabel, periodOf, previousPeriod } from './scheduledReports.periods';
import { reaches } from '../../platform/scopeReach';
import { canReview, canSubmit, submissionsPolicy, templatesPolicy } from './scheduledReports.policy';
import {
  type CycleRow,
  type SubmissionRec,
  type SubmissionRow,
  type TemplateRow,
  activeTemplates,
  claimCycleStep,
  cyclesByIds,
  cyclesToFlag,
  cyclesToRemind,
  eventsOf,
  findCycle,
  findSubmission,
  findTemplate,
  flagOverdue,
  insertCycle,
  insertEvent,
  insertSubmissions,
  insertTemplate,
  latestCycles,
  listCycleRows,
  listSubmissionRows,
  listTemplateRows,
  pendingOfCycle,
  submissionsOfCycles,
  templatesByIds,
  updateSubmissionRow,
  updateTemplateRow,
} from './scheduledReports.repository';

const DAY = 86_400_000;
/** Receiving units: a subdistrict (town) or above. */
const RECEIVER_KINDS = new Set(['city', 'district', 'subdistrict']);
const NUMERIC = new Set(['number', 'amount', 'percent']);

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

// ---------------------------------------------------------------- figures

/** The figures Linli holds that a template field may name as its source (from every module's registry entry). */
export function listFigures(ctx: ActorCtx, locale: Locale): FigureDto[] {
  submissionsPolicy.require(ctx.actor, 'read');
  return reportFigures().map(({ module, figure }) => ({
    key: figure.key,
    label: figure.label[locale],
    unit: figure.unit,
    module,
  }));
}

async function computeFigures(
  db: Db,
  fields: FieldDef[],
  orgPath: string,
  cycle: Pick<CycleRow, 'periodStart' | 'periodEnd'>,
  now: Date,
): Promise<Record<string, number | null>> {
  const all = new Map(reportFigures().map(({ figure }) => [figure.key, figure]));
  const from = chinaDayStart(cycle.periodStart);
  const end = chinaDayEnd(cycle.periodEnd);
  const to = end < now ? end : now;
  const out: Record<string, number | null> = {};
  for (const f of fields) {
    if (!f.source) continue;
    const figure = all.get(f.source);
    out[f.key] = figure && to > from ? await figure.compute({ db }, { orgPath, from, to }) : null;
  }
  return out;
}

// ---------------------------------------------------------------- templates

async function checkTemplate(
  ctx: ActorCtx,
  receiver: OrgUnit,
  body: Pick<TemplateBody, 'fields' | 'submitters'>,
): Promise<void> {
  const keys = new Set<string>();
  const labels = new Set<string>();
  const figures = new Set(reportFigures().map(({ figure }) => figure.key));
  for (const f of body.fields) {
    if (keys.has(f.key) || labels.has(f.label))
      throw new AppError('scheduled_reports.duplicate_field', 422, { label: f.label });
    keys.add(f.key);
    labels.add(f.label);
    if (f.source) {
      if (!figures.has(f.source))
        throw new AppError('scheduled_reports.unknown_figure', 422, { label: f.label });
      if (!NUMERIC.has(f.type)) throw new AppError('scheduled_reports.figure_type', 422, { label: f.label });
    }
  }
  const ids = body.submitters.mode === 'units' ? body.submitters.unitIds : [body.submitters.unitId];
  const units = await unitsByIds(ctx.db, ids);
  if (units.length !== new Set(ids).size) throw notFound();
  for (const u of units) {
    const under = u.path.startsWith(receiver.path);
    const self = u.id === receiver.id;
    // Chosen units lie strictly under the receiver; "all communities under X" may name the receiver itself.
    if (!under || (self && body.submitters.mode === 'units') || u.status !== 'active')
      throw new AppError('scheduled_reports.submitter_outside', 422);
  }
}

async function templateDtos(ctx: ActorCtx, rows: TemplateRow[]): Promise<TemplateDto[]> {
  const ids = rows.flatMap((r) => [
    r.orgUnitId,
    ...(r.submitters.mode === 'units' ? r.submitters.unitIds : [r.submitters.unitId]),
  ]);
  const names = await unitNames(ctx.db, ids);
  return rows.map((r) => ({
    id: r.id,
    orgUnitId: r.orgUnitId,
    receiverName: names.get(r.orgUnitId) ?? null,
    title: r.title,
    basis: r.basis,
    description: r.description,
    cadence: r.cadence as TemplateDto['cadence'],
    dueDay: r.dueDay,
    dueInNextMonth: r.dueInNextMonth,
    remindDays: r.remindDays,
    startsOn: r.startsOn,
    submitters: r.submitters,
    submitterNames:
      r.submitters.mode === 'units'
        ? r.submitters.unitIds.map((id) => names.get(id) ?? '')
        : [`${names.get(r.submitters.unitId) ?? ''}所辖各社区`],
    fields: r.fields,
    attachments: r.attachments,
    active: r.active,
    canManage: templatesPolicy.can(ctx.actor, 'manage', r),
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function createTemplate(ctx: ActorCtx, body: TemplateBody): Promise<TemplateDto> {
  templatesPolicy.require(ctx.actor, 'manage');
  const receiver = await findUnitInScope(ctx, body.orgUnitId, 'scheduled_reports.manage');
  if (!RECEIVER_KINDS.has(receiver.kind)) throw new AppError('scheduled_reports.receiver_unit', 422);
  await checkTemplate(ctx, receiver, body);
  const row = await insertUnitRowAudited(
    ctx,
    receiver,
    insertTemplate,
    {
      title: body.title,
      basis: body.basis ?? null,
      description: body.description ?? null,
      cadence: body.cadence,
      dueDay: body.dueDay,
      dueInNextMonth: body.dueInNextMonth,
      remindDays: body.remindDays,
      startsOn: body.startsOn,
      submitters: body.submitters,
      fields: body.fields,
      attachments: body.attachments,
      active: true,
      createdBy: ctx.actor.userId,
      version: 1,
    },
    { action: 'scheduled_reports.template.create', entityType: 'sr_template' },
  );
  return (await templateDtos(ctx, [row]))[0]!;
}

/** A template in reach for `mode` (not a UUID, missing or out of reach: 404). */
async function templateInReach(
  ctx: ActorCtx,
  id: string,
  mode: 'read' | 'manage' = 'read',
): Promise<TemplateRow> {
  const row = await findTemplate(ctx.db, ctx.actor, id, mode);
  if (!row) throw notFound();
  return row;
}

export async function updateTemplate(ctx: ActorCtx, id: string, patch: TemplatePatch): Promise<TemplateDto> {
  templatesPolicy.require(ctx.actor, 'manage');
  const row = await templateInReach(ctx, id, 'manage');
  const receiver = (await unitsByIds(ctx.db, [row.orgUnitId]))[0];
  if (!receiver) throw notFound();
  await checkTemplate(ctx, receiver, {
    fields: patch.fields ?? row.fields,
    submitters: patch.submitters ?? row.submitters,
  });
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const next = await updateTemplateRow(tx, id, row.version, { ...stripUndefined(patch), updatedAt: now });
    if (!next) throw new AppError('scheduled_reports.conflict', 409);
    await auditRecord(tx, ctx, row, {
      action: 'scheduled_reports.template.update',
      entityType: 'sr_template',
      before: row,
      after: next,
    });
    return next;
  });
  return (await templateDtos(ctx, [updated]))[0]!;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export async function getTemplate(ctx: ActorCtx, id: string): Promise<TemplateDto> {
  templatesPolicy.require(ctx.actor, 'read');
  return (await templateDtos(ctx, [await templateInReach(ctx, id)]))[0]!;
}

export async function listTemplates(
  ctx: ActorCtx,
  q: { page: number; pageSize: number; active?: 'true' | 'false' | undefined; q?: string | undefined },
): Promise<Page<TemplateDto>> {
  templatesPolicy.require(ctx.actor, 'read');
  const page = await listTemplateRows(ctx.db, ctx.actor, {
    page: q.page,
    pageSize: q.pageSize,
    ...(q.active && { active: q.active === 'true' }),
    ...(q.q && { q: q.q }),
  });
  return { ...page, items: await templateDtos(ctx, page.items) };
}

// ---------------------------------------------------------------- cycles (the job)

/** The units that must submit for a template now (chosen units that are still active, or the communities). */
async function submittersOf(db: Db, t: TemplateRow): Promise<OrgUnit[]> {
  if (t.submitters.mode === 'units')
    return (await unitsByIds(db, t.submitters.unitIds)).filter((u) => u.status === 'active');
  const [root] = await unitsByIds(db, [t.submitters.unitId]);
  if (!root) return [];
  return (await activeUnitsUnder(db, 'community', root.path)).sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Opens the cycle of the period running now (China date) for every active template, and the previous
 * period's when its report is still not due (a report due in the month after its period), with one draft
 * submission per submitting unit, who are told (R-RP-1). A period ending before the template's start day
 * is never opened. Idempotent: a (template, period) pair is unique.
 */
export async function openCycles(ctx: UseCaseCtx): Promise<number> {
  const now = ctx.clock.now();
  const today = chinaDate(now);
  let opened = 0;
  for (const t of await activeTemplates(ctx.db)) {
    const cadence = t.cadence as TemplateDto['cadence'];
    const current = periodOf(cadence, today);
    for (const p of [previousPeriod(cadence, current), current]) {
      if (p.end < t.startsOn) continue;
      const dueOn = dueOnOf(p, t.dueDay, t.dueInNextMonth);
      const dueAt = chinaDayEnd(dueOn);
      if (p !== current && dueAt <= now) continue;
      opened += await ctx.db.transaction(async (tx) => {
        const cycle = await insertCycle(tx, {
          id: ctx.ids(),
          templateId: t.id,
          orgPath: t.orgPath,
          period: p.period,
          periodStart: p.start,
          periodEnd: p.end,
          dueOn,
          dueAt,
          remindAt: t.remindDays > 0 ? new Date(dueAt.getTime() - t.remindDays * DAY) : null,
          createdAt: now,
        });
        if (!cycle) return 0;
        const units = await submittersOf(tx, t);
        await insertSubmissions(
          tx,
          units.map((u) => ({
            ...newUnitRow(ctx, u, now),
            cycleId: cycle.id,
            templateId: t.id,
            state: 'draft',
          })),
        );
        const [receiver] = await unitsByIds(tx, [t.orgUnitId]);
        for (const u of units)
          await notify(tx, ctx, {
            event: 'scheduled_report.opened',
            params: {
              title: t.title,
              period: periodLabel(p.period),
              due: dueOn,
              receiver: receiver?.name ?? '',
            },
            link: '/scheduled-reports/submissions',
            holders: { permission: 'scheduled_reports.submit', orgUnitId: u.id },
          });
        await writeAudit(tx, ctx, {
          action: 'scheduled_reports.cycle.create',
          entityType: 'sr_cycle',
          entityId: cycle.id,
          orgPath: t.orgPath,
          after: { ...cycle, units: units.length },
        });
        return 1;
      });
    }
  }
  return opened;
}

/** A pending report of a cycle, with the notice parameters that name its unit. */
type PendingReport = {
  s: SubmissionRow;
  params: { title: string; period: string; due: string; unit: string };
};

/**
 * Takes each cycle's step (reminded, flagged overdue) once: in a transaction that claims the step, `act` gets
 * the cycle's template and its pending reports and answers what the audit entry `action` records. Answers how
 * many cycles took the step.
 */
async function takeCycleStep(
  ctx: UseCaseCtx,
  cycles: CycleRow[],
  step: { claim: 'remindedAt' | 'overdueAt'; now: Date; action: string },
  act: (tx: Db, c: CycleRow, t: TemplateRow | undefined, pending: PendingReport[]) => Promise<unknown>,
): Promise<number> {
  let n = 0;
  for (const c of cycles) {
    n += await ctx.db.transaction(async (tx) => {
      if (!(await claimCycleStep(tx, c.id, step.claim, step.now))) return 0;
      const [t] = await templatesByIds(tx, [c.templateId]);
      const pending = await pendingOfCycle(tx, c.id);
      const names = await unitNamesOf(tx, pending);
      const reports = pending.map((s) => ({
        s,
        params: {
          title: t?.title ?? '',
          period: periodLabel(c.period),
          due: c.dueOn,
          unit: names.get(s.orgUnitId) ?? '',
        },
      }));
      const after = await act(tx, c, t, reports);
      await auditRecord(tx, ctx, c, {
        action: step.action,
        entityType: 'sr_cycle',
        after,
      });
      return 1;
    });
  }
  return n;
}

/** Tells the holders of `permission` at a unit (the report's own, or the receiver) of a pending report. */
function tellOfReport(
  tx: Db,
  ctx: UseCaseCtx,
  event: NotifyInput['event'],
  r: PendingReport,
  permission: Permission,
  orgUnitId: string,
) {
  const link = `/scheduled-reports/submissions/${r.s.id}`;
  return notify(tx, ctx, { event, params: r.params, link, holders: { permission, orgUnitId } });
}

/** Tells units whose report is due within the template's reminder days, once per cycle. */
export async function remindDue(ctx: UseCaseCtx): Promise<number> {
  const now = ctx.clock.now();
  const step = { claim: 'remindedAt', now, action: 'scheduled_reports.cycle.remind' } as const;
  return takeCycleStep(ctx, await cyclesToRemind(ctx.db, now), step, async (tx, _c, _t, pending) => {
    for (const r of pending)
      await tellOfReport(tx, ctx, 'scheduled_report.due_soon', r, 'scheduled_reports.submit', r.s.orgUnitId);
    return { pending: pending.length };
  });
}

/** After the due time: reports not handed in are flagged overdue, their units and the receiver told. */
export async function flagOverdueCycles(ctx: UseCaseCtx): Promise<number> {
  const now = ctx.clock.now();
  const step = { claim: 'overdueAt', now, action: 'scheduled_reports.cycle.overdue' } as const;
  return takeCycleStep(ctx, await cyclesToFlag(ctx.db, now), step, async (tx, c, t, pending) => {
    await flagOverdue(tx, c.id, now);
    for (const r of pending) {
      await tellOfReport(tx, ctx, 'scheduled_report.overdue', r, 'scheduled_reports.submit', r.s.orgUnitId);
      if (t)
        await tellOfReport(tx, ctx, 'scheduled_report.overdue', r, 'scheduled_reports.review', t.orgUnitId);
    }
    return { overdue: pending.map((r) => r.s.orgUnitId) };
  });
}

/** The job's one tick: open due cycles, remind, flag overdue. */
export async function tickScheduledReports(ctx: UseCaseCtx) {
  const opened = await openCycles(ctx);
  const reminded = await remindDue(ctx);
  const flagged = await flagOverdueCycles(ctx);
  return { opened, reminded, flagged };
}

/** A report its unit still has to hand in: a draft, or one returned to it. */
const awaitsHandIn = (state: string) => state === 'draft' || state === 'returned';
/** A report handed in (first time or again) that waits for the receiving unit's review. */
const awaitsReview = (state: string) => state === 'submitted' || state === 'resubmitted';

/** Rows keyed by their id. */
function byId<T extends { id: string }>(rows: T[]): Map<string, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

// ---------------------------------------------------------------- cycles (reading)

async function cycleDtos(ctx: ActorCtx, rows: CycleRow[]): Promise<CycleDto[]> {
  const templates = byId(
    await templatesByIds(
      ctx.db,
      rows.map((r) => r.templateId),
    ),
  );
  const names = await unitNames(
    ctx.db,
    [...templates.values()].map((t) => t.orgUnitId),
  );
  const subs = await submissionsOfCycles(
    ctx.db,
    rows.map((r) => r.id),
  );
  const now = ctx.clock.now();
  return rows.map((c) => {
    const t = templates.get(c.templateId);
    const mine = subs.filter((s) => s.cycleId === c.id);
    const counts: Record<string, number> = {};
    for (const s of mine) counts[s.state] = (counts[s.state] ?? 0) + 1;
    return {
      id: c.id,
      templateId: c.templateId,
      templateTitle: t?.title ?? '',
      orgUnitId: t?.orgUnitId ?? '',
      receiverName: (t && names.get(t.orgUnitId)) ?? null,
      period: c.period,
      periodLabel: periodLabel(c.period),
      periodStart: c.periodStart,
      periodEnd: c.periodEnd,
      dueOn: c.dueOn,
      dueAt: c.dueAt.toISOString(),
      counts,
      late: mine.filter((s) => s.late).length,
      total: mine.length,
      overdue: c.dueAt <= now && mine.some((s) => awaitsHandIn(s.state)),
    };
  });
}

export async function listCycles(
  ctx: ActorCtx,
  q: { page: number; pageSize: number; templateId?: string | undefined },
): Promise<Page<CycleDto>> {
  submissionsPolicy.require(ctx.actor, 'read');
  if (q.templateId && !(await findTemplate(ctx.db, ctx.actor, q.templateId))) throw notFound();
  const page = await listCycleRows(ctx.db, ctx.actor, q);
  return { ...page, items: await cycleDtos(ctx, page.items) };
}

/** A cycle in reach (not a UUID, missing or out of reach: 404). */
async function cycleInReach(ctx: ActorCtx, id: string): Promise<CycleRow> {
  const c = await findCycle(ctx.db, ctx.actor, id);
  if (!c) throw notFound();
  return c;
}

export async function getCycle(ctx: ActorCtx, id: string): Promise<CycleDto> {
  submissionsPolicy.require(ctx.actor, 'read');
  return (await cycleDtos(ctx, [await cycleInReach(ctx, id)]))[0]!;
}

/** Units × the template's latest cycles, each cell the unit's report state (only units in the actor's reach). */
export async function board(ctx: ActorCtx, templateId: string, cycles = 6): Promise<BoardDto> {
  submissionsPolicy.require(ctx.actor, 'read');
  const t = await templateInReach(ctx, templateId);
  const rows = (await latestCycles(ctx.db, t.id, cycles)).reverse();
  const subs = (
    await submissionsOfCycles(
      ctx.db,
      rows.map((r) => r.id),
    )
  ).filter((s) => submissionsPolicy.can(ctx.actor, 'read', { orgPath: s.orgPath, receiverPath: t.orgPath }));
  const unitIds = [...new Set(subs.map((s) => s.orgUnitId))];
  const units = (await unitsByIds(ctx.db, unitIds)).sort((a, b) => a.path.localeCompare(b.path));
  const now = ctx.clock.now();
  return {
    template: (await templateDtos(ctx, [t]))[0]!,
    cycles: await cycleDtos(ctx, rows),
    units: units.map((u) => ({
      orgUnitId: u.id,
      name: u.name,
      cells: rows.map((c) => {
        const s = subs.find((x) => x.cycleId === c.id && x.orgUnitId === u.id);
        return s
          ? {
              submissionId: s.id,
              state: s.state as SubmissionState,
              late: s.late,
              overdue: isOverdue(s, c, now),
            }
          : null;
      }),
    })),
  };
}

function isOverdue(s: Pick<SubmissionRow, 'state'>, c: Pick<CycleRow, 'dueAt'>, now: Date) {
  return awaitsHandIn(s.state) && c.dueAt <= now;
}

/** Sum of number and amount fields, mean of percentages, over handed-in reports. */
function totalsOf(fields: FieldDef[], subs: SubmissionRow[]): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const f of fields) {
    if (!NUMERIC.has(f.type)) continue;
    const values = subs.map((s) => s.values[f.key]).filter((v): v is number => typeof v === 'number');
    if (values.length === 0) out[f.key] = null;
    else {
      const sum = values.reduce((a, b) => a + b, 0);
      out[f.key] = f.type === 'percent' ? Math.round((sum / values.length) * 10) / 10 : sum;
    }
  }
  return out;
}

/**
 * Rollup up the tree (R-RP-1): for a unit (default: the receiving unit), the totals of the reports handed in
 * under it, and the same per child unit that has reports under it.
 */
export async function rollup(ctx: ActorCtx, cycleId: string, unitId?: string): Promise<RollupDto> {
  submissionsPolicy.require(ctx.actor, 'read');
  const c = await cycleInReach(ctx, cycleId);
  const [t] = await templatesByIds(ctx.db, [c.templateId]);
  if (!t) throw notFound();
  let unit: OrgUnit | undefined;
  if (unitId) {
    unit = isUuid(unitId)
      ? await unitInScope(ctx.db, ctx.actor, 'scheduled_reports.read', unitId)
      : undefined;
    if (!unit) throw notFound();
  } else [unit] = await unitsByIds(ctx.db, [t.orgUnitId]);
  if (!unit) throw notFound();
  const all = (await submissionsOfCycles(ctx.db, [c.id])).filter(
    (s) =>
      s.orgPath.startsWith(unit.path) &&
      submissionsPolicy.can(ctx.actor, 'read', { orgPath: s.orgPath, receiverPath: c.orgPath }),
  );
  const handed = all.filter((s) => HANDED_IN_STATES.includes(s.state as SubmissionState));
  // Children of the unit that have reports under them (a report of the unit itself counts as its own row).
  const childIds = new Map<string, string[]>();
  for (const s of all) {
    const rest = s.orgPath.slice(unit.path.length).split('/').filter(Boolean);
    const child = rest[0] ?? unit.id;
    childIds.set(child, [...(childIds.get(child) ?? []), s.id]);
  }
  const childUnits = byId(await unitsByIds(ctx.db, [...childIds.keys()]));
  const children = [...childIds.entries()]
    .map(([id, subIds]) => {
      const subs = all.filter((s) => subIds.includes(s.id));
      const h = subs.filter((s) => HANDED_IN_STATES.includes(s.state as SubmissionState));
      return {
        orgUnitId: id,
        name: childUnits.get(id)?.name ?? '',
        path: childUnits.get(id)?.path ?? '',
        count: h.length,
        expected: subs.length,
        totals: totalsOf(t.fields, h),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path))
    .map(({ path: _p, ...rest }) => rest);
  return {
    cycle: (await cycleDtos(ctx, [c]))[0]!,
    unit: { id: unit.id, name: unit.name },
    fields: t.fields,
    totals: totalsOf(t.fields, handed),
    count: handed.length,
    expected: all.length,
    children,
  };
}

// ---------------------------------------------------------------- submissions

function actionsOf(ctx: ActorCtx, s: SubmissionRec): SubmissionDto['actions'] {
  const out: SubmissionDto['actions'] = [];
  if (awaitsHandIn(s.state) && canSubmit(ctx.actor, s)) out.push('save', 'submit');
  if (awaitsReview(s.state) && canReview(ctx.actor, s)) out.push('accept', 'return');
  return out;
}

async function submissionDtos(ctx: ActorCtx, rows: SubmissionRec[]): Promise<SubmissionDto[]> {
  const cycles = byId(
    await cyclesByIds(
      ctx.db,
      rows.map((r) => r.cycleId),
    ),
  );
  const templates = byId(
    await templatesByIds(
      ctx.db,
      rows.map((r) => r.templateId),
    ),
  );
  const names = await unitNames(ctx.db, [
    ...rows.map((r) => r.orgUnitId),
    ...[...templates.values()].map((t) => t.orgUnitId),
  ]);
  const now = ctx.clock.now();
  return rows.map((s) => {
    const c = cycles.get(s.cycleId)!;
    const t = templates.get(s.templateId);
    return {
      id: s.id,
      cycleId: s.cycleId,
      templateId: s.templateId,
      templateTitle: t?.title ?? '',
      period: c.period,
      periodLabel: periodLabel(c.period),
      dueOn: c.dueOn,
      orgUnitId: s.orgUnitId,
      unitName: names.get(s.orgUnitId) ?? null,
      receiverName: (t && names.get(t.orgUnitId)) ?? null,
      state: s.state as SubmissionState,
      late: s.late,
      overdue: isOverdue(s, c, now),
      submittedAt: iso(s.submittedAt),
      firstSubmittedAt: iso(s.firstSubmittedAt),
      reviewedAt: iso(s.reviewedAt),
      returnReason: s.returnReason,
      resubmissions: s.resubmissions,
      actions: actionsOf(ctx, s),
    };
  });
}

export async function listSubmissions(
  ctx: ActorCtx,
  q: {
    page: number;
    pageSize: number;
    cycleId?: string | undefined;
    templateId?: string | undefined;
    state?: SubmissionState | undefined;
    side?: 'mine' | 'review' | undefined;
    overdue?: 'true' | undefined;
  },
): Promise<Page<SubmissionDto>> {
  submissionsPolicy.require(ctx.actor, 'read');
  if (q.cycleId) await cycleInReach(ctx, q.cycleId);
  if (q.templateId && !(await findTemplate(ctx.db, ctx.actor, q.templateId))) throw notFound();
  const page = await listSubmissionRows(
    ctx.db,
    ctx.actor,
    { ...q, overdue: q.overdue === 'true' },
    ctx.clock.now(),
  );
  return { ...page, items: await submissionDtos(ctx, page.items) };
}

async function submissionInReach(ctx: ActorCtx, id: string, lock = false): Promise<SubmissionRec> {
  checkId(id);
  const s = await findSubmission(ctx.db, ctx.actor, id, { lock });
  if (!s) throw notFound();
  return s;
}

export async function getSubmission(ctx: ActorCtx, id: string): Promise<SubmissionDetailDto> {
  submissionsPolicy.require(ctx.actor, 'read');
  const s = await submissionInReach(ctx, id);
  return detailOf(ctx, s);
}

async function detailOf(ctx: ActorCtx, s: SubmissionRec): Promise<SubmissionDetailDto> {
  const [dto] = await submissionDtos(ctx, [s]);
  const [t] = await templatesByIds(ctx.db, [s.templateId]);
  const [c] = await cyclesByIds(ctx.db, [s.cycleId]);
  const editable = awaitsHandIn(s.state);
  const figures =
    t && c && editable ? await computeFigures(ctx.db, t.fields, s.orgPath, c, ctx.clock.now()) : {};
  const events = await eventsOf(ctx.db, s.id);
  return {
    ...dto!,
    fields: t?.fields ?? [],
    attachmentDefs: t?.attachments ?? [],
    values: s.values,
    figures,
    attachments: s.attachments,
    note: s.note,
    events: events.map((e) => ({
      at: e.at.toISOString(),
      actorName: e.actorName,
      action: e.action,
      comment: e.comment,
    })),
  };
}

/** Checks and normalises values against the template's fields (drafts may leave fields empty). */
function cleanValues(fields: FieldDef[], values: SaveBody['values']): Record<string, number | string | null> {
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const out: Record<string, number | string | null> = {};
  for (const [key, raw] of Object.entries(values)) {
    const f = byKey.get(key);
    if (!f) throw new AppError('scheduled_reports.unknown_field', 422);
    const v = typeof raw === 'string' && raw.trim() === '' ? null : raw;
    if (v === null) {
      out[key] = null;
      continue;
    }
    const label = { label: f.label };
    if (f.type === 'text') {
      if (typeof v !== 'string' || v.length > 5000)
        throw new AppError('scheduled_reports.field_text', 422, label);
      out[key] = v.trim();
      continue;
    }
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n) || Math.abs(n) > 1e13)
      throw new AppError('scheduled_reports.field_number', 422, label);
    if (f.type === 'amount' && (!Number.isInteger(n) || n < 0))
      throw new AppError('scheduled_reports.field_amount', 422, label);
    if (f.type === 'percent' && (n < 0 || n > 100))
      throw new AppError('scheduled_reports.field_percent', 422, label);
    out[key] = n;
  }
  return out;
}

async function event(tx: Db, ctx: ActorCtx, s: SubmissionRec, action: string, comment: string | null) {
  await insertEvent(tx, {
    id: ctx.ids(),
    submissionId: s.id,
    orgPath: s.orgPath,
    at: ctx.clock.now(),
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action,
    comment,
  });
}

/**
 * A submission's change inside the use case's transaction (`tctx.db`): the versioned update (409 when another
 * change won), its event in the history and its audit entry `scheduled_reports.submission.<action>`; answers
 * the detail.
 */
async function changeSubmission(
  tctx: ActorCtx,
  s: SubmissionRec,
  patch: Partial<SubmissionRow>,
  change: {
    action: string;
    comment: string | null;
    before: unknown;
    after: (next: SubmissionRow) => unknown;
  },
): Promise<SubmissionDetailDto> {
  const next = await updateSubmissionRow(tctx.db, s.id, s.version, patch);
  if (!next) throw new AppError('scheduled_reports.conflict', 409);
  await event(tctx.db, tctx, s, change.action, change.comment);
  await auditRecord(tctx.db, tctx, s, {
    action: `scheduled_reports.submission.${change.action}`,
    entityType: 'sr_submission',
    before: change.before,
    after: change.after(next),
  });
  return detailOf(tctx, { ...next, receiverPath: s.receiverPath });
}

export async function saveSubmission(
  ctx: ActorCtx,
  id: string,
  body: SaveBody,
): Promise<SubmissionDetailDto> {
  submissionsPolicy.require(ctx.actor, 'submit');
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const s = await submissionInReach(tctx, id, true);
    if (!canSubmit(ctx.actor, s)) throw forbidden();
    if (!awaitsHandIn(s.state)) throw new AppError('scheduled_reports.not_editable', 409);
    const [t] = await templatesByIds(tx, [s.templateId]);
    if (!t) throw notFound();
    const values = { ...s.values, ...cleanValues(t.fields, body.values) };
    const patch = {
      values,
      ...(body.attachments && { attachments: body.attachments }),
      ...(body.note !== undefined && { note: body.note ?? null }),
      updatedAt: ctx.clock.now(),
    };
    return changeSubmission(tctx, s, patch, {
      action: 'save',
      comment: null,
      before: { values: s.values, attachments: s.attachments },
      after: (next) => ({ values, attachments: next.attachments }),
    });
  });
}

export async function actOnSubmission(
  ctx: ActorCtx,
  id: string,
  body: ActionBody,
): Promise<SubmissionDetailDto> {
  submissionsPolicy.require(ctx.actor, 'read');
  return ctx.db.transaction(async (tx) => {
    const tctx = { ...ctx, db: tx };
    const s = await submissionInReach(tctx, id, true);
    const [t] = await templatesByIds(tx, [s.templateId]);
    const [c] = await cyclesByIds(tx, [s.cycleId]);
    if (!t || !c) throw notFound();
    const now = ctx.clock.now();
    const params = { title: t.title, period: periodLabel(c.period) };
    const [unit] = await unitsByIds(tx, [s.orgUnitId]);
    let patch: Partial<SubmissionRow>;
    let action: string;
    let comment: string | null = null;
    if (body.action === 'submit') {
      if (!canSubmit(ctx.actor, s)) throw forbidden();
      if (!awaitsHandIn(s.state)) throw new AppError('scheduled_reports.invalid_action', 409);
      for (const f of t.fields) {
        const v = s.values[f.key];
        if (f.required && (v === null || v === undefined || v === ''))
          throw new AppError('scheduled_reports.field_required', 422, { label: f.label });
      }
      for (const a of t.attachments)
        if (a.required && !s.attachments.some((x) => x.label === a.label))
          throw new AppError('scheduled_reports.attachment_required', 422, { label: a.label });
      const again = s.state === 'returned';
      // R-RP-1: lateness is decided by the first hand-in against the due time (end of the due day, China time).
      const late = s.firstSubmittedAt ? s.late : now >= c.dueAt;
      patch = {
        state: again ? 'resubmitted' : 'submitted',
        late,
        submittedAt: now,
        submittedBy: ctx.actor.userId,
        firstSubmittedAt: s.firstSubmittedAt ?? now,
        resubmissions: s.resubmissions + (again ? 1 : 0),
        updatedAt: now,
      };
      action = again ? 'resubmit' : 'submit';
      await notify(tx, ctx, {
        event: 'scheduled_report.submitted',
        params: { ...params, unit: unit?.name ?? '' },
        link: `/scheduled-reports/submissions/${s.id}`,
        holders: { permission: 'scheduled_reports.review', orgUnitId: t.orgUnitId },
      });
    } else {
      if (!canReview(ctx.actor, s)) throw forbidden();
      if (!awaitsReview(s.state)) throw new AppError('scheduled_reports.invalid_action', 409);
      if (body.action === 'accept') {
        patch = { state: 'accepted', reviewedAt: now, reviewedBy: ctx.actor.userId, updatedAt: now };
        action = 'accept';
        comment = body.comment ?? null;
      } else {
        const reason = body.reason.trim();
        if (!reason) throw new AppError('scheduled_reports.reason_required', 422);
        patch = {
          state: 'returned',
          returnReason: reason,
          reviewedAt: now,
          reviewedBy: ctx.actor.userId,
          updatedAt: now,
        };
        action = 'return';
        comment = reason;
        await notify(tx, ctx, {
          event: 'scheduled_report.returned',
          params: { ...params, unit: unit?.name ?? '', reason },
          link: `/scheduled-reports/submissions/${s.id}`,
          holders: { permission: 'scheduled_reports.submit', orgUnitId: s.orgUnitId },
        });
      }
    }
    return changeSubmission(tctx, s, patch, {
      action,
      comment,
      before: { state: s.state },
      after: (next) => ({ state: next.state, late: next.late, ...(comment && { comment }) }),
    });
  });
}

/** A cycle's reports for the xlsx export (receiving side or units in scope; export permission). */
export async function exportCycle(ctx: ActorCtx, cycleId: string) {
  submissionsPolicy.require(ctx.actor, 'export');
  const c = await cycleInReach(ctx, cycleId);
  if (
    !reaches(ctx.actor, 'scheduled_reports.export', c.orgPath) &&
    !inScope(ctx.actor, 'scheduled_reports.export', c.orgPath)
  )
    throw notFound();
  const [t] = await templatesByIds(ctx.db, [c.templateId]);
  if (!t) throw notFound();
  const subs = (await submissionsOfCycles(ctx.db, [c.id])).filter((s) =>
    submissionsPolicy.can(ctx.actor, 'export', { orgPath: s.orgPath, receiverPath: c.orgPath }),
  );
  const names = await unitNamesOf(ctx.db, subs);
  const now = ctx.clock.now();
  return {
    template: t,
    cycle: c,
    label: periodLabel(c.period),
    rows: subs.map((s) => ({
      unit: names.get(s.orgUnitId) ?? '',
      state: s.state as SubmissionState,
      late: s.late,
      overdue: isOverdue(s, c, now),
      submittedAt: s.submittedAt,
      returnReason: s.returnReason,
      values: s.values,
    })),
  };
}
