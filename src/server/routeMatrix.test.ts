import { writeFileSync } from 'node:fs';
import type { RouteOptions } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Client, createTestApp, createUser } from '../../test/app';
import { ROLES, type Role } from '../shared/permissions';
import { buildApp } from './app';
import { insertUnit } from './modules/org/org.repository';
import { type Access, accessAllows, accessOfRoute } from './platform/access';
import { loadActor } from './platform/auth';
import { uuidv7 } from './platform/clock';
import type { Actor } from './platform/permissions';

/**
 * The route matrix (issue 9): every route the app registers × no session and every built-in role,
 * generated from the app's own route table, so a route is covered the day it is added.
 * - no session → 401, unless the route is declared public;
 * - a role without the route's permission → 403 (the central gate, platform/access.ts);
 * - a role with it, asking for a record that does not exist → 404 (or 400 when the minimal body the
 *   matrix sends is refused first), and a unit filter outside the role's scope or a …Id filter naming no
 *   record → 404, never an empty 200;
 * - a public route on a record that does not exist → 404;
 * - never a 500.
 * A route the matrix cannot classify (no access declaration, a path parameter or a required query
 * parameter it has no sample for) fails the test. MATRIX_DUMP=<file> writes every answer it got.
 */

const routes: RouteOptions[] = [];
const t = await createTestApp({ onRoute: (route) => routes.push(route) });
afterAll(() => t.close());

const { fx } = t;
const deps = { db: t.database.db, clock: t.clock, ids: uuidv7 };
// A second district, so that subdistrict- and district-level roles have units outside their scope too.
const otherDistrict = await insertUnit(deps, fx.city, { kind: 'district', name: '矩阵外区' });
const otherSubdistrict = await insertUnit(deps, otherDistrict, { kind: 'subdistrict', name: '矩阵外街道' });
const otherCommunity = await insertUnit(deps, otherSubdistrict, { kind: 'community', name: '矩阵外社区' });

/** Where each role's user is assigned, and a unit outside that user's scope (null: none, the whole platform). */
const PLACES: Record<Role, { unit: string | null; outside: string | null }> = {
  platform_admin: { unit: null, outside: null },
  civil_affairs: { unit: fx.district.id, outside: otherCommunity.id },
  subdistrict_admin: { unit: fx.subdistrict.id, outside: otherCommunity.id },
  dispatcher: { unit: fx.subdistrict.id, outside: otherCommunity.id },
  community_secretary: { unit: fx.tongdu.id, outside: fx.xihuayuan.id },
  community_worker: { unit: fx.tongdu.id, outside: fx.xihuayuan.id },
  grid_worker: { unit: fx.tongduGrid.id, outside: fx.xihuayuan.id },
  evaluator: { unit: fx.subdistrict.id, outside: otherCommunity.id },
  resident: { unit: fx.tongduBuilding.id, outside: fx.xihuayuan.id },
  volunteer: { unit: fx.tongduBuilding.id, outside: fx.xihuayuan.id },
  merchant: { unit: fx.tongdu.id, outside: fx.xihuayuan.id },
};

const sessions = new Map<Role, { client: Client; actor: Actor }>();
for (const role of ROLES) {
  const id = await createUser(t, `matrix_${role}`, [{ role, orgUnitId: PLACES[role].unit }]);
  sessions.set(role, { client: await t.as(`matrix_${role}`), actor: (await loadActor(t.database.db, id))! });
}

/** A value for a path parameter: a record that does not exist (`record`), or a plain value (a year). */
function sampleParam(name: string): { value: string; record: boolean } | undefined {
  if (name === 'id' || name.endsWith('Id')) return { value: uuidv7(), record: true };
  if (name === 'number') return { value: 'GD20990101-9999', record: true };
  if (name === 'code') return { value: 'matrix_no_such_code', record: true };
  if (name === 'year') return { value: '2099', record: false };
  if (name === 'channel') return { value: 'sms', record: false };
  if (name === 'file') return { value: 'no-such-file.json', record: true };
  return undefined;
}

/** Unit filters a list route may take in its query string (parentId: of units, or of party organizations). */
const UNIT_FILTERS = ['orgUnitId', 'communityId', 'unitId', 'parentId'];
/** Other query parameters naming a record (…Id): one that does not exist answers 404 too. */
const recordFilters = (route: RouteOptions) =>
  queryKeys(route).filter(
    (q) => q.endsWith('Id') && !UNIT_FILTERS.includes(q) && !SEARCH_KEYS[route.url]?.includes(q),
  );
/**
 * …Id query parameters that search rather than name a record the user must be able to see: the audit
 * trail outlives what it records (a deleted resident, a departed user), and its rows are scoped by
 * their own unit, so an id with no entries is an empty page.
 */
const SEARCH_KEYS: Record<string, string[]> = { '/api/audit': ['entityId', 'actorId', 'requestId'] };

/** Values for query parameters a route requires (a unit filter gets the role's own unit). */
const QUERY_SAMPLES: Record<string, string> = {
  year: '2026',
  from: '2026-01-01',
  to: '2026-01-31',
  nodeId: '01900000-0000-7000-8000-000000000000',
};

