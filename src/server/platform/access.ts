import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import type { Permission } from '../../shared/permissions';
import { isStaff } from './auth';
import { AppError } from './errors';
import { can, scopePaths } from './permissions';

/**
 * Who may call a route, declared in its options (`config: { access: access.permission('…') }`) and
 * enforced centrally before validation (`registerAccessGate`): the coarse gate. Use cases still call
 * `requirePermission`/`scopeWhere` for the per-unit rules (out of scope → 404).
 *
 * - `public`: anyone, no session needed (logins, Open311, public pages).
 * - `session`: any logged-in user (their own account, their own records).
 * - `staff`: any logged-in user holding a staff role (not only resident/volunteer/merchant).
 * - `{ permission }`: the actor holds the permission at some unit.
 * - `{ anyOf }`: the actor holds one of the permissions at some unit.
 * - `{ platform }`: the actor holds the permission for the whole platform (no unit), e.g. verifying the
 *   audit chain of every unit.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'session' }
  | { kind: 'staff' }
  | { kind: 'permission'; permission: Permission }
  | { kind: 'anyOf'; permissions: readonly Permission[] }
  | { kind: 'platform'; permission: Permission };

export const access = {
  public: { kind: 'public' } as Access,
  session: { kind: 'session' } as Access,
  staff: { kind: 'staff' } as Access,
  permission: (permission: Permission): Access => ({ kind: 'permission', permission }),
  anyOf: (...permissions: Permission[]): Access => ({ kind: 'anyOf', permissions }),
  platform: (permission: Permission): Access => ({ kind: 'platform', permission }),
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call this route (platform/access.ts); required on every route under /api. */
    access?: Access;
  }
}

/** The permissions a route's access requires (one of them), or null for public/session/staff. */
export function accessPermissions(a: Access): readonly Permission[] | null {
  if (a.kind === 'permission' || a.kind === 'platform') return [a.permission];
  if (a.kind === 'anyOf') return a.permissions;
  return null;
}

/** Whether an actor passes a route's coarse gate (holds the permission somewhere). */
export function accessAllows(a: Access, actor: FastifyRequest['actor']): boolean {
  if (a.kind === 'public') return true;
  if (!actor) return false;
  if (a.kind === 'session') return true;
  if (a.kind === 'staff') return isStaff(actor);
  if (a.kind === 'platform') return scopePaths(actor, a.permission).includes('/');
  return (accessPermissions(a) ?? []).some((p) => can(actor, p));
}

export function accessOfRoute(route: Pick<RouteOptions, 'config'>): Access | undefined {
  return (route.config as { access?: Access } | undefined)?.access;
}

const needsDeclaration = (url: string) => url === '/api' || url.startsWith('/api/');

/**
 * Call before any route is registered: every route under /api must declare its access (buildApp
 * throws otherwise), and every request is checked against the declaration before its body and query
 * are validated: 401 without a session, 403 when the actor holds the permission at no unit.
 * `defaults` gives access to routes registered by plugins (the API docs), by path prefix.
 */
export function registerAccessGate(
  app: FastifyInstance,
  defaults: { prefix: string; access: Access }[] = [],
) {
  app.addHook('onRoute', (route) => {
    if (accessOfRoute(route)) return;
    const fallback = defaults.find((d) => route.url.startsWith(d.prefix));
    if (fallback) {
      route.config = { ...(route.config ?? {}), access: fallback.access } as typeof route.config;
      return;
    }
    if (needsDeclaration(route.url)) {
      throw new Error(
        `route ${route.method} ${route.url} declares no access: add config: { access: access.… } (platform/access.ts)`,
      );
    }
  });
  // preValidation: after the session (onRequest) and body parsing — a body that cannot be parsed at all is
  // a 400 for anyone, revealing nothing — and before schema validation, so a caller without access learns
  // nothing from field errors either.
  app.addHook('preValidation', async (request) => {
    const a = accessOfRoute(request.routeOptions);
    if (!a || a.kind === 'public') return;
    if (!request.actor) throw new AppError('common.unauthenticated', 401);
    if (!accessAllows(a, request.actor)) {
      const permission = a.kind === 'permission' || a.kind === 'platform' ? a.permission : undefined;
      throw new AppError('common.forbidden', 403, {}, permission ? { permission } : undefined);
    }
  });
}
