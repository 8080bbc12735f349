import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  disbursementBody,
  moneySchema,
  myProjectsSchema,
  spendBody,
} from '../../../shared/contracts/projects.money';
import { access } from '../../platform/access';
import { idParamsWith } from '../../platform/ids';
import { createLocalStorage } from '../../platform/storage';
import { readPhoto } from '../../platform/uploads';
import { type AppDeps, actorCtxOf } from '../../platform/context';
import {
  addDisbursement,
  addSpend,
  attachReceipt,
  discloseFunds,
  getMoney,
  myProjects,
  receiptPhoto,
} from './projects.money';
import { PROJECT_TAGS, idRoutes } from './projects.http';

/** Routes of a selected project's money (R-PJ-5), registered by projects.routes.ts. */
export function moneyRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const route = idRoutes(base, deps);
  const tags = PROJECT_TAGS;
  const record = access.anyOf('projects.apply', 'projects.review');
  const money = '/api/projects/applications/:id/money';
  const response = moneySchema;
  route('GET', money, access.permission('projects.read'), { response }, getMoney);
  route('POST', `${money}/disbursements`, record, { body: disbursementBody, response }, addDisbursement);
  route('POST', `${money}/spends`, record, { body: spendBody, response }, addSpend);
  route('POST', `${money}/disclose`, record, { response }, discloseFunds);
  /** multipart/form-data with one image (JPG/PNG/WebP, ≤ 5 MB): the photo of a spend's receipt. */
  app.post(
    '/api/projects/applications/:id/money/spends/:spendId/receipt',
    {
      config: { access: record },
      schema: {
        tags,
        params: idParamsWith('spendId'),
        consumes: ['multipart/form-data'],
        response: { 200: moneySchema },
      },
    },
    (req) =>
      attachReceipt(
        actorCtxOf(deps, req),
        createLocalStorage(deps.config.dataDir),
        req.params.id,
        req.params.spendId,
        () => readPhoto(req),
      ),
  );
  app.get(
    '/api/projects/applications/:id/money/spends/:spendId/receipt',
    {
      config: { access: access.permission('projects.read') },
      schema: { tags, params: idParamsWith('spendId') },
    },
    async (req, reply) => {
      const p = await receiptPhoto(
        actorCtxOf(deps, req),
        createLocalStorage(deps.config.dataDir),
        req.params.id,
        req.params.spendId,
      );
      return reply.type(p.mime).header('cache-control', 'private, max-age=300').send(p.data);
    },
  );
  app.get(
    '/api/me/projects',
    {
      config: { access: access.permission('participation.board') },
      schema: { tags, response: { 200: myProjectsSchema } },
    },
    (req) => myProjects(actorCtxOf(deps, req)),
  );
}
