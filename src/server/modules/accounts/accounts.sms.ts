import { randomInt } from 'node:crypto';
import { writeAudit, auditFailure } from '../../platform/audit';
import type { UseCaseCtx } from '../../platform/context';
import { maskPhone } from '../../platform/crypto';
import { type Db, isUniqueViolation } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { createRateLimiter } from '../../platform/rateLimit';
import { SmsSendError, type SmsSender } from '../../platform/sms';
import { unitById } from '../org/org.api';
import { liveResidentsByPhoneHash } from '../residents/residents.api';
import {
  addResidentRole,
  consumeCode,
  countWrongTry,
  insertCode,
  insertResidentUser,
  latestCode,
  lockPhone,
  rolesOfUser,
  sendsSince,
  setUserPhoneAndResident,
  userByPhoneHash,
  userByResidentId,
  userRowById,
} from './accounts.sms.repository';
import { completeLogin } from './accounts.twoFactor';

/**
 * Resident login by phone and one-time SMS code (issue 17 point 3; contract in docs/API-resident.md).
 * A code is 6 digits, valid CODE_MINUTES, dead after MAX_TRIES wrong tries; it is kept only as an HMAC
 * under the platform key and written nowhere but to the SMS provider (the console adapter logs it).
 * Limits live in the database: per phone from the code rows (RESEND_SECONDS apart, PHONE_PER_DAY a day),
 * per client address from the code rows (IP_PER_DAY) and the platform's rate limiter (per minute).
 */
export const CODE_MINUTES = 5;
export const MAX_TRIES = 5;
export const RESEND_SECONDS = 60;
export const PHONE_PER_DAY = 10;
export const IP_SENDS_PER_MINUTE = 5;
export const IP_PER_DAY = 30;
export const IP_LOGINS_PER_MINUTE = 20;
const DAY_MS = 86_400_000;

/** A login made by SMS has no password: this is no argon2 hash, so every password check fails. */
export const NO_PASSWORD = '!sms-login-only';
/** Roles an SMS login may carry; staff log in with their password (and second factor). */
const SMS_ROLES = new Set(['resident', 'volunteer']);

type Log = { info(obj: object, msg?: string): void; error(obj: object, msg?: string): void };

/** 11 digits of a mainland mobile (spaces, dashes, +86 removed), or a 400. */
export function normalisePhone(raw: string): string {
  const p = raw.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  if (!/^1[3-9]\d{9}$/.test(p)) throw new AppError('auth.sms_bad_phone', 400);
  return p;
}

const codeHashOf = (ctx: UseCaseCtx, phoneHash: string, code: string) =>
  ctx.pii.mac('sms-login-code', `${phoneHash}:${code}`);

async function limitAddress(ctx: UseCaseCtx, bucket: string, perMinute: number) {
  const ok = await createRateLimiter(ctx.db, perMinute, ctx.clock).take(`${bucket}:${ctx.ip ?? 'unknown'}`);
  if (!ok) throw new AppError('common.too_many_requests', 429);
}

