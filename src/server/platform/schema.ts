/** Every table, for Drizzle and drizzle-kit. Each module owns its own table file. */
export * from '../modules/accounts/accounts.table';
export * from '../modules/imports/imports.table';
export * from '../modules/org/org.table';
export * from '../modules/people/people.table';
export * from '../modules/residents/residents.table';
export * from './audit.table';
export * from './calendar.table';
export * from './idempotency.table';
export * from './rateLimit.table';
export * from '../modules/work-orders/workOrders.table';
export * from '../modules/work-orders/workOrders.rollups.table';
export * from '../modules/open311/open311.table';
export * from '../modules/ledger/ledger.table';
export * from '../modules/merchants/merchants.table';
export * from '../modules/projects/projects.table';
export * from '../modules/volunteers/volunteers.table';
export * from '../modules/services/services.table';
