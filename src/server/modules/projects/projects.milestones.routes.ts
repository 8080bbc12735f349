import type { FastifyInstance } from 'fastify';
import {
  milestoneBody,
  milestonePatchBody,
  milestonesSchema,
} from '../../../shared/contracts/projects.milestones';
import { access } from '../../platform/access';
import type { AppDeps } from '../../platform/context';
import { idRoutes } from './projects.http';
import { addMilestone, changeMilestone, getMilestones, removeMilestone } from './projects.milestones';

/** Routes of a selected project's milestones (R-PJ-4), registered by projects.routes.ts. */
export function milestoneRoutes(base: FastifyInstance, deps: AppDeps) {
  const route = idRoutes(base, deps);
  const edit = access.anyOf('projects.apply', 'projects.review');
  const response = milestonesSchema;
  const milestones = '/api/projects/applications/:id/milestones';
  route('GET', milestones, access.permission('projects.read'), { response }, getMilestones);
  route('POST', milestones, edit, { body: milestoneBody, response }, addMilestone);
  route(
    'PATCH',
    '/api/projects/milestones/:id',
    edit,
    { body: milestonePatchBody, response },
    changeMilestone,
  );
  route('DELETE', '/api/projects/milestones/:id', edit, { response }, removeMilestone);
}
