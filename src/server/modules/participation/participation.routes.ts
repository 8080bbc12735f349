import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  attendanceBody,
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
} from '../../../shared/contracts/participation';
import { PARTICIPATION_AUDIT } from '../../../shared/i18n/audit.participation';
import { PARTICIPATION_ERRORS } from '../../../shared/i18n/errors.participation';
import { participationAccess } from '../../../shared/permissions/participation';
import { access } from '../../platform/access';
import { actorCtxOf } from '../../platform/context';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { pageOf } from '../../platform/pagination';
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

/** 议事协商 / 民主决策: meetings with legal quorums (R-LAW-MT-1…4). */
export const participationModule = defineModule({
  name: 'participation',
  tables: participationTables,
  access: participationAccess,
  errors: PARTICIPATION_ERRORS,
  audit: PARTICIPATION_AUDIT,
  routes(base: FastifyInstance, deps) {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['participation'];
    const read = { access: access.permission('participation.read') };
    const manage = { access: access.permission('participation.manage') };
    const detail = { 200: meetingDetailSchema };

    app.get(
      '/api/meetings',
      {
        config: read,
        schema: { tags, querystring: meetingListQuery, response: { 200: pageOf(meetingSchema) } },
      },
      (req) => listMeetings(actorCtxOf(deps, req), req.query, req.locale),
    );
    app.post(
      '/api/meetings',
      { config: manage, schema: { tags, body: createMeetingBody, response: { 201: meetingDetailSchema } } },
      async (req, reply) =>
        reply.status(201).send(await createMeeting(actorCtxOf(deps, req), req.body, req.locale)),
    );
    app.get(
      '/api/meetings/:id',
      { config: read, schema: { tags, params: idParams, response: detail } },
      (req) => getMeeting(actorCtxOf(deps, req), req.params.id, req.locale),
    );
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
      (req) => listElectors(actorCtxOf(deps, req), req.params.id, req.query),
    );
    app.post(
      '/api/meetings/:id/open',
      { config: manage, schema: { tags, params: idParams, response: detail } },
      (req) => openMeeting(actorCtxOf(deps, req), req.params.id, req.locale),
    );
    app.post(
      '/api/meetings/:id/attendance',
      { config: manage, schema: { tags, params: idParams, body: attendanceBody, response: detail } },
      (req) => signIn(actorCtxOf(deps, req), req.params.id, req.body, req.locale),
    );
    app.post(
      '/api/meetings/:id/motions',
      { config: manage, schema: { tags, params: idParams, body: motionBody, response: detail } },
      (req) => addMotion(actorCtxOf(deps, req), req.params.id, req.body, req.locale),
    );
    app.post(
      '/api/meetings/:id/motions/:motionId/vote',
      { config: manage, schema: { tags, params: motionParams, body: voteBody, response: detail } },
      (req) => recordVote(actorCtxOf(deps, req), req.params.id, req.params.motionId, req.body, req.locale),
    );
    app.post(
      '/api/meetings/:id/close',
      { config: manage, schema: { tags, params: idParams, body: closeMeetingBody, response: detail } },
      (req) => closeMeeting(actorCtxOf(deps, req), req.params.id, req.body, req.locale),
    );
    app.post(
      '/api/meetings/:id/corrections',
      { config: manage, schema: { tags, params: idParams, body: correctionBody, response: detail } },
      (req) => addCorrection(actorCtxOf(deps, req), req.params.id, req.body, req.locale),
    );
    app.get(
      '/api/meetings/:id/minutes.pdf',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const m = await getMeeting(actorCtxOf(deps, req), req.params.id, 'zh-CN');
        const pdf = await minutesPdf(m);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="minutes.pdf"; filename*=UTF-8''${encodeURIComponent(`会议纪要-${m.title}.pdf`)}`,
          )
          .send(pdf);
      },
    );
  },
});
