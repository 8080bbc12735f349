import { sql } from 'drizzle-orm';
import { type Policy, definePolicy } from '../../platform/policy';

/**
 * Who may read the standards reports (R-ORG-3 staffing, R-ORG-5/6 urban villages). A report row is a
 * community; it is in reach when the community lies in the subtree where the actor holds `reports.read`.
 * The reports are raw SQL read models (reports.repository.ts) aliasing the community as `c`, hence the
 * path column `c.path`.
 */
export type ReportAction = 'read';
type CommunityRecord = { path: string };

export const reportsPolicy: Policy<ReportAction, CommunityRecord> = definePolicy({
  permissions: { read: 'reports.read' },
  pathColumn: sql`c.path`,
  pathOf: (r: CommunityRecord) => r.path,
});
