import { defineAccess } from './define';

/** The module's permissions; a role that holds them all is given this list. */
const PERMISSIONS = [
  'scheduled_reports.read',
  'scheduled_reports.manage',
  'scheduled_reports.submit',
  'scheduled_reports.review',
  'scheduled_reports.export',
] as const;

/**
 * The scheduled-reports module's permissions (信息报告, R-RP-1) and which built-in roles hold them
 * (platform_admin holds all): the receiving unit (a civil-affairs bureau, a subdistrict) sets up templates,
 * reviews the submissions and exports a cycle; the submitting units (communities, subdistricts, district
 * bureaus) fill in and submit theirs.
 */
export const scheduledReportsAccess = defineAccess({
  permissions: PERMISSIONS,
  grants: {
    civil_affairs: PERMISSIONS,
    subdistrict_admin: PERMISSIONS,
    community_secretary: ['scheduled_reports.read', 'scheduled_reports.submit'],
    community_worker: ['scheduled_reports.read', 'scheduled_reports.submit'],
  },
});
