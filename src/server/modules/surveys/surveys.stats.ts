import {
  type Answers,
  type AnswerValue,
  type Measure,
  type Question,
  RATE_BAR,
  type RateDto,
  Z95,
} from '../../../shared/contracts/surveys';
import { AppError } from '../../platform/errors';

/**
 * The survey's arithmetic, pure: question checks (the builder), answer checks, and the results.
 *
 * Margin of error (95%): for a share p observed among n respondents,
 *
 *     MOE = z · √( p(1 − p) / n ) · √( (N − n) / (N − 1) ),   z = 1.96
 *
 * where the last factor is the finite-population correction, applied when the population N (permanent
 * residents under the survey's unit, counted at publishing) is known and N > n; without N it is 1. The
 * survey-wide figure uses the worst case p = 0.5; a rate uses its own p. n is the number of respondents who
 * answered at least one measured question (answers of one respondent are not independent, so the answers'
 * count would overstate the precision).
 *
 * Awareness / satisfaction rate (R-AS-5): answers counted positive ÷ all answers to the questions tagged
 * with that measure (a matrix row counts as one answer). Compared with the 85% bar of seed 004 (rate ≥ 0.85
 * passes).
 */
export function marginOfError(p: number, n: number, population: number | null): number | null {
  if (n <= 0) return null;
  const base = Z95 * Math.sqrt((p * (1 - p)) / n);
  const fpc =
    population && population > n ? Math.sqrt((population - n) / (population - 1)) : population ? 0 : 1;
  return round4(base * fpc);
}

export const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

const fail = (code: string, n: number): never => {
  throw new AppError(`surveys.${code}`, 400, { n });
};

/** The builder's rules: choices need 2+ options, ratings a scale, matrices rows; a measured question says what counts. */
export function validateQuestions(questions: Question[]): void {
  const keys = new Set<string>();
  for (const [i, q] of questions.entries()) {
    const n = i + 1;
    if (keys.has(q.key)) fail('q_key', n);
    keys.add(q.key);
    if ((q.kind === 'single' || q.kind === 'multiple') && (q.options.length < 2 || q.options.length > 30))
      fail('q_options', n);
    if ((q.kind === 'rating' || q.kind === 'matrix') && (!q.scale || q.scale.max <= q.scale.min))
      fail('q_scale', n);
    if (q.kind === 'matrix' && q.rows.length < 1) fail('q_rows', n);
    if (q.measure) {
      if (q.kind === 'text') fail('q_measure', n);
      const pos = q.positive;
      if (q.kind === 'rating' || q.kind === 'matrix') {
        const m = pos?.minRating;
        if (m === undefined || m < q.scale!.min || m > q.scale!.max) fail('q_positive', n);
      } else {
        const opts = pos?.options ?? [];
        if (opts.length === 0 || opts.some((o) => o >= q.options.length)) fail('q_positive', n);
      }
    }
  }
}

/** Checks one response against the questions; returns the answers kept (unknown keys dropped). */
export function validateAnswers(questions: Question[], answers: Answers): Answers {
  const out: Answers = {};
  for (const [i, q] of questions.entries()) {
    const n = i + 1;
    const v = answers[q.key];
    const empty =
      v === undefined ||
      v === null ||
      (typeof v === 'string' && v.trim() === '') ||
      (Array.isArray(v) && (v.length === 0 || (q.kind === 'matrix' && v.every((x) => x === null))));
    if (empty) {
      if (q.required) throw new AppError('surveys.required', 400, { n });
      continue;
    }
    const bad = (): never => {
      throw new AppError('surveys.answer', 400, { n });
    };
    switch (q.kind) {
      case 'single':
        if (typeof v !== 'number' || v >= q.options.length) bad();
        break;
      case 'multiple': {
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || x >= q.options.length)) bad();
        const uniq = new Set(v as number[]);
        if (uniq.size !== (v as number[]).length) bad();
        break;
      }
      case 'rating':
        if (typeof v !== 'number' || v < q.scale!.min || v > q.scale!.max) bad();
        break;
      case 'matrix': {
        const arr = v as (number | null)[];
        if (!Array.isArray(arr) || arr.length !== q.rows.length) bad();
        if (arr.some((x) => x !== null && (typeof x !== 'number' || x < q.scale!.min || x > q.scale!.max)))
          bad();
        if (q.required && arr.some((x) => x === null)) throw new AppError('surveys.required', 400, { n });
        break;
      }
      case 'text':
        if (typeof v !== 'string') bad();
        break;
    }
    out[q.key] = typeof v === 'string' ? v.trim() : (v as AnswerValue);
  }
  return out;
}

