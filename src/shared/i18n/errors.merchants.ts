import type { Locale } from './errors';

/** Error messages of the merchants module (codes `merchants.*`), merged into ERROR_MESSAGES. */
export const MERCHANTS_ERRORS: Record<string, Record<Locale, string>> = {};
