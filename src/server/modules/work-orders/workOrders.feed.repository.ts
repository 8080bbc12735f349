import { type SQL, and, desc, eq, gte, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { escapeLike } from '../../platform/permissions';
import { unitIdsUnderSql, unitNameSql } from '../org/org.api';
import { woCategories, woEvents, workOrders } from './workOrders.table';

/**
 * The orders as a public feed of service requests (the Open311 module's GET requests, through
 * work-orders.api.ts): the order rows with their category's names, the handling unit's name and the
 * latest public note. Not scoped by an actor: the caller decides which jurisdiction a reader may see.
 */

/** Which orders a feed read returns; every condition given must hold. */
export interface RequestFeedFilter {
  /** Orders handled or dispatched under this path, or located (grid, community, subdistrict) under it. */
  within?: string | undefined;
  /** One tracking number. */
  number?: string;
  /** Any of these tracking numbers. */
  numbers?: string[];
  /** Any of these categories (none: every category). */
  categoryCodes?: string[];
  /** Any of these statuses. */
  statuses?: readonly string[];
  /** Received at or after. */
  createdFrom?: Date;
  /** Received at or before. */
  createdTo?: Date;
}

/**
 * Orders of a jurisdiction: handled or dispatched there, or located there (its grid or community).
 * The unit subquery (org.api unitIdsUnderSql) reads org_units under its own alias.
 */
function inJurisdiction(path: string): SQL {
  const p = `${escapeLike(path)}%`;
  return or(
    sql`${workOrders.orgPath} like ${p}`,
    sql`${workOrders.dispatchPath} like ${p}`,
    unitIdsUnderSql(
      sql`coalesce(${workOrders.gridId}, ${workOrders.communityId}, ${workOrders.subdistrictId})`,
      p,
    ),
  )!;
}

const statusNotes = sql<string | null>`(select ${woEvents.publicNote} from ${woEvents}
  where ${woEvents.orderId} = ${workOrders.id} and ${woEvents.publicNote} is not null
  order by ${woEvents.at} desc, ${woEvents.id} desc limit 1)`;

/** The orders matching `f`, newest first, at most `limit`: each with its category names, agency and latest public note. */
export function requestFeedRows(db: Db, f: RequestFeedFilter, limit: number) {
  return db
    .select({
      o: workOrders,
      nameZh: woCategories.nameZh,
      nameEn: woCategories.nameEn,
      agency: unitNameSql(workOrders.orgUnitId),
      statusNotes,
    })
    .from(workOrders)
    .leftJoin(woCategories, eq(woCategories.code, workOrders.categoryCode))
    .where(
      and(
        f.within !== undefined ? inJurisdiction(f.within) : undefined,
        f.number !== undefined ? eq(workOrders.number, f.number) : undefined,
        f.numbers ? inArray(workOrders.number, f.numbers) : undefined,
        f.categoryCodes?.length ? inArray(workOrders.categoryCode, f.categoryCodes) : undefined,
        f.statuses ? inArray(workOrders.status, [...f.statuses]) : undefined,
        f.createdFrom ? gte(workOrders.createdAt, f.createdFrom) : undefined,
        f.createdTo ? lte(workOrders.createdAt, f.createdTo) : undefined,
      ),
    )
    .orderBy(desc(workOrders.createdAt), desc(workOrders.id))
    .limit(limit);
}

/** The tracking number of the order with this id, or undefined. */
export async function orderNumberById(db: Db, id: string): Promise<string | undefined> {
  const [row] = await db.select({ number: workOrders.number }).from(workOrders).where(eq(workOrders.id, id));
  return row?.number;
}
