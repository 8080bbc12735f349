import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { is } from 'drizzle-orm';
import { PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { WO_ACTIONS } from '../shared/contracts/workOrderMachine';
import { SO_ACTIONS } from '../shared/contracts/serviceOrderMachine';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../shared/i18n/audit';
import { PLATFORM_AUDIT } from '../shared/i18n/audit.platform';
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

  it("every error code is the platform's (common.*, workflow.*) or exactly one module's, and its message is served", () => {
    const owners = new Map<string, string[]>();
    for (const m of MODULES)
      for (const code of Object.keys(m.errors ?? {})) owners.set(code, [...(owners.get(code) ?? []), m.name]);
    for (const code of Object.keys(ERROR_MESSAGES)) {
      if (code.startsWith('common.') || code.startsWith('workflow.')) continue;
      expect({ code, owners: owners.get(code) ?? [] }).toEqual({ code, owners: [expect.any(String)] });
    }
    for (const m of MODULES)
      for (const [code, messages] of Object.entries(m.errors ?? {}))
        expect(ERROR_MESSAGES[code]).toBe(messages);
  });

  it('every audited action and entity type the server writes has a name on the audit page, declared by one module or the platform', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => {
        const p = join(dir, n);
        return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
      });
    const actions = new Set<string>();
    const types = new Set<string>();
    // The server's files, and the CLI's (the demo loader writes audit entries too).
    for (const file of [...walk(import.meta.dirname), ...walk(join(import.meta.dirname, '..', 'cli'))])
      for (const line of readFileSync(file, 'utf8').split('\n')) {
        if (/^\s*action: /.test(line))
          for (const m of line.matchAll(/'([a-z0-9_]+\.[a-z0-9_.]+)'/g)) actions.add(m[1]!);
        if (/^\s*entityType: '/.test(line))
          for (const m of line.matchAll(/'([a-z0-9_]+)'/g)) types.add(m[1]!);
      }
    // Transitions are audited as `<module>.<action>` from their machines' tables.
    for (const a of WO_ACTIONS) actions.add(`work_orders.${a}`);
    for (const a of SO_ACTIONS) actions.add(`services.${a}`);
    expect(actions.size).toBeGreaterThan(100);
    expect([...actions].filter((a) => !AUDIT_ACTIONS[a])).toEqual([]);
    expect([...types].filter((t) => !AUDIT_ENTITY_TYPES[t])).toEqual([]);
    const declared = [
      ...Object.keys(PLATFORM_AUDIT.actions),
      ...MODULES.flatMap((m) => Object.keys(m.audit?.actions ?? {})),
    ];
    expect(new Set(declared).size).toBe(declared.length);
    expect([...declared].sort()).toEqual(Object.keys(AUDIT_ACTIONS).sort());
  });
});
