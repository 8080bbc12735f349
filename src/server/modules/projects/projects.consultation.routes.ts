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
import { sendInlineFile } from '../../platform/inlineFile';
import { createLocalStorage } from '../../platform/storage';
import { getConsultation, linkConsultation, minutesFile, uploadMinutes } from './projects.consultation';
import { readFileUpload } from './projects.http';

/** The multipart upload of the minutes: field `title`, one file (≤ 20 MB, 413). */
const readUpload = (req: FastifyRequest) =>
  readFileUpload(req, ['title'], CONSULTATION_MAX_MB, {
    required: 'projects.consultation_file_required',
    tooLarge: () => new AppError('projects.consultation_file_required', 413),
  });

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
      const file = { mime: link.mime ?? 'application/octet-stream', fileName: link.fileName ?? 'minutes' };
      return sendInlineFile(reply, file, data);
    },
  );
}
