import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  assignGridBody,
  createDeputyBody,
  createPartyMemberBody,
  createPartyOrgBody,
  createResidentUnitBody,
  createSocialOrgBody,
  createWorkerBody,
  deputyListQuery,
  deputySchema,
  gridRefSchema,
  pageParams,
  partyMemberListQuery,
  partyMemberSchema,
  partyOrgDetailSchema,
  partyOrgListQuery,
  partyOrgSchema,
  partySchemeListItem,
  partySchemeQuery,
  partySchemeSchema,
  renamePartyLevelBody,
  replacePartySchemeBody,
  residentUnitListQuery,
  residentUnitSchema,
  socialOrgListQuery,
  socialOrgSchema,
  updateDeputyBody,
  updatePartyMemberBody,
  updatePartyOrgBody,
  updateResidentUnitBody,
  updateSocialOrgBody,
  updateWorkerBody,
  workerListQuery,
  workerSchema,
} from '../../../shared/contracts/people';
import { routeKit } from '../../platform/routeKit';
import { access } from '../../platform/access';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { peopleEvidence } from './people.evidence.repository';
import { recordRoutes } from '../../platform/recordRoutes';
import {
  createPartyOrg,
  getPartyOrg,
  getPartyScheme,
  listPartyOrgs,
  listPartySchemes,
  renamePartyLevel,
  replacePartyScheme,
  updatePartyOrg,
} from './party.usecases';
import { createPartyMember, getPartyMember, listPartyMembers, updatePartyMember } from './members.usecases';
import {
  createDeputy,
  createResidentUnit,
  createSocialOrg,
  getDeputy,
  getResidentUnit,
  getSocialOrg,
  listDeputies,
  listResidentUnits,
  listSocialOrgs,
  updateDeputy,
  updateResidentUnit,
  updateSocialOrg,
} from './units.usecases';
import {
  assignGrid,
  createWorker,
  getWorker,
  listWorkerGrids,
  listWorkers,
  setWorkerActive,
  unassignGrid,
  updateWorker,
} from './workers.usecases';
import * as peopleTables from './people.table';
import { peopleAccess } from '../../../shared/permissions/people';
import { PEOPLE_ERRORS } from '../../../shared/i18n/errors.people';
import { PEOPLE_AUDIT } from '../../../shared/i18n/audit.people';

const unitParams = z.object({ orgUnitId: z.string() });
const gridParams = idParams.extend({ gridId: idParams.shape.id });

/**
 * The people registry (issue 2 part 6). Reads need people.read, writes people.write; every record is
 * scoped to the actor's subtree, so a record outside it answers 404 (R-ORG-1).
 */
