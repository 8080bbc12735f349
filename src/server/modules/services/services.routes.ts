import { chinaDate as chinaDay } from '../../../shared/chinaTime';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  candidateSchema,
  dutyLogBody,
  dutyLogSchema,
  myDutyLogBody,
  myDutySchema,
  loopQuery,
  loopSchema,
  dutyQuery,
  dutySlotBody,
  dutySlotSchema,
  dutyDeputyQuery,
  dutyDeputySchema,
  type DutyReportDto,
  dutyReportQuery,
  dutyReportSchema,
  myOrdersQuery,
  myServiceSummarySchema,
  myTasksQuery,
  needBody,
  needListQuery,
  needPatch,
  needSchema,
  orderActionBody,
  orderBody,
  orderDetailSchema,
  orderListQuery,
  orderSchema,
  projectBody,
  projectListQuery,
  projectPatch,
  projectSchema,
  publicProjectSchema,
  reportQuery,
  reportSchema,
  resourceBody,
  resourceListQuery,
  resourcePatch,
  resourceSchema,
  serverRowSchema,
  settingsBody,
  settingsSchema,
  stationBody,
  stationPatch,
  stationSchema,
  yearRecordQuery,
  yearRecordSchema,
  type YearRecordDto,
} from '../../../shared/contracts/services';
import { type AppDeps, ctxOf } from '../../platform/context';
import { routeKit } from '../../platform/routeKit';
import { sendWorkbook } from '../../platform/downloads';
import { createLocalStorage } from '../../platform/storage';
import { readPhoto } from '../../platform/uploads';
import { access } from '../../platform/access';
import { toXlsx } from '../../platform/excel';
import { myServiceOrders } from './services.mine.repository';
import { defineModule } from '../../platform/module';
import { recordRoutes } from '../../platform/recordRoutes';
import {
  addDutyLog,
  createSlot,
  createStation,
  deleteSlot,
  dutyReport,
  listDutyLogs,
  listSlots,
  listStations,
  addMyDutyLog,
  attachMyDutyPhoto,
  dutyLogPhoto,
  myDuty,
  stationDeputies,
  updateStation,
} from './services.duty';
import {
  createNeed,
  createProject,
  createResource,
  listNeeds,
  listProjects,
  listResources,
  publishedProjects,
  updateNeed,
  updateProject,
  updateResource,
  loopLists,
} from './services.lists';
import {
  act,
  candidates,
  createOrder,
  getOrder,
  getSettings,
  listOrders,
  myOrders,
  myServiceSummary,
  myTasks,
  orderDetail,
  putSettings,
  sweepOwnServiceOrders,
} from './services.orders';
import { myVolunteerId, serversReport, servicesReport, yearRecord } from './services.reports';
import * as servicesTables from './services.table';
import { servicesAccess } from '../../../shared/permissions/services';
import { SERVICES_ERRORS } from '../../../shared/i18n/errors.services';
import { SERVICES_AUDIT } from '../../../shared/i18n/audit.services';
import { serviceOrderWorkflow } from './services.workflow';
import { serviceFigures } from './services.figures';

async function yearRecordXlsx(r: YearRecordDto, en: boolean) {
  const head = [
    { label: en ? 'Name' : '姓名', value: r.name },
    { label: en ? 'Employer' : '工作单位', value: r.employer ?? '' },
    { label: en ? 'Community' : '报到社区', value: r.communityName ?? '' },
    { label: en ? 'Year' : '年度', value: String(r.year) },
    { label: en ? 'Orders served' : '服务单数', value: String(r.ordersServed) },
    { label: en ? 'Hours' : '服务时长(小时)', value: (r.minutes / 60).toFixed(1) },
    { label: en ? 'Average rating' : '平均评分', value: r.averageRating?.toFixed(2) ?? '' },
  ];
  type Row = { a: string; b: string; c: string | number; d: string | number };
  const rows: Row[] = [
    ...head.map((h) => ({ a: h.label, b: h.value, c: '', d: '' })),
    { a: '', b: '', c: '', d: '' },
    ...r.orders.map((o) => ({
      a: chinaDay(o.date),
      b: `${o.number} ${o.title}`,
      c: Math.round((o.minutes / 60) * 10) / 10,
      d: o.rating ?? '',
    })),
  ];
  return toXlsx<Row>(
    en ? 'Service record' : '服务记录',
    [
      { header: en ? 'Item / date' : '项目/日期', width: 18, value: (x) => x.a },
      { header: en ? 'Value / order' : '内容/订单', width: 40, value: (x) => x.b },
      { header: en ? 'Hours' : '时长(小时)', value: (x) => x.c },
      { header: en ? 'Rating' : '评分', value: (x) => x.d },
    ],
    rows,
  );
}

