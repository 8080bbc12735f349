/** What other web modules may use of the org module: its API client and the org unit picker. */
export { fetchChildren, orgApi, orgKeys } from './client';
export { OrgUnitSelect } from './OrgUnitSelect';
