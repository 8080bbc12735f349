import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  type OrgDto,
  type ContractDto,
  contractBody,
  contractCoverageQuery,
  contractCoverageSchema,
  contractPatch,
  contractItemBody,
  contractItemPatch,
  contractListQuery,
  contractSchema,
  contractStateBody,
  flowBody,
  flowListQuery,
  flowSchema,
  fundBody,
  fundListQuery,
  fundSchema,
  incubationBody,
  incubationListQuery,
  incubationPatch,
  incubationSchema,
  linkBody,
  linkListQuery,
  linkSchema,
  memberBody,
  memberSchema,
  orgBody,
  orgListQuery,
  orgPatch,
  orgSchema,
  proposalActionBody,
  proposalBody,
  proposalDetailSchema,
  proposalListQuery,
  proposalSchema,
  publicFundSchema,
  roundBody,
  roundListQuery,
  roundSchema,
  roundStateBody,
  scoreBody,
  stationBody,
  stationListQuery,
  stationSchema,
  stationWorkerBody,
  urbanVillageSchema,
} from '../../../shared/contracts/socialOrgs';
import { SOCIAL_ORGS_AUDIT } from '../../../shared/i18n/audit.social-orgs';
import { SOCIAL_ORGS_ERRORS } from '../../../shared/i18n/errors.social-orgs';
import { socialOrgsAccess } from '../../../shared/permissions/social-orgs';
import { access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import { idParamsWith } from '../../platform/ids';
import type { AppDeps } from '../../platform/context';
import type { SheetColumn } from '../../platform/excel';
import { label } from '../../../shared/i18n/labels';
import { defineModule } from '../../platform/module';
import { pageOf, pageQuery } from '../../platform/pagination';
import { recordRoutes } from '../../platform/recordRoutes';
import * as tables from './socialOrgs.table';
import {
  actOnProposal,
  addContractItem,
  addMember,
  contractCoverage,
  exportContracts,
  updateContract,
  createContract,
  createFund,
  createIncubation,
  createLink,
  createOrg,
  createProposal,
  createRound,
  createStation,
  exportOrgs,
  fundBoard,
  getOrg,
  getProposal,
  getRound,
  listContracts,
  listFlows,
  listFunds,
  listIncubations,
  listLinks,
  listMembers,
  listOrgs,
  listProposals,
  listRounds,
  listStations,
  postWorker,
  recordFlow,
  removeMember,
  scoreProposal,
  setContractState,
  setRoundState,
  updateContractItemDone,
  updateIncubation,
  updateOrg,
  urbanVillages,
} from './socialOrgs.usecases';
import { proposalWorkflow } from './socialOrgs.workflow';

const CATEGORY = {
  self_governance: ['自治协商类', 'Self-governance'],
  mediation: ['矛盾调处类', 'Dispute mediation'],
  public_welfare: ['公益服务类', 'Public welfare'],
  interest: ['兴趣活动类', 'Interest group'],
  service: ['服务性', 'Service'],
  mutual_aid: ['互助性', 'Mutual aid'],
  social_work_agency: ['社工机构', 'Social-work agency'],
} as const;
const TIER = {
  district_base: ['区培育基地', 'District base'],
  subdistrict_federation: ['街道社会组织联合会', 'Subdistrict federation'],
  community_studio: ['社区社会组织工作室', 'Community studio'],
} as const;
const STAGE = {
  applied: ['申请入孵', 'Applied'],
  incubating: ['孵化中', 'Incubating'],
  graduated: ['已出壳', 'Graduated'],
  exited: ['已退出', 'Exited'],
} as const;

/** Seed 002 二.7 (S002-14): the funding modes as the export names them. */
const FUNDING_MODE = {
  purchase: ['购买服务', 'Purchase of services'],
  entrustment: ['项目委托', 'Project entrustment'],
  award_subsidy: ['以奖代补', 'Award in place of subsidy'],
} as const;
const CONTRACT_STATE = {
  active: ['履行中', 'Active'],
  completed: ['已完成', 'Completed'],
  terminated: ['已终止', 'Terminated'],
} as const;
const yuanText = (fen: number) => (fen / 100).toFixed(2);

/** The contracts' Excel export: mode, special groups served (shared labels) and beneficiaries included. */
function contractColumns(en: boolean): SheetColumn<ContractDto>[] {
  const i = en ? 1 : 0;
  const locale = en ? 'en' : 'zh-CN';
  return [
    { header: en ? 'Title' : '合同名称', width: 28, value: (r) => r.title },
    { header: en ? 'Buyer' : '购买方', width: 18, value: (r) => r.buyer },
    { header: en ? 'Provider' : '承接组织', width: 24, value: (r) => r.providerOrgName },
    { header: en ? 'Funding mode' : '实施方式', width: 12, value: (r) => FUNDING_MODE[r.fundingMode][i] },
    {
      header: en ? 'Special groups served' : '服务对象',
      width: 24,
      value: (r) => r.targetGroups.map((g) => label(g, locale)).join(en ? ', ' : '、'),
    },
    { header: en ? 'Beneficiaries' : '受益人数', value: (r) => r.beneficiaries },
    { header: en ? 'Amount (yuan)' : '合同金额（元）', width: 14, value: (r) => yuanText(r.amountFen) },
    { header: en ? 'Paid (yuan)' : '已付金额（元）', width: 14, value: (r) => yuanText(r.paidFen) },
    { header: en ? 'Starts' : '开始日期', width: 12, value: (r) => r.startOn },
    { header: en ? 'Ends' : '结束日期', width: 12, value: (r) => r.endOn },
    { header: en ? 'State' : '状态', value: (r) => CONTRACT_STATE[r.state][i] },
    { header: en ? 'Unit' : '所属单位', width: 16, value: (r) => r.orgUnitName },
  ];
}

function orgColumns(en: boolean): SheetColumn<OrgDto>[] {
  const i = en ? 1 : 0;
  const yes = en ? 'Yes' : '是';
  const no = en ? 'No' : '否';
  return [
    { header: en ? 'Name' : '名称', width: 28, value: (r) => r.name },
    { header: en ? 'Credit code' : '统一社会信用代码', width: 22, value: (r) => r.uscc },
    {
      header: en ? 'Registration' : '登记方式',
      value: (r) => (r.registration === 'registered' ? (en ? 'Registered' : '登记') : en ? 'Filed' : '备案'),
    },
    {
      header: en ? 'Class' : '类别',
      width: 14,
      value: (r) => (r.category ? CATEGORY[r.category][i] : null),
    },
    { header: en ? 'Field' : '服务领域', width: 14, value: (r) => r.field },
    { header: en ? 'Public welfare' : '公益性', value: (r) => (r.publicWelfare ? yes : no) },
    { header: en ? 'Members' : '成员数', value: (r) => r.memberCount },
    { header: en ? 'Migrant members' : '外来务工成员', value: (r) => r.migrantCount },
    {
      header: en ? 'Incubation tier' : '孵化层级',
      width: 20,
      value: (r) => (r.incubationTier ? TIER[r.incubationTier][i] : null),
    },
    {
      header: en ? 'Stage' : '孵化阶段',
      value: (r) => (r.incubationStage ? STAGE[r.incubationStage][i] : null),
    },
    { header: en ? 'Unit' : '所属社区', width: 16, value: (r) => r.orgUnitName },
    { header: en ? 'Contact' : '联系人', value: (r) => r.contactName },
  ];
}

/**
 * Social organisations (issue 16 §2): registry on the people module's `social_orgs` (through people.api),
 * incubation, 社工站/室, 公益创投 (workflow `social_orgs.proposal`), community funds on the ledger with their
 * disclosure, purchased-service contracts and 五社联动 links.
 */
export const socialOrgsModule = defineModule({
  name: 'social-orgs',
  tables,
  scopedTables: {
    scoped: [
      tables.soProfiles,
      tables.soStations,
      tables.soRounds,
      tables.soProposals,
      tables.soFunds,
      tables.soContracts,
      tables.soLinks,
    ],
    pathOnly: [
      tables.soMembers,
      tables.soIncubations,
      tables.soStationWorkers,
      tables.soProposalScores,
      tables.soProposalEvents,
      tables.soFundFlows,
      tables.soContractItems,
    ],
  },
  access: socialOrgsAccess,
  errors: SOCIAL_ORGS_ERRORS,
  audit: SOCIAL_ORGS_AUDIT,
  workflows: [proposalWorkflow],
  routes(base: FastifyInstance, deps: AppDeps) {
    const { app, tags, ctxOf: ctx, route, xlsx, recordFields } = routeKit(base, deps, 'social-orgs');
    const read = { access: access.permission('social_orgs.read') };
    const manage = { access: access.permission('social_orgs.manage') };
    const review = { access: access.permission('social_orgs.review') };
    const pq = z.object(pageQuery);
    const records = recordFields(read.access, manage.access);

    // ---- registry
    recordRoutes(base, {
      path: '/api/social-orgs/orgs',
      ...records,
      listQuery: orgListQuery,
      schema: orgSchema,
      list: listOrgs,
      body: orgBody,
      create: createOrg,
      detail: { schema: orgSchema, get: getOrg },
      update: { body: orgPatch, run: updateOrg },
    });
    xlsx(
      '/api/social-orgs/orgs/export.xlsx',
      read.access,
      orgListQuery.omit({ page: true, pageSize: true }),
      {
        file: { en: 'social-organisations.xlsx', zh: '社会组织.xlsx' },
        sheet: { en: 'Social organisations', zh: '社会组织' },
        columns: orgColumns,
      },
      exportOrgs,
    );
    app.get(
      '/api/social-orgs/urban-villages',
      { config: read, schema: { tags, response: { 200: z.object({ items: z.array(urbanVillageSchema) }) } } },
      async (req) => ({ items: await urbanVillages(ctx(req)) }),
    );
    route(
      'GET',
      '/api/social-orgs/orgs/:id/members',
      read.access,
      { query: pq, response: pageOf(memberSchema) },
      listMembers,
    );
    route(
      'POST',
      '/api/social-orgs/orgs/:id/members',
      manage.access,
      { body: memberBody, response: memberSchema, status: 201 },
      addMember,
    );
    app.delete(
      '/api/social-orgs/orgs/:id/members/:memberId',
      {
        config: manage,
        schema: { tags, params: idParamsWith('memberId') },
      },
      async (req, reply) => {
        await removeMember(ctx(req), req.params.id, req.params.memberId);
        return reply.status(204).send();
      },
    );

    // ---- incubation
    recordRoutes(base, {
      path: '/api/social-orgs/incubations',
      ...records,
      listQuery: incubationListQuery,
      schema: incubationSchema,
      list: listIncubations,
      body: incubationBody,
      create: createIncubation,
      update: { body: incubationPatch, run: updateIncubation },
    });

    // ---- 社工站 / 社工室
    recordRoutes(base, {
      path: '/api/social-orgs/stations',
      ...records,
      listQuery: stationListQuery,
      schema: stationSchema,
      list: listStations,
      body: stationBody,
      create: createStation,
    });
    route(
      'POST',
      '/api/social-orgs/stations/:id/workers',
      manage.access,
      { body: stationWorkerBody, response: stationSchema },
      (ctx, id, body) => postWorker(ctx, id, body.workerId, true),
    );
    app.delete(
      '/api/social-orgs/stations/:id/workers/:workerId',
      {
        config: manage,
        schema: {
          tags,
          params: idParamsWith('workerId'),
          response: { 200: stationSchema },
        },
      },
      (req) => postWorker(ctx(req), req.params.id, req.params.workerId, false),
    );

    // ---- 公益创投
    recordRoutes(base, {
      path: '/api/social-orgs/rounds',
      ...records,
      listQuery: roundListQuery,
      schema: roundSchema,
      list: listRounds,
      body: roundBody,
      create: createRound,
      createAccess: review.access,
      detail: { schema: roundSchema, get: getRound },
    });
    route(
      'POST',
      '/api/social-orgs/rounds/:id/state',
      review.access,
      { body: roundStateBody, response: roundSchema },
      (ctx, id, body) => setRoundState(ctx, id, body.state),
    );
    recordRoutes(base, {
      path: '/api/social-orgs/proposals',
      ...records,
      listQuery: proposalListQuery,
      schema: proposalSchema,
      list: listProposals,
      body: proposalBody,
      create: createProposal,
      created: proposalDetailSchema,
      detail: { schema: proposalDetailSchema, get: getProposal },
    });
    route(
      'POST',
      '/api/social-orgs/proposals/:id/score',
      review.access,
      { body: scoreBody, response: proposalDetailSchema },
      scoreProposal,
    );
    route(
      'POST',
      '/api/social-orgs/proposals/:id/actions',
      access.anyOf('social_orgs.manage', 'social_orgs.review'),
      { body: proposalActionBody, response: proposalDetailSchema },
      actOnProposal,
    );

    // ---- community funds
    recordRoutes(base, {
      path: '/api/social-orgs/funds',
      ...records,
      listQuery: fundListQuery,
      schema: fundSchema,
      list: listFunds,
      body: fundBody,
      create: createFund,
    });
    route(
      'GET',
      '/api/social-orgs/funds/:id/flows',
      read.access,
      { query: flowListQuery, response: pageOf(flowSchema) },
      listFlows,
    );
    route(
      'POST',
      '/api/social-orgs/funds/:id/flows',
      manage.access,
      { body: flowBody, response: flowSchema, status: 201 },
      recordFlow,
    );
    app.get(
      '/api/social-orgs/fund-board',
      {
        config: { access: access.permission('social_orgs.fund_board') },
        schema: { tags, response: { 200: z.object({ items: z.array(publicFundSchema) }) } },
      },
      async (req) => ({ items: await fundBoard(ctx(req)) }),
    );

    // ---- 政府购买服务
    recordRoutes(base, {
      path: '/api/social-orgs/contracts',
      ...records,
      listQuery: contractListQuery,
      schema: contractSchema,
      list: listContracts,
      body: contractBody,
      create: createContract,
      update: { body: contractPatch, run: updateContract },
    });
    xlsx(
      '/api/social-orgs/contracts/export.xlsx',
      read.access,
      contractListQuery.omit({ page: true, pageSize: true }),
      {
        file: { en: 'service-contracts.xlsx', zh: '购买服务合同.xlsx' },
        sheet: { en: 'Service contracts', zh: '购买服务合同' },
        columns: contractColumns,
      },
      exportContracts,
    );
    // seed 002 三.15 (S002-34): purchased-service coverage per special group
    app.get(
      '/api/social-orgs/contracts/coverage',
      {
        config: read,
        schema: { tags, querystring: contractCoverageQuery, response: { 200: contractCoverageSchema } },
      },
      (req) => contractCoverage(ctx(req), req.query),
    );
    route(
      'POST',
      '/api/social-orgs/contracts/:id/state',
      manage.access,
      { body: contractStateBody, response: contractSchema },
      (ctx, id, body) => setContractState(ctx, id, body.state),
    );
    route(
      'POST',
      '/api/social-orgs/contracts/:id/items',
      manage.access,
      { body: contractItemBody, response: contractSchema },
      addContractItem,
    );
    app.patch(
      '/api/social-orgs/contracts/:id/items/:itemId',
      {
        config: manage,
        schema: {
          tags,
          params: idParamsWith('itemId'),
          body: contractItemPatch,
          response: { 200: contractSchema },
        },
      },
      (req) => updateContractItemDone(ctx(req), req.params.id, req.params.itemId, req.body),
    );

    // ---- 五社联动
    recordRoutes(base, {
      path: '/api/social-orgs/links',
      ...records,
      listQuery: linkListQuery,
      schema: linkSchema,
      list: listLinks,
      body: linkBody,
      create: createLink,
    });
  },
});
