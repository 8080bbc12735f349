/** Column helpers shared by the Drizzle table files (*.table.ts); they only spell columns, the SQL is the same as writing them out. */
import { type SQLWrapper, sql } from 'drizzle-orm';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  type PgColumnBuilderBase,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ConsentMethod } from '../../shared/contracts/proxy';

/** A timestamptz column read and written as a JS Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** created_at and updated_at, both required; spread into a table's columns: `...timestamps()`. */
export const timestamps = () => ({
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** version (optimistic locking, starts at 1), created_at and updated_at: `...versionedTimestamps()`. */
export const versionedTimestamps = () => ({
  version: integer('version').notNull().default(1),
  ...timestamps(),
});

/**
 * A user and their name as it read then, both nullable: `<name>` (uuid) and `<name>_name` under `<key>` and
 * `<key>Name`. `...userColumns('decidedBy', 'decided_by')` is decided_by + decided_by_name.
 */
export const userColumns = <K extends string>(key: K, name: string) => {
  const id = uuid(name);
  const userName = text(`${name}_name`);
  return { [key]: id, [`${key}Name`]: userName } as { [P in K]: typeof id } & {
    [P in `${K}Name`]: typeof userName;
  };
};

/**
 * A personal field kept encrypted at rest (R-LAW-PI-1, platform/crypto.ts), all nullable: `<name>_enc` (the
 * ciphertext), `<name>_hash` (its blind index, for lookups) and `<name>_mask` (for display) under `<key>Enc`,
 * `<key>Hash` and `<key>Mask`. `...encryptedColumns('phone', 'phone')`.
 */
export const encryptedColumns = <K extends string>(key: K, name: string) => {
  const enc = text(`${name}_enc`);
  return {
    [`${key}Enc`]: enc,
    [`${key}Hash`]: text(`${name}_hash`),
    [`${key}Mask`]: text(`${name}_mask`),
  } as { [P in `${K}Enc` | `${K}Hash` | `${K}Mask`]: typeof enc };
};

/** created_by + created_by_name (the user and their name as it read then), both nullable. */
export const createdByColumns = () => userColumns('createdBy', 'created_by');

/** created_by (the user who made the row, nullable uuid), then created_at and updated_at: `...createdByTimestamps()`. */
export const createdByTimestamps = () => ({
  createdBy: uuid('created_by'),
  ...timestamps(),
});

/** created_by (nullable uuid), then version, created_at and updated_at: `...createdByVersionedTimestamps()`. */
export const createdByVersionedTimestamps = () => ({
  createdBy: uuid('created_by'),
  ...versionedTimestamps(),
});

/** created_by (nullable uuid), then created_at (required), for rows written once: `...createdByAndAt()`. */
export const createdByAndAt = () => ({
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull(),
});

/** A required uuid column under a caller-chosen key: `...requiredUuid('orderId', 'order_id')`. */
export const requiredUuid = <K extends string>(key: K, name: string) => {
  const column = uuid(name).notNull();
  return { [key]: column } as { [P in K]: typeof column };
};

/** actor_id + actor_name: who did it (both nullable: a system step has no actor). */
export const actorColumns = () => ({
  actorId: uuid('actor_id'),
  actorName: text('actor_name'),
});

/**
 * The head of a timeline (events) table: id, the parent's id (required), at, actor_id, actor_name, action.
 * `...eventColumns('orderId', 'order_id')`; add the transition, the note and `...eventData()` as the table has them.
 */
export const eventColumns = <K extends string>(parentKey: K, parentColumn: string) => ({
  id: uuid('id').primaryKey(),
  ...requiredUuid(parentKey, parentColumn),
  at: ts('at').notNull(),
  ...actorColumns(),
  action: text('action').notNull(),
});

/** from_state + to_state of a workflow event, both nullable. */
export const stateChange = () => ({
  fromState: text('from_state'),
  toState: text('to_state'),
});

/** from_status + to_status of a workflow event, both nullable. */
export const statusChange = () => ({
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
});

/** An event's free-form data: jsonb, required, default `{}`. */
export const eventData = () => ({
  data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
});

/**
 * A whole timeline (events) table: `eventColumns`, the table's own columns (its transition, note…), `eventData`,
 * and the index `indexName` on (parent, at) the timeline is read by.
 * `export const xEvents = eventsTable('x_events', 'orderId', 'order_id', 'x_events_order_idx', { ...statusNote() });`
 */
export const eventsTable = <
  N extends string,
  K extends string,
  C extends Record<string, PgColumnBuilderBase>,
>(
  name: N,
  parentKey: K,
  parentColumn: string,
  indexName: string,
  columns: C,
) =>
  pgTable(name, { ...eventColumns(parentKey, parentColumn), ...columns, ...eventData() }, (t) => [
    index(indexName).on(t[parentKey], t.at),
  ]);

/** A state workflow event's from_state, to_state and comment, all nullable. */
export const stateComment = () => ({
  ...stateChange(),
  comment: text('comment'),
});

/** A status workflow event's from_status, to_status and note, all nullable. */
export const statusNote = () => ({
  ...statusChange(),
  note: text('note'),
});

/**
 * The columns of a deadline-steps table (the workflow sweep's claims, unique on record and step): the record's
 * id (required), step, at. `...stepColumns('recordId', 'record_id')`.
 */
export const stepColumns = <K extends string>(recordKey: K, recordColumn: string) => ({
  ...requiredUuid(recordKey, recordColumn),
  step: text('step').notNull(),
  at: ts('at').notNull(),
});

/**
 * A whole deadline-steps table: `stepColumns` and the unique index `<name>_uq` on (record, step), so each step
 * fires once across processes. `export const xSteps = stepsTable('x_steps', 'recordId', 'record_id');`
 */
export const stepsTable = <N extends string, K extends string>(name: N, recordKey: K, recordColumn: string) =>
  pgTable(name, stepColumns(recordKey, recordColumn), (t) => [
    uniqueIndex(`${name}_uq`).on(t[recordKey], t.step),
  ]);

/**
 * The head of a child record kept under a scoped parent: id, the parent's id (required) and org_path (the
 * parent's path, for scoped reads), both required. `...childColumns('applicationId', 'application_id')`.
 */
export const childColumns = <K extends string>(parentKey: K, parentColumn: string) => ({
  id: uuid('id').primaryKey(),
  ...requiredUuid(parentKey, parentColumn),
  orgPath: text('org_path').notNull(),
});

/** A point's lat then lng (double precision), both nullable: `...latLng()`. */
export const latLng = () => ({
  lat: doublePrecision('lat'),
  lng: doublePrecision('lng'),
});

/** A stored file's file_id, file_name, mime and size, all required (platform/storage.ts). */
export const fileColumns = () => ({
  fileId: uuid('file_id').notNull(),
  fileName: text('file_name').notNull(),
  mime: text('mime').notNull(),
  size: integer('size').notNull(),
});

/** The btree index on a materialised path for subtree (`LIKE 'path%'`) filters: `pathIndex('x_path_idx', t.orgPath)`. */
export const pathIndex = (name: string, path: SQLWrapper) =>
  index(name).using('btree', sql`${path} text_pattern_ops`);

/** org_unit_id + org_path of a scoped table (the row's unit and its path, DESIGN convention 5), both required. */
export const scopedColumns = () => ({
  orgUnitId: uuid('org_unit_id').notNull(),
  orgPath: text('org_path').notNull(),
});

/** A scoped record's head: id (uuid primary key), org_unit_id and org_path: `...scopedRecordColumns()`. */
export const scopedRecordColumns = () => ({
  id: uuid('id').primaryKey(),
  ...scopedColumns(),
});

/** A proxy act's stored consent (jsonb, platform/proxy.ts): the time as an ISO string. */
export interface StoredConsent {
  method: ConsentMethod;
  note: string | null;
  attachmentRef: string | null;
  at: string;
}

/**
 * 帮办代办 (platform/proxy.ts): principal_resident_id (the registry id only, R-LAW-PI-1), proxy_user_id,
 * proxy_name, proxy_consent; all null on a record made by the person themselves.
 */
export const proxyColumns = () => ({
  principalResidentId: uuid('principal_resident_id'),
  proxyUserId: uuid('proxy_user_id'),
  proxyName: text('proxy_name'),
  proxyConsent: jsonb('proxy_consent').$type<StoredConsent>(),
});
