/**
 * What other modules may use of the volunteer registry (DESIGN boundaries): functions and types, never
 * the tables.
 */
import { and, eq } from 'drizzle-orm';
import type { Permission } from '../../../shared/permissions';
import type { Db } from '../../platform/db';
import { type Actor, scopeWhere } from '../../platform/permissions';
import { volunteers } from './volunteers.table';

export type VolunteerRow = typeof volunteers.$inferSelect;

/** A volunteer by id (any status), or undefined. */
export async function volunteerById(db: Db, id: string): Promise<VolunteerRow | undefined> {
  const [v] = await db.select().from(volunteers).where(eq(volunteers.id, id));
  return v;
}

/**
 * An active volunteer by id, or undefined; with `scope`, only inside the actor's scope for that
 * permission (callers answer alike for unknown and out-of-scope ids).
 */
export async function activeVolunteerById(
  db: Db,
  id: string,
  scope?: { actor: Actor; permission: Permission },
): Promise<VolunteerRow | undefined> {
  const [v] = await db
    .select()
    .from(volunteers)
    .where(
      and(
        eq(volunteers.id, id),
        eq(volunteers.status, 'active'),
        scope ? scopeWhere(scope.actor, scope.permission, volunteers.orgPath) : undefined,
      ),
    );
  return v;
}

/** The active volunteer record the login acts as (volunteers.user_id), if any. */
export async function activeVolunteerOfUser(db: Db, userId: string): Promise<VolunteerRow | undefined> {
  const [v] = await db
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.userId, userId), eq(volunteers.status, 'active')));
  return v;
}

export { type ServiceHoursInput, recordServiceHours } from './volunteers.hours';
