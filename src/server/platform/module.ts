import type { FastifyInstance } from 'fastify';
import type { AppDeps } from './context';

/** A module registers its routes (and later jobs, demo data) through one entry (DESIGN layout). */
export interface ModuleDef {
  name: string;
  routes(app: FastifyInstance, deps: AppDeps): void | Promise<void>;
}

export function defineModule(def: ModuleDef): ModuleDef {
  return def;
}
