import { defineAccess } from './define';

/**
 * The certificates module's permissions (R-AC-2) and which built-in roles hold them (platform_admin holds
 * all): civil affairs and subdistricts keep the catalogue; community staff decide requests; the community
 * secretary approves seal uses.
 */
export const certificatesAccess = defineAccess({
  permissions: ['certificates.read', 'certificates.catalogue', 'certificates.issue', 'certificates.seal'],
  grants: {
    civil_affairs: ['certificates.read', 'certificates.catalogue'],
    subdistrict_admin: ['certificates.read', 'certificates.catalogue'],
    community_secretary: ['certificates.read', 'certificates.issue', 'certificates.seal'],
    community_worker: ['certificates.read', 'certificates.issue'],
  },
});
