import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  createdByAndAt,
  encryptedColumns,
  eventsTable,
  latLng,
  pathIndex,
  proxyColumns,
  scopedColumns,
  statusNote,
  stepsTable,
  ts,
  versionedTimestamps,
} from '../../platform/columns';

/** Feeds tracking numbers. */
export const woNumberSeq = pgSequence('wo_number_seq', { startWith: 1 });

/** Service categories (Open311 "services"): what a request is about, and who usually handles it. */
export const woCategories = pgTable('wo_categories', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  /** Group for time limits: 'utility' (water/power/gas/heating, 24 h) or 'general'. */
  limitGroup: text('limit_group').notNull().default('general'),
  /** Department usually called in (吹哨) or responsible, free text. */
  department: text('department'),
  keywords: text('keywords').array().notNull().default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  sort: integer('sort').notNull().default(0),
});

/**
 * A resident request or grid-found event handled in a closed loop (诉求/事件/工单, R-WO-2).
 * `org_path` is the responsible unit's path: the scope that sees and handles it (DESIGN convention 5).
 */
export const workOrders = pgTable(
  'work_orders',
  {
    id: uuid('id').primaryKey(),
    /** Tracking number shown to the requester, e.g. XL2026112300012. */
    number: text('number').notNull(),
    /** consult | help | complaint | report | suggestion | event (R-LAW-WO-1) */
    kind: text('kind').notNull(),
    /** R-WO-1 channel: hotline | suggestion_box | online | station | grid_patrol | transfer_12345 | transfer_110 | open311 */
    channel: text('channel').notNull(),
    categoryCode: text('category_code').notNull(),
    /** emergency | key | regular (R-WO-3) */
    priority: text('priority').notNull(),
    status: text('status').notNull(),
    description: text('description').notNull(),
    address: text('address'),
    ...latLng(),
    buildingId: uuid('building_id'),
    /** Territory (R-WO-4): the grid and community where it happened, when known. */
    gridId: uuid('grid_id'),
    communityId: uuid('community_id'),
    /** The subdistrict whose governance centre dispatches it. */
    subdistrictId: uuid('subdistrict_id'),
    /** Responsible unit now (dispatcher's subdistrict before dispatch). */
    ...scopedColumns(),
    /** Path of the dispatching subdistrict (or higher unit when the territory is unknown). */
    dispatchPath: text('dispatch_path').notNull(),
    requesterName: text('requester_name'),
    ...encryptedColumns('requesterPhone', 'requester_phone'),
    requesterUserId: uuid('requester_user_id'),
    /** 帮办代办: made for a resident by staff or a volunteer (platform/proxy.ts). */
    ...proxyColumns(),
    /** Lets an anonymous requester follow and rate their order (hash of the token). */
    trackingTokenHash: text('tracking_token_hash'),
    createdBy: uuid('created_by'),
    acceptDueAt: ts('accept_due_at'),
    dueAt: ts('due_at'),
    /**
     * The deadline was counted through a year with no official holiday schedule (weekends only): an
     * estimate, shown as such (R-LAW-CAL-1). Set whenever the deadline is computed.
     */
    acceptDueEstimated: boolean('accept_due_estimated').notNull().default(false),
    dueEstimated: boolean('due_estimated').notNull().default(false),
    acceptedAt: ts('accepted_at'),
    repliedAt: ts('replied_at'),
    closedAt: ts('closed_at'),
    overdueAt: ts('overdue_at'),
    /** grid | community | subdistrict | above (R-WO-5), set when the result is replied. */
    resolutionLevel: text('resolution_level'),
    duplicateOfId: uuid('duplicate_of_id'),
    redoCount: integer('redo_count').notNull().default(0),
    escalationLevel: integer('escalation_level').notNull().default(0),
    supervised: boolean('supervised').notNull().default(false),
    reminders: integer('reminders').notNull().default(0),
    /** Extension asked for, waiting for approval: { days, reason, requestedAt, previousStatus }. */
    pendingExtension: jsonb('pending_extension'),
    ...versionedTimestamps(),
  },
  (t) => [
    uniqueIndex('work_orders_number_uq').on(t.number),
    pathIndex('work_orders_path_idx', t.orgPath),
    pathIndex('work_orders_dispatch_path_idx', t.dispatchPath),
    index('work_orders_status_idx').on(t.status),
    index('work_orders_created_idx').on(t.createdAt),
    index('work_orders_accept_due_idx').on(t.acceptDueAt).where(sql`${t.status} = 'dispatched'`),
    index('work_orders_due_idx').on(t.dueAt).where(sql`${t.closedAt} is null`),
    index('work_orders_principal_idx')
      .on(t.principalResidentId)
      .where(sql`${t.principalResidentId} is not null`),
  ],
);

/**
 * The order's timeline: every step, who, when, what (R-WO-2 result feedback). The action is the transition
 * (dispatch, accept, …) or 'intake' / 'escalate' / 'remind' / 'overdue'; the note is internal (staff only).
 */
export const woEvents = eventsTable('wo_events', 'orderId', 'order_id', 'wo_events_order_idx', {
  ...statusNote(),
  /** What the requester sees for this step, if anything. */
  publicNote: text('public_note'),
  attachments: jsonb('attachments').$type<string[]>().notNull().default([]),
});

/** Departments called in by 吹哨报到: they join and report back. */
export const woParticipants = pgTable(
  'wo_participants',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    orgUnitId: uuid('org_unit_id'),
    department: text('department').notNull(),
    status: text('status').notNull(),
    report: text('report'),
    calledAt: ts('called_at').notNull(),
    reportedAt: ts('reported_at'),
  },
  (t) => [index('wo_participants_order_idx').on(t.orderId)],
);

/** Follow-up calls (回访) and ratings, one per reply cycle (R-LAW-WO-5). */
export const woFollowups = pgTable(
  'wo_followups',
  {
    id: uuid('id').primaryKey(),
    orderId: uuid('order_id').notNull(),
    cycle: integer('cycle').notNull(),
    resolved: boolean('resolved').notNull(),
    /** satisfied | basically_satisfied | dissatisfied */
    satisfaction: text('satisfaction').notNull(),
    unitFault: boolean('unit_fault').notNull().default(false),
    comment: text('comment'),
    /** requester | dispatcher | system */
    source: text('source').notNull(),
    byUserId: uuid('by_user_id'),
    at: ts('at').notNull(),
    /** The unit rated (responsible when replied), for the three rates. */
    orgUnitId: uuid('org_unit_id').notNull(),
  },
  (t) => [uniqueIndex('wo_followups_cycle_uq').on(t.orderId, t.cycle)],
);

/**
 * Steps the SLA sweep has taken. The unique key makes each step happen once even when several app
 * processes sweep at the same time.
 */
export const woEscalations = stepsTable('wo_escalations', 'orderId', 'order_id');

/** Per-city configuration of time limits, duplicate detection and rate formulas (JSON, defaults in code). */
export const woSettings = pgTable('wo_settings', {
  orgUnitId: uuid('org_unit_id').primaryKey(),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** Photos attached at intake or reply; files on local disk (platform storage). */
export const woAttachments = pgTable('wo_attachments', {
  id: uuid('id').primaryKey(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
  fileName: text('file_name').notNull(),
  orderId: uuid('order_id'),
  ...createdByAndAt(),
});
