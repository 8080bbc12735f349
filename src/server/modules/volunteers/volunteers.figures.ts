import type { ReportFigure } from '../../platform/reportFigures';
import { minutesServed } from './volunteers.figures.repository';

/** Volunteer figures report templates may pre-fill (信息报告, R-RP-1). */
export const volunteerFigures: ReportFigure[] = [
  {
    key: 'volunteers.hours',
    label: { 'zh-CN': '志愿服务时长（小时）', en: 'Volunteer hours' },
    unit: 'hours',
    compute: async ({ db }, q) => Math.round((await minutesServed(db, q)) / 6) / 10,
  },
];
