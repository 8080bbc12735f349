import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db';
import { type Database, rowsOf } from './db';
import { MODULES } from '../app';
import {
  ACCOUNT_HOLDER_TABLES,
  COMMUNITY_ID_TABLES,
  UNIT_ASSIGNMENT_TABLES,
  UNIT_POPULATION_TABLE,
  scopedTableNames,
} from './scopedTables';

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
      const declared = [
        ...(m.scopedTables?.scoped ?? []),
        ...(m.scopedTables?.pathOnly ?? []),
        ...(m.scopedTables?.unitSettings ?? []),
      ];
      expect({ module: m.name, foreign: declared.filter((t) => !own.has(t)).length }).toEqual({
        module: m.name,
        foreign: 0,
      });
    }
  });

  it('the tables other modules declare for org and the ledger have the columns those modules read and write by name', async () => {
    const columns = new Set(
      rowsOf<{ table_name: string; column_name: string }>(
        await database.db.execute(sql`
          select table_name, column_name from information_schema.columns where table_schema = 'public'`),
      ).map((c) => `${c.table_name}.${c.column_name}`),
    );
    const wanted = [
      ...COMMUNITY_ID_TABLES.flatMap((t) => [`${t}.community_id`, `${t}.org_path`]),
      `${UNIT_POPULATION_TABLE}.org_path`,
      `${UNIT_POPULATION_TABLE}.deleted_at`,
      ...UNIT_ASSIGNMENT_TABLES.flatMap((a) => [
        `${a.table}.${a.unitColumn}`,
        `${a.table}.${a.personColumn}`,
        `${a.personTable}.id`,
        `${a.personTable}.name`,
      ]),
      ...ACCOUNT_HOLDER_TABLES.flatMap((h) => [
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
