import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
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
import { actorCtxOf } from '../../platform/context';
import { access } from '../../platform/access';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { peopleEvidence } from './people.evidence.repository';
import { pageOf } from '../../platform/pagination';
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
  access: peopleAccess,
  errors: PEOPLE_ERRORS,
  routes(base: FastifyInstance, deps) {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['people'];

    // ---- party organization levels (R-ORG-2) ----
    app.get(
      '/api/people/party-levels',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, querystring: partySchemeQuery, response: { 200: partySchemeSchema } },
      },
      (req) => getPartyScheme(actorCtxOf(deps, req), req.query.orgUnitId),
    );
    app.get(
      '/api/people/party-levels/schemes',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, querystring: pageParams, response: { 200: pageOf(partySchemeListItem) } },
      },
      (req) => listPartySchemes(actorCtxOf(deps, req), req.query),
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
      (req) => replacePartyScheme(actorCtxOf(deps, req), req.params.orgUnitId, req.body),
    );
    app.patch(
      '/api/people/party-levels/:id',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, params: idParams, body: renamePartyLevelBody, response: { 200: partySchemeSchema } },
      },
      (req) => renamePartyLevel(actorCtxOf(deps, req), req.params.id, req.body.name),
    );

    // ---- party organizations ----
    app.get(
      '/api/people/party-orgs',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, querystring: partyOrgListQuery, response: { 200: pageOf(partyOrgSchema) } },
      },
      (req) => listPartyOrgs(actorCtxOf(deps, req), req.query),
    );
    app.get(
      '/api/people/party-orgs/:id',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, params: idParams, response: { 200: partyOrgDetailSchema } },
      },
      (req) => getPartyOrg(actorCtxOf(deps, req), req.params.id),
    );
    app.post(
      '/api/people/party-orgs',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, body: createPartyOrgBody, response: { 201: partyOrgSchema } },
      },
      async (req, reply) => reply.status(201).send(await createPartyOrg(actorCtxOf(deps, req), req.body)),
    );
    app.patch(
      '/api/people/party-orgs/:id',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, params: idParams, body: updatePartyOrgBody, response: { 200: partyOrgSchema } },
      },
      (req) => updatePartyOrg(actorCtxOf(deps, req), req.params.id, req.body),
    );

    // ---- party members ----
    app.get(
      '/api/people/party-members',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, querystring: partyMemberListQuery, response: { 200: pageOf(partyMemberSchema) } },
      },
      (req) => listPartyMembers(actorCtxOf(deps, req), req.query),
    );
    app.get(
      '/api/people/party-members/:id',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, params: idParams, response: { 200: partyMemberSchema } },
      },
      (req) => getPartyMember(actorCtxOf(deps, req), req.params.id),
    );
    app.post(
      '/api/people/party-members',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, body: createPartyMemberBody, response: { 201: partyMemberSchema } },
      },
      async (req, reply) => reply.status(201).send(await createPartyMember(actorCtxOf(deps, req), req.body)),
    );
    app.patch(
      '/api/people/party-members/:id',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, params: idParams, body: updatePartyMemberBody, response: { 200: partyMemberSchema } },
      },
      (req) => updatePartyMember(actorCtxOf(deps, req), req.params.id, req.body),
    );

    // ---- community, grid and social workers ----
    app.get(
      '/api/people/workers',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, querystring: workerListQuery, response: { 200: pageOf(workerSchema) } },
      },
      (req) => listWorkers(actorCtxOf(deps, req), req.query),
    );
    app.get(
      '/api/people/workers/:id',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, params: idParams, response: { 200: workerSchema } },
      },
      (req) => getWorker(actorCtxOf(deps, req), req.params.id),
    );
    app.post(
      '/api/people/workers',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, body: createWorkerBody, response: { 201: workerSchema } },
      },
      async (req, reply) => reply.status(201).send(await createWorker(actorCtxOf(deps, req), req.body)),
    );
    app.patch(
      '/api/people/workers/:id',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, params: idParams, body: updateWorkerBody, response: { 200: workerSchema } },
      },
      (req) => updateWorker(actorCtxOf(deps, req), req.params.id, req.body),
    );
    app.post(
      '/api/people/workers/:id/deactivate',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, params: idParams, response: { 200: workerSchema } },
      },
      (req) => setWorkerActive(actorCtxOf(deps, req), req.params.id, false),
    );
    app.post(
      '/api/people/workers/:id/activate',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, params: idParams, response: { 200: workerSchema } },
      },
      (req) => setWorkerActive(actorCtxOf(deps, req), req.params.id, true),
    );
    app.get(
      '/api/people/workers/:id/grids',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, params: idParams, response: { 200: z.array(gridRefSchema) } },
      },
      (req) => listWorkerGrids(actorCtxOf(deps, req), req.params.id),
    );
    app.post(
      '/api/people/workers/:id/grids',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, params: idParams, body: assignGridBody, response: { 200: workerSchema } },
      },
      (req) => assignGrid(actorCtxOf(deps, req), req.params.id, req.body.gridId),
    );
    app.delete(
      '/api/people/workers/:id/grids/:gridId',
      { config: { access: access.permission('people.write') }, schema: { tags, params: gridParams } },
      async (req, reply) => {
        await unassignGrid(actorCtxOf(deps, req), req.params.id, req.params.gridId);
        return reply.status(204).send();
      },
    );

    // ---- deputies (两代表一委员) ----
    app.get(
      '/api/people/deputies',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, querystring: deputyListQuery, response: { 200: pageOf(deputySchema) } },
      },
      (req) => listDeputies(actorCtxOf(deps, req), req.query),
    );
    app.get(
      '/api/people/deputies/:id',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, params: idParams, response: { 200: deputySchema } },
      },
      (req) => getDeputy(actorCtxOf(deps, req), req.params.id),
    );
    app.post(
      '/api/people/deputies',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, body: createDeputyBody, response: { 201: deputySchema } },
      },
      async (req, reply) => reply.status(201).send(await createDeputy(actorCtxOf(deps, req), req.body)),
    );
    app.patch(
      '/api/people/deputies/:id',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, params: idParams, body: updateDeputyBody, response: { 200: deputySchema } },
      },
      (req) => updateDeputy(actorCtxOf(deps, req), req.params.id, req.body),
    );

    // ---- resident units (驻区单位) ----
    app.get(
      '/api/people/resident-units',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, querystring: residentUnitListQuery, response: { 200: pageOf(residentUnitSchema) } },
      },
      (req) => listResidentUnits(actorCtxOf(deps, req), req.query),
    );
    app.get(
      '/api/people/resident-units/:id',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, params: idParams, response: { 200: residentUnitSchema } },
      },
      (req) => getResidentUnit(actorCtxOf(deps, req), req.params.id),
    );
    app.post(
      '/api/people/resident-units',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, body: createResidentUnitBody, response: { 201: residentUnitSchema } },
      },
      async (req, reply) => reply.status(201).send(await createResidentUnit(actorCtxOf(deps, req), req.body)),
    );
    app.patch(
      '/api/people/resident-units/:id',
      {
        config: { access: access.permission('people.write') },
        schema: {
          tags,
          params: idParams,
          body: updateResidentUnitBody,
          response: { 200: residentUnitSchema },
        },
      },
      (req) => updateResidentUnit(actorCtxOf(deps, req), req.params.id, req.body),
    );

    // ---- social organizations (社区社会组织) ----
    app.get(
      '/api/people/social-orgs',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, querystring: socialOrgListQuery, response: { 200: pageOf(socialOrgSchema) } },
      },
      (req) => listSocialOrgs(actorCtxOf(deps, req), req.query),
    );
    app.get(
      '/api/people/social-orgs/:id',
      {
        config: { access: access.permission('people.read') },
        schema: { tags, params: idParams, response: { 200: socialOrgSchema } },
      },
      (req) => getSocialOrg(actorCtxOf(deps, req), req.params.id),
    );
    app.post(
      '/api/people/social-orgs',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, body: createSocialOrgBody, response: { 201: socialOrgSchema } },
      },
      async (req, reply) => reply.status(201).send(await createSocialOrg(actorCtxOf(deps, req), req.body)),
    );
    app.patch(
      '/api/people/social-orgs/:id',
      {
        config: { access: access.permission('people.write') },
        schema: { tags, params: idParams, body: updateSocialOrgBody, response: { 200: socialOrgSchema } },
      },
      (req) => updateSocialOrg(actorCtxOf(deps, req), req.params.id, req.body),
    );
  },
});
