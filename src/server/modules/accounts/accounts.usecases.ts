import type { z } from 'zod';
import type { createUserBody, updateUserBody } from '../../../shared/contracts/accounts';
import { PERMISSIONS, ROLE_UNIT_KINDS, type Role, roleHas } from '../../../shared/permissions';
import { auditFailure, writeAudit } from '../../platform/audit';
import {
  LOCK_MINUTES,
  type TwoFactorState,
  destroyUserSessions,
  hashPassword,
  loadActor,
  passwordProblem,
  verifyPassword,
} from '../../platform/auth';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import { type Db, isUniqueViolation } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { unitById, unitsByIds } from '../org/org.api';
import { accountsPolicy, mayManageAccount } from './accounts.policy';
import {
  type UserRow,
  deleteRoles,
  findUserRow,
  insertRoles,
  insertUser,
  listUserRows,
  ownUserRow,
  rolesOfUsers,
  updateUserRow,
  userRowByUsername,
  usernameExists,
  usersWithTwoFactor,
} from './accounts.repository';
import {
  completeLogin,
  countFailedAttempt,
  isTwoFactorEnabled,
  removeSecondFactor,
  startChallenge,
} from './accounts.twoFactor';

let dummyHash: Promise<string> | undefined;

export async function login(
  ctx: UseCaseCtx,
  username: string,
  password: string,
  meta: { userAgent?: string },
) {
  const user = await userRowByUsername(ctx.db, username);
  const now = ctx.clock.now();
  const fail = async (code: string, params: Record<string, unknown> = {}, status = 401) => {
    await auditFailure(ctx.db, ctx, {
      action: 'auth.login',
      entityType: 'user',
      entityId: user?.id ?? null,
      after: { username, reason: code },
    });
    return new AppError(code, status, params);
  };
  if (!user) {
    // Spend the same time as a real check so usernames cannot be probed by timing.
    dummyHash ??= hashPassword('linli-timing-equaliser');
    await verifyPassword(await dummyHash, password);
    throw await fail('auth.invalid_credentials');
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    throw await fail(
      'auth.locked',
      { minutes: Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000) },
      423,
    );
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    if (await countFailedAttempt(ctx, user.id))
      throw await fail('auth.locked', { minutes: LOCK_MINUTES }, 423);
    throw await fail('auth.invalid_credentials');
  }
  // Only someone who knows the password learns that the account is disabled.
  if (!user.active) throw await fail('auth.disabled', {}, 403);
  // A second factor set up: no session until the code (POST /api/auth/login/totp).
  if (await isTwoFactorEnabled(ctx.db, user.id)) return startChallenge(ctx, user);
  // A role that requires one but none set up yet: the session is limited to enrolment (platform/auth.ts).
  return completeLogin(ctx, user, meta, undefined);
}

export function meOf(actor: Actor, session: { csrfToken: string; twoFactor: TwoFactorState }) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    locale: (actor.locale === 'en' ? 'en' : 'zh-CN') as 'zh-CN' | 'en',
    assignments: actor.assignments.map((a) => ({
      role: a.role,
      orgUnitId: a.orgUnitId,
      orgUnitName: a.orgUnitName,
    })),
    permissions: PERMISSIONS.filter((p) => actor.assignments.some((a) => roleHas(a.role, p))),
    csrfToken: session.csrfToken,
    twoFactor: session.twoFactor,
  };
}

export async function updateMe(ctx: ActorCtx, input: { locale?: 'zh-CN' | 'en'; displayName?: string }) {
  await ctx.db.transaction(async (tx) => {
    await updateUserRow(tx, ctx.actor.userId, { ...input, updatedAt: ctx.clock.now() });
    await writeAudit(tx, ctx, {
      action: 'users.update_self',
      entityType: 'user',
      entityId: ctx.actor.userId,
      after: input,
    });
  });
  return (await loadActor(ctx.db, ctx.actor.userId))!;
}

