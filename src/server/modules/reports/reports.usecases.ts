import type { ActorCtx } from '../../platform/context';
import { reportsPolicy } from './reports.policy';
import { chinaDate, chinaDayStart, chinaMonth } from '../../../shared/chinaTime';
import {
  LIFE_CIRCLE_RADIUS_M,
  SUB_STATION_DISTANCE_M as SUB_STATION_M,
} from '../../../shared/contracts/facilities';
import {
  URBAN_VILLAGE_PROFILE_FLAGS,
  type UrbanVillageProfileDto,
  type UrbanVillageProfileFlag,
} from '../../../shared/contracts/reports';
import { notFound } from '../../platform/errors';
import { checkId } from '../../platform/ids';
import { reportFigures } from '../../platform/offerings';
import { coverageOfUnits } from '../facilities/facilities.api';
import { unitsByIds } from '../org/org.api';
import { migrantWelfareOrgsUnder } from '../people/people.api';
import { registrationCountsUnder } from '../residents/residents.api';
import { selfGovernanceSummary } from '../self-governance/self-governance.api';
import { type StaffingQueryRow, staffingRows, urbanVillageRows } from './reports.repository';

/** R-ORG-3: at least 18 community workers per 10,000 permanent residents… */
export const WORKERS_PER_10K_FLOOR = 18;
/** …and at most 3 per 1,000 (= 30 per 10,000): "每千名不高于3名". */
export const WORKERS_PER_1K_CEILING = 3;

export interface StaffingRow {
  communityId: string;
  communityName: string;
  subdistrictName: string | null;
  permanentResidents: number;
  communityWorkers: number;
  gridWorkers: number;
  /** Of the community workers: holders of the 社会工作师 qualification… */
  socialWorkerQualified: number;
  /** …and of the 助理社会工作师 qualification (seed 003 三(二)3). */
  assistantSocialWorkerQualified: number;
  workersPer10k: number;
  required: number;
  maxAllowed: number;
  shortfall: number;
  excess: number;
  meetsFloor: boolean;
  withinCeiling: boolean;
  meetsStandard: boolean;
  grids: number;
  gridsWithoutWorker: number;
  openGrids: string[];
}

/**
 * R-ORG-3 per community in scope: permanent residents (registered + permanent status in the registry),
 * active community workers with grid workers counted in (and how many of them are qualified 社会工作师 and
 * 助理社会工作师), the ratio per 10,000 against both bounds — at
 * least ceil(18 × residents / 10,000), at most floor(3 × residents / 1,000) — and the grids without a grid
 * worker, each an open position to fill one-for-one (缺一补一).
 */
export async function staffingReport(ctx: ActorCtx): Promise<StaffingRow[]> {
  reportsPolicy.require(ctx.actor, 'read');
  return (await staffingRows(ctx.db, ctx.actor, 'read')).map(toStaffingRow);
}

/** A staffing query row measured against both bounds of R-ORG-3. */
function toStaffingRow(r: StaffingQueryRow): StaffingRow {
  const required = Math.ceil((r.residents * WORKERS_PER_10K_FLOOR) / 10_000);
  const maxAllowed = Math.floor((r.residents * WORKERS_PER_1K_CEILING) / 1_000);
  const per10k = r.residents > 0 ? Math.round((r.workers * 10_000 * 10) / r.residents) / 10 : 0;
  const meetsFloor = r.workers >= required;
  const withinCeiling = r.workers <= maxAllowed;
  return {
    communityId: r.community_id,
    communityName: r.community_name,
    subdistrictName: r.subdistrict_name,
    permanentResidents: r.residents,
    communityWorkers: r.workers,
    gridWorkers: r.grid_workers,
    socialWorkerQualified: r.social_worker_qualified,
    assistantSocialWorkerQualified: r.assistant_social_worker_qualified,
    workersPer10k: per10k,
    required,
    maxAllowed,
    shortfall: Math.max(0, required - r.workers),
    excess: Math.max(0, r.workers - maxAllowed),
    meetsFloor,
    withinCeiling,
    meetsStandard: meetsFloor && withinCeiling,
    grids: r.grids,
    gridsWithoutWorker: r.empty_grids,
    openGrids: r.open_grids ?? [],
  };
}

