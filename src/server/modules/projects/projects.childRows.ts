import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { rowsOfParent } from '../../platform/rowsOfParents';

/**
 * The rows one application has in a table kept under it (its timeline, reports, archive items, milestones,
 * money, changes, exemptions), in `order`.
 */
export function rowsOfApplication<T extends PgTable & { applicationId: AnyPgColumn }>(
  db: Db,
  table: T,
  applicationId: string,
  ...order: SQL[]
): Promise<T['$inferSelect'][]> {
  return rowsOfParent(db, table, table.applicationId, applicationId, ...order);
}

/**
 * The columns `childColumns('applicationId', …)` gives a new row kept under an application: a fresh id, the
 * application and its path. Spread into the insert's values: `{ ...newChildRow(ctx, app), note }`.
 */
export function newChildRow(ctx: Pick<UseCaseCtx, 'ids'>, app: { id: string; orgPath: string }) {
  return { id: ctx.ids(), applicationId: app.id, orgPath: app.orgPath };
}
