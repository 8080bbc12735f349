import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createRoundBody,
  evidenceCandidatesQuery,
  evidenceCandidatesSchema,
  frameworkSchema,
  linkEvidenceBody,
  resultsSchema,
  roundListQuery,
  roundOptionsSchema,
  roundSchema,
  saveScoresBody,
  sheetActionBody,
  sheetDetailSchema,
  trialScoreBody,
  trialScoreSchema,
  versionDetailSchema,
} from '../../../shared/contracts/assessments';
import { formatPoints } from '../../../shared/contracts/assessmentScoring';
import { ASSESSMENTS_AUDIT } from '../../../shared/i18n/audit.assessments';
import { ASSESSMENTS_ERRORS } from '../../../shared/i18n/errors.assessments';
import { assessmentsAccess } from '../../../shared/permissions/assessments';
import { access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import { sendWorkbook } from '../../platform/downloads';
import { actorCtxOf } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { sendInlineFile } from '../../platform/inlineFile';
import { attachmentHeader, sendXlsx } from '../../platform/excel';
import { idParams, idParamsWith } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { evidenceCandidates, linkEvidence, unlinkEvidence } from './evidence.usecases';
import { sheetReportPdf } from './assessments.pdf';
import { createLocalStorage, imageMime } from '../../platform/storage';
import { pageOf } from '../../platform/pagination';
import * as assessmentsTables from './assessments.table';
import {
  actOnSheet,
  attachEvidence,
  attachmentFor,
  createRound,
  getResults,
  sheetStanding,
  getRound,
  getSheet,
  getVersion,
  importFramework,
  listFrameworks,
  listRounds,
  publishRound,
  requireSheet,
  roundOptions,
  saveScores,
  trialScore,
  versionForExport,
} from './assessments.usecases';
import { sheetWorkflow } from './assessments.workflow';
import { frameworkFromXlsx, frameworkToXlsx } from './assessments.xlsx';

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const fileMime = (data: Buffer) =>
  imageMime(data) ?? (data.subarray(0, 5).toString('latin1') === '%PDF-' ? 'application/pdf' : null);

const STATE_ZH: Record<string, string> = {
  self_assessment: '社区自评',
  review: '街道审核',
  evaluation: '第三方评估',
  signed: '已锁定签署',
};
const STATE_EN: Record<string, string> = {
  self_assessment: 'Self-assessment',
  review: 'Subdistrict review',
  evaluation: 'Third-party evaluation',
  signed: 'Signed',
};

/** 测评 (seed 004): indicator frameworks as data, rounds, scoring sheets and results. */
export const assessmentsModule = defineModule({
  name: 'assessments',
  tables: assessmentsTables,
  scopedTables: { scoped: [assessmentsTables.asRounds, assessmentsTables.asSheets] },
  access: assessmentsAccess,
  errors: ASSESSMENTS_ERRORS,
  audit: ASSESSMENTS_AUDIT,
  workflows: [sheetWorkflow],
  routes(base: FastifyInstance, deps) {
    const { app, tags, route, page } = routeKit(base, deps, 'assessments');
    const read = { access: access.permission('assessments.read') };
    const manage = { access: access.permission('assessments.manage') };
    const loc = (l: string | undefined) => (l === 'en' ? 'en' : 'zh-CN') as 'en' | 'zh-CN';

    app.get(
      '/api/assessments/frameworks',
      { config: read, schema: { tags, response: { 200: pageOf(frameworkSchema) } } },
      (req) => listFrameworks(actorCtxOf(deps, req)),
    );
    app.get(
      '/api/assessments/versions/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: versionDetailSchema } } },
      (req) => getVersion(actorCtxOf(deps, req), req.params.id, loc(req.locale)),
    );
    app.get(
      '/api/assessments/versions/:id/framework.xlsx',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const v = await versionForExport(actorCtxOf(deps, req), req.params.id);
        const buf = await frameworkToXlsx(v.framework, v.version, v.nodes);
        return sendWorkbook(reply, buf, `${v.framework.name}-v${v.version.version}.xlsx`);
      },
    );
    app.post(
      '/api/assessments/versions/:id/score',
      {
        config: read,
        schema: { tags, params: idParams, body: trialScoreBody, response: { 200: trialScoreSchema } },
      },
      (req) => trialScore(actorCtxOf(deps, req), req.params.id, req.body, loc(req.locale)),
    );
    app.post(
      '/api/assessments/frameworks/import',
      {
        config: manage,
        schema: { tags, consumes: ['multipart/form-data'], response: { 201: versionDetailSchema } },
      },
      async (req, reply) => {
        const ctx = actorCtxOf(deps, req);
        if (!req.isMultipart())
          throw new AppError('assessments.import_invalid', 400, { row: 1, reason: 'file' });
        let file: Buffer | undefined;
        try {
          for await (const part of req.parts({ limits: { fileSize: 5 * 1024 * 1024, files: 1 } }))
            if (part.type === 'file') file ??= await part.toBuffer();
        } catch {
          throw new AppError('assessments.import_invalid', 400, { row: 1, reason: 'file' });
        }
        if (!file) throw new AppError('assessments.import_invalid', 400, { row: 1, reason: 'file' });
        return reply.status(201).send(await importFramework(ctx, await frameworkFromXlsx(file)));
      },
    );

    page('/api/assessments/rounds', read.access, roundListQuery, roundSchema, listRounds);
    app.post(
      '/api/assessments/rounds',
      { config: manage, schema: { tags, body: createRoundBody, response: { 201: roundSchema } } },
      async (req, reply) => reply.status(201).send(await createRound(actorCtxOf(deps, req), req.body)),
    );
    app.get(
      '/api/assessments/round-options',
      {
        config: manage,
        schema: {
          tags,
          querystring: z.object({ orgUnitId: z.string() }),
          response: { 200: roundOptionsSchema },
        },
      },
      (req) => roundOptions(actorCtxOf(deps, req), req.query.orgUnitId),
    );
    route('GET', '/api/assessments/rounds/:id', read.access, { response: roundSchema }, getRound);
    route(
      'POST',
      '/api/assessments/rounds/:id/publish',
      manage.access,
      { response: roundSchema },
      publishRound,
    );
    app.get(
      '/api/assessments/rounds/:id/results',
      { config: read, schema: { tags, params: idParams, response: { 200: resultsSchema } } },
      (req) => getResults(actorCtxOf(deps, req), req.params.id, loc(req.locale)),
    );
    app.get(
      '/api/assessments/rounds/:id/results.xlsx',
      { config: { access: access.permission('assessments.export') }, schema: { tags, params: idParams } },
      async (req, reply) => {
        const en = req.locale === 'en';
        const res = await getResults(actorCtxOf(deps, req), req.params.id, loc(req.locale));
        type Row = (typeof res.rows)[number];
        const pts = (n: number | null | undefined) => (n == null ? '' : formatPoints(Math.round(n * 100)));
        const partCols = (res.rows[0]?.result?.parts ?? []).map((p, i) => ({
          header: `${p.name}（${p.total}）`,
          value: (r: Row) => pts(r.result?.parts[i]?.score),
          width: 12,
        }));
        return sendXlsx<Row>(
          reply,
          en ? `assessment-${res.round.year}.xlsx` : `${res.round.year}年${res.round.title}测评结果.xlsx`,
          en ? 'Results' : '测评结果',
          [
            { header: en ? 'Rank' : '排名', value: (r) => r.rank ?? '', width: 6 },
            { header: en ? 'Subdistrict/town' : '街道（镇）', value: (r) => r.subdistrictName },
            { header: en ? 'Community' : '社区', value: (r) => r.orgUnitName },
            { header: en ? 'State' : '状态', value: (r) => (en ? STATE_EN : STATE_ZH)[r.state], width: 12 },
            ...partCols,
            { header: en ? 'Total' : '总分', value: (r) => pts(r.result?.total), width: 10 },
            { header: en ? 'Grade' : '等次', value: (r) => r.result?.grade.name ?? '', width: 10 },
            {
              header: en ? 'Part minimums reached' : '基础分达标',
              value: (r) => (r.result ? (r.result.eligible ? (en ? 'yes' : '是') : en ? 'no' : '否') : ''),
            },
            {
              header: en ? 'Qualified' : '幸福社区',
              value: (r) => (r.result?.qualified ? (en ? 'yes' : '达标') : en ? 'no' : '未达标'),
            },
            {
              header: en ? 'Previous total' : '上期总分',
              value: (r) => (r.previousTotal == null ? '' : `${pts(r.previousTotal)}（${r.previousYear}）`),
            },
            { header: en ? 'Grading rule' : '等次划分规则', value: () => res.edgeRuleText, width: 60 },
            { header: en ? 'Rounding' : '计分与取舍规则', value: () => res.roundingText, width: 60 },
          ],
          res.rows,
        );
      },
    );

    app.get(
      '/api/assessments/sheets/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: sheetDetailSchema } } },
      (req) => getSheet(actorCtxOf(deps, req), req.params.id, loc(req.locale)),
    );
    app.patch(
      '/api/assessments/sheets/:id/scores',
      {
        config: { access: access.anyOf('assessments.self', 'assessments.evaluate') },
        schema: { tags, params: idParams, body: saveScoresBody, response: { 200: sheetDetailSchema } },
      },
      (req) => saveScores(actorCtxOf(deps, req), req.params.id, req.body, loc(req.locale)),
    );
    app.post(
      '/api/assessments/sheets/:id/actions',
      {
        config: { access: access.anyOf('assessments.self', 'assessments.review', 'assessments.evaluate') },
        schema: { tags, params: idParams, body: sheetActionBody, response: { 200: sheetDetailSchema } },
      },
      (req) => actOnSheet(actorCtxOf(deps, req), req.params.id, req.body, loc(req.locale)),
    );

    app.get(
      '/api/assessments/sheets/:id/report.pdf',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const ctx = actorCtxOf(deps, req);
        const sheet = await getSheet(ctx, req.params.id, 'zh-CN');
        // Rank and the previous total when the reader may see the round's results.
        const standing = await sheetStanding(ctx, sheet);
        const pdf = await sheetReportPdf(sheet, standing ?? undefined, standing?.signedCount ?? 0);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            attachmentHeader(`${sheet.round.year}年${sheet.orgUnitName ?? ''}测评报告.pdf`),
          )
          .send(pdf);
      },
    );
    app.get(
      '/api/assessments/sheets/:id/evidence',
      {
        config: read,
        schema: {
          tags,
          params: idParams,
          querystring: evidenceCandidatesQuery,
          response: { 200: evidenceCandidatesSchema },
        },
      },
      (req) => evidenceCandidates(actorCtxOf(deps, req), req.params.id, req.query.nodeId, loc(req.locale)),
    );
    app.post(
      '/api/assessments/sheets/:id/evidence-links',
      {
        config: { access: access.anyOf('assessments.self', 'assessments.evaluate') },
        schema: { tags, params: idParams, body: linkEvidenceBody, response: { 200: sheetDetailSchema } },
      },
      async (req) => {
        const ctx = actorCtxOf(deps, req);
        await linkEvidence(ctx, req.params.id, req.body);
        return getSheet(ctx, req.params.id, loc(req.locale));
      },
    );
    app.delete(
      '/api/assessments/sheets/:id/evidence-links/:linkId',
      {
        config: { access: access.anyOf('assessments.self', 'assessments.evaluate') },
        schema: {
          tags,
          params: idParamsWith('linkId'),
          response: { 200: sheetDetailSchema },
        },
      },
      async (req) => {
        const ctx = actorCtxOf(deps, req);
        await unlinkEvidence(ctx, req.params.id, req.params.linkId);
        return getSheet(ctx, req.params.id, loc(req.locale));
      },
    );
    app.post(
      '/api/assessments/sheets/:id/attachments',
      {
        config: { access: access.anyOf('assessments.self', 'assessments.evaluate') },
        schema: { tags, params: idParams, consumes: ['multipart/form-data'] },
      },
      async (req, reply) => {
        const ctx = actorCtxOf(deps, req);
        await requireSheet(ctx, req.params.id);
        if (!req.isMultipart()) throw new AppError('assessments.file_required', 400);
        let file: { data: Buffer; name: string } | undefined;
        let nodeId = '';
        try {
          for await (const part of req.parts({ limits: { fileSize: MAX_FILE_BYTES, files: 1 } })) {
            if (part.type === 'file') file ??= { data: await part.toBuffer(), name: part.filename || 'file' };
            else if (part.fieldname === 'nodeId') nodeId = String(part.value);
          }
        } catch {
          throw new AppError('assessments.file_required', 400);
        }
        if (!file) throw new AppError('assessments.file_required', 400);
        const mime = fileMime(file.data);
        if (!mime) throw new AppError('assessments.file_type', 415);
        const id = deps.ids();
        await createLocalStorage(deps.config.dataDir).put(id, file.data);
        const out = await attachEvidence(ctx, req.params.id, {
          id,
          nodeId,
          mime,
          size: file.data.length,
          name: file.name,
        });
        return reply.status(201).send(out);
      },
    );
    app.get(
      '/api/assessments/attachments/:id',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const a = await attachmentFor(actorCtxOf(deps, req), req.params.id);
        const data = await createLocalStorage(deps.config.dataDir).get(a.id);
        if (!data) throw new AppError('common.not_found', 404);
        return sendInlineFile(reply, a, data);
      },
    );
  },
});
