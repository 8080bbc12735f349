import type { NavItem } from '../../app/nav';

/** The services module's side-menu entries, appended to NAV. */
export const servicesNav: NavItem[] = [];
