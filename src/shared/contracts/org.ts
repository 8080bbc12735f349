import { z } from 'zod';
import { ORG_KINDS } from '../orgKinds';

/** A GeoJSON object; its shape is checked by the use case (shared/geo/boundary.ts) for a precise message. */
const geoJson = z.object({ type: z.string().max(40) }).passthrough();

export const orgUnitSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  path: z.string(),
  depth: z.number(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  divisionCode: z.string().nullable(),
  boundary: z.any().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  attrs: z.record(z.string(), z.unknown()),
  status: z.string(),
  mergedIntoId: z.string().nullable(),
  childCount: z.number().optional(),
});
export type OrgUnitDto = z.infer<typeof orgUnitSchema>;

export const orgUnitDetailSchema = orgUnitSchema.extend({
  ancestors: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  residentCount: z.number(),
  gridWorkers: z.array(z.object({ id: z.string(), name: z.string() })),
  abilities: z.object({
    edit: z.boolean(),
    createChild: z.boolean(),
    move: z.boolean(),
    merge: z.boolean(),
    split: z.boolean(),
    archive: z.boolean(),
  }),
});
export type OrgUnitDetailDto = z.infer<typeof orgUnitDetailSchema>;

const name = z.string().trim().min(1).max(100);
const divisionCode = z
  .string()
  .trim()
  .regex(/^\d{6}(\d{3}(\d{3})?)?$/, 'org.division_code');

/** A unit's division code, boundary, position and attributes, as created and updated. */
const placeFields = {
  divisionCode: divisionCode.nullish(),
  boundary: geoJson.nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  /** Values are typed by `ORG_ATTRS` in the use case; null removes an attribute (on update). */
  attrs: z
    .record(
      z.string().trim().min(1).max(40),
      z.union([z.string().max(500), z.number(), z.boolean(), z.null()]),
    )
    .optional(),
};

export const createOrgUnitBody = z.strictObject({
  parentId: z.string().uuid(),
  kind: z.enum(ORG_KINDS),
  name,
  ...placeFields,
});
export type CreateOrgUnitBody = z.infer<typeof createOrgUnitBody>;

export const updateOrgUnitBody = z.strictObject({
  name: name.optional(),
  ...placeFields,
});
export type UpdateOrgUnitBody = z.infer<typeof updateOrgUnitBody>;

export const moveOrgUnitBody = z.strictObject({ newParentId: z.string().uuid() });
export const mergeOrgUnitBody = z.strictObject({ targetId: z.string().uuid() });
export const splitOrgUnitBody = z.strictObject({
  newName: name,
  childIds: z.array(z.string().uuid()).min(1).max(500),
});

/** GeoJSON import of grid boundaries under a unit: features matched to grids by a name property. */
export const importBoundariesBody = z.strictObject({
  geojson: z.object({ type: z.string().max(40) }).passthrough(),
  /** The feature property holding the grid name; default: the first of name, NAME, 名称, 网格, grid. */
  nameProperty: z.string().trim().min(1).max(60).optional(),
  /** false: only the preview of matches; true: set the matched grids' boundaries. */
  apply: z.boolean().default(false),
});
export type ImportBoundariesBody = z.infer<typeof importBoundariesBody>;

export const boundaryImportRowSchema = z.object({
  index: z.number(),
  name: z.string().nullable(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  /** The unit had a boundary that the import replaces. */
  replaces: z.boolean(),
  /** Why the feature is skipped: an error code (no_name, no_match, duplicate, org.boundary_*). */
  problem: z.string().nullable(),
  problemText: z.string().nullable(),
});
export const boundaryImportResultSchema = z.object({
  rows: z.array(boundaryImportRowSchema),
  nameProperty: z.string().nullable(),
  matched: z.number(),
  applied: z.number(),
  /** Grids under the unit that no feature names. */
  unmatchedGrids: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type BoundaryImportResult = z.infer<typeof boundaryImportResultSchema>;