export async function changePassword(ctx: ActorCtx, sessionId: string, current: string, next: string) {
  const user = await ownUserRow(ctx.db, ctx.actor);
  if (!user || !(await verifyPassword(user.passwordHash, current))) {
    throw new AppError(
      'auth.wrong_password',
      422,
      {},
      { fields: [{ path: 'currentPassword', code: 'auth.wrong_password' }] },
    );
  }
  const problem = passwordProblem(user.username, next);
  if (problem) throw new AppError(problem, 422, {}, { fields: [{ path: 'newPassword', code: problem }] });
  const passwordHash = await hashPassword(next);
  await ctx.db.transaction(async (tx) => {
    await updateUserRow(tx, user.id, { passwordHash, updatedAt: ctx.clock.now() });
    await destroyUserSessions(tx, user.id, sessionId);
    await writeAudit(tx, ctx, { action: 'users.change_password', entityType: 'user', entityId: user.id });
  });
}

type RoleInput = { role: Role; orgUnitId: string | null };

/** Stores the user's roles as given, each a new row made `now`. */
function insertRoleRows(tx: Db, ctx: ActorCtx, userId: string, roles: RoleInput[], now: Date) {
  return insertRoles(
    tx,
    roles.map((r) => ({ id: ctx.ids(), userId, role: r.role, orgUnitId: r.orgUnitId, createdAt: now })),
  );
}

/** The actor may hand out a role only inside their own users.write scope and at the level the role belongs to. */
async function checkRoles(ctx: ActorCtx, roles: RoleInput[]) {
  const ids = roles.map((r) => r.orgUnitId).filter((x): x is string => !!x);
  const units = ids.length ? await unitsByIds(ctx.db, ids) : [];
  for (const r of roles) {
    if (r.orgUnitId === null) {
      if (r.role !== 'platform_admin' || !accountsPolicy.can(ctx.actor, 'write', { path: '/' })) {
        throw new AppError('users.role_unit_kind', 422, { role: r.role });
      }
      continue;
    }
    const unit = units.find((u) => u.id === r.orgUnitId);
    if (!unit || !accountsPolicy.can(ctx.actor, 'write', { path: unit.path }))
      throw new AppError('users.not_in_scope', 403);
    if (!ROLE_UNIT_KINDS[r.role].includes(unit.kind))
      throw new AppError('users.role_unit_kind', 422, { role: r.role });
  }
}

async function userDtos(ctx: ActorCtx, rows: UserRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const roles = await rolesOfUsers(ctx.db, ids);
  const enrolled = await usersWithTwoFactor(ctx.db, ids);
  const now = ctx.clock.now();
  return rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    title: u.title,
    active: u.active,
    locked: !!u.lockedUntil && u.lockedUntil > now,
    lastLoginAt: u.lastLoginAt,
    demo: u.isDemo,
    twoFactorEnabled: enrolled.has(u.id),
    assignments: roles
      .filter((r) => r.userId === u.id)
      .map((r) => ({ role: r.role as Role, orgUnitId: r.orgUnitId, orgUnitName: r.name })),
  }));
}

export async function listUsers(ctx: ActorCtx, q: { q?: string; page: number; pageSize: number }) {
  accountsPolicy.require(ctx.actor, 'read');
  const page = await listUserRows(ctx.db, ctx.actor, 'read', q);
  return { ...page, items: await userDtos(ctx, page.items) };
}

async function findUser(ctx: ActorCtx, id: string) {
  const user = await findUserRow(ctx.db, ctx.actor, 'read', id);
  if (!user) throw notFound();
  return user;
}

export async function getUser(ctx: ActorCtx, id: string) {
  accountsPolicy.require(ctx.actor, 'read');
  return (await userDtos(ctx, [await findUser(ctx, id)]))[0]!;
}

