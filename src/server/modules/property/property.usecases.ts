import { isValidUscc } from '../../../shared/validation/codes';
import { chinaDate } from '../../../shared/chinaTime';
import {
  type AppraisalBody,
  type AppraisalDto,
  type AppraisalQuery,
  type CompoundBody,
  type CompoundDto,
  type CompoundQuery,
  type CoverageDto,
  type CoverageQuery,
  type CoverageRowDto,
  type HonourBody,
  type HonourDto,
  type HonourQuery,
  type IssueBody,
  type IssueDto,
  MODEL_CITY_MAX,
  MODEL_CITY_MIN,
  MODEL_PROVINCIAL_MIN,
  type MeetingBody,
  type MeetingDto,
  type MeetingQuery,
  type MyCompoundDto,
  type NoticeBody,
  type NoticeDto,
  type NoticeQuery,
  type ResolveBody,
  type TargetsDto,
} from '../../../shared/contracts/property';
import { foundInReach } from '../../platform/findInScope';
import { insertUnitRowAudited } from '../../platform/auditedUnitInsert';
import { writeAudit } from '../../platform/audit';
import { auditRecord } from '../../platform/recordAudit';
import { auditedWrite } from '../../platform/auditedRows';
import type { ActorCtx } from '../../platform/context';
import { newUnitRow } from '../../platform/newRow';
import { AppError, notFound } from '../../platform/errors';
import { listInUnit } from '../../platform/listInUnit';
import type { Page } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { orgUnitHead } from '../../platform/unitHead';
import {
  activeUnitsOfKind,
  ancestorOfKind,
  type OrgUnit,
  unitFilter,
  unitNames,
  unitNamesOf,
} from '../org/org.api';
import { residentIdOfUser } from '../accounts/accounts.api';
import { liveResidentPath } from '../residents/residents.api';
import { propertyPolicy } from './property.policy';
import {
  type AppraisalRow,
  type CompoundRow,
  type HonourRow,
  type IssueRow,
  type MeetingRow,
  type NoticeRow,
  findIssue,
  findMeeting,
  honoursOfYear,
  insertAppraisal,
  insertHonour,
  insertIssues,
  insertMeeting,
  insertNotice,
  insertProfile,
  issuesOf,
  listAppraisalRows,
  listHonourRows,
  listMeetingRows,
  listNoticeRows,
  noticesForUnits,
  profileOf,
  profileOfUnit,
  profilesUnder,
  resolveIssueRow,
  updateProfile,
} from './property.repository';

/** A unit filter (`communityId`, `orgUnitId`) in the actor's reach, else 404 (never an empty page). */
const filterUnit = unitFilter('property.read', 'property.manage');

const within = (path: string, unit: { id: string }) => path.includes(`/${unit.id}/`);

/** One page of a list, filtered to a community in reach (`communityId`, else 404), its rows made DTOs. */
const listInReach = listInUnit(propertyPolicy, 'read', filterUnit);

/** The DTOs of rows of one unit each, which name their unit. */
const namedDtos =
  <R extends { orgUnitId: string }, D>(dto: (row: R, names: Map<string, string>) => D) =>
  async (ctx: ActorCtx, rows: R[]): Promise<D[]> => {
    const names = await unitNamesOf(ctx.db, rows);
    return rows.map((r) => dto(r, names));
  };

function compoundDto(
  unit: OrgUnit,
  community: OrgUnit | undefined,
  p: CompoundRow | undefined,
  today: string,
): CompoundDto {
  const management = (p?.management ?? 'none') as CompoundDto['management'];
  return {
    id: unit.id,
    name: unit.name,
    communityId: community?.id ?? null,
    communityName: community?.name ?? null,
    management,
    recorded: !!p,
    covered: management !== 'none',
    companyName: p?.companyName ?? null,
    companyUscc: p?.companyUscc ?? null,
    contractStart: p?.contractStart ?? null,
    contractEnd: p?.contractEnd ?? null,
    contractExpired: management === 'company' && !!p?.contractEnd && p.contractEnd < today,
    feeFenPerM2: p?.feeFenPerM2 ?? null,
    starRating: p?.starRating ?? null,
    selfCommitteeName: p?.selfCommitteeName ?? null,
    ownersCommittee: p?.ocMembers
      ? {
          termStart: p.ocTermStart,
          termEnd: p.ocTermEnd,
          electedOn: p.ocElectedOn,
          members: p.ocMembers,
          expired: !!p.ocTermEnd && p.ocTermEnd < today,
        }
      : null,
    version: p?.version ?? 0,
    updatedAt: p?.updatedAt ?? null,
  };
}

