import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  milestoneBody,
  milestonePatchBody,
  milestonesSchema,
} from '../../../shared/contracts/projects.milestones';
import { access } from '../../platform/access';
import { type AppDeps, actorCtxOf } from '../../platform/context';
import { idParams } from '../../platform/ids';
import { addMilestone, changeMilestone, getMilestones, removeMilestone } from './projects.milestones';

/** Routes of a selected project's milestones (R-PJ-4), registered by projects.routes.ts. */
export function milestoneRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const edit = { access: access.anyOf('projects.apply', 'projects.review') };
  const response = { 200: milestonesSchema };
  app.get(
    '/api/projects/applications/:id/milestones',
    { config: { access: access.permission('projects.read') }, schema: { tags, params: idParams, response } },
    (req) => getMilestones(actorCtxOf(deps, req), req.params.id),
  );
  app.post(
    '/api/projects/applications/:id/milestones',
    { config: edit, schema: { tags, params: idParams, body: milestoneBody, response } },
    (req) => addMilestone(actorCtxOf(deps, req), req.params.id, req.body),
  );
  app.patch(
    '/api/projects/milestones/:id',
    { config: edit, schema: { tags, params: idParams, body: milestonePatchBody, response } },
    (req) => changeMilestone(actorCtxOf(deps, req), req.params.id, req.body),
  );
  app.delete(
    '/api/projects/milestones/:id',
    { config: edit, schema: { tags, params: idParams, response } },
    (req) => removeMilestone(actorCtxOf(deps, req), req.params.id),
  );
}
