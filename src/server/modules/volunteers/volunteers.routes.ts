import { createLocalStorage } from '../../platform/storage';
import { readPhoto } from '../../platform/uploads';
import { routeKit } from '../../platform/routeKit';
import { sendPdf } from '../../platform/downloads';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  activityDetailSchema,
  activityListQuery,
  activitySchema,
  attendanceSchema,
  communityFlagBody,
  correctionBody,
  createActivityBody,
  createTeamBody,
  createVolunteerBody,
  hoursReportQuery,
  hoursReportRowSchema,
  themeReportRowSchema,
  myActivitySchema,
  myVolunteerSchema,
  checkOutBody,
  positionBody,
  summaryReportSchema,
  teamDetailSchema,
  teamListQuery,
  teamMemberBody,
  teamSchema,
  universityRowSchema,
  updateActivityBody,
  updateTeamBody,
  updateVolunteerBody,
  volunteerDetailSchema,
  volunteerListQuery,
  volunteerRefBody,
  volunteerSchema,
} from '../../../shared/contracts/volunteers';
import { access } from '../../platform/access';
import { idParams, idParamsWith } from '../../platform/ids';
import { myActiveVolunteerId } from './volunteers.mine.repository';
import { defineModule } from '../../platform/module';
import { volunteersEvidence } from './volunteers.evidence.repository';
import { recordRoutes } from '../../platform/recordRoutes';
import {
  cancelActivity,
  confirmAttendance,
  correctHours,
  createActivity,
  getActivity,
  listActivities,
  listMyActivities,
  myCancelSignup,
  myCheckIn,
  attachMyCheckOutPhoto,
  checkOutPhoto,
  myCheckOut,
  mySignUp,
  staffCancelSignup,
  staffCheckIn,
  staffCheckOut,
  staffSignUp,
  updateActivity,
} from './activities.usecases';
import { issueCertificate } from './volunteers.certificate';
import { hoursReport, summaryReport, themesReport } from './volunteers.reports';
import { label } from '../../../shared/i18n/labels';
import {
  addTeamMember,
  createTeam,
  createVolunteer,
  findVolunteer,
  getMyVolunteer,
  getTeam,
  getVolunteer,
  listTeams,
  listVolunteers,
  requireMyVolunteer,
  removeTeamMember,
  setCommunityFlag,
  universityReport,
  updateTeam,
  updateVolunteer,
} from './volunteers.usecases';
import * as volunteersTables from './volunteers.table';
import { volunteersAccess } from '../../../shared/permissions/volunteers';
import { VOLUNTEERS_ERRORS } from '../../../shared/i18n/errors.volunteers';
import { VOLUNTEERS_AUDIT } from '../../../shared/i18n/audit.volunteers';
import { volunteerFigures } from './volunteers.figures';

const memberParams = idParamsWith('volunteerId');
const unitQuery = z.object({ orgUnitId: z.string().uuid().optional() });
const signupResult = z.object({ signupId: z.string(), signupCount: z.number() });

/** A volunteer service certificate (志愿服务证明) as a download. */
const sendCertificate = (reply: FastifyReply, number: string, pdf: Buffer) =>
  sendPdf(reply, pdf, `志愿服务证明-${number}.pdf`, 'certificate.pdf');

