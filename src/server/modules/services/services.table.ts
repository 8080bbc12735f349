/** Tables of the services module (re-exported by platform/schema.ts for Drizzle and drizzle-kit). */
export {};
