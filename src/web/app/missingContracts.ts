/**
 * Response shapes the API declares inside route files instead of src/shared/contracts
 * (src/server/modules/audit/audit.routes.ts `entrySchema`, src/server/modules/reports/reports.routes.ts
 * `staffingRow`). Mirrored here only until those schemas move to shared contracts; then import the
 * z.infer types from there and delete this file.
 */
export interface AuditEntryView {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  success: boolean;
  requestId: string | null;
  ip: string | null;
}

export interface StaffingRowView {
  communityId: string;
  communityName: string;
  subdistrictName: string | null;
  permanentResidents: number;
  communityWorkers: number;
  workersPer10k: number;
  required: number;
  shortfall: number;
  meetsStandard: boolean;
  grids: number;
  gridsWithoutWorker: number;
}

export interface StaffingReportView {
  floorPer10k: number;
  rows: StaffingRowView[];
}
