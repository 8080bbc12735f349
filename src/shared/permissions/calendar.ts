import { defineAccess } from './define';

/** The calendar module's permissions and which built-in roles hold them (platform_admin holds all). */
export const calendarAccess = defineAccess({
  permissions: ['calendar.write'],
  // The statutory calendar is platform-wide: a subdistrict may not change it.
  grants: {
    civil_affairs: ['calendar.write'],
  },
});
