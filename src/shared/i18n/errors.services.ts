import type { Locale } from './errors';

/** Error messages of the services module (codes `services.*`), merged into ERROR_MESSAGES. */
export const SERVICES_ERRORS: Record<string, Record<Locale, string>> = {};
