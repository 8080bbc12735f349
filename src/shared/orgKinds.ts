/** R-ORG-1: the org tree's levels, top to bottom. */
export const ORG_KINDS = [
  'city',
  'district',
  'subdistrict',
  'community',
  'grid',
  'compound',
  'building',
  'household',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

/** Which kinds may sit directly under which (a town/township is a 'subdistrict', a village a 'community'). */
export const ALLOWED_CHILDREN: Record<OrgKind, readonly OrgKind[]> = {
  city: ['district'],
  district: ['subdistrict'],
  subdistrict: ['community'],
  community: ['grid'],
  grid: ['compound', 'building'],
  compound: ['building'],
  building: ['household'],
  household: [],
};

export const REGISTRATION_STATUSES = ['registered', 'permanent', 'migrant'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** R-SV-3 special-group tags. */
export const SPECIAL_GROUP_TAGS = [
  'living_alone',
  'empty_nest',
  'left_behind',
  'disabled',
  'severely_disabled',
  'low_income',
] as const;
export type SpecialGroupTag = (typeof SPECIAL_GROUP_TAGS)[number];
