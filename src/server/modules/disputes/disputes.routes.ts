import { chinaMinute } from '../../../shared/chinaTime';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { z } from 'zod';
import {
  type DisputeDto,
  actionBody,
  bodyBody,
  bodyPatch,
  bodySchema,
  contactBody,
  contactSchema,
  type IncidentDto,
  incidentBody,
  incidentPatch,
  incidentQuery,
  incidentSchema,
  incidentStandingQuery,
  incidentStandingSchema,
  meetingBody,
  meetingSchema,
  meetingsSchema,
  riskActionBody,
  riskBody,
  riskQuery,
  riskSchema,
  risksSchema,
  statsQuery,
  statsSchema,
  disputeDetailSchema,
  disputeSchema,
  intakeBody,
  limitsBody,
  limitsSchema,
  listImportBody,
  listQuery,
  listsSchema,
  revealSchema,
} from '../../../shared/contracts/disputes';
import { DISPUTES_AUDIT } from '../../../shared/i18n/audit.disputes';
import { DISPUTES_ERRORS } from '../../../shared/i18n/errors.disputes';
import { disputesAccess } from '../../../shared/permissions/disputes';
import type { Permission } from '../../../shared/permissions';
import { type Access, access } from '../../platform/access';
import { idParams, idParamsWith } from '../../platform/ids';
import { type AppDeps, actorCtxOf } from '../../platform/context';
import type { SheetColumn } from '../../platform/excel';
import { defineModule } from '../../platform/module';
import { routeKit } from '../../platform/routeKit';
import { sendPdf } from '../../platform/downloads';
import { bodiesForDispute, createBody, listBodies, updateBody } from './disputes.bodies';
import { getLimits, getLists, importList, setLimits } from './disputes.config';
import { INCIDENT_KIND_LABELS, disputesEvidence } from './disputes.evidence';
import {
  createIncident,
  exportIncidents,
  incidentStanding,
  listIncidents,
  updateIncidentRecord,
} from './disputes.incidents';
import { createMeeting, listContacts, listMeetings, setContact } from './disputes.meetings';
import { actOnRisk, createRisk, listRisks } from './disputes.risks';
import { disputeStats } from './disputes.stats';
import * as tables from './disputes.table';
import {
  act,
  exportDisputes,
  getDispute,
  listDisputes,
  registerDispute,
  revealParty,
} from './disputes.usecases';
import { disputeWorkflow } from './disputes.workflow';
import { listEntriesFromXlsx } from './disputes.xlsx';
import { AppError } from '../../platform/errors';
import { DS_LISTS } from '../../../shared/contracts/disputes';
import { disputeFigures } from './disputes.figures';
import { agreementPdf } from './disputes.pdf';

const ZH = {
  source: {
    police: '民警现场登记',
    grid: '网格员上报',
    community: '社区登记',
    centre: '综治中心窗口',
    transfer_12345: '12345转办',
    transfer_110: '110转办',
    work_order: '工单转纠纷',
  },
  status: {
    registered: '待分流',
    diverted: '待受理',
    accepted: '办理中',
    mediating: '调解中',
    agreed: '已达成协议',
    resolved: '已化解',
    terminated: '已终止',
    closed: '已办结',
  },
  ticket: { emergency: '应急单', key: '重点单', regular: '常规单' },
} as const;

const fmt = chinaMinute;

