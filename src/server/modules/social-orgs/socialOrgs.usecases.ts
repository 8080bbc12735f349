import { chinaDate } from '../../../shared/chinaTime';
import { SPECIAL_GROUP_TAGS, type SpecialGroupTag } from '../../../shared/orgKinds';
import {
  type ContractBody,
  type ContractCoverageDto,
  type ContractCoverageQuery,
  type ContractDto,
  type ContractListQuery,
  type ContractPatch,
  type ContractItemBody,
  type FlowBody,
  type FlowDto,
  type FundDto,
  type IncubationBody,
  type IncubationDto,
  type IncubationPatch,
  type LinkBody,
  type LinkDto,
  MIGRANT_WELFARE_TARGET,
  type MemberBody,
  type MemberDto,
  type OrgBody,
  type OrgDto,
  type OrgListQuery,
  type OrgPatch,
  type ProposalActionBody,
  type ProposalBody,
  type ProposalDetailDto,
  type ProposalDto,
  type ProposalListQuery,
  type PublicFundDto,
  type RoundBody,
  type RoundDto,
  type ScoreBody,
  type SoCategory,
  type StationBody,
  type StationDto,
  type UrbanVillageDto,
} from '../../../shared/contracts/socialOrgs';
import { foundInReach } from '../../platform/findInScope';
import { auditRecord } from '../../platform/recordAudit';
import { auditedWrite } from '../../platform/auditedRows';
import { insertUnitRowAudited } from '../../platform/auditedUnitInsert';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import type { Page, PageQuery } from '../../platform/listing';
import { newUnitRow } from '../../platform/newRow';
import { stateEventTimeline } from '../../platform/stateEventTimeline';
import { availableActions, transition } from '../../platform/workflow';
import { ensureAccount, findAccount, postTransaction } from '../ledger/ledger.api';
import {
  activeUnitsUnder,
  communityOfPath,
  findUnitInScope,
  unitNames,
  unitNamesOf,
  unitsByIds,
} from '../org/org.api';
import {
  type SocialOrgRow,
  createSocialOrg,
  isQualifiedSocialWorker,
  migrantWelfareCounts,
  socialOrgsByIds,
  updateSocialOrg,
  workerInReach,
  workersByIds,
} from '../people/people.api';
import { type SoAction, proposalsPolicy, soPolicy } from './socialOrgs.policy';
import {
  type ContractRow,
  type FundRow,
  type IncubationRow,
  type LinkRow,
  type PatchOf,
  type ProfileRow,
  type RowOf,
  type ProposalRow,
  type RoundRow,
  type StationRow,
  type TableKey,
  addStationWorker,
  boardFunds,
  contractCoverage as contractCoverageRows,
  contractFilter,
  contractItems,
  contractOrder,
  eventsOf,
  findProposal,
  findRow,
  flowTotals,
  flowsOf,
  fundOrder,
  incubationFilters,
  incubationOrder,
  insertContractItem,
  insertFlow,
  insertMember,
  insertProposal,
  insertRow,
  inserterOf,
  linkOrder,
  listProposalRows,
  memberCounts,
  membersOf,
  pageRows,
  profileFilters,
  profileListOrder,
  removeMember as removeMemberRow,
  removeStationWorker,
  repathOrgRows,
  roundForProposal,
  roundOrder,
  roundStats,
  scoresOf,
  stationOfUnit,
  stationOrder,
  stationWorkers,
  updateContractItem,
  updateRow,
  upsertScore,
} from './socialOrgs.repository';
import { proposalWorkflow } from './socialOrgs.workflow';

/** Classes that count as public-welfare organisations for R-ORG-6 unless said otherwise. */
const WELFARE_CATEGORIES: readonly SoCategory[] = [
  'public_welfare',
  'service',
  'mutual_aid',
  'social_work_agency',
];
const CATEGORY_ZH: Record<SoCategory, string> = {
  self_governance: '自治协商',
  mediation: '矛盾调处',
  public_welfare: '公益服务',
  interest: '兴趣活动',
  service: '生活服务',
  mutual_aid: '互助',
  social_work_agency: '社工机构',
};

const within = (ctx: ActorCtx, tx: Db): ActorCtx => ({ ...ctx, db: tx });

/** A unit filter in reach (else 404: the route matrix's rule for unit filters). */
async function pathOf(ctx: ActorCtx, orgUnitId: string | undefined, action: SoAction = 'read') {
  if (!orgUnitId) return undefined;
  const unit = await findUnitInScope(ctx, orgUnitId, soPolicy.permissions[action]);
  return unit.path;
}

async function unitFor(ctx: ActorCtx, orgUnitId: string, action: SoAction, kinds?: readonly string[]) {
  const unit = await findUnitInScope(ctx, orgUnitId, soPolicy.permissions[action]);
  if (unit.status !== 'active') throw notFound();
  if (kinds && !kinds.includes(unit.kind)) throw new AppError('social_orgs.unit_kind', 422);
  return unit;
}

const checkDates = (from: string, to: string | null | undefined) => {
  if (to && to < from) throw new AppError('social_orgs.dates_order', 422);
};

const names = (ctx: ActorCtx, ids: (string | null | undefined)[]) => unitNames(ctx.db, ids);

