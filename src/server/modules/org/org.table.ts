import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { latLng, pathIndex, timestamps } from '../../platform/columns';

/**
 * The org tree (R-ORG-1). `path` is the materialised path of ids, '/root/child/self/', so a subtree
 * is `path LIKE '/…/self/%'`. Units are never hard-deleted once referenced: they are merged or archived.
 */
export const orgUnits = pgTable(
  'org_units',
  {
    id: uuid('id').primaryKey(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** GB/T 2260 + township + village code where it exists (R-LAW-CD-1). */
    divisionCode: text('division_code'),
    /** GeoJSON Polygon/MultiPolygon for grids and compounds. */
    boundary: jsonb('boundary'),
    ...latLng(),
    /** Extra attributes by kind: urbanVillage flag, floors, distance to service centre… */
    attrs: jsonb('attrs').$type<Record<string, unknown>>().notNull().default({}),
    sort: integer('sort').notNull().default(0),
    status: text('status').notNull().default('active'),
    mergedIntoId: uuid('merged_into_id'),
    ...timestamps(),
  },
  (t) => [
    index('org_units_parent_idx').on(t.parentId),
    pathIndex('org_units_path_idx', t.path),
    index('org_units_kind_idx').on(t.kind),
    uniqueIndex('org_units_division_code_uq').on(t.divisionCode).where(sql`${t.divisionCode} is not null`),
  ],
);

/**
 * One row (id 1) whose `version` grows with every change to a unit that is not a household (a trigger
 * on `org_units`, see the migration), so a process may cache the tree's upper levels (routing, unit
 * names and paths) and check in the statement that writes with them that the tree has not changed.
 */
export const orgTreeVersion = pgTable('org_tree_version', {
  id: integer('id').primaryKey(),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});
