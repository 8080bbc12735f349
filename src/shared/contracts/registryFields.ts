import { z } from 'zod';

/** Field schemas the registry contracts (people.ts, merchants.ts) share. */

/** Optional free text: '' and null both clear it; undefined leaves it unchanged in updates. */
export const clearableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));

/**
 * A unified social credit code (GB 32100), upper-cased; '' clears it. Checked in the use case, which answers the
 * field error `<module>.uscc` (`people.uscc`, `merchants.uscc`; R-LAW-CD-3).
 */
export const usccField = z
  .string()
  .trim()
  .toUpperCase()
  .max(30)
  .nullish()
  .transform((v) => (v === '' ? null : v));
