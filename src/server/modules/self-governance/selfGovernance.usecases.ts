import { chinaDate } from '../../../shared/chinaTime';
import {
  type BodyBody,
  type BodyDto,
  type BodyKind,
  type BodyQuery,
  EXPECTED_METHOD,
  type ElectionBody,
  type ElectionDto,
  type ElectionQuery,
  type FillBody,
  type OverviewDto,
  type PositionBody,
  type PositionDto,
  type ReviewBody,
  type ReviewDto,
  type ReviewQuery,
  VACANCY_OVERDUE_DAYS,
  type VacancyDto,
  type VacancyQuery,
  type VacateBody,
} from '../../../shared/contracts/self-governance';
import { foundInReach } from '../../platform/findInScope';
import { insertUnitRowAudited } from '../../platform/auditedUnitInsert';
import { auditRecord } from '../../platform/recordAudit';
import type { ActorCtx } from '../../platform/context';
import { newUnitRow } from '../../platform/newRow';
import { AppError, notFound } from '../../platform/errors';
import { listInUnit } from '../../platform/listInUnit';
import type { Page } from '../../platform/listing';
import { activeUnitsOfKind, type OrgUnit, unitFilter, unitNames, unitNamesOf } from '../org/org.api';
import { workerInScope } from '../people/people.api';
import { sgPolicy } from './selfGovernance.policy';
import {
  type BodyRow,
  type ElectionRow,
  type PositionRow,
  type ReviewRow,
  type VacancyRow,
  bodiesByIds,
  bodiesUnder,
  closeVacancy,
  electionsUnder,
  findBody,
  findPosition,
  insertBody,
  insertElection,
  insertPosition,
  insertReview,
  insertVacancy,
  listBodyRows,
  listElectionRows,
  listReviewRows,
  listVacancyRows,
  openVacancyOf,
  positionsOf,
  positionsUnder,
  reviewsUnder,
  updatePosition,
  vacanciesUnder,
} from './selfGovernance.repository';

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS));
const COMMITTEE_KINDS: readonly string[] = ['residents_committee', 'villagers_committee'];

/** A unit filter in the actor's reach, else 404 (never an empty page). */
const filterUnit = unitFilter('self_governance.read', 'self_governance.manage');

/** One page of a list, filtered to a community in reach (`communityId`, else 404), its rows made DTOs. */
const listInReach = listInUnit(sgPolicy, 'read', filterUnit);

async function communityUnit(ctx: ActorCtx, id: string): Promise<OrgUnit> {
  const unit = await filterUnit(ctx, id, true);
  if (!unit) throw notFound();
  if (unit.kind !== 'community') throw new AppError('self_governance.not_community', 422);
  return unit;
}

const sameHolder = (a: PositionRow, b: PositionRow) =>
  !a.vacantSince &&
  !b.vacantSince &&
  (a.personId && b.personId ? a.personId === b.personId : !!a.personName && a.personName === b.personName);

/**
 * 一肩挑 (seed 002 三(一)2): per community, the party committee's secretary who is also the residents' or
 * villagers' committee's director. Answers the ids of both positions and the person's name.
 */
function oneShoulderOf(
  bodies: BodyRow[],
  positions: PositionRow[],
): Map<string, { ids: Set<string>; name: string }> {
  const out = new Map<string, { ids: Set<string>; name: string }>();
  const kindOf = new Map(bodies.map((b) => [b.id, b]));
  const secretaries = positions.filter(
    (p) => p.post === 'secretary' && kindOf.get(p.bodyId)?.kind === 'party_committee',
  );
  const directors = positions.filter(
    (p) => p.post === 'director' && COMMITTEE_KINDS.includes(kindOf.get(p.bodyId)?.kind ?? ''),
  );
  for (const s of secretaries)
    for (const d of directors)
      if (s.orgUnitId === d.orgUnitId && sameHolder(s, d))
        out.set(s.orgUnitId, { ids: new Set([s.id, d.id]), name: s.personName ?? '' });
  return out;
}

