import { z } from 'zod';
import { communityRow, subdistrictRow, unitIdAndName } from './dtoFields';
import { pageQuery } from './pageQuery';
import { nullishText as optText, requiredText as text } from './fields';

/**
 * Community facilities (设施, issue 16 §1): a registry of every facility with its kind, location, area,
 * hours and operator, and the coverage rules computed from coordinates — R-ORG-5 (sub-station for an urban
 * village 1,000 m or more from its party-mass service centre), R-ORG-6 (elderly care in every urban village,
 * by permanent population) and seed 004's 15-minute life circle. Kinds are data (table `fc_kinds`, seeded
 * from the seeds by the migration); isomorphic: the server and the web app read this file.
 */

/** Seed 003 (三(二)1, 附件2 #11): the 11 kinds of supporting facilities. */
export const FACILITY_CATEGORIES = [
  'education',
  'medical',
  'elderly_care',
  'childcare',
  'sports',
  'culture',
  'transport_logistics',
  'commerce',
  'property_service',
  'smart_security',
  'grassroots_governance',
] as const;
export type FacilityCategory = (typeof FACILITY_CATEGORIES)[number];

/** What a kind counts as in the coverage rules: the party-mass service centre, or an urban village's sub-station. */
export const FACILITY_ROLES = ['centre', 'sub_station'] as const;
export type FacilityRole = (typeof FACILITY_ROLES)[number];

export const FACILITY_STATUSES = ['planned', 'building', 'in_use', 'closed'] as const;
export type FacilityStatus = (typeof FACILITY_STATUSES)[number];

export const OPERATOR_KINDS = ['community', 'government', 'social_org', 'company', 'other'] as const;

/**
 * Seed 003 五.2 (SEED-MAP S003-61): "通过政府釆购、新增设施有偿使用、落实资产权益等方式,吸引各类专业机构等
 * 社会力量参与社区配套设施建设和运营。支持规范各类企业以政府和社会资本合作模式开展设施建设和改造" (the seed
 * prints 采 as 釆; labels use 采) — how social capital takes part in building and running a facility:
 * government purchase, paid use of new facilities, asset rights, public-private partnership (政府和社会资本合作,
 * PPP); the seed's 等方式 is `other`.
 */
export const OPERATION_MODES = ['government_purchase', 'paid_use', 'asset_rights', 'ppp', 'other'] as const;
export type OperationMode = (typeof OPERATION_MODES)[number];

/**
 * R-ORG-5: "距离社区党群服务中心1000米以上的城中村" — 以上 includes the number (Civil Code art. 1259), so
 * 1,000 m exactly needs a sub-station too; staffed by 1–2 community workers, grid workers or social workers.
 */
export const SUB_STATION_DISTANCE_M = 1000;
export const SUB_STATION_STAFF_MIN = 1;
export const SUB_STATION_STAFF_MAX = 2;
/**
 * R-ORG-6 sizes elderly care "按照常住人口数量建设1个以上" without a ratio: one facility per this many
 * permanent residents is the product's choice (stated on screen), never less than one per urban village.
 */
export const ELDERLY_CARE_RESIDENTS_PER_FACILITY = 5000;
/**
 * 15-minute life circle (seed 004 Ⅱ-7, 一刻钟生活圈): facilities within a 15-minute walk of the community,
 * taken as 1,000 m straight-line (GB 50180-2018 puts the 15-minute walk at 800–1,000 m).
 */
export const LIFE_CIRCLE_RADIUS_M = 1000;

/** Seed 003 (附件2): at least 10 grid party-organisation activity venues built a year, per subdistrict. */
export const GRID_PARTY_VENUES_PER_YEAR = 10;
export const GRID_PARTY_VENUE_KIND = 'grid_party_venue';

/**
 * Seed 003 三(一)4 (SEED-MAP S003-25; DOMAIN.md gives it no rule id): "继续打造2个以上具有辨识度、温馨感的
 * 社区“居民议事厅”“社区圆桌会”" — 2 or more council rooms (round tables) newly built during the lab period,
 * which seed 003 二 1–2 sets at 2023年9月至2024年8月 and 2024年9月至2025年8月 (both ends inclusive).
 */
