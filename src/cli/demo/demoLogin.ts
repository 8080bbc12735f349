import { userRoles, users } from '../../server/modules/accounts/accounts.table';
import { hashPassword } from '../../server/platform/auth';
import type { Db } from '../../server/platform/db';
import type { IdGenerator } from '../../server/platform/clock';

const DEMO_PASSWORD = 'Linli-demo-2026';

/**
 * A module seed's demo login (the shared demo password, marked isDemo: no second factor) with one role at one
 * unit; answers the new user's id.
 */
export async function insertDemoLogin(
  db: Db,
  ids: IdGenerator,
  now: Date,
  login: { username: string; displayName: string; title: string; role: string; orgUnitId: string },
): Promise<string> {
  const { role, orgUnitId, ...user } = login;
  const userId = ids();
  await db.insert(users).values({
    id: userId,
    ...user,
    passwordHash: await hashPassword(DEMO_PASSWORD),
    isDemo: true,
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(userRoles).values({ id: ids(), userId, role, orgUnitId, createdAt: now });
  return userId;
}
