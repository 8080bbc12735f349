/**
 * The assessment scoring engine (issue 12, R-AS-1…4): pure functions, no I/O, shared by the server (the
 * numbers it stores and exports) and the console (the live preview of a scoring sheet). Everything is
 * integer arithmetic in hundredths of a point, so a total is reproducible from the item states alone and
 * never depends on floating point.
 *
 * Rounding (stated on every result): a scored node's points = weight × the state's percentage, rounded half
 * up to 0.01 point; a part scored from third-party aspects = the part's total × the weighted mean rating,
 * rounded half up to 0.01 point; part scores and the total are plain sums of those rounded numbers (never
 * rounded again); the grade is read from that total.
 */

/** One level of the state scale (seed 004: A = 100%, B = 66%, C = 33%, exactly). */
export interface ScaleLevel {
  key: string;
  label: string;
  /** Integer percentage of the node's weight: 100, 66, 33 (not ⅔ and ⅓). */
  percent: number;
}

/** An aspect of a third-party evaluation (seed 004 part two: six aspects, equal weights unless stated). */
export interface Aspect {
  key: string;
  name: string;
  weight: number;
}

export interface Part {
  key: string;
  name: string;
  /** The part's full score in points (seed 004: 60 and 40). */
  total: number;
  /** The part must reach this score (inclusive: "50分及以上") for the total to qualify; null when none. */
  qualifyingMin: number | null;
  /** `states`: the sum of its scored nodes' A/B/C; `aspects`: third-party ratings converted in proportion. */
  method: 'states' | 'aspects';
  aspects?: Aspect[];
}

export interface GradeBand {
  key: string;
  name: string;
  /** The band's lower bound in points; the lowest band has 0. */
  min: number;
  /** Whether this grade qualifies (seed 004: 合格 or better is a 幸福社区). */
  qualifies: boolean;
}

/**
 * How a total that lands exactly on a band's bound is graded (the seed's "95分以上…85-95分…80-85分…80分以下"
 * overlaps at 95, 85 and 80). `lower_inclusive`: the bound belongs to the higher band (95 → 优秀, 85 → 良好,
 * 80 → 合格); `lower_exclusive`: it belongs to the band below (95 → 良好, 80 → 不合格).
 */
export type EdgeRule = 'lower_inclusive' | 'lower_exclusive';
export const EDGE_RULES = ['lower_inclusive', 'lower_exclusive'] as const;

/** What is scored: one state per weighted indicator (its items are a checklist), or per weighted content item. */
export type ScoringUnit = 'indicator' | 'item';

export interface FrameworkConfig {
  scale: ScaleLevel[];
  parts: Part[];
  /** Sorted from the highest `min` down. */
  bands: GradeBand[];
  edgeRule: EdgeRule;
  scoringUnit: ScoringUnit;
}

/** A node of the indicator tree as the engine needs it. */
export interface ScoringNode {
  id: string;
  parentId: string | null;
  code: string;
  partKey: string;
  /** Weight in hundredths of a point (3 points = 300), or null for an unweighted node. */
  weight: number | null;
}

/** One third-party rating of one project (ratings 0…100 per aspect key). */
export interface AspectRating {
  ratings: Record<string, number>;
}

export interface ScoreInput {
  /** The state key of each scored node, by node id (missing = not yet scored). */
  states: Record<string, string | null | undefined>;
  /** Per `aspects` part: the rated projects. An empty list scores 0. */
  aspects?: Record<string, AspectRating[] | undefined>;
}

export interface PartResult {
  key: string;
  name: string;
  /** Hundredths of a point. */
  score: number;
  total: number;
  qualifyingMin: number | null;
  /** Whether it reaches its qualifying minimum (true when there is none). */
  reached: boolean;
  /** Every scored node has a state (a states part) or at least one project is rated (an aspects part). */
  complete: boolean;
}

export interface ScoreResult {
  /** Hundredths of a point. */
  total: number;
  parts: PartResult[];
  /** Points per scored node id (hundredths), only those with a state. */
  nodes: Record<string, number>;
  grade: GradeBand;
  /** Every part reached its minimum. */
  eligible: boolean;
  /** Eligible and the grade qualifies. */
  qualified: boolean;
  complete: boolean;
}

