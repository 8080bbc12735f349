import type {
  ApplicationActionBody,
  ApplicationDetailDto,
  ApplicationDto,
  ApplicationListQuery,
  ApplicationState,
  CallDto,
  CallListQuery,
  CallStatus,
  ConsultationKind,
  FileReportBody,
  ReportDto,
  ReportListQuery,
  CreateApplicationBody,
  CreateCallBody,
  FundingSource,
  ScoreBody,
  ScoreDto,
  SelectionLevel,
  UpdateApplicationBody,
  UpdateCallBody,
} from '../../../shared/contracts/projects';
import { foundInReach } from '../../platform/findInScope';
import { stateEventTimeline } from '../../platform/stateEventTimeline';
import type { ActorCtx } from '../../platform/context';
import { newUnitRow } from '../../platform/newRow';
import type { Db } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import type { Page } from '../../platform/listing';
import { can } from '../../platform/permissions';
import { availableActions, transition } from '../../platform/workflow';
import { ancestorOfKind, findUnitInScope, unitNames, unitsByIds } from '../org/org.api';
import { applicationsPolicy, callsPolicy } from './projects.policy';
import {
  type ApplicationRow,
  type CallRow,
  type ScoreRow,
  applicationOfUnit,
  applicationsOfCall,
  callById,
  closeUndecided,
  decidedOfCall,
  eventsOf,
  findCall,
  insertApplication,
  insertCall,
  insertEvent,
  listApplicationRows,
  listCallRows,
  moveProjectDue,
  moveSubmitDue,
  nextApplicationNumber,
  type ReportRow,
  applicationHeads,
  findReport,
  listReportRows,
  reportsOf,
  scoreSummaries,
  scoredBy,
  scoresOf,
  selectedCount,
  stateCounts,
  updateApplicationRow,
  updateCallRow,
  upsertScore,
} from './projects.repository';
import {
  applicationWorkflow,
  chinaDate,
  endOfChinaDay,
  notifyEach,
  reportWorkflow,
  sumFen,
} from './projects.workflow';
import { sealLinkOf } from './projects.links.repository';
import { applicationInReach, callInReach, callOfApplication } from './projects.reach';
import { auditApplication, auditCall } from './projects.audit';
import { audited } from '../../platform/auditedEntity';
import { orgUnitHead } from '../../platform/unitHead';

const auditScore = audited('pj_score');

// ---------------------------------------------------------------- calls

function checkCallFields(c: {
  applicationDue: string;
  completionDue: string;
  summaryDue: string;
  types: { key: string }[];
  documents: { key: string }[];
  criteria: { key: string }[];
}) {
  if (!(c.applicationDue < c.completionDue && c.completionDue < c.summaryDue))
    throw new AppError('projects.dates_order', 422);
  for (const list of [c.types, c.documents, c.criteria])
    if (new Set(list.map((x) => x.key)).size !== list.length)
      throw new AppError('projects.duplicate_keys', 422);
}

/** The subdistricts/towns a call covers: each under the issuing unit. */
async function checkScopeUnits(ctx: ActorCtx, issuerPath: string, ids: string[]) {
  const units = await unitsByIds(ctx.db, ids);
  if (
    units.length !== new Set(ids).size ||
    units.some((u) => u.kind !== 'subdistrict' || !u.path.startsWith(issuerPath) || u.status !== 'active')
  )
    throw new AppError('projects.scope_units', 422);
}

