import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DOORSTEP_FILE_MAX_MB,
  createDoorstepBody,
  doorstepDetailSchema,
  doorstepListQuery,
  doorstepSchema,
  doorstepSurveysSchema,
  myDoorstepSchema,
  reflectionBody,
  stageBody,
  updateDoorstepBody,
} from '../../../shared/contracts/projects.doorstep';
import { access } from '../../platform/access';
import { type AppDeps, actorCtxOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { toXlsx } from '../../platform/excel';
import { idParams } from '../../platform/ids';
import { sendInlineFile } from '../../platform/inlineFile';
import { recordRoutes } from '../../platform/recordRoutes';
import { createLocalStorage } from '../../platform/storage';
import {
  addDoorstepFile,
  addReflection,
  createDoorstep,
  doorstepFile,
  doorstepXlsxRows,
  getDoorstep,
  listDoorstep,
  myDoorstep,
  recordStage,
  surveysForDoorstep,
  updateDoorstepProject,
} from './projects.doorstep';
import { PROJECT_TAGS, idRoutes, readFileUpload, sendDownload } from './projects.http';

/** The multipart upload of one file: fields `slot` and `note`, one file (≤ 30 MB, 413). */
const readUpload = (req: FastifyRequest) =>
  readFileUpload(req, ['slot', 'note'], DOORSTEP_FILE_MAX_MB, {
    required: 'projects.doorstep_file_required',
    tooLarge: () => new AppError('projects.doorstep_file_too_large', 413, { mb: DOORSTEP_FILE_MAX_MB }),
  });

/** Seed 004's doorstep projects (R-PJ-6, issue 11 §7); registered by projects.routes.ts. */
export function doorstepRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const route = idRoutes(base, deps);
  const tags = PROJECT_TAGS;
  const read = { access: access.permission('projects.read') };
  const apply = access.permission('projects.apply');
  const storage = () => createLocalStorage(deps.config.dataDir);
  const response = doorstepDetailSchema;

  recordRoutes(base, {
    path: '/api/projects/doorstep',
    tags,
    read: read.access,
    write: apply,
    ctx: (req) => actorCtxOf(deps, req),
    schema: doorstepSchema,
    listQuery: doorstepListQuery,
    body: createDoorstepBody,
    list: listDoorstep,
    create: createDoorstep,
    created: doorstepDetailSchema,
    detail: { schema: doorstepDetailSchema, get: getDoorstep },
  });
  app.get(
    '/api/projects/doorstep.xlsx',
    {
      config: { access: access.permission('projects.export') },
      schema: { tags, querystring: doorstepListQuery.omit({ page: true, pageSize: true }) },
    },
    async (req, reply) => {
      const { columns, rows } = await doorstepXlsxRows(actorCtxOf(deps, req), req.query, req.locale);
      const en = req.locale === 'en';
      const buf = await toXlsx(en ? 'Doorstep projects' : '家门口项目', columns, rows);
      return sendDownload(reply, 'xlsx', en ? 'doorstep-projects.xlsx' : '家门口项目.xlsx', buf);
    },
  );
  const doorstep = '/api/projects/doorstep/:id';
  route('PATCH', doorstep, apply, { body: updateDoorstepBody, response }, updateDoorstepProject);
  /** Records or corrects one stage: survey → analysis → design → implementation, in order. */
  route('POST', `${doorstep}/stages`, apply, { body: stageBody, response }, recordStage);
  route('POST', `${doorstep}/reflections`, apply, { body: reflectionBody, response }, addReflection);
  /** multipart/form-data: `slot` (a stage or survey|analysis|design|implementation|plan|activity|midterm|final), `note`, one file. */
  app.post(
    '/api/projects/doorstep/:id/files',
    {
      config: { access: apply },
      schema: {
        tags,
        params: idParams,
        consumes: ['multipart/form-data'],
        response: { 201: doorstepDetailSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await addDoorstepFile(actorCtxOf(deps, req), storage(), req.params.id, () => readUpload(req))),
  );
  app.get(
    '/api/projects/doorstep-files/:id',
    { config: read, schema: { tags, params: idParams } },
    async (req, reply) => {
      const { file, data } = await doorstepFile(actorCtxOf(deps, req), storage(), req.params.id);
      return sendInlineFile(reply, file, data);
    },
  );
  route('GET', `${doorstep}/surveys`, apply, { response: doorstepSurveysSchema }, surveysForDoorstep);
  app.get(
    '/api/me/doorstep',
    {
      config: { access: access.permission('participation.board') },
      schema: { tags, response: { 200: myDoorstepSchema } },
    },
    (req) => myDoorstep(actorCtxOf(deps, req)),
  );
}
