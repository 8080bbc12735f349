import type { z } from 'zod';
import type {
  Answers,
  MySurveyDto,
  ResponseDto,
  ResultsDto,
  SurveyDto,
  SurveyPurpose,
  answerBody,
  createSurveyBody,
  mySurveysQuery,
  paperBody,
  quotasBody,
  responseListQuery,
  surveyListQuery,
  updateSurveyBody,
} from '../../../shared/contracts/surveys';
import { auditRecord, auditRecordAccess } from '../../platform/recordAudit';
import { NO_PROXY, proxyInfo, proxyInfos, resolveProxy } from '../../platform/proxy';
import { maskPhone } from '../../platform/crypto';
import type { ActorCtx } from '../../platform/context';
import { type Db, isUniqueViolation } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/ids';
import type { Page } from '../../platform/listing';
import { normalisePhone, residentLinkOf, userDisplayNames } from '../accounts/accounts.api';
import { findUnitInScope, unitById, unitInScope, unitsByIds } from '../org/org.api';
import { publishedConventionsOf, setConventionRates } from '../participation/participation.api';
import {
  liveResidentPath,
  liveResidentsByPhoneHash,
  permanentResidentsUnder,
} from '../residents/residents.api';
import { type SurveyAction, reaches, surveysPolicy } from './surveys.policy';
import {
  type ResponseRow,
  type SurveyRow,
  allResponses,
  answeredAmong,
  answersUnder,
  countsUnder,
  existingResponse,
  findResidentSurvey,
  findSurvey,
  insertResponse,
  insertSurvey,
  listResidentSurveys,
  listResponseRows,
  listSurveyRows,
  responseCounts,
  updateSurveyRow,
} from './surveys.repository';
import {
  marginOfError,
  questionResults,
  rateOf,
  round4,
  validateAnswers,
  validateQuestions,
} from './surveys.stats';

/** Units a survey may be distributed to. */
const SURVEY_UNIT_KINDS = new Set(['city', 'district', 'subdistrict', 'community', 'grid']);

