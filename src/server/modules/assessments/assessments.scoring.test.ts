import { describe, expect, it } from 'vitest';
import {
  type FrameworkConfig,
  type ScoringNode,
  ScoringError,
  aspectsPoints,
  edgeRuleText,
  formatPoints,
  gradeOf,
  mulDivRound,
  nodePoints,
  rankOf,
  score,
  scoredNodes,
  validateFramework,
} from '../../../shared/contracts/assessmentScoring';
import { ZHOUSHAN_2017, flattenDef } from './assessments.zhoushan';
import { RATINGS_ON_EXCELLENT_EDGE } from '../../../../test/assessments';

const cfg = ZHOUSHAN_2017.config;
const nodes = flattenDef(ZHOUSHAN_2017);
const indicators = scoredNodes(nodes);
const ratings = (r: number) => ({
  ratings: { completion: r, satisfaction: r, finance: r, capacity: r, operation: r, efficacy: r },
});
/** Every part-one indicator in one state, and part two rated `r` on all six aspects. */
const all = (state: string, r?: number) =>
  score(cfg, nodes, {
    states: Object.fromEntries(indicators.map((n) => [n.id, state])),
    aspects: { projects: r == null ? [] : [ratings(r)] },
  });

describe('Zhoushan standard as data (R-AS-1)', () => {
  it('R-AS-1 holds Ⅱ-1…Ⅱ-10 weighted 3,3,4,8,7,6,6,8,6,9 = 60, 39 part-one and 6 part-two content items', () => {
    expect(indicators.map((n) => [n.code, n.weight! / 100])).toEqual([
      ['Ⅱ-1', 3],
      ['Ⅱ-2', 3],
      ['Ⅱ-3', 4],
      ['Ⅱ-4', 8],
      ['Ⅱ-5', 7],
      ['Ⅱ-6', 6],
      ['Ⅱ-7', 6],
      ['Ⅱ-8', 8],
      ['Ⅱ-9', 6],
      ['Ⅱ-10', 9],
    ]);
    const level = (l: number, part?: string) =>
      nodes.filter((n) => n.level === l && (!part || n.partKey === part)).length;
    expect([level(1), level(2), level(3)]).toEqual([5, 12, 45]);
    expect([level(3, 'basic'), level(3, 'projects')]).toEqual([39, 6]);
    expect(nodes.find((n) => n.code === 'Ⅱ-10.2')!.name).toContain('知晓率85%以上');
    expect(() => validateFramework(cfg, nodes)).not.toThrow();
  });

  it('R-AS-5 awareness and satisfaction at 85% are content items inside Ⅱ-10 (weight 9), not gates', () => {
    const kids = nodes.filter((n) => n.parentId === 'Ⅱ-10');
    expect(kids.map((n) => n.weight)).toEqual([null, null, null]);
    expect(kids[2]!.name).toContain('满意度85%以上');
  });
});

