import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type AppDeps, actorCtxOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { XLSX_MIME, attachmentHeader } from '../../platform/excel';
import { idRoutes as platformIdRoutes } from '../../platform/recordActions';

/** The module's HTTP helpers: routes on one record, reading a file upload, sending a download. */

/** The OpenAPI tag of every route of the module. */
export const PROJECT_TAGS = ['projects'];

/**
 * The module's routes on one record named by the path's `:id` that answer JSON (200): the platform's idRoutes
 * with the module's context and tag.
 */
export const idRoutes = (base: FastifyInstance, deps: AppDeps) =>
  platformIdRoutes(base, (req) => actorCtxOf(deps, req), PROJECT_TAGS);

/** One uploaded file (when the request had one) and the named text fields (empty when not sent). */
export type FileUpload<F extends string> = { file?: { data: Buffer; name: string } } & Record<F, string>;

/**
 * Reads a multipart upload of one file (the first file part, at most `maxMb`) and the text fields named in
 * `fields` (others ignored): a request that is not multipart or cannot be read is 400 `errors.required`, a
 * file over the limit `errors.tooLarge()`. Used by the archive, doorstep files and consultation minutes.
 */
export async function readFileUpload<F extends string>(
  req: FastifyRequest,
  fields: readonly F[],
  maxMb: number,
  errors: { required: string; tooLarge: () => AppError },
): Promise<FileUpload<F>> {
  if (!req.isMultipart()) throw new AppError(errors.required, 400);
  const out = Object.fromEntries(fields.map((f) => [f, ''])) as FileUpload<F>;
  try {
    for await (const part of req.parts({ limits: { fileSize: maxMb * 1024 * 1024, files: 1 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        out.file ??= { data, name: part.filename || 'file' };
      } else if ((fields as readonly string[]).includes(part.fieldname))
        out[part.fieldname as F] = String(part.value) as FileUpload<F>[F];
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw errors.tooLarge();
    throw new AppError(errors.required, 400);
  }
  return out;
}

/** Sends a generated file (a spreadsheet, PDF or zip) as a download named `fileName`. */
export function sendDownload(
  reply: FastifyReply,
  type: 'xlsx' | 'pdf' | 'zip',
  fileName: string,
  buf: Buffer,
) {
  return reply
    .header('content-type', DOWNLOAD_TYPES[type])
    .header('content-disposition', attachmentHeader(fileName))
    .send(buf);
}

const DOWNLOAD_TYPES = { xlsx: XLSX_MIME, pdf: 'application/pdf', zip: 'application/zip' };
