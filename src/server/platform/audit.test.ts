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
        { clock: t.clock, pii: t.deps.pii },
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
    const res = await verifyAuditChain(t.database.db, t.deps.pii);
    expect(res.ok).toBe(true);
    expect(res.checked).toBeGreaterThanOrEqual(5);
  });

  it('a changed row is detected', async () => {
    await t.database.db.execute(
      sql`update audit_log set after = '{"i": 99}'::jsonb where entity_id = '2' and action = 'test.write'`,
    );
    const res = await verifyAuditChain(t.database.db, t.deps.pii);
    expect(res.ok).toBe(false);
    expect(res.problem?.reason).toBe('hash_mismatch');
    await t.database.db.execute(
      sql`update audit_log set after = '{"i": 2}'::jsonb where entity_id = '2' and action = 'test.write'`,
    );
    expect((await verifyAuditChain(t.database.db, t.deps.pii)).ok).toBe(true);
  });

  it('a deleted row in the middle, or the newest row, is detected', async () => {
    await t.database.db.execute(sql`delete from audit_log where seq = (select max(seq) from audit_log)`);
    expect((await verifyAuditChain(t.database.db, t.deps.pii)).problem?.reason).toBe('head_mismatch');
    await t.database.db.execute(sql`delete from audit_log where entity_id = '1' and action = 'test.write'`);
    expect((await verifyAuditChain(t.database.db, t.deps.pii)).problem?.reason).toBe('broken_link');
  });
});

describe('audit chain keys and wipes', () => {
  it('wiping the whole trail and its head is detected', async () => {
    await t.database.db.execute(sql`delete from audit_log`);
    await t.database.db.execute(sql`delete from audit_head`);
    const res = await verifyAuditChain(t.database.db, t.deps.pii);
    expect(res.ok).toBe(false);
  });

  it('a chain re-hashed without the master key does not verify (the chain is keyed)', async () => {
    const { createPii } = await import('./crypto');
    const other = createPii(Buffer.alloc(32, 9));
    expect(other.mac('linli-audit-chain-v1', 'x')).not.toBe(t.deps.pii.mac('linli-audit-chain-v1', 'x'));
  });

  it('resident health and hardship data is redacted too', () => {
    expect(redact({ name: '李', tags: ['disabled'], notes: '低保户', birthDate: '1950-01-01' })).toEqual({
      name: '李',
      tags: '[redacted]',
      notes: '[redacted]',
      birthDate: '[redacted]',
    });
  });
});
