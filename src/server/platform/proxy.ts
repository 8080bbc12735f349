/**
 * 帮办代办 (seed 003 task 16): one piece for every module where staff or a volunteer acts for a resident.
 *
 * - Columns: `...proxyColumns()` in a module's table spells the same four columns everywhere: the principal's
 *   registry id (never their name or phone: R-LAW-PI-1), the acting user and their name, the consent (jsonb).
 * - `resolveProxy` checks a form's `proxy` block: the consent must be noted (422 otherwise), the principal must
 *   be a live registry record inside the actor's scope for the module's permission (404 otherwise, the same
 *   answer as for an unknown id), and an actor acting only as a volunteer may act where the module allows it.
 *   It answers the column values, the principal's unit, and the `proxy` object for the audit entry's `after`.
 * - `proxyInfos` turns stored columns back into the DTO (the principal's name read from the registry when shown).
 */
import type { StoredConsent } from './columns';
import type { ConsentMethod, ProxyBody, ProxyConsent, ProxyInfo } from '../../shared/contracts/proxy';
import type { Permission } from '../../shared/permissions';
import { liveResidentBrief, residentNamesByIds } from '../modules/residents/residents.api';
import type { ActorCtx } from './context';
import type { Db } from './db';
import { AppError } from './errors';
import { isUuid } from './ids';
import { type Actor, inScope, scopePaths } from './permissions';

export { proxyColumns, type StoredConsent } from './columns';

export interface ProxyValues {
  principalResidentId: string | null;
  proxyUserId: string | null;
  proxyName: string | null;
  proxyConsent: StoredConsent | null;
}

export const NO_PROXY: ProxyValues = {
  principalResidentId: null,
  proxyUserId: null,
  proxyName: null,
  proxyConsent: null,
};

export interface ResolvedProxy {
  values: ProxyValues & { principalResidentId: string; proxyConsent: StoredConsent };
  principal: { id: string; name: string; orgUnitId: string; orgPath: string; communityId: string };
  /** For the audit entry's `after`: who for whom, and how they agreed (no personal data of the principal). */
  audit: {
    principalResidentId: string;
    proxyUserId: string;
    proxyName: string;
    consentMethod: ConsentMethod;
    consentAt: string;
  };
}

export interface ProxyRules {
  /** The module's permissions that let staff act for a resident; the actor's scope for any of them must cover the principal. */
  permissions: readonly Permission[];
  /** Whether a volunteer (role `volunteer`) may act for residents in this module. */
  volunteers: boolean;
}

/** The actor with only the role assignments that may act for others here: never as a resident, as a volunteer only where allowed. */
function actingAs(actor: Actor, rules: ProxyRules): Actor {
  return {
    ...actor,
    assignments: actor.assignments.filter(
      (a) => a.role !== 'resident' && (rules.volunteers || a.role !== 'volunteer'),
    ),
  };
}

/** Whether the actor may act for residents at all in this module (the form shows the proxy fields then). */
export function mayActForOthers(actor: Actor, rules: ProxyRules): boolean {
  const a = actingAs(actor, rules);
  return rules.permissions.some((p) => scopePaths(a, p).length > 0);
}

/**
 * Checks a `proxy` block and answers what to store; undefined when the form acts for nobody. Order: the
 * principal first (404 for an unknown or out-of-scope id, so nobody probes the registry), then the consent.
 */
export async function resolveProxy(
  ctx: ActorCtx,
  body: ProxyBody | null | undefined,
  rules: ProxyRules,
): Promise<ResolvedProxy | undefined> {
  if (!body) return undefined;
  const acting = actingAs(ctx.actor, rules);
  if (!mayActForOthers(ctx.actor, rules)) {
    const onlyVolunteer = ctx.actor.assignments.some((a) => a.role === 'volunteer') && !rules.volunteers;
    throw new AppError(onlyVolunteer ? 'common.proxy_volunteer_not_allowed' : 'common.forbidden', 403);
  }
  const principal = isUuid(body.principalResidentId)
    ? await liveResidentBrief(ctx.db, body.principalResidentId)
    : undefined;
  if (!principal || !rules.permissions.some((p) => inScope(acting, p, principal.orgPath)))
    throw new AppError('common.proxy_principal_not_found', 404);
  if (!body.consent) throw new AppError('common.proxy_consent_required', 422);
  const at = body.consent.at ?? ctx.clock.now();
  if (at.getTime() > ctx.clock.now().getTime() + 5 * 60_000)
    throw new AppError('common.proxy_consent_future', 422);
  const consent: StoredConsent = {
    method: body.consent.method,
    note: body.consent.note || null,
    attachmentRef: body.consent.attachmentRef || null,
    at: at.toISOString(),
  };
  return {
    values: {
      principalResidentId: principal.id,
      proxyUserId: ctx.actor.userId,
      proxyName: ctx.actor.displayName,
      proxyConsent: consent,
    },
    principal,
    audit: {
      principalResidentId: principal.id,
      proxyUserId: ctx.actor.userId,
      proxyName: ctx.actor.displayName,
      consentMethod: consent.method,
      consentAt: consent.at,
    },
  };
}

export function consentOf(stored: StoredConsent): ProxyConsent {
  return {
    method: stored.method,
    note: stored.note,
    attachmentRef: stored.attachmentRef,
    at: new Date(stored.at),
  };
}

/** The `proxy` DTO of each row made on someone's behalf (null for the others), principals' names read in one query. */
export async function proxyInfos<R extends ProxyValues>(
  db: Db,
  rows: readonly R[],
): Promise<(ProxyInfo | null)[]> {
  const ids = rows.map((r) => r.principalResidentId).filter((x): x is string => !!x);
  const names = await residentNamesByIds(db, ids);
  return rows.map((r) =>
    r.principalResidentId && r.proxyConsent
      ? {
          principalResidentId: r.principalResidentId,
          principalName: names.get(r.principalResidentId) ?? null,
          proxyUserId: r.proxyUserId,
          proxyName: r.proxyName ?? '',
          consent: consentOf(r.proxyConsent),
        }
      : null,
  );
}

export async function proxyInfo<R extends ProxyValues>(db: Db, row: R): Promise<ProxyInfo | null> {
  return (await proxyInfos(db, [row]))[0] ?? null;
}

/** 张三丰 → 张*丰, 李四 → 李*: what a record stores where its own column wants a name (never the name in clear). */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}
