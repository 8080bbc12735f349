import { Converter } from 'opencc-js/t2cn';
import { match } from 'pinyin-pro';

/**
 * How staff find a person in a picker: 张三 by "张", "zs", "zhangsan", "zhangs" or "張三". Loaded lazily
 * (useNameSearch) because the pinyin and traditional→simplified dictionaries are large; staff console only,
 * never imported by the phone entry.
 */
const toSimplified = Converter({ from: 't', to: 'cn' });

const HAN = /\p{Script=Han}/u;

function normalise(s: string): string {
  return s.replace(/\s+/g, '').toLowerCase();
}

/** The query with traditional characters turned into simplified ones (張三 → 张三); other text kept. */
export function simplifiedQuery(query: string): string {
  return HAN.test(query) ? toSimplified(query) : query;
}

/** Whether a query is pinyin (letters only), which the server's name search cannot answer. */
export function isPinyinQuery(query: string): boolean {
  return /^[a-z]+$/i.test(normalise(query));
}

export function matchesName(name: string, query: string): boolean {
  const q = normalise(query);
  if (!q) return true;
  const n = normalise(name);
  if (n.includes(q)) return true;
  if (HAN.test(q)) {
    const s = normalise(toSimplified(q));
    return n.includes(s) || normalise(toSimplified(name)).includes(s);
  }
  if (!/^[a-z]+$/.test(q) || !HAN.test(n)) return false;
  // Full pinyin without tones, initials, or a mix (zhangs), from any character of the name on.
  const hit = match(n, q, { precision: 'start', continuous: true });
  return hit !== null && hit.length > 0;
}
