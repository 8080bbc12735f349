import type { ReportFigure } from '../../platform/reportFigures';
import { receivedCount, closedCounts } from './workOrders.figures.repository';

/** Work-order figures report templates may pre-fill (信息报告, R-RP-1): received, closed, on-time rate. */
export const workOrderFigures: ReportFigure[] = [
  {
    key: 'work_orders.received',
    label: { 'zh-CN': '受理诉求（件）', en: 'Requests received' },
    unit: 'count',
    compute: ({ db }, q) => receivedCount(db, q),
  },
  {
    key: 'work_orders.closed',
    label: { 'zh-CN': '办结诉求（件）', en: 'Requests closed' },
    unit: 'count',
    compute: async ({ db }, q) => (await closedCounts(db, q)).closed,
  },
  {
    key: 'work_orders.on_time_rate',
    label: { 'zh-CN': '按时办结率（%）', en: 'Closed on time (%)' },
    unit: 'percent',
    compute: async ({ db }, q) => {
      const { closed, onTime } = await closedCounts(db, q);
      return closed === 0 ? null : Math.round((onTime / closed) * 1000) / 10;
    },
  },
];
