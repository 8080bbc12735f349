import { and, desc, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { countWhere } from '../../platform/figureQuery';
import { smsCodes, userRoles, users } from './accounts.table';

/**
 * The queries of the SMS login (accounts.sms.ts): one-time codes and the resident logins found or made by
 * phone. Codes are compared as HMACs in SQL, and every change of a code's state is one conditional UPDATE,
 * so two parallel tries can neither both log in with one code nor lose a counted try.
 */
export type SmsCodeRow = typeof smsCodes.$inferSelect;
type UserRow = typeof users.$inferSelect;

/** Serialises the sends to one phone for the rest of the transaction (the 60-second rule). */
export async function lockPhone(tx: Db, phoneHash: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`linli.sms:${phoneHash}`}))`);
}

/** The newest code sent to this phone, if any. */
export async function latestCode(db: Db, phoneHash: string): Promise<SmsCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(smsCodes)
    .where(eq(smsCodes.phoneHash, phoneHash))
    .orderBy(desc(smsCodes.createdAt))
    .limit(1);
  return row;
}

/** Codes sent since `since` to this phone / from this client address. */
export async function sendsSince(
  db: Db,
  since: Date,
  by: { phoneHash?: string; ip?: string },
): Promise<number> {
  return countWhere(
    db,
    smsCodes,
    and(
      gt(smsCodes.createdAt, since),
      by.phoneHash ? eq(smsCodes.phoneHash, by.phoneHash) : undefined,
      by.ip ? eq(smsCodes.ip, by.ip) : undefined,
    ),
  );
}

/** A new code; the phone's older live codes stop working. Rows older than `purgeBefore` go. */
export async function insertCode(
  tx: Db,
  row: typeof smsCodes.$inferInsert,
  purgeBefore: Date,
): Promise<void> {
  await tx.delete(smsCodes).where(lt(smsCodes.createdAt, purgeBefore));
  await tx
    .update(smsCodes)
    .set({ usedAt: row.createdAt })
    .where(and(eq(smsCodes.phoneHash, row.phoneHash), isNull(smsCodes.usedAt)));
  await tx.insert(smsCodes).values(row);
}

/** Uses the code if it is still live and `codeHash` is its hash: true when this call logged in with it. */
export async function consumeCode(
  db: Db,
  id: string,
  codeHash: string,
  now: Date,
  maxAttempts: number,
): Promise<boolean> {
  const rows = await db
    .update(smsCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(smsCodes.id, id),
        eq(smsCodes.codeHash, codeHash),
        isNull(smsCodes.usedAt),
        gt(smsCodes.expiresAt, now),
        lt(smsCodes.attempts, maxAttempts),
      ),
    )
    .returning({ id: smsCodes.id });
  return rows.length === 1;
}

/** Counts one wrong try of a live code; answers the tries made so far, or null when it was no longer live. */
export async function countWrongTry(db: Db, id: string, maxAttempts: number): Promise<number | null> {
  const [row] = await db
    .update(smsCodes)
    .set({ attempts: sql`${smsCodes.attempts} + 1` })
    .where(and(eq(smsCodes.id, id), isNull(smsCodes.usedAt), lt(smsCodes.attempts, maxAttempts)))
    .returning({ attempts: smsCodes.attempts });
  return row ? row.attempts : null;
}

// ─── Resident logins by phone ─────────────────────────────────────────────────────────────────────────

export async function userByPhoneHash(db: Db, phoneHash: string): Promise<UserRow | undefined> {
  return firstRow(db, users, eq(users.phoneHash, phoneHash));
}

/** The login linked to a registry record, if one is (oldest first). */
export async function userByResidentId(db: Db, residentId: string): Promise<UserRow | undefined> {
  const [u] = await db
    .select()
    .from(users)
    .where(eq(users.residentId, residentId))
    .orderBy(users.createdAt)
    .limit(1);
  return u;
}

export async function userRowById(db: Db, id: string): Promise<UserRow | undefined> {
  return firstRow(db, users, eq(users.id, id));
}

export async function rolesOfUser(db: Db, userId: string) {
  return db
    .select({ role: userRoles.role, orgUnitId: userRoles.orgUnitId })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
}

export async function insertResidentUser(tx: Db, row: typeof users.$inferInsert): Promise<void> {
  await tx.insert(users).values(row);
}

/** Binds a login to a phone and (optionally) a registry record. */
export async function setUserPhoneAndResident(
  tx: Db,
  userId: string,
  patch: Partial<Pick<UserRow, 'phoneEnc' | 'phoneHash' | 'phoneMask' | 'residentId' | 'displayName'>>,
  now: Date,
): Promise<void> {
  await tx
    .update(users)
    .set({ ...patch, updatedAt: now })
    .where(eq(users.id, userId));
}

/** Gives the user the resident role at a community where they do not hold it yet; true when added. */
export async function addResidentRole(tx: Db, row: typeof userRoles.$inferInsert): Promise<boolean> {
  const existing = await tx
    .select({ id: userRoles.id })
    .from(userRoles)
    .where(
      and(
        eq(userRoles.userId, row.userId),
        eq(userRoles.role, 'resident'),
        eq(userRoles.orgUnitId, row.orgUnitId!),
      ),
    );
  if (existing.length) return false;
  await tx.insert(userRoles).values(row);
  return true;
}
