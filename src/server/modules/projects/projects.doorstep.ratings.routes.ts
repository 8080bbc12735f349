import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  doorstepRatingsSchema,
  myDoorstepRatingSchema,
  myDoorstepRatingsSchema,
  rateDoorstepBody,
} from '../../../shared/contracts/projects.doorstep.ratings';
import { access } from '../../platform/access';
import { type AppDeps, actorCtxOf } from '../../platform/context';
import { idParams } from '../../platform/ids';
import { doorstepRatings, myDoorstepRatings, rateDoorstep } from './projects.doorstep.ratings';

/** Residents rate their community's doorstep projects (seed 004 三(三)); registered by projects.routes.ts. */
export function doorstepRatingRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const board = { access: access.permission('participation.board') };

  app.get(
    '/api/me/doorstep-ratings',
    { config: board, schema: { tags, response: { 200: myDoorstepRatingsSchema } } },
    (req) => myDoorstepRatings(actorCtxOf(deps, req)),
  );
  /** Rates (or re-rates) a project of the resident's community: `{stars: 1–5, comment?: ≤ 200}`. */
  app.put(
    '/api/me/doorstep/:id/rating',
    {
      config: board,
      schema: { tags, params: idParams, body: rateDoorstepBody, response: { 200: myDoorstepRatingSchema } },
    },
    (req) => rateDoorstep(actorCtxOf(deps, req), req.params.id, req.body),
  );
  app.get(
    '/api/projects/doorstep/:id/ratings',
    {
      config: { access: access.permission('projects.read') },
      schema: { tags, params: idParams, response: { 200: doorstepRatingsSchema } },
    },
    (req) => doorstepRatings(actorCtxOf(deps, req), req.params.id),
  );
}