/** Every compound (org unit of kind compound) in reach under `root`, with its community and profile. */
async function compoundsUnder(ctx: ActorCtx, root: OrgUnit | undefined) {
  const [units, communities, profiles] = await Promise.all([
    activeUnitsOfKind(ctx.db, ctx.actor, 'property.read', 'compound', root?.path),
    activeUnitsOfKind(ctx.db, ctx.actor, 'property.read', 'community'),
    profilesUnder(ctx.db, ctx.actor, root?.path),
  ]);
  // The communities above the actor's reach (a grid worker's) are looked up by the compounds' paths.
  const byUnit = new Map(profiles.map((p) => [p.orgUnitId, p]));
  const communityOf = async (u: OrgUnit) =>
    communities.find((c) => within(u.path, c)) ??
    (await ancestorOfKind(ctx.db, u.path, 'community')) ??
    undefined;
  const out: { unit: OrgUnit; community: OrgUnit | undefined; profile: CompoundRow | undefined }[] = [];
  for (const u of units) out.push({ unit: u, community: await communityOf(u), profile: byUnit.get(u.id) });
  return { rows: out, communities };
}

export async function listCompounds(ctx: ActorCtx, q: CompoundQuery): Promise<Page<CompoundDto>> {
  propertyPolicy.require(ctx.actor, 'read');
  const root = await filterUnit(ctx, q.communityId);
  const today = chinaDate(ctx.clock.now());
  const { rows } = await compoundsUnder(ctx, root);
  const items = rows
    .map((r) => compoundDto(r.unit, r.community, r.profile, today))
    .filter(
      (c) =>
        (!q.management || c.management === q.management) &&
        (!q.ownersCommittee || (c.ownersCommittee !== null) === (q.ownersCommittee === 'true')) &&
        (!q.q || c.name.includes(q.q) || (c.companyName ?? '').includes(q.q)),
    )
    .sort(
      (a, b) =>
        (a.communityName ?? '').localeCompare(b.communityName ?? '', 'zh-CN') ||
        a.name.localeCompare(b.name, 'zh-CN') ||
        a.id.localeCompare(b.id),
    );
  const start = (q.page - 1) * q.pageSize;
  return {
    items: items.slice(start, start + q.pageSize),
    total: items.length,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** The compound unit in reach for `action`, else 404; a unit of another kind is 422. */
async function compoundUnit(ctx: ActorCtx, id: string, manage: boolean): Promise<OrgUnit> {
  const unit = await filterUnit(ctx, id, manage);
  if (!unit) throw notFound();
  if (unit.kind !== 'compound') throw new AppError('property.not_compound', 422);
  return unit;
}

export async function getCompound(ctx: ActorCtx, id: string): Promise<CompoundDto> {
  propertyPolicy.require(ctx.actor, 'read');
  const unit = await compoundUnit(ctx, id, false);
  const [profile, community] = await Promise.all([
    profileOf(ctx.db, ctx.actor, 'read', unit.id),
    ancestorOfKind(ctx.db, unit.path, 'community'),
  ]);
  return compoundDto(unit, community ?? undefined, profile, chinaDate(ctx.clock.now()));
}

function checkDates(start: string | null | undefined, end: string | null | undefined, field: string) {
  if (start && end && end < start)
    throw new AppError('property.dates_order', 422, {}, { fields: [{ path: field, code: 'dates_order' }] });
}

/**
 * Records who serves a compound: a property company (contract, fee per m² in fen, star rating), a
 * self-management committee, or none; and its owners' committee (term, election, members) or none.
 */
export async function saveCompound(ctx: ActorCtx, id: string, body: CompoundBody): Promise<CompoundDto> {
  propertyPolicy.require(ctx.actor, 'manage');
  const unit = await compoundUnit(ctx, id, true);
  if (body.management === 'company' && !body.companyName)
    throw new AppError('property.company_required', 422);
  if (body.management === 'self' && !body.selfCommitteeName)
    throw new AppError('property.self_committee_required', 422);
  checkDates(body.contractStart, body.contractEnd, 'contractEnd');
  // The property company's unified social credit code carries a GB 32100 check character (R-LAW-CD-3).
  if (body.management === 'company' && body.companyUscc && !isValidUscc(body.companyUscc.toUpperCase()))
    throw new AppError(
      'property.uscc',
      422,
      {},
      { fields: [{ path: 'companyUscc', code: 'property.uscc' }] },
    );
  const oc = body.ownersCommittee;
  if (oc) {
    checkDates(oc.termStart, oc.termEnd, 'ownersCommittee.termEnd');
    if (oc.members.length === 0) throw new AppError('property.oc_members_required', 422);
  }
  const company = body.management === 'company';
  const values = {
    management: body.management,
    companyName: company ? (body.companyName ?? null) : null,
    companyUscc: company ? (body.companyUscc?.toUpperCase() ?? null) : null,
    contractStart: company ? (body.contractStart ?? null) : null,
    contractEnd: company ? (body.contractEnd ?? null) : null,
    feeFenPerM2: body.management === 'none' ? null : (body.feeFenPerM2 ?? null),
    starRating: company ? (body.starRating ?? null) : null,
    selfCommitteeName: body.management === 'self' ? (body.selfCommitteeName ?? null) : null,
    ocTermStart: oc?.termStart ?? null,
    ocTermEnd: oc?.termEnd ?? null,
    ocElectedOn: oc?.electedOn ?? null,
    ocMembers: oc
      ? oc.members.map((m) => ({ name: m.name, role: m.role, personId: m.personId ?? null }))
      : null,
  };
  const now = ctx.clock.now();
  const saved = await ctx.db.transaction(async (tx) => {
    const before = await profileOf(tx, ctx.actor, 'manage', unit.id);
    let row: CompoundRow | undefined;
    if (before) {
      if (body.version !== undefined && body.version !== before.version)
        throw new AppError('property.stale', 409);
      row = await updateProfile(tx, before.id, before.version, { ...values, updatedAt: now });
      if (!row) throw new AppError('property.stale', 409);
    } else {
      row = await insertProfile(tx, { ...newUnitRow(ctx, unit, now), ...values });
    }
    await writeAudit(tx, ctx, {
      action: 'property.compound.save',
      entityType: 'pm_compound',
      entityId: row.id,
      orgPath: unit.path,
      before: before ? { ...before, createdAt: undefined, updatedAt: undefined } : null,
      after: { ...values, compound: unit.name },
    });
    return row;
  });
  const community = await ancestorOfKind(ctx.db, unit.path, 'community');
  return compoundDto(unit, community ?? undefined, saved, chinaDate(now));
}

/**
 * Property-service coverage per community (seed 003 三(一)3 "实现物业服务全覆盖", seed 004 Ⅱ-7 "城市社区物业
 * 服务全覆盖"): a compound is covered by a property company or a self-management committee; a community
 * below 100 % is flagged with its uncovered compounds listed.
 */
export async function coverage(ctx: ActorCtx, q: CoverageQuery): Promise<CoverageDto> {
  propertyPolicy.require(ctx.actor, 'read');
  const root = await filterUnit(ctx, q.orgUnitId);
  const { rows } = await compoundsUnder(ctx, root);
  const communities = root?.kind === 'community' ? [root] : [];
  for (const r of rows)
    if (r.community && !communities.some((c) => c.id === r.community!.id)) communities.push(r.community);
  if (root?.kind !== 'community') {
    const all = await activeUnitsOfKind(ctx.db, ctx.actor, 'property.read', 'community', root?.path);
    for (const c of all) if (!communities.some((x) => x.id === c.id)) communities.push(c);
  }
  const out: CoverageRowDto[] = communities.map((c) => {
    const mine = rows.filter((r) => r.community?.id === c.id);
    const mgmt = (r: (typeof mine)[number]) => r.profile?.management ?? 'none';
    const withCompany = mine.filter((r) => mgmt(r) === 'company').length;
    const selfManaged = mine.filter((r) => mgmt(r) === 'self').length;
    const gaps = mine
      .filter((r) => mgmt(r) === 'none')
      .map((r) => ({ id: r.unit.id, name: r.unit.name }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    const covered = withCompany + selfManaged;
    const flags: CoverageRowDto['flags'] = [];
    if (mine.length === 0) flags.push('no_compounds');
    else if (covered < mine.length) flags.push('not_full');
    return {
      communityId: c.id,
      communityName: c.name,
      compounds: mine.length,
      withCompany,
      selfManaged,
      uncovered: gaps.length,
      withOwnersCommittee: mine.filter((r) => r.profile?.ocMembers).length,
      share: mine.length === 0 ? 1 : covered / mine.length,
      gaps,
      flags,
    };
  });
  out.sort((a, b) => a.communityName.localeCompare(b.communityName, 'zh-CN'));
  const compounds = out.reduce((s, r) => s + r.compounds, 0);
  const covered = out.reduce((s, r) => s + r.withCompany + r.selfManaged, 0);
  return {
    rows: out,
    totals: {
      compounds,
      covered,
      share: compounds === 0 ? 1 : covered / compounds,
      communitiesNotFull: out.filter((r) => r.flags.includes('not_full')).length,
    },
  };
}

// ---- 三方联动

function issueDto(i: IssueRow): IssueDto {
  return {
    id: i.id,
    meetingId: i.meetingId,
    text: i.text,
    owner: (i.owner ?? null) as IssueDto['owner'],
    status: i.status as IssueDto['status'],
    resolvedOn: i.resolvedOn,
    resolution: i.resolution,
  };
}

function meetingDto(m: MeetingRow, issues: IssueRow[], names: Map<string, string>): MeetingDto {
  const mine = issues.filter((i) => i.meetingId === m.id).map(issueDto);
  return {
    id: m.id,
    communityId: m.orgUnitId,
    communityName: names.get(m.orgUnitId) ?? null,
    compoundId: m.compoundId,
    compoundName: m.compoundId ? (names.get(m.compoundId) ?? null) : null,
    heldOn: m.heldOn,
    title: m.title,
    residentsCommittee: m.residentsCommittee,
    ownersCommittee: m.ownersCommittee,
    propertyCompany: m.propertyCompany,
    allThree: !!(m.residentsCommittee && m.ownersCommittee && m.propertyCompany),
    minutes: m.minutes,
    issues: mine,
    openIssues: mine.filter((i) => i.status === 'open').length,
  };
}

/** An open issue raised at meeting `m`. */
const newIssue = (ctx: ActorCtx, m: MeetingRow, i: IssueBody, now: Date) => ({
  id: ctx.ids(),
  meetingId: m.id,
  orgPath: m.orgPath,
  text: i.text,
  owner: i.owner ?? null,
  status: 'open',
  createdAt: now,
  updatedAt: now,
});

async function meetingDtos(ctx: ActorCtx, rows: MeetingRow[]): Promise<MeetingDto[]> {
  const issues = await issuesOf(
    ctx.db,
    rows.map((m) => m.id),
  );
  const ids = new Set<string>();
  for (const m of rows) {
    ids.add(m.orgUnitId);
    if (m.compoundId) ids.add(m.compoundId);
  }
  const names = await unitNames(ctx.db, [...ids]);
  return rows.map((m) => meetingDto(m, issues, names));
}

export const listMeetings = (ctx: ActorCtx, q: MeetingQuery): Promise<Page<MeetingDto>> =>
  listInReach(ctx, q, listMeetingRows, meetingDtos);

export async function getMeeting(ctx: ActorCtx, id: string): Promise<MeetingDto> {
  const m = await foundInReach(propertyPolicy, ctx, 'read', () => findMeeting(ctx.db, ctx.actor, 'read', id));
  return (await meetingDtos(ctx, [m]))[0]!;
}

/** A 三方联动 joint meeting of a community (联席会议), optionally about one compound, with the issues raised. */
export async function createMeeting(ctx: ActorCtx, body: MeetingBody): Promise<MeetingDto> {
  propertyPolicy.require(ctx.actor, 'manage');
  const community = await filterUnit(ctx, body.communityId, true);
  if (!community) throw notFound();
  if (community.kind !== 'community') throw new AppError('property.not_community', 422);
  if (body.compoundId) {
    const compound = await compoundUnit(ctx, body.compoundId, true);
    if (!within(compound.path, community)) throw new AppError('property.compound_elsewhere', 422);
  }
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const m = await insertMeeting(tx, {
      ...newUnitRow(ctx, community, now),
      compoundId: body.compoundId ?? null,
      heldOn: body.heldOn,
      title: body.title,
      residentsCommittee: body.residentsCommittee ?? null,
      ownersCommittee: body.ownersCommittee ?? null,
      propertyCompany: body.propertyCompany ?? null,
      minutes: body.minutes ?? null,
      createdBy: ctx.actor.userId,
    });
    await insertIssues(
      tx,
      body.issues.map((i) => newIssue(ctx, m, i, now)),
    );
    await auditRecord(tx, ctx, m, {
      action: 'property.meeting.create',
      entityType: 'pm_meeting',
      after: { title: m.title, heldOn: m.heldOn, issues: body.issues.length },
    });
    return m;
  });
  return (await meetingDtos(ctx, [row]))[0]!;
}

export async function addIssue(ctx: ActorCtx, meetingId: string, body: IssueBody): Promise<MeetingDto> {
  const m = await foundInReach(propertyPolicy, ctx, 'manage', () =>
    findMeeting(ctx.db, ctx.actor, 'manage', meetingId),
  );
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [i] = await insertIssues(tx, [newIssue(ctx, m, body, now)]);
    await writeAudit(tx, ctx, {
      action: 'property.issue.create',
      entityType: 'pm_issue',
      entityId: i!.id,
      orgPath: m.orgPath,
      after: { text: body.text, owner: body.owner ?? null },
    });
  });
  return (await meetingDtos(ctx, [m]))[0]!;
}

