/**
 * The one list of permissions and the built-in role → permissions table (DESIGN convention 4), put
 * together from each module's own contribution in `shared/permissions/<module>.ts`: adding a module's
 * permissions is one line in `MODULE_ACCESS`. A role is assigned to a user at an org unit; the
 * permissions apply within that unit's subtree.
 */
import type { ModuleAccess } from './permissions/define';
import { accountsAccess } from './permissions/accounts';
import { auditAccess } from './permissions/audit';
import { calendarAccess } from './permissions/calendar';
import { ledgerAccess } from './permissions/ledger';
import { merchantsAccess } from './permissions/merchants';
import { notificationsAccess } from './permissions/notifications';
import { open311Access } from './permissions/open311';
import { orgAccess } from './permissions/org';
import { peopleAccess } from './permissions/people';
import { projectsAccess } from './permissions/projects';
import { reportsAccess } from './permissions/reports';
import { residentsAccess } from './permissions/residents';
import { type Role, ROLES } from './permissions/roles';
import { servicesAccess } from './permissions/services';
import { disputesAccess } from './permissions/disputes';
import { keyTasksAccess } from './permissions/key-tasks';
import { scheduledReportsAccess } from './permissions/scheduled-reports';
import { workItemAccessAccess } from './permissions/work-item-access';
import { certificatesAccess } from './permissions/certificates';
import { facilitiesAccess } from './permissions/facilities';
import { careAccess } from './permissions/care';
import { propertyAccess } from './permissions/property';
import { selfGovernanceAccess } from './permissions/self-governance';
import { socialOrgsAccess } from './permissions/social-orgs';
import { volunteersAccess } from './permissions/volunteers';
import { workOrdersAccess } from './permissions/work-orders';
import { assessmentsAccess } from './permissions/assessments';
import { participationAccess } from './permissions/participation';
import { surveysAccess } from './permissions/surveys';

export { ROLES, type Role };

/** Every module's permissions: one line per module. */
const MODULE_ACCESS = [
  orgAccess,
  residentsAccess,
  peopleAccess,
  accountsAccess,
  auditAccess,
  reportsAccess,
  calendarAccess,
  workOrdersAccess,
  open311Access,
  volunteersAccess,
  servicesAccess,
  ledgerAccess,
  merchantsAccess,
  notificationsAccess,
  projectsAccess,
  disputesAccess,
  assessmentsAccess,
  participationAccess,
  keyTasksAccess,
  workItemAccessAccess,
  certificatesAccess,
  facilitiesAccess,
  careAccess,
  surveysAccess,
  scheduledReportsAccess,
  propertyAccess,
  selfGovernanceAccess,
  socialOrgsAccess,
] as const;

type PermissionOf<A> = A extends ModuleAccess<infer P> ? P : never;
export type Permission = PermissionOf<(typeof MODULE_ACCESS)[number]>;

export const PERMISSIONS = MODULE_ACCESS.flatMap((m) => m.permissions) as readonly Permission[] as readonly [
  Permission,
  ...Permission[],
];

/**
 * Roles whose accounts log in with a second factor (TOTP): GB/T 22239-2019 level 3, 身份鉴别, asks
 * administrators for two combined authentication techniques. Other users may turn it on.
 */
export const TWO_FACTOR_ROLES: readonly Role[] = ['platform_admin', 'civil_affairs'];

/** Whether an account must use two-factor login; the demo seed's shared accounts are exempt. */
export function twoFactorRequiredFor(roles: readonly Role[], isDemo: boolean): boolean {
  return !isDemo && roles.some((r) => TWO_FACTOR_ROLES.includes(r));
}

/** Role → permissions, from the modules' grants; `platform_admin` holds them all. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = Object.fromEntries(
  ROLES.map((role) => [
    role,
    role === 'platform_admin'
      ? PERMISSIONS
      : MODULE_ACCESS.flatMap((m) => (m.grants as Partial<Record<Role, readonly Permission[]>>)[role] ?? []),
  ]),
) as unknown as Record<Role, readonly Permission[]>;

/** Which org-unit kinds a role may be assigned at. platform_admin is assigned with no unit: the whole platform. */
export const ROLE_UNIT_KINDS: Record<Role, readonly string[]> = {
  platform_admin: [],
  civil_affairs: ['city', 'district'],
  subdistrict_admin: ['subdistrict'],
  dispatcher: ['subdistrict'],
  community_secretary: ['community'],
  community_worker: ['community'],
  grid_worker: ['grid'],
  evaluator: ['city', 'district', 'subdistrict', 'community'],
  resident: ['community', 'grid', 'compound', 'building', 'household'],
  volunteer: ['community', 'grid', 'compound', 'building', 'household'],
  merchant: ['community'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
