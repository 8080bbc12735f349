import { z } from 'zod';

/** Field groups that response DTOs of several modules share; spread them into a schema. */

/** The unit a record belongs to, by id and name. */
export const unitRef = { orgUnitId: z.string(), orgUnitName: z.string().nullable() };

/** When a record was created and last updated. */
export const timestamps = { createdAt: z.date(), updatedAt: z.date() };
