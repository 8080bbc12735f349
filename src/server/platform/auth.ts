import { createHash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pickLocale } from '../../shared/i18n/errors';
import { type Role, twoFactorRequiredFor } from '../../shared/permissions';
import { sessions, userRoles, userTwoFactor, users } from '../modules/accounts/accounts.table';
import { orgUnits } from '../modules/org/org.table';
import type { AppDeps } from './context';
import type { Db } from './db';
import { AppError } from './errors';
import type { Actor } from './permissions';

export const SESSION_COOKIE = 'linli_sid';
export const CSRF_HEADER = 'x-csrf-token';
export const MAX_FAILED_LOGINS = 5;
export const LOCK_MINUTES = 15;
export const SESSION_ABSOLUTE_HOURS = 12;

// argon2id with OWASP's second recommended profile (19 MiB, t=2).
const ARGON = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argonHash(password, ARGON);
}
export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return argonVerify(hash, password).catch(() => false);
}

/** Min length 10, not equal to the username (issue 2 §3). */
export function passwordProblem(username: string, password: string): string | null {
  if (password.length < 10) return 'auth.weak_password';
  if (password.trim().toLowerCase() === username.trim().toLowerCase()) return 'auth.weak_password';
  return null;
}

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Db,
  deps: Pick<AppDeps, 'clock'>,
  userId: string,
  meta: { ip?: string; userAgent?: string },
) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = deps.clock.now();
  await db.insert(sessions).values({
    id: tokenHash(token),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3600_000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, csrfToken };
}

export async function loadActor(db: Db, userId: string): Promise<Actor | null> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  return user?.active ? actorOf(db, user) : null;
}

async function actorOf(db: Db, user: typeof users.$inferSelect): Promise<Actor> {
  const roles = await db
    .select({
      role: userRoles.role,
      orgUnitId: userRoles.orgUnitId,
      path: orgUnits.path,
      name: orgUnits.name,
    })
    .from(userRoles)
    .leftJoin(orgUnits, eq(orgUnits.id, userRoles.orgUnitId))
    .where(eq(userRoles.userId, user.id));
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    locale: user.locale,
    assignments: roles
      .filter((r) => r.orgUnitId === null || r.path !== null)
      .map((r) => ({
        role: r.role as Role,
        orgUnitId: r.orgUnitId,
        orgPath: r.orgUnitId === null ? '/' : r.path!,
        orgUnitName: r.name,
      })),
  };
}

/**
 * The session cookie's options. Secure when the request came over HTTPS (X-Forwarded-Proto counts only
 * from a trusted proxy, TRUST_PROXY_HOPS >= 1) and always when PUBLIC_URL is an https address.
 */
export function sessionCookieOptions(request: FastifyRequest, config: { publicUrl?: string }) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https' || /^https:\/\//i.test(config.publicUrl ?? ''),
  };
}

/** Logins of residents, volunteers and redemption counters; any other role is staff. */
const NON_STAFF_ROLES: ReadonlySet<Role> = new Set<Role>(['resident', 'volunteer', 'merchant']);

/** Whether the actor holds at least one staff role. */
export function isStaff(actor: Actor | undefined): boolean {
  return !!actor?.assignments.some((a) => !NON_STAFF_ROLES.has(a.role));
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface TwoFactorState {
  required: boolean;
  enabled: boolean;
  /** Required but not set up: the session may only enrol. */
  enrolmentRequired: boolean;
}

export function twoFactorStateOf(
  user: { isDemo: boolean },
  roles: readonly Role[],
  enabledAt: Date | null | undefined,
): TwoFactorState {
  const required = twoFactorRequiredFor(roles, user.isDemo);
  const enabled = !!enabledAt;
  return { required, enabled, enrolmentRequired: required && !enabled };
}

/** What a session whose user must still enrol a second factor may call: who am I, log out, enrol. */
const ENROLMENT_ONLY_PATHS =
  /^\/api\/(auth\/(me|logout|login|login\/totp|two-factor(\/[a-z-]+)?)|config|health)$/;

/**
 * Reads the session cookie on every request, applies idle expiry, and checks the CSRF header on
 * cookie-authenticated writes (double submit bound to the session).
 */
export function registerAuth(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('session', undefined);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (request) => {
    request.locale = pickLocale(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const id = tokenHash(token);
    const [row] = await deps.db
      .select()
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .leftJoin(userTwoFactor, eq(userTwoFactor.userId, sessions.userId))
      .where(eq(sessions.id, id));
    if (!row) return;
    const s = row.sessions;
    const now = deps.clock.now();
    const idleLimit = deps.config.sessionIdleMinutes * 60_000;
    if (s.expiresAt <= now || now.getTime() - s.lastSeenAt.getTime() > idleLimit) {
      await deps.db.delete(sessions).where(eq(sessions.id, id));
      return;
    }
    if (!row.users.active) return;
    const actor = await actorOf(deps.db, row.users);
    request.actor = actor;
    const twoFactor = twoFactorStateOf(
      row.users,
      actor.assignments.map((a) => a.role),
      row.user_two_factor?.enabledAt,
    );
    request.session = { id, csrfToken: s.csrfToken, twoFactor };
    request.locale = pickLocale(request.headers['accept-language'], actor.locale);
    if (now.getTime() - s.lastSeenAt.getTime() > 30_000) {
      await deps.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
    }
    if (UNSAFE.has(request.method) && request.headers[CSRF_HEADER] !== s.csrfToken) {
      throw new AppError('common.csrf', 403);
    }
    // A role that requires two-factor login, not yet enrolled: nothing but enrolment until it is done.
    const path = request.url.split('?')[0] ?? '';
    if (twoFactor.enrolmentRequired && path.startsWith('/api/') && !ENROLMENT_ONLY_PATHS.test(path)) {
      throw new AppError('accounts.two_factor_enrolment_required', 403);
    }
  });
}

export async function destroySession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function destroyUserSessions(db: Db, userId: string, exceptId?: string) {
  await db
    .delete(sessions)
    .where(
      exceptId
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptId}`)
        : eq(sessions.userId, userId),
    );
}
