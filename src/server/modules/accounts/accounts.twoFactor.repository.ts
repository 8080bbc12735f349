import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { countWhere } from '../../platform/figureQuery';
import { loginChallenges, recoveryCodes, userTwoFactor, users } from './accounts.table';

/**
 * The queries of the second login factor (accounts.twoFactor.ts): pending logins, TOTP secrets, recovery
 * codes and the failed-attempt count. Every change that must happen once (a TOTP step, a recovery code, a
 * failed attempt) is one conditional UPDATE, so parallel requests cannot both pass or lose a count.
 */
export type SecondFactorRow = typeof userTwoFactor.$inferSelect;
export type LoginChallengeRow = typeof loginChallenges.$inferSelect;

/**
 * Adds one failed attempt in one statement: the `max`-th in a row resets the count and locks the user until
 * `lockUntil`. Answers the user's lock after the update (undefined for an unknown user).
 */
export async function addFailedLogin(
  db: Db,
  userId: string,
  max: number,
  lockUntil: Date,
): Promise<{ lockedUntil: Date | null } | undefined> {
  const [after] = await db
    .update(users)
    .set({
      failedLogins: sql`case when ${users.failedLogins} + 1 >= ${max} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${max} then ${lockUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId))
    .returning({ lockedUntil: users.lockedUntil });
  return after;
}

/** Clears the failed-attempt count and lock and stamps the login time (a completed login). */
export async function markLoggedIn(db: Db, userId: string, now: Date): Promise<void> {
  await db
    .update(users)
    .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
    .where(eq(users.id, userId));
}

/** The user's second factor (set up or enabled), or undefined. */
export async function secondFactorRow(db: Db, userId: string): Promise<SecondFactorRow | undefined> {
  return firstRow(db, userTwoFactor, eq(userTwoFactor.userId, userId));
}

/** Deletes the pending logins that expired before `now`. */
export async function deleteExpiredChallenges(db: Db, now: Date): Promise<void> {
  await db.delete(loginChallenges).where(lt(loginChallenges.expiresAt, now));
}

/** A new pending login (its id is the hash of the token the client holds). */
export async function insertChallenge(db: Db, values: typeof loginChallenges.$inferInsert): Promise<void> {
  await db.insert(loginChallenges).values(values);
}

/** The pending login with this id (the token's hash), or undefined. */
export function challengeRow(db: Db, id: string): Promise<LoginChallengeRow | undefined> {
  return firstRow(db, loginChallenges, eq(loginChallenges.id, id));
}

/** Deletes the pending login with this id. */
export async function deleteChallenge(db: Db, id: string): Promise<void> {
  await db.delete(loginChallenges).where(eq(loginChallenges.id, id));
}

/** Replaces the user's recovery codes with these rows (hashes only). */
export async function replaceRecoveryCodeRows(
  tx: Db,
  userId: string,
  rows: (typeof recoveryCodes.$inferInsert)[],
): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx.insert(recoveryCodes).values(rows);
}

/**
 * Stores TOTP step `step` as the last accepted one only if it is newer than the stored one, in one
 * statement; answers whether it was taken.
 */
export async function takeTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const taken = await db
    .update(userTwoFactor)
    .set({ lastStep: step })
    .where(
      and(
        eq(userTwoFactor.userId, userId),
        or(isNull(userTwoFactor.lastStep), lt(userTwoFactor.lastStep, step)),
      ),
    )
    .returning({ userId: userTwoFactor.userId });
  return taken.length === 1;
}

/** Marks the user's unused recovery code with this hash used, in one statement; answers its id if it was found. */
export async function spendRecoveryCode(
  db: Db,
  userId: string,
  codeHash: string,
  now: Date,
): Promise<{ id: string } | undefined> {
  const [used] = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used;
}

/** How many of the user's recovery codes are unused. */
export async function unusedRecoveryCodeCount(db: Db, userId: string): Promise<number> {
  return countWhere(db, recoveryCodes, and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
}

/** Stores a new, not yet enabled secret; an enabled second factor is left as it is. */
export async function upsertPendingSecondFactor(
  tx: Db,
  userId: string,
  now: Date,
  values: Pick<
    typeof userTwoFactor.$inferInsert,
    'secretEnc' | 'enabledAt' | 'lastStep' | 'recoverySalt' | 'updatedAt'
  >,
): Promise<void> {
  await tx
    .insert(userTwoFactor)
    .values({ userId, createdAt: now, ...values })
    .onConflictDoUpdate({
      target: userTwoFactor.userId,
      set: values,
      where: isNull(userTwoFactor.enabledAt),
    });
}

/** Enables the user's pending second factor with its first accepted step; answers whether it was pending. */
export async function enableSecondFactorRow(
  tx: Db,
  userId: string,
  step: number,
  now: Date,
): Promise<boolean> {
  const done = await tx
    .update(userTwoFactor)
    .set({ enabledAt: now, lastStep: step, updatedAt: now })
    .where(and(eq(userTwoFactor.userId, userId), isNull(userTwoFactor.enabledAt)))
    .returning({ userId: userTwoFactor.userId });
  return done.length === 1;
}

/** Deletes a user's second factor and recovery codes. */
export async function deleteSecondFactorRows(tx: Db, userId: string): Promise<void> {
  await tx.delete(userTwoFactor).where(eq(userTwoFactor.userId, userId));
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}
