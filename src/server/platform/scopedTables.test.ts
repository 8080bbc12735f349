import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db';
import { type Database, rowsOf } from './db';
import { MODULES } from '../app';
import { scopedTableNames } from './scopedTables';

describe('scoped tables (DESIGN convention 5)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  it('every table with an org_path column is listed, so moves and merges of units keep its rows in scope', async () => {
    const columns = rowsOf<{ table_name: string; column_name: string }>(
      await database.db.execute(sql`
        select table_name, column_name from information_schema.columns
        where table_schema = 'public' and column_name in ('org_path', 'org_unit_id')`),
    );
    const withPath = new Set(columns.filter((c) => c.column_name === 'org_path').map((c) => c.table_name));
    const withUnit = new Set(columns.filter((c) => c.column_name === 'org_unit_id').map((c) => c.table_name));
    const { scoped, pathOnly, unitSettings } = scopedTableNames();
    // The audit log is hash-chained: its rows keep the path they were written with.
    const listed = new Set<string>(['audit_log', ...scoped, ...pathOnly, ...unitSettings]);
    expect([...withPath].filter((t) => !listed.has(t)).sort()).toEqual([]);
    // Scoped tables carry both columns (a merge moves their rows to the target unit).
    expect(scoped.filter((t) => !withPath.has(t) || !withUnit.has(t))).toEqual([]);
    expect(pathOnly.filter((t) => !withPath.has(t))).toEqual([]);
  });

  it('a module declares only its own tables as scoped (defineModule({ scopedTables }))', () => {
    for (const m of MODULES) {
      const own = new Set(Object.values(m.tables ?? {}));
      const d = m.scopedTables ?? {};
      const declared = [
        ...(d.scoped ?? []),
        ...(d.pathOnly ?? []),
        ...(d.unitSettings ?? []),
        ...(d.communityId ?? []),
        ...(d.population ? [d.population] : []),
        ...(d.unitAssignments ?? []).flatMap((a) => [a.table, a.personTable]),
        ...(d.accountHolders ?? []).map((h) => h.table),
      ];
      expect({ module: m.name, foreign: declared.filter((t) => !own.has(t)).length }).toEqual({
        module: m.name,
        foreign: 0,
      });
    }
  });

  it('the tables modules declare for org and the ledger (community ids, population, assignments, account holders) have the columns read and written by name', async () => {
    const columns = new Set(
      rowsOf<{ table_name: string; column_name: string }>(
        await database.db.execute(sql`
          select table_name, column_name from information_schema.columns where table_schema = 'public'`),
      ).map((c) => `${c.table_name}.${c.column_name}`),
    );
    const { communityId, population, unitAssignments, accountHolders } = scopedTableNames();
    expect(population).toBe('residents');
    expect(accountHolders.map((h) => h.ownerKind)).toEqual(['volunteer']);
    const wanted = [
      ...communityId.flatMap((t) => [`${t}.community_id`, `${t}.org_path`]),
      `${population}.org_path`,
      `${population}.deleted_at`,
      ...unitAssignments.flatMap((a) => [
        `${a.table}.${a.unitColumn}`,
        `${a.table}.${a.personColumn}`,
        `${a.personTable}.id`,
        `${a.personTable}.name`,
      ]),
      ...accountHolders.flatMap((h) => [
        `${h.table}.id`,
        `${h.table}.${h.userColumn}`,
        `${h.table}.${h.nameColumn}`,
        `${h.table}.${h.communityColumn}`,
        `${h.table}.${h.residentColumn}`,
      ]),
    ];
    expect(wanted.filter((c) => !columns.has(c))).toEqual([]);
  });
});
