import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { AuditLabels } from '../../shared/i18n/audit';
import type { Locale } from '../../shared/i18n/errors';
import type { ModuleAccess } from '../../shared/permissions/define';
import type { AppDeps } from './context';
import type { EvidenceSource } from './evidence';
import type { MineReaders } from './mine';
import type { ReportFigure } from './reportFigures';
import type { ScopedTableLists } from './scopedTables';
import type { Workflow } from './workflow';

/**
 * What a module's recurring job gets: the app's dependencies, the process's logger and the run's own request
 * id (`<job name>:<uuidv7>`), which the audit entries it writes carry, so the audit page lists one run together.
 */
export interface JobDeps extends AppDeps {
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  requestId: string;
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

/**
 * A module's one registry entry (DESIGN layout): everything the platform needs to know about it. The
 * central lists (`MODULES` in app.ts, `platform/schema.ts` for drizzle-kit, `MODULE_ACCESS` in
 * shared/permissions.ts, `ERROR_MESSAGES` in shared/i18n/errors.ts) take one line per module, and
 * `src/server/modules.test.ts` checks that they agree with these entries.
 */
export interface ModuleDef {
  /** The folder name under src/server/modules. */
  name: string;
  /** The module's Drizzle tables (`import * as tables from './<m>.table'`); each table has one owner. */
  tables?: Record<string, unknown>;
  /** Its tables whose rows carry an org path, which moves and merges of units rewrite (platform/scopedTables.ts). */
  scopedTables?: ScopedTableLists;
  /** Its permissions and the built-in roles' grants (`shared/permissions/<m>.ts`). */
  access?: ModuleAccess;
  /** Its error messages by code, in both UI languages (`shared/i18n/errors.<m>.ts`). */
  errors?: Record<string, Record<Locale, string>>;
  /** The names of the actions and entity types it audits (`shared/i18n/audit.<m>.ts`), for the audit page. */
  audit?: AuditLabels;
  routes(app: FastifyInstance, deps: AppDeps): void | Promise<void>;
  /** Recurring jobs; the platform schedules them (`moduleJobs` in app.ts). */
  jobs?: ModuleJob[];
  /** Procedures run by platform/workflow; their deadlines are swept by the one `platform.workflow-sweep` job. */
  workflows?: Workflow<any, any, any, any>[];
  /** Records it holds that can back an assessment item (platform/evidence.ts, registry in platform/offerings.ts); framework items name them by key. */
  evidence?: EvidenceSource[];
  /** Figures it holds that report templates may pre-fill (platform/reportFigures.ts; 信息报告, R-RP-1). */
  reportFigures?: ReportFigure[];
  /** Readers of the caller's own rows it holds, for the phone home's overview (platform/mine.ts). */
  mine?: Partial<MineReaders>;
}

/** Declares a module; pure (the platform reads the entries from the `MODULES` list in app.ts). */
export function defineModule(def: ModuleDef): ModuleDef {
  return def;
}