/** An issue raised at a joint meeting is resolved (协同联动解决实际问题): when and how. */
export async function resolveIssue(ctx: ActorCtx, id: string, body: ResolveBody): Promise<IssueDto> {
  const issue = await foundInReach(propertyPolicy, ctx, 'manage', () =>
    findIssue(ctx.db, ctx.actor, 'manage', id),
  );
  if (issue.status !== 'open') throw new AppError('property.issue_resolved', 409);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const r = await resolveIssueRow(tx, issue.id, { ...body, updatedAt: now });
    if (!r) throw new AppError('property.issue_resolved', 409);
    await auditRecord(tx, ctx, r, {
      action: 'property.issue.resolve',
      entityType: 'pm_issue',
      before: { status: 'open' },
      after: { status: 'resolved', ...body },
    });
    return r;
  });
  return issueDto(row);
}

// ---- notices, appraisals, honours

const noticeDto = (n: NoticeRow, names: Map<string, string>): NoticeDto => ({
  ...orgUnitHead(n, names),
  title: n.title,
  body: n.body,
  publishedOn: n.publishedOn,
});

export const listNotices = (ctx: ActorCtx, q: NoticeQuery): Promise<Page<NoticeDto>> =>
  listInReach(ctx, q, listNoticeRows, namedDtos(noticeDto));

