import { type SQL, and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { rowsOfParent, rowsOfParents } from '../../platform/rowsOfParents';
import { type Db, rowsOf } from '../../platform/db';
import { rowInserter } from '../../platform/rowAccessors';
import { firstRow } from '../../platform/firstRow';
import { upsertRow } from '../../platform/upsertRow';
import { isUuid } from '../../platform/ids';
import { type Page, type PageQuery, listPage } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { socialOrgFieldSql } from '../people/people.api';
import { type SoAction, fundBoardScope, proposalsPolicy, soPolicy } from './socialOrgs.policy';
import {
  soContractItems,
  soContracts,
  soFundFlows,
  soFunds,
  soIncubations,
  soLinks,
  soMembers,
  soProfiles,
  soProposalEvents,
  soProposalScores,
  soProposals,
  soRounds,
  soStationWorkers,
  soStations,
} from './socialOrgs.table';

/** The only code that queries the social-orgs module's tables; every read ANDs the policy's scope. */
export type ProfileRow = typeof soProfiles.$inferSelect;
export type MemberRow = typeof soMembers.$inferSelect;
export type IncubationRow = typeof soIncubations.$inferSelect;
export type StationRow = typeof soStations.$inferSelect;
export type RoundRow = typeof soRounds.$inferSelect;
export type ProposalRow = typeof soProposals.$inferSelect;
export type ScoreRow = typeof soProposalScores.$inferSelect;
export type FundRow = typeof soFunds.$inferSelect;
export type ContractRow = typeof soContracts.$inferSelect;
export type LinkRow = typeof soLinks.$inferSelect;

type PathTable = PgTable & { id: AnyPgColumn; orgPath: AnyPgColumn };
export const TABLES = {
  profile: soProfiles,
  incubation: soIncubations,
  station: soStations,
  round: soRounds,
  fund: soFunds,
  contract: soContracts,
  link: soLinks,
} as const;
export type TableKey = keyof typeof TABLES;
export type RowOf<K extends TableKey> = (typeof TABLES)[K]['$inferSelect'];
/** A change to a row of `key` (what updateRow sets). */
export type PatchOf<K extends TableKey> = Partial<(typeof TABLES)[K]['$inferInsert']>;

const under = (col: AnyPgColumn, path: string | undefined) =>
  path ? sql`${col} like ${`${path}%`}` : undefined;

/** One row of `key` by id, in reach for `action` (undefined also for a malformed id). */
export async function findRow<K extends TableKey>(
  db: Db,
  actor: Actor,
  action: SoAction,
  key: K,
  id: string,
): Promise<RowOf<K> | undefined> {
  if (!isUuid(id)) return undefined;
  const t = TABLES[key] as PathTable;
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.id, id), soPolicy.scope(actor, action, t.orgPath)));
  return row as RowOf<K> | undefined;
}

/** One page of `key`'s rows in reach for `action`, under `path`, with extra `where`. */
export function pageRows<K extends TableKey>(
  db: Db,
  actor: Actor,
  action: SoAction,
  key: K,
  opts: { path?: string; where?: SQL; orderBy: (PgColumn | SQL)[]; page: PageQuery },
): Promise<Page<RowOf<K>>> {
  const t = TABLES[key] as PathTable;
  return listPage(db, {
    table: t,
    where: and(soPolicy.scope(actor, action, t.orgPath), under(t.orgPath, opts.path), opts.where),
    orderBy: opts.orderBy,
    page: opts.page,
  }) as Promise<Page<RowOf<K>>>;
}

export async function insertRow<K extends TableKey>(
  tx: Db,
  key: K,
  values: (typeof TABLES)[K]['$inferInsert'],
) {
  const t = TABLES[key] as PgTable;
  const [row] = await tx
    .insert(t)
    .values(values as never)
    .returning();
  return row as RowOf<K>;
}

/** `insertRow` of one table, as a repository insert `(tx, values)` for a use case's audited create. */
export const inserterOf =
  <K extends TableKey>(key: K) =>
  (tx: Db, values: (typeof TABLES)[K]['$inferInsert']) =>
    insertRow(tx, key, values);

