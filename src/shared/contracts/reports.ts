import { z } from 'zod';
import { communityRow } from './dtoFields';
import { FACILITY_CATEGORIES } from './facilities';

export const staffingRowSchema = z.object({
  ...communityRow,
  subdistrictName: z.string().nullable(),
  permanentResidents: z.number(),
  /** R-ORG-3: community workers with the grid workers counted in. */
  communityWorkers: z.number(),
  gridWorkers: z.number(),
  /** Of the community workers, holders of the 社会工作师 and of the 助理社会工作师 qualification. */
  socialWorkerQualified: z.number(),
  assistantSocialWorkerQualified: z.number(),
  workersPer10k: z.number(),
  /** The floor: ceil(18 × residents / 10,000). */
  required: z.number(),
  /** The ceiling: floor(3 × residents / 1,000). */
  maxAllowed: z.number(),
  shortfall: z.number(),
  excess: z.number(),
  meetsFloor: z.boolean(),
  withinCeiling: z.boolean(),
  meetsStandard: z.boolean(),
  grids: z.number(),
  gridsWithoutWorker: z.number(),
  /** Grids without a grid worker: the open positions to fill one-for-one (缺一补一). */
  openGrids: z.array(z.string()),
});
export type StaffingRowDto = z.infer<typeof staffingRowSchema>;

export const staffingReportSchema = z.object({
  floorPer10k: z.number(),
  ceilingPer1k: z.number(),
  rows: z.array(staffingRowSchema),
});
export type StaffingReportDto = z.infer<typeof staffingReportSchema>;

export const URBAN_VILLAGE_FLAGS = [
  'no_centre',
  'sub_station_missing',
  'sub_station_staffing',
  'no_elderly_care',
  'few_migrant_welfare_orgs',
] as const;

export const urbanVillageRowSchema = z.object({
  ...communityRow,
  subdistrictName: z.string().nullable(),
  distanceToCentreM: z.number().nullable(),
  hasSubStation: z.boolean(),
  subStationStaff: z.number(),
  elderlyCareFacilities: z.number(),
  elderlyCareRequired: z.number(),
  migrantWelfareOrgs: z.number(),
  flags: z.array(z.enum(URBAN_VILLAGE_FLAGS)),
});
export type UrbanVillageRowDto = z.infer<typeof urbanVillageRowSchema>;

export const urbanVillageReportSchema = z.object({
  subStationDistanceM: z.number(),
  migrantWelfareOrgsTarget: z.number(),
  rows: z.array(urbanVillageRowSchema),
});

/**
 * What the urban-village governance file (城中村治理档案, seed 002 四(四), S002-39) flags: the urban-village
 * standards (R-ORG-5, R-ORG-6) and, beside them, the community's own gaps the file brings together — no
 * location to measure from, 15-minute life-circle categories with nothing nearby, workers below the R-ORG-3
 * floor or above its ceiling, a self-governance vacancy open too long.
 */
export const URBAN_VILLAGE_PROFILE_FLAGS = [
  ...URBAN_VILLAGE_FLAGS,
  'no_location',
  'life_circle_gaps',
  'staffing_short',
  'staffing_over',
  'vacancy_overdue',
] as const;
export type UrbanVillageProfileFlag = (typeof URBAN_VILLAGE_PROFILE_FLAGS)[number];

export const urbanVillageProfileSchema = z.object({
  ...communityRow,
  subdistrictName: z.string().nullable(),
  /** The China date the file was put together on. */
  asOf: z.string(),
  /** Live residents under the community by registration status; 常住人口 = registered + permanent. */
  population: z.object({
    registered: z.number(),
    permanent: z.number(),
    migrant: z.number(),
    permanentResidents: z.number(),
    total: z.number(),
  }),
  /** The community's row of the staffing report (R-ORG-3). */
  staffing: staffingRowSchema,
  /** Facility coverage computed from coordinates (R-ORG-5, R-ORG-6, the 15-minute life circle). */
  facilities: z.object({
    located: z.boolean(),
    centreName: z.string().nullable(),
    distanceToCentreM: z.number().nullable(),
    subStationDistanceM: z.number(),
    needsSubStation: z.boolean(),
    subStations: z.array(z.object({ name: z.string(), staffCount: z.number() })),
    elderlyCareFacilities: z.number(),
    elderlyCareRequired: z.number(),
    lifeCircleRadiusM: z.number(),
    lifeCircle: z.array(
      z.object({ category: z.enum(FACILITY_CATEGORIES), count: z.number(), nearestM: z.number().nullable() }),
    ),
    lifeCircleMissing: z.array(z.enum(FACILITY_CATEGORIES)),
  }),
  /** Public-welfare social organisations with migrant-worker members (R-ORG-6, target 2). */
  welfareOrgs: z.object({
    target: z.number(),
    count: z.number(),
    orgs: z.array(z.object({ name: z.string(), field: z.string(), memberCount: z.number() })),
  }),
  selfGovernance: z.object({
    bodies: z.number(),
    positions: z.number(),
    openVacancies: z.number(),
    overdueVacancies: z.number(),
    lastElection: z.string().nullable(),
    hasPartyCommittee: z.boolean(),
    hasCommittee: z.boolean(),
    hasSupervisionCommittee: z.boolean(),
  }),
  /**
   * The last six China calendar months, oldest first (the current one so far), from the figures the
   * modules offer report templates; null where a module offers no such figure (or, for the on-time rate,
   * nothing was closed).
   */
  months: z.array(
    z.object({
      month: z.string(),
      workOrdersReceived: z.number().nullable(),
      workOrdersClosed: z.number().nullable(),
      workOrdersOnTimeRate: z.number().nullable(),
      disputesMediated: z.number().nullable(),
      volunteerHours: z.number().nullable(),
      serviceOrdersCompleted: z.number().nullable(),
    }),
  ),
  flags: z.array(z.enum(URBAN_VILLAGE_PROFILE_FLAGS)),
});
export type UrbanVillageProfileDto = z.infer<typeof urbanVillageProfileSchema>;