async function callDtos(ctx: ActorCtx, rows: CallRow[]): Promise<CallDto[]> {
  const now = ctx.clock.now();
  const [names, counts, selected] = await Promise.all([
    unitNames(ctx.db, [...new Set(rows.flatMap((r) => [r.orgUnitId, ...r.scopeUnitIds]))]),
    stateCounts(
      ctx.db,
      ctx.actor,
      rows.map((r) => r.id),
    ),
    Promise.all(rows.map((r) => selectedCount(ctx.db, r.id))),
  ]);
  return rows.map((r, i) => {
    const manage = callsPolicy.can(ctx.actor, 'manage', r);
    const pastDeadline = now.getTime() > endOfChinaDay(r.applicationDue).getTime();
    return {
      ...orgUnitHead(r, names),
      year: r.year,
      title: r.title,
      status: r.status as CallStatus,
      types: r.types,
      quota: r.quota,
      applicationDue: r.applicationDue,
      completionDue: r.completionDue,
      summaryDue: r.summaryDue,
      reportDay: r.reportDay,
      subsidyCityFen: r.subsidyCityFen,
      subsidyPrefectureFen: r.subsidyPrefectureFen,
      documents: r.documents,
      criteria: r.criteria,
      scopeUnits: r.scopeUnitIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      notes: r.notes,
      openedAt: r.openedAt,
      publishedAt: r.publishedAt,
      counts: counts.get(r.id) ?? {},
      selectedCount: selected[i]!,
      pastDeadline,
      abilities: {
        edit: manage && r.status !== 'published',
        open: manage && r.status === 'draft',
        publish: manage && r.status === 'open',
        apply: can(ctx.actor, 'projects.apply') && r.status === 'open' && !pastDeadline,
      },
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

const callDto = async (ctx: ActorCtx, row: CallRow) => (await callDtos(ctx, [row]))[0]!;

export async function listCalls(ctx: ActorCtx, q: CallListQuery): Promise<Page<CallDto>> {
  callsPolicy.require(ctx.actor, 'read');
  const page = await listCallRows(ctx.db, ctx.actor, q);
  return { ...page, items: await callDtos(ctx, page.items) };
}

export async function getCall(ctx: ActorCtx, id: string): Promise<CallDto> {
  const row = await callInReach(ctx, id);
  return callDto(ctx, row);
}

/** A bureau drafts a year's call (R-PJ-1/2): types, quota, deadlines, subsidies, documents, criteria, scope. */
export async function createCall(ctx: ActorCtx, input: CreateCallBody): Promise<CallDto> {
  callsPolicy.require(ctx.actor, 'manage');
  const issuer = await findUnitInScope(ctx, input.orgUnitId, 'projects.manage');
  if (issuer.kind !== 'city' && issuer.kind !== 'district') throw new AppError('projects.issuer_kind', 422);
  checkCallFields(input);
  await checkScopeUnits(ctx, issuer.path, input.scopeUnitIds);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertCall(tx, {
      ...newUnitRow(ctx, issuer, now),
      year: input.year,
      title: input.title,
      status: 'draft',
      types: input.types,
      quota: input.quota,
      applicationDue: input.applicationDue,
      completionDue: input.completionDue,
      summaryDue: input.summaryDue,
      reportDay: input.reportDay,
      subsidyCityFen: input.subsidyCityFen,
      subsidyPrefectureFen: input.subsidyPrefectureFen,
      documents: input.documents,
      criteria: input.criteria,
      scopeUnitIds: [...new Set(input.scopeUnitIds)],
      notes: input.notes ?? null,
      createdBy: ctx.actor.userId,
    });
    await auditCall(tx, ctx, 'projects.call.create', created.id, created, {
      after: { year: created.year, title: created.title, quota: created.quota },
    });
    return created;
  });
  return callDto(ctx, row);
}

/**
 * Changes a call. Once open, its types and scope stay (applications rest on them); its dates may move,
 * and the deadline of every application not yet submitted moves with the application day.
 */
export async function updateCall(ctx: ActorCtx, id: string, input: UpdateCallBody): Promise<CallDto> {
  const call = await callInReach(ctx, id, 'manage');
  if (call.status === 'published') throw new AppError('projects.call_published', 409);
  if (call.status !== 'draft' && (input.types || input.scopeUnitIds))
    throw new AppError('projects.call_not_draft', 409);
  const next = { ...call, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) };
  checkCallFields(next);
  if (input.scopeUnitIds) await checkScopeUnits(ctx, call.orgPath, input.scopeUnitIds);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateCallRow(tx, id, {
      ...input,
      notes: input.notes === undefined ? call.notes : input.notes,
      updatedAt: now,
    });
    if (input.applicationDue && input.applicationDue !== call.applicationDue)
      await moveSubmitDue(tx, id, endOfChinaDay(input.applicationDue));
    if (input.completionDue && input.completionDue !== call.completionDue)
      await moveProjectDue(tx, id, 'completion', endOfChinaDay(input.completionDue));
    if (input.summaryDue && input.summaryDue !== call.summaryDue)
      await moveProjectDue(tx, id, 'summary', endOfChinaDay(input.summaryDue));
    await auditCall(tx, ctx, 'projects.call.update', id, call, {
      before: Object.fromEntries(Object.keys(input).map((k) => [k, call[k as keyof CallRow]])),
      after: input,
    });
    return updated;
  });
  return callDto(ctx, row);
}

