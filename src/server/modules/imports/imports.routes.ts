import type { FastifyInstance } from 'fastify';
import {
  importJobDetailSchema,
  importJobSchema,
  importListQuery,
  residentImportFields,
} from '../../../shared/contracts/imports';
import { actorCtxOf } from '../../platform/context';
import { routeKit } from '../../platform/routeKit';
import { sendWorkbook } from '../../platform/downloads';
import { access } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { toXlsx } from '../../platform/excel';
import { defineModule } from '../../platform/module';
import { idParams } from '../../platform/ids';
import { importsPolicy } from './imports.policy';
import {
  cancelImport,
  commitImport,
  createImportRunner,
  getImportJob,
  importErrorReport,
  listImportJobs,
  residentTemplate,
  startResidentImport,
} from './imports.usecases';
import * as importsTables from './imports.table';
import { IMPORTS_ERRORS } from '../../../shared/i18n/errors.imports';
import { IMPORTS_AUDIT } from '../../../shared/i18n/audit.imports';

export const importsModule = defineModule({
  name: 'imports',
  audit: IMPORTS_AUDIT,
  tables: importsTables,
  scopedTables: { scoped: [importsTables.importJobs] },
  errors: IMPORTS_ERRORS,
  routes(base: FastifyInstance, deps) {
    const { app, tags, page } = routeKit(base, deps, 'imports');
    const runner = createImportRunner(base.log);
    // A graceful shutdown stops background parses (they end 'failed', imports.interrupted) before the database closes.
    app.addHook('onClose', () => runner.stopAll());

    app.get(
      '/api/imports/residents/template.xlsx',
      { config: { access: access.permission('residents.import') }, schema: { tags } },
      async (req, reply) => {
        const buf = await residentTemplate(actorCtxOf(deps, req), req.locale);
        return sendWorkbook(
          reply,
          buf,
          req.locale === 'en' ? 'resident-import-template.xlsx' : '居民导入模板.xlsx',
        );
      },
    );

    /** multipart/form-data: `orgUnitId` (community, grid, compound or building) and `file` (.xlsx, or .csv in UTF-8, GBK/GB18030 or UTF-16 with BOM; the
     *  detected encoding is returned as `encoding`). */
    app.post(
      '/api/imports/residents',
      {
        config: { access: access.permission('residents.import') },
        schema: { tags, consumes: ['multipart/form-data'], response: { 202: importJobSchema } },
      },
      async (req, reply) => {
        const ctx = actorCtxOf(deps, req);
        importsPolicy.require(ctx.actor, 'import');
        if (!req.isMultipart()) throw new AppError('imports.no_file', 400);
        let file: { name: string; data: Buffer } | undefined;
        const fields: Record<string, string> = {};
        try {
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              const data = await part.toBuffer();
              if (part.fieldname === 'file' && !file) file = { name: part.filename || 'upload', data };
            } else {
              fields[part.fieldname] = String(part.value);
            }
          }
        } catch (err) {
          // A truncated or malformed multipart body is bad input, not a server error.
          if ((err as { statusCode?: number }).statusCode === 413) throw err;
          throw new AppError('imports.bad_file', 400);
        }
        if (!file) throw new AppError('imports.no_file', 400);
        const parsed = residentImportFields.safeParse(fields);
        if (!parsed.success)
          throw new AppError(
            'common.validation',
            400,
            {},
            { fields: [{ path: 'orgUnitId', code: 'invalid_format' }] },
          );
        const job = await startResidentImport(
          ctx,
          runner,
          { orgUnitId: parsed.data.orgUnitId, fileName: file.name, file: file.data },
          req.locale,
        );
        return reply.status(202).send(job);
      },
    );

    page(
      '/api/imports',
      access.permission('residents.import'),
      importListQuery,
      importJobSchema,
      listImportJobs,
    );

    app.get(
      '/api/imports/:id',
      {
        config: { access: access.permission('residents.import') },
        schema: { tags, params: idParams, response: { 200: importJobDetailSchema } },
      },
      (req) => getImportJob(actorCtxOf(deps, req), runner, req.params.id, req.locale),
    );

    app.get(
      '/api/imports/:id/errors.xlsx',
      { config: { access: access.permission('residents.import') }, schema: { tags, params: idParams } },
      async (req, reply) => {
        const l = req.locale;
        const { job, errors } = await importErrorReport(actorCtxOf(deps, req), req.params.id, l);
        const en = l === 'en';
        const buf = await toXlsx(
          en ? 'Errors' : '错误',
          [
            { header: en ? 'Row' : '行号', value: (e) => (e.row > 0 ? e.row : ''), width: 8 },
            { header: en ? 'Column' : '列', value: (e) => e.column, width: 14 },
            { header: en ? 'Reason' : '原因', value: (e) => e.reason, width: 60 },
          ],
          errors,
        );
        const base = job.fileName.replace(/\.[^.]+$/, '');
        return sendWorkbook(reply, buf, en ? `${base}-errors.xlsx` : `${base}-错误报告.xlsx`);
      },
    );

    app.post(
      '/api/imports/:id/commit',
      {
        config: { access: access.permission('residents.import') },
        schema: { tags, params: idParams, response: { 200: importJobSchema } },
      },
      (req) => commitImport(actorCtxOf(deps, req), req.params.id, req.locale),
    );

    app.post(
      '/api/imports/:id/cancel',
      {
        config: { access: access.permission('residents.import') },
        schema: { tags, params: idParams, response: { 200: importJobSchema } },
      },
      (req) => cancelImport(actorCtxOf(deps, req), runner, req.params.id, req.locale),
    );
  },
});
