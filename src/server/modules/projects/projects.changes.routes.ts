import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  changesSchema,
  decideChangeBody,
  requestChangeBody,
} from '../../../shared/contracts/projects.changes';
import { access } from '../../platform/access';
import type { AppDeps } from '../../platform/context';
import { actorCtxOf } from '../../platform/context';
import { idParams } from '../../platform/ids';
import { decideChange, getChanges, requestChange } from './projects.changes';

/** Content changes of a selected project (R-PJ-4, no swaps midway); registered by projects.routes.ts. */
export function changeRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const schema = { tags, params: idParams, response: { 200: changesSchema } };

  app.get(
    '/api/projects/applications/:id/changes',
    { config: { access: access.permission('projects.read') }, schema },
    (req) => getChanges(actorCtxOf(deps, req), req.params.id),
  );
  app.post(
    '/api/projects/applications/:id/changes',
    {
      config: { access: access.permission('projects.apply') },
      schema: { ...schema, body: requestChangeBody },
    },
    (req) => requestChange(actorCtxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/projects/changes/:id/decision',
    {
      config: { access: access.permission('projects.manage') },
      schema: { ...schema, body: decideChangeBody },
    },
    (req) => decideChange(actorCtxOf(deps, req), req.params.id, req.body),
  );
}