/** The bureau opens the call: the communities in scope see it and may apply. */
export async function openCall(ctx: ActorCtx, id: string): Promise<CallDto> {
  const call = await callInReach(ctx, id, 'manage');
  if (call.status !== 'draft') throw new AppError('projects.call_not_draft', 409);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const updated = await updateCallRow(tx, id, { status: 'open', openedAt: now, updatedAt: now });
    await auditCall(tx, ctx, 'projects.call.open', id, call, {
      before: { status: 'draft' },
      after: { status: 'open' },
    });
    return updated;
  });
  return callDto(ctx, row);
}

/**
 * The bureau publishes the results (after the application deadline, with at least one pilot selected):
 * submitted applications not selected are closed as not selected, each with its timeline entry.
 */
export async function publishCall(ctx: ActorCtx, id: string): Promise<CallDto> {
  const call = await callInReach(ctx, id, 'manage');
  if (call.status !== 'open') throw new AppError('projects.call_not_open', 409);
  const now = ctx.clock.now();
  if (now.getTime() <= endOfChinaDay(call.applicationDue).getTime())
    throw new AppError('projects.before_deadline', 409, { due: call.applicationDue });
  if ((await selectedCount(ctx.db, id)) === 0) throw new AppError('projects.nothing_selected', 409);
  const row = await ctx.db.transaction(async (tx) => {
    const locked = await callById(tx, id, true);
    if (locked?.status !== 'open') throw new AppError('projects.call_not_open', 409);
    const closed = await closeUndecided(tx, id, now);
    for (const a of closed) {
      await insertEvent(tx, {
        id: ctx.ids(),
        applicationId: a.id,
        at: now,
        actorId: ctx.actor.userId,
        actorName: ctx.actor.displayName,
        action: 'reject',
        fromState: 'submitted',
        toState: 'not_selected',
        comment: null,
        data: { published: true },
      });
      await auditApplication(tx, ctx, 'projects.application.reject', a.id, a, {
        before: { state: 'submitted' },
        after: { state: 'not_selected', published: true },
      });
    }
    await notifyResults(tx, ctx, locked);
    const updated = await updateCallRow(tx, id, { status: 'published', publishedAt: now, updatedAt: now });
    await auditCall(tx, ctx, 'projects.call.publish', id, call, {
      before: { status: 'open' },
      after: { status: 'published', notSelected: closed.length },
    });
    return updated;
  });
  return callDto(ctx, row);
}

const RESULT_ZH = { prefecture: '入选并推荐为泉州市级试点', city: '入选试点项目', no: '未入选' };
const RESULT_EN = {
  prefecture: 'selected and recommended to the prefecture',
  city: 'selected',
  no: 'not selected',
};

