import { maskName } from './participation.names';
import { activeUnitFor, filterPath, listUnder, unitNamesOf } from './participation.units';
import type { z } from 'zod';
import {
  RESIDENT_STAGE_NAMES,
  TOPIC_LEVELS,
  TOPIC_LEVEL_NAMES,
  TOPIC_MICRO_KINDS,
  TOPIC_MICRO_KIND_NAMES,
  TOPIC_SOURCE_NAMES,
  TOPIC_STEPS,
  type TopicDetailDto,
  type TopicDto,
  type TopicLevel,
  type TopicMicroCountsDto,
  type TopicMicroKind,
  type TopicOrderEvidence,
  type TopicSource,
  type candidateListQuery,
  type commentBody,
  type createTopicBody,
  type topicFromCategoryBody,
  type formatBody,
  type myTopicsQuery,
  type proposeTopicBody,
  stepOfState,
  type topicActionBody,
  type topicListQuery,
  type topicMicroCountsQuery,
} from '../../../shared/contracts/deliberation';
import { chinaDate, chinaDayEnd, chinaDayStart } from '../../../shared/chinaTime';
import { foundInReach } from '../../platform/findInScope';
import { writeAudit } from '../../platform/audit';
import { auditAccess, auditRecord } from '../../platform/recordAudit';
import { auditedChange } from '../../platform/auditedRows';
import { newUnitRow } from '../../platform/newRow';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/ids';
import { can } from '../../platform/permissions';
import { availableActions, transition } from '../../platform/workflow';
import { unitHead } from '../../platform/unitHead';
import { unitsByIds } from '../org/org.api';
import { type RegistryKind, registryCandidates, registryEntries } from '../people/people.api';
import { electorsAmong, electorsPage, liveResidentPath } from '../residents/residents.api';
import { linkedResidentId } from '../accounts/accounts.api';
import { orderForLink, ordersOfCategory } from '../work-orders/work-orders.api';
import type { Locale } from './meetings.usecases';
import { homeRoots, topicsPolicy } from './participation.policy';
import { findMeeting } from './participation.repository';
import {
  type TopicFilters,
  type TopicRow,
  addSupport,
  allTopicRows,
  commentCounts,
  commentsOf,
  engagementOf,
  eventsOf,
  findFormat,
  findTopic,
  formatNamed,
  formatNames,
  insertComment,
  insertFormat,
  insertTopic,
  insertTopicEvent,
  listFormats,
  listTopicRows,
  microKindCounts,
  participantsOf,
  setFollow,
  updateFormat,
  updateTopic,
} from './topics.repository';
import { topicWorkflow } from './topics.workflow';

const levelOf = (kind: string): TopicLevel | undefined =>
  (TOPIC_LEVELS as readonly string[]).includes(kind) ? (kind as TopicLevel) : undefined;

async function toDtos(ctx: ActorCtx, rows: TopicRow[], loc: Locale): Promise<TopicDto[]> {
  const ids = rows.map((t) => t.id);
  const [names, formats, comments] = await Promise.all([
    unitNamesOf(ctx.db, rows),
    formatNames(
      ctx.db,
      rows.flatMap((t) => (t.formatId ? [t.formatId] : [])),
    ),
    commentCounts(ctx.db, ids),
  ]);
  return rows.map((t) => {
    const step = stepOfState(t.state);
    const s = TOPIC_STEPS[step]!;
    return {
      ...unitHead(t, names),
      level: t.level,
      levelName: TOPIC_LEVEL_NAMES[t.level as TopicLevel]?.[loc] ?? t.level,
      source: t.source,
      sourceName: TOPIC_SOURCE_NAMES[t.source as TopicSource]?.[loc] ?? t.source,
      title: t.title,
      description: t.description,
      formatId: t.formatId,
      formatName: t.formatId ? (formats.get(t.formatId) ?? null) : null,
      workOrderId: t.workOrderId,
      microKind: (t.microKind as TopicMicroKind | null) ?? null,
      microKindName: t.microKind
        ? (TOPIC_MICRO_KIND_NAMES[t.microKind as TopicMicroKind]?.[loc] ?? null)
        : null,
      proposerName: t.proposerName,
      state: t.state,
      stepName: s.name[loc],
      stageName: RESIDENT_STAGE_NAMES[s.stage][loc],
      step,
      supports: t.supports,
      comments: comments.get(t.id) ?? 0,
      createdAt: t.createdAt,
      updatedAt: t.updatedAt,
    };
  });
}