export class ScoringError extends Error {
  constructor(
    public readonly code: string,
    public readonly params: Record<string, unknown> = {},
  ) {
    super(code);
  }
}

/** `a × b / d` rounded half up, for non-negative integers (exact: no floating point). */
export function mulDivRound(a: number, b: number, d: number): number {
  const n = BigInt(a) * BigInt(b);
  const D = BigInt(d);
  return Number((n * 2n + D) / (2n * D));
}

/** Points (hundredths) of one scored node in a given state: weight × percent, half up to 0.01. */
export function nodePoints(weight: number, percent: number): number {
  return mulDivRound(weight, percent, 100);
}

/** Points → hundredths (3.5 → 350); refuses more than two decimals. */
export function toHundredths(points: number): number {
  const h = Math.round(points * 100);
  if (Math.abs(h - points * 100) > 1e-6) throw new ScoringError('assessments.weight_precision', { points });
  return h;
}

/** Hundredths → a display string with two decimals (5298 → "52.98"). */
export function formatPoints(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const a = Math.abs(hundredths);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** The nodes that get a state: weighted nodes none of whose descendants carry a weight. */
export function scoredNodes<N extends ScoringNode>(nodes: readonly N[]): N[] {
  const weightedChild = new Set<string>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    if (n.weight == null) continue;
    let p = n.parentId ? byId.get(n.parentId) : undefined;
    while (p) {
      weightedChild.add(p.id);
      p = p.parentId ? byId.get(p.parentId) : undefined;
    }
  }
  return nodes.filter((n) => n.weight != null && !weightedChild.has(n.id));
}

/**
 * The grade of a total (hundredths) under the framework's edge rule, applied the same way everywhere:
 * the highest band whose lower bound the total reaches (`lower_inclusive`: ≥) or passes (`lower_exclusive`: >).
 */
export function gradeOf(config: Pick<FrameworkConfig, 'bands' | 'edgeRule'>, total: number): GradeBand {
  const bands = [...config.bands].sort((a, b) => b.min - a.min);
  for (const b of bands) {
    const min = toHundredths(b.min);
    if (min === 0 && total >= 0) return b;
    if (config.edgeRule === 'lower_inclusive' ? total >= min : total > min) return b;
  }
  return bands[bands.length - 1]!;
}

/** The edge rule in words, with the actual bands (shown on every result). */
export function edgeRuleText(
  config: Pick<FrameworkConfig, 'bands' | 'edgeRule'>,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): string {
  const bands = [...config.bands].sort((a, b) => b.min - a.min);
  const inc = config.edgeRule === 'lower_inclusive';
  const parts = bands.map((b, i) => {
    const upper = i === 0 ? null : bands[i - 1]!.min;
    if (locale === 'en') {
      if (b.min === 0) return `${b.name} below ${upper}${inc ? '' : ` or exactly ${upper}`}`;
      const lo = `${inc ? '≥' : '>'} ${b.min}`;
      return upper == null ? `${b.name} ${lo}` : `${b.name} ${lo} and ${inc ? '<' : '≤'} ${upper}`;
    }
    if (b.min === 0) return inc ? `${b.name}：低于${upper}分` : `${b.name}：${upper}分（含）以下`;
    const lo = inc ? `${b.min}分（含）以上` : `高于${b.min}分`;
    return upper == null
      ? `${b.name}：${lo}`
      : `${b.name}：${lo}${inc ? `、低于${upper}分` : `、${upper}分（含）以下`}`;
  });
  const edge =
    locale === 'en'
      ? inc
        ? 'A total exactly on a bound takes the higher grade.'
        : 'A total exactly on a bound takes the lower grade.'
      : inc
        ? '总分恰在分界点时计入较高等次。'
        : '总分恰在分界点时计入较低等次。';
  return locale === 'en' ? `${parts.join('; ')}. ${edge}` : `${parts.join('；')}。${edge}`;
}

