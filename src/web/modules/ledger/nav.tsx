import type { NavItem } from '../../app/nav';

/** The ledger module's side-menu entries, appended to NAV. */
export const ledgerNav: NavItem[] = [];
