import type { FastifyInstance } from 'fastify';
import { boardSchema } from '../../../shared/contracts/projects.board';
import { access } from '../../platform/access';
import type { AppDeps } from '../../platform/context';
import { callBoard } from './projects.board';
import { idRoutes } from './projects.http';

/** A call's board by subdistrict, state and deadline (issue 11 §8); registered by projects.routes.ts. */
export function boardRoutes(base: FastifyInstance, deps: AppDeps) {
  const route = idRoutes(base, deps);
  route(
    'GET',
    '/api/projects/calls/:id/board',
    access.permission('projects.read'),
    { response: boardSchema },
    callBoard,
  );
}
