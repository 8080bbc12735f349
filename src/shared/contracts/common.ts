import { z } from 'zod';

/** A boolean query parameter: only 'true' / 'false' (z.coerce.boolean would read 'false' as true). */
export const queryBool = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));

/**
 * A query parameter that may repeat (`?tag=a&tag=b`), each one of `values`: read as a list whether it came
 * once or several times; absent stays undefined.
 */
export const queryList = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.array(z.enum(values)), z.enum(values)])
    .optional()
    .transform((v) => (v === undefined ? undefined : Array.isArray(v) ? v : [v]));

/** `from` and `to` of a list query that filters by a time span; spread into its schema. */
export const dateRangeQuery = { from: z.coerce.date().optional(), to: z.coerce.date().optional() };
