import type { ReportFigure } from '../../platform/reportFigures';
import { mediatedCount, specialAssignmentCounts } from './disputes.figures.repository';

/** Dispute figures report templates may pre-fill (信息报告, R-RP-1). */
export const disputeFigures: ReportFigure[] = [
  {
    key: 'disputes.mediated',
    label: { 'zh-CN': '调解成功矛盾纠纷（件）', en: 'Disputes mediated' },
    unit: 'count',
    compute: ({ db }, q) => mediatedCount(db, q),
  },
  {
    // 专门交办: the outcome counts in the 平安建设 assessment (issue 14 §2).
    key: 'disputes.special_resolved',
    label: {
      'zh-CN': '专门交办矛盾纠纷化解（件，计入平安建设考核）',
      en: 'Specially assigned disputes resolved (safety assessment)',
    },
    unit: 'count',
    compute: async ({ db }, q) => (await specialAssignmentCounts(db, q)).resolved,
  },
];
