import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  boundaryImportResultSchema,
  createOrgUnitBody,
  importBoundariesBody,
  mergeOrgUnitBody,
  moveOrgUnitBody,
  orgUnitDetailSchema,
  orgUnitSchema,
  splitOrgUnitBody,
  updateOrgUnitBody,
} from '../../../shared/contracts/org';
import { queryBool } from '../../../shared/contracts/common';
import { ORG_KINDS } from '../../../shared/orgKinds';
import { routeKit } from '../../platform/routeKit';
import { access } from '../../platform/access';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import {
  archiveUnit,
  createUnit,
  getUnitDetail,
  listChildren,
  listScopeRoots,
  mergeUnit,
  moveUnit,
  searchUnits,
  splitUnit,
  updateUnit,
} from './org.usecases';
import { importBoundaries } from './org.boundaries';
import * as orgTables from './org.table';
import { orgAccess } from '../../../shared/permissions/org';
import { ORG_ERRORS } from '../../../shared/i18n/errors.org';
import { ORG_AUDIT } from '../../../shared/i18n/audit.org';

export const orgModule = defineModule({
  name: 'org',
  audit: ORG_AUDIT,
  tables: orgTables,
  access: orgAccess,
  errors: ORG_ERRORS,
  routes(base: FastifyInstance, deps) {
    const { app, tags, ctxOf: actorCtx } = routeKit(base, deps, 'org');

    app.get(
      '/api/org/roots',
      {
        config: { access: access.permission('org.read') },
        schema: { tags, response: { 200: z.array(orgUnitSchema) } },
      },
      (req) => listScopeRoots(actorCtx(req)) as never,
    );
    app.get(
      '/api/org/units',
      {
        config: { access: access.permission('org.read') },
        schema: {
          tags,
          querystring: z.object({
            parentId: z.string().optional(),
            q: z.string().max(50).optional(),
            kind: z.enum(ORG_KINDS).optional(),
            includeInactive: queryBool,
          }),
          response: { 200: z.array(orgUnitSchema) },
        },
      },
      async (req) => {
        const ctx = actorCtx(req);
        if (req.query.parentId)
          return listChildren(ctx, req.query.parentId, req.query.includeInactive) as never;
        return searchUnits(ctx, req.query.q ?? '', req.query.kind) as never;
      },
    );
    app.get(
      '/api/org/units/:id',
      {
        config: { access: access.permission('org.read') },
        schema: { tags, params: idParams, response: { 200: orgUnitDetailSchema } },
      },
      (req) => getUnitDetail(actorCtx(req), req.params.id) as never,
    );
    app.post(
      '/api/org/units',
      {
        config: { access: access.permission('org.write') },
        schema: { tags, body: createOrgUnitBody, response: { 201: orgUnitSchema } },
      },
      async (req, reply) => reply.status(201).send((await createUnit(actorCtx(req), req.body)) as never),
    );
    app.patch(
      '/api/org/units/:id',
      {
        config: { access: access.permission('org.write') },
        schema: { tags, params: idParams, body: updateOrgUnitBody, response: { 200: orgUnitSchema } },
      },
      (req) => updateUnit(actorCtx(req), req.params.id, req.body) as never,
    );
    app.post(
      '/api/org/units/:id/boundaries/import',
      {
        config: { access: access.permission('org.write') },
        schema: {
          tags,
          params: idParams,
          body: importBoundariesBody,
          response: { 200: boundaryImportResultSchema },
        },
      },
      (req) => importBoundaries(actorCtx(req), req.params.id, req.body, req.locale),
    );
    app.post(
      '/api/org/units/:id/move',
      {
        config: { access: access.permission('org.write') },
        schema: { tags, params: idParams, body: moveOrgUnitBody, response: { 200: orgUnitSchema } },
      },
      (req) => moveUnit(actorCtx(req), req.params.id, req.body.newParentId) as never,
    );
    app.post(
      '/api/org/units/:id/merge',
      {
        config: { access: access.permission('org.write') },
        schema: {
          tags,
          params: idParams,
          body: mergeOrgUnitBody,
          response: {
            200: z.object({ source: orgUnitSchema, target: orgUnitSchema, movedChildren: z.number() }),
          },
        },
      },
      (req) => mergeUnit(actorCtx(req), req.params.id, req.body.targetId) as never,
    );
    app.post(
      '/api/org/units/:id/split',
      {
        config: { access: access.permission('org.write') },
        schema: { tags, params: idParams, body: splitOrgUnitBody, response: { 201: orgUnitSchema } },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(
            (await splitUnit(actorCtx(req), req.params.id, req.body.newName, req.body.childIds)) as never,
          ),
    );
    app.post(
      '/api/org/units/:id/archive',
      {
        config: { access: access.permission('org.write') },
        schema: { tags, params: idParams, response: { 200: orgUnitSchema } },
      },
      (req) => archiveUnit(actorCtx(req), req.params.id) as never,
    );
  },
});