async function toDtos(ctx: ActorCtx, rows: SurveyRow[]): Promise<SurveyDto[]> {
  const units = await unitsByIds(ctx.db, [
    ...rows.map((s) => s.orgUnitId),
    ...rows.flatMap((s) => s.quotas.map((q) => q.orgUnitId)),
  ]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const counts = await responseCounts(
    ctx.db,
    rows.map((s) => s.id),
  );
  const out: SurveyDto[] = [];
  for (const s of rows) {
    const quotaPaths = s.quotas.map((q) => byId.get(q.orgUnitId)?.path ?? '/none/');
    const progress = await countsUnder(ctx.db, s.id, quotaPaths);
    const manage = surveysPolicy.can(ctx.actor, 'manage', s);
    out.push({
      id: s.id,
      orgUnitId: s.orgUnitId,
      unitName: byId.get(s.orgUnitId)?.name ?? null,
      unitKind: byId.get(s.orgUnitId)?.kind ?? null,
      title: s.title,
      purpose: s.purpose as SurveyPurpose,
      intro: s.intro,
      year: s.year,
      status: s.status as SurveyDto['status'],
      opensAt: s.opensAt,
      closesAt: s.closesAt,
      questions: s.questions,
      target: targetOf(s),
      population: s.population,
      quotas: s.quotas.map((q, i) => ({
        orgUnitId: q.orgUnitId,
        unitName: byId.get(q.orgUnitId)?.name ?? null,
        target: q.target,
        responses: progress[i] ?? 0,
      })),
      responses: counts.get(s.id) ?? 0,
      link: `/m/surveys/${s.id}`,
      publishedAt: s.publishedAt,
      closedAt: s.closedAt,
      createdAt: s.createdAt,
      abilities: {
        edit: manage && s.status === 'draft',
        publish: manage && s.status === 'draft',
        close: manage && s.status === 'published',
        enter: reaches(ctx.actor, 'enter', s) && s.status === 'published',
      },
    });
  }
  return out;
}

/** The survey's target: the one set, else the sum of its quotas. */
const targetOf = (s: SurveyRow) =>
  s.target ?? (s.quotas.length ? s.quotas.reduce((a, q) => a + q.target, 0) : null);

async function dto(ctx: ActorCtx, row: SurveyRow) {
  return (await toDtos(ctx, [row]))[0]!;
}

function checkDates(opensAt: Date, closesAt: Date) {
  if (closesAt <= opensAt) throw new AppError('surveys.dates', 400);
}

/** A staff member builds a draft questionnaire for a unit in their scope. */
export async function createSurvey(
  ctx: ActorCtx,
  input: z.infer<typeof createSurveyBody>,
): Promise<SurveyDto> {
  surveysPolicy.require(ctx.actor, 'manage');
  const unit = await unitInScope(ctx.db, ctx.actor, 'surveys.manage', input.orgUnitId);
  if (unit?.status !== 'active') throw notFound();
  if (!SURVEY_UNIT_KINDS.has(unit.kind)) throw new AppError('surveys.unit_kind', 400);
  checkDates(input.opensAt, input.closesAt);
  validateQuestions(input.questions);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const s = await insertSurvey(tx, {
      id: ctx.ids(),
      orgUnitId: unit.id,
      orgPath: unit.path,
      title: input.title,
      purpose: input.purpose,
      intro: input.intro || null,
      year: input.year,
      status: 'draft',
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      questions: input.questions,
      target: input.target ?? null,
      quotas: [],
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await auditRecord(tx, ctx, s, {
      action: 'surveys.create',
      entityType: 'sv_survey',
      after: { title: s.title, purpose: s.purpose, year: s.year, questions: s.questions.length },
    });
    return s;
  });
  return dto(ctx, row);
}

/** What one change of a managed survey writes, once `changeSurvey`'s `plan` has checked the survey. */
interface SurveyChange {
  /** The status the survey must still be in as it is written (409 `conflict` otherwise). */
  from: string;
  set: Partial<Omit<SurveyRow, 'id' | 'version'>>;
  conflict: string;
  action: string;
  before: unknown;
  after: (updated: SurveyRow) => unknown;
  /** More writes in the same transaction, after the audit entry. */
  follow?: (tx: Db, updated: SurveyRow) => Promise<void>;
}

/**
 * A staff member's change of a survey they manage, in one transaction: finds it (404), lets `plan` check it
 * and say what to write, updates it if its status has not moved on meanwhile and writes the audit entry.
 */
async function changeSurvey(
  ctx: ActorCtx,
  id: string,
  plan: (tx: Db, s: SurveyRow) => Promise<SurveyChange>,
): Promise<SurveyDto> {
  const row = await ctx.db.transaction(async (tx) => {
    const s = await surveyInReach(ctx, id, 'manage', tx);
    const change = await plan(tx, s);
    const updated = await updateSurveyRow(tx, s.id, change.from, change.set);
    if (!updated) throw new AppError(change.conflict, 409);
    await auditRecord(tx, ctx, s, {
      action: change.action,
      entityType: 'sv_survey',
      before: change.before,
      after: change.after(updated),
    });
    await change.follow?.(tx, updated);
    return updated;
  });
  return dto(ctx, row);
}

/** Edits a draft; a published survey's questions are frozen (409). */
export function updateSurvey(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof updateSurveyBody>,
): Promise<SurveyDto> {
  return changeSurvey(ctx, id, async (_tx, s) => {
    if (s.status !== 'draft') throw new AppError('surveys.not_draft', 409);
    const next = {
      title: input.title ?? s.title,
      purpose: input.purpose ?? s.purpose,
      intro: input.intro !== undefined ? input.intro || null : s.intro,
      year: input.year ?? s.year,
      opensAt: input.opensAt ?? s.opensAt,
      closesAt: input.closesAt ?? s.closesAt,
      questions: input.questions ?? s.questions,
      target: input.target !== undefined ? input.target : s.target,
    };
    checkDates(next.opensAt, next.closesAt);
    validateQuestions(next.questions);
    return {
      from: 'draft',
      set: { ...next, updatedAt: ctx.clock.now() },
      conflict: 'surveys.not_draft',
      action: 'surveys.update',
      before: { title: s.title, questions: s.questions.length, opensAt: s.opensAt, closesAt: s.closesAt },
      after: (u) => ({
        title: u.title,
        questions: u.questions.length,
        opensAt: u.opensAt,
        closesAt: u.closesAt,
      }),
    };
  });
}

/** Draft → published: the questions freeze and the population under the unit is counted once. */
export function publishSurvey(ctx: ActorCtx, id: string): Promise<SurveyDto> {
  return changeSurvey(ctx, id, async (tx, s) => {
    if (s.status !== 'draft') throw new AppError('surveys.state', 409);
    if (s.questions.length === 0) throw new AppError('surveys.no_questions', 400);
    validateQuestions(s.questions);
    const population = (await permanentResidentsUnder(tx, [s.orgPath])).get(s.orgPath) ?? 0;
    const now = ctx.clock.now();
    return {
      from: 'draft',
      set: { status: 'published', publishedAt: now, population: population || null, updatedAt: now },
      conflict: 'surveys.state',
      action: 'surveys.publish',
      before: { status: 'draft' },
      after: (u) => ({ status: 'published', population: u.population }),
    };
  });
}

/** Published → closed: no more answers; the results count as evidence from now on. */
export function closeSurvey(ctx: ActorCtx, id: string): Promise<SurveyDto> {
  return changeSurvey(ctx, id, async (_tx, s) => {
    if (s.status !== 'published') throw new AppError('surveys.state', 409);
    const now = ctx.clock.now();
    return {
      from: 'published',
      set: { status: 'closed', closedAt: now, updatedAt: now },
      conflict: 'surveys.state',
      action: 'surveys.close',
      before: { status: 'published' },
      after: () => ({ status: 'closed' }),
      follow: s.purpose === 'convention' ? (tx, u) => feedConventions(tx, ctx, u) : undefined,
    };
  });
}

/**
 * R-DL-6: a survey on the convention, as it closes, gives the published conventions of its unit their awareness
 * (知晓率) and compliance (执行率) rates from the answers to the questions tagged with each; a rate no question
 * measures stays unasked. Through participation's api, in the closing transaction.
 */
async function feedConventions(tx: Db, ctx: ActorCtx, s: SurveyRow): Promise<void> {
  const conventions = await publishedConventionsOf(tx, s.orgUnitId);
  if (conventions.length === 0) return;
  const answers = (await answersUnder(tx, [s.id], s.orgPath)).map((x) => x.answers);
  const permille = (measure: 'awareness' | 'compliance') => {
    const r = rateOf(s.questions, answers, measure, null);
    return r?.rate == null ? null : r.rate * 1000;
  };
  const awarenessPermille = permille('awareness');
  const compliancePermille = permille('compliance');
  if (awarenessPermille === null && compliancePermille === null) return;
  for (const c of conventions)
    await setConventionRates(tx, ctx, c.id, { awarenessPermille, compliancePermille, source: s.title });
}

/** Sampling: a target in all and per unit under the survey's unit (grids of a community…). */
export function setQuotas(ctx: ActorCtx, id: string, input: z.infer<typeof quotasBody>): Promise<SurveyDto> {
  return changeSurvey(ctx, id, async (tx, s) => {
    if (s.status === 'closed') throw new AppError('surveys.state', 409);
    const ids = input.quotas.map((q) => q.orgUnitId);
    if (new Set(ids).size !== ids.length) throw new AppError('surveys.quota_unit', 400);
    const units = await unitsByIds(tx, ids);
    for (const q of input.quotas) {
      const u = units.find((x) => x.id === q.orgUnitId);
      if (!u || u.path === s.orgPath || !u.path.startsWith(s.orgPath))
        throw new AppError('surveys.quota_unit', 400);
    }
    return {
      from: s.status,
      set: {
        quotas: input.quotas,
        target: input.target !== undefined ? input.target : s.target,
        updatedAt: ctx.clock.now(),
      },
      conflict: 'surveys.state',
      action: 'surveys.quotas',
      before: { target: s.target, quotas: s.quotas },
      after: (u) => ({ target: u.target, quotas: u.quotas }),
    };
  });
}

export async function listSurveys(
  ctx: ActorCtx,
  q: z.infer<typeof surveyListQuery>,
): Promise<Page<SurveyDto>> {
  surveysPolicy.require(ctx.actor, 'read');
  let path: string | undefined;
  if (q.orgUnitId) {
    const unit = await findUnitInScope(ctx, q.orgUnitId, 'surveys.read');
    path = unit.path;
  }
  const page = await listSurveyRows(ctx.db, ctx.actor, { path, status: q.status, year: q.year }, q);
  return { ...page, items: await toDtos(ctx, page.items) };
}

/**
 * The survey with this id in the actor's reach for `action` (404 otherwise, the same as missing); read in
 * the transaction `tx` when given, locked for the change.
 */
async function surveyInReach(
  ctx: ActorCtx,
  id: string,
  action: SurveyAction = 'read',
  tx?: Db,
): Promise<SurveyRow> {
  surveysPolicy.require(ctx.actor, action);
  const s = isUuid(id) ? await findSurvey(tx ?? ctx.db, ctx.actor, action, id, !!tx) : undefined;
  if (!s) throw notFound();
  return s;
}

export async function getSurvey(ctx: ActorCtx, id: string): Promise<SurveyDto> {
  return dto(ctx, await surveyInReach(ctx, id));
}

const duplicate = (kind: 'user' | 'resident' | 'phone' | null, resident: boolean) =>
  new AppError(kind === 'phone' && !resident ? 'surveys.phone_answered' : 'surveys.already_answered', 409);

/**
 * Staff type in a paper form (channel=paper, the entering staff recorded). A phone, when given, is stored
 * as ciphertext + blind index + mask and holds the one-response rule (also against the resident's online
 * answer when the phone matches exactly one registry record).
 */
export async function enterPaperResponse(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof paperBody>,
): Promise<ResponseDto> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const s = await surveyInReach(ctx, id, 'enter', tx);
    if (s.status !== 'published') throw new AppError('surveys.state', 409);
    // 帮办代办: the answer of a registry resident (in the actor's scope), their consent noted; it sits at
    // the resident's home and counts as their one response.
    const proxy = await resolveProxy({ ...ctx, db: tx }, input.proxy, PROXY_RULES);
    if (proxy && !proxy.principal.orgPath.startsWith(s.orgPath))
      throw new AppError('surveys.respondent_unit', 400);
    const answers = validateAnswers(s.questions, input.answers);
    // Staff whose scope lies under the survey's unit (a grid worker) enter forms of their own part only.
    const roots = surveysPolicy.roots(ctx.actor, 'enter');
    const whole = roots.some((r) => s.orgPath.startsWith(r));
    let unit = { id: s.orgUnitId, path: s.orgPath };
    if (!whole) {
      const rootId = roots
        .find((r) => r.startsWith(s.orgPath))!
        .split('/')
        .filter(Boolean)
        .at(-1)!;
      unit = { id: rootId, path: roots.find((r) => r.startsWith(s.orgPath))! };
    }
    if (proxy) unit = { id: proxy.principal.orgUnitId, path: proxy.principal.orgPath };
    else if (input.orgUnitId) {
      const u = await unitById(tx, input.orgUnitId);
      if (!u?.path.startsWith(s.orgPath) || (!whole && !roots.some((r) => u.path.startsWith(r))))
        throw new AppError('surveys.respondent_unit', 400);
      unit = u;
    }
    let phone: { enc: string; hash: string; mask: string } | null = null;
    let residentId: string | null = proxy?.principal.id ?? null;
    if (input.phone && !proxy) {
      const p = normalisePhone(input.phone);
      phone = { enc: ctx.pii.encrypt(p), hash: ctx.pii.blindIndex('phone', p), mask: maskPhone(p) };
      const matches = await liveResidentsByPhoneHash(tx, phone.hash);
      if (matches.length === 1) residentId = matches[0]!.id;
    }
    const prior = await existingResponse(tx, s.id, { residentId, phoneHash: phone?.hash });
    if (prior) throw duplicate('phone', false);
    const row = await insertOnce(
      tx,
      {
        id: ctx.ids(),
        surveyId: s.id,
        orgUnitId: unit.id,
        orgPath: unit.path,
        channel: 'paper',
        userId: null,
        residentId,
        phoneEnc: phone?.enc ?? null,
        phoneHash: phone?.hash ?? null,
        phoneMask: phone?.mask ?? null,
        answers,
        enteredBy: ctx.actor.userId,
        ...(proxy?.values ?? NO_PROXY),
        answeredAt: input.answeredAt ?? now,
        createdAt: now,
      },
      false,
    );
    await auditRecord(tx, ctx, s, {
      action: proxy ? 'surveys.paper_on_behalf' : 'surveys.paper',
      entityType: 'sv_survey',
      after: {
        responseId: row.id,
        channel: 'paper',
        phone: row.phoneMask,
        unit: unit.id,
        ...(proxy && { proxy: proxy.audit }),
      },
    });
    const names = await userDisplayNames(tx, [ctx.actor.userId]);
    const [placed] = await unitsByIds(tx, [unit.id]);
    return {
      ...responseDto(row, new Map([[unit.id, placed?.name ?? null]]), names),
      proxy: await proxyInfo(tx, row),
    };
  });
}