async function detailOf(ctx: ActorCtx, t: TopicRow, loc: Locale, board: boolean): Promise<TopicDetailDto> {
  const [dto] = await toDtos(ctx, [t], loc);
  const [events, participants, comments, mine] = await Promise.all([
    eventsOf(ctx.db, t.id),
    participantsOf(ctx.db, t.id),
    commentsOf(ctx.db, t.id),
    engagementOf(ctx.db, t.id, ctx.actor.userId),
  ]);
  return {
    ...dto!,
    meetingId: t.meetingId,
    participants: participants.map((p) => ({
      id: p.id,
      kind: p.kind,
      refId: board ? null : p.refId,
      name: p.name,
    })),
    events: events.map(({ e, meetingTitle }) => {
      const s = TOPIC_STEPS[Math.max(0, stepOfState(e.toState))]!;
      return {
        id: e.id,
        action: e.action,
        state: e.toState,
        stepName: s.name[loc],
        stageName: RESIDENT_STAGE_NAMES[s.stage][loc],
        note: e.note,
        meetingId: e.meetingId,
        meetingTitle: meetingTitle ?? null,
        actorName: board ? null : e.actorName,
        at: e.at,
      };
    }),
    commentList: comments.map((c) => ({ id: c.id, name: c.name, text: c.text, at: c.at })),
    actions: board ? [] : availableActions(topicWorkflow, ctx.actor, t),
    supported: mine.supported,
    following: mine.following,
    canEngage: board,
    orderEvidence: board ? null : (t.orderEvidence ?? null),
  };
}

function filtersOf(
  q: Omit<z.infer<typeof topicListQuery>, 'page' | 'pageSize' | 'microKind'> & { microKind?: string },
  path?: string,
): TopicFilters {
  return { path, level: q.level, state: q.state, source: q.source, microKind: q.microKind, q: q.q };
}

export const listTopics = listUnder(
  topicsPolicy,
  (ctx, q: z.infer<typeof topicListQuery>, path) => listTopicRows(ctx.db, ctx.actor, filtersOf(q, path), q),
  toDtos,
);

/** Every topic of the filter for the xlsx export. */
export async function exportTopics(
  ctx: ActorCtx,
  q: z.infer<typeof topicListQuery>,
  loc: Locale,
): Promise<TopicDto[]> {
  topicsPolicy.require(ctx.actor, 'read');
  const rows = await allTopicRows(ctx.db, ctx.actor, filtersOf(q, await filterPath(ctx, q.orgUnitId)));
  await auditAccess(ctx, {
    action: 'participation.topic.export',
    entityType: 'pt_topic',
    entityId: null,
    after: { count: rows.length, ...q },
  });
  return toDtos(ctx, rows, loc);
}

/**
 * Seed 003 三(一)2 (S003-11): the topics of the list's filters (its micro kind aside) counted per micro kind
 * (微改造、微服务、微治理) and those of none, for the staff list's header.
 */
export async function topicMicroCounts(
  ctx: ActorCtx,
  q: z.infer<typeof topicMicroCountsQuery>,
  loc: Locale,
): Promise<TopicMicroCountsDto> {
  topicsPolicy.require(ctx.actor, 'read');
  const counts = await microKindCounts(ctx.db, ctx.actor, filtersOf(q, await filterPath(ctx, q.orgUnitId)));
  return {
    items: TOPIC_MICRO_KINDS.map((k) => ({
      microKind: k,
      name: TOPIC_MICRO_KIND_NAMES[k][loc],
      count: counts.get(k) ?? 0,
    })),
    unclassified: counts.get(null) ?? 0,
  };
}

