import { z } from 'zod';
import { communityRow } from './dtoFields';

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
