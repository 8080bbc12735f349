import { userRoles, users } from '../../server/modules/accounts/accounts.table';
import { hashPassword } from '../../server/platform/auth';
import type { Db } from '../../server/platform/db';
import type { IdGenerator } from '../../server/platform/clock';

/** The one password of every demo login (printed by `npm start`). */
export const DEMO_PASSWORD = 'Linli-demo-2026';

/** A demo user's own columns; the id is made when not given. */
export type DemoUser = Omit<
  typeof users.$inferInsert,
  'id' | 'passwordHash' | 'isDemo' | 'createdAt' | 'updatedAt'
> & { id?: string };

/** One role of a demo user, at a unit (null: platform-wide). */
export interface DemoRole {
  role: string;
  orgUnitId: string | null;
}

/**
 * A demo login with its roles: the shared demo password (hashed here unless the caller passes the hash it made
 * once for many), marked isDemo — shared demo logins stay password-only (README), exempt from the two-factor
 * requirement. Answers the user's id.
 */
export async function insertDemoUser(
  db: Db,
  ids: IdGenerator,
  now: Date,
  user: DemoUser,
  roles: readonly DemoRole[],
  passwordHash?: string,
): Promise<string> {
  const userId = user.id ?? ids();
  await db.insert(users).values({
    ...user,
    id: userId,
    passwordHash: passwordHash ?? (await hashPassword(DEMO_PASSWORD)),
    isDemo: true,
    createdAt: now,
    updatedAt: now,
  });
  await db
    .insert(userRoles)
    .values(roles.map(({ role, orgUnitId }) => ({ id: ids(), userId, role, orgUnitId, createdAt: now })));
  return userId;
}

/** A module seed's demo login with one role at one unit; answers the new user's id. */
export function insertDemoLogin(
  db: Db,
  ids: IdGenerator,
  now: Date,
  login: { username: string; displayName: string; title: string | null; role: string; orgUnitId: string },
): Promise<string> {
  const { role, orgUnitId, ...user } = login;
  return insertDemoUser(db, ids, now, user, [{ role, orgUnitId }]);
}
