import type { ArchiveFileKind } from '../../../shared/contracts/projects.archive';
import type { ActorCtx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { type Storage, imageMime } from '../../platform/storage';
import type { FileUpload } from './projects.http';

/**
 * Files uploaded to a project (the archive ①–⑧, doorstep projects' files, consultation minutes): their type
 * by their first bytes, the checks of an upload with its note, and storing it.
 */

const OOXML: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};
const OLE: Record<string, string> = {
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

/**
 * The type of an archive file by its first bytes (never by its name alone): photos (JPEG/PNG/WebP), video
 * (MP4/MOV/WebM), audio (MP3/M4A/WAV/AMR/OGG) and documents (PDF; Word/Excel/PowerPoint, where the
 * name's extension tells which of the office formats sharing one container it is). Null when none.
 */
export function archiveFileType(data: Buffer, name: string): { mime: string; kind: ArchiveFileKind } | null {
  const image = imageMime(data);
  if (image) return { mime: image, kind: 'photo' };
  const head = (from: number, to: number) => data.subarray(from, to).toString('latin1');
  const ext = name.toLowerCase().split('.').pop() ?? '';
  if (head(0, 5) === '%PDF-') return { mime: 'application/pdf', kind: 'document' };
  if (data.length > 12 && head(4, 8) === 'ftyp') {
    const brand = head(8, 12);
    if (brand === 'M4A ' || brand === 'M4B ') return { mime: 'audio/mp4', kind: 'audio' };
    if (brand === 'qt  ') return { mime: 'video/quicktime', kind: 'video' };
    return { mime: 'video/mp4', kind: 'video' };
  }
  if (data.length > 4 && data.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3])))
    return { mime: 'video/webm', kind: 'video' };
  if (head(0, 3) === 'ID3' || (data.length > 2 && data[0] === 0xff && (data[1]! & 0xe0) === 0xe0))
    return { mime: 'audio/mpeg', kind: 'audio' };
  if (data.length > 12 && head(0, 4) === 'RIFF' && head(8, 12) === 'WAVE')
    return { mime: 'audio/wav', kind: 'audio' };
  if (head(0, 5) === '#!AMR') return { mime: 'audio/amr', kind: 'audio' };
  if (head(0, 4) === 'OggS') return { mime: 'audio/ogg', kind: 'audio' };
  if (head(0, 4) === 'PK\x03\x04' && OOXML[ext]) return { mime: OOXML[ext], kind: 'document' };
  if (data.length > 8 && data.subarray(0, 8).equals(Buffer.from('d0cf11e0a1b11ae1', 'hex')) && OLE[ext])
    return { mime: OLE[ext], kind: 'document' };
  return null;
}

/** Codes of an upload's refusals: a note too long (422), no file (400), a type not known by its bytes (415). */
interface UploadErrors {
  noteTooLong: string;
  fileRequired: string;
  fileType: string;
}

/**
 * An uploaded file with its note, checked like the archive's (also doorstep files): the note trimmed and at
 * most `noteMax` characters, a non-empty file, a type known by its bytes (`archiveFileType`).
 */
export function checkedUpload(upload: FileUpload<'note'>, noteMax: number, errors: UploadErrors) {
  const note = upload.note.trim();
  if (note.length > noteMax) throw new AppError(errors.noteTooLong, 422, { max: noteMax });
  if (!upload.file || upload.file.data.length === 0) throw new AppError(errors.fileRequired, 400);
  const type = archiveFileType(upload.file.data, upload.file.name);
  if (!type) throw new AppError(errors.fileType, 415);
  return { file: upload.file, note, mime: type.mime };
}

/** Who added a record or file, and when (created and updated then). */
export const authored = (ctx: ActorCtx, now: Date) => ({
  createdBy: ctx.actor.userId ?? null,
  createdByName: ctx.actor.displayName ?? null,
  createdAt: now,
  updatedAt: now,
});

/**
 * Stores a checked upload in the file store; the columns its row keeps: the note (null when empty), the
 * stored file's id, name, type and size, and who added it when.
 */
export async function storeUpload(ctx: ActorCtx, storage: Storage, u: ReturnType<typeof checkedUpload>) {
  const fileId = ctx.ids();
  await storage.put(fileId, u.file.data);
  const now = ctx.clock.now();
  return {
    note: u.note || null,
    fileId,
    fileName: u.file.name.slice(0, 200),
    mime: u.mime,
    size: u.file.data.length,
    ...authored(ctx, now),
  };
}

/** What the audit trail keeps of a stored upload. */
export const uploadAudit = (r: { fileName: string; mime: string; size: number; note: string | null }) => ({
  fileName: r.fileName,
  mime: r.mime,
  size: r.size,
  note: r.note,
});
