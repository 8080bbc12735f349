import type { Locale } from './errors';

/** Error messages of the volunteers module (codes `volunteers.*`), merged into ERROR_MESSAGES. */
export const VOLUNTEERS_ERRORS: Record<string, Record<Locale, string>> = {};
