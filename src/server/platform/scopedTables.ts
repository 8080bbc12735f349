/**
 * Every table whose rows carry `org_unit_id` + `org_path` (DESIGN convention 5). When units move or
 * merge, the org module rewrites `org_path` in each of them (and, on a merge, moves the merged unit's
 * own rows to the target). A module with a scoped table adds it here.
 */
export const SCOPED_TABLES = [
  'residents',
  'party_orgs',
  'party_members',
  'workers',
  'deputies',
  'resident_units',
  'social_orgs',
  'import_jobs',
  'work_orders',
  'wo_rollups',
  'wo_rollups_monthly',
  'open311_keys',
  'ledger_accounts',
  'volunteers',
  'volunteer_teams',
  'volunteer_activities',
  'redemption_points',
  'redemptions',
  'merchant_settlements',
  'svc_needs',
  'svc_resources',
  'svc_projects',
  'svc_orders',
  'svc_stations',
  'svc_duty_slots',
  'svc_duty_logs',
] as const;

/**
 * History rows that carry only `org_path` (a copy of their owner's path, for scoped reads): rewritten
 * on a move, and moved to the target on a merge, like the scoped tables.
 */
export const PATH_ONLY_TABLES = ['ledger_transactions', 'volunteer_attendance', 'volunteer_hours'] as const;

/**
 * Settings kept per unit (unique by unit): their paths follow a move, but a merge leaves them with the
 * archived unit, since the target's own settings apply from then on.
 */
export const UNIT_SETTINGS_TABLES = ['ledger_earning_rules', 'volunteer_community_flags'] as const;