/** Staff classify a topic in their scope as 微改造 / 微服务 / 微治理, or clear it (S003-11); audited. */
export async function setTopicMicroKind(
  ctx: ActorCtx,
  id: string,
  input: { microKind: TopicMicroKind | null },
  loc: Locale,
): Promise<TopicDetailDto> {
  const t = await foundInReach(topicsPolicy, ctx, 'manage', () => findTopic(ctx.db, ctx.actor, 'manage', id));
  const updated = await auditedChange(
    ctx,
    t,
    (tx) => updateTopic(tx, t.id, { microKind: input.microKind, updatedAt: ctx.clock.now() }),
    {
      action: 'participation.topic.micro_kind',
      entityType: 'pt_topic',
      view: (r) => ({ title: r.title, microKind: r.microKind }),
    },
  );
  return detailOf(ctx, updated, loc, false);
}

export async function getTopic(ctx: ActorCtx, id: string, loc: Locale): Promise<TopicDetailDto> {
  const t = await foundInReach(topicsPolicy, ctx, 'read', () => findTopic(ctx.db, ctx.actor, 'read', id));
  return detailOf(ctx, t, loc, false);
}

async function newTopic(
  ctx: ActorCtx,
  unit: { id: string; path: string; kind: string },
  input: {
    title: string;
    description: string;
    formatId?: string;
    workOrderId?: string;
    orderEvidence?: TopicOrderEvidence;
    microKind?: TopicMicroKind;
  },
  source: TopicSource,
  proposerName: string,
  loc: Locale,
  board: boolean,
): Promise<TopicDetailDto> {
  const level = levelOf(unit.kind);
  if (!level) throw invalidField('orgUnitId', 'participation.topic_level');
  if (input.formatId) {
    const f = await findFormat(ctx.db, input.formatId);
    if (!f?.active) throw invalidField('formatId', 'participation.topic_format');
  }
  const now = ctx.clock.now();
  const t = await ctx.db.transaction(async (tx) => {
    const row = await insertTopic(tx, {
      ...newUnitRow(ctx, unit, now),
      level,
      source,
      title: input.title,
      description: input.description,
      formatId: input.formatId ?? null,
      workOrderId: input.workOrderId ?? null,
      orderEvidence: input.orderEvidence ?? null,
      microKind: input.microKind ?? null,
      proposerId: ctx.actor.userId,
      proposerName,
      state: 'proposed',
    });
    // Step 1 (提出协商议题, 民事民提) is the proposal itself: its record is the topic's text.
    await insertTopicEvent(tx, {
      id: ctx.ids(),
      topicId: row.id,
      action: 'propose',
      fromState: null,
      toState: 'proposed',
      note: input.description,
      actorId: ctx.actor.userId,
      actorName: proposerName,
      at: now,
    });
    await auditRecord(tx, ctx, row, {
      action: 'participation.topic.propose',
      entityType: 'pt_topic',
      after: {
        title: row.title,
        level,
        source,
        workOrderId: row.workOrderId,
        ...(row.microKind && { microKind: row.microKind }),
        ...(input.orderEvidence && {
          category: input.orderEvidence.categoryCode,
          from: input.orderEvidence.from,
          to: input.orderEvidence.to,
          orders: input.orderEvidence.total,
        }),
      },
    });
    return row;
  });
  return detailOf(ctx, t, loc, board);
}

/**
 * Staff or a grid worker propose a topic (R-DL-1): at a community, grid, compound or building in their
 * scope; with a work order, the topic comes from it (a recurring problem turned into a topic in one action).
 */
export async function createTopic(ctx: ActorCtx, input: z.infer<typeof createTopicBody>, loc: Locale) {
  topicsPolicy.require(ctx.actor, 'propose');
  const unit = await activeUnitFor(ctx, 'participation.propose', input.orgUnitId);
  if (input.workOrderId) {
    const order = await orderForLink(ctx.db, ctx.actor, input.workOrderId);
    if (!order) throw invalidField('workOrderId', 'participation.topic_work_order');
  }
  const source: TopicSource = input.workOrderId
    ? 'work_order'
    : can(ctx.actor, 'participation.manage')
      ? 'staff'
      : 'grid';
  return newTopic(ctx, unit, input, source, ctx.actor.displayName, loc, false);
}

