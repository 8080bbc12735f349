import { and, gte, lt, sql } from 'drizzle-orm';
import { chinaDate } from '../../../shared/chinaTime';
import { type EvidenceSource, percentText, underPath } from '../../platform/evidence';
import { woRollupsMonthly as m } from './workOrders.rollups.table';

/** Assessment evidence: the community's work-order figures over the period, from the monthly rollups. */
export const workOrdersEvidence: EvidenceSource[] = [
  {
    key: 'work-orders.rates',
    label: { 'zh-CN': '工单办理情况', en: 'Work-order handling' },
    async find(db, q) {
      const [r] = await db
        .select({
          received: sql<number>`coalesce(sum(${m.received}), 0)::int`,
          closed: sql<number>`coalesce(sum(${m.closed}), 0)::int`,
          replied: sql<number>`coalesce(sum(${m.replied}), 0)::int`,
          onTime: sql<number>`coalesce(sum(${m.repliedOnTime}), 0)::int`,
          valid: sql<number>`coalesce(sum(${m.followupsValid}), 0)::int`,
          satisfied: sql<number>`coalesce(sum(${m.satisfied} + ${m.basicallySatisfied}), 0)::int`,
        })
        .from(m)
        .where(
          and(underPath(m.orgPath, q.orgPath), gte(m.month, chinaDate(q.from)), lt(m.month, chinaDate(q.to))),
        );
      if (!r || r.received === 0) return [];
      const en = q.locale === 'en';
      const from = chinaDate(q.from);
      return [
        {
          ref: `rates:${from}:${chinaDate(q.to)}`,
          title: en ? `Work orders ${from} onwards` : `工单办理情况（${from.slice(0, 4)}年）`,
          date: null,
          detail: en
            ? `received ${r.received}, closed ${r.closed}, replied on time ${percentText(r.onTime, r.replied)}, satisfied ${percentText(r.satisfied, r.valid)}`
            : `受理${r.received}件，办结${r.closed}件，按时回复率${percentText(r.onTime, r.replied)}，满意率${percentText(r.satisfied, r.valid)}`,
        },
      ];
    },
  },
];
