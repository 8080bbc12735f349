/** The built-in roles. A role is assigned to a user at an org unit (see `ROLE_UNIT_KINDS`). */
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
  /** Staff of a redemption point (merchant or love supermarket) at the counter. */
  'merchant',
] as const;
export type Role = (typeof ROLES)[number];