/** R-ORG-5: an urban village this far or further (1000米以上, inclusive) from its centre needs a sub-station. */
export const SUB_STATION_DISTANCE_M = SUB_STATION_M;
/** R-ORG-6: public-welfare social organisations with migrant-worker members each urban village should have. */
export const MIGRANT_WELFARE_ORGS_TARGET = 2;

export interface UrbanVillageRow {
  communityId: string;
  communityName: string;
  subdistrictName: string | null;
  distanceToCentreM: number | null;
  hasSubStation: boolean;
  subStationStaff: number;
  elderlyCareFacilities: number;
  elderlyCareRequired: number;
  migrantWelfareOrgs: number;
  /** Codes of the standards this village misses. */
  flags: (
    | 'no_centre'
    | 'sub_station_missing'
    | 'sub_station_staffing'
    | 'no_elderly_care'
    | 'few_migrant_welfare_orgs'
  )[];
}

/**
 * Urban villages (城中村, communities with attrs.urbanVillage) against seed 002's standards, from the
 * facilities registry (distances computed from coordinates, facilities.api):
 * R-ORG-5 a sub-station staffed by 1–2 workers at 1,000 m or more from the party-mass service centre;
 * R-ORG-6 elderly care by permanent population and 2 public-welfare social organisations with migrant members.
 */
export async function urbanVillageReport(ctx: ActorCtx): Promise<UrbanVillageRow[]> {
  reportsPolicy.require(ctx.actor, 'read');
  const rows = await urbanVillageRows(ctx.db, ctx.actor, 'read');
  const units = await unitsByIds(
    ctx.db,
    rows.map((r) => r.id),
  );
  const facts = await coverageOfUnits(ctx.db, units);
  return rows.map((r) => {
    const f = facts.get(r.id);
    const flags: UrbanVillageRow['flags'] = [];
    for (const flag of f?.flags ?? [])
      if (
        flag === 'no_centre' ||
        flag === 'sub_station_missing' ||
        flag === 'sub_station_staffing' ||
        flag === 'no_elderly_care'
      )
        flags.push(flag);
    if (r.orgs < MIGRANT_WELFARE_ORGS_TARGET) flags.push('few_migrant_welfare_orgs');
    return {
      communityId: r.id,
      communityName: r.name,
      subdistrictName: r.sd,
      distanceToCentreM: f?.distanceToCentreM ?? null,
      hasSubStation: (f?.subStations.length ?? 0) > 0,
      subStationStaff: f?.subStations.reduce((s, x) => s + x.staffCount, 0) ?? 0,
      elderlyCareFacilities: f?.elderlyCareFacilities ?? 0,
      elderlyCareRequired: f?.elderlyCareRequired ?? 1,
      migrantWelfareOrgs: r.orgs,
      flags,
    };
  });
}

/** The report figures (platform/offerings) a governance file shows per month, by the modules' keys. */
const MONTH_FIGURES = {
  workOrdersReceived: 'work_orders.received',
  workOrdersClosed: 'work_orders.closed',
  workOrdersOnTimeRate: 'work_orders.on_time_rate',
  disputesMediated: 'disputes.mediated',
  volunteerHours: 'volunteers.hours',
  serviceOrdersCompleted: 'services.orders_completed',
} as const;
/** How many China calendar months (the current one included) the governance file looks back. */
const PROFILE_MONTHS = 6;

/** The last `n` China calendar months up to the one holding `now`, oldest first, each as [from, to). */
function lastMonths(now: Date, n: number): { month: string; from: Date; to: Date }[] {
  const [y, m] = chinaMonth(now).split('-').map(Number) as [number, number];
  const first = (i: number) => {
    const d = new Date(Date.UTC(y, m - 1 - i, 1));
    return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  };
  return Array.from({ length: n }, (_, k) => n - 1 - k).map((i) => {
    const month = first(i);
    return { month, from: chinaDayStart(`${month}-01`), to: chinaDayStart(`${first(i - 1)}-01`) };
  });
}

