import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** Append-only, hash-chained audit trail (R-LAW-PI-1). Never updated or deleted by the application. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    /** Path of the org unit the entity belongs to, for scoped browsing. */
    orgPath: text('org_path'),
    before: jsonb('before'),
    after: jsonb('after'),
    success: boolean('success').notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId),
  ],
);

/** The chain's head, so that deleting the newest rows is detected too. One row, id = 1. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigserial('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});
