import { type SQL, and, desc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { type EvidenceQuery, onlyRef } from '../../platform/evidence';
import { listPage } from '../../platform/listing';
import { type Actor, underPath } from '../../platform/permissions';
import { finderInScope, rowInserter, rowUpdater } from '../../platform/rowAccessors';
import { incidentsPolicy } from './disputes.policy';
import { dsIncidents } from './disputes.table';

export type IncidentRow = typeof dsIncidents.$inferSelect;

/** The filter of a register query (kind, period of occurrence, a unit's subtree), the actor's scope ANDed in. */
export function incidentWhere(
  actor: Actor,
  q: { kind?: string; from?: string; to?: string; path?: string },
): SQL | undefined {
  return and(
    incidentsPolicy.scope(actor, 'read'),
    q.kind ? eq(dsIncidents.kind, q.kind) : undefined,
    q.from ? gte(dsIncidents.occurredOn, q.from) : undefined,
    q.to ? lte(dsIncidents.occurredOn, q.to) : undefined,
    q.path ? underPath(dsIncidents.orgPath, q.path) : undefined,
  );
}

const NEWEST_FIRST = [desc(dsIncidents.occurredOn), desc(dsIncidents.createdAt), desc(dsIncidents.id)];

export function listIncidentRows(db: Db, where: SQL | undefined, page: { page: number; pageSize: number }) {
  return listPage(db, { table: dsIncidents, where, orderBy: NEWEST_FIRST, page });
}

/** Every row of the filter, newest first, at most `limit` (the export). */
export function allIncidentRows(db: Db, where: SQL | undefined, limit: number): Promise<IncidentRow[]> {
  return db
    .select()
    .from(dsIncidents)
    .where(where)
    .orderBy(...NEWEST_FIRST)
    .limit(limit);
}

/** An incident in reach for the action, or undefined (a malformed id too). */
export const findIncident = finderInScope(incidentsPolicy, dsIncidents);

export const insertIncident = rowInserter(dsIncidents);

export const updateIncident = rowUpdater(dsIncidents);

/**
 * Per community (incidents are kept at the community itself): how many incidents happened in the window
 * `from` … `to` (China calendar days, both inclusive) and the latest day among them. Communities without one
 * are left out. The caller chose the communities in the reader's scope.
 */
export async function incidentsInWindowByUnit(
  db: Db,
  unitIds: string[],
  from: string,
  to: string,
): Promise<Map<string, { n: number; last: string }>> {
  if (unitIds.length === 0) return new Map();
  const rows = await db
    .select({
      unitId: dsIncidents.orgUnitId,
      n: sql<number>`count(*)::int`,
      last: sql<string>`max(${dsIncidents.occurredOn})::text`,
    })
    .from(dsIncidents)
    .where(
      and(
        inArray(dsIncidents.orgUnitId, unitIds),
        gte(dsIncidents.occurredOn, from),
        lte(dsIncidents.occurredOn, to),
      ),
    )
    .groupBy(dsIncidents.orgUnitId);
  return new Map(rows.map((r) => [r.unitId, { n: r.n, last: r.last }]));
}

/**
 * The assessment's evidence query (platform/evidence.ts): the incidents under the community's path that
 * happened in the window `from` … `to` (both inclusive), only `q.ref` when given, newest first.
 */
export function incidentsForEvidence(
  db: Db,
  q: Pick<EvidenceQuery, 'orgPath' | 'ref'>,
  from: string,
  to: string,
  limit: number,
): Promise<IncidentRow[]> {
  return db
    .select()
    .from(dsIncidents)
    .where(
      and(
        underPath(dsIncidents.orgPath, q.orgPath),
        gte(dsIncidents.occurredOn, from),
        lte(dsIncidents.occurredOn, to),
        onlyRef(dsIncidents.id, q.ref),
      ),
    )
    .orderBy(...NEWEST_FIRST)
    .limit(limit);
}
