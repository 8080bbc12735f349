import { z } from 'zod';

/**
 * Work-order measures (issue 3 "Measures and reports"): the three rates of R-LAW-WO-6, on-time
 * acceptance and completion, resolution levels (R-WO-5), top categories and weekly hotspots (R-WO-6),
 * and a heat map. Periods are China dates, both ends included.
 */

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'YYYY-MM-DD');

export const STATS_GROUP_BY = ['community', 'grid'] as const;

/** The unit (default: the top of the user's scope) and period (default: this year up to today). */
export const statsPeriodQuery = z.object({
  orgUnitId: z.string().uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});
export type StatsPeriodQuery = z.infer<typeof statsPeriodQuery>;

export const statsGroupedQuery = statsPeriodQuery.extend({
  groupBy: z.enum(STATS_GROUP_BY).default('community'),
});
export type StatsGroupedQuery = z.infer<typeof statsGroupedQuery>;

/** The counters of one unit (or the total) over the period. */
export const statsCountersSchema = z.object({
  received: z.number(),
  /** Cancelled, diverted or linked as duplicates. */
  withdrawn: z.number(),
  /** received − withdrawn. */
  valid: z.number(),
  /** Orders (not withdrawn) this unit handles, by intake day: the denominator of the response rate. */
  assigned: z.number(),
  acceptedOnTime: z.number(),
  acceptedLate: z.number(),
  replied: z.number(),
  repliedOnTime: z.number(),
  closed: z.number(),
  overdue: z.number(),
  followupsValid: z.number(),
  resolved: z.number(),
  satisfied: z.number(),
  basicallySatisfied: z.number(),
  dissatisfied: z.number(),
  /** Follow-ups that sent the order back for a redo (重办). */
  redone: z.number(),
  resolvedAtGrid: z.number(),
  resolvedAtCommunity: z.number(),
  resolvedAtSubdistrict: z.number(),
  resolvedAbove: z.number(),
});
export type StatsCounters = z.infer<typeof statsCountersSchema>;

const rate = z.number().nullable();

/** R-WO-5 shares of the orders closed with a level: grid, grid + community (小事不出网格,大事不出社区). */
const levelShares = {
  gridShare: rate,
  withinCommunityShare: rate,
  subdistrictShare: rate,
  aboveShare: rate,
};

/** Fractions 0…1 (4 decimals); null when the denominator is 0. */
export const statsRatesSchema = z.object({
  /** R-LAW-WO-6 响应率: accepted on time / assigned. */
  response: rate,
  /** R-LAW-WO-6 解决率: resolved / valid follow-ups. */
  resolution: rate,
  /** R-LAW-WO-6 满意率: (satisfied + w × basically satisfied) / valid follow-ups. */
  satisfaction: rate,
  /** Weighted sum of the three (null when one of them is). */
  composite: rate,
  /** accepted on time / accepted. */
  onTimeAcceptance: rate,
  /** replied on time / replied. */
  onTimeCompletion: rate,
  ...levelShares,
});
export type StatsRates = z.infer<typeof statsRatesSchema>;

export const statsRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  unitKind: z.string(),
  /** Counters of the unit itself (e.g. the subdistrict's own), not of any child unit. */
  own: z.boolean(),
  counters: statsCountersSchema,
  rates: statsRatesSchema,
});
export type StatsRowDto = z.infer<typeof statsRowSchema>;

export const rateWeightsSchema = z.object({
  responseWeight: z.number(),
  resolutionWeight: z.number(),
  satisfactionWeight: z.number(),
  basicallySatisfiedWeight: z.number(),
});

export const statsUnitSchema = z.object({ id: z.string(), name: z.string(), kind: z.string() });

/** The head of a report grouped by unit: the unit, the period and the grouping. */
const groupedReportHeader = {
  unit: statsUnitSchema,
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(STATS_GROUP_BY),
};

export const ratesReportSchema = z.object({
  ...groupedReportHeader,
  weights: rateWeightsSchema,
  rows: z.array(statsRowSchema),
  total: statsRowSchema,
});
export type RatesReportDto = z.infer<typeof ratesReportSchema>;

export const levelRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  own: z.boolean(),
  closed: z.number(),
  grid: z.number(),
  community: z.number(),
  subdistrict: z.number(),
  above: z.number(),
  ...levelShares,
});
export const levelsReportSchema = z.object({
  ...groupedReportHeader,
  rows: z.array(levelRowSchema),
  total: levelRowSchema,
});
export type LevelsReportDto = z.infer<typeof levelsReportSchema>;