export const volunteersModule = defineModule({
  name: 'volunteers',
  mine: { volunteerId: myActiveVolunteerId },
  evidence: volunteersEvidence,
  audit: VOLUNTEERS_AUDIT,
  tables: volunteersTables,
  scopedTables: {
    scoped: [
      volunteersTables.volunteers,
      volunteersTables.volunteerTeams,
      volunteersTables.volunteerActivities,
    ],
    pathOnly: [volunteersTables.volunteerAttendance, volunteersTables.volunteerHours],
    unitSettings: [volunteersTables.volunteerCommunityFlags],
    accountHolders: [
      {
        ownerKind: 'volunteer',
        table: volunteersTables.volunteers,
        userColumn: volunteersTables.volunteers.userId,
        nameColumn: volunteersTables.volunteers.name,
        communityColumn: volunteersTables.volunteers.communityId,
        residentColumn: volunteersTables.volunteers.residentId,
      },
    ],
  },
  access: volunteersAccess,
  errors: VOLUNTEERS_ERRORS,
  reportFigures: volunteerFigures,
  routes(base: FastifyInstance, deps) {
    const { app, tags, ctxOf: ctx, route, recordFields, xlsx } = routeKit(base, deps, 'volunteers');
    const read = { access: access.permission('volunteers.read') };
    const write = { access: access.permission('volunteers.write') };
    const session = { access: access.session };
    const records = recordFields(read.access, write.access);

    // Profiles
    recordRoutes(app, {
      path: '/api/volunteers',
      ...records,
      schema: volunteerSchema,
      listQuery: volunteerListQuery,
      body: createVolunteerBody,
      list: listVolunteers,
      create: createVolunteer,
      update: { body: updateVolunteerBody, run: updateVolunteer },
      detail: { schema: volunteerDetailSchema, get: getVolunteer },
    });
    app.get(
      '/api/volunteers/:id/certificate.pdf',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const c = ctx(req);
        const v = await findVolunteer(c, req.params.id, 'volunteers.read');
        const { number, pdf } = await issueCertificate(c, v);
        return sendCertificate(reply, number, pdf);
      },
    );
    route(
      'POST',
      '/api/volunteer-hours/:id/correct',
      write.access,
      {
        body: correctionBody,
        response: z.object({ id: z.string(), minutes: z.number(), total: z.number() }),
        status: 201,
      },
      correctHours,
    );

    // Teams
    recordRoutes(app, {
      path: '/api/volunteer-teams',
      ...records,
      schema: teamSchema,
      listQuery: teamListQuery,
      body: createTeamBody,
      list: listTeams,
      create: createTeam,
      update: { body: updateTeamBody, run: updateTeam },
      detail: { schema: teamDetailSchema, get: getTeam },
    });
    app.post(
      '/api/volunteer-teams/:id/members',
      {
        config: write,
        schema: { tags, params: idParams, body: teamMemberBody },
      },
      async (req, reply) => {
        await addTeamMember(ctx(req), req.params.id, req.body);
        return reply.status(204).send();
      },
    );
    app.post(
      '/api/volunteer-teams/:id/members/:volunteerId/remove',
      { config: write, schema: { tags, params: memberParams } },
      async (req, reply) => {
        await removeTeamMember(ctx(req), req.params.id, req.params.volunteerId);
        return reply.status(204).send();
      },
    );

    // Demonstration communities (R-ORG-4)
    app.get(
      '/api/volunteers/reports/university',
      {
        config: read,
        schema: { tags, querystring: unitQuery, response: { 200: z.array(universityRowSchema) } },
      },
      (req) => universityReport(ctx(req), req.query.orgUnitId),
    );
    app.put(
      '/api/volunteers/communities/:id/flag',
      {
        config: write,
        schema: { tags, params: idParams, body: communityFlagBody },
      },
      async (req, reply) => {
        await setCommunityFlag(ctx(req), req.params.id, req.body);
        return reply.status(204).send();
      },
    );

    // Reports
    app.get(
      '/api/volunteers/reports/hours',
      {
        config: read,
        schema: { tags, querystring: hoursReportQuery, response: { 200: z.array(hoursReportRowSchema) } },
      },
      (req) => hoursReport(ctx(req), req.query),
    );
    app.get(
      '/api/volunteers/reports/themes',
      {
        config: read,
        schema: { tags, querystring: hoursReportQuery, response: { 200: z.array(themeReportRowSchema) } },
      },
      (req) => themesReport(ctx(req), req.query),
    );
    /** A period report's hours column: minutes as hours to one decimal. */
    const hoursColumn = (en: boolean) => ({
      header: en ? 'Hours' : '时长(小时)',
      value: (r: { minutes: number }) => Math.round((r.minutes / 60) * 10) / 10,
    });
    const periodFile = (en: string, zh: string) => (q: { from: string; to: string }, isEn: boolean) =>
      `${isEn ? en : zh}-${q.from}-${q.to}.xlsx`;
    xlsx(
      '/api/volunteers/reports/hours.xlsx',
      read.access,
      hoursReportQuery,
      {
        file: periodFile('volunteer-hours', '志愿服务时长'),
        sheet: { en: 'Volunteer hours', zh: '志愿服务时长' },
        columns: (en) => [
          { header: en ? 'Community' : '社区', value: (r) => r.communityName, width: 20 },
          { header: en ? 'Volunteers' : '服务人数', value: (r) => r.volunteers },
          { header: en ? 'Activities' : '活动数', value: (r) => r.activities },
          hoursColumn(en),
        ],
      },
      hoursReport,
    );
    xlsx(
      '/api/volunteers/reports/themes.xlsx',
      read.access,
      hoursReportQuery,
      {
        file: periodFile('themed-volunteering', '主题志愿服务'),
        sheet: { en: 'Themed volunteering', zh: '主题志愿服务' },
        columns: (en) => [
          {
            header: en ? 'Theme' : '主题',
            value: (r) => label(`activity_theme.${r.theme ?? 'none'}`, en ? 'en' : 'zh-CN'),
            width: 20,
          },
          { header: en ? 'Activities' : '活动数', value: (r) => r.activities },
          { header: en ? 'Volunteers' : '服务人数', value: (r) => r.volunteers },
          hoursColumn(en),
        ],
      },
      themesReport,
    );
    app.get(
      '/api/volunteers/reports/summary',
      {
        config: read,
        schema: { tags, querystring: unitQuery, response: { 200: summaryReportSchema } },
      },
      (req) => summaryReport(ctx(req), req.query.orgUnitId),
    );

    // Activities
    recordRoutes(app, {
      path: '/api/volunteer-activities',
      ...records,
      schema: activitySchema,
      listQuery: activityListQuery,
      body: createActivityBody,
      list: listActivities,
      create: createActivity,
      update: { body: updateActivityBody, run: updateActivity },
      detail: { schema: activityDetailSchema, get: getActivity },
    });
    app.post(
      '/api/volunteer-activities/:id/cancel',
      {
        config: write,
        schema: {
          tags,
          params: idParams,
          body: z.strictObject({ reason: z.string().trim().min(1).max(200) }),
          response: { 200: activitySchema },
        },
      },
      (req) => cancelActivity(ctx(req), req.params.id, req.body.reason),
    );
    route(
      'POST',
      '/api/volunteer-activities/:id/signups',
      write.access,
      { body: volunteerRefBody, response: signupResult, status: 201 },
      (ctx, id, body) => staffSignUp(ctx, id, body.volunteerId),
    );
    app.post(
      '/api/volunteer-activities/:id/signups/:volunteerId/cancel',
      { config: write, schema: { tags, params: memberParams } },
      async (req, reply) => {
        await staffCancelSignup(ctx(req), req.params.id, req.params.volunteerId);
        return reply.status(204).send();
      },
    );
    // The organiser's steps of a volunteer's attendance
    const attendanceSteps = {
      'check-in': staffCheckIn,
      'check-out': staffCheckOut,
      confirm: confirmAttendance,
    };
    for (const [step, run] of Object.entries(attendanceSteps))
      app.post(
        `/api/volunteer-activities/:id/attendance/:volunteerId/${step}`,
        {
          config: write,
          schema: { tags, params: memberParams, response: { 200: attendanceSchema } },
        },
        (req) => run(ctx(req), req.params.id, req.params.volunteerId),
      );
    app.get(
      '/api/volunteer-activities/:id/attendance/:volunteerId/photo',
      { config: read, schema: { tags, params: memberParams } },
      async (req, reply) => {
        const photo = await checkOutPhoto(
          ctx(req),
          createLocalStorage(deps.config.dataDir),
          req.params.id,
          req.params.volunteerId,
        );
        return reply.type(photo.mime).header('cache-control', 'private, max-age=3600').send(photo.data);
      },
    );

    // The volunteer's own pages (/m/activities, /m/hours, /m/certificate)
    app.get(
      '/api/me/volunteer',
      { config: session, schema: { tags, response: { 200: myVolunteerSchema } } },
      (req) => getMyVolunteer(ctx(req)),
    );
    app.get(
      '/api/me/volunteer/activities',
      { config: session, schema: { tags, response: { 200: z.array(myActivitySchema) } } },
      (req) => listMyActivities(ctx(req)),
    );
    route(
      'POST',
      '/api/me/volunteer/activities/:id/signup',
      session.access,
      { response: signupResult, status: 201 },
      mySignUp,
    );
    app.post(
      '/api/me/volunteer/activities/:id/cancel',
      { config: session, schema: { tags, params: idParams } },
      async (req, reply) => {
        await myCancelSignup(ctx(req), req.params.id);
        return reply.status(204).send();
      },
    );
    route(
      'POST',
      '/api/me/volunteer/activities/:id/check-in',
      session.access,
      { body: positionBody, response: attendanceSchema },
      myCheckIn,
    );
    route(
      'POST',
      '/api/me/volunteer/activities/:id/check-out',
      session.access,
      { body: checkOutBody, response: attendanceSchema },
      myCheckOut,
    );
    /** multipart/form-data with one image: a photo of the work done, added while checked in. */
    app.post(
      '/api/me/volunteer/activities/:id/photo',
      {
        config: session,
        schema: {
          tags,
          params: idParams,
          consumes: ['multipart/form-data'],
          response: { 200: attendanceSchema },
        },
      },
      async (req) =>
        attachMyCheckOutPhoto(ctx(req), createLocalStorage(deps.config.dataDir), req.params.id, () =>
          readPhoto(req),
        ),
    );
    app.get('/api/me/volunteer/certificate.pdf', { config: session }, async (req, reply) => {
      const c = ctx(req);
      const v = await requireMyVolunteer(c);
      const { number, pdf } = await issueCertificate(c, v);
      return sendCertificate(reply, number, pdf);
    });
  },
});
