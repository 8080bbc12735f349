import {
  CONSULTATION_MAX_MB,
  type ConsultationDto,
  type LinkConsultationBody,
} from '../../../shared/contracts/projects.consultation';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { can } from '../../platform/permissions';
import type { Storage } from '../../platform/storage';
import { consultationRecord, consultationRecords } from '../participation/participation.api';
import { closedSurveyUnder, closedSurveysUnder } from '../surveys/surveys.api';
import type { FileUpload } from './projects.http';
import { archiveFileType } from './projects.upload';
import {
  type ConsultationLinkRow,
  consultationLinkOf,
  putConsultationLink,
} from './projects.links.repository';
import { type ApplicationRow, findApplication } from './projects.repository';
import { applicationInReach } from './projects.reach';
import { auditApplication } from './projects.audit';

/**
 * R-PJ-2 "after consulting residents" (issue 11 §2, S000-27): the application's consultation rests on a
 * linked record of the same community — a closed meeting or a consulted deliberation topic (participation
 * module), a closed survey (surveys module), checked through their `*.api.ts` — or on uploaded minutes (a
 * file in platform storage). The community sets it while the application is a draft or returned; the send
 * step refuses an application without one (`projects.incomplete`, projects.workflow.ts).
 */
const EDITABLE = ['draft', 'returned'];

async function editable(ctx: ActorCtx, id: string): Promise<ApplicationRow | undefined> {
  if (!can(ctx.actor, 'projects.apply')) return undefined;
  return findApplication(ctx.db, ctx.actor, id, 'apply');
}

const linkDto = (l: ConsultationLinkRow | undefined): ConsultationDto['link'] =>
  l
    ? {
        kind: l.kind as NonNullable<ConsultationDto['link']>['kind'],
        recordId: l.recordId,
        title: l.title,
        date: l.recordDate,
        fileName: l.fileName,
        hasFile: !!l.fileId,
        linkedByName: l.createdByName,
        updatedAt: l.updatedAt,
      }
    : null;

async function dtoOf(ctx: ActorCtx, app: ApplicationRow, mayEdit: boolean): Promise<ConsultationDto> {
  const canEdit = mayEdit && EDITABLE.includes(app.state);
  const options: ConsultationDto['options'] = [];
  if (canEdit) {
    const [records, surveys] = await Promise.all([
      consultationRecords(ctx.db, app.orgPath),
      closedSurveysUnder(ctx.db, app.orgPath),
    ]);
    for (const r of records) options.push({ kind: r.kind, id: r.id, title: r.title, date: r.date });
    for (const s of surveys) options.push({ kind: 'survey', id: s.id, title: s.title, date: s.date });
  }
  return { link: linkDto(await consultationLinkOf(ctx.db, app.id)), canEdit, options };
}

export async function getConsultation(ctx: ActorCtx, id: string): Promise<ConsultationDto> {
  const app = await applicationInReach(ctx, id);
  return dtoOf(ctx, app, !!(await editable(ctx, id)));
}

async function save(
  ctx: ActorCtx,
  app: ApplicationRow,
  row: Omit<
    Parameters<typeof putConsultationLink>[1],
    'applicationId' | 'orgPath' | 'createdAt' | 'updatedAt'
  >,
) {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await putConsultationLink(tx, {
      ...row,
      applicationId: app.id,
      orgPath: app.orgPath,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await auditApplication(tx, ctx, 'projects.consultation.link', app.id, app, {
      before: before ? { kind: before.kind, recordId: before.recordId, title: before.title } : undefined,
      after: {
        kind: row.kind,
        recordId: row.recordId ?? null,
        title: row.title,
        fileName: row.fileName ?? null,
      },
    });
  });
}

/** Links a meeting, deliberation topic or closed survey of the application's community (422 otherwise). */
export async function linkConsultation(
  ctx: ActorCtx,
  id: string,
  body: LinkConsultationBody,
): Promise<ConsultationDto> {
  const app = await editable(ctx, id);
  if (!app) throw notFound();
  if (!EDITABLE.includes(app.state)) throw new AppError('projects.consultation_locked', 409);
  const record =
    body.kind === 'survey'
      ? await closedSurveyUnder(ctx.db, body.recordId, app.orgPath)
      : await consultationRecord(ctx.db, body.kind, body.recordId, app.orgPath);
  if (!record) throw new AppError('projects.consultation_record', 422);
  await save(ctx, app, {
    kind: body.kind,
    recordId: record.id,
    title: record.title,
    recordDate: record.date,
  });
  return dtoOf(ctx, app, true);
}

export type MinutesUpload = FileUpload<'title'>;

/** Uploads the consultation minutes (a PDF, photo or Office document ≤ 20 MB) as the record it rests on. */
export async function uploadMinutes(
  ctx: ActorCtx,
  storage: Storage,
  id: string,
  read: () => Promise<MinutesUpload>,
): Promise<ConsultationDto> {
  const app = await editable(ctx, id);
  if (!app) throw notFound();
  if (!EDITABLE.includes(app.state)) throw new AppError('projects.consultation_locked', 409);
  const upload = await read();
  if (!upload.file || upload.file.data.length === 0)
    throw new AppError('projects.consultation_file_required', 400);
  if (upload.file.data.length > CONSULTATION_MAX_MB * 1024 * 1024)
    throw new AppError('projects.consultation_file_required', 413);
  const type = archiveFileType(upload.file.data, upload.file.name);
  if (!type || (type.kind !== 'document' && type.kind !== 'photo'))
    throw new AppError('projects.consultation_file_required', 415);
  const fileId = ctx.ids();
  await storage.put(fileId, upload.file.data);
  const name = upload.file.name.slice(0, 200);
  await save(ctx, app, {
    kind: 'minutes',
    recordId: null,
    title: upload.title.trim().slice(0, 200) || name,
    recordDate: app.consultationDate,
    fileId,
    fileName: name,
    mime: type.mime,
    size: upload.file.data.length,
  });
  return dtoOf(ctx, app, true);
}

/** The uploaded minutes, for those who may read the application (404 otherwise). */
export async function minutesFile(ctx: ActorCtx, storage: Storage, id: string) {
  const app = await applicationInReach(ctx, id);
  const link = await consultationLinkOf(ctx.db, app.id);
  if (!link?.fileId) throw notFound();
  const data = await storage.get(link.fileId);
  if (!data) throw notFound();
  return { link, data };
}