type Shape = Record<string, { safeParse(v: unknown): { success: boolean } }>;
function queryShape(route: RouteOptions): Shape {
  return (route.schema?.querystring as { shape?: Shape } | undefined)?.shape ?? {};
}
const queryKeys = (route: RouteOptions) => Object.keys(queryShape(route));
const requiredQueryKeys = (route: RouteOptions) =>
  Object.entries(queryShape(route))
    .filter(([, schema]) => !schema.safeParse(undefined).success)
    .map(([key]) => key);

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  format?: string;
  minLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  minItems?: number;
};

/** A small value the schema accepts, where that is easy to tell (else something it may refuse: a 400). */
function sampleOf(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  const option = schema.anyOf?.[0] ?? schema.oneOf?.[0];
  if (option) return sampleOf(option);
  const type = [schema.type].flat()[0];
  if (type === 'object') {
    const body: Record<string, unknown> = {};
    for (const key of schema.required ?? []) body[key] = sampleOf(schema.properties?.[key] ?? {});
    return body;
  }
  if (type === 'array')
    return Array.from({ length: schema.minItems ?? 0 }, () => sampleOf(schema.items ?? {}));
  if (type === 'integer' || type === 'number')
    return Math.max(1, Math.ceil(schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1));
  if (type === 'boolean') return false;
  if (type === 'null') return null;
  if (schema.format === 'uuid') return uuidv7();
  if (schema.format === 'date') return '2026-01-01';
  if (schema.format === 'date-time') return '2026-01-01T00:00:00.000Z';
  return '矩阵'.padEnd(Math.max(2, schema.minLength ?? 0), '测');
}

/**
 * The body the matrix sends: for a route on a record, a minimal body its schema accepts where the
 * generator can make one, so the request reaches the record lookup (404); elsewhere `{}` (read-mostly:
 * nothing gets created).
 */
function bodyOf(c: Case, recordParams: boolean): unknown {
  const schema = c.route.schema?.body;
  if (!schema) return {};
  if (!recordParams) return {};
  try {
    return sampleOf(
      z.toJSONSchema(schema as z.ZodType, { io: 'input', unrepresentable: 'any' }) as JsonSchema,
    );
  } catch {
    return {};
  }
}

interface Case {
  method: string;
  url: string;
  route: RouteOptions;
}

const cases: Case[] = [];
for (const route of routes) {
  for (const method of [route.method].flat()) {
    if (method === 'HEAD') continue;
    if (!route.url.startsWith('/api/') && !route.url.startsWith('/open311/')) continue;
    cases.push({ method, url: route.url, route });
  }
}

const results: { method: string; url: string; who: string; status: number; code?: string }[] = [];

/** The route's required query parameters, with `unit` for a unit filter; `override` replaces some. */
function queryOf(c: Case, unit: string, override: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const key of requiredQueryKeys(c.route))
    q.set(key, UNIT_FILTERS.includes(key) ? unit : (QUERY_SAMPLES[key] ?? ''));
  for (const [key, value] of Object.entries(override)) q.set(key, value);
  const text = q.toString();
  return text ? `?${text}` : '';
}

/** The path parameter that names an org unit, if any. */
function unitParamOf(url: string): string | undefined {
  if (url.startsWith('/api/org/units/:id')) return 'id';
  if (url === '/api/volunteers/communities/:id/flag') return 'id';
  return [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!).find((p) => UNIT_FILTERS.includes(p));
}

