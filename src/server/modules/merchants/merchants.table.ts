/** Tables of the merchants module (re-exported by platform/schema.ts for Drizzle and drizzle-kit). */
export {};