describe('state scale (R-AS-2)', () => {
  it('R-AS-2 B is exactly 66% and C exactly 33%, not ⅔ and ⅓: weight 3 → 1.98 and 0.99', () => {
    expect(nodePoints(300, 66)).toBe(198);
    expect(nodePoints(300, 33)).toBe(99);
    expect(nodePoints(900, 66)).toBe(594);
    expect(nodePoints(700, 33)).toBe(231);
  });

  it('R-AS-2 rounding: half up to 0.01 per item (1.5 × 33% = 0.495 → 0.50), sums never rounded again', () => {
    expect(nodePoints(150, 33)).toBe(50);
    expect(nodePoints(125, 66)).toBe(83); // 0.825 → 0.83
    expect(mulDivRound(1, 1, 2)).toBe(1);
    expect(mulDivRound(1, 1, 3)).toBe(0);
    expect(formatPoints(5298)).toBe('52.98');
    expect(formatPoints(5)).toBe('0.05');
  });

  it('R-AS-2 all A = 60, all B = 39.60, all C = 19.80 in part one', () => {
    expect(all('A').parts[0]!.score).toBe(6000);
    expect(all('B').parts[0]!.score).toBe(3960);
    expect(all('C').parts[0]!.score).toBe(1980);
  });

  it('R-AS-2 a total is reproducible from the states alone and is incomplete until every indicator has one', () => {
    const states = Object.fromEntries(indicators.map((n, i) => [n.id, ['A', 'B', 'C'][i % 3]!]));
    const a = score(cfg, nodes, { states, aspects: { projects: [ratings(90)] } });
    const b = score(cfg, nodes, { states: { ...states }, aspects: { projects: [ratings(90)] } });
    expect(a).toEqual(b);
    // Ⅱ-1 A 3, Ⅱ-2 B 1.98, Ⅱ-3 C 1.32, Ⅱ-4 A 8, Ⅱ-5 B 4.62, Ⅱ-6 C 1.98, Ⅱ-7 A 6, Ⅱ-8 B 5.28, Ⅱ-9 C 1.98, Ⅱ-10 A 9
    expect(a.parts[0]!.score).toBe(300 + 198 + 132 + 800 + 462 + 198 + 600 + 528 + 198 + 900);
    const partial = score(cfg, nodes, { states: { 'Ⅱ-1': 'A' }, aspects: { projects: [ratings(90)] } });
    expect(partial.complete).toBe(false);
    expect(partial.parts[0]!.score).toBe(300);
    expect(() => score(cfg, nodes, { states: { 'Ⅱ-1': 'D' } })).toThrow(ScoringError);
  });

  it('R-AS-2 item scoring unit: content items carry the weights and an indicator is their sum', () => {
    const itemCfg: FrameworkConfig = {
      ...cfg,
      scoringUnit: 'item',
      parts: [{ key: 'p', name: 'p', total: 10, qualifyingMin: null, method: 'states' }],
    };
    const tree: ScoringNode[] = [
      { id: 'x', parentId: null, code: 'X', partKey: 'p', weight: 1000 },
      { id: 'x1', parentId: 'x', code: 'X.1', partKey: 'p', weight: 250 },
      { id: 'x2', parentId: 'x', code: 'X.2', partKey: 'p', weight: 750 },
    ];
    expect(() => validateFramework(itemCfg, tree)).not.toThrow();
    expect(scoredNodes(tree).map((n) => n.id)).toEqual(['x1', 'x2']);
    expect(score(itemCfg, tree, { states: { x1: 'B', x2: 'C' } }).total).toBe(165 + 248);
    const bad = tree.map((n) => (n.id === 'x2' ? { ...n, weight: 700 } : n));
    expect(() => validateFramework(itemCfg, bad)).toThrow(/weight_sum/);
  });
});

