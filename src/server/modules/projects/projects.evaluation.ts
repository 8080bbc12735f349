/**
 * The end of a project year (R-PJ-4, issue 11 §5): the bureau's evaluation team records each pilot's final
 * evaluation (末期评估) after its closing summary, graded by the call's configurable bands; next year's
 * quota per subdistrict/town is proposed from the grades (grade → delta, floor) and applied to the new call;
 * force-majeure exemptions move a project's completion date; the year summary workbook.
 */
import ExcelJS from 'exceljs';
import { chinaDate } from '../../../shared/chinaTime';
import type { FundingSource } from '../../../shared/contracts/projects';
import type {
  CallEvaluationDto,
  EvaluationBody,
  EvaluationRulesBody,
  ExemptionBody,
  ProjectEvaluationDto,
  QuotaProposalDto,
  SubdistrictQuotasBody,
} from '../../../shared/contracts/projects.evaluation';
import { foundInReach } from '../../platform/findInScope';
import type { ActorCtx } from '../../platform/context';
import { AppError, forbidden, notFound } from '../../platform/errors';
import { userDisplayNames, userHasRoleInScope } from '../accounts/accounts.api';
import { notify } from '../notifications/notifications.api';
import { unitNames } from '../org/org.api';
import { applicationsPolicy, callsPolicy } from './projects.policy';
import {
  type ApplicationRow,
  type CallRow,
  applicationsOfCall,
  callById,
  findApplication,
  findCall,
  insertStep,
} from './projects.repository';
import {
  type CallEvaluationRow,
  callEvaluationOf,
  countEvaluations,
  evaluationOf,
  evaluationsOfCall,
  exemptionsOf,
  insertExemption,
  moveOneProjectDue,
  previousCall,
  saveCallEvaluation,
  selectedBySubdistrict,
  summaryFacts,
  upsertEvaluation,
} from './projects.evaluation.repository';
import { endOfChinaDay } from './projects.workflow';
import { applicationInReach, callInReach, callOfApplication } from './projects.reach';
import { auditApplication, auditCall } from './projects.audit';
import { newChildRow } from './projects.childRows';

const DAY = 86_400_000;

/** The grade of a score: the band with the highest minimum the score reaches (bands always hold a 0). */
export function gradeOf(bands: CallEvaluationRow['bands'], score: number) {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => score >= b.min) ?? sorted[sorted.length - 1]!;
}

function checkBands(bands: EvaluationRulesBody['bands']) {
  if (new Set(bands.map((b) => b.key)).size !== bands.length)
    throw new AppError('projects.bands_invalid', 422);
  if (new Set(bands.map((b) => b.min)).size !== bands.length || !bands.some((b) => b.min === 0))
    throw new AppError('projects.bands_invalid', 422);
}

// ---------------------------------------------------------------- call settings and quotas

async function callSettingsDto(ctx: ActorCtx, call: CallRow): Promise<CallEvaluationDto> {
  const s = await callEvaluationOf(ctx.db, call.id);
  const [names, people, selected, from] = await Promise.all([
    unitNames(ctx.db, call.scopeUnitIds),
    userDisplayNames(ctx.db, s.evaluatorIds),
    selectedBySubdistrict(ctx.db, call.id),
    s.quotasFromCallId ? callById(ctx.db, s.quotasFromCallId) : undefined,
  ]);
  const manage = callsPolicy.can(ctx.actor, 'manage', call);
  return {
    callId: call.id,
    bands: s.bands,
    adjustments: s.adjustments,
    floor: s.floor,
    evaluators: s.evaluatorIds.map((id) => ({ id, name: people.get(id) ?? '' })),
    quotasFromCall: from ? { id: from.id, title: from.title } : null,
    subdistricts: call.scopeUnitIds.map((id) => ({
      unitId: id,
      name: names.get(id) ?? '',
      quota: s.subdistrictQuotas[id] ?? null,
      selected: selected.get(id) ?? 0,
    })),
    abilities: { editRules: manage, editQuotas: manage && call.status === 'draft' },
  };
}

export async function getCallEvaluation(ctx: ActorCtx, callId: string): Promise<CallEvaluationDto> {
  const call = await callInReach(ctx, callId);
  return callSettingsDto(ctx, call);
}