export async function updateRow<K extends TableKey>(tx: Db, key: K, id: string, patch: PatchOf<K>) {
  const t = TABLES[key] as PathTable;
  const [row] = await tx
    .update(t)
    .set(patch as never)
    .where(eq(t.id, id))
    .returning();
  return row as RowOf<K>;
}

// ---- registry

export function profileListOrder(): (PgColumn | SQL)[] {
  return [asc(socialOrgFieldSql(soProfiles.id, 'name')), asc(soProfiles.id)];
}

export function profileFilters(q: {
  q?: string;
  category?: string;
  registration?: string;
  tier?: string;
  migrantMembers?: boolean;
}): SQL | undefined {
  return and(
    q.q
      ? sql`${socialOrgFieldSql(soProfiles.id, 'name')} like ${`%${q.q.replace(/[\\%_]/g, '\\$&')}%`}`
      : undefined,
    q.category ? eq(soProfiles.category, q.category) : undefined,
    q.registration ? sql`${socialOrgFieldSql(soProfiles.id, 'registration')} = ${q.registration}` : undefined,
    q.tier ? eq(soProfiles.incubationTier, q.tier) : undefined,
    q.migrantMembers !== undefined
      ? sql`coalesce(${socialOrgFieldSql(soProfiles.id, 'migrant_members')}, false) = ${q.migrantMembers}`
      : undefined,
  );
}

export async function memberCounts(db: Db, orgIds: readonly string[]) {
  const out = new Map<string, { total: number; migrant: number }>();
  if (!orgIds.length) return out;
  const rows = await db
    .select({
      orgId: soMembers.orgId,
      total: sql<number>`count(*)::int`,
      migrant: sql<number>`count(*) filter (where ${soMembers.migrant})::int`,
    })
    .from(soMembers)
    .where(and(inArray(soMembers.orgId, [...orgIds]), isNull(soMembers.removedAt)))
    .groupBy(soMembers.orgId);
  for (const r of rows) out.set(r.orgId, { total: r.total, migrant: r.migrant });
  return out;
}

export function membersOf(db: Db, orgId: string, pq: PageQuery) {
  return listPage(db, {
    table: soMembers,
    where: and(eq(soMembers.orgId, orgId), isNull(soMembers.removedAt)),
    orderBy: [asc(soMembers.createdAt), asc(soMembers.id)],
    page: pq,
  });
}

export const insertMember = rowInserter(soMembers);

export async function removeMember(tx: Db, orgId: string, id: string, at: Date) {
  if (!isUuid(id)) return undefined;
  const [m] = await tx
    .update(soMembers)
    .set({ removedAt: at })
    .where(and(eq(soMembers.id, id), eq(soMembers.orgId, orgId), isNull(soMembers.removedAt)))
    .returning();
  return m;
}

export async function repathOrgRows(tx: Db, orgId: string, path: string) {
  await tx.update(soMembers).set({ orgPath: path }).where(eq(soMembers.orgId, orgId));
  await tx.update(soIncubations).set({ orgPath: path }).where(eq(soIncubations.orgId, orgId));
}

// ---- incubation

export function incubationFilters(q: { orgId?: string; tier?: string; stage?: string }) {
  return and(
    q.orgId ? eq(soIncubations.orgId, q.orgId) : undefined,
    q.tier ? eq(soIncubations.tier, q.tier) : undefined,
    q.stage ? eq(soIncubations.stage, q.stage) : undefined,
  );
}
export const incubationOrder = () => [desc(soIncubations.startedOn), asc(soIncubations.id)];

// ---- stations

export function stationWorkers(db: Db, stationIds: readonly string[]) {
  return rowsOfParents(db, soStationWorkers, soStationWorkers.stationId, stationIds);
}
export async function addStationWorker(tx: Db, row: typeof soStationWorkers.$inferInsert) {
  const r = await tx.insert(soStationWorkers).values(row).onConflictDoNothing().returning();
  return r.length > 0;
}
export async function removeStationWorker(tx: Db, stationId: string, workerId: string) {
  if (!isUuid(workerId)) return false;
  const r = await tx
    .delete(soStationWorkers)
    .where(and(eq(soStationWorkers.stationId, stationId), eq(soStationWorkers.workerId, workerId)))
    .returning();
  return r.length > 0;
}
export async function stationOfUnit(db: Db, unitId: string) {
  return firstRow(db, soStations, eq(soStations.orgUnitId, unitId));
}
export const stationOrder = () => [asc(soStations.orgPath), asc(soStations.id)];

