/**
 * The head a DTO of a row kept under an org unit starts with: its id, its unit and the unit's name (null when
 * the unit is not among `names`). `{ ...orgUnitHead(r, names), title: r.title, … }`
 */
export const orgUnitHead = (row: { id: string; orgUnitId: string }, names: Map<string, string>) => ({
  id: row.id,
  orgUnitId: row.orgUnitId,
  orgUnitName: names.get(row.orgUnitId) ?? null,
});

/** The same head naming the unit `unitName` (disputes, participation, scheduled reports). */
export const unitHead = (row: { id: string; orgUnitId: string }, names: Map<string, string>) => ({
  id: row.id,
  orgUnitId: row.orgUnitId,
  unitName: names.get(row.orgUnitId) ?? null,
});
