import type { FastifyInstance } from 'fastify';
import {
  attendanceBody,
  boardQuery,
  closeMeetingBody,
  correctionBody,
  createMeetingBody,
  electorSchema,
  electorsQuery,
  meetingDetailSchema,
  meetingListQuery,
  meetingSchema,
  motionBody,
  motionParams,
  voteBody,
  PROCEDURE_TEMPLATES,
  answerBody,
  createDisclosureBody,
  createProcedureBody,
  disclosureListQuery,
  disclosureSchema,
  objectionBody,
  objectionParams,
  overdueSchema,
  procedureListQuery,
  procedureSchema,
  scheduleBody,
  scheduleSchema,
  stepBody,
} from '../../../shared/contracts/participation';
import { z } from 'zod';
import { PARTICIPATION_AUDIT } from '../../../shared/i18n/audit.participation';
import { PARTICIPATION_ERRORS } from '../../../shared/i18n/errors.participation';
import { participationAccess } from '../../../shared/permissions/participation';
import { type Access, access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import { namedAttachment, sendPdf } from '../../platform/downloads';
import { ctxOf } from '../../platform/context';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { participationEvidence } from './participation.evidence.repository';
import { pageOf } from '../../platform/pagination';
import { recordActions } from '../../platform/recordActions';
import { recordRoutes } from '../../platform/recordRoutes';
import {
  addCorrection,
  addMotion,
  closeMeeting,
  createMeeting,
  getMeeting,
  listElectors,
  listMeetings,
  openMeeting,
  recordVote,
  signIn,
} from './meetings.usecases';
import * as participationTables from './participation.table';
import { minutesPdf } from './participation.pdf';
import {
  answer,
  createDisclosure,
  getDisclosure,
  listDisclosures,
  listSchedules,
  overdue,
  raiseObjection,
  setSchedule,
  takeDownDisclosure,
} from './disclosures.usecases';
import { completeProcedureStep, createProcedure, getProcedure, listProcedures } from './procedures.usecases';
import { deliberationRoutes } from './deliberation.routes';
import { topicWorkflow } from './topics.workflow';
import { remindDisclosures } from './disclosures.reminders';
import { feedCalendar, feedStatus, meetingInvite, rotateFeed } from './calendar.usecases';

/**
 * 议事协商 / 民主决策: meetings with legal quorums (R-LAW-MT-1…4), procedures for major matters (R-DL-4) and
 * disclosure with objections (R-DC-1, R-LAW-DC-1).
 */
export const participationModule = defineModule({
  name: 'participation',
  evidence: participationEvidence,
  tables: participationTables,
  scopedTables: {
    scoped: [
      participationTables.ptMeetings,
      participationTables.ptProcedures,
      participationTables.ptDisclosures,
      participationTables.ptTopics,
      participationTables.ptRooms,
      participationTables.ptConventions,
    ],
    unitSettings: [participationTables.ptDisclosureSchedules],
  },
  access: participationAccess,
  errors: PARTICIPATION_ERRORS,
  audit: PARTICIPATION_AUDIT,
  workflows: [topicWorkflow],
  jobs: [
    { name: 'participation.disclosure-reminders', cron: '0 9 * * *', run: (deps) => remindDisclosures(deps) },
  ],
  routes(base: FastifyInstance, deps) {
    deliberationRoutes(base, deps);
    const { app, tags, ctxOf: ctx, recordFields } = routeKit(base, deps, 'participation');
    const read = { access: access.permission('participation.read') };
    const manage = { access: access.permission('participation.manage') };
    const detail = { 200: meetingDetailSchema };
    const records = recordFields(read.access, manage.access);
    const board = { access: access.permission('participation.board') };
    const actionsOn = <R extends z.ZodType>(path: string, who: { access: Access }, response: R) =>
      recordActions(base, { path, tags, access: who.access, ctx, response });

    recordRoutes(base, {
      path: '/api/meetings',
      ...records,
      schema: meetingSchema,
      listQuery: meetingListQuery,
      list: listMeetings,
      body: createMeetingBody,
      create: createMeeting,
      created: meetingDetailSchema,
      detail: { schema: meetingDetailSchema, get: getMeeting },
    });
    app.get(
      '/api/meetings/:id/electors',
      {
        config: manage,
        schema: {
          tags,
          params: idParams,
          querystring: electorsQuery,
          response: { 200: pageOf(electorSchema) },
        },
      },
      (req) => listElectors(ctx(req), req.params.id, req.query),
    );
    const meeting = actionsOn('/api/meetings', manage, meetingDetailSchema);
    meeting.post('open', openMeeting);
    meeting.post('attendance', attendanceBody, signIn);
    meeting.post('motions', motionBody, addMotion);
    app.post(
      '/api/meetings/:id/motions/:motionId/vote',
      { config: manage, schema: { tags, params: motionParams, body: voteBody, response: detail } },
      (req) => recordVote(ctx(req), req.params.id, req.params.motionId, req.body, req.locale),
    );
    meeting.post('close', closeMeetingBody, closeMeeting);
    meeting.post('corrections', correctionBody, addCorrection);
    app.get(
      '/api/meetings/:id/minutes.pdf',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const m = await getMeeting(ctx(req), req.params.id, 'zh-CN');
        const pdf = await minutesPdf(m);
        return sendPdf(reply, pdf, `会议纪要-${m.title}.pdf`, 'minutes.pdf');
      },
    );
    // ---- calendar: a meeting's .ics invitation, and each user's secret iCal feed of the meetings in scope
    const icsHeaders = (name: string) => ({
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': namedAttachment(name, 'meeting.ics'),
    });
    app.get(
      '/api/meetings/:id/invite.ics',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const inv = await meetingInvite(ctx(req), req.params.id, deps.config.publicUrl ?? '');
        return reply.headers(icsHeaders(`${inv.title}.ics`)).send(inv.ics);
      },
    );
    app.get('/api/calendar/feed-token', { config: { access: access.session }, schema: { tags } }, (req) =>
      feedStatus(ctx(req)),
    );
    app.post('/api/calendar/feed-token', { config: { access: access.session }, schema: { tags } }, (req) =>
      rotateFeed(ctx(req)),
    );
    app.get(
      '/api/calendar/feed/:file',
      {
        config: { access: access.public },
        schema: { tags, params: z.object({ file: z.string().max(200) }) },
      },
      async (req, reply) => {
        const ics = await feedCalendar(ctxOf(deps, req), req.params.file, deps.config.publicUrl ?? '');
        return reply
          .header('content-type', 'text/calendar; charset=utf-8')
          .header('cache-control', 'private, max-age=300')
          .send(ics);
      },
    );
    // ---- procedures for major matters (四议两公开 / 五议两公开)
    app.get('/api/deliberations/procedure-templates', { config: read, schema: { tags } }, () => ({
      items: PROCEDURE_TEMPLATES,
    }));
    recordRoutes(base, {
      path: '/api/deliberations/procedures',
      ...records,
      schema: procedureSchema,
      listQuery: procedureListQuery,
      list: listProcedures,
      body: createProcedureBody,
      create: createProcedure,
      detail: { schema: procedureSchema, get: getProcedure },
    });
    actionsOn('/api/deliberations/procedures', manage, procedureSchema).post(
      'steps',
      stepBody,
      completeProcedureStep,
    );

    // ---- disclosure (居务公开)
    const ddetail = { 200: disclosureSchema };
    recordRoutes(base, {
      path: '/api/disclosures',
      ...records,
      schema: disclosureSchema,
      listQuery: disclosureListQuery,
      list: (c, q) => listDisclosures(c, q),
      body: createDisclosureBody,
      create: createDisclosure,
      detail: { schema: disclosureSchema, get: (c, id) => getDisclosure(c, id) },
    });
    app.get(
      '/api/disclosures/schedules',
      { config: read, schema: { tags, response: { 200: z.object({ items: z.array(scheduleSchema) }) } } },
      (req) => listSchedules(ctx(req)),
    );
    app.post(
      '/api/disclosures/schedules',
      { config: manage, schema: { tags, body: scheduleBody, response: { 200: scheduleSchema } } },
      (req) => setSchedule(ctx(req), req.body),
    );
    app.get(
      '/api/disclosures/overdue',
      { config: read, schema: { tags, response: { 200: overdueSchema } } },
      (req) => overdue(ctx(req)),
    );
    app.get(
      '/api/disclosures/board',
      {
        config: board,
        schema: { tags, querystring: boardQuery, response: { 200: pageOf(disclosureSchema) } },
      },
      (req) => listDisclosures(ctx(req), req.query, true),
    );
    const onBoard = actionsOn('/api/disclosures/board', board, disclosureSchema);
    onBoard.get('', (c, id) => getDisclosure(c, id, true));
    onBoard.post('objections', objectionBody, raiseObjection);
    actionsOn('/api/disclosures', manage, disclosureSchema).post('take-down', takeDownDisclosure);
    app.post(
      '/api/disclosures/:id/objections/:objectionId/answer',
      { config: manage, schema: { tags, params: objectionParams, body: answerBody, response: ddetail } },
      (req) => answer(ctx(req), req.params.id, req.params.objectionId, req.body),
    );
  },
});
