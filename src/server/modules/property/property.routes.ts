import type { FastifyInstance } from 'fastify';
import {
  type CoverageRowDto,
  appraisalBody,
  appraisalQuery,
  appraisalSchema,
  compoundBody,
  compoundQuery,
  compoundSchema,
  coverageQuery,
  coverageSchema,
  honourBody,
  honourQuery,
  honourSchema,
  issueBody,
  issueSchema,
  meetingBody,
  meetingQuery,
  meetingSchema,
  myCompoundSchema,
  noticeBody,
  noticeQuery,
  noticeSchema,
  resolveBody,
  targetsQuery,
  targetsSchema,
} from '../../../shared/contracts/property';
import { PROPERTY_AUDIT } from '../../../shared/i18n/audit.property';
import { PROPERTY_ERRORS } from '../../../shared/i18n/errors.property';
import { propertyAccess } from '../../../shared/permissions/property';
import { access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import type { SheetColumn } from '../../platform/excel';
import { defineModule } from '../../platform/module';
import { recordRoutes } from '../../platform/recordRoutes';
import * as tables from './property.table';
import {
  addIssue,
  coverage,
  createAppraisal,
  createHonour,
  createMeeting,
  createNotice,
  getCompound,
  getMeeting,
  honourTargets,
  listAppraisals,
  listCompounds,
  listHonours,
  listMeetings,
  listNotices,
  myCompound,
  resolveIssue,
  saveCompound,
} from './property.usecases';

/** The columns of the coverage workbook (staff want it in Excel), one row per community. */
function coverageColumns(en: boolean): SheetColumn<CoverageRowDto>[] {
  const pct = (r: CoverageRowDto) => `${Math.round(r.share * 1000) / 10}%`;
  return [
    { header: en ? 'Community' : '社区（村）', width: 18, value: (r) => r.communityName },
    { header: en ? 'Compounds' : '小区数', value: (r) => r.compounds },
    { header: en ? 'Property company' : '物业服务企业管理', value: (r) => r.withCompany },
    { header: en ? 'Self-managed' : '自管委（物管委）自管', value: (r) => r.selfManaged },
    { header: en ? 'Not covered' : '无物业服务', value: (r) => r.uncovered },
    { header: en ? 'Coverage' : '覆盖率', value: pct },
    { header: en ? 'Owners’ committees' : '已成立业委会', value: (r) => r.withOwnersCommittee },
    {
      header: en ? 'Full coverage' : '是否全覆盖',
      value: (r) => (r.flags.includes('not_full') ? (en ? 'No' : '否') : en ? 'Yes' : '是'),
    },
    {
      header: en ? 'Compounds not covered' : '未覆盖小区',
      width: 40,
      value: (r) => r.gaps.map((g) => g.name).join(en ? ', ' : '、'),
    },
  ];
}

/** 物业管理与三方联动 (issue 16 §3, seeds 003 and 004). */
export const propertyModule = defineModule({
  name: 'property',
  tables,
  scopedTables: {
    scoped: [tables.pmCompounds, tables.pmMeetings, tables.pmNotices, tables.pmAppraisals, tables.pmHonours],
    pathOnly: [tables.pmIssues],
  },
  access: propertyAccess,
  errors: PROPERTY_ERRORS,
  audit: PROPERTY_AUDIT,
  routes(base: FastifyInstance, deps) {
    const { app, tags, ctxOf, route, page, xlsx, recordFields } = routeKit(base, deps, 'property');
    const read = { access: access.permission('property.read') };
    const manage = { access: access.permission('property.manage') };
    const records = recordFields(read.access, manage.access);

    page('/api/property/compounds', read.access, compoundQuery, compoundSchema, listCompounds);
    route('GET', '/api/property/compounds/:id', read.access, { response: compoundSchema }, getCompound);
    route(
      'PUT',
      '/api/property/compounds/:id',
      manage.access,
      { body: compoundBody, response: compoundSchema },
      saveCompound,
    );
    app.get(
      '/api/property/coverage',
      { config: read, schema: { tags, querystring: coverageQuery, response: { 200: coverageSchema } } },
      (req) => coverage(ctxOf(req), req.query),
    );
    xlsx(
      '/api/property/coverage.xlsx',
      read.access,
      coverageQuery,
      {
        file: { en: 'property-coverage.xlsx', zh: '物业服务覆盖.xlsx' },
        sheet: { en: 'Property coverage', zh: '物业服务覆盖' },
        columns: coverageColumns,
      },
      async (ctx, q) => (await coverage(ctx, q)).rows,
    );
    recordRoutes(base, {
      path: '/api/property/meetings',
      ...records,
      schema: meetingSchema,
      listQuery: meetingQuery,
      body: meetingBody,
      list: listMeetings,
      create: createMeeting,
      detail: { schema: meetingSchema, get: getMeeting },
    });
    route(
      'POST',
      '/api/property/meetings/:id/issues',
      manage.access,
      { body: issueBody, response: meetingSchema },
      addIssue,
    );
    route(
      'POST',
      '/api/property/issues/:id/resolve',
      manage.access,
      { body: resolveBody, response: issueSchema },
      resolveIssue,
    );
    recordRoutes(base, {
      path: '/api/property/notices',
      ...records,
      schema: noticeSchema,
      listQuery: noticeQuery,
      body: noticeBody,
      list: listNotices,
      create: createNotice,
    });
    recordRoutes(base, {
      path: '/api/property/appraisals',
      ...records,
      schema: appraisalSchema,
      listQuery: appraisalQuery,
      body: appraisalBody,
      list: listAppraisals,
      create: createAppraisal,
    });
    recordRoutes(base, {
      path: '/api/property/honours',
      ...records,
      schema: honourSchema,
      listQuery: honourQuery,
      body: honourBody,
      list: listHonours,
      create: createHonour,
    });
    app.get(
      '/api/property/honours/targets',
      { config: read, schema: { tags, querystring: targetsQuery, response: { 200: targetsSchema } } },
      (req) => honourTargets(ctxOf(req), req.query),
    );
    app.get(
      '/api/property/mine',
      {
        config: { access: access.permission('property.board') },
        schema: { tags, response: { 200: myCompoundSchema } },
      },
      (req) => myCompound(ctxOf(req)),
    );
  },
});
