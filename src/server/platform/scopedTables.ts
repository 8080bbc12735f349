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
  'notification_messages',
  'notification_webhooks',
  'pj_calls',
  'pj_applications',
  'ds_disputes',
  'ds_bodies',
  'ds_meetings',
  'ds_risks',
  'as_rounds',
  'as_sheets',
  'pt_meetings',
  'pt_procedures',
  'pt_disclosures',
  'kt_groups',
  'kt_lists',
  'wia_applications',
  'wia_items',
  'wia_refusals',
  'cert_catalogue',
  'cert_register',
  'seal_uses',
  'fc_facilities',
  'care_plans',
  'care_relief',
  'sv_surveys',
  'sv_responses',
  'sr_templates',
  'sr_submissions',
  'pm_compounds',
  'pm_meetings',
  'pm_notices',
  'pm_appraisals',
  'pm_honours',
  'sg_bodies',
  'sg_positions',
  'sg_vacancies',
  'sg_elections',
  'sg_reviews',
  'so_profiles',
  'so_stations',
  'so_rounds',
  'so_proposals',
  'so_funds',
  'so_contracts',
  'so_links',
  'pt_topics',
  'pt_rooms',
  'pt_conventions',
  'pj_doorstep_projects',
] as const;

/**
 * History rows that carry only `org_path` (a copy of their owner's path, for scoped reads): rewritten
 * on a move, and moved to the target on a merge, like the scoped tables.
 */
export const PATH_ONLY_TABLES = [
  'ledger_transactions',
  'volunteer_attendance',
  'volunteer_hours',
  'notification_deliveries',
  'pj_scores',
  'pj_reports',
  'kt_group_members',
  'kt_meetings',
  'kt_tasks',
  'care_visits',
  'care_misses',
  'sr_cycles',
  'sr_events',
  'pm_issues',
  'so_members',
  'so_incubations',
  'so_station_workers',
  'so_proposal_scores',
  'so_proposal_events',
  'so_fund_flows',
  'so_contract_items',
  'pj_archive_items',
  'pj_disbursements',
  'pj_spends',
  'pj_fund_disclosures',
  'pj_milestones',
  'pj_evaluations',
  'pj_exemptions',
  'pj_doorstep_records',
  'pj_doorstep_files',
  'pj_assignments',
  'pj_changes',
  'pj_consultation_links',
  'pj_doorstep_ratings',
] as const;

/**
 * Settings kept per unit (unique by unit): their paths follow a move, but a merge leaves them with the
 * archived unit, since the target's own settings apply from then on.
 */
export const UNIT_SETTINGS_TABLES = [
  'ledger_earning_rules',
  'volunteer_community_flags',
  'ds_contacts',
  'pt_disclosure_schedules',
] as const;

/**
 * Tables whose rows also keep the id of the community their path lies in (`community_id`): after a move
 * or merge the org module points it at the community the row's new path lies in. A module with such a
 * table adds it here (the org module never imports it).
 */
export const COMMUNITY_ID_TABLES = ['residents'] as const;

/**
 * People living under a unit: a unit's detail shows how many live (`deleted_at is null`) rows lie under
 * its path, and a unit with any cannot be archived.
 */
export const UNIT_POPULATION_TABLE = 'residents';

/**
 * Assignments of people to one unit (`unitColumn`), without a path of their own: on a merge the source's
 * assignments move to the target (skipping people already assigned there), and a unit's detail lists the
 * assigned people (`personTable`.id, .name) when it is of `unitKind`.
 */
export const UNIT_ASSIGNMENT_TABLES = [
  {
    table: 'grid_assignments',
    unitColumn: 'grid_id',
    personColumn: 'worker_id',
    personTable: 'workers',
    unitKind: 'grid',
  },
] as const;

/**
 * Ledger account holders other than logins (DESIGN boundaries: the ledger never imports their module):
 * accounts with `ownerKind` belong to rows of `table`, and the login in `userColumn` acts as the row (its
 * phone pages show the holder's `nameColumn` and the community in `communityColumn`).
 */
export const ACCOUNT_HOLDER_TABLES = [
  {
    ownerKind: 'volunteer',
    table: 'volunteers',
    userColumn: 'user_id',
    nameColumn: 'name',
    communityColumn: 'community_id',
    /** The holder's own record in the resident registry (household links of family members). */
    residentColumn: 'resident_id',
  },
] as const;