async function run(
  c: Case,
  client: Client,
  who: string,
  query = '',
  body: unknown = {},
  paramValues: Record<string, string> = {},
) {
  const params = [...c.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  let url = c.url;
  for (const p of params)
    url = url.replace(`:${p}`, encodeURIComponent(paramValues[p] ?? sampleParam(p)?.value ?? 'x'));
  const hasBody = c.method !== 'GET' && c.method !== 'DELETE';
  const res = await client.request({
    method: c.method as 'GET',
    url: url + query,
    ...(hasBody && { payload: body as object }),
    // Writes that require an Idempotency-Key refuse without one before looking the record up.
    ...(c.method !== 'GET' && { headers: { 'idempotency-key': uuidv7() } }),
  });
  let code: string | undefined;
  try {
    code = res.json()?.error?.code;
  } catch {}
  results.push({ method: c.method, url: c.url + query, who, status: res.statusCode, code });
  return { status: res.statusCode, code };
}

function classify(c: Case): { access: Access; recordParams: boolean } | string {
  const access = accessOfRoute(c.route);
  if (!access) return 'declares no access (config: { access })';
  const params = [...c.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
  const unknown = params.filter((p) => !sampleParam(p));
  if (unknown.length) return `has path parameters the matrix has no sample for: ${unknown.join(', ')}`;
  const unknownQuery = requiredQueryKeys(c.route).filter(
    (q) => !UNIT_FILTERS.includes(q) && !QUERY_SAMPLES[q],
  );
  if (unknownQuery.length)
    return `requires query parameters the matrix has no sample for: ${unknownQuery.join(', ')}`;
  return { access, recordParams: params.some((p) => sampleParam(p)!.record) };
}

async function checkRole(c: Case, k: { access: Access; recordParams: boolean }, role: Role) {
  const failures: string[] = [];
  const name = `${c.method} ${c.url}`;
  const { actor, ...session } = sessions.get(role)!;
  // Logging out ends the session: not the one the rest of the matrix uses.
  const client = c.url === '/api/auth/logout' ? await t.as(`matrix_${role}`) : session.client;
  const own = PLACES[role].unit ?? fx.tongdu.id;
  const res = await run(c, client, role, queryOf(c, own), bodyOf(c, k.recordParams));
  const got = `${res.status} ${res.code ?? ''}`.trim();
  if (!accessAllows(k.access, actor)) {
    if (res.status !== 403) failures.push(`${name} as ${role} (no permission): ${got}, expected 403`);
    return failures;
  }
  // A route open to any session may refuse for a reason about the user (a demo account, not a registered
  // volunteer) with its own code; common.forbidden there means the declaration is looser than the use case.
  const refusalAboutUser =
    k.access.kind === 'session' && res.status === 403 && res.code !== 'common.forbidden';
  if (res.status >= 500 || res.status === 401 || (res.status === 403 && !refusalAboutUser)) {
    failures.push(`${name} as ${role}: ${got}`);
    return failures;
  }
  const hasBody = !!c.route.schema?.body;
  if (k.recordParams && res.status !== 404 && !(hasBody && res.status === 400) && !refusalAboutUser)
    failures.push(`${name} as ${role}, a record that does not exist: ${got}, expected 404`);
  if (c.method !== 'GET' || refusalAboutUser) return failures;
  // A unit that exists but lies outside the role's scope, as the path's unit: 404 like an unknown one.
  const unitParam = unitParamOf(c.url);
  if (unitParam && PLACES[role].outside) {
    const r = await run(c, client, role, queryOf(c, own), {}, { [unitParam]: PLACES[role].outside! });
    if (r.status !== 404)
      failures.push(
        `${name} with :${unitParam} = <outside> as ${role}: ${r.status} ${r.code ?? ''}, expected 404`.trim(),
      );
  }
  if (k.recordParams) return failures;
  for (const filter of recordFilters(c.route)) {
    const r = await run(c, client, role, queryOf(c, own, { [filter]: uuidv7() }));
    if (r.status !== 404)
      failures.push(
        `${name}?${filter}=<no such record> as ${role}: ${r.status} ${r.code ?? ''}, expected 404`.trim(),
      );
  }
  const outside = PLACES[role].outside;
  if (!outside) return failures;
  for (const filter of queryKeys(c.route).filter((q) => UNIT_FILTERS.includes(q))) {
    const r = await run(c, client, role, queryOf(c, own, { [filter]: outside }));
    if (r.status !== 404)
      failures.push(
        `${name}?${filter}=<outside> as ${role}: ${r.status} ${r.code ?? ''}, expected 404`.trim(),
      );
  }
  return failures;
}

const groups = new Map<string, Case[]>();
for (const c of cases) {
  const key = c.url.split('/').slice(0, 3).join('/');
  groups.set(key, [...(groups.get(key) ?? []), c]);
}

describe('the route matrix: every route × no session and every built-in role', () => {
  it('covers the routes of every module', () => {
    expect(cases.length).toBeGreaterThan(150);
    expect(groups.size).toBeGreaterThan(10);
  });

  for (const [group, list] of groups) {
    it(`${group}/…: 401 without a session, 403 without the permission, 404 for what does not exist or is out of scope`, async () => {
      const failures: string[] = [];
      for (const c of list) {
        const k = classify(c);
        if (typeof k === 'string') {
          failures.push(`${c.method} ${c.url} ${k}`);
          continue;
        }
        const anon = await run(c, t.anonymous, 'anonymous', queryOf(c, fx.tongdu.id));
        const got = `${anon.status} ${anon.code ?? ''}`.trim();
        if (k.access.kind !== 'public' && anon.status !== 401)
          failures.push(`${c.method} ${c.url} without a session: ${got}, expected 401`);
        if (anon.status >= 500) failures.push(`${c.method} ${c.url} without a session: ${got}`);
        if (k.access.kind === 'public') {
          if (k.recordParams && anon.status !== 404 && !(c.route.schema?.body && anon.status === 400))
            failures.push(
              `${c.method} ${c.url} (public), a record that does not exist: ${got}, expected 404`,
            );
          continue;
        }
        // The roles one after another would be slow: their requests go to the database together.
        const perRole = await Promise.all(ROLES.map((role) => checkRole(c, k, role)));
        failures.push(...perRole.flat());
      }
      expect(failures.join('\n')).toBe('');
    });
  }

  it('buildApp refuses a route under /api that declares no access', async () => {
    await expect(
      buildApp(t.deps, {
        onRoute: (route) => {
          if (route.url === '/api/health') route.config = {} as typeof route.config;
        },
      }),
    ).rejects.toThrow(/declares no access/);
  });
});

if (process.env.MATRIX_DUMP) {
  afterAll(() => writeFileSync(process.env.MATRIX_DUMP!, JSON.stringify(results, null, 1)));
}