/** A public notice (公示通报) to a community or a compound; the compound's residents see it on the phone. */
export async function createNotice(ctx: ActorCtx, body: NoticeBody): Promise<NoticeDto> {
  propertyPolicy.require(ctx.actor, 'manage');
  const unit = await filterUnit(ctx, body.orgUnitId, true);
  if (!unit) throw notFound();
  if (unit.kind !== 'community' && unit.kind !== 'compound') throw new AppError('property.unit_kind', 422);
  const row = await insertUnitRowAudited(
    ctx,
    unit,
    insertNotice,
    {
      title: body.title,
      body: body.body,
      publishedOn: body.publishedOn,
      createdBy: ctx.actor.userId,
    },
    {
      action: 'property.notice.create',
      entityType: 'pm_notice',
      view: (n) => ({ title: n.title, publishedOn: n.publishedOn }),
    },
  );
  return noticeDto(row, new Map([[unit.id, unit.name]]));
}

const appraisalDto = (a: AppraisalRow, names: Map<string, string>): AppraisalDto => ({
  id: a.id,
  compoundId: a.orgUnitId,
  compoundName: names.get(a.orgUnitId) ?? null,
  period: a.period,
  appraisedOn: a.appraisedOn,
  score: a.score,
  respondents: a.respondents,
  remark: a.remark,
});

