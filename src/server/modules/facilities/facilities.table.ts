import { bigint, boolean, date, doublePrecision, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { createdByVersionedTimestamps, timestamps } from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/**
 * Facility kinds (R-FC-1): platform-wide data, seeded by the migration from the seeds (seed 003's 11
 * supporting-facility kinds and named stations, seed 002's sub-station and elderly-care facilities, seed
 * 000's 邻里驿站 and council room, seed 004's 城市书房 / 文化礼堂…). `category` is one of the 11 kinds
 * (coverage and the 15-minute life circle count by it); `role` marks the party-mass service centre and the
 * urban village's sub-station (R-ORG-5).
 */
export const fcKinds = pgTable('fc_kinds', {
  key: text('key').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  category: text('category').notNull(),
  /** centre | sub_station | null */
  role: text('role'),
  /** Which seed names it (e.g. '003 三(二)1'). */
  source: text('source'),
  sort: integer('sort').notNull().default(500),
  active: boolean('active').notNull().default(true),
  ...timestamps(),
});

/**
 * A community facility (设施): at the unit it belongs to (subdistrict, community or grid), with its point
 * (lng/lat, WGS-84 degrees), floor area, opening hours and operator, seed 001's 四同步 dates, and seed 003's
 * operating mode with its contract term and yearly fee (S003-61).
 */
export const fcFacilities = scopedTable(
  'fc_facilities',
  {
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    lng: doublePrecision('lng'),
    lat: doublePrecision('lat'),
    areaM2: doublePrecision('area_m2'),
    officeAreaM2: doublePrecision('office_area_m2'),
    hours: text('hours'),
    operator: text('operator'),
    operatorKind: text('operator_kind'),
    staffCount: integer('staff_count').notNull().default(0),
    beds: integer('beds'),
    /** planned | building | in_use | closed */
    status: text('status').notNull(),
    plannedOn: date('planned_on', { mode: 'string' }),
    builtOn: date('built_on', { mode: 'string' }),
    acceptedOn: date('accepted_on', { mode: 'string' }),
    handedOverOn: date('handed_over_on', { mode: 'string' }),
    note: text('note'),
    /** Seed 003 五.2 (S003-61): OPERATION_MODES (government purchase, paid use, asset rights, PPP, other). */
    operationMode: text('operation_mode'),
    contractStartOn: date('contract_start_on', { mode: 'string' }),
    contractEndOn: date('contract_end_on', { mode: 'string' }),
    /** The yearly fee of the operating contract, integer fen. */
    yearlyFeeFen: bigint('yearly_fee_fen', { mode: 'number' }),
    ...createdByVersionedTimestamps(),
  },
  (t) => [index('fc_facilities_kind_idx').on(t.kind), index('fc_facilities_point_idx').on(t.lat, t.lng)],
);