async function orgNames(ctx: ActorCtx, ids: (string | null | undefined)[]) {
  const rows = await socialOrgsByIds(
    ctx.db,
    ids.filter((x): x is string => !!x),
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * A page of `key`'s rows in the actor's reach, under the `orgUnitId` filter (in reach, else 404) and `where`,
 * as DTOs.
 */
async function pageInUnit<K extends TableKey, D>(
  ctx: ActorCtx,
  key: K,
  q: { orgUnitId?: string } & PageQuery,
  orderBy: Parameters<typeof pageRows>[4]['orderBy'],
  dtos: (ctx: ActorCtx, rows: RowOf<K>[]) => Promise<D[]>,
  where?: Parameters<typeof pageRows>[4]['where'],
): Promise<Page<D>> {
  soPolicy.require(ctx.actor, 'read');
  const path = await pathOf(ctx, q.orgUnitId);
  const page = await pageRows(ctx.db, ctx.actor, 'read', key, { path, where, orderBy, page: q });
  return { ...page, items: await dtos(ctx, page.items) };
}

/** Moves a round or a contract (`before`, found in reach) to `state`, audited with the state before and after. */
async function setState<K extends 'round' | 'contract'>(
  ctx: ActorCtx,
  key: K,
  before: { id: string; state: string },
  state: string,
  audit: { action: string; entityType: string },
) {
  return ctx.db.transaction(async (tx) => {
    const row = await updateRow(tx, key, before.id, { state, updatedAt: ctx.clock.now() } as PatchOf<K>);
    await auditRecord(tx, ctx, row, {
      action: audit.action,
      entityType: audit.entityType,
      before: { state: before.state },
      after: { state },
    });
    return row;
  });
}

// =============================================================================================
// Registry
// =============================================================================================

async function orgDtos(ctx: ActorCtx, profiles: ProfileRow[]): Promise<OrgDto[]> {
  const ids = profiles.map((p) => p.id);
  const [orgs, counts, units] = await Promise.all([
    socialOrgsByIds(ctx.db, ids),
    memberCounts(ctx.db, ids),
    names(
      ctx,
      profiles.map((p) => p.orgUnitId),
    ),
  ]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  return profiles.flatMap((p) => {
    const o = byId.get(p.id);
    if (!o) return [];
    const c = counts.get(p.id);
    return [
      {
        id: p.id,
        name: o.name,
        uscc: o.uscc,
        registration: o.registration as OrgDto['registration'],
        category: p.category as SoCategory,
        field: o.field,
        founderGroup: (p.founderGroup ?? null) as OrgDto['founderGroup'],
        publicWelfare: o.publicWelfare,
        migrantMembers: o.migrantMembers,
        memberCount: o.memberCount,
        migrantCount: c?.migrant ?? 0,
        incubationTier: (p.incubationTier ?? null) as OrgDto['incubationTier'],
        incubationStage: (p.incubationStage ?? null) as OrgDto['incubationStage'],
        contactName: p.contactName,
        orgUnitId: p.orgUnitId,
        orgUnitName: units.get(p.orgUnitId) ?? null,
        createdAt: o.createdAt,
        updatedAt: p.updatedAt > o.updatedAt ? p.updatedAt : o.updatedAt,
        abilities: { edit: soPolicy.can(ctx.actor, 'manage', p) },
      },
    ];
  });
}

export async function listOrgs(ctx: ActorCtx, q: OrgListQuery): Promise<Page<OrgDto>> {
  soPolicy.require(ctx.actor, 'read');
  const path = await pathOf(ctx, q.orgUnitId);
  const page = await pageRows(ctx.db, ctx.actor, 'read', 'profile', {
    path,
    where: profileFilters(q),
    orderBy: profileListOrder(),
    page: q,
  });
  return { ...page, items: await orgDtos(ctx, page.items) };
}

export async function exportOrgs(ctx: ActorCtx, q: Omit<OrgListQuery, 'page' | 'pageSize'>) {
  return (await listOrgs(ctx, { ...q, page: 1, pageSize: 5000 })).items;
}

async function profileIn(ctx: ActorCtx, id: string, action: SoAction) {
  const p = await findRow(ctx.db, ctx.actor, action, 'profile', id);
  if (!p) throw notFound();
  return p;
}

export async function getOrg(ctx: ActorCtx, id: string): Promise<OrgDto> {
  soPolicy.require(ctx.actor, 'read');
  const dto = (await orgDtos(ctx, [await profileIn(ctx, id, 'read')]))[0];
  if (!dto) throw notFound();
  return dto;
}

/**
 * Registers a social organisation (登记 or 备案) in the people registry — which validates the unified social
 * credit code (R-LAW-CD-3) and its uniqueness — with its class, founder group and contact in one transaction.
 */
export async function createOrg(ctx: ActorCtx, input: OrgBody): Promise<OrgDto> {
  soPolicy.require(ctx.actor, 'manage');
  const unit = await unitFor(ctx, input.orgUnitId, 'manage', ['subdistrict', 'community', 'grid']);
  const now = ctx.clock.now();
  const profile = await ctx.db.transaction(async (tx) => {
    const so = await createSocialOrg(within(ctx, tx), {
      name: input.name,
      uscc: input.uscc ?? null,
      registration: input.registration,
      field: input.field || CATEGORY_ZH[input.category],
      publicWelfare: input.publicWelfare ?? WELFARE_CATEGORIES.includes(input.category),
      migrantMembers: false,
      memberCount: 0,
      orgUnitId: unit.id,
    });
    // The registry's insert trigger opened the profile (migration 0030); it takes the class and contact.
    const p = await updateRow(tx, 'profile', so.id, {
      category: input.category,
      founderGroup: input.founderGroup ?? null,
      contactName: input.contactName ?? null,
      updatedAt: now,
    });
    await auditRecord(tx, ctx, p, {
      action: 'social_orgs.org_create',
      entityType: 'so_org',
      after: { ...p, name: input.name, uscc: input.uscc ?? null, registration: input.registration },
    });
    return p;
  });
  return (await orgDtos(ctx, [profile]))[0]!;
}

export async function updateOrg(ctx: ActorCtx, id: string, input: OrgPatch): Promise<OrgDto> {
  soPolicy.require(ctx.actor, 'manage');
  const before = await profileIn(ctx, id, 'manage');
  const unit =
    input.orgUnitId && input.orgUnitId !== before.orgUnitId
      ? await unitFor(ctx, input.orgUnitId, 'manage', ['subdistrict', 'community', 'grid'])
      : null;
  const profile = await ctx.db.transaction(async (tx) => {
    const peoplePatch = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.uscc !== undefined && { uscc: input.uscc }),
      ...(input.registration !== undefined && { registration: input.registration }),
      ...(input.field !== undefined && input.field !== '' && { field: input.field }),
      ...(input.publicWelfare !== undefined && { publicWelfare: input.publicWelfare }),
      ...(unit && { orgUnitId: unit.id }),
    };
    if (Object.keys(peoplePatch).length) await updateSocialOrg(within(ctx, tx), id, peoplePatch);
    const after = await updateRow(tx, 'profile', id, {
      ...(input.category !== undefined && { category: input.category }),
      ...(input.founderGroup !== undefined && { founderGroup: input.founderGroup ?? null }),
      ...(input.contactName !== undefined && { contactName: input.contactName }),
      ...(unit && { orgUnitId: unit.id, orgPath: unit.path }),
      updatedAt: ctx.clock.now(),
    });
    if (unit) await repathOrgRows(tx, id, unit.path);
    await auditRecord(tx, ctx, after, {
      action: 'social_orgs.org_update',
      entityType: 'so_org',
      before,
      after: { ...after, ...peoplePatch },
    });
    return after;
  });
  return (await orgDtos(ctx, [profile]))[0]!;
}

// ---- members (R-ORG-6: migrant-worker members)

const memberDto = (m: {
  id: string;
  orgId: string;
  name: string;
  migrant: boolean;
  role: string | null;
  joinedOn: string | null;
  createdAt: Date;
}): MemberDto => ({
  id: m.id,
  orgId: m.orgId,
  name: m.name,
  migrant: m.migrant,
  role: m.role,
  joinedOn: m.joinedOn,
  createdAt: m.createdAt,
});

export async function listMembers(ctx: ActorCtx, orgId: string, pq: PageQuery): Promise<Page<MemberDto>> {
  soPolicy.require(ctx.actor, 'read');
  await profileIn(ctx, orgId, 'read');
  const page = await membersOf(ctx.db, orgId, pq);
  return { ...page, items: page.items.map(memberDto) };
}

/** Keeps the registry's member count and migrant flag (read by the R-ORG-6 reports) in step with the members. */
async function syncCounts(ctx: ActorCtx, tx: Db, orgId: string) {
  const c = (await memberCounts(tx, [orgId])).get(orgId) ?? { total: 0, migrant: 0 };
  await updateSocialOrg(within(ctx, tx), orgId, { memberCount: c.total, migrantMembers: c.migrant > 0 });
}

export async function addMember(ctx: ActorCtx, orgId: string, input: MemberBody): Promise<MemberDto> {
  soPolicy.require(ctx.actor, 'manage');
  const p = await profileIn(ctx, orgId, 'manage');
  const m = await ctx.db.transaction(async (tx) => {
    const row = await insertMember(tx, {
      id: ctx.ids(),
      orgId,
      orgPath: p.orgPath,
      name: input.name,
      migrant: input.migrant,
      role: input.role ?? null,
      joinedOn: input.joinedOn ?? null,
      createdAt: ctx.clock.now(),
    });
    await syncCounts(ctx, tx, orgId);
    await auditRecord(tx, ctx, p, {
      action: 'social_orgs.member_add',
      entityType: 'so_org',
      after: { memberId: row.id, migrant: row.migrant, role: row.role },
    });
    return row;
  });
  return memberDto(m);
}

export async function removeMember(ctx: ActorCtx, orgId: string, memberId: string): Promise<void> {
  soPolicy.require(ctx.actor, 'manage');
  const p = await profileIn(ctx, orgId, 'manage');
  await ctx.db.transaction(async (tx) => {
    const m = await removeMemberRow(tx, orgId, memberId, ctx.clock.now());
    if (!m) throw notFound();
    await syncCounts(ctx, tx, orgId);
    await auditRecord(tx, ctx, p, {
      action: 'social_orgs.member_remove',
      entityType: 'so_org',
      before: { memberId: m.id, migrant: m.migrant },
    });
  });
}

/**
 * R-ORG-6 (seed 002 三(三)12): every urban village (a community marked `urbanVillage` in the org tree)
 * should have at least 2 public-welfare social organisations with migrant-worker members by 2025; the
 * villages in reach below that are flagged.
 */
export async function urbanVillages(ctx: ActorCtx): Promise<UrbanVillageDto[]> {
  soPolicy.require(ctx.actor, 'read');
  const roots = soPolicy.roots(ctx.actor, 'read');
  const communities = new Map<
    string,
    { id: string; name: string; path: string; parentId: string | null; attrs: unknown }
  >();
  for (const root of roots) {
    const above = root === '/' ? null : await communityOfPath(ctx.db, root);
    const list = above ? [above] : await activeUnitsUnder(ctx.db, 'community', root === '/' ? '/' : root);
    for (const c of list) communities.set(c.id, c);
  }
  const villages = [...communities.values()].filter(
    (c) => (c.attrs as Record<string, unknown> | null)?.urbanVillage === true,
  );
  const [counts, parents] = await Promise.all([
    migrantWelfareCounts(
      ctx.db,
      villages.map((v) => v.path),
    ),
    unitsByIds(
      ctx.db,
      villages.map((v) => v.parentId).filter((x): x is string => !!x),
    ),
  ]);
  const parentName = new Map(parents.map((u) => [u.id, u.name]));
  return villages
    .map((v) => {
      const n = counts.get(v.path) ?? 0;
      return {
        communityId: v.id,
        communityName: v.name,
        subdistrictName: v.parentId ? (parentName.get(v.parentId) ?? null) : null,
        migrantWelfareOrgs: n,
        target: MIGRANT_WELFARE_TARGET,
        flagged: n < MIGRANT_WELFARE_TARGET,
      };
    })
    .sort(
      (a, b) => Number(b.flagged) - Number(a.flagged) || a.communityName.localeCompare(b.communityName, 'zh'),
    );
}

// =============================================================================================
// Incubation (区培育基地 → 街道社会组织联合会 → 社区社会组织工作室)
// =============================================================================================

async function incubationDtos(ctx: ActorCtx, rows: IncubationRow[]): Promise<IncubationDto[]> {
  const orgs = await orgNames(
    ctx,
    rows.map((r) => r.orgId),
  );
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: orgs.get(r.orgId) ?? null,
    tier: r.tier as IncubationDto['tier'],
    stage: r.stage as IncubationDto['stage'],
    baseName: r.baseName,
    mentor: r.mentor,
    startedOn: r.startedOn,
    endedOn: r.endedOn,
    outcome: r.outcome,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function listIncubations(
  ctx: ActorCtx,
  q: { orgUnitId?: string; orgId?: string; tier?: string; stage?: string } & PageQuery,
): Promise<Page<IncubationDto>> {
  soPolicy.require(ctx.actor, 'read');
  const path = await pathOf(ctx, q.orgUnitId);
  if (q.orgId) await profileIn(ctx, q.orgId, 'read');
  const page = await pageRows(ctx.db, ctx.actor, 'read', 'incubation', {
    path,
    where: incubationFilters(q),
    orderBy: incubationOrder(),
    page: q,
  });
  return { ...page, items: await incubationDtos(ctx, page.items) };
}

export async function createIncubation(ctx: ActorCtx, input: IncubationBody): Promise<IncubationDto> {
  soPolicy.require(ctx.actor, 'manage');
  const p = await profileIn(ctx, input.orgId, 'manage');
  checkDates(input.startedOn, input.endedOn);
  const now = ctx.clock.now();
  const row = await auditedWrite(
    ctx,
    async (tx) => {
      const r = await insertRow(tx, 'incubation', {
        id: ctx.ids(),
        orgId: p.id,
        orgPath: p.orgPath,
        tier: input.tier,
        stage: input.stage,
        baseName: input.baseName,
        mentor: input.mentor ?? null,
        startedOn: input.startedOn,
        endedOn: input.endedOn ?? null,
        outcome: input.outcome ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await updateRow(tx, 'profile', p.id, {
        incubationTier: r.tier,
        incubationStage: r.stage,
        updatedAt: now,
      });
      return r;
    },
    { action: 'social_orgs.incubation_create', entityType: 'so_incubation' },
  );
  return (await incubationDtos(ctx, [row]))[0]!;
}

export async function updateIncubation(
  ctx: ActorCtx,
  id: string,
  input: IncubationPatch,
): Promise<IncubationDto> {
  const before = await foundInReach(soPolicy, ctx, 'manage', () =>
    findRow(ctx.db, ctx.actor, 'manage', 'incubation', id),
  );
  const endedOn = input.endedOn !== undefined ? input.endedOn : before.endedOn;
  checkDates(before.startedOn, endedOn);
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const r = await updateRow(tx, 'incubation', id, {
      ...(input.stage !== undefined && { stage: input.stage }),
      ...(input.mentor !== undefined && { mentor: input.mentor }),
      ...(input.endedOn !== undefined && { endedOn: input.endedOn }),
      ...(input.outcome !== undefined && { outcome: input.outcome }),
      updatedAt: now,
    });
    await updateRow(tx, 'profile', r.orgId, {
      incubationTier: r.tier,
      incubationStage: r.stage,
      updatedAt: now,
    });
    await auditRecord(tx, ctx, r, {
      action: 'social_orgs.incubation_update',
      entityType: 'so_incubation',
      before,
      after: r,
    });
    return r;
  });
  return (await incubationDtos(ctx, [row]))[0]!;
}

// =============================================================================================
// 社工站 (subdistrict) / 社工室 (community) with their social workers
// =============================================================================================

async function stationDtos(ctx: ActorCtx, rows: StationRow[]): Promise<StationDto[]> {
  const links = await stationWorkers(
    ctx.db,
    rows.map((r) => r.id),
  );
  const [workers, units, orgs] = await Promise.all([
    workersByIds(
      ctx.db,
      links.map((l) => l.workerId),
    ),
    names(
      ctx,
      rows.map((r) => r.orgUnitId),
    ),
    orgNames(
      ctx,
      rows.map((r) => r.operatorOrgId),
    ),
  ]);
  const byId = new Map(workers.map((w) => [w.id, w]));
  return rows.map((r) => {
    const ws = links
      .filter((l) => l.stationId === r.id)
      .flatMap((l) => {
        const w = byId.get(l.workerId);
        return w?.active ? [{ id: w.id, name: w.name, qualified: isQualifiedSocialWorker(w) }] : [];
      });
    return {
      id: r.id,
      kind: r.kind as StationDto['kind'],
      name: r.name,
      address: r.address,
      operatorOrgId: r.operatorOrgId,
      operatorOrgName: r.operatorOrgId ? (orgs.get(r.operatorOrgId) ?? null) : null,
      openedOn: r.openedOn,
      orgUnitId: r.orgUnitId,
      orgUnitName: units.get(r.orgUnitId) ?? null,
      workers: ws,
      workerCount: ws.length,
      qualifiedCount: ws.filter((w) => w.qualified).length,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

export function listStations(
  ctx: ActorCtx,
  q: { orgUnitId?: string } & PageQuery,
): Promise<Page<StationDto>> {
  return pageInUnit(ctx, 'station', q, stationOrder(), stationDtos);
}

export async function createStation(ctx: ActorCtx, input: StationBody): Promise<StationDto> {
  soPolicy.require(ctx.actor, 'manage');
  const unit = await unitFor(ctx, input.orgUnitId, 'manage', ['subdistrict', 'community']);
  if (await stationOfUnit(ctx.db, unit.id)) throw new AppError('social_orgs.station_exists', 409);
  if (input.operatorOrgId) await profileIn(ctx, input.operatorOrgId, 'read');
  const row = await insertUnitRowAudited(
    ctx,
    unit,
    inserterOf('station'),
    {
      kind: unit.kind === 'subdistrict' ? 'station' : 'room',
      name: input.name,
      address: input.address ?? null,
      operatorOrgId: input.operatorOrgId ?? null,
      openedOn: input.openedOn ?? null,
    },
    { action: 'social_orgs.station_create', entityType: 'so_station' },
  );
  return (await stationDtos(ctx, [row]))[0]!;
}

export async function postWorker(ctx: ActorCtx, stationId: string, workerId: string, add: boolean) {
  const s = await foundInReach(soPolicy, ctx, 'manage', () =>
    findRow(ctx.db, ctx.actor, 'manage', 'station', stationId),
  );
  if (add) {
    const w = await workerInReach(ctx.db, ctx.actor, workerId);
    if (!w) throw notFound();
    if (!w.orgPath.startsWith(s.orgPath) && !s.orgPath.startsWith(w.orgPath))
      throw new AppError('social_orgs.worker_outside', 422);
  }
  await ctx.db.transaction(async (tx) => {
    const changed = add
      ? await addStationWorker(tx, {
          id: ctx.ids(),
          stationId: s.id,
          orgPath: s.orgPath,
          workerId,
          createdAt: ctx.clock.now(),
        })
      : await removeStationWorker(tx, s.id, workerId);
    if (!changed) throw add ? new AppError('social_orgs.worker_posted', 409) : notFound();
    await auditRecord(tx, ctx, s, {
      action: add ? 'social_orgs.station_worker_add' : 'social_orgs.station_worker_remove',
      entityType: 'so_station',
      after: { workerId },
    });
  });
  return (await stationDtos(ctx, [s]))[0]!;
}

// =============================================================================================
// 公益创投: rounds and proposals
// =============================================================================================

async function roundDtos(ctx: ActorCtx, rows: RoundRow[]): Promise<RoundDto[]> {
  const [stats, units] = await Promise.all([
    roundStats(
      ctx.db,
      rows.map((r) => r.id),
    ),
    names(
      ctx,
      rows.map((r) => r.orgUnitId),
    ),
  ]);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    year: r.year,
    budgetFen: r.budgetFen,
    grantedFen: stats.get(r.id)?.grantedFen ?? 0,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    state: r.state as RoundDto['state'],
    description: r.description,
    proposalCount: stats.get(r.id)?.count ?? 0,
    orgUnitId: r.orgUnitId,
    orgUnitName: units.get(r.orgUnitId) ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

/**
 * Rounds in reach: those issued in the actor's subtree and those issued above it (a community applies to
 * its subdistrict's and district's rounds).
 */
export function listRounds(ctx: ActorCtx, q: { orgUnitId?: string } & PageQuery): Promise<Page<RoundDto>> {
  return pageInUnit(ctx, 'round', q, roundOrder(), roundDtos);
}

export async function getRound(ctx: ActorCtx, id: string): Promise<RoundDto> {
  const r = await foundInReach(soPolicy, ctx, 'read', () => findRow(ctx.db, ctx.actor, 'read', 'round', id));
  return (await roundDtos(ctx, [r]))[0]!;
}

export async function createRound(ctx: ActorCtx, input: RoundBody): Promise<RoundDto> {
  soPolicy.require(ctx.actor, 'review');
  const unit = await unitFor(ctx, input.orgUnitId, 'review', ['city', 'district', 'subdistrict']);
  checkDates(input.opensOn, input.closesOn);
  const row = await insertUnitRowAudited(
    ctx,
    unit,
    inserterOf('round'),
    {
      title: input.title,
      year: input.year,
      budgetFen: input.budgetFen,
      opensOn: input.opensOn,
      closesOn: input.closesOn,
      state: 'open',
      description: input.description ?? null,
    },
    { action: 'social_orgs.round_create', entityType: 'so_round' },
  );
  return (await roundDtos(ctx, [row]))[0]!;
}

export async function setRoundState(ctx: ActorCtx, id: string, state: RoundDto['state']): Promise<RoundDto> {
  const before = await foundInReach(soPolicy, ctx, 'review', () =>
    findRow(ctx.db, ctx.actor, 'review', 'round', id),
  );
  if (before.state === 'closed') throw new AppError('social_orgs.round_closed', 409);
  const row = await setState(ctx, 'round', before, state, {
    action: 'social_orgs.round_state',
    entityType: 'so_round',
  });
  return (await roundDtos(ctx, [row]))[0]!;
}

async function proposalDtos(ctx: ActorCtx, rows: ProposalRow[]): Promise<ProposalDto[]> {
  const [scores, orgs, units, rounds] = await Promise.all([
    scoresOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
    orgNames(
      ctx,
      rows.map((r) => r.orgId),
    ),
    names(
      ctx,
      rows.map((r) => r.orgUnitId),
    ),
    Promise.all([...new Set(rows.map((r) => r.roundId))].map((id) => roundForProposal(ctx.db, id))),
  ]);
  const roundTitle = new Map(rounds.filter((r): r is RoundRow => !!r).map((r) => [r.id, r.title]));
  return rows.map((r) => {
    const mine = scores.filter((s) => s.proposalId === r.id);
    const avg = mine.length
      ? Math.round((mine.reduce((a, s) => a + s.score, 0) / mine.length) * 10) / 10
      : null;
    return {
      id: r.id,
      roundId: r.roundId,
      roundTitle: roundTitle.get(r.roundId) ?? null,
      orgId: r.orgId,
      orgName: orgs.get(r.orgId) ?? null,
      title: r.title,
      summary: r.summary,
      requestedFen: r.requestedFen,
      grantFen: r.grantFen,
      state: r.state as ProposalDto['state'],
      reportText: r.reportText,
      scoreCount: mine.length,
      averageScore: avg,
      myScore: mine.find((s) => s.reviewerId === ctx.actor.userId)?.score ?? null,
      version: r.version,
      actions: availableActions(proposalWorkflow, ctx.actor, r),
      canScore:
        r.state === 'submitted' &&
        proposalsPolicy.can(ctx.actor, 'review', { orgPath: r.roundPath, roundPath: r.roundPath }),
      orgUnitName: units.get(r.orgUnitId) ?? null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

export async function listProposals(ctx: ActorCtx, q: ProposalListQuery): Promise<Page<ProposalDto>> {
  soPolicy.require(ctx.actor, 'read');
  const path = await pathOf(ctx, q.orgUnitId);
  if (q.roundId && !(await findRow(ctx.db, ctx.actor, 'read', 'round', q.roundId)))
    if (!(await roundForProposal(ctx.db, q.roundId))) throw notFound();
  const page = await listProposalRows(ctx.db, ctx.actor, {
    roundId: q.roundId,
    path,
    state: q.state,
    toReviewBy: q.toReview ? ctx.actor.userId : undefined,
    page: q.page,
    pageSize: q.pageSize,
  });
  return { ...page, items: await proposalDtos(ctx, page.items) };
}

async function proposalIn(ctx: ActorCtx, id: string) {
  const p = await findProposal(ctx.db, ctx.actor, id);
  if (!p) throw notFound();
  return p;
}

export async function getProposal(ctx: ActorCtx, id: string): Promise<ProposalDetailDto> {
  soPolicy.require(ctx.actor, 'read');
  const p = await proposalIn(ctx, id);
  const [dto] = await proposalDtos(ctx, [p]);
  const [scores, events] = await Promise.all([scoresOf(ctx.db, [p.id]), eventsOf(ctx.db, p.id)]);
  return {
    ...dto!,
    scores: scores.map((s) => ({
      reviewerName: s.reviewerName,
      score: s.score,
      comment: s.comment,
      createdAt: s.createdAt,
    })),
    events: events.map(stateEventTimeline),
  };
}

/** A social organisation applies to an open round issued by a unit above it (its community staff file it). */
export async function createProposal(ctx: ActorCtx, input: ProposalBody): Promise<ProposalDetailDto> {
  soPolicy.require(ctx.actor, 'manage');
  const org = await profileIn(ctx, input.orgId, 'manage');
  const round = await roundForProposal(ctx.db, input.roundId);
  if (!round) throw notFound();
  if (!org.orgPath.startsWith(round.orgPath)) throw new AppError('social_orgs.round_outside', 422);
  const today = chinaDate(ctx.clock.now());
  if (round.state !== 'open' || today < round.opensOn || today > round.closesOn)
    throw new AppError('social_orgs.round_not_open', 409);
  const now = ctx.clock.now();
  const id = ctx.ids();
  await ctx.db.transaction(async (tx) => {
    const p = await insertProposal(tx, {
      id,
      roundId: round.id,
      orgUnitId: org.orgUnitId,
      orgPath: org.orgPath,
      roundPath: round.orgPath,
      orgId: org.id,
      title: input.title,
      summary: input.summary,
      requestedFen: input.requestedFen,
      state: 'submitted',
      createdAt: now,
      updatedAt: now,
    }).catch((err: unknown) => {
      if (
        (err as { code?: string }).code === '23505' ||
        String(err).includes('so_proposals_round_org_title_uq')
      )
        throw new AppError('social_orgs.proposal_exists', 409);
      throw err;
    });
    await auditRecord(tx, ctx, p, {
      action: 'social_orgs.proposal_submit',
      entityType: 'so_proposal',
      after: { roundId: p.roundId, orgId: p.orgId, title: p.title, requestedFen: p.requestedFen },
    });
  });
  return getProposal(ctx, id);
}

export async function scoreProposal(ctx: ActorCtx, id: string, input: ScoreBody): Promise<ProposalDetailDto> {
  soPolicy.require(ctx.actor, 'review');
  const p = await proposalIn(ctx, id);
  if (!proposalsPolicy.can(ctx.actor, 'review', { orgPath: p.roundPath, roundPath: p.roundPath }))
    throw notFound();
  if (p.state !== 'submitted') throw new AppError('social_orgs.invalid_action', 409);
  await ctx.db.transaction(async (tx) => {
    await upsertScore(tx, {
      id: ctx.ids(),
      proposalId: p.id,
      orgPath: p.orgPath,
      reviewerId: ctx.actor.userId,
      reviewerName: ctx.actor.displayName ?? null,
      score: input.score,
      comment: input.comment ?? null,
      createdAt: ctx.clock.now(),
    });
    await auditRecord(tx, ctx, p, {
      action: 'social_orgs.proposal_score',
      entityType: 'so_proposal',
      after: { score: input.score },
    });
  });
  return getProposal(ctx, id);
}

export async function actOnProposal(
  ctx: ActorCtx,
  id: string,
  input: ProposalActionBody,
): Promise<ProposalDetailDto> {
  soPolicy.require(ctx.actor, 'read');
  const p = await proposalIn(ctx, id);
  if (p.version !== input.version) throw new AppError('social_orgs.stale', 409);
  await transition(proposalWorkflow, ctx, p, input.action, input);
  return getProposal(ctx, id);
}

// =============================================================================================
// Community funds (社区基金) on the ledger, disclosed
// =============================================================================================

const FUND_KIND = 'community_fund';
const fundSources = (fundId: string) => `fund_in:${fundId}`;
const fundPayees = (fundId: string) => `fund_out:${fundId}`;

async function fundDtos(ctx: ActorCtx | { db: Db }, rows: FundRow[]): Promise<FundDto[]> {
  const [totals, units, accounts] = await Promise.all([
    flowTotals(
      ctx.db,
      rows.map((r) => r.id),
    ),
    unitNamesOf(ctx.db, rows),
    Promise.all(rows.map((r) => findAccount(ctx.db, FUND_KIND, r.id, 'fen'))),
  ]);
  return rows.map((r, i) => ({
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    balanceFen: accounts[i]?.balance ?? 0,
    donatedFen: totals.get(r.id)?.donated ?? 0,
    disbursedFen: totals.get(r.id)?.disbursed ?? 0,
    orgUnitId: r.orgUnitId,
    orgUnitName: units.get(r.orgUnitId) ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export function listFunds(ctx: ActorCtx, q: { orgUnitId?: string } & PageQuery): Promise<Page<FundDto>> {
  return pageInUnit(ctx, 'fund', q, fundOrder(), fundDtos);
}

export async function createFund(
  ctx: ActorCtx,
  input: { orgUnitId: string; name: string; purpose: string },
): Promise<FundDto> {
  soPolicy.require(ctx.actor, 'manage');
  const unit = await unitFor(ctx, input.orgUnitId, 'manage', ['subdistrict', 'community']);
  const now = ctx.clock.now();
  const row = await auditedWrite(
    ctx,
    async (tx) => {
      const f = await insertRow(tx, 'fund', {
        ...newUnitRow(ctx, unit, now),
        name: input.name,
        purpose: input.purpose,
      });
      await ensureAccount(tx, ctx, {
        ownerKind: FUND_KIND,
        ownerId: f.id,
        unit: 'fen',
        orgUnitId: unit.id,
        orgPath: unit.path,
        name: f.name,
      });
      return f;
    },
    { action: 'social_orgs.fund_create', entityType: 'so_fund' },
  );
  return (await fundDtos(ctx, [row]))[0]!;
}

const ANONYMOUS = '爱心人士（匿名）';
const flowDto = (f: {
  id: string;
  fundId: string;
  kind: string;
  amountFen: number;
  party: string;
  anonymous: boolean;
  purpose: string | null;
  occurredOn: string;
  balanceAfterFen: number;
  createdAt: Date;
}): FlowDto => ({
  id: f.id,
  fundId: f.fundId,
  kind: f.kind as FlowDto['kind'],
  amountFen: f.amountFen,
  party: f.anonymous ? ANONYMOUS : f.party,
  purpose: f.purpose,
  occurredOn: f.occurredOn,
  balanceAfterFen: f.balanceAfterFen,
  createdAt: f.createdAt,
});

export async function listFlows(ctx: ActorCtx, fundId: string, pq: PageQuery): Promise<Page<FlowDto>> {
  const f = await foundInReach(soPolicy, ctx, 'read', () =>
    findRow(ctx.db, ctx.actor, 'read', 'fund', fundId),
  );
  const page = await flowsOf(ctx.db, f.id, pq);
  return { ...page, items: page.items.map(flowDto) };
}

/**
 * A donation into the fund or a disbursement out of it, posted on the double-entry ledger in the same
 * transaction (fen): donations come from the fund's source account (an issuer), disbursements go to its
 * payee account; the fund never goes below zero (the ledger refuses: 409).
 */
export async function recordFlow(ctx: ActorCtx, fundId: string, input: FlowBody): Promise<FlowDto> {
  const f = await foundInReach(soPolicy, ctx, 'manage', () =>
    findRow(ctx.db, ctx.actor, 'manage', 'fund', fundId),
  );
  if (input.amountFen > 1_000_000_000) throw new AppError('social_orgs.amount_too_large', 422);
  if (input.occurredOn > chinaDate(ctx.clock.now())) throw new AppError('social_orgs.future_date', 422);
  const flowId = ctx.ids();
  const row = await ctx.db.transaction(async (tx) => {
    const acct = (ownerKind: string, ownerId: string, name: string) =>
      ensureAccount(tx, ctx, {
        ownerKind,
        ownerId,
        unit: 'fen',
        orgUnitId: f.orgUnitId,
        orgPath: f.orgPath,
        name,
      });
    const fundAcc = await acct(FUND_KIND, f.id, f.name);
    const other =
      input.kind === 'donation'
        ? await acct('issuer', fundSources(f.id), `${f.name}·捐赠来源`)
        : await acct('fund_payee', fundPayees(f.id), `${f.name}·支出去向`);
    const sign = input.kind === 'donation' ? 1 : -1;
    const { transactionId } = await postTransaction(tx, ctx, {
      idempotencyKey: `so_fund_flow:${flowId}`,
      kind: input.kind === 'donation' ? 'fund_donation' : 'fund_disbursement',
      memo: input.purpose ?? undefined,
      sourceType: 'so_fund_flow',
      sourceId: flowId,
      entries: [
        { accountId: fundAcc, unit: 'fen', amount: sign * input.amountFen },
        { accountId: other, unit: 'fen', amount: -sign * input.amountFen },
      ],
    });
    const balance = (await findAccount(tx, FUND_KIND, f.id, 'fen'))?.balance ?? 0;
    const flow = await insertFlow(tx, {
      id: flowId,
      fundId: f.id,
      orgPath: f.orgPath,
      kind: input.kind,
      amountFen: input.amountFen,
      party: input.party,
      anonymous: input.anonymous,
      purpose: input.purpose ?? null,
      occurredOn: input.occurredOn,
      ledgerTxId: transactionId,
      balanceAfterFen: balance,
      actorName: ctx.actor.displayName ?? null,
      createdAt: ctx.clock.now(),
    });
    await auditRecord(tx, ctx, f, {
      action: input.kind === 'donation' ? 'social_orgs.fund_donation' : 'social_orgs.fund_disbursement',
      entityType: 'so_fund',
      after: { flowId, amountFen: input.amountFen, ledgerTxId: transactionId, anonymous: input.anonymous },
    });
    return flow;
  });
  return flowDto(row);
}

/** 社区基金公示: the funds of the units a resident lives under, with their latest flows (donors masked when anonymous). */
export async function fundBoard(ctx: ActorCtx): Promise<PublicFundDto[]> {
  const funds = await boardFunds(ctx.db, ctx.actor);
  const dtos = await fundDtos(ctx, funds);
  return Promise.all(
    dtos.map(async (d) => ({
      id: d.id,
      name: d.name,
      purpose: d.purpose,
      unitName: d.orgUnitName,
      balanceFen: d.balanceFen,
      donatedFen: d.donatedFen,
      disbursedFen: d.disbursedFen,
      flows: (await flowsOf(ctx.db, d.id, { page: 1, pageSize: 50 })).items.map(flowDto),
    })),
  );
}

// =============================================================================================
// 政府购买服务 contracts
// =============================================================================================

async function contractDtos(ctx: ActorCtx, rows: ContractRow[]): Promise<ContractDto[]> {
  const [items, orgs, units] = await Promise.all([
    contractItems(
      ctx.db,
      rows.map((r) => r.id),
    ),
    orgNames(
      ctx,
      rows.map((r) => r.providerOrgId),
    ),
    names(
      ctx,
      rows.map((r) => r.orgUnitId),
    ),
  ]);
  return rows.map((r) => {
    const mine = items.filter((i) => i.contractId === r.id);
    const deliverables = mine.filter((i) => i.kind === 'deliverable');
    return {
      id: r.id,
      title: r.title,
      buyer: r.buyer,
      providerOrgId: r.providerOrgId,
      providerOrgName: orgs.get(r.providerOrgId) ?? null,
      amountFen: r.amountFen,
      paidFen: mine
        .filter((i) => i.kind === 'payment' && i.doneOn)
        .reduce((a, i) => a + (i.amountFen ?? 0), 0),
      startOn: r.startOn,
      endOn: r.endOn,
      fundingMode: r.fundingMode as ContractDto['fundingMode'],
      targetGroups: r.targetGroups as SpecialGroupTag[],
      beneficiaries: r.beneficiaries,
      state: r.state as ContractDto['state'],
      deliverablesDone: deliverables.filter((i) => i.doneOn).length,
      deliverablesTotal: deliverables.length,
      items: mine.map((i) => ({
        id: i.id,
        kind: i.kind as 'deliverable' | 'payment',
        title: i.title,
        dueOn: i.dueOn,
        doneOn: i.doneOn,
        amountFen: i.amountFen,
        note: i.note,
      })),
      orgUnitId: r.orgUnitId,
      orgUnitName: units.get(r.orgUnitId) ?? null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
  });
}

/** The special groups named, each once, in SPECIAL_GROUP_TAGS' order (seed 002 三.15, S002-34). */
const groupsInOrder = (groups: readonly SpecialGroupTag[]) =>
  SPECIAL_GROUP_TAGS.filter((g) => groups.includes(g));

/** Contracts under a unit, by funding mode (S002-14) and by a special group served (S002-34). */
export function listContracts(ctx: ActorCtx, q: ContractListQuery): Promise<Page<ContractDto>> {
  return pageInUnit(ctx, 'contract', q, contractOrder(), contractDtos, contractFilter(q));
}

/** The contracts of the list's filters for the Excel export (at most 5,000). */
export async function exportContracts(ctx: ActorCtx, q: Omit<ContractListQuery, 'page' | 'pageSize'>) {
  return (await listContracts(ctx, { ...q, page: 1, pageSize: 5000 })).items;
}

/**
 * Purchased-service coverage per special group (seed 002 三.15 聚焦城中村独居、空巢、留守、失能、重残等特殊群体, S002-34):
 * every group of SPECIAL_GROUP_TAGS with the contracts naming it (none terminated), the active ones and their
 * beneficiaries, under a unit in reach (404 outside) and of one funding mode when asked.
 */
export async function contractCoverage(
  ctx: ActorCtx,
  q: ContractCoverageQuery,
): Promise<ContractCoverageDto> {
  soPolicy.require(ctx.actor, 'read');
  const path = await pathOf(ctx, q.orgUnitId);
  const rows = await contractCoverageRows(ctx.db, ctx.actor, { path, fundingMode: q.fundingMode });
  return {
    groups: SPECIAL_GROUP_TAGS.map((group) => {
      const r = rows.groups.find((x) => x.group === group);
      return {
        group,
        contracts: r?.contracts ?? 0,
        active: r?.active ?? 0,
        beneficiaries: r?.beneficiaries ?? 0,
      };
    }),
    total: rows.total,
    unnamed: rows.unnamed,
  };
}

export async function createContract(ctx: ActorCtx, input: ContractBody): Promise<ContractDto> {
  soPolicy.require(ctx.actor, 'manage');
  const unit = await unitFor(ctx, input.orgUnitId, 'manage', ['district', 'subdistrict', 'community']);
  await profileIn(ctx, input.providerOrgId, 'read');
  checkDates(input.startOn, input.endOn);
  const row = await insertUnitRowAudited(
    ctx,
    unit,
    inserterOf('contract'),
    {
      title: input.title,
      buyer: input.buyer,
      providerOrgId: input.providerOrgId,
      amountFen: input.amountFen,
      startOn: input.startOn,
      endOn: input.endOn,
      fundingMode: input.fundingMode ?? 'purchase',
      targetGroups: groupsInOrder(input.targetGroups ?? []),
      beneficiaries: input.beneficiaries ?? null,
      state: 'active',
    },
    { action: 'social_orgs.contract_create', entityType: 'so_contract' },
  );
  return (await contractDtos(ctx, [row]))[0]!;
}

/**
 * Changes a contract's funding mode (S002-14), the special groups it serves and its beneficiaries (S002-34, the
 * count once known), audited before and after; a terminated contract is not changed (409).
 */
export async function updateContract(ctx: ActorCtx, id: string, input: ContractPatch): Promise<ContractDto> {
  const before = await foundInReach(soPolicy, ctx, 'manage', () =>
    findRow(ctx.db, ctx.actor, 'manage', 'contract', id),
  );
  if (before.state === 'terminated') throw new AppError('social_orgs.contract_terminated', 409);
  const patch: PatchOf<'contract'> = {
    ...(input.fundingMode !== undefined && { fundingMode: input.fundingMode }),
    ...(input.targetGroups !== undefined && { targetGroups: groupsInOrder(input.targetGroups) }),
    ...(input.beneficiaries !== undefined && { beneficiaries: input.beneficiaries }),
  };
  const keys = Object.keys(patch) as (keyof typeof patch)[];
  if (keys.length === 0) return (await contractDtos(ctx, [before]))[0]!;
  const row = await ctx.db.transaction(async (tx) => {
    const r = await updateRow(tx, 'contract', id, { ...patch, updatedAt: ctx.clock.now() });
    await auditRecord(tx, ctx, r, {
      action: 'social_orgs.contract_update',
      entityType: 'so_contract',
      before: Object.fromEntries(keys.map((k) => [k, before[k]])),
      after: patch,
    });
    return r;
  });
  return (await contractDtos(ctx, [row]))[0]!;
}

async function contractIn(ctx: ActorCtx, id: string) {
  const c = await findRow(ctx.db, ctx.actor, 'manage', 'contract', id);
  if (!c) throw notFound();
  return c;
}

export async function setContractState(
  ctx: ActorCtx,
  id: string,
  state: ContractDto['state'],
): Promise<ContractDto> {
  soPolicy.require(ctx.actor, 'manage');
  const before = await contractIn(ctx, id);
  if (before.state !== 'active') throw new AppError('social_orgs.contract_closed', 409);
  const row = await setState(ctx, 'contract', before, state, {
    action: 'social_orgs.contract_state',
    entityType: 'so_contract',
  });
  return (await contractDtos(ctx, [row]))[0]!;
}

export async function addContractItem(
  ctx: ActorCtx,
  id: string,
  input: ContractItemBody,
): Promise<ContractDto> {
  soPolicy.require(ctx.actor, 'manage');
  const c = await contractIn(ctx, id);
  if (input.kind === 'payment' && !input.amountFen) throw new AppError('social_orgs.payment_amount', 422);
  const items = (await contractDtos(ctx, [c]))[0]!.items;
  const planned = items.filter((i) => i.kind === 'payment').reduce((a, i) => a + (i.amountFen ?? 0), 0);
  if (input.kind === 'payment' && planned + (input.amountFen ?? 0) > c.amountFen)
    throw new AppError('social_orgs.payments_over_contract', 422);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const i = await insertContractItem(tx, {
      id: ctx.ids(),
      contractId: c.id,
      orgPath: c.orgPath,
      kind: input.kind,
      title: input.title,
      dueOn: input.dueOn ?? null,
      doneOn: input.doneOn ?? null,
      amountFen: input.kind === 'payment' ? (input.amountFen ?? null) : null,
      note: input.note ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await auditRecord(tx, ctx, c, {
      action: 'social_orgs.contract_item_add',
      entityType: 'so_contract',
      after: i,
    });
  });
  return (await contractDtos(ctx, [c]))[0]!;
}

export async function updateContractItemDone(
  ctx: ActorCtx,
  id: string,
  itemId: string,
  input: { doneOn: string | null; note?: string | null },
): Promise<ContractDto> {
  soPolicy.require(ctx.actor, 'manage');
  const c = await contractIn(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const i = await updateContractItem(tx, c.id, itemId, {
      doneOn: input.doneOn,
      ...(input.note !== undefined && { note: input.note }),
      updatedAt: ctx.clock.now(),
    });
    if (!i) throw notFound();
    await auditRecord(tx, ctx, c, {
      action: 'social_orgs.contract_item_update',
      entityType: 'so_contract',
      after: i,
    });
  });
  return (await contractDtos(ctx, [c]))[0]!;
}

// =============================================================================================
// 五社联动 links
// =============================================================================================

async function linkDtos(ctx: ActorCtx, rows: LinkRow[]): Promise<LinkDto[]> {
  const [orgs, workers, units] = await Promise.all([
    orgNames(
      ctx,
      rows.map((r) => r.socialOrgId),
    ),
    workersByIds(
      ctx.db,
      rows.map((r) => r.socialWorkerId).filter((x): x is string => !!x),
    ),
    names(
      ctx,
      rows.map((r) => r.orgUnitId),
    ),
  ]);
  const workerName = new Map(workers.map((w) => [w.id, w.name]));
  return rows.map((r) => ({
    id: r.id,
    subjectKind: r.subjectKind as LinkDto['subjectKind'],
    subject: r.subject,
    socialOrgId: r.socialOrgId,
    socialOrgName: r.socialOrgId ? (orgs.get(r.socialOrgId) ?? null) : null,
    socialWorkerId: r.socialWorkerId,
    socialWorkerName: r.socialWorkerId ? (workerName.get(r.socialWorkerId) ?? null) : null,
    volunteer: r.volunteer,
    charityResource: r.charityResource,
    note: r.note,
    orgUnitId: r.orgUnitId,
    orgUnitName: units.get(r.orgUnitId) ?? null,
    parties: 1 + [r.socialOrgId, r.socialWorkerId, r.volunteer, r.charityResource].filter(Boolean).length,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export function listLinks(ctx: ActorCtx, q: { orgUnitId?: string } & PageQuery): Promise<Page<LinkDto>> {
  return pageInUnit(ctx, 'link', q, linkOrder(), linkDtos);
}

export async function createLink(ctx: ActorCtx, input: LinkBody): Promise<LinkDto> {
  soPolicy.require(ctx.actor, 'manage');
  const unit = await unitFor(ctx, input.orgUnitId, 'manage', ['subdistrict', 'community', 'grid']);
  if (input.socialOrgId) await profileIn(ctx, input.socialOrgId, 'read');
  if (input.socialWorkerId && !(await workerInReach(ctx.db, ctx.actor, input.socialWorkerId)))
    throw notFound();
  if (!input.socialOrgId && !input.socialWorkerId && !input.volunteer && !input.charityResource)
    throw new AppError('social_orgs.link_empty', 422);
  const row = await insertUnitRowAudited(
    ctx,
    unit,
    inserterOf('link'),
    {
      subjectKind: input.subjectKind,
      subject: input.subject,
      socialOrgId: input.socialOrgId ?? null,
      socialWorkerId: input.socialWorkerId ?? null,
      volunteer: input.volunteer ?? null,
      charityResource: input.charityResource ?? null,
      note: input.note ?? null,
    },
    { action: 'social_orgs.link_create', entityType: 'so_link' },
  );
  return (await linkDtos(ctx, [row]))[0]!;
}

export type { SocialOrgRow };
