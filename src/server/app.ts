import { existsSync } from 'node:fs';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type RouteOptions } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { v7 } from 'uuid';
import { formatMessage } from '../shared/i18n/errors';
import { fieldMessage } from '../shared/i18n/fields';
import { accountsModule } from './modules/accounts/accounts.routes';
import { auditModule } from './modules/audit/audit.routes';
import { calendarModule } from './modules/calendar/calendar.routes';
import { ledgerModule } from './modules/ledger/ledger.routes';
import { merchantsModule } from './modules/merchants/merchants.routes';
import { notificationsModule } from './modules/notifications/notifications.routes';
import { projectsModule } from './modules/projects/projects.routes';
import { servicesModule } from './modules/services/services.routes';
import { disputesModule } from './modules/disputes/disputes.routes';
import { assessmentsModule } from './modules/assessments/assessments.routes';
import { participationModule } from './modules/participation/participation.routes';
import { keyTasksModule } from './modules/key-tasks/keyTasks.routes';
import { workItemAccessModule } from './modules/work-item-access/workItemAccess.routes';
import { certificatesModule } from './modules/certificates/certificates.routes';
import { facilitiesModule } from './modules/facilities/facilities.routes';
import { careModule } from './modules/care/care.routes';
import { surveysModule } from './modules/surveys/surveys.routes';
import { scheduledReportsModule } from './modules/scheduled-reports/scheduledReports.routes';
import { propertyModule } from './modules/property/property.routes';
import { selfGovernanceModule } from './modules/self-governance/selfGovernance.routes';
import { socialOrgsModule } from './modules/social-orgs/socialOrgs.routes';
import { volunteersModule } from './modules/volunteers/volunteers.routes';
import { importsModule } from './modules/imports/imports.routes';
import { open311Module } from './modules/open311/open311.routes';
import { orgModule } from './modules/org/org.routes';
import { peopleModule } from './modules/people/people.routes';
import { reportsModule } from './modules/reports/reports.routes';
import { residentsModule } from './modules/residents/residents.routes';
import { workOrdersModule } from './modules/work-orders/workOrders.routes';
import { workOrderSettingsModule } from './modules/work-orders/workOrders.settings.routes';
import { access, registerAccessGate } from './platform/access';
import { isStaff, registerAuth } from './platform/auth';
import { OffsetClock, uuidv7 } from './platform/clock';
import { createRateLimiter, deleteOldRateLimitWindows } from './platform/rateLimit';
import { auditFailure } from './platform/audit';
import { type AppDeps, ctxOf } from './platform/context';
import { AppError } from './platform/errors';
import { hasNul, registerJsonParser } from './platform/inputLimits';
import { deleteOldIdempotencyKeys } from './platform/idempotency';
import type { RecurringJob } from './platform/jobs';
import type { JobDeps, ModuleDef, ModuleJob } from './platform/module';
import { sweepWorkflows } from './platform/workflow';
import { resolveMapSettings } from './platform/map';
import { installOfferings } from './platform/offerings';
import { installScopedTables } from './platform/scopedTables';
import { frameworkErrorHandler, registerSecurityHeaders } from './platform/securityHeaders';

/** The only central registry of modules. */
export const MODULES: ModuleDef[] = [
  accountsModule,
  orgModule,
  residentsModule,
  importsModule,
  peopleModule,
  reportsModule,
  auditModule,
  calendarModule,
  workOrdersModule,
  workOrderSettingsModule,
  open311Module,
  ledgerModule,
  merchantsModule,
  notificationsModule,
  volunteersModule,
  servicesModule,
  projectsModule,
  disputesModule,
  assessmentsModule,
  participationModule,
  keyTasksModule,
  workItemAccessModule,
  certificatesModule,
  facilitiesModule,
  careModule,
  surveysModule,
  scheduledReportsModule,
  propertyModule,
  selfGovernanceModule,
  socialOrgsModule,
];
// What the modules offer one another (evidence sources, report figures), by key; the tables whose org paths
// moves and merges of units rewrite.
installOfferings(MODULES);
installScopedTables(MODULES);

/** Jobs of the platform itself (not of one module). */
const PLATFORM_JOBS: ModuleJob[] = [
  {
    // Expired rate-limit windows and idempotency keys (shared tables, so once per cluster).
    name: 'platform.cleanup',
    cron: '*/10 * * * *',
    run: async (deps) => {
      const now = deps.clock.now();
      await deleteOldRateLimitWindows(deps.db, now);
      await deleteOldIdempotencyKeys(deps.db, now);
    },
  },
  {
    // Every workflow's due deadlines and reminders (platform/workflow): rows locked SKIP LOCKED and each
    // deadline claimed once in its module's steps table, so processes sweeping together never fire one twice.
    name: 'platform.workflow-sweep',
    cron: '* * * * *',
    run: (deps) =>
      sweepWorkflows(
        MODULES.flatMap((m) => m.workflows ?? []),
        deps,
        deps.log,
      ),
  },
];