/**
 * The bureau sets the call's grade bands, next-year quota rules and named evaluators. The bands stay once
 * a project of the call has been graded by them (409), the rest may change.
 */
export async function updateEvaluationRules(
  ctx: ActorCtx,
  callId: string,
  body: EvaluationRulesBody,
): Promise<CallEvaluationDto> {
  const call = await callInReach(ctx, callId, 'manage');
  checkBands(body.bands);
  if (Object.keys(body.adjustments).some((k) => !body.bands.some((b) => b.key === k)))
    throw new AppError('projects.bands_invalid', 422);
  const before = await callEvaluationOf(ctx.db, callId);
  if (
    JSON.stringify(before.bands) !== JSON.stringify(body.bands) &&
    (await countEvaluations(ctx.db, callId)) > 0
  )
    throw new AppError('projects.bands_locked', 409);
  const evaluatorIds = [...new Set(body.evaluatorIds)];
  for (const id of evaluatorIds)
    if (!(await userHasRoleInScope(ctx.db, ctx.actor, 'projects.manage', id)))
      throw new AppError('projects.evaluator_scope', 422);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await saveCallEvaluation(tx, {
      ...before,
      bands: body.bands,
      adjustments: body.adjustments,
      floor: body.floor,
      evaluatorIds,
      createdAt: before.createdAt.getTime() === 0 ? now : before.createdAt,
      updatedAt: now,
    });
    await auditCall(tx, ctx, 'projects.call.evaluation_rules', callId, call, {
      before: { bands: before.bands, adjustments: before.adjustments, floor: before.floor },
      after: { bands: body.bands, adjustments: body.adjustments, floor: body.floor, evaluatorIds },
    });
  });
  return callSettingsDto(ctx, call);
}

/**
 * R-PJ-4: the proposal of next year's quota per subdistrict/town for `callId` from a previous call's final
 * evaluations: the pilots the subdistrict had + Σ the previous call's delta of each grade, not below its floor.
 */
export async function quotaProposal(
  ctx: ActorCtx,
  callId: string,
  fromCallId?: string,
): Promise<QuotaProposalDto> {
  const call = await callInReach(ctx, callId, 'manage');
  const from = fromCallId
    ? await findCall(ctx.db, ctx.actor, fromCallId)
    : await previousCall(ctx.db, call).then((c) => (c ? findCall(ctx.db, ctx.actor, c.id) : undefined));
  if (!from) throw new AppError('projects.no_previous_call', 409);
  const rows = await proposalRows(ctx, from, call.scopeUnitIds);
  return {
    callId: call.id,
    fromCall: { id: from.id, title: from.title, year: from.year },
    rows: rows.rows,
    bands: rows.bands,
  };
}

/**
 * What a call's results mean for next year (R-PJ-4): per subdistrict/town in its scope, its pilots, their
 * grades and the quota the rules would propose from them — the same computation a new call's proposal uses.
 */
export async function resultsOutlook(ctx: ActorCtx, callId: string): Promise<QuotaProposalDto> {
  const call = await callInReach(ctx, callId, 'manage');
  const rows = await proposalRows(ctx, call, call.scopeUnitIds);
  return {
    callId: call.id,
    fromCall: { id: call.id, title: call.title, year: call.year },
    rows: rows.rows,
    bands: rows.bands,
  };
}

async function proposalRows(ctx: ActorCtx, from: CallRow, unitIds: string[]) {
  const [settings, pilots, evaluations, names] = await Promise.all([
    callEvaluationOf(ctx.db, from.id),
    selectedBySubdistrict(ctx.db, from.id),
    evaluationsOfCall(ctx.db, from.id),
    unitNames(ctx.db, unitIds),
  ]);
  const rows = unitIds.map((unitId) => {
    const mine = evaluations.filter((e) => e.subdistrictId === unitId);
    const grades: Record<string, number> = {};
    for (const e of mine) grades[e.grade] = (grades[e.grade] ?? 0) + 1;
    const delta = mine.reduce((n, e) => n + (settings.adjustments[e.grade] ?? 0), 0);
    const had = pilots.get(unitId) ?? 0;
    return {
      unitId,
      name: names.get(unitId) ?? '',
      pilots: had,
      grades,
      unevaluated: Math.max(0, had - mine.length),
      delta,
      proposed: Math.max(settings.floor, had + delta),
    };
  });
  return { rows, bands: settings.bands };
}