/** 帮办代办 in surveys: staff who enter answers (grid workers at the door too); volunteers never. */
const PROXY_RULES = { permissions: ['surveys.enter'], volunteers: false } as const;

/** An insert that turns the one-response unique indexes into the 409 the user reads. */
async function insertOnce(tx: ActorCtx['db'], row: Parameters<typeof insertResponse>[1], resident: boolean) {
  try {
    return await insertResponse(tx, row);
  } catch (err) {
    if (isUniqueViolation(err, 'sv_responses_user_uq') || isUniqueViolation(err, 'sv_responses_resident_uq'))
      throw duplicate('user', resident);
    if (isUniqueViolation(err, 'sv_responses_phone_uq')) throw duplicate('phone', resident);
    throw err;
  }
}

function responseDto(
  row: ResponseRow,
  unitNames: Map<string, string | null>,
  users: Map<string, string>,
): Omit<ResponseDto, 'proxy'> {
  return {
    id: row.id,
    channel: row.channel as ResponseDto['channel'],
    unitName: unitNames.get(row.orgUnitId) ?? null,
    phoneMask: row.phoneMask,
    enteredByName: row.enteredBy ? (users.get(row.enteredBy) ?? null) : null,
    answeredAt: row.answeredAt,
    answers: row.answers,
  };
}

