import { chinaDate } from '../../../shared/chinaTime';
import type { EvidenceRecord, EvidenceSource } from '../../platform/evidence';
import { type SurveyRate, surveyRates } from './surveys.api';

const pct = (r: SurveyRate | null) =>
  r?.rate == null
    ? '—'
    : `${Math.round(r.rate * 1000) / 10}%${r.marginOfError != null ? `（±${Math.round(r.marginOfError * 1000) / 10}%）` : ''}`;

/**
 * Assessment evidence (R-AS-5, Zhoushan Ⅱ-10): the community's awareness and satisfaction rates of the year from
 * closed surveys, against seed 004's 85% bar, and each survey they come from.
 */
export const surveysEvidence: EvidenceSource[] = [
  {
    key: 'surveys.rates',
    label: { 'zh-CN': '群众知晓率与满意度调查', en: 'Awareness and satisfaction surveys' },
    async find(db, q, limit) {
      const year = Number(chinaDate(q.from).slice(0, 4));
      const r = await surveyRates(db, { orgPath: q.orgPath, year });
      if (r.surveys.length === 0) return [];
      const en = q.locale === 'en';
      const bar = `${Math.round(r.bar * 100)}%`;
      const met = (x: SurveyRate | null) =>
        x?.rate == null
          ? ''
          : x.rate >= r.bar
            ? en
              ? ' (meets the bar)'
              : '，达标'
            : en
              ? ' (below the bar)'
              : '，未达标';
      const summary: EvidenceRecord = {
        ref: `rates:${year}`,
        title: en ? `Rates of ${year} (bar ${bar})` : `${year}年群众知晓率、满意度（标准${bar}）`,
        detail: en
          ? `awareness ${pct(r.awareness)}${met(r.awareness)}; satisfaction ${pct(r.satisfaction)}${met(r.satisfaction)}`
          : `知晓率${pct(r.awareness)}${met(r.awareness)}；满意度${pct(r.satisfaction)}${met(r.satisfaction)}`,
      };
      return [
        summary,
        ...r.surveys.slice(0, Math.max(0, limit - 1)).map((s) => ({
          ref: s.id,
          title: s.title,
          date: s.closedAt,
          detail: en ? `${s.responses} responses from this community` : `本社区回收${s.responses}份`,
        })),
      ];
    },
  },
];
