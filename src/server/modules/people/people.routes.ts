import type { FastifyInstance } from 'fastify';
import { defineModule } from '../../platform/module';

export const peopleModule = defineModule({
  name: 'people',
  routes(_app: FastifyInstance) {},
});
