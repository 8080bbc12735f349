import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  childColumns,
  createdByVersionedTimestamps,
  encryptedColumns,
  latLng,
  pathIndex,
  scopedColumns,
  ts,
  userColumns,
} from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/**
 * A visit plan (走访关爱计划, R-SV-3): one special-group tag of one resident, visited every
 * `frequency_days` by the assigned grid worker or volunteer. Scoped at the resident's unit. The tag is
 * sensitive (health, disability, hardship): stored encrypted, with a blind index for filters and
 * uniqueness; the resident's name only as a mask (the full identity through the audited reveal).
 */
export const carePlans = scopedTable(
  'care_plans',
  {
    residentId: uuid('resident_id').notNull(),
    residentNameMask: text('resident_name_mask').notNull(),
    tagEnc: text('tag_enc').notNull(),
    tagHash: text('tag_hash').notNull(),
    frequencyDays: integer('frequency_days').notNull(),
    /** grid_worker | volunteer */
    assigneeKind: text('assignee_kind').notNull(),
    assigneeUserId: uuid('assignee_user_id').notNull(),
    nextDueAt: ts('next_due_at').notNull(),
    lastVisitAt: ts('last_visit_at'),
    active: boolean('active').notNull().default(true),
    noteEnc: text('note_enc'),
    ...createdByVersionedTimestamps(),
  },
  (t) => [
    uniqueIndex('care_plans_resident_tag_uq').on(t.residentId, t.tagHash),
    index('care_plans_assignee_idx').on(t.assigneeUserId),
    index('care_plans_due_idx').on(t.nextDueAt),
  ],
);

/** A visit logged against a plan: when, where (text + optional point), how the person was, a note (encrypted). */
export const careVisits = pgTable(
  'care_visits',
  {
    /** id, the plan and its path (scoped reads). */
    ...childColumns('planId', 'plan_id'),
    visitedAt: ts('visited_at').notNull(),
    placeEnc: text('place_enc').notNull(),
    ...latLng(),
    /** well | needs_help | not_home */
    outcome: text('outcome').notNull(),
    noteEnc: text('note_enc'),
    visitorUserId: uuid('visitor_user_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('care_visits_plan_idx').on(t.planId, t.visitedAt),
    pathIndex('care_visits_path_idx', t.orgPath),
  ],
);

/** A visit that was due and not made (flagged by the `care.missed-visits` job), once per plan and due time. */
export const careMisses = pgTable(
  'care_misses',
  {
    ...childColumns('planId', 'plan_id'),
    dueAt: ts('due_at').notNull(),
    flaggedAt: ts('flagged_at').notNull(),
  },
  (t) => [uniqueIndex('care_misses_uq').on(t.planId, t.dueAt), pathIndex('care_misses_path_idx', t.orgPath)],
);

/**
 * Temporary relief (临时救助, R-SV-3, seed 002 三(四)16): handled by the unit where the emergency happened,
 * whatever the applicant's household registration; items of money, goods and services (amounts in fen).
 * The applicant's identity is sealed like a resident's (ciphertext, blind index, mask).
 */
export const careRelief = pgTable(
  'care_relief',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    ...scopedColumns(),
    emergencyPlace: text('emergency_place').notNull(),
    applicantNameEnc: text('applicant_name_enc').notNull(),
    applicantNameMask: text('applicant_name_mask').notNull(),
    ...encryptedColumns('idNumber', 'id_number'),
    phoneEnc: text('phone_enc'),
    phoneMask: text('phone_mask'),
    hukouPlace: text('hukou_place').notNull(),
    localHukou: boolean('local_hukou').notNull(),
    reason: text('reason').notNull(),
    items: jsonb('items')
      .$type<{ kind: string; description: string; amountFen: number | null; provider: string | null }[]>()
      .notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    moneyFen: bigint('money_fen', { mode: 'number' }).notNull(),
    /** applied | approved | rejected | granted */
    state: text('state').notNull(),
    decisionNote: text('decision_note'),
    ...userColumns('decidedBy', 'decided_by'),
    decidedAt: ts('decided_at'),
    grantedAt: ts('granted_at'),
    ...createdByVersionedTimestamps(),
  },
  (t) => [uniqueIndex('care_relief_number_uq').on(t.number), pathIndex('care_relief_path_idx', t.orgPath)],
);