function positionDto(p: PositionRow, today: string, shoulder: Set<string>): PositionDto {
  return {
    id: p.id,
    bodyId: p.bodyId,
    post: p.post as PositionDto['post'],
    personId: p.vacantSince ? null : p.personId,
    personName: p.vacantSince ? null : p.personName,
    termStart: p.termStart,
    termEnd: p.termEnd,
    vacantSince: p.vacantSince,
    daysVacant: p.vacantSince ? daysBetween(p.vacantSince, today) : null,
    filledVia: (p.filledVia ?? null) as PositionDto['filledVia'],
    oneShoulder: shoulder.has(p.id),
    version: p.version,
  };
}

async function bodyDtos(ctx: ActorCtx, rows: BodyRow[]): Promise<BodyDto[]> {
  const today = chinaDate(ctx.clock.now());
  const communityIds = [...new Set(rows.map((b) => b.orgUnitId))];
  const names = await unitNames(ctx.db, communityIds);
  // 一肩挑 needs the community's two committees even when the page shows one of them.
  const all = (
    await Promise.all(
      communityIds.map((id) => bodiesUnder(ctx.db, ctx.actor, rows.find((b) => b.orgUnitId === id)!.orgPath)),
    )
  ).flat();
  const positions = await positionsOf(ctx.db, [...new Set([...rows, ...all].map((b) => b.id))]);
  const shoulder = new Set<string>();
  for (const v of oneShoulderOf(all, positions).values()) for (const id of v.ids) shoulder.add(id);
  return rows.map((b) => ({
    id: b.id,
    communityId: b.orgUnitId,
    communityName: names.get(b.orgUnitId) ?? null,
    kind: b.kind as BodyKind,
    name: b.name,
    parentId: b.parentId,
    termStart: b.termStart,
    termEnd: b.termEnd,
    positions: positions.filter((p) => p.bodyId === b.id).map((p) => positionDto(p, today, shoulder)),
  }));
}

export const listBodies = (ctx: ActorCtx, q: BodyQuery): Promise<Page<BodyDto>> =>
  listInReach(ctx, q, listBodyRows, bodyDtos);

export async function getBody(ctx: ActorCtx, id: string): Promise<BodyDto> {
  const b = await foundInReach(sgPolicy, ctx, 'read', () => findBody(ctx.db, ctx.actor, 'read', id));
  return (await bodyDtos(ctx, [b]))[0]!;
}

function checkDates(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) throw new AppError('self_governance.dates_order', 422);
}

/** A body of a community; a sub-committee hangs under the community's residents' or villagers' committee. */
export async function createBody(ctx: ActorCtx, body: BodyBody): Promise<BodyDto> {
  sgPolicy.require(ctx.actor, 'manage');
  const community = await communityUnit(ctx, body.communityId);
  checkDates(body.termStart, body.termEnd);
  if (body.parentId) {
    const parent = await findBody(ctx.db, ctx.actor, 'manage', body.parentId);
    if (!parent || parent.orgUnitId !== community.id || !COMMITTEE_KINDS.includes(parent.kind))
      throw new AppError('self_governance.parent_invalid', 422);
  }
  const row = await insertUnitRowAudited(
    ctx,
    community,
    insertBody,
    {
      kind: body.kind,
      name: body.name,
      parentId: body.parentId ?? null,
      termStart: body.termStart ?? null,
      termEnd: body.termEnd ?? null,
    },
    {
      action: 'self_governance.body.create',
      entityType: 'sg_body',
      view: (b) => ({ kind: b.kind, name: b.name, termStart: b.termStart, termEnd: b.termEnd }),
    },
  );
  return (await bodyDtos(ctx, [row]))[0]!;
}

/** The holder: a worker of the people registry in reach (id + name), else the name given. */
async function holderOf(
  ctx: ActorCtx,
  personId: string | null | undefined,
  personName: string | null | undefined,
) {
  if (personId) {
    const w = await workerInScope(ctx.db, ctx.actor, 'self_governance.manage', personId);
    if (!w) throw notFound();
    return { personId: w.id, personName: w.name };
  }
  if (!personName) return null;
  return { personId: null, personName };
}

