import type { ActorCtx } from '../../platform/context';
import { reportsPolicy } from './reports.policy';
import { SUB_STATION_DISTANCE_M as SUB_STATION_M } from '../../../shared/contracts/facilities';
import { coverageOfUnits } from '../facilities/facilities.api';
import { unitsByIds } from '../org/org.api';
import { staffingRows, urbanVillageRows } from './reports.repository';

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
  const rows = await staffingRows(ctx.db, ctx.actor, 'read');
  return rows.map((r) => {
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
  });
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
