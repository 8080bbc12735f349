import { sql } from 'drizzle-orm';
import type { ActorCtx } from '../../platform/context';
import { rowsOf } from '../../platform/db';
import { requirePermission, scopeWhere } from '../../platform/permissions';

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
  requirePermission(ctx.actor, 'reports.read');
  const rows = rowsOf<{
    community_id: string;
    community_name: string;
    subdistrict_name: string | null;
    residents: number;
    workers: number;
    grids: number;
    empty_grids: number;
  }>(
    await ctx.db.execute(sql`
      select c.id as community_id, c.name as community_name, s.name as subdistrict_name,
        (select count(*)::int from residents r where r.community_id = c.id and r.deleted_at is null
           and r.registration_status in ('registered', 'permanent')) as residents,
        (select count(*)::int from workers w where w.org_path like c.path || '%' and w.active
           and w.kind = 'community_worker') as workers,
        (select count(*)::int from org_units g where g.parent_id = c.id and g.kind = 'grid' and g.status = 'active') as grids,
        (select count(*)::int from org_units g where g.parent_id = c.id and g.kind = 'grid' and g.status = 'active'
           and not exists (select 1 from grid_assignments ga join workers w on w.id = ga.worker_id
                           where ga.grid_id = g.id and w.active)) as empty_grids
      from org_units c
      left join org_units s on s.id = c.parent_id
      where c.kind = 'community' and c.status = 'active' and ${scopeWhere(ctx.actor, 'reports.read', sql`c.path`)}
      order by s.name, c.sort, c.name`),
  );
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
  requirePermission(ctx.actor, 'reports.read');
  const rows = rowsOf<{
    id: string;
    name: string;
    sd: string | null;
    attrs: Record<string, unknown>;
    orgs: number;
  }>(
    await ctx.db.execute(sql`
      select c.id, c.name, s.name as sd, c.attrs,
        (select count(*)::int from social_orgs o where o.org_path like c.path || '%'
           and o.public_welfare and o.migrant_members) as orgs
      from org_units c left join org_units s on s.id = c.parent_id
      where c.kind = 'community' and c.status = 'active' and (c.attrs ->> 'urbanVillage')::boolean is true
        and ${scopeWhere(ctx.actor, 'reports.read', sql`c.path`)}
      order by s.name, c.name`),
  );
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