/** The bureau sets (or applies a proposal as) the quota per subdistrict of a call still in draft. */
export async function setSubdistrictQuotas(
  ctx: ActorCtx,
  callId: string,
  body: SubdistrictQuotasBody,
): Promise<CallEvaluationDto> {
  const call = await callInReach(ctx, callId, 'manage');
  if (call.status !== 'draft') throw new AppError('projects.call_not_draft', 409);
  if (body.quotas.some((q) => !call.scopeUnitIds.includes(q.unitId)))
    throw new AppError('projects.scope_units', 422);
  if (body.fromCallId && !(await findCall(ctx.db, ctx.actor, body.fromCallId))) throw notFound();
  const before = await callEvaluationOf(ctx.db, callId);
  const quotas: Record<string, number> = {};
  for (const q of body.quotas) if (q.quota !== null) quotas[q.unitId] = q.quota;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await saveCallEvaluation(tx, {
      ...before,
      subdistrictQuotas: quotas,
      quotasFromCallId: body.fromCallId ?? null,
      createdAt: before.createdAt.getTime() === 0 ? now : before.createdAt,
      updatedAt: now,
    });
    await auditCall(tx, ctx, 'projects.call.subdistrict_quotas', callId, call, {
      before: { quotas: before.subdistrictQuotas },
      after: { quotas, fromCallId: body.fromCallId ?? null },
    });
  });
  return callSettingsDto(ctx, call);
}

// ---------------------------------------------------------------- a project's final evaluation, exemptions

function canEvaluate(ctx: ActorCtx, row: ApplicationRow, s: CallEvaluationRow) {
  return (
    row.state === 'selected' &&
    (applicationsPolicy.can(ctx.actor, 'manage', row) || s.evaluatorIds.includes(ctx.actor.userId))
  );
}

async function projectDto(ctx: ActorCtx, row: ApplicationRow): Promise<ProjectEvaluationDto> {
  const [s, ev, exemptions] = await Promise.all([
    callEvaluationOf(ctx.db, row.callId),
    evaluationOf(ctx.db, row.id),
    exemptionsOf(ctx.db, row.id),
  ]);
  return {
    applicationId: row.id,
    summaryAt: row.summaryAt,
    completionDueAt: row.completionDueAt,
    completedAt: row.completedAt,
    evaluation: ev
      ? {
          members: ev.members,
          score: ev.score,
          grade: ev.grade,
          gradeName: ev.gradeName,
          opinion: ev.opinion,
          evaluatedOn: ev.evaluatedOn,
          createdByName: ev.createdByName,
          updatedAt: ev.updatedAt,
        }
      : null,
    exemptions: exemptions.map((e) => ({
      id: e.id,
      reason: e.reason,
      previousDue: chinaDate(e.previousDueAt),
      newDue: e.newDue,
      grantedByName: e.grantedByName,
      createdAt: e.createdAt,
    })),
    bands: s.bands,
    abilities: {
      evaluate: canEvaluate(ctx, row, s) && !!row.summaryAt,
      exempt:
        row.state === 'selected' && !row.completedAt && applicationsPolicy.can(ctx.actor, 'manage', row),
    },
  };
}

export async function getProjectEvaluation(ctx: ActorCtx, id: string): Promise<ProjectEvaluationDto> {
  const row = await applicationInReach(ctx, id);
  return projectDto(ctx, row);
}

/**
 * R-PJ-4: after the pilot's closing summary the bureau's evaluation team does the final evaluation: members,
 * score 0–100 graded by the call's bands, opinion, date. Recording again replaces it (audited with before).
 * The project's subdistrict/town and community are told.
 */