export const topCategoriesQuery = statsPeriodQuery.extend({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const topCategoryRowSchema = z.object({
  categoryCode: z.string(),
  categoryName: z.string(),
  received: z.number(),
  /** Of all orders received in the unit and period. */
  share: rate,
  closed: z.number(),
  resolution: rate,
  satisfaction: rate,
});
export const topCategoriesSchema = z.object({
  unit: statsUnitSchema,
  from: z.string(),
  to: z.string(),
  totalReceived: z.number(),
  rows: z.array(topCategoryRowSchema),
});
export type TopCategoriesDto = z.infer<typeof topCategoriesSchema>;

/** ISO week, e.g. 2026-W48 (weeks start on Monday). */
export const isoWeek = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'YYYY-Www');

export const hotspotsQuery = z.object({
  orgUnitId: z.string().uuid().optional(),
  week: isoWeek.optional(),
  groupBy: z.enum(STATS_GROUP_BY).default('community'),
});
export const hotspotRowSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  categoryCode: z.string(),
  categoryName: z.string(),
  count: z.number(),
  /** Weekly average over the 4 weeks before. */
  previousAverage: z.number(),
  /** At least HOTSPOT_MIN_COUNT orders of one category in one area in the week (R-WO-6). */
  highFrequency: z.boolean(),
  /** Also clearly above the previous weeks' average. */
  rising: z.boolean(),
});
export const hotspotsSchema = z.object({
  unit: statsUnitSchema,
  week: z.string(),
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(STATS_GROUP_BY),
  minCount: z.number(),
  rows: z.array(hotspotRowSchema),
});
export type HotspotsDto = z.infer<typeof hotspotsSchema>;

export const heatmapQuery = statsPeriodQuery.extend({
  categoryCode: z.string().max(40).optional(),
  /** Cell size in metres (about), 50…2000. */
  cellM: z.coerce.number().int().min(50).max(2000).default(200),
});
export const heatmapSchema = z.object({
  unit: statsUnitSchema,
  from: z.string(),
  to: z.string(),
  /** Cell size in degrees of latitude/longitude. */
  cellDeg: z.number(),
  total: z.number(),
  /** Cell centres with the number of orders located in them, busiest first. */
  cells: z.array(z.object({ lat: z.number(), lng: z.number(), count: z.number() })),
  truncated: z.boolean(),
});
export type HeatmapDto = z.infer<typeof heatmapSchema>;

/** Labels of the .xlsx exports (and for the web app). */
export const WO_STATS_LABELS: Record<string, { 'zh-CN': string; en: string }> = {
  consult: { 'zh-CN': '咨询', en: 'Consult' },
  help: { 'zh-CN': '求助', en: 'Help' },
  complaint: { 'zh-CN': '投诉', en: 'Complaint' },
  report: { 'zh-CN': '举报', en: 'Report' },
  suggestion: { 'zh-CN': '建议', en: 'Suggestion' },
  event: { 'zh-CN': '网格事件', en: 'Grid event' },
  emergency: { 'zh-CN': '紧急', en: 'Emergency' },
  key: { 'zh-CN': '重点', en: 'Key' },
  regular: { 'zh-CN': '一般', en: 'Regular' },
  submitted: { 'zh-CN': '待派单', en: 'Submitted' },
  dispatched: { 'zh-CN': '待签收', en: 'Dispatched' },
  in_progress: { 'zh-CN': '办理中', en: 'In progress' },
  return_requested: { 'zh-CN': '退单待审', en: 'Return requested' },
  extension_pending: { 'zh-CN': '延期待批', en: 'Extension pending' },
  replied: { 'zh-CN': '待回访', en: 'Replied' },
  closed: { 'zh-CN': '已办结', en: 'Closed' },
  cancelled: { 'zh-CN': '已撤销', en: 'Cancelled' },
  duplicate: { 'zh-CN': '重复件', en: 'Duplicate' },
  diverted: { 'zh-CN': '已转办', en: 'Diverted' },
  grid: { 'zh-CN': '网格', en: 'Grid' },
  community: { 'zh-CN': '社区', en: 'Community' },
  subdistrict: { 'zh-CN': '街道', en: 'Subdistrict' },
  above: { 'zh-CN': '街道以上', en: 'Above' },
};
