import { chinaMinute } from '../../../shared/chinaTime';
import type { FastifyInstance, FastifySchema } from 'fastify';
import type { z } from 'zod';
import {
  WO_STATS_LABELS,
  heatmapQuery,
  heatmapSchema,
  hotspotsQuery,
  hotspotsSchema,
  levelsReportSchema,
  ratesReportSchema,
  statsGroupedQuery,
  topCategoriesQuery,
  topCategoriesSchema,
} from '../../../shared/contracts/workOrderStats';
import { workOrderListQuery } from '../../../shared/contracts/workOrders';
import { type ActorCtx, type AppDeps, actorCtxOf } from '../../platform/context';
import { routeKit } from '../../platform/routeKit';
import { access } from '../../platform/access';
import { sendXlsx } from '../../platform/excel';
import {
  exportOrders,
  heatmap,
  hotspots,
  levelsReport,
  ratesReport,
  topCategories,
} from './workOrders.reports';

type Locale = 'zh-CN' | 'en';
const lbl = (key: string | null | undefined, l: Locale) => (key ? (WO_STATS_LABELS[key]?.[l] ?? key) : '');
const pct = (v: number | null) => (v === null ? '' : Math.round(v * 1000) / 10);
/** China local time, e.g. 2026-11-23 09:00. */
const local = (d: Date | null) => chinaMinute(d);