export const COUNCIL_ROOMS_TARGET = 2;
export const COUNCIL_ROOM_KIND = 'council_room';
export const COUNCIL_ROOM_PERIOD = { from: '2023-09-01', to: '2025-08-31' } as const;

export const COVERAGE_FLAGS = [
  'no_location',
  'no_centre',
  'sub_station_missing',
  'sub_station_staffing',
  'no_elderly_care',
  'life_circle_gaps',
] as const;
export type CoverageFlag = (typeof COVERAGE_FLAGS)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: 'invalid_date' });

export const facilityKindSchema = z.object({
  key: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  category: z.enum(FACILITY_CATEGORIES),
  role: z.enum(FACILITY_ROLES).nullable(),
  source: z.string().nullable(),
  sort: z.number(),
  active: z.boolean(),
});
export type FacilityKindDto = z.infer<typeof facilityKindSchema>;

export const kindBody = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  nameZh: text(40),
  nameEn: text(80),
  category: z.enum(FACILITY_CATEGORIES),
  role: z.enum(FACILITY_ROLES).nullish(),
  source: optText(40),
  sort: z.number().int().min(0).max(9999).default(500),
  active: z.boolean().default(true),
});
export type KindBody = z.infer<typeof kindBody>;

const facilityFields = {
  kind: text(40),
  name: text(80),
  address: optText(200),
  lng: z.number().min(-180).max(180).nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  areaM2: z.number().min(0).max(1_000_000).nullish(),
  /** S002-29: office area vs space for residents. */
  officeAreaM2: z.number().min(0).max(1_000_000).nullish(),
  hours: optText(120),
  operator: optText(80),
  operatorKind: z.enum(OPERATOR_KINDS).nullish(),
  staffCount: z.number().int().min(0).max(9999).default(0),
  beds: z.number().int().min(0).max(100_000).nullish(),
  status: z.enum(FACILITY_STATUSES).default('in_use'),
  /** 四同步 (seed 001): planned, built, accepted and handed over with new housing. */
  plannedOn: isoDate.nullish(),
  builtOn: isoDate.nullish(),
  acceptedOn: isoDate.nullish(),
  handedOverOn: isoDate.nullish(),
  note: optText(500),
  /** S003-61: the operating mode, its contract's term and the yearly fee (integer fen, as money is kept elsewhere). */
  operationMode: z.enum(OPERATION_MODES).nullish(),
  contractStartOn: isoDate.nullish(),
  contractEndOn: isoDate.nullish(),
  yearlyFeeFen: z.number().int().min(0).max(100_000_000_000).nullish(),
};

const bothOrNeither = (b: { lng?: number | null; lat?: number | null }) =>
  (b.lng === undefined || b.lng === null) === (b.lat === undefined || b.lat === null);

export const facilityBody = z
  .object({ orgUnitId: z.string().max(64), ...facilityFields })
  .refine(bothOrNeither, { path: ['lat'], message: 'facilities.location_pair' });
export type FacilityBody = z.infer<typeof facilityBody>;

export const facilityPatch = z
  .object({
    kind: facilityFields.kind.optional(),
    name: facilityFields.name.optional(),
    address: facilityFields.address,
    lng: facilityFields.lng,
    lat: facilityFields.lat,
    areaM2: facilityFields.areaM2,
    officeAreaM2: facilityFields.officeAreaM2,
    hours: facilityFields.hours,
    operator: facilityFields.operator,
    operatorKind: facilityFields.operatorKind,
    staffCount: z.number().int().min(0).max(9999).optional(),
    beds: facilityFields.beds,
    status: z.enum(FACILITY_STATUSES).optional(),
    plannedOn: facilityFields.plannedOn,
    builtOn: facilityFields.builtOn,
    acceptedOn: facilityFields.acceptedOn,
    handedOverOn: facilityFields.handedOverOn,
    note: facilityFields.note,
    operationMode: facilityFields.operationMode,
    contractStartOn: facilityFields.contractStartOn,
    contractEndOn: facilityFields.contractEndOn,
    yearlyFeeFen: facilityFields.yearlyFeeFen,
    version: z.number().int().min(1),
  })
  .refine(bothOrNeither, { path: ['lat'], message: 'facilities.location_pair' });