export async function listResponses(
  ctx: ActorCtx,
  id: string,
  q: z.infer<typeof responseListQuery>,
): Promise<Page<ResponseDto>> {
  const s = await surveyInReach(ctx, id);
  const page = await listResponseRows(ctx.db, s.id, { channel: q.channel }, q);
  const units = await unitsByIds(
    ctx.db,
    page.items.map((r) => r.orgUnitId),
  );
  const users = await userDisplayNames(
    ctx.db,
    page.items.flatMap((r) => (r.enteredBy ? [r.enteredBy] : [])),
  );
  const names = new Map(units.map((u) => [u.id, u.name] as [string, string | null]));
  const proxies = await proxyInfos(ctx.db, page.items);
  return {
    ...page,
    items: page.items.map((r, i) => ({ ...responseDto(r, names, users), proxy: proxies[i] ?? null })),
  };
}

/** Results: distributions, response rate, margin of error and the awareness/satisfaction rates (R-AS-5). */
export async function surveyResults(ctx: ActorCtx, id: string): Promise<ResultsDto> {
  const s = await surveyInReach(ctx, id);
  return resultsOf(ctx, s, await allResponses(ctx.db, s.id));
}

export async function resultsOf(
  ctx: Pick<ActorCtx, 'db'>,
  s: SurveyRow,
  rows: ResponseRow[],
): Promise<ResultsDto> {
  const answers = rows.map((r) => r.answers);
  const n = rows.length;
  const target = targetOf(s);
  const N = s.population;
  const units = await unitsByIds(
    ctx.db,
    s.quotas.map((q) => q.orgUnitId),
  );
  const unitPop = await permanentResidentsUnder(
    ctx.db,
    units.map((u) => u.path),
  );
  return {
    surveyId: s.id,
    status: s.status as ResultsDto['status'],
    responses: n,
    online: rows.filter((r) => r.channel === 'online').length,
    paper: rows.filter((r) => r.channel === 'paper').length,
    target,
    population: N,
    responseRate: target ? round4(n / target) : null,
    coverage: N ? round4(n / N) : null,
    marginOfError: marginOfError(0.5, n, N),
    finitePopulation: !!N && N > n,
    awareness: rateOf(s.questions, answers, 'awareness', N),
    satisfaction: rateOf(s.questions, answers, 'satisfaction', N),
    questions: questionResults(s.questions, answers),
    units: s.quotas.map((q) => {
      const u = units.find((x) => x.id === q.orgUnitId);
      const mine = u ? rows.filter((r) => r.orgPath.startsWith(u.path)).map((r) => r.answers) : [];
      const pop = u ? unitPop.get(u.path) || null : null;
      return {
        orgUnitId: q.orgUnitId,
        unitName: u?.name ?? null,
        target: q.target,
        responses: mine.length,
        awareness: rateOf(s.questions, mine, 'awareness', pop),
        satisfaction: rateOf(s.questions, mine, 'satisfaction', pop),
      };
    }),
  };
}