/** Work-order measures and exports (issue 3 "Measures and reports"); called from the module's routes. */
export function registerReportRoutes(base: FastifyInstance, deps: AppDeps) {
  const { app, tags } = routeKit(base, deps, 'work-orders');
  const statsAccess = access.anyOf('work_orders.read', 'reports.read');

  /** A GET `/api/work-orders/stats/<name>` for staff and report readers, answered by `run`. */
  const stats = <Q extends z.ZodType, R extends z.ZodType>(
    name: string,
    querystring: Q,
    response: R,
    run: (ctx: ActorCtx, query: z.output<Q>, locale: Locale) => Promise<z.input<R>>,
  ) => {
    // A plain FastifySchema, as in platform/recordRoutes.ts: `run`'s type checks the answer against R.
    const schema: FastifySchema = { tags, querystring, response: { 200: response } };
    base.get(`/api/work-orders/stats/${name}`, { config: { access: statsAccess }, schema }, (req) =>
      run(actorCtxOf(deps, req), req.query as z.output<Q>, req.locale),
    );
  };
  stats('rates', statsGroupedQuery, ratesReportSchema, ratesReport);
  stats('levels', statsGroupedQuery, levelsReportSchema, levelsReport);
  stats('top-categories', topCategoriesQuery, topCategoriesSchema, topCategories);
  stats('hotspots', hotspotsQuery, hotspotsSchema, hotspots);
  stats('heatmap', heatmapQuery, heatmapSchema, heatmap);

  app.get(
    '/api/work-orders/stats/rates.xlsx',
    {
      config: { access: statsAccess },
      schema: { tags, querystring: statsGroupedQuery },
    },
    async (req, reply) => {
      const r = await ratesReport(actorCtxOf(deps, req), req.query);
      const l = req.locale;
      const en = l === 'en';
      const rows = [...r.rows, { ...r.total, unitName: en ? 'Total' : '合计' }];
      const name = `${r.unit.name}-${r.from}-${r.to}`;
      return sendXlsx(
        reply,
        en ? `rates-${name}.xlsx` : `三率统计-${name}.xlsx`,
        en ? 'Three rates' : '三率统计',
        [
          {
            header: en ? 'Unit' : '单位',
            width: 22,
            value: (x) => (x.own ? `${x.unitName}${en ? ' (own)' : '(本级)'}` : x.unitName),
          },
          { header: en ? 'Received' : '受理量', value: (x) => x.counters.received },
          { header: en ? 'Valid' : '有效件', value: (x) => x.counters.valid },
          { header: en ? 'Assigned' : '承办量', value: (x) => x.counters.assigned },
          { header: en ? 'Accepted on time' : '按时签收', value: (x) => x.counters.acceptedOnTime },
          { header: en ? 'Valid follow-ups' : '有效回访', value: (x) => x.counters.followupsValid },
          { header: en ? 'Resolved' : '已解决', value: (x) => x.counters.resolved },
          { header: en ? 'Satisfied' : '满意', value: (x) => x.counters.satisfied },
          { header: en ? 'Basically satisfied' : '基本满意', value: (x) => x.counters.basicallySatisfied },
          { header: en ? 'Dissatisfied' : '不满意', value: (x) => x.counters.dissatisfied },
          { header: en ? 'Response rate %' : '响应率%', value: (x) => pct(x.rates.response) },
          { header: en ? 'Resolution rate %' : '解决率%', value: (x) => pct(x.rates.resolution) },
          { header: en ? 'Satisfaction rate %' : '满意率%', value: (x) => pct(x.rates.satisfaction) },
          { header: en ? 'Composite %' : '综合得分%', value: (x) => pct(x.rates.composite) },
          {
            header: en ? 'On-time acceptance %' : '按时签收率%',
            value: (x) => pct(x.rates.onTimeAcceptance),
          },
          {
            header: en ? 'On-time completion %' : '按时办结率%',
            value: (x) => pct(x.rates.onTimeCompletion),
          },
          { header: en ? 'Overdue' : '超期', value: (x) => x.counters.overdue },
          { header: en ? 'Resolved in grid %' : '网格解决%', value: (x) => pct(x.rates.gridShare) },
          {
            header: en ? 'Resolved within community %' : '社区内解决%',
            value: (x) => pct(x.rates.withinCommunityShare),
          },
        ],
        rows,
      );
    },
  );

  app.get(
    '/api/work-orders/export.xlsx',
    {
      config: { access: access.permission('work_orders.read') },
      schema: { tags, querystring: workOrderListQuery.omit({ page: true, pageSize: true }) },
    },
    async (req, reply) => {
      const rows = await exportOrders(actorCtxOf(deps, req), req.query);
      const l = req.locale;
      const en = l === 'en';
      return sendXlsx(
        reply,
        en ? 'work-orders.xlsx' : '诉求工单.xlsx',
        en ? 'Work orders' : '诉求工单',
        [
          { header: en ? 'Number' : '工单号', width: 20, value: (o) => o.number },
          { header: en ? 'Received at' : '受理时间', width: 18, value: (o) => local(o.createdAt) },
          { header: en ? 'Kind' : '类型', width: 10, value: (o) => lbl(o.kind, l) },
          { header: en ? 'Channel' : '渠道', width: 14, value: (o) => o.channel },
          { header: en ? 'Category' : '类别', value: (o) => o.categoryName ?? o.categoryCode },
          { header: en ? 'Priority' : '紧急程度', width: 10, value: (o) => lbl(o.priority, l) },
          { header: en ? 'Status' : '状态', width: 12, value: (o) => lbl(o.status, l) },
          { header: en ? 'Handling unit' : '承办单位', width: 20, value: (o) => o.orgUnitName },
          { header: en ? 'Address' : '地址', width: 28, value: (o) => o.address },
          { header: en ? 'Requester' : '诉求人', width: 12, value: (o) => o.requesterName },
          { header: en ? 'Phone' : '联系电话', width: 14, value: (o) => o.requesterPhone },
          { header: en ? 'Due' : '办理时限', width: 18, value: (o) => local(o.dueAt) },
          { header: en ? 'Accepted at' : '签收时间', width: 18, value: (o) => local(o.acceptedAt) },
          { header: en ? 'Replied at' : '办结时间', width: 18, value: (o) => local(o.repliedAt) },
          { header: en ? 'Closed at' : '结案时间', width: 18, value: (o) => local(o.closedAt) },
          { header: en ? 'Overdue' : '超期', width: 8, value: (o) => (o.overdue ? (en ? 'yes' : '是') : '') },
          {
            header: en ? 'Resolved at level' : '解决层级',
            width: 10,
            value: (o) => lbl(o.resolutionLevel, l),
          },
          { header: en ? 'Redos' : '重办次数', width: 8, value: (o) => o.redoCount },
          { header: en ? 'Description' : '诉求内容', width: 40, value: (o) => o.description },
        ],
        rows,
      );
    },
  );
}