/**
 * A recurring work-order category turned into a topic in one action (issue 13 item 1): the orders of the
 * category received in the community over the period, read through `work-orders.api.ts` with the actor's
 * scope, become the topic's evidence (count and list, kept as they were then). 422 when the period is
 * backwards or over a year, the unit is not a community, the category unknown or no order matches.
 */
export async function createTopicFromCategory(
  ctx: ActorCtx,
  input: z.infer<typeof topicFromCategoryBody>,
  loc: Locale,
) {
  topicsPolicy.require(ctx.actor, 'propose');
  const unit = await activeUnitFor(ctx, 'participation.propose', input.orgUnitId);
  if (unit.kind !== 'community') throw invalidField('orgUnitId', 'participation.topic_community');
  const from = chinaDayStart(input.from);
  const to = chinaDayEnd(input.to);
  if (to <= from || to.getTime() - from.getTime() > 367 * 86_400_000)
    throw invalidField('to', 'participation.topic_period');
  const found = await ordersOfCategory(ctx.db, ctx.actor, {
    categoryCode: input.categoryCode,
    communityId: unit.id,
    from,
    to,
    limit: 200,
  });
  if (!found) throw invalidField('categoryCode', 'participation.topic_category');
  if (found.total === 0) throw invalidField('categoryCode', 'participation.topic_no_orders');
  const orderEvidence: TopicOrderEvidence = {
    categoryCode: input.categoryCode,
    categoryName: found.categoryName,
    communityId: unit.id,
    communityName: unit.name,
    from: input.from,
    to: input.to,
    total: found.total,
    orders: found.orders.map((o) => ({ ...o, receivedAt: o.receivedAt.toISOString() })),
  };
  const period = `${input.from}至${input.to}`;
  const title = input.title ?? `“${found.categoryName}”问题反复出现（${found.total}件）`;
  const description =
    input.description ??
    `${period}，${unit.name}共收到“${found.categoryName}”类工单${found.total}件，问题反复出现，提请协商解决。` +
      `\n近期工单：${found.orders
        .slice(0, 5)
        .map((o) => `${o.number} ${o.description.slice(0, 40)}`)
        .join('；')}`;
  return newTopic(
    ctx,
    unit,
    {
      title,
      description: description.slice(0, 4000),
      formatId: input.formatId,
      microKind: input.microKind,
      orderEvidence,
    },
    'work_order',
    ctx.actor.displayName,
    loc,
    false,
  );
}

/** The units of a resident's home a topic may be raised at: building, compound, grid, community. */
/**
 * A resident's home paths: their registry record's unit (household or building) when the login is linked
 * to one inside the units their resident role is held at, else those units themselves.
 */
export async function homePaths(ctx: ActorCtx): Promise<string[]> {
  const roots = homeRoots(ctx.actor);
  const rid = await linkedResidentId(ctx.db, ctx.actor.userId);
  const rec = rid ? await liveResidentPath(ctx.db, rid) : undefined;
  if (!rec || !roots.some((r) => rec.orgPath.startsWith(r))) return roots;
  return [rec.orgPath, ...roots.filter((r) => !rec.orgPath.startsWith(r))];
}

async function homeUnitsOf(ctx: ActorCtx) {
  const ids = [...new Set((await homePaths(ctx)).flatMap((p) => p.split('/').filter(Boolean)))];
  const units = await unitsByIds(ctx.db, ids);
  return units
    .filter((u) => u.status === 'active' && levelOf(u.kind))
    .sort((a, b) => b.path.length - a.path.length);
}

export async function homeUnits(ctx: ActorCtx, loc: Locale) {
  return {
    items: (await homeUnitsOf(ctx)).map((u) => ({
      id: u.id,
      name: u.name,
      level: u.kind,
      levelName: TOPIC_LEVEL_NAMES[u.kind as TopicLevel][loc],
    })),
  };
}

