import type {
  HeatmapDto,
  HotspotsDto,
  LevelsReportDto,
  RatesReportDto,
  StatsCounters,
  StatsGroupedQuery,
  StatsPeriodQuery,
  StatsRates,
  StatsRowDto,
  TopCategoriesDto,
} from '../../../shared/contracts/workOrderStats';
import type { WorkOrderListQuery } from '../../../shared/contracts/workOrders';
import { auditAccess } from '../../platform/recordAudit';
import type { ActorCtx } from '../../platform/context';
import { invalidField, notFound } from '../../platform/errors';
import { STATS_PERMISSIONS, requireStats, statsRoots } from './workOrders.policy';
import { type OrgUnit, topUnit, unitById, unitInScope, unitsByIds, unitsOfKindUnder } from '../org/org.api';
import { allCategoryRows } from './workOrders.categories.repository';
import {
  orderCountsPerCell,
  rollupSumsByCategory,
  rollupSumsByPath,
  weekReceivedByPathAndCategory,
} from './workOrders.reports.repository';
import { chinaDay } from './workOrders.rollups';
import type { RollupCounter } from './workOrders.rollups.table';
import { DEFAULT_SETTINGS, settingsFor, type WoSettings } from './workOrders.settings';
import { listOrders } from './workOrders.usecases';

/**
 * Work-order measures (R-LAW-WO-6 three rates, R-WO-5 resolution levels, R-WO-6 hotspots) read from
 * the rollups (`workOrders.rollups.ts`): a year's dashboard reads monthly rows for whole months and
 * daily rows for the partial months at its ends, never the orders. The heat map and the order export
 * read orders (located points, filtered lists).
 */

type Unit = OrgUnit;
type Weights = WoSettings['rates'];

/** A hotspot: at least this many orders of one category in one area in one week (R-WO-6). */
export const HOTSPOT_MIN_COUNT = 3;
/** "Rising": the week's count is at least this multiple of the previous 4 weeks' average. */
export const HOTSPOT_RISE_FACTOR = 1.5;
/** Most rows one order export holds. */
export const EXPORT_MAX_ROWS = 50_000;
const MAX_PERIOD_DAYS = 3 * 366;
const DAY_MS = 86_400_000;

const KIND_RANK: Record<string, number> = {
  city: 0,
  district: 1,
  subdistrict: 2,
  community: 3,
  grid: 4,
  compound: 5,
  building: 6,
  household: 7,
};

// ---------------------------------------------------------------- scope and period

/** The unit asked for (404 outside the user's scope), else the top of the user's scope. */
export async function statsRoot(ctx: ActorCtx, orgUnitId?: string): Promise<Unit> {
  requireStats(ctx.actor);
  if (orgUnitId) {
    const u = await unitInScope(ctx.db, ctx.actor, STATS_PERMISSIONS, orgUnitId);
    if (!u) throw notFound();
    return u;
  }
  const roots = statsRoots(ctx.actor);
  const first = roots[0]!;
  const u =
    first === '/' ? await topUnit(ctx.db) : await unitById(ctx.db, first.split('/').filter(Boolean).at(-1)!);
  if (!u) throw notFound();
  return u;
}