export const peopleModule = defineModule({
  name: 'people',
  evidence: peopleEvidence,
  audit: PEOPLE_AUDIT,
  tables: peopleTables,
  scopedTables: {
    scoped: [
      peopleTables.partyOrgs,
      peopleTables.partyMembers,
      peopleTables.workers,
      peopleTables.deputies,
      peopleTables.residentUnits,
      peopleTables.socialOrgs,
    ],
    unitAssignments: [
      {
        table: peopleTables.gridAssignments,
        unitColumn: peopleTables.gridAssignments.gridId,
        personColumn: peopleTables.gridAssignments.workerId,
        personTable: peopleTables.workers,
        unitKind: 'grid',
      },
    ],
  },
  access: peopleAccess,
  errors: PEOPLE_ERRORS,
  routes(base: FastifyInstance, deps) {
    const { app, tags, ctxOf, route, page, recordFields } = routeKit(base, deps, 'people');

    // ---- party organization levels (R-ORG-2) ----
    app.get(
      '/api/people/party-levels',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, querystring: partySchemeQuery, response: { 200: partySchemeSchema } },
      },
      (req) => getPartyScheme(ctxOf(req), req.query.orgUnitId),
    );
    page(
      '/api/people/party-levels/schemes',
      access.permission('people.read'),
      pageParams,
      partySchemeListItem,
      listPartySchemes,
    );
    app.put(
      '/api/people/party-levels/schemes/:orgUnitId',
      {
        config: { access: access.permission('people.write') },
        schema: {
          tags,
          params: unitParams,
          body: replacePartySchemeBody,
          response: { 200: partySchemeSchema },
        },
      },
      (req) => replacePartyScheme(ctxOf(req), req.params.orgUnitId, req.body),
    );
    route(
      'PATCH',
      '/api/people/party-levels/:id',
      access.permission('people.write'),
      { body: renamePartyLevelBody, response: partySchemeSchema },
      (ctx, id, body) => renamePartyLevel(ctx, id, body.name),
    );

    // ---- the registries: each a list, a detail, create and update ----
    const registry = recordFields(access.permission('people.read'), access.permission('people.write'));

    // ---- party organizations ----
    recordRoutes(base, {
      path: '/api/people/party-orgs',
      ...registry,
      schema: partyOrgSchema,
      listQuery: partyOrgListQuery,
      body: createPartyOrgBody,
      list: listPartyOrgs,
      create: createPartyOrg,
      detail: { schema: partyOrgDetailSchema, get: getPartyOrg },
      update: { body: updatePartyOrgBody, run: updatePartyOrg },
    });

    // ---- party members ----
    recordRoutes(base, {
      path: '/api/people/party-members',
      ...registry,
      schema: partyMemberSchema,
      listQuery: partyMemberListQuery,
      body: createPartyMemberBody,
      list: listPartyMembers,
      create: createPartyMember,
      detail: { schema: partyMemberSchema, get: getPartyMember },
      update: { body: updatePartyMemberBody, run: updatePartyMember },
    });

    // ---- community, grid and social workers ----
    recordRoutes(base, {
      path: '/api/people/workers',
      ...registry,
      schema: workerSchema,
      listQuery: workerListQuery,
      body: createWorkerBody,
      list: listWorkers,
      create: createWorker,
      detail: { schema: workerSchema, get: getWorker },
      update: { body: updateWorkerBody, run: updateWorker },
    });
    route(
      'POST',
      '/api/people/workers/:id/deactivate',
      access.permission('people.write'),
      { response: workerSchema },
      (ctx, id) => setWorkerActive(ctx, id, false),
    );
    route(
      'POST',
      '/api/people/workers/:id/activate',
      access.permission('people.write'),
      { response: workerSchema },
      (ctx, id) => setWorkerActive(ctx, id, true),
    );
    route(
      'GET',
      '/api/people/workers/:id/grids',
      access.permission('people.read'),
      { response: z.array(gridRefSchema) },
      listWorkerGrids,
    );
    route(
      'POST',
      '/api/people/workers/:id/grids',
      access.permission('people.write'),
      { body: assignGridBody, response: workerSchema },
      (ctx, id, body) => assignGrid(ctx, id, body.gridId),
    );
    app.delete(
      '/api/people/workers/:id/grids/:gridId',
      { config: { access: access.permission('people.write') }, schema: { tags, params: gridParams } },
      async (req, reply) => {
        await unassignGrid(ctxOf(req), req.params.id, req.params.gridId);
        return reply.status(204).send();
      },
    );

    // ---- deputies (两代表一委员) ----
    recordRoutes(base, {
      path: '/api/people/deputies',
      ...registry,
      schema: deputySchema,
      listQuery: deputyListQuery,
      body: createDeputyBody,
      list: listDeputies,
      create: createDeputy,
      detail: { schema: deputySchema, get: getDeputy },
      update: { body: updateDeputyBody, run: updateDeputy },
    });

    // ---- resident units (驻区单位) ----
    recordRoutes(base, {
      path: '/api/people/resident-units',
      ...registry,
      schema: residentUnitSchema,
      listQuery: residentUnitListQuery,
      body: createResidentUnitBody,
      list: listResidentUnits,
      create: createResidentUnit,
      detail: { schema: residentUnitSchema, get: getResidentUnit },
      update: { body: updateResidentUnitBody, run: updateResidentUnit },
    });

    // ---- social organizations (社区社会组织) ----
    recordRoutes(base, {
      path: '/api/people/social-orgs',
      ...registry,
      schema: socialOrgSchema,
      listQuery: socialOrgListQuery,
      body: createSocialOrgBody,
      list: listSocialOrgs,
      create: createSocialOrg,
      detail: { schema: socialOrgSchema, get: getSocialOrg },
      update: { body: updateSocialOrgBody, run: updateSocialOrg },
    });
  },
});
