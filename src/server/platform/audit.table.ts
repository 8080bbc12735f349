import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { actorColumns, ts } from './columns';

/**
 * Append-only, hash-chained audit trail (R-LAW-PI-1). A write only inserts its rows (no shared lock);
 * the sealer (`sealAudit` in audit.ts) later fills `pos`, `prev_hash` and `hash` once, in chain order.
 * Never deleted, and never updated otherwise.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: ts('at').notNull(),
    ...actorColumns(),
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
    /** Position in the hash chain (1, 2, …); null while the row is pending (not sealed yet). */
    pos: bigint('pos', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_at_idx').on(t.at),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_request_idx').on(t.requestId),
    uniqueIndex('audit_log_pos_key').on(t.pos),
    index('audit_log_pending_idx').on(t.seq).where(sql`pos is null`),
  ],
);

/**
 * The sealer's state, one row (id = 1): the chain's end. Sealers lock this row (FOR UPDATE), so two never
 * extend the chain at once.
 */
export const auditSeal = pgTable('audit_seal', {
  id: integer('id').primaryKey(),
  /** Number of sealed rows = position of the last one. */
  pos: bigint('pos', { mode: 'number' }).notNull(),
  /** `seq` of the last sealed row. */
  seq: bigint('seq', { mode: 'number' }),
  hash: text('hash').notNull(),
  sealedAt: ts('sealed_at'),
});

/**
 * Signed checkpoints of the chain's end (HMAC under a key derived from the master key). Each one is also
 * appended to the checkpoint file (DATA_DIR/audit-checkpoints.log), outside what a database writer can rewrite.
 */
export const auditCheckpoint = pgTable(
  'audit_checkpoint',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    pos: bigint('pos', { mode: 'number' }).notNull(),
    seq: bigint('seq', { mode: 'number' }),
    hash: text('hash').notNull(),
    at: ts('at').notNull(),
    sig: text('sig').notNull(),
  },
  (t) => [index('audit_checkpoint_pos_idx').on(t.pos)],
);
