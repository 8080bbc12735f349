import { inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { woSettings } from './workOrders.table';

/** The configured time-limit settings rows of these units (the ancestors of a path), in any order. */
export function settingsRowsOf(db: Db, unitIds: string[]) {
  return db.select().from(woSettings).where(inArray(woSettings.orgUnitId, unitIds));
}
