import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  createdOpen311KeySchema,
  createOpen311KeyBody,
  open311KeySchema,
} from '../../../shared/contracts/open311';
import { formatMessage } from '../../../shared/i18n/errors';
import { type AppDeps, actorCtxOf } from '../../platform/context';
import { routeKit } from '../../platform/routeKit';
import { access } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { fingerprintOf, idempotencyKeyOf, idempotent, sendStored } from '../../platform/idempotency';
import { defineModule } from '../../platform/module';
import {
  FORMATS,
  type Format,
  formatOfUrl,
  Open311Error,
  render,
  send,
  sendError,
  splitFormat,
} from './open311.format';
import { authenticateKey, createKey, type KeyRow, listKeys, revokeKey } from './open311.keys';
import {
  createRequest,
  discovery,
  getRequest,
  listRequests,
  listServices,
  type Open311Ctx,
  PARAM_OF,
  type Params,
  readParams,
  requestOfToken,
  serviceDefinition,
} from './open311.usecases';
import * as open311Tables from './open311.table';
import { open311Access } from '../../../shared/permissions/open311';
import { OPEN311_ERRORS } from '../../../shared/i18n/errors.open311';
import { OPEN311_AUDIT } from '../../../shared/i18n/audit.open311';

const FORM_LIMIT = 256 * 1024;

/** An Open311 error for anything thrown while answering a GeoReport request (R-O311-1: 400/403/404). */
function asOpen311Error(err: unknown, request: FastifyRequest): Open311Error {
  if (err instanceof Open311Error) return err;
  if (err instanceof AppError) {
    const status =
      err.status === 401 || err.status === 403
        ? 403
        : err.status === 404
          ? 404
          : err.status === 429
            ? 429
            : err.status >= 500
              ? 500
              : 400;
    const fields = err.details?.fields ?? [];
    if (fields.length) {
      return new Open311Error(
        status,
        fields.map((f) =>
          f.path
            ? {
                code: 'open311.field',
                params: { name: PARAM_OF[f.path] ?? f.path, reason: formatMessage(f.code, request.locale) },
              }
            : { code: f.code },
        ),
      );
    }
    return new Open311Error(status, { code: err.code, params: err.params });
  }
  const status = (err as FastifyError).statusCode ?? 500;
  if (status === 413) return new Open311Error(400, { code: 'common.payload_too_large' });
  if (status === 429) return new Open311Error(429, { code: 'common.too_many_requests' });
  if (status >= 400 && status < 500) return new Open311Error(400, { code: 'open311.body' });
  request.log.error({ err }, 'unhandled error in Open311');
  return new Open311Error(500, { code: 'common.internal' });
}

/** More fields than any GeoReport request has (attributes included). */
const MAX_FORM_FIELDS = 1000;

/** The form-encoded body as parameters; repeated names become lists (in linear time). */
function parseForm(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  let fields = 0;
  for (const [k, v] of new URLSearchParams(body)) {
    if (++fields > MAX_FORM_FIELDS) throw new AppError('common.body_too_complex', 400);
    const before = out[k];
    if (before === undefined) out[k] = v;
    else if (Array.isArray(before)) before.push(v);
    else out[k] = [before, v];
  }
  return out;
}

/**
 * Open311 GeoReport v2 under /open311/v2/ (R-O311-1), in JSON and XML by URL suffix, plus the console
 * API for its keys (`open311.manage`, scoped to the keys' jurisdictions).
 */
export const open311Module = defineModule({
  name: 'open311',
  audit: OPEN311_AUDIT,
  tables: open311Tables,
  scopedTables: { scoped: [open311Tables.open311Keys] },
  access: open311Access,
  errors: OPEN311_ERRORS,
  async routes(base: FastifyInstance, deps) {
    const { app, tags, route } = routeKit(base, deps, 'open311');

    // ---- console: API keys
    app.get(
      '/api/open311/keys',
      {
        config: { access: access.permission('open311.manage') },
        schema: { tags, response: { 200: z.array(open311KeySchema) } },
      },
      (req) => listKeys(actorCtxOf(deps, req)),
    );
    app.post(
      '/api/open311/keys',
      {
        config: { access: access.permission('open311.manage') },
        schema: { tags, body: createOpen311KeyBody, response: { 201: createdOpen311KeySchema } },
      },
      async (req, reply) => reply.status(201).send(await createKey(actorCtxOf(deps, req), req.body)),
    );
    route(
      'POST',
      '/api/open311/keys/:id/revoke',
      access.permission('open311.manage'),
      { response: open311KeySchema },
      revokeKey,
    );

    // ---- GeoReport v2: its own body parser, error list and 404, so the console's error shape never leaks in
    await base.register(async (api) => geoReport(api, deps), { prefix: '/open311/v2' });
  },
});

