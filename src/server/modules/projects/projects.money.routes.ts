import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  disbursementBody,
  moneySchema,
  myProjectsSchema,
  spendBody,
} from '../../../shared/contracts/projects.money';
import { access } from '../../platform/access';

import { idParams } from '../../platform/ids';
import { type AppDeps, actorCtxOf } from '../../platform/context';
import { addDisbursement, addSpend, discloseFunds, getMoney, myProjects } from './projects.money';

/** Routes of a selected project's money (R-PJ-5), registered by projects.routes.ts. */
export function moneyRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const record = { access: access.anyOf('projects.apply', 'projects.review') };
  app.get(
    '/api/projects/applications/:id/money',
    {
      config: { access: access.permission('projects.read') },
      schema: { tags, params: idParams, response: { 200: moneySchema } },
    },
    (req) => getMoney(actorCtxOf(deps, req), req.params.id),
  );
  app.post(
    '/api/projects/applications/:id/money/disbursements',
    {
      config: record,
      schema: { tags, params: idParams, body: disbursementBody, response: { 200: moneySchema } },
    },
    (req) => addDisbursement(actorCtxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/projects/applications/:id/money/spends',
    { config: record, schema: { tags, params: idParams, body: spendBody, response: { 200: moneySchema } } },
    (req) => addSpend(actorCtxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/projects/applications/:id/money/disclose',
    {
      config: record,
      schema: { tags, params: idParams, response: { 200: moneySchema } },
    },
    (req) => discloseFunds(actorCtxOf(deps, req), req.params.id),
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