/**
 * 城中村治理档案 (seed 002 四(四), S002-39): one urban village's governance file, put together only through
 * other modules' api files and the figures modules offer — population by registration status (residents),
 * its staffing row (R-ORG-3, this module's own query), facility coverage computed from coordinates
 * (R-ORG-5 sub-station, R-ORG-6 elderly care, the life circle; facilities), the public-welfare social
 * organisations with migrant members (R-ORG-6; people), its self-governance bodies (self-governance) and the
 * last six months' figures. A unit out of the reader's reach, not a community, archived or not an urban
 * village answers 404 alike.
 *
 * The months' work-order figures count the orders under the village's path, i.e. those it handles now (an
 * order still waiting for dispatch sits with the subdistrict), as the figures do for report templates.
 *
 * Left out, for want of a figure a module offers (each would be a new query in that module): overdue work
 * orders (the work-order api is kept to re-exports while its state machine is rewritten; the on-time rate
 * of the orders closed stands in), disputes received (disputes offer only those mediated), and the
 * self-governance trainings and reviews (the self-governance overview page has them).
 */
export async function urbanVillageProfile(ctx: ActorCtx, id: string): Promise<UrbanVillageProfileDto> {
  reportsPolicy.require(ctx.actor, 'read');
  checkId(id);
  const [village] = await urbanVillageRows(ctx.db, ctx.actor, 'read', id);
  if (!village) throw notFound();
  const now = ctx.clock.now();
  const asOf = chinaDate(now);
  const [units, staffing, population, orgs, selfGovernance] = await Promise.all([
    unitsByIds(ctx.db, [id]),
    staffingRows(ctx.db, ctx.actor, 'read', id),
    registrationCountsUnder(ctx.db, village.path),
    migrantWelfareOrgsUnder(ctx.db, village.path),
    selfGovernanceSummary(ctx.db, id, asOf),
  ]);
  const facts = (await coverageOfUnits(ctx.db, units)).get(id);
  const staffingRow = staffing[0];
  if (!facts || !staffingRow) throw notFound();
  const staff = toStaffingRow(staffingRow);

  const figures = new Map(reportFigures().map(({ figure }) => [figure.key, figure]));
  const months = await Promise.all(
    lastMonths(now, PROFILE_MONTHS).map(async (period) => {
      const q = { orgPath: village.path, from: period.from, to: period.to };
      const values = await Promise.all(
        Object.entries(MONTH_FIGURES).map(async ([field, key]) => {
          const figure = figures.get(key);
          return [field, figure ? await figure.compute({ db: ctx.db }, q) : null] as const;
        }),
      );
      return {
        month: period.month,
        ...(Object.fromEntries(values) as Record<keyof typeof MONTH_FIGURES, number | null>),
      };
    }),
  );

  const flags = new Set<UrbanVillageProfileFlag>(facts.flags);
  if (orgs.length < MIGRANT_WELFARE_ORGS_TARGET) flags.add('few_migrant_welfare_orgs');
  if (!staff.meetsFloor) flags.add('staffing_short');
  if (!staff.withinCeiling) flags.add('staffing_over');
  if (selfGovernance.overdueVacancies > 0) flags.add('vacancy_overdue');

  return {
    communityId: village.id,
    communityName: village.name,
    subdistrictName: village.sd,
    asOf,
    population: {
      ...population,
      permanentResidents: population.registered + population.permanent,
      total: population.registered + population.permanent + population.migrant,
    },
    staffing: staff,
    facilities: {
      located: facts.located,
      centreName: facts.centre?.name ?? null,
      distanceToCentreM: facts.distanceToCentreM,
      subStationDistanceM: SUB_STATION_DISTANCE_M,
      needsSubStation: facts.needsSubStation,
      subStations: facts.subStations.map((s) => ({ name: s.name, staffCount: s.staffCount })),
      elderlyCareFacilities: facts.elderlyCareFacilities,
      elderlyCareRequired: facts.elderlyCareRequired,
      lifeCircleRadiusM: LIFE_CIRCLE_RADIUS_M,
      lifeCircle: facts.lifeCircle,
      lifeCircleMissing: facts.lifeCircleMissing,
    },
    welfareOrgs: { target: MIGRANT_WELFARE_ORGS_TARGET, count: orgs.length, orgs },
    selfGovernance,
    months,
    flags: URBAN_VILLAGE_PROFILE_FLAGS.filter((f) => flags.has(f)),
  };
}
