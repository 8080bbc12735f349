import { sql } from 'drizzle-orm';
import { createTestApp } from '../test/app';
import { writeAudit } from '../src/server/platform/audit';
import { residents } from '../src/server/modules/residents/residents.table';
import { sealPii } from '../src/server/modules/residents/residents.usecases';
import { composeIdNumber, birthDateFromIdNumber, genderFromIdNumber } from '../src/shared/validation/codes';
import { measure, report } from './lib';

/**
 * Resident create and list through the API (routing, session, CSRF, validation, scope check,
 * encryption, audit) vs the same INSERT/SELECT statements issued directly on the database.
 */
export async function residentsBench(opts: { ops: number; concurrency: number; label: string }) {
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
    let rawSeq = 0;
    const rawCreate = await measure(opts.ops, opts.concurrency, async () => {
      const n = rawSeq++;
      const id = composeIdNumber('420204', `${1930 + Math.floor(n / 1000)}0303`, n % 1000);
      const now = t.clock.now();
      await t.database.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(residents)
          .values({
            id: t.deps.ids(),
            orgUnitId: t.fx.tongduBuilding.id,
            orgPath: t.fx.tongduBuilding.path,
            communityId: t.fx.tongdu.id,
            name: `基线${n}`,
            gender: genderFromIdNumber(id),
            birthDate: birthDateFromIdNumber(id),
            ...sealPii(t.deps.pii, { idNumber: id, phone: `139${String(n).padStart(8, '0')}` }),
            registrationStatus: 'registered',
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await writeAudit(
          tx,
          { clock: t.clock, pii: t.deps.pii },
          {
            action: 'residents.create',
            entityType: 'resident',
            entityId: row!.id,
            after: { name: row!.name },
          },
        );
      });
    });
    report(
      `[${opts.label}] resident create, ${opts.ops} ops, ${opts.concurrency} concurrent (baseline: same INSERT + audit append in a transaction)`,
      apiCreate,
      rawCreate,
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
