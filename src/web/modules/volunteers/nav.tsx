import type { NavItem } from '../../app/nav';

/** The volunteers module's side-menu entries, appended to NAV. */
export const volunteersNav: NavItem[] = [];