/**
 * Every recurring job the modules declare, plus the platform's, bound to the app's dependencies: what
 * main.ts hands to the scheduler (`startJobs`). A module's job is scheduled by declaring it in its
 * `defineModule({ jobs })`, nowhere else.
 */
export function moduleJobs(deps: Omit<JobDeps, 'requestId'>): RecurringJob[] {
  return [...PLATFORM_JOBS, ...MODULES.flatMap((m) => m.jobs ?? [])].map((job) => ({
    name: job.name,
    cron: job.cron,
    run: () => job.run({ ...deps, requestId: `${job.name}:${uuidv7()}` }),
  }));
}

/**
 * Hashed build assets (`/assets/name-<hash>.js`) never change under their name: a year, immutable. The
 * HTML and anything unhashed is revalidated on every load, so a new release shows at once.
 */
export function webCacheControl(path: string): string {
  return /[\\/]assets[\\/][^\\/]+-[\w-]{8,}(\.\w+)+$/.test(path)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
}

/** Paths of the residents' phone app (phone.html): /report, /track/…, /m and /m/…; the rest is the console. */
export function isPhonePath(path: string): boolean {
  return /^\/(report|track|m)(\/|$)/.test(path);
}

export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;

export async function buildApp(
  deps: AppDeps,
  opts: {
    logger?: boolean /** Tests: sees every route as it is added. */;
    onRoute?: (route: RouteOptions) => void;
    /** True while demo data loads in the background (npm start on an empty embedded database). */
    demoLoading?: () => boolean;
  } = {},
): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: deps.config.logLevel ?? 'info',
          // Request logs carry no personal data: the query string (which may hold a phone) is dropped.
          serializers: {
            req: (req) => ({ id: req.id, method: req.method, path: String(req.url).split('?')[0] }),
            // Database errors carry the statement's parameters (personal data) in their message: log only codes.
            err: (err: FastifyError) => {
              const code = err.code ?? (err.cause as { code?: string } | undefined)?.code ?? '';
              return {
                type: err.name,
                message: `${err.name} ${code}`.trim(),
                stack: err.stack?.split('\n').slice(1, 6).join('\n') ?? '',
              };
            },
          },
        }
      : false,
    genReqId: () => v7(),
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: (_address: string, hop: number) => hop < (deps.config.trustProxyHops ?? 0),
    frameworkErrors: frameworkErrorHandler(deps.config),
  });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  // JSON bodies: depth and key-count limits on the raw text before anything parses or walks them.
  registerJsonParser(app);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Linli API',
        version: '0.1.0',
        description: 'Linli (邻里) community governance platform',
      },
    },
    transform: jsonSchemaTransform,
  });

  registerAuth(app, deps);
  // Every /api route declares its access; checked after the session is loaded, before schema validation.
  registerAccessGate(app, [
    // The API description (routes of @fastify/swagger-ui): staff only unless API_DOCS_PUBLIC=true.
    { prefix: '/api/docs', access: deps.config.apiDocsPublic ? access.public : access.staff },
  ]);
  registerSecurityHeaders(app, deps.config);

  const limit = deps.config.rateLimitPerMinute;
  if (limit) {
    // Counted in the database, so all app processes share one allowance per client address.
    const limiter = createRateLimiter(deps.db, limit, deps.clock);
    // Open311 clients are platforms (a 12345 hotline) sending from one address: a far larger allowance.
    const platformLimiter = createRateLimiter(deps.db, limit * 40, deps.clock);
    app.addHook('onRequest', async (request) => {
      if (request.method !== 'POST') return;
      const path = request.url.split('?')[0] ?? '';
      const ok = path.startsWith('/open311/')
        ? await platformLimiter.take(`open311:${request.ip}`)
        : path === '/api/auth/login' || path === '/api/auth/login/totp'
          ? await limiter.take(`login:${request.ip}`)
          : path.startsWith('/api/public/')
            ? await limiter.take(`public:${request.ip}`)
            : true;
      if (!ok) throw new AppError('common.too_many_requests', 429);
    });
  }

  // A NUL character cannot be stored in PostgreSQL text: refuse it as bad input before anything runs.
  app.addHook('preValidation', async (request) => {
    if (hasNul(request.body) || hasNul(request.query) || hasNul(request.params)) {
      throw new AppError(
        'common.validation',
        400,
        {},
        { fields: [{ path: '', code: 'common.nul_character' }] },
      );
    }
  });

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const locale = request.locale ?? 'zh-CN';
    if (error instanceof AppError) {
      if (error.status === 403 && request.actor) {
        // Refused attempts are part of the audit trail (success = false).
        await auditFailure(deps.db, ctxOf(deps, request), {
          action: 'access.denied',
          entityType: 'request',
          entityId: null,
          after: { method: request.method, path: request.url.split('?')[0], code: error.code },
        }).catch((err) => request.log.error({ err }, 'audit of a refused request failed'));
      }
      const fields = error.details?.fields?.map((f) => ({
        ...f,
        message: f.message ?? fieldMessage(f.code, {}, locale, f.code),
      }));
      return reply.status(error.status).send({
        error: {
          code: error.code,
          message: formatMessage(error.code, locale, error.params),
          ...(error.details ? { details: { ...error.details, ...(fields ? { fields } : {}) } } : {}),
        },
      });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = error.validation.map((v) => {
        const params = v.params as Record<string, unknown>;
        const path = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        return { path, code: v.keyword, message: fieldMessage(v.keyword, params, locale, v.message) };
      });
      return reply.status(400).send({
        error: {
          code: 'common.validation',
          message: formatMessage('common.validation', locale),
          details: { fields },
        },
      });
    }
    const pgCode = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? error.code;
    if (['22021', '22P05', '22001', '22003', '22P02', '22007', '22008'].includes(String(pgCode))) {
      // Invalid byte sequence / untranslatable character / value too long / out of range / malformed
      // value for its type (e.g. an id that is not a uuid) / bad or overflowing date: bad input. A route
      // should have refused it already; this keeps a missed check from becoming a 500.
      return reply
        .status(400)
        .send({ error: { code: 'common.validation', message: formatMessage('common.validation', locale) } });
    }
    const status = error.statusCode ?? 500;
    if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE') {
      return reply.status(413).send({
        error: {
          code: 'common.payload_too_large',
          message: formatMessage('common.payload_too_large', locale),
        },
      });
    }
    if (status === 400 || status === 415) {
      const code =
        error.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError
          ? 'common.bad_json'
          : 'common.validation';
      return reply.status(400).send({ error: { code, message: formatMessage(code, locale) } });
    }
    if (status === 429) {
      return reply.status(429).send({
        error: {
          code: 'common.too_many_requests',
          message: formatMessage('common.too_many_requests', locale),
        },
      });
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ error: { code: 'common.validation', message: error.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply
      .status(500)
      .send({ error: { code: 'common.internal', message: formatMessage('common.internal', locale) } });
  });

  app.get('/api/health', { schema: { hide: true }, config: { access: access.public } }, async () => {
    await deps.db.execute(sql`select 1`);
    return {
      status: 'ok',
      database: deps.dbKind ?? 'pglite',
      ...(opts.demoLoading?.() ? { demo: 'loading' } : {}),
    };
  });

  if (deps.clock instanceof OffsetClock) {
    const clock = deps.clock;
    // Development/e2e only (LINLI_DEV_CLOCK=true): move the server's time forward.
    app.post(
      '/api/dev/clock',
      { schema: { hide: true }, config: { access: access.session } },
      async (request) => {
        const body = (request.body ?? {}) as { advanceMs?: unknown };
        const ms = Number(body.advanceMs);
        if (!request.actor || !Number.isFinite(ms) || ms < 0) throw new AppError('common.validation', 400);
        clock.advance(ms);
        return { now: clock.now().toISOString() };
      },
    );
  }

  // Public settings the web app needs before login.
  app.get('/api/config', { schema: { hide: true }, config: { access: access.public } }, async () => ({
    tilesUrl: resolveMapSettings(deps.config).layers[0]?.url ?? null,
    map: resolveMapSettings(deps.config),
    demoLoading: opts.demoLoading?.() ?? false,
  }));

  // The API description: staff only unless API_DOCS_PUBLIC=true (registered after the error handler
  // and the auth hook so that both apply to its routes).
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiHooks: {
      onRequest: async (request) => {
        if (deps.config.apiDocsPublic || isStaff(request.actor)) return;
        throw new AppError(
          request.actor ? 'common.forbidden' : 'common.unauthenticated',
          request.actor ? 403 : 401,
        );
      },
    },
  });

  for (const mod of MODULES) {
    await app.register(async (scope) => mod.routes(scope, deps));
  }

  const webDir = deps.config.webDir;
  if (webDir && existsSync(webDir)) {
    await app.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      // The build writes .br and .gz beside each asset (scripts/compress-web.mjs): sent as they are.
      preCompressed: true,
      setHeaders: (reply, path) => reply.header('cache-control', webCacheControl(path)),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (request.method === 'GET' && !path.startsWith('/api/') && webDir) {
      // The residents' phone app is its own light entry (phone.html: no antd); everything else is the console.
      const page = isPhonePath(path) && existsSync(`${webDir}/phone.html`) ? 'phone.html' : 'index.html';
      if (existsSync(`${webDir}/${page}`)) return reply.header('cache-control', 'no-cache').sendFile(page);
    }
    return reply.status(404).send({
      error: {
        code: 'common.route_not_found',
        message: formatMessage('common.route_not_found', request.locale ?? 'zh-CN'),
      },
    });
  });

  return app;
}
