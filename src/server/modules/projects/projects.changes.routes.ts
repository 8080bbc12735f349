import type { FastifyInstance } from 'fastify';
import {
  changesSchema,
  decideChangeBody,
  requestChangeBody,
} from '../../../shared/contracts/projects.changes';
import { access } from '../../platform/access';
import type { AppDeps } from '../../platform/context';
import { decideChange, getChanges, requestChange } from './projects.changes';
import { idRoutes } from './projects.http';

/** Content changes of a selected project (R-PJ-4, no swaps midway); registered by projects.routes.ts. */
export function changeRoutes(base: FastifyInstance, deps: AppDeps) {
  const route = idRoutes(base, deps);
  const response = changesSchema;
  const changes = '/api/projects/applications/:id/changes';
  route('GET', changes, access.permission('projects.read'), { response }, getChanges);
  route(
    'POST',
    changes,
    access.permission('projects.apply'),
    { body: requestChangeBody, response },
    requestChange,
  );
  route(
    'POST',
    '/api/projects/changes/:id/decision',
    access.permission('projects.manage'),
    { body: decideChangeBody, response },
    decideChange,
  );
}
