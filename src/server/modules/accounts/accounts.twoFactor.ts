import { createHash, randomBytes, randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { Role } from '../../../shared/permissions';
import { auditFailure, writeAudit } from '../../platform/audit';
import {
  LOCK_MINUTES,
  MAX_FAILED_LOGINS,
  createSession,
  loadActor,
  tokenHash,
  twoFactorStateOf,
} from '../../platform/auth';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { UserRow } from './accounts.repository';
import {
  type SecondFactorRow,
  addFailedLogin,
  challengeRow,
  deleteChallenge,
  deleteExpiredChallenges,
  deleteSecondFactorRows,
  enableSecondFactorRow,
  insertChallenge,
  markLoggedIn,
  replaceRecoveryCodeRows,
  secondFactorRow,
  takeTotpStep,
  unusedRecoveryCodeCount,
  upsertPendingSecondFactor,
  spendRecoveryCode,
} from './accounts.twoFactor.repository';
import { rolesOfUser, userRowById } from './accounts.sms.repository';
import { matchTotp, newTotpSecret, otpauthUrl } from './totp';

/** How long the second step of a login may take after the password (minutes). */
export const CHALLENGE_MINUTES = 5;
export const RECOVERY_CODE_COUNT = 10;

type Ctx = UseCaseCtx;

const asActor = (user: UserRow) => ({ userId: user.id, displayName: user.displayName });

/**
 * One failed attempt (wrong password or wrong second-factor code) toward the lockout: the fifth in a row
 * locks the account for LOCK_MINUTES. One atomic statement, so parallel attempts cannot lose a count.
 * Answers whether the account is now locked.
 */
export async function countFailedAttempt(ctx: Ctx, userId: string): Promise<boolean> {
  const now = ctx.clock.now();
  const lockUntil = new Date(now.getTime() + LOCK_MINUTES * 60_000);
  const after = await addFailedLogin(ctx.db, userId, MAX_FAILED_LOGINS, lockUntil);
  return !!after?.lockedUntil && after.lockedUntil > now;
}

const lockedError = (user: Pick<UserRow, 'lockedUntil'>, now: Date) =>
  new AppError('auth.locked', 423, {
    minutes: Math.ceil(((user.lockedUntil?.getTime() ?? now.getTime()) - now.getTime()) / 60_000),
  });

async function rolesOf(db: Db, userId: string): Promise<Role[]> {
  return (await rolesOfUser(db, userId)).map((r) => r.role as Role);
}

async function secondFactorOf(db: Db, userId: string) {
  return secondFactorRow(db, userId);
}

export async function isTwoFactorEnabled(db: Db, userId: string): Promise<boolean> {
  return !!(await secondFactorOf(db, userId))?.enabledAt;
}

/**
 * The password was right and the user has a second factor: a pending login (no session yet), kept as the
 * hash of a random token for CHALLENGE_MINUTES. The failed-attempt count is not reset here, so guessing
 * codes after re-entering the password still ends in the lockout.
 */
export async function startChallenge(ctx: Ctx, user: UserRow) {
  const token = randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + CHALLENGE_MINUTES * 60_000);
  await ctx.db.transaction(async (tx) => {
    await deleteExpiredChallenges(tx, now);
    await insertChallenge(tx, {
      id: tokenHash(token),
      userId: user.id,
      createdAt: now,
      expiresAt,
      ip: ctx.ip ?? null,
    });
    await writeAudit(
      tx,
      { ...ctx, actor: asActor(user) },
      { action: 'auth.two_factor_challenge', entityType: 'user', entityId: user.id },
    );
  });
  return { twoFactorRequired: true as const, pendingToken: token, expiresAt };
}

/** Creates the session of a login that passed every factor it needs. */
export async function completeLogin(
  ctx: Ctx,
  user: UserRow,
  meta: { userAgent?: string },
  details: Record<string, unknown> | undefined,
  extra?: (tx: Db) => Promise<void>,
) {
  const now = ctx.clock.now();
  const session = await createSession(ctx.db, ctx, user.id, { ip: ctx.ip, userAgent: meta.userAgent });
  await ctx.db.transaction(async (tx) => {
    await markLoggedIn(tx, user.id, now);
    await extra?.(tx);
    await writeAudit(
      tx,
      { ...ctx, actor: asActor(user) },
      { action: 'auth.login', entityType: 'user', entityId: user.id, after: details },
    );
  });
  const actor = await loadActor(ctx.db, user.id);
  if (!actor) throw new AppError('auth.disabled', 403);
  const twoFactor = twoFactorStateOf(
    user,
    actor.assignments.map((a) => a.role),
    (await secondFactorOf(ctx.db, user.id))?.enabledAt,
  );
  return { ...session, actor, twoFactor };
}

const normaliseRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
const recoveryHash = (salt: string, code: string) =>
  createHash('sha256')
    .update(`${salt}:${normaliseRecoveryCode(code)}`)
    .digest('hex');

