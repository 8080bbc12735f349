import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../test/app';
import { builtInFrameworks } from '../modules/assessments/assessments.builtins';
import { flattenDef } from '../modules/assessments/assessments.zhoushan';
import { MINE_READERS } from './mine';
import { evidenceSource, evidenceSources, installOfferings, mineReaders } from './offerings';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('evidence sources (issue 12: evidence from the rest of Linli)', () => {
  it('every source a built-in framework names is registered by a module, with names in both languages', async () => {
    const named = (await builtInFrameworks()).flatMap((def) => flattenDef(def).flatMap((n) => n.evidence));
    expect(named.length).toBeGreaterThan(0);
    for (const key of named) expect(evidenceSource(key), key).toBeDefined();
    for (const s of evidenceSources()) {
      expect(s.key).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(s.label['zh-CN']).toMatch(/\p{Script=Han}/u);
      expect(s.label.en).toMatch(/^[A-Z]/);
    }
  });

  it('every source answers a community’s period from its own tables, in both languages', async () => {
    const q = {
      orgPath: t.fx.tongdu.path,
      from: new Date('2026-01-01T00:00:00+08:00'),
      to: new Date('2027-01-01T00:00:00+08:00'),
    };
    for (const s of evidenceSources())
      for (const locale of ['zh-CN', 'en'] as const) {
        const records = await s.find(t.deps.db, { ...q, locale }, 5);
        expect(Array.isArray(records), s.key).toBe(true);
        expect(records.length).toBeLessThanOrEqual(5);
        for (const r of records) expect(typeof r.ref === 'string' && r.title.length > 0, s.key).toBe(true);
      }
  });
});

describe('module offerings registry', () => {
  it('refuses a key two modules declare (evidence and figures share one key space)', () => {
    const fig = {
      key: 'a.same',
      label: { 'zh-CN': '甲', en: 'A' },
      unit: 'count' as const,
      compute: async () => 0,
    };
    const src = { key: 'a.same', label: { 'zh-CN': '甲', en: 'A' }, find: async () => [] };
    expect(() =>
      installOfferings([
        { name: 'a', reportFigures: [fig] },
        { name: 'b', evidence: [src] },
      ]),
    ).toThrow(/a\.same/);
  });

  it('refuses an overview reader two modules offer, and a module list where one is missing (platform/mine.ts)', () => {
    const volunteerId = async () => null;
    expect(() =>
      installOfferings([
        { name: 'a', mine: { volunteerId } },
        { name: 'b', mine: { volunteerId } },
      ]),
    ).toThrow(/mine\.volunteerId/);
    expect(() => installOfferings([{ name: 'a', mine: { volunteerId } }])).toThrow(
      /requests, serviceOrders, balances/,
    );
  });

  it('the app installs one reader of each kind, from the modules that hold the rows', () => {
    const mine = mineReaders();
    for (const key of MINE_READERS) expect(typeof mine[key], key).toBe('function');
  });
});
