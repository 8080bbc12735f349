/** Tables of the services module (re-exported by platform/schema.ts for Drizzle and drizzle-kit). */
import { sql } from 'drizzle-orm';
import {
  type PgColumnBuilderBase,
  boolean,
  index,
  integer,
  pgSequence,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  childColumns,
  createdByAndAt,
  createdByColumns,
  eventsTable,
  pathIndex,
  proxyColumns,
  scopedColumns,
  statusNote,
  stepsTable,
  timestamps,
  ts,
  userColumns,
  versionedTimestamps,
} from '../../platform/columns';

/** Feeds service order numbers (FW…). */
export const svcOrderNumberSeq = pgSequence('svc_order_number_seq', { startWith: 1 });

/**
 * A table of a community's records (its lists and stations): id, the community, the unit and path that
 * scope the row, the table's own `columns`, created and updated; indexed on the path (`<name>_path_idx`).
 */
const communityTable = <N extends string, C extends Record<string, PgColumnBuilderBase>>(
  name: N,
  columns: C,
) =>
  pgTable(
    name,
    {
      id: uuid('id').primaryKey(),
      communityId: uuid('community_id').notNull(),
      ...scopedColumns(),
      ...columns,
      ...timestamps(),
    },
    (t) => [pathIndex(`${name}_path_idx`, t.orgPath)],
  );

/**
 * 需求清单 (R-SV-1): what residents need, collected from residents, grid visits, deliberations and
 * special-group visits. `org_path` is the community's (or a grid's) path: the scope that sees it.
 */
export const svcNeeds = communityTable('svc_needs', {
  title: text('title').notNull(),
  description: text('description'),
  /** resident | grid_visit | deliberation | special_group_visit */
  source: text('source').notNull(),
  category: text('category'),
  /** open | matched | done */
  status: text('status').notNull(),
  /** Who raised it (a resident's name, free text; no contact data here). */
  raisedBy: text('raised_by'),
  /** The service order that answers it, once matched. */
  orderId: uuid('order_id'),
  createdBy: uuid('created_by'),
});

/**
 * 资源清单 (R-SV-1): venues, reporting party members' skills, resident units' offers, social
 * organisations, merchants, funds; `owner_type`/`owner_id` link the registry row where it exists.
 */
export const svcResources = communityTable('svc_resources', {
  /** venue | party_member_skill | resident_unit_offer | social_org | merchant | fund */
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  description: text('description'),
  /** party_member | resident_unit | social_org | volunteer | merchant, when linked. */
  ownerType: text('owner_type'),
  ownerId: uuid('owner_id'),
  /** Seats of a venue, or yuan of a fund. */
  quantity: integer('quantity'),
  available: boolean('available').notNull().default(true),
  createdBy: uuid('created_by'),
});

/** 项目清单 (R-SV-1): what the community offers, by whom, when, capacity; residents order published ones. */
export const svcProjects = communityTable('svc_projects', {
  title: text('title').notNull(),
  description: text('description'),
  category: text('category').notNull(),
  /** Skills a server should have (for candidate ranking). */
  skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
  /** volunteer | team | social_org | resident_unit | community */
  providerType: text('provider_type').notNull(),
  providerId: uuid('provider_id'),
  providerName: text('provider_name'),
  /** When it is offered, as shown to residents (e.g. 每周二上午). */
  schedule: text('schedule'),
  /** Orders that may be open at once; null = no limit. */
  capacity: integer('capacity'),
  /** Activity type for earning rules (love points per hour) in the ledger. */
  activityType: text('activity_type').notNull(),
  /** Expected duration of one service. */
  durationMinutes: integer('duration_minutes').notNull().default(60),
  published: boolean('published').notNull().default(false),
  createdBy: uuid('created_by'),
});

/**
 * A service order (群众点单 → 社区派单 → 党员接单, R-SV-1), state machine in
 * src/shared/contracts/serviceOrderMachine.ts. `org_path` is the community's path.
 */
