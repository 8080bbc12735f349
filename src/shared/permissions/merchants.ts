import { defineAccess } from './define';

/** The merchants module's permissions and which built-in roles hold them (platform_admin holds all). */
export const merchantsAccess = defineAccess({
  permissions: ['merchants.manage', 'redemptions.counter'],
  grants: {
    subdistrict_admin: ['merchants.manage', 'redemptions.counter'],
    community_secretary: ['merchants.manage', 'redemptions.counter'],
    community_worker: ['merchants.manage', 'redemptions.counter'],
    /** Staff of a redemption point (merchant or love supermarket) at the counter. */
    merchant: ['redemptions.counter'],
  },
});
