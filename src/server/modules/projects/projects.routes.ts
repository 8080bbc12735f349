import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  applicationActionBody,
  applicationDetailSchema,
  applicationListQuery,
  applicationSchema,
  callListQuery,
  callSchema,
  createApplicationBody,
  createCallBody,
  fileReportBody,
  reportListQuery,
  reportSchema,
  scoreBody,
  updateApplicationBody,
  updateCallBody,
} from '../../../shared/contracts/projects';
import { PROJECTS_AUDIT } from '../../../shared/i18n/audit.projects';
import { PROJECTS_ERRORS } from '../../../shared/i18n/errors.projects';
import { projectsAccess } from '../../../shared/permissions/projects';
import { access } from '../../platform/access';
import { pageRoutes } from '../../platform/pageRoute';
import { notFound } from '../../platform/errors';
import { actorCtxOf } from '../../platform/context';
import { toXlsx } from '../../platform/excel';
import { PROJECT_TAGS, idRoutes, sendDownload } from './projects.http';
import { idParams, idParamsWith } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { archiveRoutes } from './projects.archive.routes';
import { evaluationRoutes } from './projects.evaluation.routes';
import { moneyRoutes } from './projects.money.routes';
import { milestoneRoutes } from './projects.milestones.routes';
import { boardRoutes } from './projects.board.routes';
import { doorstepRoutes } from './projects.doorstep.routes';
import { assignRoutes } from './projects.assign.routes';
import { changeRoutes } from './projects.changes.routes';
import { consultationRoutes } from './projects.consultation.routes';
import { doorstepRatingRoutes } from './projects.doorstep.ratings.routes';
import { projectsEvidence } from './projects.evidence.repository';
import { applicationFormPdf, documentTemplatePdf, STATE_ZH } from './projects.pdf';
import { recordRoutes } from '../../platform/recordRoutes';
import * as projectsTables from './projects.table';
import {
  actOnApplication,
  createApplication,
  createCall,
  exportApplications,
  fileReport,
  listReports,
  getApplication,
  getCall,
  listApplications,
  listCalls,
  openCall,
  publishCall,
  scoreApplication,
  updateApplication,
  updateCall,
} from './projects.usecases';
import { applicationWorkflow, reportWorkflow } from './projects.workflow';

const STATE_EN: Record<string, string> = {
  draft: 'Draft',
  pending_review: 'Awaiting review',
  returned: 'Returned',
  approved: 'Approved',
  submitted: 'Submitted',
  selected: 'Selected',
  not_selected: 'Not selected',
};

