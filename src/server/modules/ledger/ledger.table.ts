/** Tables of the ledger module (re-exported by platform/schema.ts for Drizzle and drizzle-kit). */
export {};