/** The rounding rule in words (shown with every result). */
export function roundingText(locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  return locale === 'en'
    ? 'Each scored item = weight × the state percentage, rounded half up to 0.01; a third-party part = its full score × the mean rating, rounded half up to 0.01; part scores and the total are plain sums, not rounded again.'
    : '每项得分＝权重×状态比例，四舍五入保留两位小数；第三方评估部分＝该部分满分×评估平均得分率，四舍五入保留两位小数；部分得分与总分为各项直接相加，不再二次取舍。';
}

/** Checks a framework's tree against its configuration; throws a ScoringError naming the first problem. */
export function validateFramework(config: FrameworkConfig, nodes: readonly ScoringNode[]): void {
  const partKeys = new Set(config.parts.map((p) => p.key));
  if (partKeys.size !== config.parts.length || config.parts.length === 0)
    throw new ScoringError('assessments.parts_invalid');
  const scaleKeys = new Set(config.scale.map((s) => s.key));
  if (scaleKeys.size !== config.scale.length || config.scale.length === 0)
    throw new ScoringError('assessments.scale_invalid');
  for (const s of config.scale)
    if (!Number.isInteger(s.percent) || s.percent < 0 || s.percent > 100)
      throw new ScoringError('assessments.scale_invalid');
  if (config.bands.length === 0 || !config.bands.some((b) => b.min === 0))
    throw new ScoringError('assessments.bands_invalid');
  if (new Set(config.bands.map((b) => b.min)).size !== config.bands.length)
    throw new ScoringError('assessments.bands_invalid');
  const codes = new Set<string>();
  const byId = new Map(nodes.map((n) => [n.id, n]));
  for (const n of nodes) {
    if (codes.has(n.code)) throw new ScoringError('assessments.node_code_duplicate', { code: n.code });
    codes.add(n.code);
    if (!partKeys.has(n.partKey)) throw new ScoringError('assessments.node_part', { code: n.code });
    if (n.parentId && !byId.has(n.parentId))
      throw new ScoringError('assessments.node_parent', { code: n.code });
    if (n.weight != null && (!Number.isInteger(n.weight) || n.weight <= 0))
      throw new ScoringError('assessments.node_weight', { code: n.code });
  }
  // A weighted node with weighted children: its weight is their sum.
  for (const n of nodes) {
    if (n.weight == null) continue;
    const kids = nodes.filter((c) => c.parentId === n.id && c.weight != null);
    if (kids.length && kids.reduce((s, c) => s + c.weight!, 0) !== n.weight)
      throw new ScoringError('assessments.weight_sum', { code: n.code });
  }
  const scored = scoredNodes(nodes);
  for (const p of config.parts) {
    const total = toHundredths(p.total);
    if (p.qualifyingMin != null && (p.qualifyingMin < 0 || p.qualifyingMin > p.total))
      throw new ScoringError('assessments.parts_invalid');
    if (p.method === 'states') {
      const sum = scored.filter((n) => n.partKey === p.key).reduce((s, n) => s + n.weight!, 0);
      if (sum !== total)
        throw new ScoringError('assessments.part_total', {
          part: p.name,
          total: p.total,
          sum: formatPoints(sum),
        });
    } else {
      if (!p.aspects?.length || p.aspects.some((a) => !(a.weight > 0)))
        throw new ScoringError('assessments.aspects_invalid', { part: p.name });
      if (scored.some((n) => n.partKey === p.key))
        throw new ScoringError('assessments.aspects_weighted', { part: p.name });
    }
  }
  if (config.scoringUnit === 'item') {
    const hasChildren = new Set(nodes.map((n) => n.parentId).filter(Boolean));
    if (scored.some((n) => hasChildren.has(n.id))) throw new ScoringError('assessments.scoring_unit');
  }
}

/** One aspects part (R-AS-4): total × Σ(weight × rating) / (Σweight × 100 × projects), half up. */
export function aspectsPoints(part: Part, projects: readonly AspectRating[]): number {
  const aspects = part.aspects ?? [];
  if (projects.length === 0) return 0;
  const wSum = aspects.reduce((s, a) => s + a.weight, 0);
  let num = 0;
  for (const p of projects)
    for (const a of aspects) {
      const r = p.ratings[a.key];
      if (r == null || !Number.isInteger(r) || r < 0 || r > 100)
        throw new ScoringError('assessments.rating_invalid', { aspect: a.name });
      num += a.weight * r;
    }
  return mulDivRound(toHundredths(part.total), num, wSum * 100 * projects.length);
}

