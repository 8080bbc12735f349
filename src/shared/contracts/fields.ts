import { z } from 'zod';
import { isValidMobile } from '../validation/codes';

/** Field schemas that the bodies of several contracts share. */

/** A required text of at most `max` characters, trimmed, not blank. */
export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** An optional text of at most `max` characters, trimmed; null or absent. */
export const nullishText = (max: number) => z.string().trim().max(max).nullish();

/** A mainland mobile number (field error `residents.phone`). */
export const mobilePhone = z
  .string()
  .trim()
  .refine((v) => isValidMobile(v), 'residents.phone');

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

/** A mainland mobile number or '' (the caller decides what '' means; field error `residents.phone`). */
export const blankOrMobilePhone = z
  .string()
  .trim()
  .refine((v) => v === '' || isValidMobile(v), 'residents.phone');
