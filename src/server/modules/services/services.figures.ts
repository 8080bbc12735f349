import type { ReportFigure } from '../../platform/reportFigures';
import { completedOrders } from './services.figures.repository';

/** Service-order figures report templates may pre-fill (信息报告, R-RP-1). */
export const serviceFigures: ReportFigure[] = [
  {
    key: 'services.orders_completed',
    label: { 'zh-CN': '完成服务订单（单）', en: 'Service orders completed' },
    unit: 'count',
    compute: ({ db }, q) => completedOrders(db, q),
  },
];
