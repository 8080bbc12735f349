import { describe, expect, it } from 'vitest';
import { JSON_LIMITS, hasNul, jsonShapeProblem } from './inputLimits';

describe('limits on the shape of a JSON body', () => {
  it('counts nesting outside strings only, escaped quotes included', () => {
    expect(jsonShapeProblem(`${'['.repeat(64)}${']'.repeat(64)}`)).toBeNull();
    expect(jsonShapeProblem(`${'['.repeat(65)}${']'.repeat(65)}`)).toBe('depth');
    expect(jsonShapeProblem(JSON.stringify({ a: '[[[[{{{{\\"'.repeat(100) }))).toBeNull();
    expect(jsonShapeProblem(`["\\"${'['.repeat(100)}"]`)).toBeNull();
  });

  it('refuses more keys or values than the limits', () => {
    const keys = (n: number) =>
      JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1])));
    expect(jsonShapeProblem(keys(JSON_LIMITS.maxKeys))).toBeNull();
    expect(jsonShapeProblem(keys(JSON_LIMITS.maxKeys + 1))).toBe('keys');
    expect(jsonShapeProblem(JSON.stringify(Array(JSON_LIMITS.maxValues + 2).fill(0)))).toBe('values');
  });

  it('finds a NUL in a value or a key at any depth without recursion', () => {
    let v: unknown = 'a\u0000';
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(hasNul(v)).toBe(true);
    expect(hasNul({ a: [{ b: 'x' }], c: 1 })).toBe(false);
    expect(hasNul({ a: { 'k\u0000': 1 } })).toBe(true);
    expect(hasNul(Buffer.from([0]))).toBe(false);
  });
});