/** The columns of the tickets' .xlsx export, in English or Chinese. */
function ticketColumns(en: boolean): SheetColumn<DisputeDto>[] {
  return [
    { header: en ? 'Number' : '编号', width: 18, value: (r) => r.number },
    { header: en ? 'Title' : '事项', width: 30, value: (r) => r.title },
    { header: en ? 'Source' : '来源', width: 14, value: (r) => (en ? r.source : ZH.source[r.source]) },
    {
      header: en ? 'Ticket' : '工单类型',
      value: (r) => (r.ticketKind ? (en ? r.ticketKind : ZH.ticket[r.ticketKind]) : ''),
    },
    { header: en ? 'Status' : '状态', value: (r) => (en ? r.status : ZH.status[r.status]) },
    { header: en ? 'Parties' : '当事人', width: 20, value: (r) => r.partyNames.join(en ? ', ' : '、') },
    { header: en ? 'Place' : '发生地', width: 24, value: (r) => r.place },
    { header: en ? 'Community' : '责任社区', value: (r) => r.communityName },
    { header: en ? 'Handling body' : '调处力量', width: 20, value: (r) => r.bodyName },
    { header: en ? 'Accept by' : '受理时限', width: 18, value: (r) => fmt(r.acceptDueAt) },
    { header: en ? 'Finish by' : '办结时限', width: 18, value: (r) => fmt(r.finishDueAt) },
    { header: en ? 'Overdue' : '是否超时', value: (r) => (r.overdue ? (en ? 'yes' : '是') : '') },
    {
      header: en ? 'Special assignment' : '专门交办',
      value: (r) => (r.specialAssignment ? (en ? 'yes' : '是') : ''),
    },
    { header: en ? 'Registered' : '登记时间', width: 18, value: (r) => fmt(r.createdAt) },
  ];
}

/** The columns of the serious-incident register's .xlsx export (seed 004 Ⅱ-4), in English or Chinese. */
function incidentColumns(en: boolean): SheetColumn<IncidentDto>[] {
  return [
    { header: en ? 'Community' : '社区', width: 16, value: (r) => r.unitName },
    {
      header: en ? 'Kind' : '事件类别',
      width: 18,
      value: (r) => INCIDENT_KIND_LABELS[r.kind][en ? 'en' : 'zh-CN'],
    },
    { header: en ? 'Date' : '发生日期', width: 12, value: (r) => r.occurredOn },
    { header: en ? 'Place' : '发生地点', width: 24, value: (r) => r.place },
    { header: en ? 'Description' : '简要情况', width: 40, value: (r) => r.description },
    { header: en ? 'Handling result' : '处置结果', width: 40, value: (r) => r.handlingResult },
    { header: en ? 'Reported by' : '报告人（单位）', width: 18, value: (r) => r.reportedBy },
    { header: en ? 'Counts until' : '计入截止日', width: 12, value: (r) => r.countsUntil },
    { header: en ? 'Recorded by' : '登记人', width: 12, value: (r) => r.recordedByName },
  ];
}

/** A route's options: who may call it (one permission, or an access rule) and its schemas, tagged 'disputes'. */
function options<S extends FastifySchema>(who: Permission | Access, schema: S) {
  return {
    config: { access: typeof who === 'string' ? access.permission(who) : who },
    schema: { tags: ['disputes'], ...schema },
  };
}

/**
 * Disputes (issue 14, seed 003 §三(三)): intake, diversion, tickets with time limits, the one-window roster
 * and people's mediation. Deadlines (overdue escalation, mediation month, the judicial-confirmation
 * reminder) are the workflow's, fired by the platform's one sweep job.
 */
