/** Column helpers shared by the Drizzle table files (*.table.ts); they only spell columns, the SQL is the same as writing them out. */
import { jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ConsentMethod } from '../../shared/contracts/proxy';

/** A timestamptz column read and written as a JS Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** created_at and updated_at, both required; spread into a table's columns: `...timestamps()`. */
export const timestamps = () => ({
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** org_unit_id + org_path of a scoped table (the row's unit and its path, DESIGN convention 5), both required. */
export const scopedColumns = () => ({
  orgUnitId: uuid('org_unit_id').notNull(),
  orgPath: text('org_path').notNull(),
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
