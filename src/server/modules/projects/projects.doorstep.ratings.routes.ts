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
import { doorstepRatings, myDoorstepRatings, rateDoorstep } from './projects.doorstep.ratings';
import { PROJECT_TAGS, idRoutes } from './projects.http';

/** Residents rate their community's doorstep projects (seed 004 三(三)); registered by projects.routes.ts. */
export function doorstepRatingRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const route = idRoutes(base, deps);
  const tags = PROJECT_TAGS;
  const board = { access: access.permission('participation.board') };

  app.get(
    '/api/me/doorstep-ratings',
    { config: board, schema: { tags, response: { 200: myDoorstepRatingsSchema } } },
    (req) => myDoorstepRatings(actorCtxOf(deps, req)),
  );
  /** Rates (or re-rates) a project of the resident's community: `{stars: 1–5, comment?: ≤ 200}`. */
  route(
    'PUT',
    '/api/me/doorstep/:id/rating',
    board.access,
    { body: rateDoorstepBody, response: myDoorstepRatingSchema },
    rateDoorstep,
  );
  route(
    'GET',
    '/api/projects/doorstep/:id/ratings',
    access.permission('projects.read'),
    { response: doorstepRatingsSchema },
    doorstepRatings,
  );
}
