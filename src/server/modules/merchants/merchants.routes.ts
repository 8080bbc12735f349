import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/context';
import { defineModule } from '../../platform/module';

export const merchantsModule = defineModule({
  name: 'merchants',
  routes(_app: FastifyInstance, _deps: AppDeps) {},
});
