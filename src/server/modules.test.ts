import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../shared/i18n/errors';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES } from '../shared/permissions';
import { MODULES } from './app';
import * as schema from './platform/schema';

/** Tables of the platform itself, owned by no module. */
const PLATFORM_TABLES = ['idempotency_keys', 'rate_limit_windows'];

const tableNames = (tables: Record<string, unknown> | undefined) =>
  Object.values(tables ?? {})
    .filter((t): t is PgTable => is(t, PgTable))
    .map((t) => getTableConfig(t).name);

/**
 * The module registry (`defineModule` in each `<m>.routes.ts`) and the central lists agree: adding a
 * module means its own folders plus one line per list, and nothing is owned twice or by nobody.
 */
describe('module registry', () => {
  it('every server module folder is registered, under its folder name', () => {
    const folders = readdirSync(join(import.meta.dirname, 'modules'));
    const names = MODULES.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
    for (const folder of folders) expect(names).toContain(folder);
  });

  it('every table in platform/schema.ts has exactly one owner, a module or the platform', () => {
    const owners = new Map<string, string[]>();
    for (const m of MODULES)
      for (const name of tableNames(m.tables)) owners.set(name, [...(owners.get(name) ?? []), m.name]);
    for (const name of PLATFORM_TABLES) owners.set(name, [...(owners.get(name) ?? []), 'platform']);
    const inSchema = tableNames(schema);
    expect(inSchema.length).toBeGreaterThan(40);
    for (const name of inSchema)
      expect({ name, owners: owners.get(name) ?? [] }).toEqual({ name, owners: [expect.any(String)] });
    // …and no module declares a table that drizzle-kit would not migrate
    expect([...owners.keys()].filter((n) => !inSchema.includes(n))).toEqual([]);
  });

  it("every permission is one module's, and a role's grants come only from the modules' access", () => {
    const declared = MODULES.flatMap((m) => m.access?.permissions ?? []);
    expect([...declared].sort()).toEqual([...PERMISSIONS].sort());
    expect(new Set(declared).size).toBe(declared.length);
    for (const role of ROLES) {
      const fromModules =
        role === 'platform_admin'
          ? declared
          : MODULES.flatMap(
              (m) => (m.access?.grants as Record<string, readonly string[]> | undefined)?.[role] ?? [],
            );
      expect({ role, permissions: [...ROLE_PERMISSIONS[role]].sort() }).toEqual({
        role,
        permissions: [...fromModules].sort(),
      });
    }
  });

  it("every error code is the platform's (common.*) or exactly one module's, and its message is served", () => {
    const owners = new Map<string, string[]>();
    for (const m of MODULES)
      for (const code of Object.keys(m.errors ?? {})) owners.set(code, [...(owners.get(code) ?? []), m.name]);
    for (const code of Object.keys(ERROR_MESSAGES)) {
      if (code.startsWith('common.')) continue;
      expect({ code, owners: owners.get(code) ?? [] }).toEqual({ code, owners: [expect.any(String)] });
    }
    for (const m of MODULES)
      for (const [code, messages] of Object.entries(m.errors ?? {}))
        expect(ERROR_MESSAGES[code]).toBe(messages);
  });
});
