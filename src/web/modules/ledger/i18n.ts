/** UI strings of the ledger module (keys `ledger.*`), merged into the console dictionaries. */
export const ledgerZh = {} as const;

export const ledgerEn: Record<keyof typeof ledgerZh, string> = {};
