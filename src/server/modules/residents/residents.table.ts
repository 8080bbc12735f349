import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { encryptedColumns, pathIndex, scopedColumns, ts, versionedTimestamps } from '../../platform/columns';

/**
 * The people registry. ID number, phone, address and special-group tags are encrypted (`*Enc`),
 * searchable by an HMAC blind index (`*Hash`/`*Hashes`) and shown masked (`*Mask`, a count) — R-LAW-PI-1.
 */
export const residents = pgTable(
  'residents',
  {
    id: uuid('id').primaryKey(),
    /** Most specific unit known: household, building, compound, grid or community. */
    ...scopedColumns(),
    /** The community (village) the resident belongs to, kept for reports. */
    communityId: uuid('community_id').notNull(),
    name: text('name').notNull(),
    gender: text('gender').notNull(),
    birthDate: date('birth_date', { mode: 'string' }),
    ...encryptedColumns('idNumber', 'id_number'),
    ...encryptedColumns('phone', 'phone'),
    addressEnc: text('address_enc'),
    addressMask: text('address_mask'),
    room: text('room'),
    registrationStatus: text('registration_status').notNull(),
    /**
     * Special-group tags (R-SV-3: living alone, disability, low income…) are sensitive personal data
     * (R-LAW-PI-1): AES-256-GCM ciphertext of the JSON list, null when there are none.
     */
    specialGroupsEnc: text('special_groups_enc'),
    /** One HMAC blind index per tag, so a filter by tag (and a count) uses the GIN index, never clear text. */
    specialGroupHashes: text('special_group_hashes').array().notNull().default(sql`'{}'::text[]`),
    /**
     * The former clear-text tags, no longer read: `migrateSpecialGroups` encrypts them at startup and sets
     * this to null. To be dropped in a later release.
     */
    legacyTags: text('tags').array(),
    notes: text('notes'),
    importJobId: uuid('import_job_id'),
    ...versionedTimestamps(),
    deletedAt: ts('deleted_at'),
  },
  (t) => [
    pathIndex('residents_path_idx', t.orgPath),
    index('residents_community_idx').on(t.communityId),
    index('residents_name_idx').on(t.name),
    index('residents_phone_hash_idx').on(t.phoneHash),
    uniqueIndex('residents_id_number_uq').on(t.idNumberHash).where(sql`${t.deletedAt} is null`),
    index('residents_special_group_hashes_idx').using('gin', t.specialGroupHashes),
  ],
);
