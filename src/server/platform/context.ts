import type { FastifyRequest } from 'fastify';
import type { AuditContext } from './audit';
import type { TwoFactorState } from './auth';
import type { Clock, IdGenerator } from './clock';
import type { Config } from './config';
import type { Pii } from './crypto';
import type { Db } from './db';
import type { Actor } from './permissions';
import type { MapSettings } from '../../shared/geo/mapSettings';
import type { SmsConfig, SmsSender } from './sms';
import { AppError } from './errors';

/** What buildApp is given; tests pass their own clock, ids and database. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  pii: Pii;
  config: Pick<Config, 'sessionIdleMinutes' | 'tilesUrl' | 'webDir' | 'dataDir'> & {
    logLevel?: string;
    trustProxyHops?: number;
    /** Requests per minute per client address on anonymous endpoints and logins; unset = no limit. */
    rateLimitPerMinute?: number;
    /** Signed audit checkpoints file; unset = DATA_DIR/audit-checkpoints.log, none when dataDir is empty. */
    auditCheckpointFile?: string | undefined;
    /** https://… makes the session cookie Secure on every response. */
    publicUrl?: string;
    /** /api/docs without a staff login. */
    apiDocsPublic?: boolean;
    /** The SMS provider's settings (platform/sms.ts); unset = the console adapter. */
    sms?: SmsConfig;
    /** The base map (platform/map.ts); unset = `tilesUrl` as an XYZ layer in WGS-84, or none. */
    map?: MapSettings;
  };
  /** The SMS sender; unset = made from `config.sms` with the app's logger. Tests put a capturing one here. */
  sms?: SmsSender;
  dbKind?: 'pglite' | 'postgres';
}

/** What every use case receives (DESIGN convention 3). */
export interface UseCaseCtx extends AuditContext {
  db: Db;
  clock: Clock;
  ids: IdGenerator;
  pii: Pii;
  actor?: Actor;
}

export interface ActorCtx extends UseCaseCtx {
  actor: Actor;
}

export function ctxOf(deps: AppDeps, request: FastifyRequest): UseCaseCtx {
  return {
    db: deps.db,
    clock: deps.clock,
    ids: deps.ids,
    pii: deps.pii,
    actor: request.actor,
    requestId: request.id,
    ip: request.ip,
  };
}

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    session?: { id: string; csrfToken: string; twoFactor: TwoFactorState };
    locale: 'zh-CN' | 'en';
  }
}

/** The use-case context of a logged-in user; 401 when nobody is logged in. */
export function actorCtxOf(deps: AppDeps, request: FastifyRequest): ActorCtx {
  const ctx = ctxOf(deps, request);
  if (!ctx.actor) throw new AppError('common.unauthenticated', 401);
  return ctx as ActorCtx;
}
