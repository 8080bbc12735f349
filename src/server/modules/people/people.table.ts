import { sql } from 'drizzle-orm';
import { boolean, date, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { pathIndex, scopedColumns, timestamps, ts } from '../../platform/columns';

/** R-ORG-2: party organization levels are data. One scheme per subdistrict (or inherited from above). */
export const partyOrgLevels = pgTable('party_org_levels', {
  id: uuid('id').primaryKey(),
  /** The unit whose subtree uses this scheme. */
  orgUnitId: uuid('org_unit_id').notNull(),
  rank: integer('rank').notNull(),
  name: text('name').notNull(),
  ...timestamps(),
});

export const partyOrgs = pgTable(
  'party_orgs',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    levelId: uuid('level_id').notNull(),
    name: text('name').notNull(),
    ...scopedColumns(),
    secretary: text('secretary'),
    ...timestamps(),
  },
  (t) => [pathIndex('party_orgs_path_idx', t.orgPath)],
);

export const partyMembers = pgTable(
  'party_members',
  {
    id: uuid('id').primaryKey(),
    residentId: uuid('resident_id'),
    name: text('name').notNull(),
    partyOrgId: uuid('party_org_id'),
    ...scopedColumns(),
    joinedOn: date('joined_on', { mode: 'string' }),
    /** 在职党员到社区报到: employed elsewhere, reporting to the community where they live. */
    reporting: boolean('reporting').notNull().default(false),
    employer: text('employer'),
    reportedOn: date('reported_on', { mode: 'string' }),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    isCentralHousehold: boolean('is_central_household').notNull().default(false),
    ...timestamps(),
  },
  (t) => [pathIndex('party_members_path_idx', t.orgPath)],
);

/** Community workers (四岗十八级) and grid workers. */
export const workers = pgTable(
  'workers',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    gender: text('gender'),
    ...scopedColumns(),
    /** community_worker | grid_worker | social_worker */
    kind: text('kind').notNull(),
    /** 四岗: secretary_director | deputy | committee_member | general */
    postType: text('post_type'),
    /** 十八级: 1–18 */
    grade: integer('grade'),
    /** Grid workers only: 专兼结合 (seed 003). A part-time (兼职) grid worker covers a grid but is not staff. */
    partTime: boolean('part_time').notNull().default(false),
    qualifications: text('qualifications').array().notNull().default(sql`'{}'::text[]`),
    phoneEnc: text('phone_enc'),
    phoneMask: text('phone_mask'),
    userId: uuid('user_id'),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [pathIndex('workers_path_idx', t.orgPath)],
);

/** Grid workers assigned to grids. */
export const gridAssignments = pgTable(
  'grid_assignments',
  {
    id: uuid('id').primaryKey(),
    gridId: uuid('grid_id').notNull(),
    workerId: uuid('worker_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('grid_assignments_uq').on(t.gridId, t.workerId)],
);

/** 两代表一委员 */
export const deputies = pgTable(
  'deputies',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** party_congress | peoples_congress | cppcc */
    kind: text('kind').notNull(),
    level: text('level').notNull(),
    ...scopedColumns(),
    residentId: uuid('resident_id'),
    ...timestamps(),
  },
  (t) => [pathIndex('deputies_path_idx', t.orgPath)],
);

/** 驻区单位: agencies and companies located in the area (USCC validated, R-LAW-CD-3). */
export const residentUnits = pgTable(
  'resident_units',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    uscc: text('uscc'),
    kind: text('kind').notNull(),
    address: text('address'),
    contactName: text('contact_name'),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneMask: text('contact_phone_mask'),
    ...scopedColumns(),
    ...timestamps(),
  },
  (t) => [
    pathIndex('resident_units_path_idx', t.orgPath),
    uniqueIndex('resident_units_uscc_uq').on(t.uscc).where(sql`${t.uscc} is not null`),
  ],
);

/** 社区社会组织: a basic registry. */
export const socialOrgs = pgTable(
  'social_orgs',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    uscc: text('uscc'),
    /** registered (登记) | filed (备案) */
    registration: text('registration').notNull(),
    field: text('field').notNull(),
    publicWelfare: boolean('public_welfare').notNull().default(false),
    migrantMembers: boolean('migrant_members').notNull().default(false),
    memberCount: integer('member_count').notNull().default(0),
    ...scopedColumns(),
    ...timestamps(),
  },
  (t) => [pathIndex('social_orgs_path_idx', t.orgPath)],
);