/** POST /api/auth/sms/send: same answer whether or not the phone belongs to anyone. */
export async function sendLoginCode(ctx: UseCaseCtx, sender: SmsSender, rawPhone: string, log: Log) {
  const phone = normalisePhone(rawPhone);
  await limitAddress(ctx, 'sms-send', IP_SENDS_PER_MINUTE);
  const phoneHash = ctx.pii.blindIndex('phone', phone);
  const phoneMask = maskPhone(phone);
  const now = ctx.clock.now();
  const id = ctx.ids();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const refused = async (err: AppError, reason: string) => {
    await auditFailure(ctx.db, ctx, {
      action: 'auth.sms_send',
      entityType: 'sms_code',
      entityId: null,
      after: { phoneMask, reason },
    });
    return err;
  };
  const refusal = await ctx.db.transaction(async (tx) => {
    await lockPhone(tx, phoneHash);
    const last = await latestCode(tx, phoneHash);
    const waited = last ? (now.getTime() - last.createdAt.getTime()) / 1000 : Infinity;
    if (waited < RESEND_SECONDS) {
      const seconds = Math.ceil(RESEND_SECONDS - waited);
      return {
        reason: 'too_soon',
        error: new AppError('auth.sms_too_soon', 429, { seconds }, { retryAfterSeconds: seconds }),
      };
    }
    const since = new Date(now.getTime() - DAY_MS);
    if ((await sendsSince(tx, since, { phoneHash })) >= PHONE_PER_DAY)
      return { reason: 'phone_daily_limit', error: new AppError('auth.sms_daily_limit', 429) };
    if (ctx.ip && (await sendsSince(tx, since, { ip: ctx.ip })) >= IP_PER_DAY)
      return { reason: 'address_daily_limit', error: new AppError('common.too_many_requests', 429) };
    await insertCode(
      tx,
      {
        id,
        phoneHash,
        codeHash: codeHashOf(ctx, phoneHash, code),
        ip: ctx.ip ?? null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + CODE_MINUTES * 60_000),
      },
      new Date(now.getTime() - 2 * DAY_MS),
    );
    await writeAudit(tx, ctx, {
      action: 'auth.sms_send',
      entityType: 'sms_code',
      entityId: id,
      after: { phoneMask, provider: sender.provider },
    });
    return null;
  });
  if (refusal) throw await refused(refusal.error, refusal.reason);
  try {
    await sender.send({ phone, template: 'login_code', params: { code } });
  } catch (err) {
    log.error(
      { err: err instanceof SmsSendError ? { message: err.message, code: err.providerCode } : err },
      `SMS to ${phoneMask} failed`,
    );
    throw await refused(new AppError('auth.sms_unavailable', 503), 'provider_failed');
  }
  return { sent: true as const, retryAfterSeconds: RESEND_SECONDS };
}

/** POST /api/auth/sms/login: the right code logs in (creating and linking the resident login as needed). */
export async function loginWithSmsCode(
  ctx: UseCaseCtx,
  rawPhone: string,
  code: string,
  meta: { userAgent?: string },
) {
  const phone = normalisePhone(rawPhone);
  await limitAddress(ctx, 'sms-login', IP_LOGINS_PER_MINUTE);
  const phoneHash = ctx.pii.blindIndex('phone', phone);
  const phoneMask = maskPhone(phone);
  const now = ctx.clock.now();
  const fail = async (err: AppError, reason: string, userId: string | null = null): Promise<AppError> => {
    await auditFailure(ctx.db, ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: userId,
      after: { method: 'sms', phoneMask, reason },
    });
    return err;
  };
  const last = await latestCode(ctx.db, phoneHash);
  if (!last || last.usedAt || last.expiresAt <= now || last.attempts >= MAX_TRIES)
    throw await fail(new AppError('auth.sms_code_expired', 401), 'no_live_code');
  if (!(await consumeCode(ctx.db, last.id, codeHashOf(ctx, phoneHash, code), now, MAX_TRIES))) {
    const tries = await countWrongTry(ctx.db, last.id, MAX_TRIES);
    if (tries === null) throw await fail(new AppError('auth.sms_code_expired', 401), 'no_live_code');
    if (tries >= MAX_TRIES) throw await fail(new AppError('auth.sms_code_dead', 401), 'too_many_tries');
    const left = MAX_TRIES - tries;
    throw await fail(
      new AppError('auth.sms_code_wrong', 401, { left }, { attemptsLeft: left }),
      'wrong_code',
    );
  }
  const user = await residentLoginFor(ctx, phone, phoneHash, fail);
  if (!user.active) throw await fail(new AppError('auth.disabled', 403), 'disabled', user.id);
  return completeLogin(ctx, user, meta, { method: 'sms' });
}