/**
 * Published results reach the applicants (issue 11 §3): each decided application's community
 * (`projects.apply` at its unit) and its subdistrict/town (`projects.review`) get an inbox message.
 */
async function notifyResults(tx: Db, ctx: ActorCtx, call: CallRow) {
  const decided = await decidedOfCall(tx, call.id);
  const names = await unitNames(tx, [...new Set(decided.flatMap((a) => [a.orgUnitId, a.subdistrictId]))]);
  for (const a of decided) {
    const k = a.state === 'selected' ? (a.level === 'prefecture' ? 'prefecture' : 'city') : 'no';
    const params = {
      unit: names.get(a.orgUnitId) ?? '',
      title: a.title,
      call: call.title,
      result: RESULT_ZH[k],
      resultEn: RESULT_EN[k],
    };
    await notifyEach(tx, ctx, { event: 'projects.result', params, link: `/projects/applications/${a.id}` }, [
      {
        holders: { permission: 'projects.apply', orgUnitId: a.orgUnitId },
        unit: { id: a.orgUnitId, path: a.orgPath },
      },
      { holders: { permission: 'projects.review', orgUnitId: a.subdistrictId } },
    ]);
  }
}

// ---------------------------------------------------------------- applications

async function applicationDtos(ctx: ActorCtx, rows: ApplicationRow[]): Promise<ApplicationDto[]> {
  const callIds = [...new Set(rows.map((r) => r.callId))];
  const ids = rows.map((r) => r.id);
  const [calls, names, summaries, mine] = await Promise.all([
    Promise.all(callIds.map((id) => callById(ctx.db, id))),
    unitNames(ctx.db, [...new Set(rows.flatMap((r) => [r.orgUnitId, r.subdistrictId]))]),
    scoreSummaries(ctx.db, ids),
    scoredBy(ctx.db, ctx.actor.userId, ids),
  ]);
  const callOf = new Map(calls.filter((c) => c).map((c) => [c!.id, c!]));
  const now = ctx.clock.now();
  return rows.map((r) => {
    const call = callOf.get(r.callId);
    // Each reviewer scores separately: the averages are the bureau's, who selects.
    const bureau = applicationsPolicy.can(ctx.actor, 'manage', r);
    const summary = summaries.get(r.id);
    const open = ['draft', 'pending_review', 'returned', 'approved'].includes(r.state);
    return {
      id: r.id,
      number: r.number,
      callId: r.callId,
      callTitle: call?.title ?? '',
      orgUnitId: r.orgUnitId,
      orgUnitName: names.get(r.orgUnitId) ?? null,
      subdistrictName: names.get(r.subdistrictId) ?? null,
      type: r.type,
      typeName: call?.types.find((t) => t.key === r.type)?.name ?? r.type,
      title: r.title,
      state: r.state as ApplicationState,
      budgetTotalFen: r.budgetTotalFen,
      submitDueAt: r.submitDueAt,
      overdue: open && (!!r.overdueAt || now.getTime() > r.submitDueAt.getTime()),
      sealed: !!r.sealedAt,
      submittedAt: r.submittedAt,
      level: (r.level as SelectionLevel | null) ?? null,
      subsidyFen:
        r.state !== 'selected' || !call
          ? null
          : r.level === 'prefecture'
            ? call.subsidyPrefectureFen
            : call.subsidyCityFen,
      completionDueAt: r.completionDueAt,
      completedAt: r.completedAt,
      completionOverdue:
        !r.completedAt && !!r.completionDueAt && (!!r.completionOverdueAt || now > r.completionDueAt),
      summaryDueAt: r.summaryDueAt,
      summaryAt: r.summaryAt,
      summaryOverdue: !r.summaryAt && !!r.summaryDueAt && (!!r.summaryOverdueAt || now > r.summaryDueAt),
      visitAt: r.visitAt,
      visitOpinion: r.visitOpinion,
      visitAnsweredAt: r.visitAnsweredAt,
      visitAnswer: r.visitAnswer,
      averageScore: bureau ? (summary?.average ?? null) : null,
      scoreCount: bureau ? (summary?.count ?? 0) : null,
      scoredByMe: mine.has(r.id),
      actions: availableActions(applicationWorkflow, ctx.actor, r),
      updatedAt: r.updatedAt,
    };
  });
}