/** A position on a body, held (person from the registry or a name) or created vacant with the date. */
export async function createPosition(ctx: ActorCtx, bodyId: string, body: PositionBody): Promise<BodyDto> {
  const b = await foundInReach(sgPolicy, ctx, 'manage', () => findBody(ctx.db, ctx.actor, 'manage', bodyId));
  checkDates(body.termStart, body.termEnd);
  const holder = body.vacantSince ? null : await holderOf(ctx, body.personId, body.personName);
  if (!holder && !body.vacantSince) throw new AppError('self_governance.holder_required', 422);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const p = await insertPosition(tx, {
      ...newUnitRow(ctx, b, now),
      bodyId: b.id,
      post: body.post,
      personId: holder?.personId ?? null,
      personName: holder?.personName ?? null,
      termStart: body.termStart ?? b.termStart,
      termEnd: body.termEnd ?? b.termEnd,
      vacantSince: body.vacantSince ?? null,
      filledVia: holder ? 'election' : null,
    });
    if (body.vacantSince)
      await insertVacancy(tx, {
        ...newUnitRow(ctx, b, now),
        positionId: p.id,
        openedOn: body.vacantSince,
        reason: body.vacancyReason ?? '—',
      });
    await auditRecord(tx, ctx, p, {
      action: 'self_governance.position.create',
      entityType: 'sg_position',
      after: { body: b.name, post: p.post, personName: p.personName, vacantSince: p.vacantSince },
    });
  });
  return (await bodyDtos(ctx, [b]))[0]!;
}

/** The holder leaves (resignation, transfer, death…): the post is vacant from `openedOn` (空缺职位). */
export async function vacatePosition(ctx: ActorCtx, id: string, body: VacateBody): Promise<PositionDto> {
  const p = await foundInReach(sgPolicy, ctx, 'manage', () => findPosition(ctx.db, ctx.actor, 'manage', id));
  if (p.vacantSince) throw new AppError('self_governance.already_vacant', 409);
  if (body.version !== undefined && body.version !== p.version)
    throw new AppError('self_governance.stale', 409);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const r = await updatePosition(tx, p.id, p.version, {
      vacantSince: body.openedOn,
      personId: null,
      personName: null,
      filledVia: null,
      updatedAt: now,
    });
    if (!r) throw new AppError('self_governance.stale', 409);
    await insertVacancy(tx, {
      ...newUnitRow(ctx, p, now),
      positionId: p.id,
      openedOn: body.openedOn,
      reason: body.reason,
      previousHolder: p.personName,
    });
    await auditRecord(tx, ctx, p, {
      action: 'self_governance.position.vacate',
      entityType: 'sg_position',
      before: { personName: p.personName },
      after: { vacantSince: body.openedOn, reason: body.reason },
    });
    return r;
  });
  return positionDto(row, chinaDate(now), new Set());
}

/** Fills a vacant post and closes its vacancy, in the caller's transaction. */
async function fillInTx(
  ctx: ActorCtx,
  tx: ActorCtx['db'],
  p: PositionRow,
  holder: { personId: string | null; personName: string },
  via: 'by_election' | 'appointment',
  on: string,
  termEnd: string | null | undefined,
  electionId: string | null,
): Promise<PositionRow> {
  if (!p.vacantSince) throw new AppError('self_governance.not_vacant', 409);
  if (on < p.vacantSince) throw new AppError('self_governance.vacancy_date', 422);
  const now = ctx.clock.now();
  const r = await updatePosition(tx, p.id, p.version, {
    vacantSince: null,
    personId: holder.personId,
    personName: holder.personName,
    filledVia: via,
    termStart: on,
    termEnd: termEnd ?? p.termEnd,
    updatedAt: now,
  });
  if (!r) throw new AppError('self_governance.stale', 409);
  const vacancy = await openVacancyOf(tx, p.id);
  if (vacancy)
    await closeVacancy(tx, vacancy.id, {
      closedOn: on,
      filledBy: holder.personName,
      filledVia: via,
      electionId,
      updatedAt: now,
    });
  await auditRecord(tx, ctx, p, {
    action: 'self_governance.position.fill',
    entityType: 'sg_position',
    before: { vacantSince: p.vacantSince },
    after: { personName: holder.personName, via, on, electionId },
  });
  return r;
}

