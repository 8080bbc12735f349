import { z } from 'zod';
import { requiredText } from './fields';

/** Fields the participation contracts (participation.ts, deliberation.ts) build their bodies from. */
export const uuid = z.uuid();
/** A required text of at most `max` characters, trimmed, not blank. */
export const text = requiredText;
/** An optional text of at most `max` characters, trimmed; blank is read as absent. */
export const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((s) => (s ? s : undefined));
