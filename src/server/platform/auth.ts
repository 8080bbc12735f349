import { createHash, randomBytes } from 'node:crypto';
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { pickLocale } from '../../shared/i18n/errors';
import { type Role, twoFactorRequiredFor } from '../../shared/permissions';
import { sessions, userRoles, users } from '../modules/accounts/accounts.table';
import { orgUnits } from '../modules/org/org.table';
import type { AppDeps } from './context';
import { type Db, executePrepared, rowsOf } from './db';
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

type RoleRow = { role: string; orgUnitId: string | null; path: string | null; name: string | null };

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
  return actorFrom(user, roles);
}

function actorFrom(
  user: { id: string; username: string; displayName: string; locale: string },
  roles: RoleRow[],
): Actor {
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
 * A session with its user, second factor and roles, in one statement: every authenticated request
 * starts with it, so it is one round trip, not two. The statement lives in the database as the function
 * `session_of` (migrations/0052): PL/pgSQL keeps its plan per connection, where a plain statement was
 * planned on every request, and the call is a prepared statement (`executePrepared`) on PostgreSQL (times
 * come back as epoch milliseconds, a number on both drivers).
 */
async function sessionOf(db: Db, id: string) {
  const [row] = rowsOf<{
    csrf_token: string;
    last_seen_at: number;
    expires_at: number;
    id: string;
    username: string;
    display_name: string;
    locale: string;
    active: boolean;
    is_demo: boolean;
    enabled_at: number | null;
    roles: [string, string | null, string | null, string | null][] | string;
  }>(await executePrepared(db, 'session_of', sql`select * from session_of(${id})`));
  if (!row) return null;
  const roles = typeof row.roles === 'string' ? JSON.parse(row.roles) : row.roles;
  const user = { id: row.id, username: row.username, displayName: row.display_name, locale: row.locale };
  return {
    csrfToken: row.csrf_token,
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
    active: row.active,
    isDemo: row.is_demo,
    twoFactorEnabledAt: row.enabled_at === null ? null : new Date(row.enabled_at),
    actor: actorFrom(
      user,
      roles.map(
        ([role, orgUnitId, path, name]: RoleRow[keyof RoleRow][]) =>
          ({ role, orgUnitId, path, name }) as RoleRow,
      ),
    ),
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
    const s = await sessionOf(deps.db, id);
    if (!s) return;
    const now = deps.clock.now();
    const idleLimit = deps.config.sessionIdleMinutes * 60_000;
    if (s.expiresAt <= now || now.getTime() - s.lastSeenAt.getTime() > idleLimit) {
      await deps.db.delete(sessions).where(eq(sessions.id, id));
      return;
    }
    if (!s.active) return;
    const actor = s.actor;
    request.actor = actor;
    const twoFactor = twoFactorStateOf(
      s,
      actor.assignments.map((a) => a.role),
      s.twoFactorEnabledAt,
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
