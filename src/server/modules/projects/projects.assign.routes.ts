import type { FastifyInstance } from 'fastify';
import { assignBody, assignmentsSchema, unassignBody } from '../../../shared/contracts/projects.assign';
import { access } from '../../platform/access';
import type { AppDeps } from '../../platform/context';
import { assignReviewers, getAssignments, unassignReviewer } from './projects.assign';
import { idRoutes } from './projects.http';

/** Reviewer assignment of a call's applications (issue 11 §2); registered by projects.routes.ts. */
export function assignRoutes(base: FastifyInstance, deps: AppDeps) {
  const route = idRoutes(base, deps);
  const manage = access.permission('projects.manage');
  const response = assignmentsSchema;
  const assignments = '/api/projects/calls/:id/assignments';
  route('GET', assignments, manage, { response }, getAssignments);
  /** Assigns every reviewer named to every application named (bulk). */
  route('POST', assignments, manage, { body: assignBody, response }, assignReviewers);
  route('POST', `${assignments}/remove`, manage, { body: unassignBody, response }, unassignReviewer);
}
