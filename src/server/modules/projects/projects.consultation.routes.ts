import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  CONSULTATION_MAX_MB,
  consultationSchema,
  linkConsultationBody,
} from '../../../shared/contracts/projects.consultation';
import { access } from '../../platform/access';
import type { AppDeps } from '../../platform/context';
import { actorCtxOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { idParams } from '../../platform/ids';
import { createLocalStorage } from '../../platform/storage';
import {
  type MinutesUpload,
  getConsultation,
  linkConsultation,
  minutesFile,
  uploadMinutes,
} from './projects.consultation';

async function readUpload(req: FastifyRequest): Promise<MinutesUpload> {
  if (!req.isMultipart()) throw new AppError('projects.consultation_file_required', 400);
  const out: MinutesUpload = { title: '' };
  try {
    for await (const part of req.parts({
      limits: { fileSize: CONSULTATION_MAX_MB * 1024 * 1024, files: 1 },
    })) {
      if (part.type === 'file') out.file ??= { data: await part.toBuffer(), name: part.filename || 'file' };
      else if (part.fieldname === 'title') out.title = String(part.value);
    }
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('projects.consultation_file_required', 413);
    throw new AppError('projects.consultation_file_required', 400);
  }
  return out;
}

/** The consultation record of an application (R-PJ-2); registered by projects.routes.ts. */
export function consultationRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const read = { access: access.permission('projects.read') };
  const apply = { access: access.permission('projects.apply') };
  const storage = () => createLocalStorage(deps.config.dataDir);
  const schema = { tags, params: idParams, response: { 200: consultationSchema } };

  app.get('/api/projects/applications/:id/consultation', { config: read, schema }, (req) =>
    getConsultation(actorCtxOf(deps, req), req.params.id),
  );
  app.post(
    '/api/projects/applications/:id/consultation',
    { config: apply, schema: { ...schema, body: linkConsultationBody } },
    (req) => linkConsultation(actorCtxOf(deps, req), req.params.id, req.body),
  );
  /** multipart/form-data: `title` and one file (the minutes: PDF, photo or Office document). */
  app.post(
    '/api/projects/applications/:id/consultation/minutes',
    { config: apply, schema: { ...schema, consumes: ['multipart/form-data'] } },
    (req) => uploadMinutes(actorCtxOf(deps, req), storage(), req.params.id, () => readUpload(req)),
  );
  app.get(
    '/api/projects/applications/:id/consultation/minutes',
    { config: read, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { link, data } = await minutesFile(actorCtxOf(deps, req), storage(), req.params.id);
      return reply
        .header('content-type', link.mime ?? 'application/octet-stream')
        .header('cache-control', 'private, max-age=3600')
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          `inline; filename*=UTF-8''${encodeURIComponent(link.fileName ?? 'minutes')}`,
        )
        .send(data);
    },
  );
}