const dayNum = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const dayStr = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);
const addDays = (d: string, n: number) => dayStr(dayNum(d) + n);
const monthStart = (d: string) => `${d.slice(0, 8)}01`;
const nextMonth = (d: string) => {
  const [y, m] = [Number(d.slice(0, 4)), Number(d.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};

/** The period asked for, China dates with both ends included; default this year up to today. */
export function periodOf(q: StatsPeriodQuery, now: Date): { from: string; to: string } {
  const to = q.to ?? chinaDay(now);
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalidField('from', 'work_orders.stats_period', 400);
  if (dayNum(to) - dayNum(from) > MAX_PERIOD_DAYS) throw invalidField('to', 'work_orders.stats_period', 400);
  return { from, to };
}

/** Whole months inside the period (monthly rows), and the days left at its ends (daily rows). */
export function splitPeriod(from: string, to: string) {
  // The first day of the first whole month, and of the last whole month.
  const firstFull = from.endsWith('-01') ? from : nextMonth(from);
  const lastFull = addDays(to, 1).endsWith('-01') ? monthStart(to) : monthStart(addDays(monthStart(to), -1));
  if (firstFull > lastFull) return { months: null, days: [[from, to]] as [string, string][] };
  const days: [string, string][] = [];
  if (from < firstFull) days.push([from, addDays(firstFull, -1)]);
  const after = nextMonth(lastFull);
  if (after <= to) days.push([after, to]);
  return { months: [firstFull, lastFull] as [string, string], days };
}

// ---------------------------------------------------------------- counters

const CAMEL: Record<RollupCounter, keyof StatsCounters> = {
  received: 'received',
  withdrawn: 'withdrawn',
  assigned: 'assigned',
  accepted_on_time: 'acceptedOnTime',
  accepted_late: 'acceptedLate',
  replied: 'replied',
  replied_on_time: 'repliedOnTime',
  closed: 'closed',
  resolved: 'resolved',
  followups_valid: 'followupsValid',
  satisfied: 'satisfied',
  basically_satisfied: 'basicallySatisfied',
  dissatisfied: 'dissatisfied',
  redone: 'redone',
  resolved_at_grid: 'resolvedAtGrid',
  resolved_at_community: 'resolvedAtCommunity',
  resolved_at_subdistrict: 'resolvedAtSubdistrict',
  resolved_above: 'resolvedAbove',
  overdue: 'overdue',
};

/** The rollup counters, in the rollup table's order (CAMEL lists every one). */
const COUNTERS = Object.keys(CAMEL) as RollupCounter[];

const emptyCounters = (): StatsCounters => {
  const c = { valid: 0 } as StatsCounters;
  for (const k of COUNTERS) c[CAMEL[k]] = 0;
  return c;
};

function addInto(into: StatsCounters, from: StatsCounters) {
  for (const k of Object.keys(into) as (keyof StatsCounters)[]) into[k] += from[k];
}

/** The counters under `root` in the period, per unit path (a few hundred rows at most). */
async function countersByPath(ctx: ActorCtx, root: Unit, from: string, to: string) {
  const { months, days } = splitPeriod(from, to);
  const rows = await rollupSumsByPath(ctx.db, ctx.actor, root.path, months, days);
  const out = new Map<string, StatsCounters>();
  for (const r of rows) {
    const c = emptyCounters();
    for (const k of COUNTERS) c[CAMEL[k]] = Number(r[k] ?? 0);
    c.valid = c.received - c.withdrawn;
    out.set(String(r.org_path), c);
  }
  return out;
}

const ratio = (n: number, d: number) => (d > 0 ? Math.min(1, Math.round((n / d) * 10_000) / 10_000) : null);

/** R-LAW-WO-6 with the unit's configured weights; R-WO-5 level shares. */
export function ratesOf(c: StatsCounters, w: Weights): StatsRates {
  const response = ratio(c.acceptedOnTime, c.assigned);
  const resolution = ratio(c.resolved, c.followupsValid);
  const satisfaction = ratio(
    c.satisfied + w.basicallySatisfiedWeight * c.basicallySatisfied,
    c.followupsValid,
  );
  const composite =
    response === null || resolution === null || satisfaction === null
      ? null
      : Math.round(
          (w.responseWeight * response +
            w.resolutionWeight * resolution +
            w.satisfactionWeight * satisfaction) *
            10_000,
        ) / 10_000;
  const leveled = c.resolvedAtGrid + c.resolvedAtCommunity + c.resolvedAtSubdistrict + c.resolvedAbove;
  return {
    response,
    resolution,
    satisfaction,
    composite,
    onTimeAcceptance: ratio(c.acceptedOnTime, c.acceptedOnTime + c.acceptedLate),
    onTimeCompletion: ratio(c.repliedOnTime, c.replied),
    gridShare: ratio(c.resolvedAtGrid, leveled),
    withinCommunityShare: ratio(c.resolvedAtGrid + c.resolvedAtCommunity, leveled),
    subdistrictShare: ratio(c.resolvedAtSubdistrict, leveled),
    aboveShare: ratio(c.resolvedAbove, leveled),
  };
}

interface Grouped {
  unit: Unit;
  from: string;
  to: string;
  groupBy: 'community' | 'grid';
  weights: Weights;
  rows: { unit: Pick<Unit, 'id' | 'name' | 'kind' | 'path'>; own: boolean; counters: StatsCounters }[];
  total: StatsCounters;
}

/**
 * The units a report groups `root`'s orders by: `root` itself when it is of `kind` or below, else the units
 * of that kind under it (merged ones only `withMerged`).
 */
async function groupUnits(
  ctx: ActorCtx,
  root: Unit,
  kind: 'community' | 'grid',
  { withMerged }: { withMerged: boolean },
): Promise<Unit[]> {
  if ((KIND_RANK[root.kind] ?? 9) >= (KIND_RANK[kind] ?? 9)) return [root];
  return unitsOfKindUnder(ctx.db, kind, root.path, { withMerged });
}

/**
 * The counters per child unit of the kind asked for (every one, with or without orders), plus one
 * "own" row for each unit above that level holding counters of its own (e.g. the subdistrict's
 * governance centre), plus the total.
 */
async function grouped(ctx: ActorCtx, q: StatsGroupedQuery): Promise<Grouped> {
  const root = await statsRoot(ctx, q.orgUnitId);
  const { from, to } = periodOf(q, ctx.clock.now());
  const byPath = await countersByPath(ctx, root, from, to);
  const groups = await groupUnits(ctx, root, q.groupBy, { withMerged: false });
  const groupByPath = new Map(
    groups.map((g) => [g.path, { unit: g, own: false, counters: emptyCounters() }]),
  );
  const own = new Map<string, StatsCounters>();
  const total = emptyCounters();
  for (const [path, c] of byPath) {
    addInto(total, c);
    let group: { counters: StatsCounters } | undefined;
    for (let i = path.indexOf('/', 1); i > 0 && !group; i = path.indexOf('/', i + 1))
      group = groupByPath.get(path.slice(0, i + 1));
    if (group) addInto(group.counters, c);
    else {
      const mine = own.get(path) ?? emptyCounters();
      addInto(mine, c);
      own.set(path, mine);
    }
  }
  // Rows emptied by later changes (an order dispatched away, a withdrawal) leave zeros behind.
  for (const [path, c] of own) if (Object.values(c).every((v) => v === 0)) own.delete(path);
  const ownIds = [...own.keys()].map((p) => p.split('/').filter(Boolean).at(-1)!);
  const ownUnits = ownIds.length ? await unitsByIds(ctx.db, ownIds) : [];
  const rows = [
    ...groupByPath.values(),
    ...ownUnits.map((u) => ({ unit: u, own: true, counters: own.get(u.path) ?? emptyCounters() })),
  ].sort((a, b) => (a.unit.path < b.unit.path ? -1 : a.unit.path > b.unit.path ? 1 : a.own ? -1 : 1));
  const settings = await settingsFor(ctx.db, root.path);
  return {
    unit: root,
    from,
    to,
    groupBy: q.groupBy,
    weights: { ...DEFAULT_SETTINGS.rates, ...settings.rates },
    rows,
    total,
  };
}

const unitDto = (u: Pick<Unit, 'id' | 'name' | 'kind'>) => ({ id: u.id, name: u.name, kind: u.kind });

/** GET /api/work-orders/stats/rates: the three rates and on-time rates per child unit and in total. */
export async function ratesReport(ctx: ActorCtx, q: StatsGroupedQuery): Promise<RatesReportDto> {
  const g = await grouped(ctx, q);
  const row = (u: Pick<Unit, 'id' | 'name' | 'kind'>, own: boolean, c: StatsCounters): StatsRowDto => ({
    unitId: u.id,
    unitName: u.name,
    unitKind: u.kind,
    own,
    counters: c,
    rates: ratesOf(c, g.weights),
  });
  return {
    unit: unitDto(g.unit),
    from: g.from,
    to: g.to,
    groupBy: g.groupBy,
    weights: g.weights,
    rows: g.rows.map((r) => row(r.unit, r.own, r.counters)),
    total: row(g.unit, false, g.total),
  };
}

/** GET /api/work-orders/stats/levels: where closed orders were resolved (R-WO-5). */
export async function levelsReport(ctx: ActorCtx, q: StatsGroupedQuery): Promise<LevelsReportDto> {
  const g = await grouped(ctx, q);
  const row = (u: Pick<Unit, 'id' | 'name'>, own: boolean, c: StatsCounters) => {
    const r = ratesOf(c, g.weights);
    return {
      unitId: u.id,
      unitName: u.name,
      own,
      closed: c.closed,
      grid: c.resolvedAtGrid,
      community: c.resolvedAtCommunity,
      subdistrict: c.resolvedAtSubdistrict,
      above: c.resolvedAbove,
      gridShare: r.gridShare,
      withinCommunityShare: r.withinCommunityShare,
      subdistrictShare: r.subdistrictShare,
      aboveShare: r.aboveShare,
    };
  };
  return {
    unit: unitDto(g.unit),
    from: g.from,
    to: g.to,
    groupBy: g.groupBy,
    rows: g.rows.map((r) => row(r.unit, r.own, r.counters)),
    total: row(g.unit, false, g.total),
  };
}

async function categoryNames(ctx: ActorCtx, locale: 'zh-CN' | 'en') {
  const cats = await allCategoryRows(ctx.db);
  return new Map(cats.map((c) => [c.code, locale === 'en' ? c.nameEn : c.nameZh]));
}

/** GET /api/work-orders/stats/top-categories: what residents ask about most (R-WO-6). */
export async function topCategories(
  ctx: ActorCtx,
  q: StatsPeriodQuery & { limit: number },
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<TopCategoriesDto> {
  const root = await statsRoot(ctx, q.orgUnitId);
  const { from, to } = periodOf(q, ctx.clock.now());
  const rows = await rollupSumsByCategory(ctx.db, ctx.actor, root.path, from, to);
  const names = await categoryNames(ctx, locale);
  const w = { ...DEFAULT_SETTINGS.rates, ...(await settingsFor(ctx.db, root.path)).rates };
  const totalReceived = rows.reduce((s, r) => s + Number(r.received), 0);
  return {
    unit: unitDto(root),
    from,
    to,
    totalReceived,
    rows: rows
      .filter((r) => Number(r.received) > 0)
      .slice(0, q.limit)
      .map((r) => ({
        categoryCode: r.category_code,
        categoryName: names.get(r.category_code) ?? r.category_code,
        received: Number(r.received),
        share: ratio(Number(r.received), totalReceived),
        closed: Number(r.closed),
        resolution: ratio(Number(r.resolved), Number(r.followups_valid)),
        satisfaction: ratio(
          Number(r.satisfied) + w.basicallySatisfiedWeight * Number(r.basically_satisfied),
          Number(r.followups_valid),
        ),
      })),
  };
}

// ---------------------------------------------------------------- weeks and hotspots

/** The ISO week (Monday start) of a date, e.g. 2026-W48. */
export function isoWeekOf(date: string): string {
  const n = dayNum(date);
  const weekday = (((n + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  const thursday = n - weekday + 3;
  const year = Number(dayStr(thursday).slice(0, 4));
  const week = Math.floor((thursday - dayNum(`${year}-01-01`)) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week. */
export function weekStart(week: string): string {
  const year = Number(week.slice(0, 4));
  const w = Number(week.slice(6));
  const jan4 = dayNum(`${year}-01-04`);
  const jan4Weekday = (((jan4 + 3) % 7) + 7) % 7;
  return dayStr(jan4 - jan4Weekday + (w - 1) * 7);
}

/**
 * GET /api/work-orders/stats/hotspots: orders per area (community or grid) and category in one ISO
 * week against the 4 weeks before: the high-frequency common problems of R-WO-6.
 */
export async function hotspots(
  ctx: ActorCtx,
  q: { orgUnitId?: string | undefined; week?: string | undefined; groupBy: 'community' | 'grid' },
  locale: 'zh-CN' | 'en' = 'zh-CN',
): Promise<HotspotsDto> {
  const root = await statsRoot(ctx, q.orgUnitId);
  const week = q.week ?? isoWeekOf(chinaDay(ctx.clock.now()));
  const from = weekStart(week);
  if (isoWeekOf(from) !== week) throw invalidField('week', 'work_orders.stats_week', 400);
  const to = addDays(from, 6);
  const rows = await weekReceivedByPathAndCategory(ctx.db, ctx.actor, root.path, {
    since: addDays(from, -28),
    from,
    to,
  });
  const areas = await groupUnits(ctx, root, q.groupBy, { withMerged: true });
  const areaByPath = new Map(areas.map((a) => [a.path, a]));
  const cells = new Map<string, { area: Unit; code: string; n: number; prev: number }>();
  for (const r of rows) {
    let area: Unit | undefined;
    for (let i = r.org_path.indexOf('/', 1); i > 0 && !area; i = r.org_path.indexOf('/', i + 1))
      area = areaByPath.get(r.org_path.slice(0, i + 1));
    if (!area) continue;
    const key = `${area.id}|${r.category_code}`;
    const cell = cells.get(key) ?? { area, code: r.category_code, n: 0, prev: 0 };
    cell.n += Number(r.n);
    cell.prev += Number(r.prev);
    cells.set(key, cell);
  }
  const names = await categoryNames(ctx, locale);
  return {
    unit: unitDto(root),
    week,
    from,
    to,
    groupBy: q.groupBy,
    minCount: HOTSPOT_MIN_COUNT,
    rows: [...cells.values()]
      .filter((c) => c.n > 0)
      .sort((a, b) => b.n - a.n || b.n - b.prev / 4 - (a.n - a.prev / 4) || (a.code < b.code ? -1 : 1))
      .slice(0, 100)
      .map((c) => {
        const previousAverage = Math.round((c.prev / 4) * 100) / 100;
        const highFrequency = c.n >= HOTSPOT_MIN_COUNT;
        return {
          unitId: c.area.id,
          unitName: c.area.name,
          categoryCode: c.code,
          categoryName: names.get(c.code) ?? c.code,
          count: c.n,
          previousAverage,
          highFrequency,
          rising: highFrequency && c.n >= HOTSPOT_RISE_FACTOR * previousAverage,
        };
      }),
  };
}

// ---------------------------------------------------------------- heat map

const MAX_CELLS = 5000;

/**
 * GET /api/work-orders/stats/heatmap: located orders counted per square cell (about `cellM` metres)
 * for the map page's heat layer; orders handled or dispatched within the unit.
 */
export async function heatmap(
  ctx: ActorCtx,
  q: StatsPeriodQuery & { categoryCode?: string | undefined; cellM: number },
): Promise<HeatmapDto> {
  const root = await statsRoot(ctx, q.orgUnitId);
  const { from, to } = periodOf(q, ctx.clock.now());
  const cellDeg = Math.round((q.cellM / 111_000) * 1e6) / 1e6;
  const start = new Date(`${from}T00:00:00+08:00`);
  const end = new Date(`${addDays(to, 1)}T00:00:00+08:00`);
  const rows = await orderCountsPerCell(ctx.db, ctx.actor, root.path, {
    start,
    end,
    cellDeg,
    categoryCode: q.categoryCode,
    limit: MAX_CELLS + 1,
  });
  const cells = rows.slice(0, MAX_CELLS).map((r) => ({
    lat: Math.round(Number(r.lat) * cellDeg * 1e6) / 1e6,
    lng: Math.round(Number(r.lng) * cellDeg * 1e6) / 1e6,
    count: Number(r.n),
  }));
  return {
    unit: unitDto(root),
    from,
    to,
    cellDeg,
    total: cells.reduce((s, c) => s + c.count, 0),
    cells,
    truncated: rows.length > MAX_CELLS,
  };
}

// ---------------------------------------------------------------- exports

/** The filtered order list (as GET /api/work-orders shows it: masked phones) for .xlsx; audited. */
export async function exportOrders(ctx: ActorCtx, q: Omit<WorkOrderListQuery, 'page' | 'pageSize'>) {
  const pageSize = 1000;
  const all: Awaited<ReturnType<typeof listOrders>>['items'] = [];
  for (let page = 1; ; page++) {
    const batch = await listOrders(ctx, { ...q, page, pageSize });
    all.push(...batch.items);
    if (batch.items.length < pageSize || all.length >= EXPORT_MAX_ROWS) break;
  }
  const rows = all.slice(0, EXPORT_MAX_ROWS);
  await auditAccess(ctx, {
    action: 'work_orders.export',
    entityType: 'work_order',
    after: { filter: q, rows: rows.length },
  });
  return rows;
}