export type FacilityPatch = z.infer<typeof facilityPatch>;

export const facilitySchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  communityName: z.string().nullable(),
  kind: z.string(),
  kindNameZh: z.string().nullable(),
  kindNameEn: z.string().nullable(),
  category: z.enum(FACILITY_CATEGORIES).nullable(),
  role: z.enum(FACILITY_ROLES).nullable(),
  name: z.string(),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  areaM2: z.number().nullable(),
  officeAreaM2: z.number().nullable(),
  hours: z.string().nullable(),
  operator: z.string().nullable(),
  operatorKind: z.enum(OPERATOR_KINDS).nullable(),
  staffCount: z.number(),
  beds: z.number().nullable(),
  status: z.enum(FACILITY_STATUSES),
  plannedOn: z.string().nullable(),
  builtOn: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  handedOverOn: z.string().nullable(),
  note: z.string().nullable(),
  operationMode: z.enum(OPERATION_MODES).nullable(),
  contractStartOn: z.string().nullable(),
  contractEndOn: z.string().nullable(),
  yearlyFeeFen: z.number().nullable(),
  version: z.number(),
  canEdit: z.boolean(),
});
export type FacilityDto = z.infer<typeof facilitySchema>;

export const facilityListQuery = z.object({
  orgUnitId: z.string().max(64).optional(),
  kind: z.string().max(40).optional(),
  category: z.enum(FACILITY_CATEGORIES).optional(),
  status: z.enum(FACILITY_STATUSES).optional(),
  operationMode: z.enum(OPERATION_MODES).optional(),
  q: z.string().trim().max(80).optional(),
  ...pageQuery,
});
export type FacilityListQuery = z.infer<typeof facilityListQuery>;

export const coverageQuery = z.object({ orgUnitId: z.string().max(64).optional() });

export const coverageRowSchema = z.object({
  ...communityRow,
  subdistrictName: z.string().nullable(),
  urbanVillage: z.boolean(),
  permanentResidents: z.number(),
  located: z.boolean(),
  centre: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Straight-line metres from the community's point to its party-mass service centre (R-ORG-5). */
  distanceToCentreM: z.number().nullable(),
  needsSubStation: z.boolean(),
  subStations: z.array(z.object({ id: z.string(), name: z.string(), staffCount: z.number() })),
  elderlyCareFacilities: z.number(),
  elderlyCareRequired: z.number(),
  lifeCircle: z.array(
    z.object({
      category: z.enum(FACILITY_CATEGORIES),
      count: z.number(),
      nearestM: z.number().nullable(),
    }),
  ),
  lifeCircleMissing: z.array(z.enum(FACILITY_CATEGORIES)),
  flags: z.array(z.enum(COVERAGE_FLAGS)),
  /** Council rooms (居民议事厅 / 社区圆桌会) built under the community in COUNCIL_ROOM_PERIOD (S003-25). */
  councilRooms: z.number(),
});
export type CoverageRowDto = z.infer<typeof coverageRowSchema>;

export const coverageSchema = z.object({
  subStationDistanceM: z.number(),
  subStationStaffMin: z.number(),
  subStationStaffMax: z.number(),
  elderlyCareResidentsPerFacility: z.number(),
  lifeCircleRadiusM: z.number(),
  rows: z.array(coverageRowSchema),
  /** Per subdistrict in reach: grid party venues built this year against the yearly target (R-FC-1). */
  venues: z.array(
    z.object({
      ...subdistrictRow,
      year: z.number(),
      built: z.number(),
      target: z.number(),
    }),
  ),
  /**
   * Seed 003's council rooms (S003-25) for the scope shown: the unit asked for, else everything in the
   * actor's reach — built in the lab period [from, to] against COUNCIL_ROOMS_TARGET.
   */
  councilRooms: z.object({
    from: z.string(),
    to: z.string(),
    built: z.number(),
    target: z.number(),
    met: z.boolean(),
  }),
});
export type CoverageDto = z.infer<typeof coverageSchema>;
