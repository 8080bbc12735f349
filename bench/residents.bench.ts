import { sql } from 'drizzle-orm';
import { createTestApp } from '../test/app';
import { residents } from '../src/server/modules/residents/residents.table';
import { composeIdNumber } from '../src/shared/validation/codes';
import { measure, report, reportWrite } from './lib';
import type { Ceiling } from './tpcb';

/**
 * Resident create through the API (routing, session, CSRF, validation, scope check, encryption, audit)
 * as a fraction of the TPC-B transactions per second of the same database; resident list against the
 * same count + page SELECT issued directly.
 */
export async function residentsBench(opts: {
  ops: number;
  concurrency: number;
  label: string;
  ceiling: Ceiling;
}) {
  const t = await createTestApp();
  try {
    const client = await t.as('sd_admin');
    let seq = 0;
    const idNumber = () =>
      composeIdNumber('420204', `19${String(50 + (seq % 40)).padStart(2, '0')}0101`, seq++ % 1000);
    // Warm-up
    for (let i = 0; i < 20; i++) {
      await client.post('/api/residents', {
        name: '预热',
        idNumber: idNumber(),
        orgUnitId: t.fx.tongduBuilding.id,
        registrationStatus: 'registered',
      });
    }
    seq = 100_000; // different birth years below keep numbers unique
    let apiSeq = 0;
    const apiCreate = await measure(opts.ops, opts.concurrency, async () => {
      const n = apiSeq++;
      const id = composeIdNumber('420204', `${1930 + Math.floor(n / 1000)}0202`, n % 1000);
      const res = await client.post('/api/residents', {
        name: `测试${n}`,
        idNumber: id,
        phone: `138${String(n).padStart(8, '0')}`,
        orgUnitId: t.fx.tongduBuilding.id,
        registrationStatus: 'registered',
      });
      if (res.statusCode !== 201) throw new Error(res.body);
    });
    reportWrite(
      `[${opts.label}] resident create through the API, ${opts.ops} ops, ${opts.concurrency} concurrent`,
      apiCreate,
      opts.ceiling,
    );

    const apiList = await measure(opts.ops, opts.concurrency, async (i) => {
      const res = await client.get(`/api/residents?page=${(i % 5) + 1}&pageSize=20`);
      if (res.statusCode !== 200) throw new Error(res.body);
    });
    const rawList = await measure(opts.ops, opts.concurrency, async (i) => {
      const where = sql`${residents.orgPath} like ${`${t.fx.subdistrict.path}%`} and ${residents.deletedAt} is null`;
      await t.database.db.select({ n: sql<number>`count(*)::int` }).from(residents).where(where);
      await t.database.db
        .select()
        .from(residents)
        .where(where)
        .orderBy(residents.name, residents.id)
        .limit(20)
        .offset((i % 5) * 20);
    });
    report(
      `[${opts.label}] resident list page of 20, ${opts.ops} ops (baseline: same count + page SELECT)`,
      apiList,
      rawList,
    );
  } finally {
    await t.close();
  }
}
