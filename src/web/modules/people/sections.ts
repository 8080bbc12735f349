import type { peopleZh } from './i18n';

/** The sections of 队伍与组织, in menu order: /people/<section>. */
export const PEOPLE_SECTIONS = [
  { section: 'party', label: 'menu.people.party' },
  { section: 'workers', label: 'menu.people.workers' },
  { section: 'deputies', label: 'menu.people.deputies' },
  { section: 'units', label: 'menu.people.units' },
  { section: 'social-orgs', label: 'menu.people.socialOrgs' },
] as const satisfies readonly { section: string; label: keyof typeof peopleZh }[];
