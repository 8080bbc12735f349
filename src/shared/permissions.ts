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
  /** The platform-wide list of work-order categories (also the Open311 services). */
  'work_orders.categories',
  // Volunteers, activities and hours (issue 4)
  'volunteers.read',
  'volunteers.write',
  // Three lists and service orders: staff read/maintain/dispatch; residents order; volunteers serve
  'services.read',
  'services.write',
  'services.dispatch',
  'services.order',
  'services.serve',
  // Ledger: staff statements and adjustments; one's own accounts; merchants and their counters
  'ledger.read',
  'ledger.write',
  'ledger.own',
  'merchants.manage',
  'redemptions.counter',
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
  'volunteer',
  'merchant',
] as const;
export type Role = (typeof ROLES)[number];

/**
 * Roles whose accounts log in with a second factor (TOTP): GB/T 22239-2019 level 3, 身份鉴别, asks
 * administrators for two combined authentication techniques. Other users may turn it on.
 */
export const TWO_FACTOR_ROLES: readonly Role[] = ['platform_admin', 'civil_affairs'];

/** Whether an account must use two-factor login; the demo seed's shared accounts are exempt. */
export function twoFactorRequiredFor(roles: readonly Role[], isDemo: boolean): boolean {
  return !isDemo && roles.some((r) => TWO_FACTOR_ROLES.includes(r));
}

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
    'work_orders.categories',
    'volunteers.read',
    'services.read',
    'ledger.read',
  ],
  // The statutory calendar and the category list are platform-wide: a subdistrict may not change them.
  subdistrict_admin: ALL.filter((p) => p !== 'calendar.write' && p !== 'work_orders.categories'),
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
    'volunteers.read',
    'volunteers.write',
    'services.read',
    'services.write',
    'services.dispatch',
    'ledger.read',
    'ledger.write',
    'merchants.manage',
    'redemptions.counter',
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
    'volunteers.read',
    'volunteers.write',
    'services.read',
    'services.write',
    'services.dispatch',
    'ledger.read',
    'ledger.write',
    'merchants.manage',
    'redemptions.counter',
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
    'volunteers.read',
    'services.read',
    'services.write',
  ],
  evaluator: ['org.read', 'reports.read'],
  resident: ['work_orders.report', 'services.order', 'ledger.own'],
  /** A registered volunteer or a reporting party member (在职党员): orders open to them, their hours and points. */
  volunteer: ['work_orders.report', 'services.order', 'services.serve', 'ledger.own'],
  /** Staff of a redemption point (merchant or love supermarket) at the counter. */
  merchant: ['redemptions.counter'],
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
  volunteer: ['community', 'grid', 'compound', 'building', 'household'],
  merchant: ['community'],
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}