/** Fills a vacant post by appointment or a by-election recorded elsewhere (补选). */
export async function fillPosition(ctx: ActorCtx, id: string, body: FillBody): Promise<PositionDto> {
  const p = await foundInReach(sgPolicy, ctx, 'manage', () => findPosition(ctx.db, ctx.actor, 'manage', id));
  if (body.version !== undefined && body.version !== p.version)
    throw new AppError('self_governance.stale', 409);
  const holder = await holderOf(ctx, body.personId, body.personName);
  if (!holder) throw new AppError('self_governance.holder_required', 422);
  const row = await ctx.db.transaction((tx) =>
    fillInTx(ctx, tx, p, holder, body.via, body.on, body.termEnd, null),
  );
  return positionDto(row, chinaDate(ctx.clock.now()), new Set());
}

async function vacancyDtos(ctx: ActorCtx, rows: VacancyRow[]): Promise<VacancyDto[]> {
  const today = chinaDate(ctx.clock.now());
  const positions = new Map<string, PositionRow>();
  for (const v of rows) {
    if (positions.has(v.positionId)) continue;
    const p = await findPosition(ctx.db, ctx.actor, 'read', v.positionId);
    if (p) positions.set(p.id, p);
  }
  const bodies = new Map(
    (await bodiesByIds(ctx.db, [...new Set([...positions.values()].map((p) => p.bodyId))])).map((b) => [
      b.id,
      b,
    ]),
  );
  const names = await unitNamesOf(ctx.db, rows);
  return rows.map((v) => {
    const p = positions.get(v.positionId);
    const daysOpen = daysBetween(v.openedOn, v.closedOn ?? today);
    return {
      id: v.id,
      positionId: v.positionId,
      communityId: v.orgUnitId,
      communityName: names.get(v.orgUnitId) ?? null,
      bodyName: p ? (bodies.get(p.bodyId)?.name ?? null) : null,
      post: (p?.post ?? 'member') as VacancyDto['post'],
      openedOn: v.openedOn,
      reason: v.reason,
      previousHolder: v.previousHolder,
      closedOn: v.closedOn,
      filledBy: v.filledBy,
      filledVia: (v.filledVia ?? null) as VacancyDto['filledVia'],
      electionId: v.electionId,
      daysOpen,
      overdue: !v.closedOn && daysOpen > VACANCY_OVERDUE_DAYS,
    };
  });
}

/** Vacancies with the date they opened (空缺), open ones first by age; `overdue`: open > 30 days. */
export async function listVacancies(ctx: ActorCtx, q: VacancyQuery): Promise<Page<VacancyDto>> {
  sgPolicy.require(ctx.actor, 'read');
  const root = await filterUnit(ctx, q.communityId);
  const today = chinaDate(ctx.clock.now());
  const cutoff = new Date(Date.parse(today) - VACANCY_OVERDUE_DAYS * DAY_MS).toISOString().slice(0, 10);
  const page = await listVacancyRows(ctx.db, ctx.actor, {
    ...q,
    path: root?.path,
    state: q.overdue === 'true' ? 'open' : q.state,
    openedBefore: q.overdue === 'true' ? cutoff : undefined,
  });
  return { ...page, items: await vacancyDtos(ctx, page.items) };
}

function electionDto(e: ElectionRow, bodies: Map<string, BodyRow>, names: Map<string, string>): ElectionDto {
  const body = bodies.get(e.bodyId);
  const flags: ElectionDto['flags'] = [];
  const expected = body ? EXPECTED_METHOD[body.kind as BodyKind] : undefined;
  if (expected && e.kind === 'general' && e.method !== expected) flags.push('method_unexpected');
  // 村民委员会组织法 §34 / 居委会组织法: valid with more than half voting; elected with more than half of ballots.
  if (e.ballotsCast * 2 <= e.electorate) flags.push('turnout_below_half');
  if (e.results.some((r) => r.elected && r.votes * 2 <= e.ballotsCast)) flags.push('elected_below_half');
  return {
    id: e.id,
    communityId: e.orgUnitId,
    communityName: names.get(e.orgUnitId) ?? null,
    bodyId: e.bodyId,
    bodyName: body?.name ?? null,
    bodyKind: (body?.kind ?? null) as ElectionDto['bodyKind'],
    kind: e.kind as ElectionDto['kind'],
    method: e.method as ElectionDto['method'],
    heldOn: e.heldOn,
    electorate: e.electorate,
    ballotsCast: e.ballotsCast,
    turnout: e.electorate === 0 ? 0 : e.ballotsCast / e.electorate,
    results: e.results as ElectionDto['results'],
    positionId: e.positionId,
    note: e.note,
    flags,
  };
}