export const listAppraisals = (ctx: ActorCtx, q: AppraisalQuery): Promise<Page<AppraisalDto>> =>
  listInReach(ctx, q, listAppraisalRows, namedDtos(appraisalDto));

/** The appraisal of a compound's property service (评议考评): a score out of 100 from the residents. */
export async function createAppraisal(ctx: ActorCtx, body: AppraisalBody): Promise<AppraisalDto> {
  propertyPolicy.require(ctx.actor, 'manage');
  const unit = await compoundUnit(ctx, body.compoundId, true);
  const row = await insertUnitRowAudited(
    ctx,
    unit,
    insertAppraisal,
    {
      period: body.period,
      appraisedOn: body.appraisedOn,
      score: body.score,
      respondents: body.respondents ?? null,
      remark: body.remark ?? null,
      createdBy: ctx.actor.userId,
    },
    {
      action: 'property.appraisal.create',
      entityType: 'pm_appraisal',
      view: (a) => ({ period: a.period, score: a.score }),
    },
  );
  return appraisalDto(row, new Map([[unit.id, unit.name]]));
}

async function honourDtos(ctx: ActorCtx, rows: HonourRow[]): Promise<HonourDto[]> {
  const names = await unitNamesOf(ctx.db, rows);
  const communities = new Map<string, string | null>();
  for (const h of rows)
    if (!communities.has(h.orgUnitId))
      communities.set(h.orgUnitId, (await ancestorOfKind(ctx.db, h.orgPath, 'community'))?.name ?? null);
  return rows.map((h) => ({
    id: h.id,
    compoundId: h.orgUnitId,
    compoundName: names.get(h.orgUnitId) ?? null,
    communityName: communities.get(h.orgUnitId) ?? null,
    kind: h.kind as HonourDto['kind'],
    year: h.year,
    month: h.month === 0 ? null : h.month,
    awardedOn: h.awardedOn,
    remark: h.remark,
  }));
}