async function geoReport(api: FastifyInstance, deps: AppDeps) {
  const tags = ['open311'];
  api.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: FORM_LIMIT },
    (_req, body, done) => {
      try {
        done(null, parseForm(body as string));
      } catch (err) {
        done(err as Error, undefined);
      }
    },
  );
  api.setErrorHandler((err, request, reply) =>
    sendError(reply, formatOfUrl(request.url), asOpen311Error(err, request), request.locale),
  );
  api.setNotFoundHandler((request, reply) =>
    sendError(
      reply,
      formatOfUrl(request.url),
      new Open311Error(404, { code: 'open311.not_found' }),
      request.locale,
    ),
  );

  const ctxOf = (req: FastifyRequest): Open311Ctx => ({
    db: deps.db,
    clock: deps.clock,
    ids: deps.ids,
    pii: deps.pii,
    requestId: req.id,
    ip: req.ip,
    locale: req.locale,
  });
  /** The api_key's active key; 403 when one is given but unknown or revoked, or missing where required. */
  const keyOf = async (p: Params, required: boolean): Promise<KeyRow | null> => {
    const raw = p.values.api_key;
    const apiKey = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    if (!apiKey) {
      if (required) throw new Open311Error(403, { code: 'open311.api_key' });
      return null;
    }
    const key = await authenticateKey(deps.db, deps.clock, apiKey);
    if (!key) throw new Open311Error(403, { code: 'open311.api_key' });
    return key;
  };
  /** `:file` = "<name>.<json|xml>"; anything else is an unknown resource. */
  const fileOf = (req: FastifyRequest): { name: string; format: Format } => {
    const file = splitFormat((req.params as { file: string }).file);
    if (!file) throw new Open311Error(404, { code: 'open311.not_found' });
    return file;
  };
  const query = (req: FastifyRequest) => readParams(req.query);

  for (const format of FORMATS) {
    api.get(`/discovery.${format}`, { config: { access: access.public }, schema: { tags } }, (req, reply) =>
      send(reply, format, 200, 'discovery', discovery(`${req.protocol}://${req.host}/open311/v2/`)),
    );
    api.get(
      `/services.${format}`,
      { config: { access: access.public }, schema: { tags } },
      async (req, reply) =>
        send(reply, format, 200, 'services', await listServices(deps.db, req.locale, query(req))),
    );
    api.get(
      `/requests.${format}`,
      { config: { access: access.public }, schema: { tags } },
      async (req, reply) => {
        const p = query(req);
        const key = await keyOf(p, false);
        return send(reply, format, 200, 'service_requests', await listRequests(ctxOf(req), key, p));
      },
    );
    api.post(
      `/requests.${format}`,
      { config: { access: access.public }, schema: { tags } },
      async (req, reply) => {
        const p = readParams(req.body);
        if (p.values.api_key === undefined) {
          const q = query(req).values.api_key;
          if (q !== undefined) p.values.api_key = q;
        }
        const key = await keyOf(p, true);
        // A platform retrying after a lost answer sends the same Idempotency-Key: one order, the same answer.
        const res = await idempotent(
          deps,
          {
            scope: `POST /open311/v2/requests.${format}|open311:${key!.id}`,
            key: idempotencyKeyOf(req),
            fingerprint: fingerprintOf({ body: req.body, query: req.query }),
          },
          async (db) => ({
            status: 201,
            ...render(format, 'service_requests', await createRequest({ ...ctxOf(req), db }, key!, p)),
          }),
        ).catch((err) => {
          if (err instanceof AppError && err.code === 'common.idempotency_key_reused')
            throw new Open311Error(422, { code: err.code });
          throw err;
        });
        return sendStored(reply, res);
      },
    );
  }
  api.get('/services/:file', { config: { access: access.public }, schema: { tags } }, async (req, reply) => {
    const { name, format } = fileOf(req);
    return send(
      reply,
      format,
      200,
      'service_definition',
      await serviceDefinition(deps.db, name, req.locale, query(req)),
    );
  });
  api.get('/requests/:file', { config: { access: access.public }, schema: { tags } }, async (req, reply) => {
    const { name, format } = fileOf(req);
    const p = query(req);
    const key = await keyOf(p, false);
    return send(reply, format, 200, 'service_requests', await getRequest(ctxOf(req), key, name, p));
  });
  api.get('/tokens/:file', { config: { access: access.public }, schema: { tags } }, async (req, reply) => {
    const { name, format } = fileOf(req);
    return send(reply, format, 200, 'service_requests', await requestOfToken(deps.db, name));
  });
}
