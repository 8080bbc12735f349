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
