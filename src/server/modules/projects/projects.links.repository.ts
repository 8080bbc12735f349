import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { upsertRow } from '../../platform/upsertRow';
import { pjConsultationLinks, pjSealLinks } from './projects.table';
import { firstRow } from '../../platform/firstRow';

/** The consultation record (R-PJ-2) and seal-log entry (R-AC-2) of applications: queries of their tables. */
export type ConsultationLinkRow = typeof pjConsultationLinks.$inferSelect;
export type SealLinkRow = typeof pjSealLinks.$inferSelect;

export async function consultationLinkOf(
  db: Db,
  applicationId: string,
): Promise<ConsultationLinkRow | undefined> {
  return firstRow(db, pjConsultationLinks, eq(pjConsultationLinks.applicationId, applicationId));
}

/** Sets (replaces) the application's consultation record; returns the one it replaced. */
export async function putConsultationLink(
  db: Db,
  row: typeof pjConsultationLinks.$inferInsert,
): Promise<ConsultationLinkRow | undefined> {
  const before = await consultationLinkOf(db, row.applicationId);
  await upsertRow(db, pjConsultationLinks, pjConsultationLinks.applicationId, row, {
    kind: row.kind,
    recordId: row.recordId ?? null,
    title: row.title,
    recordDate: row.recordDate ?? null,
    fileId: row.fileId ?? null,
    fileName: row.fileName ?? null,
    mime: row.mime ?? null,
    size: row.size ?? null,
    createdBy: row.createdBy ?? null,
    createdByName: row.createdByName ?? null,
    updatedAt: row.updatedAt,
  });
  return before;
}

export async function sealLinkOf(db: Db, applicationId: string): Promise<SealLinkRow | undefined> {
  return firstRow(db, pjSealLinks, eq(pjSealLinks.applicationId, applicationId));
}

/** The application's latest seal-log entry (a re-seal replaces the link; the log keeps every use). */
export async function putSealLink(db: Db, row: typeof pjSealLinks.$inferInsert): Promise<void> {
  await upsertRow(db, pjSealLinks, pjSealLinks.applicationId, row, {
    sealUseId: row.sealUseId,
    sealLogNo: row.sealLogNo,
    at: row.at,
  });
}

/** Whether the application has a consultation record (the send guard, R-PJ-2). */
export async function hasConsultationLink(db: Db, applicationId: string): Promise<boolean> {
  return !!(await consultationLinkOf(db, applicationId));
}
