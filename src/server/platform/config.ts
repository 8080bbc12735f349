import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { MapSettings } from '../../shared/geo/mapSettings';
import { mapSettingsFromEnv } from './map';
import { type SmsConfig, smsConfigFromEnv } from './sms';

/** Every setting Linli reads from the environment. Documented in README.md ("Configuration"). */
export interface Config {
  port: number;
  host: string;
  /** Where the embedded database, the generated key and uploads live. */
  dataDir: string;
  /** PostgreSQL server URL; when unset the embedded PGlite database in dataDir is used. */
  databaseUrl: string | undefined;
  /** 32-byte master key for personal-data encryption and blind indexes. */
  secretKey: Buffer;
  sessionIdleMinutes: number;
  /** Load demo data when the database is empty on start. */
  seedDemo: boolean;
  logLevel: string;
  /** Older single map tiles URL template (WGS-84); empty = none. Superseded by `map`. */
  tilesUrl: string;
  /** The base map: MAP_PROVIDER=tianditu|amap|xyz|none and its settings (platform/map.ts). */
  map: MapSettings;
  /** Serve the built web app from this folder when it exists. */
  webDir: string;
  /** Trust X-Forwarded-For from this many proxy hops (0 = trust nothing: the socket address is the client). */
  trustProxyHops: number;
  /** Development/e2e only: a clock that POST /api/dev/clock can move forward. */
  devClock: boolean;
  /** Per client address and minute, on anonymous endpoints and logins. */
  rateLimitPerMinute: number;
  /** Where signed audit checkpoints are appended (one JSON line each); default DATA_DIR/audit-checkpoints.log. */
  auditCheckpointFile: string | undefined;
  /** In-process audit sealing interval besides the per-minute job; 0 = the job only. */
  auditSealIntervalSeconds: number;
  /** The address users open (e.g. https://linli.example.gov.cn); https here makes the session cookie always Secure. */
  publicUrl: string;
  /** Serve /api/docs to anyone; by default it needs a staff login. */
  apiDocsPublic: boolean;
  /** Text messages (resident login codes): SMS_PROVIDER=console|aliyun and its keys (platform/sms.ts). */
  sms: SmsConfig;
}

function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('LINLI_SECRET_KEY must be 32 bytes, as 64 hex characters or base64');
  return key;
}

/** Reads the key from LINLI_SECRET_KEY, else from DATA_DIR/secret.key, generating that file on first start. */
export function loadSecretKey(env: NodeJS.ProcessEnv, dataDir: string): Buffer {
  if (env.LINLI_SECRET_KEY) return parseKey(env.LINLI_SECRET_KEY);
  const file = join(dataDir, 'secret.key');
  if (existsSync(file)) return parseKey(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, `${key.toString('hex')}\n`, { mode: 0o600 });
  return key;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    secretKey: loadSecretKey(env, dataDir),
    sessionIdleMinutes: Number(env.SESSION_IDLE_MINUTES ?? 120),
    seedDemo: (env.SEED_DEMO ?? 'true') !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    tilesUrl: env.TILES_URL ?? '',
    map: mapSettingsFromEnv(env),
    webDir: resolve(env.WEB_DIR ?? './dist/web'),
    trustProxyHops: Number(env.TRUST_PROXY_HOPS ?? 0),
    devClock: env.LINLI_DEV_CLOCK === 'true',
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 30),
    auditCheckpointFile: env.AUDIT_CHECKPOINT_FILE ? resolve(env.AUDIT_CHECKPOINT_FILE) : undefined,
    auditSealIntervalSeconds: Number(env.AUDIT_SEAL_INTERVAL_SECONDS ?? 10),
    publicUrl: env.PUBLIC_URL ?? '',
    apiDocsPublic: env.API_DOCS_PUBLIC === 'true',
    sms: smsConfigFromEnv(env),
  };
}