export async function recordEvaluation(
  ctx: ActorCtx,
  id: string,
  body: EvaluationBody,
): Promise<ProjectEvaluationDto> {
  const row = await applicationInReach(ctx, id);
  const s = await callEvaluationOf(ctx.db, row.callId);
  if (!applicationsPolicy.can(ctx.actor, 'manage', row) && !s.evaluatorIds.includes(ctx.actor.userId))
    throw forbidden();
  if (row.state !== 'selected') throw new AppError('projects.evaluation_not_selected', 409);
  if (!row.summaryAt) throw new AppError('projects.evaluation_before_summary', 409);
  const grade = gradeOf(s.bands, body.score);
  const now = ctx.clock.now();
  const call = await callById(ctx.db, row.callId);
  await ctx.db.transaction(async (tx) => {
    const before = await evaluationOf(tx, row.id);
    const members = body.members.map((m) => m.trim()).filter(Boolean);
    await upsertEvaluation(tx, {
      id: ctx.ids(),
      applicationId: row.id,
      callId: row.callId,
      subdistrictId: row.subdistrictId,
      orgPath: row.orgPath,
      members,
      score: body.score,
      grade: grade.key,
      gradeName: grade.name,
      opinion: body.opinion,
      evaluatedOn: body.evaluatedOn,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await insertStep(tx, ctx, row, 'evaluate', `${body.score}（${grade.name}）${body.opinion}`, {
      score: body.score,
      grade: grade.key,
      members,
    });
    await auditApplication(tx, ctx, 'projects.application.evaluate', row.id, row, {
      before: before ? { score: before.score, grade: before.grade } : undefined,
      after: { score: body.score, grade: grade.key, members, evaluatedOn: body.evaluatedOn },
    });
    const names = await unitNames(tx, [row.orgUnitId]);
    const params = {
      unit: names.get(row.orgUnitId) ?? '',
      title: row.title,
      call: call?.title ?? '',
      score: body.score,
      grade: grade.name,
    };
    const link = `/projects/applications/${row.id}`;
    await notify(tx, ctx, {
      event: 'projects.evaluated',
      params,
      link,
      holders: { permission: 'projects.review', orgUnitId: row.subdistrictId },
      unit: { id: row.orgUnitId, path: row.orgPath },
    });
    await notify(tx, ctx, {
      event: 'projects.evaluated',
      params,
      link,
      holders: { permission: 'projects.apply', orgUnitId: row.orgUnitId },
    });
  });
  const updated = await findApplication(ctx.db, ctx.actor, id);
  return projectDto(ctx, updated!);
}

/**
 * Force majeure (R-PJ-4 "projects end by 30 Nov, force majeure excepted"): the bureau exempts a project
 * from its completion date with a reason and a new date. The completion deadline moves to the new date
 * (the overdue flag clears; the sweep's reminder and overdue steps fire again against the new date), and
 * the summary date keeps at least the call's gap after it.
 */
export async function grantExemption(
  ctx: ActorCtx,
  id: string,
  body: ExemptionBody,
): Promise<ProjectEvaluationDto> {
  const row = await applicationInReach(ctx, id, 'manage');
  if (row.state !== 'selected' || !row.completionDueAt || row.completedAt)
    throw new AppError('projects.exemption_not_open', 409);
  const previousDue = chinaDate(row.completionDueAt);
  if (body.newDue <= previousDue) throw new AppError('projects.exemption_date', 422, { due: previousDue });
  const call = await callOfApplication(ctx, row);
  const newDueAt = endOfChinaDay(body.newDue);
  const gap = endOfChinaDay(call.summaryDue).getTime() - endOfChinaDay(call.completionDue).getTime();
  const minSummary = new Date(newDueAt.getTime() + Math.max(gap, DAY));
  const summaryDueAt =
    row.summaryDueAt && row.summaryDueAt.getTime() >= minSummary.getTime() ? null : minSummary;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await moveOneProjectDue(tx, row.id, newDueAt, row.summaryAt ? null : summaryDueAt, now);
    await insertExemption(tx, {
      ...newChildRow(ctx, row),
      reason: body.reason,
      previousDueAt: row.completionDueAt!,
      newDue: body.newDue,
      grantedBy: ctx.actor.userId,
      grantedByName: ctx.actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await insertStep(tx, ctx, row, 'exempt', `${body.reason}（${previousDue} → ${body.newDue}）`, {
      previousDue,
      newDue: body.newDue,
    });
    await auditApplication(tx, ctx, 'projects.application.exempt', row.id, row, {
      before: { completionDue: previousDue, overdue: !!row.completionOverdueAt },
      after: { completionDue: body.newDue, reason: body.reason },
    });
  });
  const updated = await findApplication(ctx.db, ctx.actor, id);
  return projectDto(ctx, updated!);
}

// ---------------------------------------------------------------- the year summary (xlsx)

const SOURCE: Record<FundingSource, [string, string]> = {
  city: ['市级财政补助', 'City subsidy'],
  subdistrict: ['街道（镇）补助', 'Subdistrict subsidy'],
  donation: ['慈善捐赠', 'Charitable donation'],
  foundation: ['社区基金会', 'Community foundation'],
  resident_unit: ['驻区单位支持', 'Resident units'],
  self: ['社区自筹', 'Own funds'],
  other: ['其他', 'Other'],
};

type Cell = string | number;
function sheet(wb: ExcelJS.Workbook, name: string, headers: [string, number?][], rows: Cell[][]) {
  const ws = wb.addWorksheet(name);
  ws.columns = headers.map(([header, width]) => ({ header, width: width ?? 14 }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
}

/**
 * The call's year summary (issue 11 §5), the selected projects in the actor's export reach: 项目一览,
 * 月度报告, 资金, 评估与名额 (Chinese headers; English for locale en).
 */
export async function yearSummary(ctx: ActorCtx, callId: string, en: boolean) {
  const call = await foundInReach(applicationsPolicy, ctx, 'export', () =>
    findCall(ctx.db, ctx.actor, callId),
  );
  const projects = (await applicationsOfCall(ctx.db, ctx.actor, callId, 'export')).filter(
    (a) => a.state === 'selected',
  );
  const ids = projects.map((p) => p.id);
  const [facts, settings, names, exemptions] = await Promise.all([
    summaryFacts(ctx.db, ids),
    callEvaluationOf(ctx.db, call.id),
    unitNames(ctx.db, [...new Set(projects.flatMap((p) => [p.orgUnitId, p.subdistrictId]))]),
    Promise.all(projects.map((p) => exemptionsOf(ctx.db, p.id))),
  ]);
  const now = ctx.clock.now();
  const L = (zh: string, e: string) => (en ? e : zh);
  const yes = L('是', 'yes');
  const yuan = (fen: number) => Number((fen / 100).toFixed(2));
  const day = (d: Date | null) => (d ? chinaDate(d) : '');
  const sumBy = <T>(xs: T[], pick: (x: T) => boolean, v: (x: T) => number) =>
    xs.filter(pick).reduce((n, x) => n + v(x), 0);
  const evalOf = new Map(facts.evaluations.map((e) => [e.applicationId, e]));
  const typeName = (k: string) => call.types.find((t) => t.key === k)?.name ?? k;
  const level = (l: string | null) =>
    l === 'prefecture' ? L('推荐泉州市级', 'Prefecture') : l === 'city' ? L('本级试点', 'City level') : '';
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Linli';

  sheet(
    wb,
    L('项目一览', 'Projects'),
    [
      [L('街道（镇）', 'Subdistrict/town')],
      [L('社区（村）', 'Community/village')],
      [L('项目名称', 'Project'), 30],
      [L('项目类型', 'Type')],
      [L('试点级别', 'Level')],
      [L('市级补助（元）', 'City subsidy (yuan)')],
      [L('预算（元）', 'Budget (yuan)')],
      [L('到位（元）', 'Received (yuan)')],
      [L('支出（元）', 'Spent (yuan)')],
      [L('月报已报', 'Reports filed')],
      [L('月报逾期', 'Reports overdue')],
      [L('完成期限', 'Completion due')],
      [L('完成日期', 'Completed on')],
      [L('完成逾期', 'Completion overdue')],
      [L('不可抗力顺延至', 'Force majeure: new date')],
      [L('总结期限', 'Summary due')],
      [L('总结报送日期', 'Summary filed on')],
      [L('总结逾期', 'Summary overdue')],
      [L('评估得分', 'Evaluation score')],
      [L('评估等次', 'Grade')],
    ],
    projects.map((p, i) => {
      const reports = facts.reports.filter((r) => r.applicationId === p.id);
      const ev = evalOf.get(p.id);
      const completionOverdue =
        !p.completedAt && !!p.completionDueAt && (!!p.completionOverdueAt || now > p.completionDueAt);
      const summaryOverdue =
        !p.summaryAt && !!p.summaryDueAt && (!!p.summaryOverdueAt || now > p.summaryDueAt);
      return [
        names.get(p.subdistrictId) ?? '',
        names.get(p.orgUnitId) ?? '',
        p.title,
        typeName(p.type),
        level(p.level),
        yuan(p.level === 'prefecture' ? call.subsidyPrefectureFen : call.subsidyCityFen),
        yuan(p.budgetTotalFen),
        yuan(
          sumBy(
            facts.disbursements,
            (d) => d.applicationId === p.id,
            (d) => d.amountFen,
          ),
        ),
        yuan(
          sumBy(
            facts.spends,
            (s) => s.applicationId === p.id,
            (s) => s.amountFen,
          ),
        ),
        reports.filter((r) => r.state === 'filed').length,
        reports.filter((r) => !!r.overdueAt || (r.state === 'due' && now > r.dueAt)).length,
        day(p.completionDueAt),
        day(p.completedAt),
        completionOverdue ? yes : '',
        exemptions[i]![0]?.newDue ?? '',
        day(p.summaryDueAt),
        day(p.summaryAt),
        summaryOverdue ? yes : '',
        ev?.score ?? '',
        ev ? (en ? ev.grade : ev.gradeName) : '',
      ];
    }),
  );

  const projectCols = (p: ApplicationRow): Cell[] => [
    names.get(p.subdistrictId) ?? '',
    names.get(p.orgUnitId) ?? '',
    p.title,
  ];
  const heads: [string, number?][] = [
    [L('街道（镇）', 'Subdistrict/town')],
    [L('社区（村）', 'Community/village')],
    [L('项目名称', 'Project'), 30],
  ];
  sheet(
    wb,
    L('月度报告', 'Monthly reports'),
    [
      ...heads,
      [L('月份', 'Month'), 10],
      [L('应报日期', 'Due')],
      [L('报送日期', 'Filed on')],
      [L('逾期', 'Late'), 8],
    ],
    projects.flatMap((p) =>
      facts.reports
        .filter((r) => r.applicationId === p.id)
        .map((r) => [
          ...projectCols(p),
          r.month,
          // Due "before the 20th": the last day to file is the day before the report day.
          chinaDate(new Date(r.dueAt.getTime() - 1)),
          day(r.filedAt),
          r.overdueAt || (r.state === 'due' && now > r.dueAt) ? yes : '',
        ]),
    ),
  );

  sheet(
    wb,
    L('资金', 'Funds'),
    [
      ...heads,
      [L('资金来源', 'Source')],
      [L('计划（元）', 'Planned (yuan)')],
      [L('到位（元）', 'Received (yuan)')],
    ],
    projects.flatMap((p) => {
      const sources = new Set<string>([
        ...p.funding.map((f) => f.source),
        ...facts.disbursements.filter((d) => d.applicationId === p.id).map((d) => d.source),
      ]);
      return [...sources].map((src) => [
        ...projectCols(p),
        SOURCE[src as FundingSource]?.[en ? 1 : 0] ?? src,
        yuan(
          sumBy(
            p.funding,
            (f) => f.source === src,
            (f) => f.amountFen,
          ),
        ),
        yuan(
          sumBy(
            facts.disbursements,
            (d) => d.applicationId === p.id && d.source === src,
            (d) => d.amountFen,
          ),
        ),
      ]);
    }),
  );

  // Per subdistrict of the call in reach: pilots, grades, the proposed next-year quota (this call's rules).
  const reach = [...new Set(projects.map((p) => p.subdistrictId))];
  const scopeIds = call.scopeUnitIds.filter((id) => reach.includes(id));
  const { rows } = await proposalRows(ctx, call, scopeIds);
  sheet(
    wb,
    L('评估与名额', 'Evaluation and quota'),
    [
      [L('街道（镇）', 'Subdistrict/town')],
      [L('本年名额', 'Quota this year')],
      [L('试点数', 'Pilots')],
      ...settings.bands.map((b): [string, number] => [en ? b.key : b.name, 10]),
      [L('未评估', 'Not evaluated'), 10],
      [L('名额增减', 'Quota change'), 10],
      [L('建议下年名额', 'Proposed next-year quota')],
    ],
    rows.map((r) => [
      r.name,
      settings.subdistrictQuotas[r.unitId] ?? '',
      r.pilots,
      ...settings.bands.map((b) => r.grades[b.key] ?? 0),
      r.unevaluated,
      r.delta,
      r.proposed,
    ]),
  );
  await auditCall(ctx.db, ctx, 'projects.call.summary_export', call.id, call, {
    after: { projects: projects.length },
  });
  return { call, buf: Buffer.from(await wb.xlsx.writeBuffer()) };
}
