import { z } from 'zod';

/** A boolean query parameter: only 'true' / 'false' (z.coerce.boolean would read 'false' as true). */
export const queryBool = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === 'true'));
