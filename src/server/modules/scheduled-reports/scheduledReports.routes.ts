import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  actionBody,
  boardSchema,
  cycleQuery,
  cycleSchema,
  figureSchema,
  rollupQuery,
  rollupSchema,
  saveBody,
  submissionDetailSchema,
  submissionQuery,
  submissionSchema,
  templateBody,
  templatePatch,
  templateQuery,
  templateSchema,
} from '../../../shared/contracts/scheduledReports';
import { chinaMinute } from '../../../shared/chinaTime';
import { SCHEDULED_REPORTS_AUDIT } from '../../../shared/i18n/audit.scheduled-reports';
import { SCHEDULED_REPORTS_ERRORS } from '../../../shared/i18n/errors.scheduled-reports';
import { scheduledReportsAccess } from '../../../shared/permissions/scheduled-reports';
import { access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import type { AppDeps } from '../../platform/context';
import { sendXlsx } from '../../platform/excel';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { pageOf } from '../../platform/pagination';
import { recordRoutes } from '../../platform/recordRoutes';
import * as tables from './scheduledReports.table';
import {
  actOnSubmission,
  board,
  createTemplate,
  exportCycle,
  getCycle,
  getSubmission,
  getTemplate,
  listCycles,
  listFigures,
  listSubmissions,
  listTemplates,
  rollup,
  saveSubmission,
  tickScheduledReports,
  updateTemplate,
} from './scheduledReports.usecases';

const STATE_LABEL = {
  'zh-CN': {
    draft: '未报送',
    submitted: '已报送',
    returned: '已退回',
    resubmitted: '已重新报送',
    accepted: '已通过',
  },
  en: {
    draft: 'Not submitted',
    submitted: 'Submitted',
    returned: 'Returned',
    resubmitted: 'Resubmitted',
    accepted: 'Accepted',
  },
} as const;

/**
 * Scheduled reports (信息报告, R-RP-1; seeds 000 and 002): templates, cycles opened each period by the
 * `scheduled-reports.cycles` job with reminders before and overdue flags after, submissions reviewed by the
 * receiving unit, rollup up the tree, xlsx export.
 */
export const scheduledReportsModule = defineModule({
  name: 'scheduled-reports',
  tables,
  scopedTables: {
    scoped: [tables.srTemplates, tables.srSubmissions],
    pathOnly: [tables.srCycles, tables.srEvents],
  },
  access: scheduledReportsAccess,
  errors: SCHEDULED_REPORTS_ERRORS,
  audit: SCHEDULED_REPORTS_AUDIT,
  jobs: [
    {
      // Every ten minutes: a period's cycle opens within ten minutes of its first China day.
      name: 'scheduled-reports.cycles',
      cron: '*/10 * * * *',
      run: (deps) => tickScheduledReports(deps),
    },
  ],
  routes(base: FastifyInstance, deps: AppDeps) {
    const { app, tags, ctxOf, route, page, recordFields } = routeKit(base, deps, 'scheduled-reports');
    const read = { access: access.permission('scheduled_reports.read') };
    const manage = { access: access.permission('scheduled_reports.manage') };

    app.get(
      '/api/scheduled-reports/figures',
      { config: read, schema: { tags, response: { 200: z.array(figureSchema) } } },
      async (req) => listFigures(ctxOf(req), req.locale === 'en' ? 'en' : 'zh-CN'),
    );

    // ---- templates
    recordRoutes(app, {
      path: '/api/scheduled-reports/templates',
      ...recordFields(read.access, manage.access),
      schema: templateSchema,
      listQuery: templateQuery,
      body: templateBody,
      list: listTemplates,
      create: createTemplate,
      detail: { schema: templateSchema, get: getTemplate },
      update: { body: templatePatch, run: updateTemplate },
    });
    route(
      'GET',
      '/api/scheduled-reports/templates/:id/board',
      read.access,
      {
        query: z.strictObject({ cycles: z.coerce.number().int().min(1).max(24).default(6) }),
        response: boardSchema,
      },
      (ctx, id, query) => board(ctx, id, query.cycles),
    );

    // ---- cycles
    page('/api/scheduled-reports/cycles', read.access, cycleQuery, cycleSchema, listCycles);
    route('GET', '/api/scheduled-reports/cycles/:id', read.access, { response: cycleSchema }, getCycle);
    route(
      'GET',
      '/api/scheduled-reports/cycles/:id/rollup',
      read.access,
      { query: rollupQuery, response: rollupSchema },
      (ctx, id, query) => rollup(ctx, id, query.unitId),
    );
    app.get(
      '/api/scheduled-reports/cycles/:id/export.xlsx',
      {
        config: { access: access.permission('scheduled_reports.export') },
        schema: { tags, params: idParams },
      },
      async (req, reply) => {
        const { template, label, rows } = await exportCycle(ctxOf(req), req.params.id);
        const en = req.locale === 'en';
        const states = STATE_LABEL[en ? 'en' : 'zh-CN'];
        const yes = en ? 'yes' : '是';
        return sendXlsx(
          reply,
          `${template.title}（${label}）.xlsx`,
          en ? 'Reports' : '信息报告',
          [
            { header: en ? 'Unit' : '报送单位', value: (r) => r.unit, width: 20 },
            { header: en ? 'State' : '状态', value: (r) => states[r.state], width: 12 },
            { header: en ? 'Late' : '迟报', value: (r) => (r.late ? yes : ''), width: 8 },
            { header: en ? 'Overdue' : '逾期未报', value: (r) => (r.overdue ? yes : ''), width: 10 },
            { header: en ? 'Submitted at' : '报送时间', value: (r) => chinaMinute(r.submittedAt), width: 18 },
            ...template.fields.map((f) => ({
              header:
                f.type === 'amount'
                  ? `${f.label}（${en ? 'yuan' : '元'}）`
                  : f.type === 'percent'
                    ? `${f.label}（%）`
                    : f.label,
              value: (r: (typeof rows)[number]) => {
                const v = r.values[f.key];
                if (v === null || v === undefined) return '';
                return f.type === 'amount' && typeof v === 'number' ? v / 100 : v;
              },
              width: f.type === 'text' ? 40 : 14,
            })),
            { header: en ? 'Return reason' : '退回理由', value: (r) => r.returnReason ?? '', width: 30 },
          ],
          rows,
        );
      },
    );

    // ---- submissions
    page(
      '/api/scheduled-reports/submissions',
      read.access,
      submissionQuery,
      submissionSchema,
      listSubmissions,
    );
    app.get(
      '/api/scheduled-reports/overdue',
      {
        config: read,
        schema: {
          tags,
          querystring: submissionQuery.omit({ overdue: true, state: true }),
          response: { 200: pageOf(submissionSchema) },
        },
      },
      (req) => listSubmissions(ctxOf(req), { ...req.query, overdue: 'true' }),
    );
    route(
      'GET',
      '/api/scheduled-reports/submissions/:id',
      read.access,
      { response: submissionDetailSchema },
      getSubmission,
    );
    route(
      'PATCH',
      '/api/scheduled-reports/submissions/:id',
      access.permission('scheduled_reports.submit'),
      { body: saveBody, response: submissionDetailSchema },
      saveSubmission,
    );
    route(
      'POST',
      '/api/scheduled-reports/submissions/:id/actions',
      access.anyOf('scheduled_reports.submit', 'scheduled_reports.review'),
      { body: actionBody, response: submissionDetailSchema },
      actOnSubmission,
    );
  },
});