export const servicesModule = defineModule({
  name: 'services',
  mine: { serviceOrders: myServiceOrders },
  audit: SERVICES_AUDIT,
  tables: servicesTables,
  scopedTables: {
    scoped: [
      servicesTables.svcNeeds,
      servicesTables.svcResources,
      servicesTables.svcProjects,
      servicesTables.svcOrders,
      servicesTables.svcStations,
      servicesTables.svcDutySlots,
      servicesTables.svcDutyLogs,
    ],
  },
  access: servicesAccess,
  errors: SERVICES_ERRORS,
  // Service orders nobody accepted in time go back to the community's queue: the workflow's deadline,
  // fired by the platform's one sweep job (platform.workflow-sweep).
  workflows: [serviceOrderWorkflow],
  reportFigures: serviceFigures,
  routes(base: FastifyInstance, deps: AppDeps) {
    const { app, tags, ctxOf: actorCtx, route, page, recordFields, xlsx } = routeKit(base, deps, 'services');
    const idParams = z.object({ id: z.string().max(64) });

    // ---- seed 003's three lists (问题/服务/解决), read from needs and orders
    app.get(
      '/api/services/loop',
      {
        config: { access: access.permission('services.read') },
        schema: { tags, querystring: loopQuery, response: { 200: loopSchema } },
      },
      (req) => loopLists(actorCtx(req), req.query),
    );
    // ---- three lists (R-SV-1)
    const lists = recordFields(access.permission('services.read'), access.permission('services.write'));
    recordRoutes(app, {
      path: '/api/services/needs',
      ...lists,
      schema: needSchema,
      listQuery: needListQuery,
      body: needBody,
      list: listNeeds,
      create: createNeed,
      update: { body: needPatch, run: updateNeed },
    });
    recordRoutes(app, {
      path: '/api/services/resources',
      ...lists,
      schema: resourceSchema,
      listQuery: resourceListQuery,
      body: resourceBody,
      list: listResources,
      create: createResource,
      update: { body: resourcePatch, run: updateResource },
    });
    recordRoutes(app, {
      path: '/api/services/projects',
      ...lists,
      schema: projectSchema,
      listQuery: projectListQuery,
      body: projectBody,
      list: listProjects,
      create: createProject,
      update: { body: projectPatch, run: updateProject },
    });
    // Residents browse the published services of a community (anonymous with ?communityId, else their own).
    app.get(
      '/api/public/services/projects',
      {
        config: { access: access.public },
        schema: {
          tags,
          querystring: z.object({ communityId: z.string().uuid().optional() }),
          response: {
            200: z.object({
              community: z.object({ id: z.string(), name: z.string() }).nullable(),
              items: z.array(publicProjectSchema),
            }),
          },
        },
      },
      async (req) => publishedProjects(ctxOf(deps, req), req.query.communityId),
    );

    // ---- service orders
    page('/api/services/orders', access.permission('services.read'), orderListQuery, orderSchema, listOrders);
    app.post(
      '/api/services/orders',
      {
        config: { access: access.anyOf('services.order', 'services.dispatch') },
        schema: { tags, body: orderBody, response: { 200: orderDetailSchema, 201: orderDetailSchema } },
      },
      async (req, reply) => {
        const ctx = actorCtx(req);
        const order = await createOrder(ctx, req.body);
        return reply.status(order.replayed ? 200 : 201).send(await getOrder(ctx, order.id));
      },
    );
    route('GET', '/api/services/orders/:id', access.session, { response: orderDetailSchema }, getOrder);
    app.post(
      '/api/services/orders/:id/actions',
      {
        config: { access: access.session },
        schema: { tags, params: idParams, body: orderActionBody, response: { 200: orderDetailSchema } },
      },
      async (req) => {
        const ctx = actorCtx(req);
        return orderDetail(ctx, await act(ctx, req.params.id, req.body));
      },
    );
    route(
      'GET',
      '/api/services/orders/:id/candidates',
      access.permission('services.dispatch'),
      { response: z.array(candidateSchema) },
      candidates,
    );
    app.post(
      '/api/services/sweep',
      {
        config: { access: access.permission('services.dispatch') },
        schema: { tags, response: { 200: z.object({ returned: z.number() }) } },
      },
      // Only the communities this person dispatches for; the scheduled job sweeps them all.
      (req) => sweepOwnServiceOrders(actorCtx(req)),
    );
    const communityParams = z.object({ communityId: z.string().max(64) });
    app.get(
      '/api/services/settings/:communityId',
      {
        config: { access: access.permission('services.read') },
        schema: { tags, params: communityParams, response: { 200: settingsSchema } },
      },
      (req) => getSettings(actorCtx(req), req.params.communityId),
    );
    app.put(
      '/api/services/settings/:communityId',
      {
        config: { access: access.permission('services.dispatch') },
        schema: { tags, params: communityParams, body: settingsBody, response: { 200: settingsSchema } },
      },
      (req) => putSettings(actorCtx(req), req.params.communityId, req.body),
    );

    // ---- residents' and volunteers' own views (phone pages)
    page('/api/services/my/orders', access.session, myOrdersQuery, orderSchema, myOrders);
    page('/api/services/my/tasks', access.permission('services.serve'), myTasksQuery, orderSchema, myTasks);
    app.get(
      '/api/services/my/summary',
      { config: { access: access.session }, schema: { tags, response: { 200: myServiceSummarySchema } } },
      (req) => myServiceSummary(actorCtx(req)),
    );
    app.get(
      '/api/services/my/record',
      {
        config: { access: access.session },
        schema: { tags, querystring: yearRecordQuery, response: { 200: yearRecordSchema } },
      },
      async (req) => {
        const ctx = actorCtx(req);
        return yearRecord(ctx, await myVolunteerId(ctx), req.query.year);
      },
    );

    // ---- yearly service record of a (reporting party member) volunteer, for their employer unit
    route(
      'GET',
      '/api/services/volunteers/:id/record',
      access.session,
      { query: yearRecordQuery, response: yearRecordSchema },
      (ctx, id, query) => yearRecord(ctx, id, query.year),
    );
    app.get(
      '/api/services/volunteers/:id/record.xlsx',
      {
        config: { access: access.session },
        schema: { tags, params: idParams, querystring: yearRecordQuery },
      },
      async (req, reply) => {
        const r = await yearRecord(actorCtx(req), req.params.id, req.query.year);
        const en = req.locale === 'en';
        return sendWorkbook(
          reply,
          await yearRecordXlsx(r, en),
          `${r.name}-${r.year}${en ? '-service-record' : '年度服务记录'}.xlsx`,
        );
      },
    );

    // ---- neighbour-station duty rota (R-SV-2)
    app.get(
      '/api/services/stations',
      {
        config: { access: access.permission('services.read') },
        schema: {
          tags,
          querystring: z.object({ communityId: z.string().uuid().optional() }),
          response: { 200: z.array(stationSchema) },
        },
      },
      (req) => listStations(actorCtx(req), req.query.communityId),
    );
    app.post(
      '/api/services/stations',
      {
        config: { access: access.permission('services.write') },
        schema: { tags, body: stationBody, response: { 201: stationSchema } },
      },
      async (req, reply) => reply.status(201).send(await createStation(actorCtx(req), req.body)),
    );
    // A station's name, address, state, host facility and functions (seed 000 二.2, S000-09).
    route(
      'PATCH',
      '/api/services/stations/:id',
      access.permission('services.write'),
      { body: stationPatch, response: stationSchema },
      updateStation,
    );
    app.get(
      '/api/services/duty',
      {
        config: { access: access.permission('services.read') },
        schema: { tags, querystring: dutyQuery, response: { 200: z.array(dutySlotSchema) } },
      },
      (req) => listSlots(actorCtx(req), req.query),
    );
    app.post(
      '/api/services/duty',
      {
        config: { access: access.permission('services.write') },
        schema: { tags, body: dutySlotBody, response: { 201: dutySlotSchema } },
      },
      async (req, reply) => reply.status(201).send(await createSlot(actorCtx(req), req.body)),
    );
    app.delete(
      '/api/services/duty/:id',
      { config: { access: access.permission('services.write') }, schema: { tags, params: idParams } },
      async (req, reply) => {
        await deleteSlot(actorCtx(req), req.params.id);
        return reply.status(204).send();
      },
    );
    route(
      'GET',
      '/api/services/duty/:id/logs',
      access.permission('services.read'),
      { response: z.array(dutyLogSchema) },
      listDutyLogs,
    );
    route(
      'POST',
      '/api/services/duty/:id/logs',
      access.permission('services.write'),
      { body: dutyLogBody, response: dutyLogSchema, status: 201 },
      addDutyLog,
    );
    // 两代表一委员 who may do liaison duty at the station (seed 003 三(三)1), from the deputies registry.
    route(
      'GET',
      '/api/services/stations/:id/deputies',
      access.permission('services.write'),
      { query: dutyDeputyQuery, response: z.array(dutyDeputySchema) },
      stationDeputies,
    );
    // The duty report per station, with the deputies' liaison slots and visitors, and its Excel export.
    app.get(
      '/api/services/duty/report',
      {
        config: { access: access.permission('services.read') },
        schema: { tags, querystring: dutyReportQuery, response: { 200: dutyReportSchema } },
      },
      (req) => dutyReport(actorCtx(req), req.query),
    );
    type DutyReportRow = Omit<DutyReportDto['stations'][number], 'stationId' | 'communityId'>;
    xlsx<typeof dutyReportQuery, DutyReportRow>(
      '/api/services/duty/report.xlsx',
      access.permission('services.read'),
      dutyReportQuery,
      {
        file: { en: 'station-duty.xlsx', zh: '驿站值班统计.xlsx' },
        sheet: { en: 'Station duty', zh: '驿站值班统计' },
        columns: (en) => [
          { header: en ? 'Community' : '社区', width: 18, value: (r) => r.communityName },
          { header: en ? 'Station' : '驿站', width: 22, value: (r) => r.stationName },
          { header: en ? 'Duty slots' : '值班班次', value: (r) => r.slots },
          { header: en ? 'Visitors' : '接待人次', value: (r) => r.visitors },
          { header: en ? 'Deputy slots' : '代表委员值班班次', width: 18, value: (r) => r.deputySlots },
          {
            header: en ? 'Visitors to deputies' : '代表委员接待人次',
            width: 18,
            value: (r) => r.deputyVisitors,
          },
          {
            header: en ? 'Matters heard by deputies' : '代表委员记录事项',
            width: 18,
            value: (r) => r.deputyLogs,
          },
        ],
      },
      async (ctx, q, locale) => {
        const r = await dutyReport(ctx, q);
        const total = { stationName: '', communityName: locale === 'en' ? 'Total' : '合计', ...r.total };
        return [...r.stations, total];
      },
    );

    // ---- the person on duty logs their own duty on the phone (R-SV-2)
    app.get(
      '/api/me/duty',
      { config: { access: access.session }, schema: { tags, response: { 200: myDutySchema } } },
      (req) => myDuty(actorCtx(req)),
    );
    route(
      'POST',
      '/api/me/duty/:id/logs',
      access.session,
      { body: myDutyLogBody, response: dutyLogSchema, status: 201 },
      addMyDutyLog,
    );
    /** multipart/form-data with one image: a photo on the person's own duty log, the same day. */
    app.post(
      '/api/me/duty/logs/:id/photo',
      {
        config: { access: access.session },
        schema: {
          tags,
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 200: dutyLogSchema },
        },
      },
      (req) =>
        attachMyDutyPhoto(actorCtx(req), createLocalStorage(deps.config.dataDir), req.params.id, () =>
          readPhoto(req),
        ),
    );
    app.get(
      '/api/services/duty/logs/:id/photo',
      { config: { access: access.session }, schema: { tags, params: idParams } },
      async (req, reply) => {
        const photo = await dutyLogPhoto(
          actorCtx(req),
          createLocalStorage(deps.config.dataDir),
          req.params.id,
        );
        return reply.type(photo.mime).header('cache-control', 'private, max-age=3600').send(photo.data);
      },
    );

    // ---- reports
    app.get(
      '/api/services/reports',
      {
        config: { access: access.permission('services.read') },
        schema: { tags, querystring: reportQuery, response: { 200: reportSchema } },
      },
      (req) => servicesReport(actorCtx(req), req.query),
    );
    app.get(
      '/api/services/reports/servers',
      {
        config: { access: access.permission('services.read') },
        schema: { tags, querystring: reportQuery, response: { 200: z.array(serverRowSchema) } },
      },
      (req) => serversReport(actorCtx(req), req.query),
    );
    app.get(
      '/api/services/reports.xlsx',
      { config: { access: access.permission('services.read') }, schema: { tags, querystring: reportQuery } },
      async (req, reply) => {
        const r = await servicesReport(actorCtx(req), req.query);
        const en = req.locale === 'en';
        type Row = {
          name: string;
          orders: number;
          confirmed: number;
          hours: number;
          rating: number | string;
        };
        const rows: Row[] = [
          ...r.byCommunity.map((c) => ({
            name: c.communityName ?? c.communityId,
            orders: c.orders,
            confirmed: c.confirmed,
            hours: Math.round((c.minutes / 60) * 10) / 10,
            rating: c.averageRating ?? '',
          })),
          {
            name: en ? 'Total' : '合计',
            orders: r.total,
            confirmed: r.byCommunity.reduce((s, c) => s + c.confirmed, 0),
            hours: Math.round((r.servedMinutes / 60) * 10) / 10,
            rating: r.averageRating ?? '',
          },
        ];
        const buf = await toXlsx<Row>(
          en ? 'Service orders' : '服务订单统计',
          [
            { header: en ? 'Community' : '社区', width: 22, value: (x) => x.name },
            { header: en ? 'Orders' : '订单数', value: (x) => x.orders },
            { header: en ? 'Confirmed' : '已确认', value: (x) => x.confirmed },
            { header: en ? 'Hours served' : '服务时长(小时)', value: (x) => x.hours },
            { header: en ? 'Average rating' : '平均评分', value: (x) => x.rating },
          ],
          rows,
        );
        return sendWorkbook(reply, buf, en ? 'service-orders.xlsx' : '服务订单统计.xlsx');
      },
    );
  },
});