async function electionDtos(ctx: ActorCtx, rows: ElectionRow[]): Promise<ElectionDto[]> {
  const bodies = new Map(
    (await bodiesByIds(ctx.db, [...new Set(rows.map((e) => e.bodyId))])).map((b) => [b.id, b]),
  );
  const names = await unitNamesOf(ctx.db, rows);
  return rows.map((e) => electionDto(e, bodies, names));
}

export const listElections = (ctx: ActorCtx, q: ElectionQuery): Promise<Page<ElectionDto>> =>
  listInReach(ctx, q, listElectionRows, electionDtos);

/**
 * An election of a body (seed 004 Ⅱ-2): the method is flagged when it is not the one the seed names for
 * the body (村委会自荐直选, 居委会直接选举). A by-election (补选, seed 002 三(一)1) names the vacant post and
 * elects one person, who fills it in the same transaction.
 */
export async function createElection(ctx: ActorCtx, body: ElectionBody): Promise<ElectionDto> {
  const b = await foundInReach(sgPolicy, ctx, 'manage', () =>
    findBody(ctx.db, ctx.actor, 'manage', body.bodyId),
  );
  if (body.ballotsCast > body.electorate) throw new AppError('self_governance.ballots_exceed', 422);
  if (body.results.some((r) => r.votes > body.ballotsCast))
    throw new AppError('self_governance.votes_exceed', 422);
  let position: PositionRow | undefined;
  const elected = body.results.filter((r) => r.elected);
  if (body.kind === 'by_election') {
    if (!body.positionId) throw new AppError('self_governance.position_required', 422);
    position = await findPosition(ctx.db, ctx.actor, 'manage', body.positionId);
    if (!position) throw notFound();
    if (position.bodyId !== b.id) throw new AppError('self_governance.position_body', 422);
    if (!position.vacantSince) throw new AppError('self_governance.not_vacant', 409);
    if (elected.length !== 1) throw new AppError('self_governance.elected_one', 422);
    if (body.heldOn < position.vacantSince) throw new AppError('self_governance.vacancy_date', 422);
  }
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const e = await insertElection(tx, {
      ...newUnitRow(ctx, b, now),
      bodyId: b.id,
      kind: body.kind,
      method: body.method,
      heldOn: body.heldOn,
      electorate: body.electorate,
      ballotsCast: body.ballotsCast,
      results: body.results,
      positionId: position?.id ?? null,
      note: body.note ?? null,
      createdBy: ctx.actor.userId,
    });
    await auditRecord(tx, ctx, e, {
      action: 'self_governance.election.create',
      entityType: 'sg_election',
      after: {
        body: b.name,
        kind: e.kind,
        method: e.method,
        heldOn: e.heldOn,
        elected: elected.map((r) => r.name),
      },
    });
    if (position)
      await fillInTx(
        ctx,
        tx,
        position,
        { personId: null, personName: elected[0]!.name },
        'by_election',
        body.heldOn,
        null,
        e.id,
      );
    return e;
  });
  return (await electionDtos(ctx, [row]))[0]!;
}

async function reviewDtos(ctx: ActorCtx, rows: ReviewRow[]): Promise<ReviewDto[]> {
  const bodies = new Map(
    (await bodiesByIds(ctx.db, [...new Set(rows.map((r) => r.bodyId).filter((x): x is string => !!x))])).map(
      (b) => [b.id, b],
    ),
  );
  const names = await unitNamesOf(ctx.db, rows);
  return rows.map((r) => ({
    id: r.id,
    communityId: r.orgUnitId,
    communityName: names.get(r.orgUnitId) ?? null,
    bodyId: r.bodyId,
    bodyName: r.bodyId ? (bodies.get(r.bodyId)?.name ?? null) : null,
    kind: r.kind as ReviewDto['kind'],
    form: r.form as ReviewDto['form'],
    heldOn: r.heldOn,
    title: r.title,
    participants: r.participants,
    personName: r.personName,
    result: (r.result ?? null) as ReviewDto['result'],
    score: r.score,
    remark: r.remark,
  }));
}

export const listReviews = (ctx: ActorCtx, q: ReviewQuery): Promise<Page<ReviewDto>> =>
  listInReach(ctx, q, listReviewRows, reviewDtos);

