/**
 * What other modules may use of the accounts (DESIGN boundaries): functions and types, never the tables.
 * `userFieldSql` is a named query builder for a foreign query that lists users beside its own rows.
 */
import type { Db } from '../../platform/db';
import { userRowById } from './accounts.sms.repository';

export {
  linkedResidentIdSql,
  residentIdOfUser,
  userIdOfResident,
  roleUnitPaths,
  userByUsername,
  userDisplayNames,
  userFieldSql,
  userHasRoleInScope,
  residentLinkOf,
} from './accounts.repository';
export {
  type Recipient,
  activeRecipients,
  usersHoldingAt,
  usersWithPermissionAround,
} from './recipients.repository';
export { normalisePhone } from './accounts.sms';

/** The registry record a login is linked to (a resident's own record), or null. */
export async function linkedResidentId(db: Db, userId: string): Promise<string | null> {
  const u = await userRowById(db, userId);
  return u?.residentId ?? null;
}