// No 0/o, 1/l/i: codes are read off paper.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Replaces the user's recovery codes with RECOVERY_CODE_COUNT new ones and returns them (shown once). */
async function replaceRecoveryCodes(tx: Db, ctx: Ctx, userId: string, salt: string) {
  const now = ctx.clock.now();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await replaceRecoveryCodeRows(
    tx,
    userId,
    codes.map((c) => ({ id: ctx.ids(), userId, codeHash: recoveryHash(salt, c), createdAt: now })),
  );
  return codes;
}

/**
 * Accepts a TOTP code once: the step is stored in the same statement that checks it is newer than the
 * last accepted one, so two requests with the same code cannot both pass.
 */
async function acceptTotp(ctx: Ctx, row: SecondFactorRow, code: string): Promise<boolean> {
  const step = matchTotp(ctx.pii.decrypt(row.secretEnc), code, ctx.clock.now(), row.lastStep);
  if (step === null) return false;
  return takeTotpStep(ctx.db, row.userId, step);
}

async function failSecondFactor(
  ctx: Ctx,
  user: UserRow,
  stage: 'login' | 'enrol' | 'regenerate' | 'disable',
  method: 'totp' | 'recovery_code',
  countsTowardLockout: boolean,
) {
  const locked = countsTowardLockout ? await countFailedAttempt(ctx, user.id) : false;
  await auditFailure(
    ctx.db,
    { ...ctx, actor: asActor(user) },
    {
      action: 'auth.two_factor_failed',
      entityType: 'user',
      entityId: user.id,
      after: { stage, method, locked },
    },
  );
  if (locked) return new AppError('auth.locked', 423, { minutes: LOCK_MINUTES });
  return method === 'totp'
    ? new AppError(
        'accounts.two_factor_wrong_code',
        stage === 'login' ? 401 : 422,
        {},
        { fields: [{ path: 'code', code: 'accounts.two_factor_wrong_code' }] },
      )
    : new AppError(
        'accounts.two_factor_wrong_recovery_code',
        401,
        {},
        { fields: [{ path: 'recoveryCode', code: 'accounts.two_factor_wrong_recovery_code' }] },
      );
}

/** POST /api/auth/login/totp: the second step; a right code (or an unused recovery code) opens the session. */
export async function loginSecondFactor(
  ctx: Ctx,
  input: { pendingToken: string; code?: string | undefined; recoveryCode?: string | undefined },
  meta: { userAgent?: string },
) {
  const now = ctx.clock.now();
  const id = tokenHash(input.pendingToken);
  const challenge = await challengeRow(ctx.db, id);
  if (!challenge || challenge.expiresAt <= now) {
    if (challenge) await deleteChallenge(ctx.db, id);
    throw new AppError('accounts.two_factor_challenge_expired', 401);
  }
  const user = await userRowById(ctx.db, challenge.userId);
  const factor = user ? await secondFactorOf(ctx.db, user.id) : undefined;
  if (!user?.active || !factor?.enabledAt) {
    await deleteChallenge(ctx.db, id);
    throw new AppError('accounts.two_factor_challenge_expired', 401);
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    // Locked while this step was open (wrong codes): the password has to be entered again later.
    await deleteChallenge(ctx.db, id);
    throw lockedError(user, now);
  }

  if (input.code !== undefined) {
    if (!(await acceptTotp(ctx, factor, input.code))) {
      const err = await failSecondFactor(ctx, user, 'login', 'totp', true);
      if (err.status === 423) await deleteChallenge(ctx.db, id);
      throw err;
    }
    const result = await completeLogin(ctx, user, meta, { secondFactor: 'totp' }, async (tx) => {
      await deleteChallenge(tx, id);
    });
    return result;
  }

  // A recovery code: marked used in the statement that finds it, so it works exactly once.
  const used = await spendRecoveryCode(
    ctx.db,
    user.id,
    recoveryHash(factor.recoverySalt, input.recoveryCode ?? ''),
    now,
  );
  if (!used) {
    const err = await failSecondFactor(ctx, user, 'login', 'recovery_code', true);
    if (err.status === 423) await deleteChallenge(ctx.db, id);
    throw err;
  }
  const left = await recoveryCodesLeft(ctx.db, user.id);
  return completeLogin(ctx, user, meta, { secondFactor: 'recovery_code' }, async (tx) => {
    await deleteChallenge(tx, id);
    await writeAudit(
      tx,
      { ...ctx, actor: asActor(user) },
      {
        action: 'auth.recovery_code_used',
        entityType: 'user',
        entityId: user.id,
        after: { recoveryCodesLeft: left },
      },
    );
  });
}

async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  return unusedRecoveryCodeCount(db, userId);
}

async function currentUser(ctx: ActorCtx): Promise<UserRow> {
  const user = await userRowById(ctx.db, ctx.actor.userId);
  if (!user) throw new AppError('common.unauthenticated', 401);
  return user;
}