/** Training of the two committees' cadres or a performance review (seed 002 三(三)9). */
export async function createReview(ctx: ActorCtx, body: ReviewBody): Promise<ReviewDto> {
  sgPolicy.require(ctx.actor, 'manage');
  const community = await communityUnit(ctx, body.communityId);
  if (body.bodyId) {
    const b = await findBody(ctx.db, ctx.actor, 'manage', body.bodyId);
    if (!b) throw notFound();
    if (b.orgUnitId !== community.id) throw new AppError('self_governance.position_body', 422);
  }
  const row = await insertUnitRowAudited(
    ctx,
    community,
    insertReview,
    {
      bodyId: body.bodyId ?? null,
      kind: body.kind,
      form: body.form,
      heldOn: body.heldOn,
      title: body.title,
      participants: body.participants ?? null,
      personName: body.personName ?? null,
      result: body.result ?? null,
      score: body.score ?? null,
      remark: body.remark ?? null,
      createdBy: ctx.actor.userId,
    },
    {
      action: 'self_governance.review.create',
      entityType: 'sg_review',
      view: (r) => ({ kind: r.kind, form: r.form, title: r.title, result: r.result }),
    },
  );
  return (await reviewDtos(ctx, [row]))[0]!;
}

/**
 * Per community in reach: the bodies present (two committees, supervision committee), 一肩挑, open and
 * overdue vacancies, the last election, and this year's trainings and reviews of the two committees.
 */
export async function overview(ctx: ActorCtx, q: { orgUnitId?: string }): Promise<OverviewDto> {
  sgPolicy.require(ctx.actor, 'read');
  const root = await filterUnit(ctx, q.orgUnitId);
  const today = chinaDate(ctx.clock.now());
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const communities =
    root?.kind === 'community'
      ? [root]
      : await activeUnitsOfKind(ctx.db, ctx.actor, 'self_governance.read', 'community', root?.path);
  const [bodies, positions, vacancies, elections, reviews] = await Promise.all([
    bodiesUnder(ctx.db, ctx.actor, root?.path),
    positionsUnder(ctx.db, ctx.actor, root?.path),
    vacanciesUnder(ctx.db, ctx.actor, root?.path),
    electionsUnder(ctx.db, ctx.actor, root?.path),
    reviewsUnder(ctx.db, ctx.actor, root?.path, yearStart),
  ]);
  const shoulders = oneShoulderOf(bodies, positions);
  const rows = communities.map((c) => {
    const mine = bodies.filter((b) => b.orgUnitId === c.id);
    const open = vacancies.filter((v) => v.orgUnitId === c.id);
    const overdue = open.filter((v) => daysBetween(v.openedOn, today) > VACANCY_OVERDUE_DAYS).length;
    const last = elections
      .filter((e) => e.orgUnitId === c.id)
      .map((e) => e.heldOn)
      .sort()
      .at(-1);
    const trainings = reviews.filter((r) => r.orgUnitId === c.id && r.kind === 'training').length;
    const reviewed = reviews.filter((r) => r.orgUnitId === c.id && r.kind === 'review').length;
    const shoulder = shoulders.get(c.id);
    const flags: OverviewDto['rows'][number]['flags'] = [];
    if (!mine.some((b) => b.kind === 'party_committee')) flags.push('no_party_committee');
    if (!mine.some((b) => COMMITTEE_KINDS.includes(b.kind))) flags.push('no_committee');
    if (!mine.some((b) => b.kind === 'supervision_committee')) flags.push('no_supervision');
    if (overdue > 0) flags.push('vacancy_overdue');
    if (shoulder) flags.push('one_shoulder');
    if (trainings === 0) flags.push('no_training_this_year');
    if (reviewed === 0) flags.push('no_review_this_year');
    return {
      communityId: c.id,
      communityName: c.name,
      bodies: mine.length,
      positions: positions.filter((p) => p.orgUnitId === c.id).length,
      openVacancies: open.length,
      overdueVacancies: overdue,
      oneShoulder: shoulder?.name ?? null,
      lastElection: last ?? null,
      trainingsThisYear: trainings,
      reviewsThisYear: reviewed,
      flags,
    };
  });
  return { rows };
}
