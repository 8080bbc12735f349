import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../platform/module';

export const importsModule = defineModule({
  name: 'imports',
  routes(_app: FastifyInstance) {},
});
