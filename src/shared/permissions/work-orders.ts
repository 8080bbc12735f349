import { defineAccess } from './define';

/** The work-orders module's permissions and which built-in roles hold them (platform_admin holds all). */
export const workOrdersAccess = defineAccess({
  permissions: [
    'work_orders.read',
    'work_orders.intake',
    'work_orders.dispatch',
    'work_orders.handle',
    'work_orders.follow_up',
    'work_orders.supervise',
    'work_orders.report',
    'work_orders.categories',
  ],
  grants: {
    civil_affairs: ['work_orders.read', 'work_orders.supervise', 'work_orders.categories'],
    // The category list (also the Open311 services) is platform-wide: a subdistrict may not change it.
    subdistrict_admin: [
      'work_orders.read',
      'work_orders.intake',
      'work_orders.dispatch',
      'work_orders.handle',
      'work_orders.follow_up',
      'work_orders.supervise',
      'work_orders.report',
    ],
    dispatcher: [
      'work_orders.read',
      'work_orders.intake',
      'work_orders.dispatch',
      'work_orders.follow_up',
      'work_orders.supervise',
    ],
    community_secretary: ['work_orders.read', 'work_orders.intake', 'work_orders.handle'],
    community_worker: ['work_orders.read', 'work_orders.intake', 'work_orders.handle'],
    grid_worker: ['work_orders.read', 'work_orders.intake', 'work_orders.handle'],
    // A registered volunteer or a reporting party member (在职党员) reports like a resident.
    resident: ['work_orders.report'],
    volunteer: ['work_orders.report'],
  },
});
