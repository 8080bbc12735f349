import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/context';
import { defineModule } from '../../platform/module';

export const volunteersModule = defineModule({
  name: 'volunteers',
  routes(_app: FastifyInstance, _deps: AppDeps) {},
});
