/**
 * The one list of permissions and the built-in role → permissions table (DESIGN convention 4).
 * A role is assigned to a user at an org unit; the permissions apply within that unit's subtree.
 */
export const PERMISSIONS = [
  'org.read',
  'org.write',
  'residents.read',
  'residents.write',
  'residents.reveal',
  'residents.import',
  'residents.export',
  'people.read',
  'people.write',
  'users.read',
  'users.write',
  'audit.read',
  'reports.read',
  'calendar.write',
  'work_orders.read',
  'work_orders.intake',
  'work_orders.dispatch',
  'work_orders.handle',
  'work_orders.follow_up',
  'work_orders.supervise',
  'work_orders.report',
  'open311.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = [
  'platform_admin',
  'civil_affairs',
  'subdistrict_admin',
  'dispatcher',
  'community_secretary',
  'community_worker',
  'grid_worker',
  'evaluator',
  'resident',
] as const;
export type Role = (typeof ROLES)[number];

const ALL: readonly Permission[] = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  platform_admin: ALL,
  civil_affairs: [
    'org.read',
    'org.write',
    'residents.read',
    'people.read',
    'users.read',
    'audit.read',
    'reports.read',
    'calendar.write',
    'work_orders.read',
    'work_orders.supervise',
    'open311.manage',
  ],
  // The statutory calendar is platform-wide: a subdistrict may not change it.
  subdistrict_admin: ALL.filter((p) => p !== 'calendar.write'),
  dispatcher: [
    'org.read',
    'residents.read',
    'residents.reveal',
    'people.read',
    'reports.read',
    'work_orders.read',
    'work_orders.intake',
    'work_orders.dispatch',
    'work_orders.follow_up',
    'work_orders.supervise',
  ],
  community_secretary: [
    'org.read',
    'org.write',
    'residents.read',
    'residents.write',
    'residents.reveal',
    'residents.import',
    'residents.export',
    'people.read',
    'people.write',
    'users.read',
    'users.write',
    'audit.read',
    'reports.read',
    'work_orders.read',
    'work_orders.intake',
    'work_orders.handle',
  ],
  community_worker: [
    'org.read',
    'residents.read',
    'residents.write',
    'residents.reveal',
    'residents.import',
    'residents.export',
    'people.read',
    'people.write',
    'reports.read',
    'work_orders.read',
    'work_orders.intake',
    'work_orders.handle',
  ],
  grid_worker: [
    'org.read',
    'residents.read',
    'residents.write',
    'residents.reveal',
    'people.read',
    'work_orders.read',
    'work_orders.intake',
    'work_orders.handle',
  ],
  evaluator: ['org.read', 'reports.read'],
  resident: ['work_orders.report'],
};

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
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
