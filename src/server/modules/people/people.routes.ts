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
import { type ActorCtx, type AppDeps, actorCtxOf } from '../../platform/context';
import { access } from '../../platform/access';
import { idParams } from '../../platform/ids';
import type { Page } from '../../platform/listing';
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
const tags = ['people'];

/** One kind of registry record as its routes see it: its contract and its use cases. */
interface RegistryApi<Q extends z.ZodType, C extends z.ZodType, U extends z.ZodType> {
  listQuery: Q;
  item: z.ZodType;
  /** What a read by id answers, when it says more than a list item. */
  detail?: z.ZodType;
  createBody: C;
  updateBody: U;
  list: (ctx: ActorCtx, q: z.infer<Q>) => Promise<Page<unknown>>;
  get: (ctx: ActorCtx, id: string) => Promise<unknown>;
  create: (ctx: ActorCtx, body: z.infer<C>) => Promise<unknown>;
  update: (ctx: ActorCtx, id: string, body: z.infer<U>) => Promise<unknown>;
}

/**
 * The four routes of a kind of registry record at `path`: list and read by id (people.read), create (201)
 * and update (people.write). The schemas have checked the query and bodies the use cases are given.
 */
function registryRoutes<Q extends z.ZodType, C extends z.ZodType, U extends z.ZodType>(
  base: FastifyInstance,
  deps: AppDeps,
  path: string,
  r: RegistryApi<Q, C, U>,
) {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const read = { access: access.permission('people.read') };
  const write = { access: access.permission('people.write') };
  app.get(
    path,
    { config: read, schema: { tags, querystring: r.listQuery, response: { 200: pageOf(r.item) } } },
    (req) => r.list(actorCtxOf(deps, req), req.query as z.infer<Q>),
  );
  app.get(
    `${path}/:id`,
    { config: read, schema: { tags, params: idParams, response: { 200: r.detail ?? r.item } } },
    (req) => r.get(actorCtxOf(deps, req), req.params.id),
  );
  app.post(
    path,
    { config: write, schema: { tags, body: r.createBody, response: { 201: r.item } } },
    async (req, reply) =>
      reply.status(201).send(await r.create(actorCtxOf(deps, req), req.body as z.infer<C>)),
  );
  app.patch(
    `${path}/:id`,
    { config: write, schema: { tags, params: idParams, body: r.updateBody, response: { 200: r.item } } },
    (req) => r.update(actorCtxOf(deps, req), req.params.id, req.body as z.infer<U>),
  );
}

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
    registryRoutes(app, deps, '/api/people/party-orgs', {
      listQuery: partyOrgListQuery,
      item: partyOrgSchema,
      detail: partyOrgDetailSchema,
      createBody: createPartyOrgBody,
      updateBody: updatePartyOrgBody,
      list: listPartyOrgs,
      get: getPartyOrg,
      create: createPartyOrg,
      update: updatePartyOrg,
    });

    // ---- party members ----
    registryRoutes(app, deps, '/api/people/party-members', {
      listQuery: partyMemberListQuery,
      item: partyMemberSchema,
      createBody: createPartyMemberBody,
      updateBody: updatePartyMemberBody,
      list: listPartyMembers,
      get: getPartyMember,
      create: createPartyMember,
      update: updatePartyMember,
    });

    // ---- community, grid and social workers ----
    registryRoutes(app, deps, '/api/people/workers', {
      listQuery: workerListQuery,
      item: workerSchema,
      createBody: createWorkerBody,
      updateBody: updateWorkerBody,
      list: listWorkers,
      get: getWorker,
      create: createWorker,
      update: updateWorker,
    });
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
    registryRoutes(app, deps, '/api/people/deputies', {
      listQuery: deputyListQuery,
      item: deputySchema,
      createBody: createDeputyBody,
      updateBody: updateDeputyBody,
      list: listDeputies,
      get: getDeputy,
      create: createDeputy,
      update: updateDeputy,
    });

    // ---- resident units (驻区单位) ----
    registryRoutes(app, deps, '/api/people/resident-units', {
      listQuery: residentUnitListQuery,
      item: residentUnitSchema,
      createBody: createResidentUnitBody,
      updateBody: updateResidentUnitBody,
      list: listResidentUnits,
      get: getResidentUnit,
      create: createResidentUnit,
      update: updateResidentUnit,
    });

    // ---- social organizations (社区社会组织) ----
    registryRoutes(app, deps, '/api/people/social-orgs', {
      listQuery: socialOrgListQuery,
      item: socialOrgSchema,
      createBody: createSocialOrgBody,
      updateBody: updateSocialOrgBody,
      list: listSocialOrgs,
      get: getSocialOrg,
      create: createSocialOrg,
      update: updateSocialOrg,
    });
  },
});
