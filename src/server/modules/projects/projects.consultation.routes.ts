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
import { PROJECT_TAGS, idRoutes, readFileUpload } from './projects.http';

/** The multipart upload of the minutes: field `title`, one file (≤ 20 MB, 413). */
const readUpload = (req: FastifyRequest) =>
  readFileUpload(req, ['title'], CONSULTATION_MAX_MB, {
    required: 'projects.consultation_file_required',
    tooLarge: () => new AppError('projects.consultation_file_required', 413),
  });

/** The consultation record of an application (R-PJ-2); registered by projects.routes.ts. */
export function consultationRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const route = idRoutes(base, deps);
  const tags = PROJECT_TAGS;
  const read = access.permission('projects.read');
  const apply = access.permission('projects.apply');
  const storage = () => createLocalStorage(deps.config.dataDir);
  const consultation = '/api/projects/applications/:id/consultation';
  const response = consultationSchema;

  route('GET', consultation, read, { response }, getConsultation);
  route('POST', consultation, apply, { body: linkConsultationBody, response }, linkConsultation);
  /** multipart/form-data: `title` and one file (the minutes: PDF, photo or Office document). */
  app.post(
    '/api/projects/applications/:id/consultation/minutes',
    {
      config: { access: apply },
      schema: { tags, params: idParams, response: { 200: response }, consumes: ['multipart/form-data'] },
    },
    (req) => uploadMinutes(actorCtxOf(deps, req), storage(), req.params.id, () => readUpload(req)),
  );
  app.get(
    '/api/projects/applications/:id/consultation/minutes',
    { config: { access: read }, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { link, data } = await minutesFile(actorCtxOf(deps, req), storage(), req.params.id);
      const file = { mime: link.mime ?? 'application/octet-stream', fileName: link.fileName ?? 'minutes' };
      return sendInlineFile(reply, file, data);
    },
  );
}