// ---------------------------------------------------------------- residents (phone)

/** Where the resident lives: their registry record's unit and the units of their resident role. */
async function homeOf(ctx: ActorCtx) {
  const link = await residentLinkOf(ctx.db, ctx.actor.userId);
  const record = link?.residentId ? await liveResidentPath(ctx.db, link.residentId) : undefined;
  const rolePaths = surveysPolicy.roots(ctx.actor, 'answer');
  const paths = [...(record ? [record.orgPath] : []), ...rolePaths];
  return {
    paths,
    residentId: record?.id ?? null,
    phoneHash: link?.phoneHash ?? null,
    home: record?.orgPath ?? rolePaths[0],
  };
}

function isOpen(s: SurveyRow, now: Date) {
  return s.status === 'published' && s.opensAt <= now && now <= s.closesAt;
}

async function myDtos(ctx: ActorCtx, rows: SurveyRow[], answered: Set<string>): Promise<MySurveyDto[]> {
  const units = await unitsByIds(
    ctx.db,
    rows.map((s) => s.orgUnitId),
  );
  const now = ctx.clock.now();
  return rows.map((s) => ({
    id: s.id,
    title: s.title,
    intro: s.intro,
    unitName: units.find((u) => u.id === s.orgUnitId)?.name ?? null,
    opensAt: s.opensAt,
    closesAt: s.closesAt,
    status: s.status as MySurveyDto['status'],
    open: isOpen(s, now),
    answered: answered.has(s.id),
    questions: s.questions,
  }));
}

