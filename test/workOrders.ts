import { sql } from 'drizzle-orm';
import { orgUnits } from '../src/server/modules/org/org.table';
import type { TestApp } from './app';

/**
 * Test kit of the work-orders module (and of Open311, which files work orders): the fixture's grids have no
 * boundary, so a test gives one a square around a point for reports there to be routed to it (R-WO-4).
 */

/** 铜都第一网格's test point (lng 114.93, lat 30.165): inside the grid once `giveSquareBoundary` ran. */
export const IN_GRID = { lat: 30.165, lng: 114.93 };

/** Gives the org unit a 1 km square boundary around `at` (by default around IN_GRID). */
export async function giveSquareBoundary(t: TestApp, unitId: string, at = IN_GRID): Promise<void> {
  const { lat, lng } = at;
  const boundary = {
    type: 'Polygon',
    coordinates: [
      [
        [lng - 0.005, lat - 0.005],
        [lng + 0.005, lat - 0.005],
        [lng + 0.005, lat + 0.005],
        [lng - 0.005, lat + 0.005],
        [lng - 0.005, lat - 0.005],
      ],
    ],
  };
  await t.database.db.update(orgUnits).set({ boundary }).where(sql`${orgUnits.id} = ${unitId}`);
}
