/**
 * What other modules may use of the volunteer registry (DESIGN boundaries): functions and types, never
 * the tables.
 */
import type { Permission } from '../../../shared/permissions';
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/permissions';
import { volunteerActionOf } from './volunteers.policy';
import {
  type VolunteerRow,
  activeVolunteerRow,
  activeVolunteerRowOfUser,
  volunteerNames,
  volunteerRowById,
  volunteerRowOfUser,
} from './volunteers.repository';

export type { VolunteerRow };

/** A volunteer by id (any status), or undefined. */
export function volunteerById(db: Db, id: string): Promise<VolunteerRow | undefined> {
  return volunteerRowById(db, id);
}

/**
 * An active volunteer by id, or undefined; with `scope`, only inside the actor's scope for that
 * permission (callers answer alike for unknown and out-of-scope ids).
 */
export function activeVolunteerById(
  db: Db,
  id: string,
  scope?: { actor: Actor; permission: Permission },
): Promise<VolunteerRow | undefined> {
  return activeVolunteerRow(
    db,
    id,
    scope && { actor: scope.actor, action: volunteerActionOf(scope.permission) },
  );
}

/** The active volunteer record the login acts as (volunteers.user_id), if any. */
export function activeVolunteerOfUser(db: Db, userId: string): Promise<VolunteerRow | undefined> {
  return activeVolunteerRowOfUser(db, userId);
}

/** The volunteer record linked to a login (any status), if any. */
export function volunteerOfUser(db: Db, userId: string): Promise<VolunteerRow | undefined> {
  return volunteerRowOfUser(db, userId);
}

export { volunteerNames };
export {
  type TeamRow,
  type VolunteerField,
  activeTeamsOfCommunity,
  activeVolunteersOfCommunity,
  teamById,
  teamPlace,
  volunteerFieldSql,
  volunteerPlace,
} from './volunteers.lookups.repository';
export { type ServiceHoursInput, recordServiceHours } from './volunteers.hours';
