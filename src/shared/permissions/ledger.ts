import { defineAccess } from './define';

/** The ledger module's permissions and which built-in roles hold them (platform_admin holds all). */
export const ledgerAccess = defineAccess({
  permissions: ['ledger.read', 'ledger.write', 'ledger.own'],
  grants: {
    civil_affairs: ['ledger.read'],
    subdistrict_admin: ['ledger.read', 'ledger.write', 'ledger.own'],
    community_secretary: ['ledger.read', 'ledger.write'],
    community_worker: ['ledger.read', 'ledger.write'],
    resident: ['ledger.own'],
    volunteer: ['ledger.own'],
  },
});
