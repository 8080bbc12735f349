import { boolean, index, integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  pathIndex,
  proxyColumns,
  scopedColumns,
  ts,
  userColumns,
  versionedTimestamps,
} from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/**
 * The catalogue of matters a community may certify (证明事项目录, R-AC-2): each cites the law, regulation
 * or rule and its clause. Kept by a city, district or subdistrict (`org_unit_id`/`org_path`); communities
 * below read it.
 */
export const certCatalogue = scopedTable('cert_catalogue', {
  name: text('name').notNull(),
  description: text('description'),
  lawName: text('law_name').notNull(),
  clause: text('clause').notNull(),
  active: boolean('active').notNull().default(true),
  sort: integer('sort').notNull().default(0),
  ...versionedTimestamps(),
});

/**
 * The certificate register (R-AC-2): every request a community decided — issued with its number, the
 * clause it rests on and its seal use, or refused with the reason. Immutable: a database trigger refuses
 * any change but the org path a unit move rewrites, and any delete. `org_path` = the issuing community.
 */
export const certRegister = pgTable(
  'cert_register',
  {
    id: uuid('id').primaryKey(),
    number: text('number'),
    ...scopedColumns(),
    catalogueId: uuid('catalogue_id'),
    itemName: text('item_name').notNull(),
    /** resident | unit */
    requesterKind: text('requester_kind').notNull(),
    requesterName: text('requester_name').notNull(),
    requestingBody: text('requesting_body'),
    subjectName: text('subject_name').notNull(),
    purpose: text('purpose').notNull(),
    /** The clause relied on, and where it came from: catalogue | requesting_body. */
    clause: text('clause'),
    clauseSource: text('clause_source'),
    content: text('content').notNull(),
    /** issued | refused */
    status: text('status').notNull(),
    refusalCode: text('refusal_code'),
    sealUseId: uuid('seal_use_id'),
    ...userColumns('decidedBy', 'decided_by'),
    /** 帮办代办: made for a resident by staff or a volunteer (platform/proxy.ts). */
    ...proxyColumns(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('cert_register_unit_number_idx').on(t.orgUnitId, t.number),
    pathIndex('cert_register_path_idx', t.orgPath),
  ],
);

/**
 * The seal log (用印登记, R-AC-2): every use of the residents' committee seal — document, purpose, legal
 * basis, requester, approver, time — and every refused one (a document carrying economic joint liability
 * outside the committee's legal duties). Append-only: a trigger refuses updates (but the org path a unit
 * move rewrites) and deletes. `org_path` = the community whose seal it is.
 */
export const sealUses = pgTable(
  'seal_uses',
  {
    id: uuid('id').primaryKey(),
    number: text('number'),
    ...scopedColumns(),
    document: text('document').notNull(),
    purpose: text('purpose').notNull(),
    legalBasis: text('legal_basis'),
    requester: text('requester').notNull(),
    jointLiability: boolean('joint_liability').notNull(),
    /** used | refused */
    status: text('status').notNull(),
    refusalCode: text('refusal_code'),
    certificateId: uuid('certificate_id'),
    approverId: uuid('approver_id'),
    approverName: text('approver_name'),
    usedAt: ts('used_at').notNull(),
  },
  (t) => [
    index('seal_uses_unit_number_idx').on(t.orgUnitId, t.number),
    pathIndex('seal_uses_path_idx', t.orgPath),
  ],
);
