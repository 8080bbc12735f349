import type { FastifyInstance } from 'fastify';
import {
  staffingReportSchema,
  urbanVillageProfileSchema,
  urbanVillageReportSchema,
} from '../../../shared/contracts/reports';
import { actorCtxOf } from '../../platform/context';
import { routeKit } from '../../platform/routeKit';
import { sendWorkbook } from '../../platform/downloads';
import { access } from '../../platform/access';
import { toXlsx } from '../../platform/excel';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { urbanVillageProfileWorkbook } from './reports.profileSheet';
import {
  MIGRANT_WELFARE_ORGS_TARGET,
  SUB_STATION_DISTANCE_M,
  WORKERS_PER_10K_FLOOR,
  WORKERS_PER_1K_CEILING,
  staffingReport,
  urbanVillageProfile,
  urbanVillageReport,
} from './reports.usecases';
import { reportsAccess } from '../../../shared/permissions/reports';

export const reportsModule = defineModule({
  name: 'reports',
  access: reportsAccess,
  routes(base: FastifyInstance, deps) {
    const { app, tags } = routeKit(base, deps, 'reports');
    app.get(
      '/api/reports/staffing',
      {
        config: { access: access.permission('reports.read') },
        schema: {
          tags,
          response: { 200: staffingReportSchema },
        },
      },
      async (req) => ({
        floorPer10k: WORKERS_PER_10K_FLOOR,
        ceilingPer1k: WORKERS_PER_1K_CEILING,
        rows: await staffingReport(actorCtxOf(deps, req)),
      }),
    );
    app.get(
      '/api/reports/urban-villages',
      {
        config: { access: access.permission('reports.read') },
        schema: {
          tags,
          response: {
            200: urbanVillageReportSchema,
          },
        },
      },
      async (req) => ({
        subStationDistanceM: SUB_STATION_DISTANCE_M,
        migrantWelfareOrgsTarget: MIGRANT_WELFARE_ORGS_TARGET,
        rows: await urbanVillageReport(actorCtxOf(deps, req)),
      }),
    );
    // 城中村治理档案 (seed 002 四(四), S002-39): one urban village's governance file, and the same as .xlsx.
    app.get(
      '/api/reports/urban-villages/:id/profile',
      {
        config: { access: access.permission('reports.read') },
        schema: { tags, params: idParams, response: { 200: urbanVillageProfileSchema } },
      },
      async (req) => urbanVillageProfile(actorCtxOf(deps, req), req.params.id),
    );
    // Not audited, like the staffing export beside it: counts and names of facilities and organisations, no
    // personal data (exports of personal records — residents, work orders — are the audited ones).
    app.get(
      '/api/reports/urban-villages/:id/profile.xlsx',
      { config: { access: access.permission('reports.read') }, schema: { tags, params: idParams } },
      async (req, reply) => {
        const profile = await urbanVillageProfile(actorCtxOf(deps, req), req.params.id);
        const locale = req.locale === 'en' ? 'en' : 'zh-CN';
        const buf = await urbanVillageProfileWorkbook(profile, locale);
        return sendWorkbook(
          reply,
          buf,
          locale === 'en' ? 'urban-village-file.xlsx' : `${profile.communityName}城中村治理档案.xlsx`,
        );
      },
    );
    app.get(
      '/api/reports/staffing.xlsx',
      { config: { access: access.permission('reports.read') }, schema: { tags } },
      async (req, reply) => {
        const rows = await staffingReport(actorCtxOf(deps, req));
        const en = req.locale === 'en';
        const buf = await toXlsx(
          en ? 'Staffing' : '社区工作者配备',
          [
            { header: en ? 'Subdistrict' : '街道', value: (r) => r.subdistrictName },
            { header: en ? 'Community' : '社区', value: (r) => r.communityName },
            { header: en ? 'Permanent residents' : '常住人口', value: (r) => r.permanentResidents },
            {
              header: en ? 'Community workers (grid workers incl.)' : '社区工作者（含网格员）',
              value: (r) => r.communityWorkers,
            },
            { header: en ? 'of whom grid workers' : '其中网格员', value: (r) => r.gridWorkers },
            {
              header: en ? 'of whom social workers (qualified)' : '其中社会工作师',
              value: (r) => r.socialWorkerQualified,
            },
            {
              header: en ? 'of whom assistant social workers (qualified)' : '其中助理社会工作师',
              value: (r) => r.assistantSocialWorkerQualified,
            },
            { header: en ? 'Per 10,000' : '每万人配备', value: (r) => r.workersPer10k },
            { header: en ? 'Required (18/10k)' : '应配(每万人18名)', value: (r) => r.required },
            { header: en ? 'Shortfall' : '缺口', value: (r) => r.shortfall },
            { header: en ? 'Ceiling (3/1,000)' : '上限(每千人3名)', value: (r) => r.maxAllowed },
            { header: en ? 'Over ceiling' : '超出上限', value: (r) => r.excess },
            { header: en ? 'Grids without worker' : '无网格员网格', value: (r) => r.gridsWithoutWorker },
            {
              header: en ? 'Open positions (grids)' : '待补网格员岗位',
              width: 30,
              value: (r) => r.openGrids.join(en ? ', ' : '、'),
            },
          ],
          rows,
        );
        return sendWorkbook(reply, buf, en ? 'staffing.xlsx' : '社区工作者配备.xlsx');
      },
    );
  },
});
