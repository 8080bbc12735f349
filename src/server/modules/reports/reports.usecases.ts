import type { ActorCtx } from '../../platform/context';
import { reportsPolicy } from './reports.policy';
import { staffingRows, urbanVillageRows } from './reports.repository';

/** R-ORG-3: at least 18 community workers per 10,000 permanent residents. */
export const WORKERS_PER_10K_FLOOR = 18;

export interface StaffingRow {
  communityId: string;
  communityName: string;
  subdistrictName: string | null;
  permanentResidents: number;
  communityWorkers: number;
  workersPer10k: number;
  required: number;
  shortfall: number;
  meetsStandard: boolean;
  grids: number;
  gridsWithoutWorker: number;
}

/**
 * Per community in scope: permanent residents (registered + permanent status in the registry), active
 * community workers, the ratio per 10,000 against the floor, and grids without a grid worker (缺一补一).
 */
export async function staffingReport(ctx: ActorCtx): Promise<StaffingRow[]> {
  reportsPolicy.require(ctx.actor, 'read');
  const rows = await staffingRows(ctx.db, ctx.actor, 'read');
  return rows.map((r) => {
    const required = Math.ceil((r.residents * WORKERS_PER_10K_FLOOR) / 10_000);
    const per10k = r.residents > 0 ? Math.round((r.workers * 10_000 * 10) / r.residents) / 10 : 0;
    return {
      communityId: r.community_id,
      communityName: r.community_name,
      subdistrictName: r.subdistrict_name,
      permanentResidents: r.residents,
      communityWorkers: r.workers,
      workersPer10k: per10k,
      required,
      shortfall: Math.max(0, required - r.workers),
      meetsStandard: r.workers >= required,
      grids: r.grids,
      gridsWithoutWorker: r.empty_grids,
    };
  });
}

/** R-ORG-5: an urban village further than this from its community's party-mass service centre needs a sub-station. */
export const SUB_STATION_DISTANCE_M = 1000;
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
  migrantWelfareOrgs: number;
  /** Codes of the standards this village misses. */
  flags: ('sub_station_missing' | 'sub_station_staffing' | 'no_elderly_care' | 'few_migrant_welfare_orgs')[];
}

const num = (v: unknown) =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : 0;

/**
 * Urban villages (城中村, communities with attrs.urbanVillage) against seed 002's standards:
 * R-ORG-5 a sub-station staffed by 1–2 workers when more than 1,000 m from the service centre;
 * R-ORG-6 at least one elderly-care facility and 2 public-welfare social organisations with migrant members.
 */
export async function urbanVillageReport(ctx: ActorCtx): Promise<UrbanVillageRow[]> {
  reportsPolicy.require(ctx.actor, 'read');
  const rows = await urbanVillageRows(ctx.db, ctx.actor, 'read');
  return rows.map((r) => {
    const distance = r.attrs.distanceToCentreM === undefined ? null : num(r.attrs.distanceToCentreM);
    const hasSubStation = r.attrs.hasSubStation === true || r.attrs.hasSubStation === 'true';
    const staff = num(r.attrs.subStationStaff);
    const facilities = num(r.attrs.elderlyCareFacilities);
    const flags: UrbanVillageRow['flags'] = [];
    if (distance !== null && distance > SUB_STATION_DISTANCE_M) {
      if (!hasSubStation) flags.push('sub_station_missing');
      else if (staff < 1 || staff > 2) flags.push('sub_station_staffing');
    }
    if (facilities < 1) flags.push('no_elderly_care');
    if (r.orgs < MIGRANT_WELFARE_ORGS_TARGET) flags.push('few_migrant_welfare_orgs');
    return {
      communityId: r.id,
      communityName: r.name,
      subdistrictName: r.sd,
      distanceToCentreM: distance,
      hasSubStation,
      subStationStaff: staff,
      elderlyCareFacilities: facilities,
      migrantWelfareOrgs: r.orgs,
      flags,
    };
  });
}