const scoreDto = (s: ScoreRow): ScoreDto => ({
  id: s.id,
  reviewerId: s.reviewerId,
  reviewerName: s.reviewerName,
  conflict: s.conflict,
  conflictNote: s.conflictNote,
  scores: s.scores,
  total: s.total,
  comment: s.comment,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});

async function detailOf(ctx: ActorCtx, row: ApplicationRow): Promise<ApplicationDetailDto> {
  const [dto] = await applicationDtos(ctx, [row]);
  const call = await callById(ctx.db, row.callId);
  const bureau = applicationsPolicy.can(ctx.actor, 'manage', row);
  const [scores, events, reports, sealLink] = await Promise.all([
    scoresOf(ctx.db, row.id, bureau ? undefined : ctx.actor.userId),
    eventsOf(ctx.db, row.id),
    reportsOf(ctx.db, row.id),
    sealLinkOf(ctx.db, row.id),
  ]);
  return {
    ...dto!,
    summary: row.summary,
    targets: row.targets,
    consultationKind: (row.consultationKind as ConsultationKind | null) ?? null,
    consultationDate: row.consultationDate,
    consultationNote: row.consultationNote,
    budgetLines: row.budgetLines,
    funding: row.funding as { source: FundingSource; amountFen: number }[],
    fundingTotalFen: row.fundingTotalFen,
    reviewComment: row.reviewComment,
    sealNo: row.sealNo,
    sealedAt: row.sealedAt,
    sealedByName: row.sealedByName,
    criteria: call?.criteria ?? [],
    scores: scores.map(scoreDto),
    events: events.map((e) => ({ id: e.id, ...stateEventTimeline(e) })),
    reports: await reportDtos(ctx, reports),
    abilities: {
      edit: ['draft', 'returned'].includes(row.state) && applicationsPolicy.can(ctx.actor, 'apply', row),
      score:
        row.state === 'submitted' &&
        call?.status === 'open' &&
        applicationsPolicy.can(ctx.actor, 'score', row),
    },
    createdAt: row.createdAt,
    sealLogNo: sealLink?.sealLogNo ?? null,
  };
}

export async function listApplications(
  ctx: ActorCtx,
  q: ApplicationListQuery,
): Promise<Page<ApplicationDto>> {
  applicationsPolicy.require(ctx.actor, 'read');
  // A call named in the filter must be one the actor may read (404 otherwise, never an empty page).
  if (q.callId && !(await findCall(ctx.db, ctx.actor, q.callId))) throw notFound();
  const page = await listApplicationRows(ctx.db, ctx.actor, q, ctx.clock.now());
  return { ...page, items: await applicationDtos(ctx, page.items) };
}

export async function getApplication(ctx: ActorCtx, id: string): Promise<ApplicationDetailDto> {
  const row = await applicationInReach(ctx, id);
  return detailOf(ctx, row);
}

function contentOf(call: CallRow, input: UpdateApplicationBody) {
  if (input.type !== undefined && !call.types.some((t) => t.key === input.type))
    throw new AppError('projects.unknown_type', 422);
  return {
    ...input,
    ...(input.budgetLines && { budgetTotalFen: sumFen(input.budgetLines) }),
    ...(input.funding && { fundingTotalFen: sumFen(input.funding) }),
  };
}

