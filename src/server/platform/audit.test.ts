import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { redact, verifyAuditChain, writeAudit } from './audit';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  for (let i = 0; i < 5; i++) {
    await t.database.db.transaction((tx) =>
      writeAudit(
        tx,
        { clock: t.clock },
        { action: 'test.write', entityType: 'test', entityId: String(i), after: { i } },
      ),
    );
  }
});
afterAll(() => t.close());

describe('audit trail (R-LAW-PI-1)', () => {
  it('personal data is redacted from before/after', () => {
    expect(
      redact({ name: '张三', phone: '13800000000', idNumberEnc: 'v1.x', idNumberMask: '420204****1234' }),
    ).toEqual({
      name: '张三',
      phone: '[redacted]',
      idNumberEnc: '[redacted]',
      idNumberMask: '420204****1234',
    });
  });

  it('an untouched chain verifies', async () => {
    const res = await verifyAuditChain(t.database.db);
    expect(res.ok).toBe(true);
    expect(res.checked).toBeGreaterThanOrEqual(5);
  });

  it('a changed row is detected', async () => {
    await t.database.db.execute(
      sql`update audit_log set after = '{"i": 99}'::jsonb where entity_id = '2' and action = 'test.write'`,
    );
    const res = await verifyAuditChain(t.database.db);
    expect(res.ok).toBe(false);
    expect(res.problem?.reason).toBe('hash_mismatch');
    await t.database.db.execute(
      sql`update audit_log set after = '{"i": 2}'::jsonb where entity_id = '2' and action = 'test.write'`,
    );
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('a deleted row in the middle, or the newest row, is detected', async () => {
    await t.database.db.execute(sql`delete from audit_log where seq = (select max(seq) from audit_log)`);
    expect((await verifyAuditChain(t.database.db)).problem?.reason).toBe('head_mismatch');
    await t.database.db.execute(sql`delete from audit_log where entity_id = '1' and action = 'test.write'`);
    expect((await verifyAuditChain(t.database.db)).problem?.reason).toBe('broken_link');
  });
});
