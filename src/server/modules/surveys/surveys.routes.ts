import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import {
  answerBody,
  createSurveyBody,
  mySurveySchema,
  mySurveysQuery,
  paperBody,
  quotasBody,
  responseListQuery,
  responseSchema,
  resultsSchema,
  surveyListQuery,
  surveySchema,
  updateSurveyBody,
} from '../../../shared/contracts/surveys';
import { SURVEYS_AUDIT } from '../../../shared/i18n/audit.surveys';
import { SURVEYS_ERRORS } from '../../../shared/i18n/errors.surveys';
import { surveysAccess } from '../../../shared/permissions/surveys';
import { access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import { sendWorkbook } from '../../platform/downloads';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { surveysEvidence } from './surveys.evidence';
import { pageOf } from '../../platform/pagination';
import { recordRoutes } from '../../platform/recordRoutes';
import * as surveysTables from './surveys.table';
import {
  answerSurvey,
  closeSurvey,
  createSurvey,
  enterPaperResponse,
  exportRows,
  getSurvey,
  listResponses,
  listSurveys,
  mySurvey,
  mySurveys,
  publishSurvey,
  setQuotas,
  surveyResults,
  updateSurvey,
} from './surveys.usecases';
import { surveyXlsx } from './surveys.xlsx';

/**
 * Resident surveys (民意调查, 共议共评): the questionnaire builder, distribution by link / QR code / paper,
 * one response per resident, quotas, results with margins of error and the awareness and satisfaction rates
 * against seed 004's 85% (R-AS-5).
 */
export const surveysModule = defineModule({
  name: 'surveys',
  evidence: surveysEvidence,
  tables: surveysTables,
  scopedTables: { scoped: [surveysTables.svSurveys, surveysTables.svResponses] },
  access: surveysAccess,
  errors: SURVEYS_ERRORS,
  audit: SURVEYS_AUDIT,
  routes(base: FastifyInstance, deps) {
    const { app, tags, ctxOf: ctx, route, page, recordFields } = routeKit(base, deps, 'surveys');
    const read = { access: access.permission('surveys.read') };
    const manage = { access: access.permission('surveys.manage') };
    const enter = { access: access.permission('surveys.enter') };
    const answer = { access: access.permission('surveys.answer') };
    const detail = { 200: surveySchema };

    // ---- residents (phone): surveys distributed to their home
    page('/api/surveys/mine', answer.access, mySurveysQuery, mySurveySchema, mySurveys);
    route('GET', '/api/surveys/mine/:id', answer.access, { response: mySurveySchema }, mySurvey);
    route(
      'POST',
      '/api/surveys/mine/:id/answer',
      answer.access,
      { body: answerBody, response: mySurveySchema },
      answerSurvey,
    );

    // ---- staff
    recordRoutes(base, {
      path: '/api/surveys',
      ...recordFields(read.access, manage.access),
      schema: surveySchema,
      listQuery: surveyListQuery,
      body: createSurveyBody,
      list: listSurveys,
      create: createSurvey,
      detail: { schema: surveySchema, get: getSurvey },
      update: { body: updateSurveyBody, run: updateSurvey },
    });
    // Publishing and closing: a step of the survey's life, answering the survey.
    for (const [step, run] of [
      ['publish', publishSurvey],
      ['close', closeSurvey],
    ] as const)
      app.post(
        `/api/surveys/:id/${step}`,
        { config: manage, schema: { tags, params: idParams, response: detail } },
        (req) => run(ctx(req), req.params.id),
      );
    app.post(
      '/api/surveys/:id/quotas',
      { config: manage, schema: { tags, params: idParams, body: quotasBody, response: detail } },
      (req) => setQuotas(ctx(req), req.params.id, req.body),
    );
    app.get(
      '/api/surveys/:id/qr.svg',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const s = await getSurvey(ctx(req), req.params.id);
        const origin = deps.config.publicUrl || `${req.protocol}://${req.host}`;
        const svg = await QRCode.toString(`${origin.replace(/\/$/, '')}${s.link}`, {
          type: 'svg',
          errorCorrectionLevel: 'M',
          margin: 1,
        });
        return reply
          .header('content-type', 'image/svg+xml')
          .header('cache-control', 'private, max-age=300')
          .send(svg);
      },
    );
    route(
      'GET',
      '/api/surveys/:id/responses',
      read.access,
      { query: responseListQuery, response: pageOf(responseSchema) },
      listResponses,
    );
    route(
      'POST',
      '/api/surveys/:id/responses',
      enter.access,
      { body: paperBody, response: responseSchema, status: 201 },
      enterPaperResponse,
    );
    route('GET', '/api/surveys/:id/results', read.access, { response: resultsSchema }, surveyResults);
    app.get(
      '/api/surveys/:id/export.xlsx',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const { survey, responses, results } = await exportRows(ctx(req), req.params.id);
        const buf = await surveyXlsx(survey, results, responses);
        return sendWorkbook(reply, buf, `问卷结果-${survey.title}.xlsx`);
      },
    );
  },
});
