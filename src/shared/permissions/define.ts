import type { Role } from './roles';

/**
 * A module's contribution to the permission list: its permissions (`<module>.<action>`) and which
 * built-in roles hold which of them. `platform_admin` holds every permission and is never listed.
 * The module's server registry entry (`defineModule({ access })`) and the central list in
 * `shared/permissions.ts` both read it.
 */
export interface ModuleAccess<P extends string = string> {
  permissions: readonly P[];
  grants: Partial<Record<Exclude<Role, 'platform_admin'>, readonly P[]>>;
}

export function defineAccess<const P extends string>(access: ModuleAccess<P>): ModuleAccess<P> {
  return access;
}