// ---- rounds and proposals

export const roundOrder = () => [desc(soRounds.year), desc(soRounds.createdAt), asc(soRounds.id)];

/** Rounds an organisation at `orgPath` may apply to: open, issued by a unit above it. */
export async function roundForProposal(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return firstRow(db, soRounds, eq(soRounds.id, id));
}

export async function roundStats(db: Db, roundIds: readonly string[]) {
  const out = new Map<string, { count: number; grantedFen: number }>();
  if (!roundIds.length) return out;
  const rows = await db
    .select({
      roundId: soProposals.roundId,
      count: sql<number>`count(*)::int`,
      granted: sql<number>`coalesce(sum(${soProposals.grantFen}) filter (where ${soProposals.state} in ('granted','reported','closed')), 0)::bigint`,
    })
    .from(soProposals)
    .where(inArray(soProposals.roundId, [...roundIds]))
    .groupBy(soProposals.roundId);
  for (const r of rows) out.set(r.roundId, { count: r.count, grantedFen: Number(r.granted) });
  return out;
}

export function proposalReach(actor: Actor, action: SoAction) {
  return proposalsPolicy.scope(actor, action);
}

export async function findProposal(db: Db, actor: Actor, id: string) {
  if (!isUuid(id)) return undefined;
  return firstRow(db, soProposals, and(eq(soProposals.id, id), proposalReach(actor, 'read')));
}

export function listProposalRows(
  db: Db,
  actor: Actor,
  q: { roundId?: string; path?: string; state?: string; toReviewBy?: string } & PageQuery,
) {
  return listPage(db, {
    table: soProposals,
    where: and(
      q.toReviewBy
        ? proposalsPolicy.scope(actor, 'review', soProposals.roundPath)
        : proposalReach(actor, 'read'),
      q.roundId ? eq(soProposals.roundId, q.roundId) : undefined,
      q.path
        ? sql`(${soProposals.orgPath} like ${`${q.path}%`} or ${soProposals.roundPath} like ${`${q.path}%`})`
        : undefined,
      q.state ? eq(soProposals.state, q.state) : undefined,
      q.toReviewBy
        ? and(
            eq(soProposals.state, 'submitted'),
            sql`not exists (select 1 from ${soProposalScores} s where s.proposal_id = ${soProposals.id} and s.reviewer_id = ${q.toReviewBy})`,
          )
        : undefined,
    ),
    orderBy: [desc(soProposals.createdAt), asc(soProposals.id)],
    page: q,
  });
}

export const insertProposal = rowInserter(soProposals);

export function scoresOf(db: Db, proposalIds: readonly string[]) {
  return rowsOfParents(
    db,
    soProposalScores,
    soProposalScores.proposalId,
    proposalIds,
    asc(soProposalScores.createdAt),
  );
}

export async function upsertScore(tx: Db, row: typeof soProposalScores.$inferInsert) {
  return upsertRow(tx, soProposalScores, [soProposalScores.proposalId, soProposalScores.reviewerId], row, {
    score: row.score,
    comment: row.comment,
    createdAt: row.createdAt,
  });
}

export function eventsOf(db: Db, proposalId: string) {
  return rowsOfParent(
    db,
    soProposalEvents,
    soProposalEvents.proposalId,
    proposalId,
    asc(soProposalEvents.at),
  );
}

// ---- funds

export const fundOrder = () => [asc(soFunds.orgPath), asc(soFunds.id)];

export async function flowTotals(db: Db, fundIds: readonly string[]) {
  const out = new Map<string, { donated: number; disbursed: number }>();
  if (!fundIds.length) return out;
  const rows = await db
    .select({
      fundId: soFundFlows.fundId,
      donated: sql<string>`coalesce(sum(${soFundFlows.amountFen}) filter (where ${soFundFlows.kind} = 'donation'), 0)`,
      disbursed: sql<string>`coalesce(sum(${soFundFlows.amountFen}) filter (where ${soFundFlows.kind} = 'disbursement'), 0)`,
    })
    .from(soFundFlows)
    .where(inArray(soFundFlows.fundId, [...fundIds]))
    .groupBy(soFundFlows.fundId);
  for (const r of rows) out.set(r.fundId, { donated: Number(r.donated), disbursed: Number(r.disbursed) });
  return out;
}

