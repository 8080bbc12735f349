import { defineAccess } from './define';

/**
 * The scheduled-reports module's permissions (信息报告, R-RP-1) and which built-in roles hold them
 * (platform_admin holds all): the receiving unit (a civil-affairs bureau, a subdistrict) sets up templates,
 * reviews the submissions and exports a cycle; the submitting units (communities, subdistricts, district
 * bureaus) fill in and submit theirs.
 */
export const scheduledReportsAccess = defineAccess({
  permissions: [
    'scheduled_reports.read',
    'scheduled_reports.manage',
    'scheduled_reports.submit',
    'scheduled_reports.review',
    'scheduled_reports.export',
  ],
  grants: {
    civil_affairs: [
      'scheduled_reports.read',
      'scheduled_reports.manage',
      'scheduled_reports.submit',
      'scheduled_reports.review',
      'scheduled_reports.export',
    ],
    subdistrict_admin: [
      'scheduled_reports.read',
      'scheduled_reports.manage',
      'scheduled_reports.submit',
      'scheduled_reports.review',
      'scheduled_reports.export',
    ],
    community_secretary: ['scheduled_reports.read', 'scheduled_reports.submit'],
    community_worker: ['scheduled_reports.read', 'scheduled_reports.submit'],
  },
});