export async function twoFactorStatus(ctx: ActorCtx) {
  const user = await currentUser(ctx);
  const factor = await secondFactorOf(ctx.db, user.id);
  const state = twoFactorStateOf(
    user,
    ctx.actor.assignments.map((a) => a.role),
    factor?.enabledAt,
  );
  return {
    enabled: state.enabled,
    required: state.required,
    demo: user.isDemo,
    enabledAt: factor?.enabledAt ?? null,
    recoveryCodesLeft: state.enabled ? await recoveryCodesLeft(ctx.db, user.id) : 0,
  };
}

/**
 * Starts (or restarts) enrolment: a new secret, stored encrypted and not yet enabled, returned once as
 * text, otpauth URI and QR code. Demo accounts are shared by every visitor and may not enrol.
 */
export async function setupTwoFactor(ctx: ActorCtx) {
  const user = await currentUser(ctx);
  if (user.isDemo) throw new AppError('accounts.two_factor_demo', 403);
  const existing = await secondFactorOf(ctx.db, user.id);
  if (existing?.enabledAt) throw new AppError('accounts.two_factor_already_enabled', 409);
  const secret = newTotpSecret();
  const now = ctx.clock.now();
  const values = {
    secretEnc: ctx.pii.encrypt(secret),
    enabledAt: null,
    lastStep: null,
    recoverySalt: randomBytes(16).toString('base64url'),
    updatedAt: now,
  };
  await ctx.db.transaction(async (tx) => {
    await upsertPendingSecondFactor(tx, user.id, now, values);
    await writeAudit(tx, ctx, { action: 'auth.two_factor_setup', entityType: 'user', entityId: user.id });
  });
  const url = otpauthUrl(user.username, secret);
  const qrDataUrl = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 1, width: 240 });
  return { secret, otpauthUrl: url, qrDataUrl };
}

/** Confirms enrolment with a code from the app; answers the recovery codes (shown this once). */
export async function enableTwoFactor(ctx: ActorCtx, code: string) {
  const user = await currentUser(ctx);
  if (user.isDemo) throw new AppError('accounts.two_factor_demo', 403);
  const factor = await secondFactorOf(ctx.db, user.id);
  if (factor?.enabledAt) throw new AppError('accounts.two_factor_already_enabled', 409);
  if (!factor) throw new AppError('accounts.two_factor_no_setup', 409);
  // A wrong code here only shows the app was not set up right yet: audited, not counted toward the lockout.
  const step = matchTotp(ctx.pii.decrypt(factor.secretEnc), code, ctx.clock.now());
  if (step === null) throw await failSecondFactor(ctx, user, 'enrol', 'totp', false);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (!(await enableSecondFactorRow(tx, user.id, step, now)))
      throw new AppError('accounts.two_factor_already_enabled', 409);
    const codes = await replaceRecoveryCodes(tx, ctx, user.id, factor.recoverySalt);
    await writeAudit(tx, ctx, { action: 'auth.two_factor_enable', entityType: 'user', entityId: user.id });
    return { recoveryCodes: codes };
  });
}

/** Checks a current code for a change to the second factor itself; wrong codes count toward the lockout. */
async function requireCurrentCode(ctx: ActorCtx, code: string, stage: 'regenerate' | 'disable') {
  const user = await currentUser(ctx);
  const factor = await secondFactorOf(ctx.db, user.id);
  if (!factor?.enabledAt) throw new AppError('accounts.two_factor_not_enabled', 409);
  const now = ctx.clock.now();
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user, now);
  if (!(await acceptTotp(ctx, factor, code))) throw await failSecondFactor(ctx, user, stage, 'totp', true);
  return { user, factor };
}

export async function regenerateRecoveryCodes(ctx: ActorCtx, code: string) {
  const { user, factor } = await requireCurrentCode(ctx, code, 'regenerate');
  return ctx.db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, ctx, user.id, factor.recoverySalt);
    await writeAudit(tx, ctx, {
      action: 'auth.recovery_codes_regenerate',
      entityType: 'user',
      entityId: user.id,
    });
    return { recoveryCodes: codes };
  });
}

/** Turns the second factor off; refused while one of the user's roles requires it. */
export async function disableTwoFactor(ctx: ActorCtx, code: string) {
  const user = await currentUser(ctx);
  const roles = await rolesOf(ctx.db, user.id);
  if (twoFactorStateOf(user, roles, null).required) throw new AppError('accounts.two_factor_required', 403);
  await requireCurrentCode(ctx, code, 'disable');
  await ctx.db.transaction(async (tx) => {
    await removeSecondFactor(tx, user.id);
    await writeAudit(tx, ctx, { action: 'auth.two_factor_disable', entityType: 'user', entityId: user.id });
  });
}

/** Deletes a user's second factor and recovery codes (disable, or an administrator's reset). */
export async function removeSecondFactor(tx: Db, userId: string) {
  await deleteSecondFactorRows(tx, userId);
}
