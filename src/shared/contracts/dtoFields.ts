import { z } from 'zod';

/** Field groups that response DTOs of several modules share; spread them into a schema. */

/** The unit a record belongs to, by id and name. */
export const unitRef = { orgUnitId: z.string(), orgUnitName: z.string().nullable() };

/** When a record was created and last updated. */
export const timestamps = { createdAt: z.date(), updatedAt: z.date() };

/** The unit a record belongs to, by id and name, the name as `unitName` (null once the unit is gone). */
export const unitIdAndName = { orgUnitId: z.string(), unitName: z.string().nullable() };

/** The community a record belongs to, by id and name (null once the unit is gone). */
export const communityRef = { communityId: z.string(), communityName: z.string().nullable() };

/** The community a report row (or evidence) is about, by id and name. */
export const communityRow = { communityId: z.string(), communityName: z.string() };

/** The subdistrict a report row is about, by id and name. */
export const subdistrictRow = { subdistrictId: z.string(), subdistrictName: z.string() };