/** Scores a sheet: totals from item states (and third-party ratings) alone. */
export function score(
  config: FrameworkConfig,
  nodes: readonly ScoringNode[],
  input: ScoreInput,
): ScoreResult {
  const scale = new Map(config.scale.map((s) => [s.key, s]));
  const scored = scoredNodes(nodes);
  const nodePts: Record<string, number> = {};
  const parts: PartResult[] = config.parts.map((p) => {
    let s = 0;
    let complete = true;
    if (p.method === 'states') {
      for (const n of scored) {
        if (n.partKey !== p.key) continue;
        const state = input.states[n.id];
        if (state == null) {
          complete = false;
          continue;
        }
        const level = scale.get(state);
        if (!level) throw new ScoringError('assessments.state_invalid', { state });
        const pts = nodePoints(n.weight!, level.percent);
        nodePts[n.id] = pts;
        s += pts;
      }
    } else {
      const projects = input.aspects?.[p.key] ?? [];
      complete = projects.length > 0;
      s = aspectsPoints(p, projects);
    }
    const min = p.qualifyingMin == null ? null : toHundredths(p.qualifyingMin);
    return {
      key: p.key,
      name: p.name,
      score: s,
      total: p.total,
      qualifyingMin: p.qualifyingMin,
      reached: min == null || s >= min,
      complete,
    };
  });
  const total = parts.reduce((s, p) => s + p.score, 0);
  const grade = gradeOf(config, total);
  const eligible = parts.every((p) => p.reached);
  return {
    total,
    parts,
    nodes: nodePts,
    grade,
    eligible,
    qualified: eligible && grade.qualifies,
    complete: parts.every((p) => p.complete),
  };
}

/** Competition ranking (1, 2, 2, 4) by total, highest first. */
export function rankOf<T>(rows: readonly T[], totalOf: (r: T) => number): Map<T, number> {
  const sorted = [...rows].sort((a, b) => totalOf(b) - totalOf(a));
  const out = new Map<T, number>();
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    out.set(r, prev !== undefined && totalOf(prev) === totalOf(r) ? out.get(prev)! : i + 1);
  });
  return out;
}

/**
 * Each top-level area's share of its full score, for the radar chart and the report: the points of the scored
 * nodes under it over their weights; an area of a third-party part (no weights) takes its part's score over the
 * part's total. Pure arithmetic on a sheet's figures, in points.
 */
export function areaScores(
  nodes: readonly {
    id: string;
    parentId: string | null;
    name: string;
    code: string;
    partKey: string;
    weight: number | null;
    scored: boolean;
  }[],
  pointsOf: (nodeId: string) => number | null,
  parts: readonly { key: string; score: number; total: number }[],
): { code: string; name: string; score: number; full: number; ratio: number }[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const topOf = (id: string): string => {
    let n = byId.get(id)!;
    while (n.parentId) n = byId.get(n.parentId)!;
    return n.id;
  };
  const sums = new Map<string, { score: number; full: number }>();
  for (const n of nodes)
    if (n.scored && n.weight != null) {
      const s = sums.get(topOf(n.id)) ?? { score: 0, full: 0 };
      s.score += pointsOf(n.id) ?? 0;
      s.full += n.weight;
      sums.set(topOf(n.id), s);
    }
  return nodes
    .filter((n) => !n.parentId)
    .map((n) => {
      const s = sums.get(n.id);
      const part = parts.find((p) => p.key === n.partKey);
      const score = s ? Math.round(s.score * 100) / 100 : (part?.score ?? 0);
      const full = s ? Math.round(s.full * 100) / 100 : (part?.total ?? 0);
      return { code: n.code, name: n.name, score, full, ratio: full > 0 ? score / full : 0 };
    });
}
