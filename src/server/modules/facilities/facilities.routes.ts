import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  type FacilityDto,
  type OperationMode,
  coverageQuery,
  coverageSchema,
  facilityBody,
  facilityKindSchema,
  facilityListQuery,
  facilityPatch,
  facilitySchema,
  kindBody,
} from '../../../shared/contracts/facilities';
import { FACILITIES_AUDIT } from '../../../shared/i18n/audit.facilities';
import { FACILITIES_ERRORS } from '../../../shared/i18n/errors.facilities';
import { facilitiesAccess } from '../../../shared/permissions/facilities';
import { access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import { type AppDeps, actorCtxOf } from '../../platform/context';
import { sendXlsx } from '../../platform/excel';
import { defineModule } from '../../platform/module';
import { facilitiesEvidence } from './facilities.evidence.repository';
import * as tables from './facilities.table';
import {
  coverage,
  createFacility,
  exportFacilities,
  getFacility,
  listFacilities,
  listKinds,
  saveKind,
  updateFacility,
} from './facilities.usecases';

const STATUS_ZH = { planned: '规划中', building: '建设中', in_use: '在用', closed: '停用' } as const;

/** Seed 003 五.2's operating modes (S003-61), as the web app's fc.mode.* labels. */
const MODE_LABELS: Record<OperationMode, { zh: string; en: string }> = {
  government_purchase: { zh: '政府采购', en: 'Government purchase' },
  paid_use: { zh: '新增设施有偿使用', en: 'Paid use of new facilities' },
  asset_rights: { zh: '落实资产权益', en: 'Asset rights' },
  ppp: { zh: '政府和社会资本合作（PPP）', en: 'Public-private partnership (PPP)' },
  other: { zh: '其他方式', en: 'Other' },
};

function sendFacilitiesXlsx(reply: FastifyReply, rows: FacilityDto[], en: boolean) {
  return sendXlsx<FacilityDto>(
    reply,
    en ? 'facilities.xlsx' : '社区设施.xlsx',
    en ? 'Facilities' : '社区设施',
    [
      { header: en ? 'Community' : '社区（村）', width: 14, value: (r) => r.communityName },
      { header: en ? 'Unit' : '所属单元', width: 14, value: (r) => r.unitName },
      { header: en ? 'Kind' : '类型', width: 20, value: (r) => (en ? r.kindNameEn : r.kindNameZh) },
      { header: en ? 'Name' : '名称', width: 26, value: (r) => r.name },
      { header: en ? 'Address' : '地址', width: 26, value: (r) => r.address },
      { header: en ? 'Longitude' : '经度', value: (r) => r.lng },
      { header: en ? 'Latitude' : '纬度', value: (r) => r.lat },
      { header: en ? 'Area (m²)' : '面积（㎡）', value: (r) => r.areaM2 },
      { header: en ? 'Hours' : '开放时间', width: 18, value: (r) => r.hours },
      { header: en ? 'Operator' : '运营方', width: 18, value: (r) => r.operator },
      { header: en ? 'Staff' : '工作人员', value: (r) => r.staffCount },
      { header: en ? 'Status' : '状态', value: (r) => (en ? r.status : STATUS_ZH[r.status]) },
      {
        header: en ? 'Operating mode' : '运营模式',
        width: 22,
        value: (r) => (r.operationMode ? MODE_LABELS[r.operationMode][en ? 'en' : 'zh'] : null),
      },
      { header: en ? 'Contract from' : '合同起始日期', width: 12, value: (r) => r.contractStartOn },
      { header: en ? 'Contract to' : '合同终止日期', width: 12, value: (r) => r.contractEndOn },
      {
        header: en ? 'Yearly fee (yuan)' : '年费（元）',
        width: 14,
        value: (r) => (r.yearlyFeeFen === null ? null : r.yearlyFeeFen / 100),
      },
    ],
    rows,
  );
}

/**
 * Facilities (issue 16 §1): the registry with kinds as data and the coverage rules computed from
 * coordinates (R-ORG-5, R-ORG-6, the 15-minute life circle).
 */
export const facilitiesModule = defineModule({
  name: 'facilities',
  evidence: facilitiesEvidence,
  tables,
  scopedTables: { scoped: [tables.fcFacilities] },
  access: facilitiesAccess,
  errors: FACILITIES_ERRORS,
  audit: FACILITIES_AUDIT,
  routes(base: FastifyInstance, deps: AppDeps) {
    const { app, tags, route, page } = routeKit(base, deps, 'facilities');

    app.get(
      '/api/facilities/kinds',
      {
        config: { access: access.permission('facilities.read') },
        schema: { tags, response: { 200: z.object({ items: z.array(facilityKindSchema) }) } },
      },
      async (req) => ({ items: await listKinds(actorCtxOf(deps, req)) }),
    );
    app.post(
      '/api/facilities/kinds',
      {
        config: { access: access.permission('facilities.configure') },
        schema: { tags, body: kindBody, response: { 200: facilityKindSchema } },
      },
      (req) => saveKind(actorCtxOf(deps, req), req.body, true),
    );
    app.put(
      '/api/facilities/kinds',
      {
        config: { access: access.permission('facilities.configure') },
        schema: { tags, body: kindBody, response: { 200: facilityKindSchema } },
      },
      (req) => saveKind(actorCtxOf(deps, req), req.body, false),
    );
    app.get(
      '/api/facilities/coverage',
      {
        config: { access: access.permission('facilities.read') },
        schema: { tags, querystring: coverageQuery, response: { 200: coverageSchema } },
      },
      (req) => coverage(actorCtxOf(deps, req), req.query),
    );
    page(
      '/api/facilities',
      access.permission('facilities.read'),
      facilityListQuery,
      facilitySchema,
      listFacilities,
    );
    app.get(
      '/api/facilities/export.xlsx',
      {
        config: { access: access.permission('facilities.read') },
        schema: { tags, querystring: facilityListQuery.omit({ page: true, pageSize: true }) },
      },
      async (req, reply) => {
        const rows = await exportFacilities(actorCtxOf(deps, req), req.query);
        return sendFacilitiesXlsx(reply, rows, req.locale === 'en');
      },
    );
    app.post(
      '/api/facilities',
      {
        config: { access: access.permission('facilities.manage') },
        schema: { tags, body: facilityBody, response: { 200: facilitySchema } },
      },
      (req) => createFacility(actorCtxOf(deps, req), req.body),
    );
    route(
      'GET',
      '/api/facilities/:id',
      access.permission('facilities.read'),
      { response: facilitySchema },
      getFacility,
    );
    route(
      'PATCH',
      '/api/facilities/:id',
      access.permission('facilities.manage'),
      { body: facilityPatch, response: facilitySchema },
      updateFacility,
    );
  },
});