/** 共建共享社区治理项目 (seed 000): calls, applications, review and seal, scoring, selection. */
export const projectsModule = defineModule({
  name: 'projects',
  evidence: projectsEvidence,
  tables: projectsTables,
  scopedTables: {
    scoped: [projectsTables.pjCalls, projectsTables.pjApplications, projectsTables.pjDoorstepProjects],
    pathOnly: [
      projectsTables.pjScores,
      projectsTables.pjReports,
      projectsTables.pjArchiveItems,
      projectsTables.pjDisbursements,
      projectsTables.pjSpends,
      projectsTables.pjFundDisclosures,
      projectsTables.pjMilestones,
      projectsTables.pjEvaluations,
      projectsTables.pjExemptions,
      projectsTables.pjDoorstepRecords,
      projectsTables.pjDoorstepFiles,
      projectsTables.pjAssignments,
      projectsTables.pjChanges,
      projectsTables.pjConsultationLinks,
      projectsTables.pjDoorstepRatings,
    ],
  },
  access: projectsAccess,
  errors: PROJECTS_ERRORS,
  audit: PROJECTS_AUDIT,
  workflows: [applicationWorkflow, reportWorkflow],
  routes(base: FastifyInstance, deps) {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const route = idRoutes(base, deps);
    const tags = PROJECT_TAGS;
    const page = pageRoutes(app, (req) => actorCtxOf(deps, req), tags);
    const read = { access: access.permission('projects.read') };
    const manage = { access: access.permission('projects.manage') };
    const apply = access.permission('projects.apply');
    archiveRoutes(base, deps);
    milestoneRoutes(base, deps);
    boardRoutes(base, deps);

    const records = { tags, read: read.access, ctx: (req: FastifyRequest) => actorCtxOf(deps, req) };
    recordRoutes(base, {
      path: '/api/projects/calls',
      ...records,
      write: manage.access,
      schema: callSchema,
      listQuery: callListQuery,
      body: createCallBody,
      list: listCalls,
      create: createCall,
      detail: { schema: callSchema, get: getCall },
      update: { body: updateCallBody, run: updateCall },
    });
    const call = { response: callSchema };
    route('POST', '/api/projects/calls/:id/open', manage.access, call, openCall);
    route('POST', '/api/projects/calls/:id/publish', manage.access, call, publishCall);
    app.get(
      '/api/projects/calls/:id/templates/:code',
      { config: read, schema: { tags, params: idParamsWith('code') } },
      async (req, reply) => {
        const call = await getCall(actorCtxOf(deps, req), req.params.id);
        const document = call.documents.find((d) => d.key === req.params.code);
        if (!document) throw notFound();
        const pdf = await documentTemplatePdf(call, document);
        return sendDownload(reply, 'pdf', `${document.name}（模板）.pdf`, pdf);
      },
    );
    app.get(
      '/api/projects/calls/:id/applications.xlsx',
      { config: { access: access.permission('projects.export') }, schema: { tags, params: idParams } },
      async (req, reply) => {
        const { call, rows, chinaDate } = await exportApplications(actorCtxOf(deps, req), req.params.id);
        const en = req.locale === 'en';
        const states = en ? STATE_EN : STATE_ZH;
        const yuan = (fen: number) => (fen / 100).toFixed(2);
        const buf = await toXlsx(
          en ? 'Applications' : '申报项目',
          [
            { header: en ? 'Number' : '申报编号', value: (r) => r.number, width: 14 },
            { header: en ? 'Subdistrict/town' : '街道（镇）', value: (r) => r.subdistrictName },
            { header: en ? 'Community/village' : '社区（村）', value: (r) => r.orgUnitName },
            { header: en ? 'Type' : '项目类型', value: (r) => r.typeName, width: 12 },
            { header: en ? 'Project' : '项目名称', value: (r) => r.title, width: 32 },
            { header: en ? 'Budget (yuan)' : '预算（元）', value: (r) => yuan(r.budgetTotalFen), width: 12 },
            { header: en ? 'State' : '状态', value: (r) => states[r.state], width: 12 },
            { header: en ? 'Sealed' : '已盖章', value: (r) => (r.sealed ? (en ? 'yes' : '是') : '') },
            {
              header: en ? 'Submitted on' : '报送日期',
              value: (r) => (r.submittedAt ? chinaDate(r.submittedAt) : ''),
            },
            { header: en ? 'Average score' : '平均得分', value: (r) => r.averageScore ?? '', width: 10 },
            { header: en ? 'Reviewers' : '评分人数', value: (r) => r.scoreCount ?? '', width: 10 },
            {
              header: en ? 'Level' : '试点级别',
              value: (r) =>
                r.level === 'prefecture'
                  ? en
                    ? 'Recommended to prefecture'
                    : '推荐泉州市级'
                  : r.level === 'city'
                    ? en
                      ? 'City level'
                      : '本级试点'
                    : '',
              width: 14,
            },
            {
              header: en ? 'City subsidy (yuan)' : '市级补助（元）',
              value: (r) => (r.subsidyFen === null ? '' : yuan(r.subsidyFen)),
              width: 14,
            },
          ],
          rows,
        );
        const name = en ? `applications-${call.year}.xlsx` : `${call.year}年项目申报汇总.xlsx`;
        return sendDownload(reply, 'xlsx', name, buf);
      },
    );

    recordRoutes(base, {
      path: '/api/projects/applications',
      ...records,
      write: apply,
      schema: applicationSchema,
      listQuery: applicationListQuery,
      body: createApplicationBody,
      list: listApplications,
      create: createApplication,
      created: applicationDetailSchema,
      detail: { schema: applicationDetailSchema, get: getApplication },
    });
    app.get(
      '/api/projects/applications/:id/form.pdf',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const a = await getApplication(actorCtxOf(deps, req), req.params.id);
        const pdf = await applicationFormPdf(a, a.callTitle);
        return sendDownload(reply, 'pdf', `${a.orgUnitName ?? ''}项目申报表.pdf`, pdf);
      },
    );
    const application = '/api/projects/applications/:id';
    const detail = { response: applicationDetailSchema };
    route('PATCH', application, apply, { ...detail, body: updateApplicationBody }, updateApplication);
    route(
      'POST',
      `${application}/actions`,
      access.anyOf('projects.apply', 'projects.review', 'projects.manage'),
      { ...detail, body: applicationActionBody },
      actOnApplication,
    );
    route(
      'POST',
      `${application}/scores`,
      access.permission('projects.score'),
      { ...detail, body: scoreBody },
      scoreApplication,
    );

    page('/api/projects/reports', read.access, reportListQuery, reportSchema, listReports);
    route(
      'POST',
      '/api/projects/reports/:id/file',
      access.permission('projects.review'),
      { body: fileReportBody, response: reportSchema },
      fileReport,
    );
    moneyRoutes(base, deps);
    evaluationRoutes(base, deps);
    doorstepRoutes(base, deps);
    assignRoutes(base, deps);
    changeRoutes(base, deps);
    consultationRoutes(base, deps);
    doorstepRatingRoutes(base, deps);
  },
});
