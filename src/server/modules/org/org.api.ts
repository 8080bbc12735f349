/**
 * What other modules may use of the org tree (DESIGN boundaries): functions and types, never the table.
 * Where another module needs a unit's name or path inside one of its own queries (a join, for speed),
 * it uses the named SQL builders below (`unitNameSql`, `unitPathSql`, `unitIdsUnderSql`): correlated
 * subqueries on `org_units` that answer exactly what a left join on the unit's id would. Where a statement
 * really joins units (many rows, several fields, a kind test, a merged unit's successor, a household by
 * building + room), it uses the join builders (`unitJoinSql`, `unitsOfKindOverJoinSql`, `survivingUnitJoin`,
 * `buildingRoomPlaceSql`, `someUnitUnderSql`), which name the table and the aliases they take.
 */
import type { ActorCtx } from '../../platform/context';
import { activeChildNamed } from './org.repository';
import { type OrgUnit, createChildUnit } from './org.usecases';

export type { OrgUnit } from './org.usecases';
export { findUnitInScope, unitFilter } from './org.usecases';
export {
  activeChildNamed,
  activeChildrenOf,
  activeGridBoundaries,
  activeUnitByDivisionCode,
  activeUnitNamesOfKind,
  activeUnitsOfKind,
  activeUnitsUnder,
  buildingRoomPlaceSql,
  ancestorOfKind,
  communityOfPath,
  insertHouseholds,
  insertUnit,
  mergedUnitPathsInto,
  orgTreeVersionNow,
  someUnitUnderSql,
  survivingUnitJoin,
  topUnit,
  underTreeLock,
  type UnitField,
  unitById,
  unitFieldSql,
  unitIdsUnderSql,
  unitInScope,
  unitJoinSql,
  unitNameSql,
  unitNames,
  unitPathAtTreeVersionSql,
  unitNamesOf,
  unitPathSql,
  unitsByIds,
  unitsOfKindOverJoinSql,
  unitsOfKindUnder,
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
  return createChildUnit(ctx, tx, unit, { kind: 'household', name: room, attrs: {} });
}