/** A community drafts its application to an open call (R-PJ-2), before the call's application day ends. */
export async function createApplication(
  ctx: ActorCtx,
  input: CreateApplicationBody,
): Promise<ApplicationDetailDto> {
  const call = await foundInReach(applicationsPolicy, ctx, 'apply', () =>
    findCall(ctx.db, ctx.actor, input.callId),
  );
  const unit = await findUnitInScope(ctx, input.orgUnitId, 'projects.apply');
  if (call.status !== 'open') throw new AppError('projects.call_not_open', 409);
  const subdistrict =
    unit.kind === 'community' ? await ancestorOfKind(ctx.db, unit.path, 'subdistrict') : null;
  if (!subdistrict || !call.scopeUnitIds.includes(subdistrict.id))
    throw new AppError('projects.not_eligible', 422);
  const dueAt = endOfChinaDay(call.applicationDue);
  const now = ctx.clock.now();
  if (now.getTime() > dueAt.getTime())
    throw new AppError('projects.past_deadline', 409, { due: call.applicationDue });
  if (await applicationOfUnit(ctx.db, call.id, unit.id)) throw new AppError('projects.already_applied', 409);
  const { callId: _c, orgUnitId: _u, ...fields } = input;
  const content = contentOf(call, fields);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertApplication(tx, {
      ...newUnitRow(ctx, unit, now),
      number: await nextApplicationNumber(tx, call.year),
      callId: call.id,
      subdistrictId: subdistrict.id,
      ...content,
      type: fields.type,
      title: fields.title,
      summary: content.summary ?? null,
      consultationKind: content.consultationKind ?? null,
      consultationDate: content.consultationDate ?? null,
      consultationNote: content.consultationNote ?? null,
      state: 'draft',
      submitDueAt: dueAt,
      createdBy: ctx.actor.userId,
    });
    await insertEvent(tx, {
      id: ctx.ids(),
      applicationId: created.id,
      at: now,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      action: 'create',
      fromState: null,
      toState: 'draft',
      comment: null,
      data: {},
    });
    await auditApplication(tx, ctx, 'projects.application.create', created.id, created, {
      after: { number: created.number, title: created.title, type: created.type },
    });
    return created;
  });
  return detailOf(ctx, row);
}

/** The community edits its draft, or the application returned to it. */
export async function updateApplication(
  ctx: ActorCtx,
  id: string,
  input: UpdateApplicationBody,
): Promise<ApplicationDetailDto> {
  const row = await applicationInReach(ctx, id, 'apply');
  // R-PJ-4: a selected project's content changes only through a change request (projects.changes.ts).
  if (row.state === 'selected') throw new AppError('projects.use_change_procedure', 409);
  if (!['draft', 'returned'].includes(row.state)) throw new AppError('projects.invalid_action', 409);
  const call = await callOfApplication(ctx, row);
  const content = contentOf(call, input);
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const u = await updateApplicationRow(tx, id, { ...content, updatedAt: now });
    await auditApplication(tx, ctx, 'projects.application.update', id, row, {
      before: Object.fromEntries(Object.keys(input).map((k) => [k, row[k as keyof ApplicationRow]])),
      after: input,
    });
    return u;
  });
  return detailOf(ctx, updated);
}

/** One step of the application procedure (projects.workflow.ts). */
export async function actOnApplication(
  ctx: ActorCtx,
  id: string,
  body: ApplicationActionBody,
): Promise<ApplicationDetailDto> {
  const row = await applicationInReach(ctx, id);
  const call = await callOfApplication(ctx, row);
  const updated = await transition(applicationWorkflow, ctx, row, body.action, { ...body, call });
  return detailOf(ctx, updated);
}

/**
 * A reviewer scores a submitted application against the call's criteria (R-PJ-2), separately from the
 * others, with a conflict-of-interest declaration: a declared conflict records the recusal and no score.
 */
