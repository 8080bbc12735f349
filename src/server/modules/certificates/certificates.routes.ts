import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  catalogueBody,
  catalogueItemSchema,
  catalogueQuery,
  certificateRequestBody,
  certificateSchema,
  registerQuery,
  sealQuery,
  sealUseBody,
  sealUseSchema,
} from '../../../shared/contracts/certificates';
import { CERTIFICATES_AUDIT } from '../../../shared/i18n/audit.certificates';
import { CERTIFICATES_ERRORS } from '../../../shared/i18n/errors.certificates';
import { certificatesAccess } from '../../../shared/permissions/certificates';
import { access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import { sendPdf } from '../../platform/downloads';
import { actorCtxOf } from '../../platform/context';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { recordRoutes } from '../../platform/recordRoutes';
import * as tables from './certificates.table';
import {
  certificatePdf,
  createCatalogueItem,
  getCertificate,
  listCatalogue,
  listRegister,
  listSeals,
  myCatalogue,
  requestCertificate,
  recordSealUse,
} from './certificates.usecases';

/** 证明事项 and 用印登记 (R-AC-2, seed 001): catalogue with clauses, decided requests, register, seal log. */
export const certificatesModule = defineModule({
  name: 'certificates',
  tables,
  scopedTables: { scoped: [tables.certCatalogue, tables.certRegister, tables.sealUses] },
  access: certificatesAccess,
  errors: CERTIFICATES_ERRORS,
  audit: CERTIFICATES_AUDIT,
  routes(base: FastifyInstance, deps) {
    const { app, tags } = routeKit(base, deps, 'certificates');
    const read = { access: access.permission('certificates.read') };

    app.get(
      '/api/me/certificates/catalogue',
      {
        config: { access: access.session },
        schema: { tags, response: { 200: z.object({ items: z.array(catalogueItemSchema) }) } },
      },
      (req) => myCatalogue(actorCtxOf(deps, req)),
    );
    const records = {
      tags,
      read: read.access,
      ctx: (req: FastifyRequest) => actorCtxOf(deps, req),
    };
    recordRoutes(base, {
      path: '/api/certificates/catalogue',
      ...records,
      write: access.permission('certificates.catalogue'),
      schema: catalogueItemSchema,
      listQuery: catalogueQuery,
      body: catalogueBody,
      list: listCatalogue,
      create: createCatalogueItem,
    });
    recordRoutes(base, {
      path: '/api/certificates',
      ...records,
      write: access.permission('certificates.issue'),
      schema: certificateSchema,
      listQuery: registerQuery,
      body: certificateRequestBody,
      list: listRegister,
      create: requestCertificate,
      detail: { schema: certificateSchema, get: getCertificate },
    });
    app.get(
      '/api/certificates/:id/certificate.pdf',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const { number, pdf } = await certificatePdf(actorCtxOf(deps, req), req.params.id);
        return sendPdf(reply, pdf, `证明-${number}.pdf`, 'certificate.pdf');
      },
    );
    recordRoutes(base, {
      path: '/api/seals',
      ...records,
      write: access.permission('certificates.seal'),
      schema: sealUseSchema,
      listQuery: sealQuery,
      body: sealUseBody,
      list: listSeals,
      create: recordSealUse,
    });
  },
});