describe('qualification and grades (R-AS-3)', () => {
  it('R-AS-3 part one must reach 50 inclusive: 50.00 is eligible, 49.99 is not whatever the total', () => {
    // Part one made of single-weight states: craft 50.00 and 49.99 through a tiny framework with the same rules.
    const c: FrameworkConfig = {
      ...cfg,
      parts: [
        { key: 'basic', name: '一类指标', total: 60, qualifyingMin: 50, method: 'states' },
        cfg.parts[1]!,
      ],
    };
    const t: ScoringNode[] = [
      { id: 'a', parentId: null, code: 'a', partKey: 'basic', weight: 4999 },
      { id: 'b', parentId: null, code: 'b', partKey: 'basic', weight: 1 },
      { id: 'c', parentId: null, code: 'c', partKey: 'basic', weight: 1000 },
    ];
    const at50 = score(c, t, { states: { a: 'A', b: 'A', c: 'C' }, aspects: { projects: [ratings(100)] } });
    expect(at50.parts[0]!.score).toBe(4999 + 1 + 330);
    const exactly50 = score(c, t, { states: { a: 'A', b: 'A' }, aspects: { projects: [ratings(100)] } });
    expect(exactly50.parts[0]!.score).toBe(5000);
    expect(exactly50.eligible).toBe(true);
    const just = score(c, t, { states: { a: 'A', b: 'C' }, aspects: { projects: [ratings(100)] } });
    expect(just.parts[0]!.score).toBe(4999);
    expect(just.eligible).toBe(false);
    expect(just.qualified).toBe(false);
  });

  it('R-AS-3 Zhoushan: all B in part one (39.60) plus a perfect part two (80.00 → 合格) is still not qualified', () => {
    const r = all('B', 100);
    expect(r.total).toBe(3960 + 4000);
    expect(r.grade.key).toBe('fail');
    expect(r.eligible).toBe(false);
    const withA = all('A', 50);
    expect(withA.total).toBe(8000);
    expect(withA.grade.key).toBe('pass');
    expect(withA.qualified).toBe(true);
  });

  it('R-AS-3 band edges under the stated rule: 95 → 优秀, 94.99 → 良好, 85 → 良好, 84.99 → 合格, 80 → 合格, 79.99 → 不合格', () => {
    const g = (t: number) => gradeOf(cfg, t).name;
    expect([g(10000), g(9500), g(9499), g(8500), g(8499), g(8000), g(7999), g(0)]).toEqual([
      '优秀',
      '优秀',
      '良好',
      '良好',
      '合格',
      '合格',
      '不合格',
      '不合格',
    ]);
  });

  it('R-AS-3 the other edge rule puts the bound in the lower band, and both are stated in words', () => {
    const lower = { ...cfg, edgeRule: 'lower_exclusive' as const };
    expect(gradeOf(lower, 9500).name).toBe('良好');
    expect(gradeOf(lower, 9501).name).toBe('优秀');
    expect(gradeOf(lower, 8000).name).toBe('不合格');
    expect(edgeRuleText(cfg)).toContain('计入较高等次');
    expect(edgeRuleText(cfg)).toContain('优秀：95分（含）以上');
    expect(edgeRuleText(lower)).toContain('计入较低等次');
    expect(edgeRuleText(cfg, 'en')).toContain('higher grade');
  });

  it('R-AS-3 grades are read from the total exactly on an edge reached through real states', () => {
    // Part one all A (60) + part two rated 87.5% → 35.00 → 95.00: 优秀.
    const r = score(cfg, nodes, {
      states: Object.fromEntries(indicators.map((n) => [n.id, 'A'])),
      aspects: {
        projects: [
          {
            ratings: RATINGS_ON_EXCELLENT_EDGE,
          },
        ],
      },
    });
    expect(r.parts[1]!.score).toBe(3500);
    expect(r.total).toBe(9500);
    expect(r.grade.key).toBe('excellent');
  });
});

describe('part two from the third-party evaluation (R-AS-4)', () => {
  const part = cfg.parts[1]!;
  it('R-AS-4 six aspects, converted in proportion to 40: all 100 → 40, all 0 → 0, mean 75 → 30', () => {
    expect(part.aspects!.map((a) => a.name)).toEqual([
      '完成情况',
      '服务满意率',
      '财务状况',
      '组织能力',
      '项目运营',
      '综合效能',
    ]);
    expect(aspectsPoints(part, [ratings(100)])).toBe(4000);
    expect(aspectsPoints(part, [ratings(0)])).toBe(0);
    expect(aspectsPoints(part, [ratings(75)])).toBe(3000);
  });

  it('R-AS-4 several projects average; no evaluated project scores 0 and leaves the sheet incomplete', () => {
    expect(aspectsPoints(part, [ratings(100), ratings(50)])).toBe(3000);
    // mean 2/3 → 26.666… → 26.67 (half up)
    expect(aspectsPoints(part, [ratings(100), ratings(100), ratings(0)])).toBe(2667);
    expect(aspectsPoints(part, [])).toBe(0);
    expect(all('A').complete).toBe(false);
  });

  it('R-AS-4 a rating outside 0…100 or missing an aspect is refused', () => {
    expect(() => aspectsPoints(part, [{ ratings: { completion: 101 } }])).toThrow(/rating_invalid/);
    expect(() => aspectsPoints(part, [{ ratings: { completion: 50 } }])).toThrow(/rating_invalid/);
  });

  it('R-AS-4 a weighted node inside an aspects part is refused by validation', () => {
    const bad = nodes.map((n) => (n.code === 'Ⅱ-11' ? { ...n, weight: 4000 } : n));
    expect(() => validateFramework(cfg, bad)).toThrow(/aspects_weighted/);
  });
});

describe('ranking', () => {
  it('ranks peers 1, 2, 2, 4 by total', () => {
    const rows = [{ t: 90 }, { t: 80 }, { t: 95 }, { t: 90 }];
    const r = rankOf(rows, (x) => x.t);
    expect(rows.map((x) => r.get(x))).toEqual([2, 4, 1, 2]);
  });
});