export async function scoreApplication(
  ctx: ActorCtx,
  id: string,
  body: ScoreBody,
): Promise<ApplicationDetailDto> {
  const row = await applicationInReach(ctx, id, 'score');
  const call = await callOfApplication(ctx, row);
  if (row.state !== 'submitted' || call.status !== 'open') throw new AppError('projects.not_scorable', 409);
  let scores: Record<string, number> = {};
  let total: number | null = null;
  if (!body.conflict) {
    const keys = Object.keys(body.scores);
    if (
      keys.length !== call.criteria.length ||
      call.criteria.some((c) => body.scores[c.key] === undefined || body.scores[c.key]! > c.max)
    )
      throw new AppError('projects.score_range', 422);
    scores = body.scores;
    total = call.criteria.reduce((n, c) => n + body.scores[c.key]!, 0);
  }
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const { row: s, before } = await upsertScore(tx, {
      id: ctx.ids(),
      applicationId: row.id,
      callId: row.callId,
      orgPath: row.orgPath,
      reviewerId: ctx.actor.userId,
      reviewerName: ctx.actor.displayName,
      conflict: body.conflict,
      conflictNote: body.conflictNote ?? null,
      scores,
      total,
      comment: body.comment ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await auditScore(tx, ctx, 'projects.score', s.id, row, {
      before: before ? { conflict: before.conflict, total: before.total } : undefined,
      after: { applicationId: row.id, conflict: s.conflict, total: s.total },
    });
  });
  return detailOf(ctx, row);
}

/** The applications of a call for the Excel list (the bureau's selection list, a subdistrict's own). */
export async function exportApplications(ctx: ActorCtx, callId: string) {
  const call = await foundInReach(applicationsPolicy, ctx, 'export', () =>
    findCall(ctx.db, ctx.actor, callId),
  );
  const rows = await applicationsOfCall(ctx.db, ctx.actor, callId, 'export');
  return { call, rows: await applicationDtos(ctx, rows), chinaDate };
}

// ---------------------------------------------------------------- monthly reports (R-PJ-4)

async function reportDtos(ctx: ActorCtx, rows: ReportRow[]): Promise<ReportDto[]> {
  const heads = await applicationHeads(
    ctx.db,
    rows.map((r) => r.applicationId),
  );
  const names = await unitNames(ctx.db, [...new Set([...heads.values()].map((h) => h.orgUnitId))]);
  const now = ctx.clock.now();
  return rows.map((r) => {
    const head = heads.get(r.applicationId);
    return {
      id: r.id,
      applicationId: r.applicationId,
      applicationTitle: head?.title ?? '',
      orgUnitName: head ? (names.get(head.orgUnitId) ?? null) : null,
      month: r.month,
      state: r.state as ReportDto['state'],
      dueAt: r.dueAt,
      overdue: r.state === 'due' && (!!r.overdueAt || now.getTime() > r.dueAt.getTime()),
      progress: r.progress,
      issues: r.issues,
      nextSteps: r.nextSteps,
      filedAt: r.filedAt,
      filedByName: r.filedByName,
      canFile: availableActions(reportWorkflow, ctx.actor, r).includes('file'),
    };
  });
}

export async function listReports(ctx: ActorCtx, q: ReportListQuery): Promise<Page<ReportDto>> {
  applicationsPolicy.require(ctx.actor, 'read');
  if (q.callId && !(await findCall(ctx.db, ctx.actor, q.callId))) throw notFound();
  const page = await listReportRows(ctx.db, ctx.actor, q, ctx.clock.now());
  return { ...page, items: await reportDtos(ctx, page.items) };
}

/** The subdistrict files a monthly progress report (late ones too: the overdue flag stays on record). */
export async function fileReport(ctx: ActorCtx, id: string, body: FileReportBody): Promise<ReportDto> {
  const row = await foundInReach(applicationsPolicy, ctx, 'review', () =>
    findReport(ctx.db, ctx.actor, id, 'review'),
  );
  const updated = await transition(reportWorkflow, ctx, row, 'file', body);
  return (await reportDtos(ctx, [updated]))[0]!;
}