/** 民事民提 (R-DL-3): a resident proposes a topic at one of their home's units, on the phone. */
export async function proposeTopic(ctx: ActorCtx, input: z.infer<typeof proposeTopicBody>, loc: Locale) {
  const unit = (await homeUnitsOf(ctx)).find((u) => u.id === input.orgUnitId);
  if (!unit) throw notFound();
  return newTopic(ctx, unit, input, 'resident', maskName(ctx.actor.displayName), loc, true);
}

/** Topics of my home's units (or those I follow or proposed), for the phone. */
export async function boardTopics(ctx: ActorCtx, q: z.infer<typeof myTopicsQuery>, loc: Locale) {
  const page = await listTopicRows(
    ctx.db,
    ctx.actor,
    {
      homes: await homePaths(ctx),
      followedBy: q.mine === 'followed' ? ctx.actor.userId : undefined,
      proposedBy: q.mine === 'proposed' ? ctx.actor.userId : undefined,
    },
    q,
  );
  return { ...page, items: await toDtos(ctx, page.items, loc) };
}

/** A topic of one of the resident's home units (the board), else 404. */
async function boardTopicRow(ctx: ActorCtx, id: string): Promise<TopicRow> {
  const t = isUuid(id) ? await findTopic(ctx.db, ctx.actor, 'board', id, await homePaths(ctx)) : undefined;
  if (!t) throw notFound();
  return t;
}

export async function boardTopic(ctx: ActorCtx, id: string, loc: Locale) {
  return detailOf(ctx, await boardTopicRow(ctx, id), loc, true);
}

/**
 * A resident's engagement with a board topic (support, comment, follow): `write` and its audit entry on the
 * topic in one transaction; answers the topic as the resident sees it then.
 */
async function engageTopic(
  ctx: ActorCtx,
  id: string,
  loc: Locale,
  write: (tx: Db, t: TopicRow) => Promise<{ action: string; after?: unknown }>,
) {
  const t = await boardTopicRow(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const audit = await write(tx, t);
    await auditRecord(tx, ctx, t, {
      action: audit.action,
      entityType: 'pt_topic',
      after: audit.after,
    });
  });
  return boardTopic(ctx, id, loc);
}

/** 民议: one support per resident. */
export async function supportTopic(ctx: ActorCtx, id: string, loc: Locale) {
  return engageTopic(ctx, id, loc, async (tx, t) => {
    if (!(await addSupport(tx, t.id, ctx.actor.userId, ctx.clock.now())))
      throw new AppError('participation.topic_supported', 409);
    return { action: 'participation.topic.support' };
  });
}

export async function commentTopic(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof commentBody>,
  loc: Locale,
) {
  return engageTopic(ctx, id, loc, async (tx, t) => {
    if (t.state === 'reported') throw new AppError('participation.topic_closed', 409);
    const cid = ctx.ids();
    await insertComment(tx, {
      id: cid,
      topicId: t.id,
      userId: ctx.actor.userId,
      name: maskName(ctx.actor.displayName),
      text: input.text,
      at: ctx.clock.now(),
    });
    return { action: 'participation.topic.comment', after: { commentId: cid } };
  });
}

export async function followTopic(ctx: ActorCtx, id: string, on: boolean, loc: Locale) {
  return engageTopic(ctx, id, loc, async (tx, t) => {
    await setFollow(tx, t.id, ctx.actor.userId, on, ctx.clock.now());
    return { action: on ? 'participation.topic.follow' : 'participation.topic.unfollow' };
  });
}

/**
 * Completes the topic's next step (R-DL-2): participants from the registry (residents registered in the
 * topic's unit, deputies, social organisations and resident units under it) or named parties (owners'
 * committee, property company); a consultation may name a meeting of the unit (or below).
 */
