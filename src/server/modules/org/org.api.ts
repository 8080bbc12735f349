/**
 * What other modules may use of the org tree (DESIGN boundaries): functions and types, never the table.
 * Where another module needs a unit's name or path inside one of its own queries (a join, for speed),
 * it uses the named SQL builders below (`unitNameSql`, `unitPathSql`, `unitIdsUnderSql`): correlated
 * subqueries on `org_units` that answer exactly what a left join on the unit's id would.
 */
import { writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import { activeChildNamed, insertChildUnit } from './org.repository';
import type { OrgUnit } from './org.usecases';

export type { OrgUnit } from './org.usecases';
export { findUnitInScope } from './org.usecases';
export {
  activeChildNamed,
  activeChildrenOf,
  activeUnitByDivisionCode,
  activeUnitsOfKind,
  activeUnitsUnder,
  ancestorOfKind,
  communityOfPath,
  insertHouseholds,
  insertUnit,
  underTreeLock,
  type UnitField,
  unitById,
  unitFieldSql,
  unitIdsUnderSql,
  unitInScope,
  unitNameSql,
  unitNames,
  unitPathSql,
  unitsByIds,
} from './org.repository';

/**
 * A building + room resolves to the room's household unit, created (and audited as `org.create`) on
 * first use; any other unit, or no room, is the place itself. Run it inside the caller's transaction
 * (`ctx.db`), under the org-tree lock the caller holds.
 */
export async function householdOf(
  ctx: ActorCtx,
  unit: OrgUnit,
  room: string | null | undefined,
): Promise<OrgUnit> {
  if (unit.kind !== 'building' || !room) return unit;
  const tx = ctx.db;
  const existing = await activeChildNamed(tx, unit.id, 'household', room);
  if (existing) return existing;
  const id = ctx.ids();
  const now = ctx.clock.now();
  const created = await insertChildUnit(tx, unit, id, {
    kind: 'household',
    name: room,
    attrs: {},
    createdAt: now,
    updatedAt: now,
  });
  await writeAudit(tx, ctx, {
    action: 'org.create',
    entityType: 'org_unit',
    entityId: id,
    orgPath: created.path,
    after: created,
  });
  return created;
}
