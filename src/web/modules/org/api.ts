/** What other web modules may use of the org module: its API client, the org unit picker and the pages' community filter. */
export { fetchChildren, orgApi, orgKeys } from './client';
export { CommunityFilter } from './CommunityFilter';
export { OrgUnitSelect } from './OrgUnitSelect';