export const listHonours = (ctx: ActorCtx, q: HonourQuery): Promise<Page<HonourDto>> =>
  listInReach(ctx, q, listHonourRows, honourDtos);

/** The monthly civilised-compound selection (文明小区) or a 美好家园 model compound (city / provincial). */
export async function createHonour(ctx: ActorCtx, body: HonourBody): Promise<HonourDto> {
  propertyPolicy.require(ctx.actor, 'manage');
  const unit = await compoundUnit(ctx, body.compoundId, true);
  const monthly = body.kind === 'civilised_monthly';
  if (monthly !== (body.month != null)) throw new AppError('property.honour_month', 422);
  const now = ctx.clock.now();
  const row = await auditedWrite(
    ctx,
    async (tx) => {
      const h = await insertHonour(tx, {
        ...newUnitRow(ctx, unit, now),
        kind: body.kind,
        year: body.year,
        month: body.month ?? 0,
        awardedOn: body.awardedOn,
        remark: body.remark ?? null,
        createdBy: ctx.actor.userId,
      });
      if (!h) throw new AppError('property.honour_exists', 409);
      return h;
    },
    {
      action: 'property.honour.create',
      entityType: 'pm_honour',
      view: (h) => ({ compound: unit.name, kind: h.kind, year: h.year, month: h.month }),
    },
  );
  return (await honourDtos(ctx, [row]))[0]!;
}

