import type { NavItem } from '../../app/nav';

/** The merchants module's side-menu entries, appended to NAV. */
export const merchantsNav: NavItem[] = [];