export const svcOrders = pgTable(
  'svc_orders',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    communityId: uuid('community_id').notNull(),
    ...scopedColumns(),
    /** The beneficiary's grid, when known (distance ranking). */
    gridId: uuid('grid_id'),
    projectId: uuid('project_id'),
    needId: uuid('need_id'),
    title: text('title').notNull(),
    description: text('description'),
    category: text('category').notNull(),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    activityType: text('activity_type').notNull(),
    status: text('status').notNull(),
    ...userColumns('orderedBy', 'ordered_by'),
    /** A worker ordered on a resident's behalf (audited). */
    onBehalf: boolean('on_behalf').notNull().default(false),
    /** 帮办代办: made for a resident by staff or a volunteer (platform/proxy.ts). */
    ...proxyColumns(),
    beneficiaryName: text('beneficiary_name').notNull(),
    beneficiaryPhoneEnc: text('beneficiary_phone_enc'),
    beneficiaryPhoneMask: text('beneficiary_phone_mask'),
    beneficiaryAddressEnc: text('beneficiary_address_enc'),
    beneficiaryAddressMask: text('beneficiary_address_mask'),
    preferredAt: ts('preferred_at'),
    /** volunteer | team | social_org */
    assigneeType: text('assignee_type'),
    assigneeId: uuid('assignee_id'),
    assigneeName: text('assignee_name'),
    /** The login that accepts and serves (volunteers.user_id); null = staff act for the provider. */
    assigneeUserId: uuid('assignee_user_id'),
    dispatchedAt: ts('dispatched_at'),
    acceptDueAt: ts('accept_due_at'),
    acceptedAt: ts('accepted_at'),
    checkInAt: ts('check_in_at'),
    checkOutAt: ts('check_out_at'),
    servedMinutes: integer('served_minutes'),
    confirmedAt: ts('confirmed_at'),
    rating: integer('rating'),
    ratingComment: text('rating_comment'),
    closedAt: ts('closed_at'),
    /** Set when it came back to the queue (timeout/decline), cleared on the next dispatch. */
    alert: text('alert'),
    timeouts: integer('timeouts').notNull().default(0),
    declines: integer('declines').notNull().default(0),
    /** The client's key for this order request: a replayed submission answers the same order. */
    requestKey: text('request_key'),
    /** The ledger transaction that credited the served time, once confirmed. */
    creditRef: text('credit_ref'),
    /** R-VP-2: the orderer's volunteer profile whose time bank pays for the service, if chosen. */
    timePayerVolunteerId: uuid('time_payer_volunteer_id'),
    /** R-VP-2: the family member (a consented designee of the payer) who spends the payer's minutes. */
    timePayerDesigneeId: uuid('time_payer_designee_id'),
    /** R-VP-2: the minutes withdrawn from the payer's time bank on confirmation. */
    timePaidMinutes: integer('time_paid_minutes'),
    ...versionedTimestamps(),
  },
  (t) => [
    uniqueIndex('svc_orders_number_uq').on(t.number),
    pathIndex('svc_orders_path_idx', t.orgPath),
    index('svc_orders_status_idx').on(t.status),
    index('svc_orders_assignee_idx').on(t.assigneeUserId),
    index('svc_orders_ordered_by_idx').on(t.orderedBy),
    index('svc_orders_principal_idx')
      .on(t.principalResidentId)
      .where(sql`${t.principalResidentId} is not null`),
    index('svc_orders_accept_due_idx').on(t.acceptDueAt).where(sql`${t.status} = 'dispatched'`),
    index('svc_orders_created_idx').on(t.createdAt),
    uniqueIndex('svc_orders_request_key_uq')
      .on(t.orderedBy, t.requestKey)
      .where(sql`${t.requestKey} is not null`),
  ],
);

/** The order's timeline. */
export const svcOrderEvents = eventsTable(
  'svc_order_events',
  'orderId',
  'order_id',
  'svc_order_events_order_idx',
  statusNote(),
);

/** Steps the timeout sweep has taken; the unique key makes each happen once across processes. */
export const svcSweepSteps = stepsTable('svc_sweep_steps', 'orderId', 'order_id');

/** Per-community settings (accept timeout in hours, default 24). */
export const svcSettings = pgTable('svc_settings', {
  orgUnitId: uuid('org_unit_id').primaryKey(),
  acceptTimeoutHours: integer('accept_timeout_hours').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * 邻里驿站 (R-SV-2). Seed 000 二.2 (S000-09): built in a party-mass or property service centre — its host, a
 * facility of the facilities registry in the station's community (read through facilities.api, no foreign
 * key across modules) — and combining 学习、休闲、调解、议事 (`functions`: STATION_FUNCTIONS' keys).
 */
export const svcStations = communityTable('svc_stations', {
  name: text('name').notNull(),
  address: text('address'),
  active: boolean('active').notNull().default(true),
  hostFacilityId: uuid('host_facility_id'),
  functions: text('functions').array().notNull().default(sql`'{}'::text[]`),
});

/** A duty slot: who is on duty at which station, when (R-SV-2). */
export const svcDutySlots = pgTable(
  'svc_duty_slots',
  {
    ...childColumns('stationId', 'station_id'),
    /** The station's community (kept with org_path when units merge; see platform/scopedTables.ts). */
    orgUnitId: uuid('org_unit_id'),
    /** resident_rep | grid_worker | party_leader | volunteer | worker */
    personType: text('person_type').notNull(),
    personName: text('person_name').notNull(),
    /** Identity used for double-booking checks: the linked record id, or the normalised name. */
    personKey: text('person_key').notNull(),
    personId: uuid('person_id'),
    /** The login of the person on duty, who may then write their own duty log on the phone. */
    personUserId: uuid('person_user_id'),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    ...createdByAndAt(),
  },
  (t) => [
    index('svc_duty_slots_station_idx').on(t.stationId, t.startsAt),
    index('svc_duty_slots_person_idx').on(t.personKey, t.startsAt),
  ],
);

/** What the person on duty logged (visitors, matters handled). */
export const svcDutyLogs = pgTable(
  'svc_duty_logs',
  {
    id: uuid('id').primaryKey(),
    slotId: uuid('slot_id').notNull(),
    stationId: uuid('station_id').notNull(),
    orgPath: text('org_path').notNull(),
    orgUnitId: uuid('org_unit_id'),
    at: ts('at').notNull(),
    content: text('content').notNull(),
    visitors: integer('visitors').notNull().default(0),
    /** Written by the person on duty themselves (phone), not by staff. */
    selfEntered: boolean('self_entered').notNull().default(false),
    /** An optional photo (platform storage id). */
    photoId: uuid('photo_id'),
    ...createdByColumns(),
  },
  (t) => [index('svc_duty_logs_slot_idx').on(t.slotId)],
);
