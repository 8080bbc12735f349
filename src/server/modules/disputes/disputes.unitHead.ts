/**
 * The head every DTO of a row kept under an org unit starts with (bodies, meetings, risks): its id, its unit
 * and the unit's name (null when the unit is not among `names`).
 */
export const unitHead = (row: { id: string; orgUnitId: string }, names: Map<string, string>) => ({
  id: row.id,
  orgUnitId: row.orgUnitId,
  unitName: names.get(row.orgUnitId) ?? null,
});
