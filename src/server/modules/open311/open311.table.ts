import { boolean, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdByAndAt, pathIndex, scopedColumns, ts } from '../../platform/columns';

/**
 * API keys of Open311 clients (a 12345 platform, a city app …), R-O311-1. Only the SHA-256 of the key is
 * stored; the key itself is shown once at creation. `org_unit_id` + `org_path` is the jurisdiction the key
 * files requests into and reads (a scoped table, DESIGN convention 5).
 */
export const open311Keys = pgTable(
  'open311_keys',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** sha256(key) in hex. */
    keyHash: text('key_hash').notNull(),
    /** The key's first characters, to recognise it in the console (not secret). */
    keyPrefix: text('key_prefix').notNull(),
    /** R-WO-1 channel of the orders filed with this key: open311 | transfer_12345. */
    channel: text('channel').notNull().default('open311'),
    ...scopedColumns(),
    active: boolean('active').notNull().default(true),
    ...createdByAndAt(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
    revokedBy: uuid('revoked_by'),
  },
  (t) => [uniqueIndex('open311_keys_hash_uq').on(t.keyHash), pathIndex('open311_keys_path_idx', t.orgPath)],
);

/**
 * What an Open311 client sent with a request beyond the work order itself: the token it follows the
 * request by, its attributes, media URL and account id. Contact e-mail is encrypted (R-LAW-PI-1).
 */
export const open311Requests = pgTable(
  'open311_requests',
  {
    orderId: uuid('order_id').primaryKey(),
    keyId: uuid('key_id').notNull(),
    /** sha256 of the token returned by POST requests (the work order's tracking token). */
    tokenHash: text('token_hash').notNull(),
    serviceCode: text('service_code').notNull(),
    /** The client's own description; the order's description also carries the attributes for staff. */
    description: text('description'),
    attributes: jsonb('attributes').$type<Record<string, string | string[]>>().notNull().default({}),
    mediaUrl: text('media_url'),
    accountId: text('account_id'),
    emailEnc: text('email_enc'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('open311_requests_token_uq').on(t.tokenHash)],
);
