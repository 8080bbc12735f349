import { defineAccess } from './define';

/** The residents module's permissions and which built-in roles hold them (platform_admin holds all). */
export const residentsAccess = defineAccess({
  permissions: [
    'residents.read',
    'residents.write',
    'residents.reveal',
    'residents.import',
    'residents.export',
  ],
  grants: {
    civil_affairs: ['residents.read'],
    subdistrict_admin: [
      'residents.read',
      'residents.write',
      'residents.reveal',
      'residents.import',
      'residents.export',
    ],
    dispatcher: ['residents.read', 'residents.reveal'],
    community_secretary: [
      'residents.read',
      'residents.write',
      'residents.reveal',
      'residents.import',
      'residents.export',
    ],
    community_worker: [
      'residents.read',
      'residents.write',
      'residents.reveal',
      'residents.import',
      'residents.export',
    ],
    grid_worker: ['residents.read', 'residents.write', 'residents.reveal'],
  },
});
