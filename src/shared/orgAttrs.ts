/**
 * The attributes an org unit may carry beyond its name and place, and the type of each value. Other modules
 * read them (an urban village's flag and distances in facilities, social-orgs and reports; a community's
 * demonstration status in assessments; a building's floors), so they are stored typed: a flag as a JSON
 * boolean, a count as a number. Keys not listed here are kept as entered (text, number or yes/no).
 */
export const ORG_ATTRS = {
  serviceCentre: 'text',
  urbanVillage: 'boolean',
  distanceToCentreM: 'number',
  hasSubStation: 'boolean',
  subStationStaff: 'number',
  elderlyCareFacilities: 'number',
  floors: 'number',
  unitsPerFloor: 'number',
  demonstration: 'boolean',
  demonstrationSince: 'number',
  functionalArea: 'text',
} as const;
export type OrgAttrKey = keyof typeof ORG_ATTRS;
export type OrgAttrType = 'text' | 'number' | 'boolean';
export type OrgAttrValue = string | number | boolean;

export function orgAttrType(key: string): OrgAttrType | undefined {
  return Object.hasOwn(ORG_ATTRS, key) ? ORG_ATTRS[key as OrgAttrKey] : undefined;
}

/**
 * `raw` as the value a `key` attribute holds: a listed flag from true/false or "true"/"false", a listed
 * count from a number or a numeral; an unlisted key keeps its value. `undefined` when it does not fit.
 */
export function orgAttrValue(key: string, raw: OrgAttrValue): OrgAttrValue | undefined {
  const type = orgAttrType(key);
  const text = typeof raw === 'string' ? raw.trim() : raw;
  if (type === 'boolean') {
    if (typeof text === 'boolean') return text;
    return text === 'true' ? true : text === 'false' ? false : undefined;
  }
  if (type === 'number') {
    const n = typeof text === 'number' ? text : text === '' || typeof text === 'boolean' ? NaN : Number(text);
    return Number.isFinite(n) ? n : undefined;
  }
  if (type === 'text') return String(text);
  return text;
}
