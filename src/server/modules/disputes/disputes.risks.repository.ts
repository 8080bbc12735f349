import { type SQL, and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { listPage } from '../../platform/listing';
import { type Actor, underPath } from '../../platform/permissions';
import { rowInserter, rowUpdater } from '../../platform/rowAccessors';
import { risksPolicy } from './disputes.policy';
import { dsRisks } from './disputes.table';

export type RiskRow = typeof dsRisks.$inferSelect;

/** The filter of a register query, with the actor's scope ANDed in. */
export function riskWhere(
  actor: Actor,
  q: { round?: string; state?: string; level?: string; orgPath?: string },
): SQL | undefined {
  return and(
    risksPolicy.scope(actor, 'read'),
    q.round ? eq(dsRisks.round, q.round) : undefined,
    q.state ? eq(dsRisks.state, q.state) : undefined,
    q.level ? eq(dsRisks.level, q.level) : undefined,
    q.orgPath ? underPath(dsRisks.orgPath, q.orgPath) : undefined,
  );
}

export function listRiskRows(db: Db, where: SQL | undefined, page: { page: number; pageSize: number }) {
  return listPage(db, {
    table: dsRisks,
    where,
    orderBy: [
      desc(dsRisks.round),
      sql`case ${dsRisks.level} when 'high' then 0 when 'medium' then 1 else 2 end`,
      desc(dsRisks.createdAt),
    ],
    page,
  });
}

/** The register's figures over the same filter (level high, and by state). */
export async function riskSummary(db: Db, where: SQL | undefined) {
  const [r] = await db
    .select({
      total: sql<number>`count(*)::int`,
      high: sql<number>`count(*) filter (where ${dsRisks.level} = 'high')::int`,
      open: sql<number>`count(*) filter (where ${dsRisks.state} = 'open')::int`,
      handling: sql<number>`count(*) filter (where ${dsRisks.state} = 'handling')::int`,
      resolved: sql<number>`count(*) filter (where ${dsRisks.state} = 'resolved')::int`,
    })
    .from(dsRisks)
    .where(where);
  return r ?? { total: 0, high: 0, open: 0, handling: 0, resolved: 0 };
}

export function findRisk(db: Db, actor: Actor, id: string): Promise<RiskRow | undefined> {
  return firstRow(db, dsRisks, and(eq(dsRisks.id, id), risksPolicy.scope(actor, 'read')));
}

export const insertRisk = rowInserter(dsRisks);

export const updateRisk = rowUpdater(dsRisks);
