import { expect } from 'vitest';
import type { Client, TestApp } from './app';

/** Test kit of the certificates module (and of 帮办代办, which files certificate requests). */

/**
 * Adds 新下陆街道's catalogue item 居住情况证明 on 城市居民委员会组织法 第三条第（二）项 as `sd` (the
 * subdistrict's admin); its id.
 */
export async function addResidenceCatalogueItem(t: TestApp, sd: Client): Promise<string> {
  const ok = await sd.post('/api/certificates/catalogue', {
    orgUnitId: t.fx.subdistrict.id,
    name: '居住情况证明',
    lawName: '中华人民共和国城市居民委员会组织法',
    clause: '第三条第（二）项',
  });
  expect(ok.statusCode, ok.body).toBe(201);
  return ok.json().id;
}