export async function createUser(ctx: ActorCtx, input: z.infer<typeof createUserBody>) {
  accountsPolicy.require(ctx.actor, 'write');
  await checkRoles(ctx, input.roles);
  const problem = passwordProblem(input.username, input.password);
  if (problem) throw new AppError(problem, 422, {}, { fields: [{ path: 'password', code: problem }] });
  if (await usernameExists(ctx.db, input.username)) throw usernameTaken(input.username);
  const passwordHash = await hashPassword(input.password);
  const id = ctx.ids();
  const now = ctx.clock.now();
  const orgPath = await firstRolePath(ctx, input.roles);
  await ctx.db
    .transaction(async (tx) => {
      await insertUser(tx, {
        id,
        username: input.username,
        displayName: input.displayName,
        title: input.title ?? null,
        passwordHash,
        createdAt: now,
        updatedAt: now,
      });
      await insertRoleRows(tx, ctx, id, input.roles, now);
      await writeAudit(tx, ctx, {
        action: 'users.create',
        entityType: 'user',
        entityId: id,
        orgPath,
        after: { username: input.username, displayName: input.displayName, roles: input.roles },
      });
    })
    .catch((err) => {
      if (isUniqueViolation(err, 'users_username_uq')) throw usernameTaken(input.username);
      throw err;
    });
  return getUser(ctx, id);
}

const usernameTaken = (username: string) =>
  new AppError(
    'users.username_taken',
    409,
    { username },
    { fields: [{ path: 'username', code: 'users.username_taken' }] },
  );

/** The org path audit entries about an account are filed under: its first role's unit. */
async function firstRolePath(ctx: ActorCtx, roles: { orgUnitId: string | null }[]): Promise<string | null> {
  const unitId = roles.find((r) => r.orgUnitId)?.orgUnitId;
  if (!unitId) return null;
  return (await unitById(ctx.db, unitId))?.path ?? null;
}

/** A role's unit path for the policy: '/' for a role without a unit (or whose unit is gone). */
const rolePath = (r: { orgUnitId: string | null; path: string | null }) =>
  r.orgUnitId === null ? '/' : (r.path ?? '/');

/**
 * Changing an account (password, activation, roles…) needs every role the target holds to lie inside the
 * actor's users.write scope, so nobody takes over an account whose reach exceeds their own.
 */
async function findWritableUser(ctx: ActorCtx, id: string) {
  const user = await findUser(ctx, id);
  const roles = await rolesOfUsers(ctx.db, [id]);
  if (!mayManageAccount(ctx.actor, roles.map(rolePath))) throw new AppError('users.not_in_scope', 403);
  return user;
}

export async function updateUser(ctx: ActorCtx, id: string, input: z.infer<typeof updateUserBody>) {
  accountsPolicy.require(ctx.actor, 'write');
  const user = await findWritableUser(ctx, id);
  if (input.roles) await checkRoles(ctx, input.roles);
  if (input.password !== undefined) {
    const problem = passwordProblem(user.username, input.password);
    if (problem) throw new AppError(problem, 422, {}, { fields: [{ path: 'password', code: problem }] });
  }
  const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
  const now = ctx.clock.now();
  const orgPath = await firstRolePath(ctx, input.roles ?? (await rolesOfUsers(ctx.db, [id])));
  await ctx.db.transaction(async (tx) => {
    await updateUserRow(tx, id, {
      ...(input.displayName !== undefined && { displayName: input.displayName }),
      ...(input.title !== undefined && { title: input.title }),
      ...(input.active !== undefined && { active: input.active }),
      ...(passwordHash && { passwordHash }),
      ...(input.unlock && { lockedUntil: null, failedLogins: 0 }),
      updatedAt: now,
    });
    if (input.roles) {
      // Roles outside the actor's scope are kept; the ones inside are replaced.
      const existing = await rolesOfUsers(tx, [id]);
      const mine = existing.filter((r) =>
        accountsPolicy.can(ctx.actor, 'write', { path: r.orgUnitId === null ? '/' : (r.path ?? '') }),
      );
      await deleteRoles(
        tx,
        mine.map((r) => r.id),
      );
      await insertRoleRows(tx, ctx, id, input.roles, now);
    }
    // A lost phone: the second factor goes, and so do the sessions it let in.
    if (input.resetTwoFactor) await removeSecondFactor(tx, id);
    if (input.active === false || passwordHash || input.resetTwoFactor) await destroyUserSessions(tx, id);
    await writeAudit(tx, ctx, {
      action: 'users.update',
      entityType: 'user',
      entityId: id,
      orgPath,
      before: { displayName: user.displayName, active: user.active },
      after: { ...input, password: input.password ? '[changed]' : undefined },
    });
  });
  return getUser(ctx, id);
}
