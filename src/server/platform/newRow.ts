import type { ActorCtx } from './context';

/** The unit a new row belongs to: the org unit itself, or a row already stored under it (its unit and path). */
export type RowUnit = { id: string; path: string } | { orgUnitId: string; orgPath: string };

/**
 * The columns a use case (or a job) gives every new row it stores under an org unit: a fresh id, the unit and its path,
 * created and updated `now`. Spread into the insert's values: `{ ...newUnitRow(ctx, unit, now), title }`.
 */
export function newUnitRow(ctx: Pick<ActorCtx, 'ids'>, unit: RowUnit, now: Date) {
  const [orgUnitId, orgPath] = 'orgPath' in unit ? [unit.orgUnitId, unit.orgPath] : [unit.id, unit.path];
  return { id: ctx.ids(), orgUnitId, orgPath, createdAt: now, updatedAt: now };
}