export const disputesModule = defineModule({
  name: 'disputes',
  tables,
  scopedTables: {
    scoped: [tables.dsDisputes, tables.dsBodies, tables.dsMeetings, tables.dsRisks, tables.dsIncidents],
    unitSettings: [tables.dsContacts],
  },
  access: disputesAccess,
  errors: DISPUTES_ERRORS,
  audit: DISPUTES_AUDIT,
  workflows: [disputeWorkflow],
  reportFigures: disputeFigures,
  evidence: disputesEvidence,
  routes(base: FastifyInstance, deps: AppDeps) {
    const { app, page, xlsx } = routeKit(base, deps, 'disputes');

    page('/api/disputes', access.permission('disputes.read'), listQuery, disputeSchema, listDisputes);
    xlsx(
      '/api/disputes/export.xlsx',
      access.permission('disputes.read'),
      listQuery.omit({ page: true, pageSize: true }),
      {
        file: { en: 'dispute-tickets.xlsx', zh: '纠纷工单.xlsx' },
        sheet: { en: 'Dispute tickets', zh: '纠纷工单' },
        columns: ticketColumns,
      },
      exportDisputes,
    );
    app.post(
      '/api/disputes',
      options('disputes.register', { body: intakeBody, response: { 200: disputeDetailSchema } }),
      (req) => registerDispute(actorCtxOf(deps, req), req.body),
    );

    // ---- configuration: the classification lists (R-DS-1) and the ticket limits (R-WO-3)
    app.get('/api/disputes/lists', options('disputes.read', { response: { 200: listsSchema } }), (req) =>
      getLists(actorCtxOf(deps, req)),
    );
    app.post(
      '/api/disputes/lists/import',
      options('disputes.configure', { body: listImportBody, response: { 200: listsSchema } }),
      (req) => importList(actorCtxOf(deps, req), req.body),
    );
    /** multipart/form-data: `list` (dispute_service | transfer) and `file` (.xlsx): a new version of that list. */
    app.post(
      '/api/disputes/lists/import.xlsx',
      options('disputes.configure', { consumes: ['multipart/form-data'], response: { 200: listsSchema } }),
      async (req) => {
        const ctx = actorCtxOf(deps, req);
        if (!req.isMultipart()) throw new AppError('disputes.list_file', 400);
        let file: Buffer | undefined;
        let list = '';
        try {
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              const data = await part.toBuffer();
              if (part.fieldname === 'file') file = data;
            } else if (part.fieldname === 'list') list = String(part.value);
          }
        } catch (err) {
          if ((err as { statusCode?: number }).statusCode === 413) throw err;
          throw new AppError('disputes.list_file', 400);
        }
        const which = DS_LISTS.find((l) => l === list);
        if (!file || !which) throw new AppError('disputes.list_file', 400);
        const entries = await listEntriesFromXlsx(file);
        return importList(ctx, listImportBody.parse({ list: which, entries }));
      },
    );
    app.get('/api/disputes/limits', options('disputes.read', { response: { 200: limitsSchema } }), (req) =>
      getLimits(actorCtxOf(deps, req)),
    );
    app.put(
      '/api/disputes/limits',
      options('disputes.configure', { body: limitsBody, response: { 200: limitsSchema } }),
      (req) => setLimits(actorCtxOf(deps, req), req.body),
    );

    // ---- the one-window roster of handling bodies (R-DS-2)
    app.get(
      '/api/disputes/bodies',
      options('disputes.read', { response: { 200: z.object({ items: z.array(bodySchema) }) } }),
      async (req) => ({ items: await listBodies(actorCtxOf(deps, req)) }),
    );
    app.post(
      '/api/disputes/bodies',
      options('disputes.bodies', { body: bodyBody, response: { 200: bodySchema } }),
      (req) => createBody(actorCtxOf(deps, req), req.body),
    );
    app.patch(
      '/api/disputes/bodies/:id',
      options('disputes.bodies', { params: idParams, body: bodyPatch, response: { 200: bodySchema } }),
      (req) => updateBody(actorCtxOf(deps, req), req.params.id, req.body),
    );

    // ---- the hidden-risk register of the screening rounds (排查)
    app.get(
      '/api/disputes/risks',
      options('disputes.read', { querystring: riskQuery, response: { 200: risksSchema } }),
      (req) => listRisks(actorCtxOf(deps, req), req.query),
    );
    app.post(
      '/api/disputes/risks',
      options('disputes.register', { body: riskBody, response: { 201: riskSchema } }),
      async (req, reply) => reply.status(201).send(await createRisk(actorCtxOf(deps, req), req.body)),
    );
    app.post(
      '/api/disputes/risks/:id/actions',
      options('disputes.register', { params: idParams, body: riskActionBody, response: { 200: riskSchema } }),
      (req) => actOnRisk(actorCtxOf(deps, req), req.params.id, req.body),
    );

    // ---- the register of serious incidents and each community's two-year standing (seed 004 Ⅱ-4, S004-36)
    page(
      '/api/disputes/incidents',
      access.permission('disputes.read'),
      incidentQuery,
      incidentSchema,
      listIncidents,
    );
    xlsx(
      '/api/disputes/incidents/export.xlsx',
      access.permission('disputes.read'),
      incidentQuery.omit({ page: true, pageSize: true }),
      {
        file: { en: 'serious-incidents.xlsx', zh: '社区重大事件登记.xlsx' },
        sheet: { en: 'Serious incidents', zh: '社区重大事件' },
        columns: incidentColumns,
      },
      exportIncidents,
    );
    app.get(
      '/api/disputes/incidents/communities',
      options('disputes.read', {
        querystring: incidentStandingQuery,
        response: { 200: incidentStandingSchema },
      }),
      (req) => incidentStanding(actorCtxOf(deps, req), req.query),
    );
    app.post(
      '/api/disputes/incidents',
      options('disputes.handle', { body: incidentBody, response: { 201: incidentSchema } }),
      async (req, reply) => reply.status(201).send(await createIncident(actorCtxOf(deps, req), req.body)),
    );
    app.patch(
      '/api/disputes/incidents/:id',
      options('disputes.handle', {
        params: idParams,
        body: incidentPatch,
        response: { 200: incidentSchema },
      }),
      (req) => updateIncidentRecord(actorCtxOf(deps, req), req.params.id, req.body),
    );

    // ---- the monthly joint meeting and each community's leader and contact (R-DS-3)
    app.get(
      '/api/disputes/meetings',
      options('disputes.read', { response: { 200: meetingsSchema } }),
      (req) => listMeetings(actorCtxOf(deps, req)),
    );
    app.post(
      '/api/disputes/meetings',
      options('disputes.dispatch', { body: meetingBody, response: { 200: meetingSchema } }),
      (req) => createMeeting(actorCtxOf(deps, req), req.body),
    );
    app.get(
      '/api/disputes/contacts',
      options('disputes.read', { response: { 200: z.object({ items: z.array(contactSchema) }) } }),
      async (req) => ({ items: await listContacts(actorCtxOf(deps, req)) }),
    );
    app.put(
      '/api/disputes/contacts/:communityId',
      options('disputes.bodies', {
        params: z.object({ communityId: z.string().max(64) }),
        body: contactBody,
        response: { 200: contactSchema },
      }),
      (req) => setContact(actorCtxOf(deps, req), req.params.communityId, req.body),
    );

    // ---- statistics (R-WO-5 and issue 14 §7)
    app.get(
      '/api/disputes/stats',
      options('disputes.read', { querystring: statsQuery, response: { 200: statsSchema } }),
      (req) => disputeStats(actorCtxOf(deps, req), req.query),
    );

    // ---- one dispute
    app.get(
      '/api/disputes/:id',
      options('disputes.read', { params: idParams, response: { 200: disputeDetailSchema } }),
      (req) => getDispute(actorCtxOf(deps, req), req.params.id),
    );
    app.get(
      '/api/disputes/:id/bodies',
      options('disputes.read', {
        params: idParams,
        response: { 200: z.object({ items: z.array(bodySchema) }) },
      }),
      async (req) => ({ items: await bodiesForDispute(actorCtxOf(deps, req), req.params.id) }),
    );
    app.post(
      '/api/disputes/:id/actions',
      options(access.anyOf('disputes.dispatch', 'disputes.handle'), {
        params: idParams,
        body: actionBody,
        response: { 200: disputeDetailSchema },
      }),
      (req) => act(actorCtxOf(deps, req), req.params.id, req.body),
    );
    app.get(
      '/api/disputes/:id/agreement.pdf',
      options('disputes.reveal', { params: idParams }),
      async (req, reply) => {
        // R-LAW-MD-2: the agreement with one copy per party plus one kept, names in full (audited).
        const { number, pdf } = await agreementPdf(actorCtxOf(deps, req), req.params.id);
        return sendPdf(reply, pdf, `人民调解协议书-${number}.pdf`, 'agreement.pdf');
      },
    );
    app.post(
      '/api/disputes/:id/parties/:partyId/reveal',
      options('disputes.reveal', {
        params: idParamsWith('partyId'),
        response: { 200: revealSchema },
      }),
      (req) => revealParty(actorCtxOf(deps, req), req.params.id, req.params.partyId),
    );
  },
});