export function flowsOf(db: Db, fundId: string, pq: PageQuery) {
  return listPage(db, {
    table: soFundFlows,
    where: eq(soFundFlows.fundId, fundId),
    orderBy: [desc(soFundFlows.occurredOn), desc(soFundFlows.createdAt), desc(soFundFlows.id)],
    page: pq,
  });
}

export const insertFlow = rowInserter(soFundFlows);

/** Funds a resident may read (the units above their home). */
export function boardFunds(db: Db, actor: Actor) {
  return db
    .select()
    .from(soFunds)
    .where(fundBoardScope(actor))
    .orderBy(asc(soFunds.orgPath), asc(soFunds.id))
    .limit(20);
}

// ---- contracts

export const contractOrder = () => [desc(soContracts.startOn), asc(soContracts.id)];

/** The contract list's filters: funding mode (S002-14) and a special group served (S002-34). */
export function contractFilter(q: { fundingMode?: string; targetGroup?: string }): SQL | undefined {
  return and(
    q.fundingMode ? eq(soContracts.fundingMode, q.fundingMode) : undefined,
    q.targetGroup ? sql`${q.targetGroup} = any(${soContracts.targetGroups})` : undefined,
  );
}

type CoverageCounts = { contracts: number; active: number; beneficiaries: number };

/**
 * Purchased-service coverage per special group (seed 002 三.15, S002-34) of the contracts readable by `actor`
 * under `path`, of one funding mode when given, leaving out terminated ones: per group the contracts naming it,
 * the active ones and their beneficiaries; in all, each contract naming a group once; and those naming none.
 */
export async function contractCoverage(
  db: Db,
  actor: Actor,
  opts: { path?: string; fundingMode?: string },
): Promise<{ groups: ({ group: string } & CoverageCounts)[]; total: CoverageCounts; unnamed: number }> {
  const t = soContracts;
  const where = and(
    soPolicy.scope(actor, 'read', t.orgPath),
    under(t.orgPath, opts.path),
    contractFilter({ fundingMode: opts.fundingMode }),
    sql`${t.state} <> 'terminated'`,
  );
  const counts = sql`count(*)::int as contracts,
    (count(*) filter (where ${t.state} = 'active'))::int as active,
    coalesce(sum(${t.beneficiaries}), 0)::int as beneficiaries`;
  const groups = rowsOf<{ group: string } & CoverageCounts>(
    await db.execute(
      sql`select g as "group", ${counts} from ${t} cross join lateral unnest(${t.targetGroups}) as g
        where ${where} group by g`,
    ),
  );
  const named = sql`cardinality(${t.targetGroups}) > 0`;
  const [total] = rowsOf<CoverageCounts & { unnamed: number }>(
    await db.execute(
      sql`select (count(*) filter (where ${named}))::int as contracts,
        (count(*) filter (where ${named} and ${t.state} = 'active'))::int as active,
        coalesce(sum(${t.beneficiaries}) filter (where ${named}), 0)::int as beneficiaries,
        (count(*) filter (where not ${named}))::int as unnamed
        from ${t} where ${where}`,
    ),
  );
  const { unnamed = 0, ...all } = total ?? { contracts: 0, active: 0, beneficiaries: 0 };
  return { groups, total: all, unnamed };
}

export function contractItems(db: Db, contractIds: readonly string[]) {
  return rowsOfParents(
    db,
    soContractItems,
    soContractItems.contractId,
    contractIds,
    asc(soContractItems.kind),
    asc(soContractItems.dueOn),
    asc(soContractItems.createdAt),
  );
}

export const insertContractItem = rowInserter(soContractItems);

export async function updateContractItem(
  tx: Db,
  contractId: string,
  id: string,
  patch: Partial<typeof soContractItems.$inferInsert>,
) {
  if (!isUuid(id)) return undefined;
  const [i] = await tx
    .update(soContractItems)
    .set(patch)
    .where(and(eq(soContractItems.id, id), eq(soContractItems.contractId, contractId)))
    .returning();
  return i;
}

export const linkOrder = () => [desc(soLinks.createdAt), asc(soLinks.id)];
