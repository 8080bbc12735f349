import type { Locale } from './errors';

/** Error messages of the ledger module (codes `ledger.*`), merged into ERROR_MESSAGES. */
export const LEDGER_ERRORS: Record<string, Record<Locale, string>> = {};
