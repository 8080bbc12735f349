import type { FastifyInstance, FastifyReply, FastifyRequest, FastifySchema, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import type { Access } from '../../platform/access';
import { type ActorCtx, type AppDeps, actorCtxOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { XLSX_MIME, attachmentHeader } from '../../platform/excel';
import { idParams } from '../../platform/ids';

/** The module's HTTP helpers: routes on one record, reading a file upload, sending a download. */

/** The OpenAPI tag of every route of the module. */
export const PROJECT_TAGS = ['projects'];

type IdRequest = FastifyRequest<{ Params: { id: string } }>;

/**
 * The module's routes on one record named by the path's `:id` that answer JSON (200): each declares its
 * access, its body schema (when it takes one) and its answer, and is served by a use case handed the actor's
 * context, the id and the body (only when the route has a body schema). Registered on the plain instance,
 * like recordRoutes: the signature checks the use case against the schemas instead of the type provider.
 */
export function idRoutes(base: FastifyInstance, deps: AppDeps) {
  return function route<R extends z.ZodType, B extends z.ZodType | undefined = undefined>(
    method: HTTPMethods,
    url: string,
    access: Access,
    { body, response }: { body?: B; response: R },
    run: (ctx: ActorCtx, id: string, body: B extends z.ZodType ? z.output<B> : never) => Promise<z.input<R>>,
  ) {
    // Typed as a plain FastifySchema: the use case's answer is checked against R in the signature.
    const schema: FastifySchema = {
      tags: PROJECT_TAGS,
      params: idParams,
      ...(body && { body }),
      response: { 200: response },
    };
    const serve = run as (ctx: ActorCtx, id: string, body?: unknown) => Promise<unknown>;
    base.route({
      method,
      url,
      config: { access },
      schema,
      handler: (req) => {
        const ctx = actorCtxOf(deps, req);
        const { id } = (req as IdRequest).params;
        return body ? serve(ctx, id, req.body) : serve(ctx, id);
      },
    });
  };
}

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
