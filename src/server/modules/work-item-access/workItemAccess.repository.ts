import { type SQL, and, asc, desc, eq, ilike, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { chinaDate } from '../../../shared/chinaTime';
import type { ApplicationQuery, ItemQuery, RefusalQuery } from '../../../shared/contracts/workItemAccess';
import { rowsOfParent } from '../../platform/rowsOfParents';
import type { Db } from '../../platform/db';
import { countWhere } from '../../platform/figureQuery';
import { findRowInScope } from '../../platform/findInScope';
import { firstRow } from '../../platform/firstRow';
import { type Page, listPage } from '../../platform/listing';
import { type Actor, escapeLike, scopeWhere } from '../../platform/permissions';
import { insertRow } from '../../platform/rows';
import { reachScope } from '../../platform/scopeReach';
import { bumpingUpdater, rowInserter } from '../../platform/rowAccessors';
import { wiaPolicy } from './workItemAccess.policy';
import { wiaApplications, wiaEvents, wiaItems, wiaOpinions, wiaRefusals } from './workItemAccess.table';

/** Every query of the work-item access tables, with the actor's reach ANDed in (out of reach → 404). */
export type ApplicationRow = typeof wiaApplications.$inferSelect;
export type ItemRow = typeof wiaItems.$inferSelect;
export type RefusalRow = typeof wiaRefusals.$inferSelect;

export function findApplication(db: Db, actor: Actor, id: string): Promise<ApplicationRow | undefined> {
  return findRowInScope(db, wiaApplications, id, wiaPolicy.scope(actor, 'read'));
}

const OPEN = ['submitted', 'consulting'];

export function listApplicationRows(
  db: Db,
  actor: Actor,
  q: ApplicationQuery,
  now: Date,
): Promise<Page<ApplicationRow>> {
  const overdue: SQL = and(
    inArray(wiaApplications.state, OPEN),
    isNotNull(wiaApplications.dueAt),
    lt(wiaApplications.dueAt, now),
  )!;
  return listPage(db, {
    table: wiaApplications,
    where: and(
      wiaPolicy.scope(actor, 'read'),
      q.state ? eq(wiaApplications.state, q.state) : undefined,
      q.overdue === true ? overdue : undefined,
      q.overdue === false ? sql`not (${overdue})` : undefined,
    ),
    orderBy: [desc(wiaApplications.submittedAt), desc(wiaApplications.id)],
    page: q,
  });
}

export const insertApplication = rowInserter(wiaApplications);

export async function nextNumber(db: Db, year: string): Promise<string> {
  const n = await countWhere(db, wiaApplications, sql`${wiaApplications.number} like ${`ZR${year}-%`}`);
  return `ZR${year}-${String(n + 1).padStart(4, '0')}`;
}

export async function markOverdue(db: Db, id: string, now: Date): Promise<void> {
  await db.update(wiaApplications).set({ overdueAt: now }).where(eq(wiaApplications.id, id));
}

export async function insertEvent(db: Db, row: typeof wiaEvents.$inferInsert): Promise<void> {
  await insertRow(db, wiaEvents, row);
}

export function eventsOf(db: Db, id: string) {
  return rowsOfParent(db, wiaEvents, wiaEvents.applicationId, id, asc(wiaEvents.at), asc(wiaEvents.id));
}

export async function insertOpinion(db: Db, row: typeof wiaOpinions.$inferInsert): Promise<void> {
  await insertRow(db, wiaOpinions, row);
}

export function opinionsOf(db: Db, id: string) {
  return rowsOfParent(
    db,
    wiaOpinions,
    wiaOpinions.applicationId,
    id,
    asc(wiaOpinions.at),
    asc(wiaOpinions.id),
  );
}

// ---------------------------------------------------------------- published lists

export const insertItem = rowInserter(wiaItems);

/** Publishes an application's work item on a list from today (exempt on filing; approved or purchase on decision). */
export function publishItem(
  db: Db,
  id: string,
  a: ApplicationRow,
  list: ItemRow['list'],
  kind: ItemRow['kind'],
  now: Date,
): Promise<ItemRow> {
  return insertItem(db, {
    id,
    orgUnitId: a.orgUnitId,
    orgPath: a.orgPath,
    applicationId: a.id,
    list,
    kind,
    department: a.department,
    item: a.item,
    content: a.content,
    basis: a.basis,
    fundsFen: a.fundsFen,
    trainingStaff: a.trainingStaff,
    publishedOn: chinaDate(now),
    status: 'active',
    createdAt: now,
    updatedAt: now,
  });
}

export function listItemRows(db: Db, actor: Actor, q: ItemQuery): Promise<Page<ItemRow>> {
  return listPage(db, {
    table: wiaItems,
    where: and(
      reachScope(actor, 'work_item_access.read', wiaItems.orgPath),
      eq(wiaItems.list, q.list),
      q.status ? eq(wiaItems.status, q.status) : undefined,
      q.q ? ilike(wiaItems.item, `%${escapeLike(q.q)}%`) : undefined,
    ),
    orderBy: [desc(wiaItems.publishedOn), desc(wiaItems.id)],
    page: q,
  });
}

export function findItemForDecider(db: Db, actor: Actor, id: string): Promise<ItemRow | undefined> {
  return findRowInScope(db, wiaItems, id, scopeWhere(actor, 'work_item_access.decide', wiaItems.orgPath));
}

export const updateItemRow = bumpingUpdater(wiaItems);

/** Active admitted items at the levels above a community (its published list), matching `item` exactly. */
export function listedItemNamed(db: Db, communityPath: string, item: string): Promise<ItemRow | undefined> {
  return firstRow(
    db,
    wiaItems,
    and(
      eq(wiaItems.list, 'admitted'),
      eq(wiaItems.status, 'active'),
      sql`${communityPath} like (${wiaItems.orgPath} || '%')`,
      eq(wiaItems.item, item),
    ),
  );
}

// ---------------------------------------------------------------- refusals

export const insertRefusal = rowInserter(wiaRefusals);

export function listRefusalRows(db: Db, actor: Actor, q: RefusalQuery): Promise<Page<RefusalRow>> {
  return listPage(db, {
    table: wiaRefusals,
    where: scopeWhere(actor, 'work_item_access.read', wiaRefusals.orgPath),
    orderBy: [desc(wiaRefusals.createdAt), desc(wiaRefusals.id)],
    page: q,
  });
}
