import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { actorCtxOf } from '../../platform/context';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { pageOf } from '../../platform/pagination';
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
  access: certificatesAccess,
  errors: CERTIFICATES_ERRORS,
  audit: CERTIFICATES_AUDIT,
  routes(base: FastifyInstance, deps) {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['certificates'];
    const read = { access: access.permission('certificates.read') };

    app.get(
      '/api/me/certificates/catalogue',
      {
        config: { access: access.session },
        schema: { tags, response: { 200: z.object({ items: z.array(catalogueItemSchema) }) } },
      },
      (req) => myCatalogue(actorCtxOf(deps, req)),
    );
    app.get(
      '/api/certificates/catalogue',
      {
        config: read,
        schema: { tags, querystring: catalogueQuery, response: { 200: pageOf(catalogueItemSchema) } },
      },
      (req) => listCatalogue(actorCtxOf(deps, req), req.query),
    );
    app.post(
      '/api/certificates/catalogue',
      {
        config: { access: access.permission('certificates.catalogue') },
        schema: { tags, body: catalogueBody, response: { 201: catalogueItemSchema } },
      },
      async (req, reply) =>
        reply.status(201).send(await createCatalogueItem(actorCtxOf(deps, req), req.body)),
    );
    app.get(
      '/api/certificates',
      {
        config: read,
        schema: { tags, querystring: registerQuery, response: { 200: pageOf(certificateSchema) } },
      },
      (req) => listRegister(actorCtxOf(deps, req), req.query),
    );
    app.post(
      '/api/certificates',
      {
        config: { access: access.permission('certificates.issue') },
        schema: { tags, body: certificateRequestBody, response: { 201: certificateSchema } },
      },
      async (req, reply) => reply.status(201).send(await requestCertificate(actorCtxOf(deps, req), req.body)),
    );
    app.get(
      '/api/certificates/:id',
      { config: read, schema: { tags, params: idParams, response: { 200: certificateSchema } } },
      (req) => getCertificate(actorCtxOf(deps, req), req.params.id),
    );
    app.get(
      '/api/certificates/:id/certificate.pdf',
      { config: read, schema: { tags, params: idParams } },
      async (req, reply) => {
        const { number, pdf } = await certificatePdf(actorCtxOf(deps, req), req.params.id);
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="certificate.pdf"; filename*=UTF-8''${encodeURIComponent(`证明-${number}.pdf`)}`,
          )
          .send(pdf);
      },
    );
    app.get(
      '/api/seals',
      { config: read, schema: { tags, querystring: sealQuery, response: { 200: pageOf(sealUseSchema) } } },
      (req) => listSeals(actorCtxOf(deps, req), req.query),
    );
    app.post(
      '/api/seals',
      {
        config: { access: access.permission('certificates.seal') },
        schema: { tags, body: sealUseBody, response: { 201: sealUseSchema } },
      },
      async (req, reply) => reply.status(201).send(await recordSealUse(actorCtxOf(deps, req), req.body)),
    );
  },
});