/** The positive and total answers one response gives to one measured question. */
export function scoreAnswer(
  q: Question,
  v: AnswerValue | null | undefined,
): { positive: number; total: number } {
  if (!q.measure || v === null || v === undefined) return { positive: 0, total: 0 };
  const pos = q.positive ?? {};
  switch (q.kind) {
    case 'rating':
      return typeof v === 'number' ? { positive: v >= (pos.minRating ?? Infinity) ? 1 : 0, total: 1 } : none;
    case 'matrix': {
      if (!Array.isArray(v)) return none;
      const given = (v as (number | null)[]).filter((x): x is number => typeof x === 'number');
      return { positive: given.filter((x) => x >= (pos.minRating ?? Infinity)).length, total: given.length };
    }
    case 'single':
      return typeof v === 'number' ? { positive: pos.options?.includes(v) ? 1 : 0, total: 1 } : none;
    case 'multiple':
      return Array.isArray(v)
        ? { positive: (v as number[]).some((x) => pos.options?.includes(x)) ? 1 : 0, total: 1 }
        : none;
    default:
      return none;
  }
}
const none = { positive: 0, total: 0 };

/** A rate (R-AS-5) over these responses, with its 95% margin of error, against the 85% bar. */
export function rateOf(
  questions: Question[],
  responses: readonly Answers[],
  measure: Measure,
  population: number | null,
): RateDto | null {
  const measured = questions.filter((q) => q.measure === measure);
  if (measured.length === 0) return null;
  let positive = 0;
  let total = 0;
  let respondents = 0;
  for (const a of responses) {
    let any = false;
    for (const q of measured) {
      const s = scoreAnswer(q, a[q.key]);
      positive += s.positive;
      total += s.total;
      if (s.total) any = true;
    }
    if (any) respondents++;
  }
  return rateFromCounts(positive, total, respondents, population);
}

/** A rate from its counts: positive ÷ total, the 95% margin of error over `respondents`, pass at 85%. */
export function rateFromCounts(
  positive: number,
  total: number,
  respondents: number,
  population: number | null,
): RateDto {
  const rate = total ? round4(positive / total) : null;
  return {
    positive,
    total,
    rate,
    marginOfError: rate === null ? null : marginOfError(rate, respondents, population),
    bar: RATE_BAR,
    pass: rate === null ? null : rate >= RATE_BAR,
    respondents,
  };
}

/** Per-question distributions. */
export function questionResults(questions: Question[], responses: readonly Answers[]) {
  return questions.map((q) => {
    const given = responses.map((a) => a[q.key]).filter((v) => v !== undefined && v !== null);
    const answered = given.length;
    const share = (c: number) => (answered ? round4(c / answered) : 0);
    const options = (q.kind === 'single' || q.kind === 'multiple' ? q.options : []).map((label, i) => {
      const count = given.filter((v) => (Array.isArray(v) ? (v as number[]).includes(i) : v === i)).length;
      return { label, count, share: share(count) };
    });
    const values = q.scale ? range(q.scale.min, q.scale.max) : [];
    const ratings = q.kind === 'rating' ? (given as number[]) : [];
    const scale = values.map((value) => ({ value, count: ratings.filter((r) => r === value).length }));
    const rows = (q.kind === 'matrix' ? q.rows : []).map((label, ri) => {
      const xs = given
        .map((v) => (Array.isArray(v) ? (v as (number | null)[])[ri] : null))
        .filter((x): x is number => typeof x === 'number');
      return {
        label,
        answered: xs.length,
        mean: xs.length ? round2(xs.reduce((s, x) => s + x, 0) / xs.length) : null,
        counts: values.map((value) => xs.filter((x) => x === value).length),
      };
    });
    let positive = 0;
    let total = 0;
    for (const v of given) {
      const s = scoreAnswer(q, v);
      positive += s.positive;
      total += s.total;
    }
    return {
      key: q.key,
      kind: q.kind,
      title: q.title,
      measure: q.measure,
      answered,
      options,
      scale,
      mean: ratings.length ? round2(ratings.reduce((s, x) => s + x, 0) / ratings.length) : null,
      rows,
      texts: q.kind === 'text' ? (given as string[]).slice(-50).reverse() : [],
      positiveRate: q.measure && total ? round4(positive / total) : null,
    };
  });
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const round2 = (x: number) => Math.round(x * 100) / 100;
