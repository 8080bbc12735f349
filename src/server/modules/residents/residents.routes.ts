import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  createResidentBody,
  residentDetailSchema,
  residentListQuery,
  residentSchema,
  revealBody,
  revealResult,
  updateResidentBody,
} from '../../../shared/contracts/residents';
import { queryBool } from '../../../shared/contracts/common';
import type { Locale } from '../../../shared/i18n/errors';
import { label, specialGroupsMasked } from '../../../shared/i18n/labels';
import { routeKit } from '../../platform/routeKit';
import { sendWorkbook } from '../../platform/downloads';
import { access } from '../../platform/access';
import { CSV_MIME, type SheetColumn, csvAttachmentHeader, toCsv, toXlsx } from '../../platform/excel';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { recordRoutes } from '../../platform/recordRoutes';
import {
  createResident,
  exportResidents,
  getResident,
  listResidents,
  removeResident,
  revealField,
  updateResident,
} from './residents.usecases';
import * as residentsTables from './residents.table';
import { residentsAccess } from '../../../shared/permissions/residents';
import { RESIDENTS_ERRORS } from '../../../shared/i18n/errors.residents';
import { RESIDENTS_AUDIT } from '../../../shared/i18n/audit.residents';

export const residentsModule = defineModule({
  name: 'residents',
  audit: RESIDENTS_AUDIT,
  tables: residentsTables,
  scopedTables: {
    scoped: [residentsTables.residents],
    communityId: [residentsTables.residents],
    population: residentsTables.residents,
  },
  access: residentsAccess,
  errors: RESIDENTS_ERRORS,
  routes(base: FastifyInstance, deps) {
    const { app, tags, ctxOf, route, recordFields } = routeKit(base, deps, 'residents');

    // The list, a resident's detail, create and update.
    recordRoutes(base, {
      path: '/api/residents',
      ...recordFields(access.permission('residents.read'), access.permission('residents.write')),
      schema: residentSchema,
      listQuery: residentListQuery,
      body: createResidentBody,
      list: listResidents,
      create: createResident,
      detail: { schema: residentDetailSchema, get: getResident },
      update: { body: updateResidentBody, run: updateResident },
    });
    type ExportRow = Awaited<ReturnType<typeof exportResidents>>[number];
    const exportColumns = (l: Locale): SheetColumn<ExportRow>[] => [
      { header: label('name', l), value: (r) => r.name },
      { header: label('gender', l), value: (r) => label(r.gender, l), width: 8 },
      { header: label('birthDate', l), value: (r) => r.birthDate },
      { header: label('idNumber', l), value: (r) => r.idNumber, width: 22 },
      { header: label('phone', l), value: (r) => r.phone },
      { header: label('community', l), value: (r) => r.communityName },
      { header: label('unit', l), value: (r) => r.unitName },
      { header: label('address', l), value: (r) => r.address, width: 30 },
      { header: label('registrationStatus', l), value: (r) => label(r.registrationStatus, l) },
      {
        header: label('tags', l),
        // Masked export: how many, never which (R-LAW-PI-1); the full export (audited) lists them.
        value: (r) =>
          r.specialGroups
            ? r.specialGroups.map((t) => label(t, l)).join('、')
            : r.specialGroupCount
              ? specialGroupsMasked(r.specialGroupCount, l)
              : '',
      },
    ];
    // The list as .xlsx, and as .csv (UTF-8 with BOM, so Excel on Chinese Windows opens it right).
    for (const format of ['xlsx', 'csv'] as const)
      app.get(
        `/api/residents/export.${format}`,
        {
          config: { access: access.permission('residents.export') },
          schema: { tags, querystring: residentListQuery.extend({ full: queryBool }) },
        },
        async (req, reply) => {
          const { full, ...q } = req.query;
          const rows = await exportResidents(ctxOf(req), q, full === true);
          const l = req.locale;
          if (format === 'csv')
            return reply
              .header('content-type', CSV_MIME)
              .header(
                'content-disposition',
                csvAttachmentHeader(l === 'en' ? 'residents.csv' : '居民名单.csv'),
              )
              .send(toCsv(exportColumns(l), rows));
          const buf = await toXlsx(l === 'en' ? 'Residents' : '居民', exportColumns(l), rows);
          return sendWorkbook(reply, buf, l === 'en' ? 'residents.xlsx' : '居民名单.xlsx');
        },
      );
    route(
      'POST',
      '/api/residents/:id/reveal',
      access.permission('residents.reveal'),
      { body: revealBody, response: revealResult },
      (ctx, id, body) => revealField(ctx, id, body.field),
    );
    app.post(
      '/api/residents/:id/remove',
      {
        config: { access: access.permission('residents.write') },
        schema: {
          tags,
          params: idParams,
          body: z.strictObject({ reason: z.string().trim().min(1).max(200) }),
        },
      },
      async (req, reply) => {
        await removeResident(ctxOf(req), req.params.id, req.body.reason);
        return reply.status(204).send();
      },
    );
  },
});