async function refuseStaff(
  ctx: UseCaseCtx,
  userId: string,
  fail: (err: AppError, reason: string, userId: string) => Promise<AppError>,
) {
  const roles = await rolesOfUser(ctx.db, userId);
  if (roles.some((r) => !SMS_ROLES.has(r.role)))
    throw await fail(new AppError('auth.sms_staff_account', 403), 'staff_account', userId);
}

/**
 * The login of this phone: the one bound to it, else the one linked to its single registry record, else a
 * new one. Linked to the registry record with the same phone blind index when exactly one live record
 * matches (several people sharing one phone are left for staff to sort out); a linked login holds the
 * resident role at the record's community. An unlinked login links at a later SMS login.
 */
async function residentLoginFor(
  ctx: UseCaseCtx,
  phone: string,
  phoneHash: string,
  fail: (err: AppError, reason: string, userId: string) => Promise<AppError>,
) {
  const matches = await liveResidentsByPhoneHash(ctx.db, phoneHash, 2);
  const record = matches.length === 1 ? matches[0] : undefined;
  const now = ctx.clock.now();
  const phoneFields = {
    phoneEnc: ctx.pii.encrypt(phone),
    phoneHash,
    phoneMask: maskPhone(phone),
  };

  let user = await userByPhoneHash(ctx.db, phoneHash);
  if (!user && record) {
    const linked = await userByResidentId(ctx.db, record.id);
    if (linked && !linked.phoneHash) {
      await refuseStaff(ctx, linked.id, fail);
      await ctx.db.transaction((tx) => setUserPhoneAndResident(tx, linked.id, phoneFields, now));
      user = { ...linked, ...phoneFields };
    }
  }
  if (user) {
    await refuseStaff(ctx, user.id, fail);
    if (!user.residentId && record) {
      // A login made before staff registered the phone was named 居民1234: it takes the registry name.
      const displayName = /^居民\d{4}$/.test(user.displayName) ? record.name : user.displayName;
      const u = user;
      await ctx.db.transaction(async (tx) => {
        await setUserPhoneAndResident(tx, u.id, { residentId: record.id, displayName }, now);
        await linkAudit(ctx, tx, u.id, record, displayName);
      });
      user = { ...user, residentId: record.id, displayName };
    }
    return user;
  }

  const id = ctx.ids();
  const row = {
    id,
    username: `r${id.replace(/-/g, '').slice(-10)}`,
    displayName: record?.name ?? `居民${phone.slice(-4)}`,
    passwordHash: NO_PASSWORD,
    ...phoneFields,
    residentId: record?.id ?? null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await ctx.db.transaction(async (tx) => {
      await insertResidentUser(tx, row);
      await writeAudit(
        tx,
        { ...ctx, actor: { userId: id, displayName: row.displayName } },
        {
          action: 'auth.sms_account_create',
          entityType: 'user',
          entityId: id,
          after: { username: row.username, phoneMask: row.phoneMask, linked: !!record },
        },
      );
      if (record) await linkAudit(ctx, tx, id, record, row.displayName);
    });
  } catch (err) {
    // The same phone's first login twice at once: the other request made the login.
    if (!isUniqueViolation(err, 'users_phone_hash_uq')) throw err;
    const other = await userByPhoneHash(ctx.db, phoneHash);
    if (!other) throw err;
    return other;
  }
  return (await userRowById(ctx.db, id))!;
}

/** Links the login to its registry record: the resident role at the record's community, audited there. */
async function linkAudit(
  ctx: UseCaseCtx,
  tx: Db,
  userId: string,
  record: { id: string; communityId: string },
  displayName: string,
) {
  const community = await unitById(tx, record.communityId);
  if (community)
    await addResidentRole(tx, {
      id: ctx.ids(),
      userId,
      role: 'resident',
      orgUnitId: community.id,
      createdAt: ctx.clock.now(),
    });
  await writeAudit(
    tx,
    { ...ctx, actor: { userId, displayName } },
    {
      action: 'auth.sms_link',
      entityType: 'user',
      entityId: userId,
      orgPath: community?.path ?? null,
      after: { residentId: record.id, communityId: record.communityId },
    },
  );
}
