import type { ReportFigure } from '../../platform/reportFigures';
import { mediatedCount } from './disputes.figures.repository';

/** Dispute figures report templates may pre-fill (信息报告, R-RP-1). */
export const disputeFigures: ReportFigure[] = [
  {
    key: 'disputes.mediated',
    label: { 'zh-CN': '调解成功矛盾纠纷（件）', en: 'Disputes mediated' },
    unit: 'count',
    compute: ({ db }, q) => mediatedCount(db, q),
  },
];
