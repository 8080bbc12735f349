import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ARCHIVE_MAX_MB,
  archiveSchema,
  removeArchiveItemBody,
} from '../../../shared/contracts/projects.archive';
import { access } from '../../platform/access';
import type { AppDeps } from '../../platform/context';
import { actorCtxOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { idParams } from '../../platform/ids';
import { sendInlineFile } from '../../platform/inlineFile';
import { createLocalStorage } from '../../platform/storage';
import {
  addArchiveItem,
  archiveItemFile,
  archiveZip,
  getArchive,
  removeArchiveItem,
} from './projects.archive';
import { PROJECT_TAGS, idRoutes, readFileUpload, sendDownload } from './projects.http';

/** The multipart upload of one archive item: fields `category` and `note`, one file (≤ 30 MB, 413). */
const readUpload = (req: FastifyRequest) =>
  readFileUpload(req, ['category', 'note'], ARCHIVE_MAX_MB, {
    required: 'projects.archive_file_required',
    tooLarge: () => new AppError('projects.archive_file_too_large', 413, { mb: ARCHIVE_MAX_MB }),
  });

/** The archive ①–⑧ of a selected project (R-PJ-3) and its zip export; registered by projects.routes.ts. */
export function archiveRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const route = idRoutes(base, deps);
  const tags = PROJECT_TAGS;
  const read = { access: access.permission('projects.read') };
  const storage = () => createLocalStorage(deps.config.dataDir);

  route(
    'GET',
    '/api/projects/applications/:id/archive',
    read.access,
    { response: archiveSchema },
    getArchive,
  );
  /** multipart/form-data: `category`, `note` and one file (photo, video, audio or document, ≤ 30 MB). */
  app.post(
    '/api/projects/applications/:id/archive',
    {
      config: { access: access.anyOf('projects.apply', 'projects.review') },
      schema: { tags, params: idParams, consumes: ['multipart/form-data'], response: { 201: archiveSchema } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addArchiveItem(actorCtxOf(deps, req), storage(), req.params.id, () => readUpload(req))),
  );
  app.get(
    '/api/projects/archive-items/:id/file',
    { config: read, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { item, data } = await archiveItemFile(actorCtxOf(deps, req), storage(), req.params.id);
      return sendInlineFile(reply, item, data);
    },
  );
  app.get(
    '/api/projects/applications/:id/archive.zip',
    { config: read, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { app: a, buf } = await archiveZip(actorCtxOf(deps, req), storage(), req.params.id, req.locale);
      const name = req.locale === 'en' ? `archive-${a.number}.zip` : `${a.title}项目档案.zip`;
      return sendDownload(reply, 'zip', name, buf);
    },
  );
  /** Removes an item with a reason (kept, marked removed); like residents' `POST …/:id/remove`. */
  route(
    'POST',
    '/api/projects/archive-items/:id/remove',
    access.anyOf('projects.apply', 'projects.review'),
    { body: removeArchiveItemBody, response: archiveSchema },
    (ctx, id, body) => removeArchiveItem(ctx, id, body.reason),
  );
}
