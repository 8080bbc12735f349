import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assignBody, assignmentsSchema, unassignBody } from '../../../shared/contracts/projects.assign';
import { access } from '../../platform/access';
import type { AppDeps } from '../../platform/context';
import { actorCtxOf } from '../../platform/context';
import { idParams } from '../../platform/ids';
import { assignReviewers, getAssignments, unassignReviewer } from './projects.assign';

/** Reviewer assignment of a call's applications (issue 11 §2); registered by projects.routes.ts. */
export function assignRoutes(base: FastifyInstance, deps: AppDeps) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['projects'];
  const manage = { access: access.permission('projects.manage') };
  const schema = { tags, params: idParams, response: { 200: assignmentsSchema } };

  app.get('/api/projects/calls/:id/assignments', { config: manage, schema }, (req) =>
    getAssignments(actorCtxOf(deps, req), req.params.id),
  );
  /** Assigns every reviewer named to every application named (bulk). */
  app.post(
    '/api/projects/calls/:id/assignments',
    { config: manage, schema: { ...schema, body: assignBody } },
    (req) => assignReviewers(actorCtxOf(deps, req), req.params.id, req.body),
  );
  app.post(
    '/api/projects/calls/:id/assignments/remove',
    { config: manage, schema: { ...schema, body: unassignBody } },
    (req) => unassignReviewer(actorCtxOf(deps, req), req.params.id, req.body),
  );
}
