import { z } from 'zod';

export const staffingRowSchema = z.object({
  communityId: z.string(),
  communityName: z.string(),
  subdistrictName: z.string().nullable(),
  permanentResidents: z.number(),
  communityWorkers: z.number(),
  workersPer10k: z.number(),
  required: z.number(),
  shortfall: z.number(),
  meetsStandard: z.boolean(),
  grids: z.number(),
  gridsWithoutWorker: z.number(),
});
export type StaffingRowDto = z.infer<typeof staffingRowSchema>;

export const staffingReportSchema = z.object({ floorPer10k: z.number(), rows: z.array(staffingRowSchema) });
export type StaffingReportDto = z.infer<typeof staffingReportSchema>;

export const URBAN_VILLAGE_FLAGS = [
  'sub_station_missing',
  'sub_station_staffing',
  'no_elderly_care',
  'few_migrant_welfare_orgs',
] as const;

export const urbanVillageRowSchema = z.object({
  communityId: z.string(),
  communityName: z.string(),
  subdistrictName: z.string().nullable(),
  distanceToCentreM: z.number().nullable(),
  hasSubStation: z.boolean(),
  subStationStaff: z.number(),
  elderlyCareFacilities: z.number(),
  migrantWelfareOrgs: z.number(),
  flags: z.array(z.enum(URBAN_VILLAGE_FLAGS)),
});
export type UrbanVillageRowDto = z.infer<typeof urbanVillageRowSchema>;

export const urbanVillageReportSchema = z.object({
  subStationDistanceM: z.number(),
  migrantWelfareOrgsTarget: z.number(),
  rows: z.array(urbanVillageRowSchema),
});
