import { defineAccess } from './define';

/** The people module's permissions and which built-in roles hold them (platform_admin holds all). */
export const peopleAccess = defineAccess({
  permissions: ['people.read', 'people.write'],
  grants: {
    civil_affairs: ['people.read'],
    subdistrict_admin: ['people.read', 'people.write'],
    dispatcher: ['people.read'],
    community_secretary: ['people.read', 'people.write'],
    community_worker: ['people.read', 'people.write'],
    grid_worker: ['people.read'],
  },
});