export async function mySurveys(
  ctx: ActorCtx,
  q: z.infer<typeof mySurveysQuery>,
): Promise<Page<MySurveyDto>> {
  const home = await homeOf(ctx);
  const page = await listResidentSurveys(ctx.db, home.paths, q);
  const answered = await answeredAmong(
    ctx.db,
    page.items.map((s) => s.id),
    { userId: ctx.actor.userId, residentId: home.residentId, phoneHash: home.phoneHash },
  );
  return { ...page, items: await myDtos(ctx, page.items, answered) };
}

export async function mySurvey(ctx: ActorCtx, id: string): Promise<MySurveyDto> {
  const home = await homeOf(ctx);
  const s = isUuid(id) ? await findResidentSurvey(ctx.db, home.paths, id) : undefined;
  if (!s) throw notFound();
  const answered = await answeredAmong(ctx.db, [s.id], {
    userId: ctx.actor.userId,
    residentId: home.residentId,
    phoneHash: home.phoneHash,
  });
  return (await myDtos(ctx, [s], answered))[0]!;
}

/** A resident answers on the phone: once (by login, registry record and phone), while the survey is open. */
export async function answerSurvey(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof answerBody>,
): Promise<MySurveyDto> {
  const home = await homeOf(ctx);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const s = isUuid(id) ? await findResidentSurvey(tx, home.paths, id) : undefined;
    if (!s) throw notFound();
    if (!isOpen(s, now)) throw new AppError('surveys.not_open', 409);
    const who = { userId: ctx.actor.userId, residentId: home.residentId, phoneHash: home.phoneHash };
    if (await existingResponse(tx, s.id, who)) throw duplicate('user', true);
    const answers: Answers = validateAnswers(s.questions, input.answers);
    // The response sits at the resident's home (household) when it lies under the survey's unit.
    const at = home.home?.startsWith(s.orgPath) ? home.home : s.orgPath;
    const unitId = at.split('/').filter(Boolean).at(-1)!;
    const row = await insertOnce(
      tx,
      {
        id: ctx.ids(),
        surveyId: s.id,
        orgUnitId: unitId,
        orgPath: at,
        channel: 'online',
        userId: ctx.actor.userId,
        residentId: home.residentId,
        phoneEnc: null,
        phoneHash: home.phoneHash,
        phoneMask: null,
        answers,
        enteredBy: null,
        answeredAt: now,
        createdAt: now,
      },
      true,
    );
    await auditRecord(tx, ctx, s, {
      action: 'surveys.answer',
      entityType: 'sv_survey',
      after: { responseId: row.id, channel: 'online' },
    });
  });
  return mySurvey(ctx, id);
}

/** For the export (and its audit entry). */
export async function exportRows(ctx: ActorCtx, id: string) {
  const s = await surveyInReach(ctx, id);
  const rows = await allResponses(ctx.db, s.id);
  const results = await resultsOf(ctx, s, rows);
  const units = await unitsByIds(
    ctx.db,
    rows.map((r) => r.orgUnitId),
  );
  const users = await userDisplayNames(
    ctx.db,
    rows.flatMap((r) => (r.enteredBy ? [r.enteredBy] : [])),
  );
  await auditRecordAccess(ctx, s, {
    action: 'surveys.export',
    entityType: 'sv_survey',
    after: { responses: rows.length },
  });
  const names = new Map(units.map((u) => [u.id, u.name] as [string, string | null]));
  return {
    survey: s,
    responses: rows.map((r) => ({ ...responseDto(r, names, users), proxy: null })),
    results,
  };
}
