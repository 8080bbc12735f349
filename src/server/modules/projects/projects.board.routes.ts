import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { boardSchema } from '../../../shared/contracts/projects.board';
import { access } from '../../platform/access';
import { type AppDeps, actorCtxOf } from '../../platform/context';
import { idParams } from '../../platform/ids';
import { callBoard } from './projects.board';

/** A call's board by subdistrict, state and deadline (issue 11 §8); registered by projects.routes.ts. */
export function boardRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/projects/calls/:id/board',
    {
      config: { access: access.permission('projects.read') },
      schema: { tags: ['projects'], params: idParams, response: { 200: boardSchema } },
    },
    (req) => callBoard(actorCtxOf(deps, req), req.params.id),
  );
}
