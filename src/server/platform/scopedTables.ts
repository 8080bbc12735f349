/**
 * Every table whose rows carry `org_unit_id` + `org_path` (DESIGN convention 5). When units move or
 * merge, the org module rewrites `org_path` in each of them. A module with a scoped table adds it here.
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
] as const;
