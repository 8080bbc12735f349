import type { FastifyInstance, InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { buildApp } from '../src/server/app';
import { hash as argonHash } from '@node-rs/argon2';
import { ManualClock, uuidv7 } from '../src/server/platform/clock';
import type { AppDeps } from '../src/server/platform/context';
import { createPii } from '../src/server/platform/crypto';
import type { Database } from '../src/server/platform/db';
import { userRoles, users } from '../src/server/modules/accounts/accounts.table';
import type { Role } from '../src/shared/permissions';
import { freshDatabase } from './db';
import { type Fixture, loadFixture } from './factories';

export const TEST_PASSWORD = 'Test-password-123';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  deps: AppDeps;
  clock: ManualClock;
  fx: Fixture;
  /** Logs in as a user and returns a client that sends the cookie and CSRF header. */
  as(username: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** A test client sending `headers` (a session's cookie and CSRF token) with every request. */
export function client(app: FastifyInstance, headers: Record<string, string>): Client {
  const request = (opts: InjectOptions) =>
    app.inject({ ...opts, headers: { ...headers, ...(opts.headers as Record<string, string>) } });
  return {
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, body) =>
      request({ method: 'POST', url, ...(body !== undefined && { payload: body as object }) }),
    patch: (url, body) => request({ method: 'PATCH', url, payload: body as object }),
    put: (url, body) => request({ method: 'PUT', url, payload: body as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/**
 * Test accounts' password hash: argon2id with the smallest cost, so a login takes microseconds instead of
 * ~50 ms (the suite logs in well over a thousand times). Accounts made by the app itself get the
 * production profile (auth.test.ts checks it); login verifies whatever profile a stored hash names.
 */
let passwordHash: Promise<string> | undefined;

/**
 * Creates a user holding `roles` (unit ids) with the shared test password. Like the demo seed's accounts,
 * test accounts are password-only (`demo`, exempt from the two-factor requirement) unless `demo: false`.
 */
export async function createUser(
  t: Pick<TestApp, 'database' | 'clock'>,
  username: string,
  roles: { role: Role; orgUnitId: string | null }[],
  opts: { demo?: boolean } = {},
) {
  passwordHash ??= argonHash(TEST_PASSWORD, { memoryCost: 8, timeCost: 1, parallelism: 1 });
  const id = uuidv7();
  const now = t.clock.now();
  await t.database.db.insert(users).values({
    id,
    username,
    displayName: username,
    passwordHash: await passwordHash,
    isDemo: opts.demo ?? true,
    createdAt: now,
    updatedAt: now,
  });
  if (roles.length)
    await t.database.db.insert(userRoles).values(
      roles.map((r) => ({
        id: uuidv7(),
        userId: id,
        role: r.role,
        orgUnitId: r.orgUnitId,
        createdAt: now,
      })),
    );
  return id;
}

/** Creates a user holding one role at one unit (`createUser`) and signs in as them (`t.as`). */
export async function signInNewUser(
  t: TestApp,
  username: string,
  role: Role,
  orgUnitId: string | null,
): Promise<Client> {
  await createUser(t, username, [{ role, orgUnitId }]);
  return t.as(username);
}

export async function createTestApp(
  opts: { config?: Partial<AppDeps['config']>; onRoute?: (route: RouteOptions) => void } = {},
): Promise<TestApp> {
  // The fixture (categories, units, one user per role) is in the template: read it back, don't rebuild it.
  const database = await freshDatabase('fixture');
  const clock = new ManualClock();
  const deps: AppDeps = {
    db: database.db,
    clock,
    ids: uuidv7,
    pii: createPii(Buffer.alloc(32, 7)),
    config: { sessionIdleMinutes: 120, tilesUrl: '', webDir: '', dataDir: '', ...opts.config },
    dbKind: database.kind,
  };
  const app = await buildApp(deps, { onRoute: opts.onRoute });
  await app.ready();
  const fx = await loadFixture(database.db);
  return {
    app,
    database,
    deps,
    clock,
    fx,
    anonymous: client(app, {}),
    async as(username) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: TEST_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'linli_sid')!;
      return client(app, { cookie: `linli_sid=${cookie.value}`, 'x-csrf-token': res.json().csrfToken });
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}
