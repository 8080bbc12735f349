import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { AppDeps } from './context';
import type { Workflow } from './workflow';

/** What a module's recurring job gets: the app's dependencies and the process's logger. */
export interface JobDeps extends AppDeps {
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/**
 * A recurring job a module declares; the platform schedules every module's jobs through pg-boss
 * (`moduleJobs` in app.ts, started by main.ts), once per cron tick for all app processes together.
 */
export interface ModuleJob {
  /** `<module>.<what>`, unique across modules. */
  name: string;
  /** Five-field cron in Asia/Shanghai time (pg-boss's smallest step is one minute). */
  cron: string;
  run(deps: JobDeps): Promise<unknown>;
}

/** A module registers its routes and recurring jobs through one entry (DESIGN layout). */
export interface ModuleDef {
  name: string;
  routes(app: FastifyInstance, deps: AppDeps): void | Promise<void>;
  jobs?: ModuleJob[];
  /** Procedures run by platform/workflow; their deadlines are swept by the one `platform.workflow-sweep` job. */
  workflows?: Workflow<any, any, any, any>[];
}

export function defineModule(def: ModuleDef): ModuleDef {
  return def;
}