/** The subdistricts an actor's reach lies in or covers. */
async function subdistrictsOf(ctx: ActorCtx, actor: Actor): Promise<OrgUnit[]> {
  const out = await activeUnitsOfKind(ctx.db, actor, 'property.read', 'subdistrict');
  for (const root of propertyPolicy.roots(actor, 'read')) {
    if (root === '/') continue;
    const sd = await ancestorOfKind(ctx.db, root, 'subdistrict');
    if (sd && !out.some((s) => s.id === sd.id)) out.push(sd);
  }
  return out;
}

/**
 * Seed 003 三(一)2: per subdistrict and year, 1–2 city-level and 1 provincial 美好家园 model compounds, and a
 * civilised-compound selection every month (the months of the year so far). Counted over the honours in
 * the actor's reach.
 */
export async function honourTargets(ctx: ActorCtx, q: { year?: number }): Promise<TargetsDto> {
  propertyPolicy.require(ctx.actor, 'read');
  const today = chinaDate(ctx.clock.now());
  const thisYear = Number(today.slice(0, 4));
  const year = q.year ?? thisYear;
  const lastMonth = year < thisYear ? 12 : year > thisYear ? 0 : Number(today.slice(5, 7));
  const [subdistricts, honours] = await Promise.all([
    subdistrictsOf(ctx, ctx.actor),
    honoursOfYear(ctx.db, ctx.actor, year),
  ]);
  const rows = subdistricts.map((sd) => {
    const mine = honours.filter((h) => within(h.orgPath, sd));
    const modelCity = mine.filter((h) => h.kind === 'model_city').length;
    const modelProvincial = mine.filter((h) => h.kind === 'model_provincial').length;
    const months = new Set(mine.filter((h) => h.kind === 'civilised_monthly').map((h) => h.month));
    const monthsMissing: number[] = [];
    for (let m = 1; m <= lastMonth; m++) if (!months.has(m)) monthsMissing.push(m);
    const flags: TargetsDto['rows'][number]['flags'] = [];
    if (modelCity < MODEL_CITY_MIN) flags.push('model_city_missing');
    if (modelCity > MODEL_CITY_MAX) flags.push('model_city_over');
    if (modelProvincial < MODEL_PROVINCIAL_MIN) flags.push('model_provincial_missing');
    if (monthsMissing.length > 0) flags.push('months_missing');
    return {
      subdistrictId: sd.id,
      subdistrictName: sd.name,
      modelCity,
      modelProvincial,
      monthsMissing,
      flags,
    };
  });
  return { year, rows };
}

/**
 * A resident's compound on the phone: the compound above their home (where they hold `property.board`, or
 * their linked registry record's household inside that reach), who serves it, and the notices posted to it
 * and to its community.
 */
export async function myCompound(ctx: ActorCtx): Promise<MyCompoundDto> {
  propertyPolicy.require(ctx.actor, 'board');
  const roots = propertyPolicy.roots(ctx.actor, 'board');
  // A resident role held at the community: the home is the linked registry resident's household.
  const residentId = await residentIdOfUser(ctx.db, ctx.actor.userId);
  const home = residentId ? await liveResidentPath(ctx.db, residentId) : undefined;
  const places = [
    ...roots.filter((r) => r !== '/'),
    ...(home && roots.some((r) => home.orgPath.startsWith(r)) ? [home.orgPath] : []),
  ];
  for (const root of places) {
    const compound = await ancestorOfKind(ctx.db, root, 'compound');
    if (!compound) continue;
    const community = await ancestorOfKind(ctx.db, compound.path, 'community');
    const [profile, notices] = await Promise.all([
      profileOfUnit(ctx.db, compound.id),
      noticesForUnits(ctx.db, [compound.id, ...(community ? [community.id] : [])], 20),
    ]);
    const names = new Map([
      [compound.id, compound.name],
      ...(community ? ([[community.id, community.name]] as const) : []),
    ]);
    return {
      compound: compoundDto(compound, community ?? undefined, profile, chinaDate(ctx.clock.now())),
      notices: notices.map((n) => noticeDto(n, names)),
    };
  }
  return { compound: null, notices: [] };
}
