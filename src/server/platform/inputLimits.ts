import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/**
 * Limits on the shape of a JSON body, checked on the raw text before JSON.parse, so that no later
 * walk over the parsed value (validation, the NUL check, audit redaction, serialisation) can
 * overflow the stack or run for long. The byte size is bounded by Fastify's bodyLimit.
 */
export const JSON_LIMITS = {
  /** Nesting of objects and arrays; no request of the app comes near it. */
  maxDepth: 64,
  /** Object keys in the whole body. */
  maxKeys: 10_000,
  /** Array items and object members in the whole body. */
  maxValues: 200_000,
} as const;

/**
 * Scans JSON text once, iteratively, and returns which limit it breaks, or null. Characters inside
 * strings are skipped (with their escapes); the text need not be valid JSON, JSON.parse judges that.
 */
export function jsonShapeProblem(text: string, limits = JSON_LIMITS): 'depth' | 'keys' | 'values' | null {
  let depth = 0;
  let keys = 0;
  let values = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // a string: skip to its closing quote
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.maxDepth) return 'depth';
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    } else if (c === 0x3a) {
      if (++keys > limits.maxKeys) return 'keys';
    } else if (c === 0x2c) {
      if (++values > limits.maxValues) return 'values';
    }
  }
  return null;
}

/**
 * Replaces Fastify's JSON parser by one that refuses a body breaking JSON_LIMITS with a 400
 * (`common.body_too_complex`) and then parses as Fastify does (prototype poisoning refused).
 */
export function registerJsonParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonShapeProblem(body as string)) {
      done(new AppError('common.body_too_complex', 400), undefined);
      return;
    }
    parse(request, body as string, done);
  });
}

/**
 * Whether a parsed value holds a NUL character in a string or a key (PostgreSQL text cannot store
 * one). Iterative, so no input depth can overflow the stack.
 */
export function hasNul(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return true;
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v && typeof v === 'object' && !Buffer.isBuffer(v)) {
      for (const [k, item] of Object.entries(v)) {
        if (k.includes('\u0000')) return true;
        stack.push(item);
      }
    }
  }
  return false;
}