export async function stepTopic(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof topicActionBody>,
  loc: Locale,
): Promise<TopicDetailDto> {
  const t = await foundInReach(topicsPolicy, ctx, 'manage', () => findTopic(ctx.db, ctx.actor, 'read', id));
  let resolved: { kind: string; refId: string | null; name: string }[] | undefined;
  if (input.action === 'set_participants') {
    resolved = [];
    const list = input.participants ?? [];
    for (const kind of ['deputy', 'social_org', 'resident_unit'] as RegistryKind[]) {
      const ids = list.filter((p) => p.kind === kind).map((p) => p.refId);
      if (ids.some((x) => !x)) throw invalidField('participants', 'participation.topic_participant');
      const found = await registryEntries(ctx.db, kind, t.orgPath, ids as string[]);
      if (found.length !== new Set(ids).size)
        throw invalidField('participants', 'participation.topic_participant');
      resolved.push(...found.map((f) => ({ kind, refId: f.id, name: f.name })));
    }
    const residentIds = list.filter((p) => p.kind === 'resident').map((p) => p.refId);
    if (residentIds.some((x) => !x)) throw invalidField('participants', 'participation.topic_participant');
    const residents = await electorsAmong(
      ctx.db,
      t.orgPath,
      chinaDate(ctx.clock.now()),
      residentIds as string[],
      true,
    );
    if (residents.length !== new Set(residentIds).size)
      throw invalidField('participants', 'participation.topic_participant');
    resolved.push(...residents.map((r) => ({ kind: 'resident', refId: r.id, name: r.name })));
    for (const p of list.filter((x) => ['owners_committee', 'property_company', 'other'].includes(x.kind))) {
      if (!p.name) throw invalidField('participants', 'participation.topic_participant_name');
      resolved.push({ kind: p.kind, refId: null, name: p.name });
    }
  }
  if (input.meetingId) {
    if (input.action !== 'consult') throw invalidField('meetingId', 'participation.topic_meeting');
    const m = await findMeeting(ctx.db, ctx.actor, 'read', input.meetingId);
    if (!m || !(m.orgPath.startsWith(t.orgPath) || t.orgPath.startsWith(m.orgPath)))
      throw invalidField('meetingId', 'participation.topic_meeting');
  }
  const updated = await transition(topicWorkflow, ctx, t, input.action, { ...input, resolved });
  return detailOf(ctx, updated, loc, false);
}

/** Registry records to pick participants from, under the topic's unit. */
export async function candidates(ctx: ActorCtx, id: string, q: z.infer<typeof candidateListQuery>) {
  const t = await foundInReach(topicsPolicy, ctx, 'manage', () => findTopic(ctx.db, ctx.actor, 'manage', id));
  const unit = { path: t.orgPath };
  if (q.kind === 'resident') {
    const page = await electorsPage(ctx.db, unit.path, chinaDate(ctx.clock.now()), q.q, {
      page: 1,
      pageSize: 50,
    });
    return { items: page.items.map((e) => ({ id: e.id, name: e.name, detail: e.household })) };
  }
  const rows = await registryCandidates(ctx.db, q.kind, unit.path, q.q);
  return { items: rows.map((r) => ({ id: r.id, name: r.name, detail: null })) };
}

// ---- formats: configurable labels (居民说事, 民情恳谈 …)

export async function formats(ctx: ActorCtx, all: boolean) {
  topicsPolicy.require(ctx.actor, 'read');
  const rows = await listFormats(ctx.db, !all);
  return {
    items: rows.map((f) => ({ id: f.id, name: f.name, note: f.note, active: f.active, sort: f.sort })),
  };
}

export async function saveFormat(ctx: ActorCtx, id: string | null, input: z.infer<typeof formatBody>) {
  topicsPolicy.require(ctx.actor, 'manage');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const same = await formatNamed(tx, input.name);
    if (same && same.id !== id) throw invalidField('name', 'participation.format_taken', 409);
    const row = id
      ? isUuid(id)
        ? await updateFormat(tx, id, { ...input, note: input.note ?? null, updatedAt: now })
        : undefined
      : await insertFormat(tx, {
          id: ctx.ids(),
          ...input,
          note: input.note ?? null,
          createdAt: now,
          updatedAt: now,
        });
    if (!row) throw notFound();
    await writeAudit(tx, ctx, {
      action: 'participation.format.save',
      entityType: 'pt_topic_format',
      entityId: row.id,
      after: { name: row.name, active: row.active },
    });
    return { id: row.id, name: row.name, note: row.note, active: row.active, sort: row.sort };
  });
}
