import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db';
import type { Actor } from '../../platform/permissions';
import { type ReportAction, reportsPolicy } from './reports.policy';

/**
 * The reports' read models: raw SQL over other modules' tables (org_units, residents, workers,
 * grid_assignments, social_orgs). The module owns no tables; these queries only read, one row per
 * community in reach for `action` (the policy's scope ANDed into each `where`). Documented exception to
 * "only a module queries its tables": a read model across modules, kept in this one file.
 */

export interface StaffingQueryRow {
  community_id: string;
  community_name: string;
  subdistrict_name: string | null;
  residents: number;
  workers: number;
  grid_workers: number;
  grids: number;
  empty_grids: number;
  open_grids: string[] | null;
  social_worker_qualified: number;
  assistant_social_worker_qualified: number;
}

/**
 * The 社会工作者职业资格 levels the staffing report counts (seed 003 三(二)3): a worker's qualifications hold
 * the people console's code, or the name typed in (the field takes free tags).
 */
const SOCIAL_WORKER = ['social_worker', '社会工作师'];
const ASSISTANT_SOCIAL_WORKER = ['social_worker_assistant', '助理社会工作师'];

/** The community's staff (R-ORG-3): active community workers and full-time grid workers under its path. */
const STAFF = sql`w.org_path like c.path || '%' and w.active
           and (w.kind = 'community_worker' or (w.kind = 'grid_worker' and not w.part_time))`;
const holds = (names: readonly string[]) =>
  sql`(${sql.join(
    names.map((n) => sql`${n} = any(w.qualifications)`),
    sql` or `,
  )})`;

/** Only the community with this id, when given (one village's governance file). */
const onlyCommunity = (communityId: string | undefined) =>
  communityId ? sql` and c.id = ${communityId}` : sql``;

/**
 * Per active community in reach (or only `communityId`): permanent residents, community workers with the
 * grid workers counted in (R-ORG-3: "统一纳入社区工作者队伍") and how many of them hold the 社会工作师 and
 * 助理社会工作师 qualifications, active grids, and the grids without a worker (缺一补一 open positions).
 */
export async function staffingRows(
  db: Db,
  actor: Actor,
  action: ReportAction,
  communityId?: string,
): Promise<StaffingQueryRow[]> {
  return rowsOf<StaffingQueryRow>(
    await db.execute(sql`
      select c.id as community_id, c.name as community_name, s.name as subdistrict_name,
        (select count(*)::int from residents r where r.community_id = c.id and r.deleted_at is null
           and r.registration_status in ('registered', 'permanent')) as residents,
        (select count(*)::int from workers w where ${STAFF}) as workers,
        (select count(*)::int from workers w where ${STAFF} and ${holds(SOCIAL_WORKER)})
           as social_worker_qualified,
        (select count(*)::int from workers w where ${STAFF} and ${holds(ASSISTANT_SOCIAL_WORKER)})
           as assistant_social_worker_qualified,
        (select count(*)::int from workers w where w.org_path like c.path || '%' and w.active
           and w.kind = 'grid_worker' and not w.part_time) as grid_workers,
        (select count(*)::int from org_units g where g.parent_id = c.id and g.kind = 'grid' and g.status = 'active') as grids,
        (select count(*)::int from org_units g where g.parent_id = c.id and g.kind = 'grid' and g.status = 'active'
           and not exists (select 1 from grid_assignments ga join workers w on w.id = ga.worker_id
                           where ga.grid_id = g.id and w.active)) as empty_grids,
        (select array_agg(g.name order by g.sort, g.name) from org_units g
           where g.parent_id = c.id and g.kind = 'grid' and g.status = 'active'
           and not exists (select 1 from grid_assignments ga join workers w on w.id = ga.worker_id
                           where ga.grid_id = g.id and w.active)) as open_grids
      from org_units c
      left join org_units s on s.id = c.parent_id
      where c.kind = 'community' and c.status = 'active' and ${reportsPolicy.scope(actor, action)}
        ${onlyCommunity(communityId)}
      order by s.name, c.sort, c.name`),
  );
}

export interface UrbanVillageQueryRow {
  id: string;
  name: string;
  path: string;
  sd: string | null;
  orgs: number;
}

/**
 * Active urban-village communities in reach (or only `communityId`: none when it is out of reach, not a
 * community, archived or not an urban village), with their public-welfare social orgs with migrant members.
 */
export async function urbanVillageRows(
  db: Db,
  actor: Actor,
  action: ReportAction,
  communityId?: string,
): Promise<UrbanVillageQueryRow[]> {
  return rowsOf<UrbanVillageQueryRow>(
    await db.execute(sql`
      select c.id, c.name, c.path, s.name as sd,
        (select count(*)::int from social_orgs o where o.org_path like c.path || '%'
           and o.public_welfare and o.migrant_members) as orgs
      from org_units c left join org_units s on s.id = c.parent_id
      where c.kind = 'community' and c.status = 'active' and (c.attrs ->> 'urbanVillage')::boolean is true
        and ${reportsPolicy.scope(actor, action)} ${onlyCommunity(communityId)}
      order by s.name, c.name`),
  );
}
