import type * as C from '../../../shared/contracts/socialOrgs';
import type { Wire } from '../../../shared/contracts/wire';
import { type Page, type Query, api } from '../../app/api';

/** The social-orgs module's API client (what its pages use; other modules may import it). */
/** The JSON forms (dates as ISO strings) of the contract's DTOs. */
export type SocialOrg = Wire<C.OrgDto>;
export type ContractDto = Wire<C.ContractDto>;
export type ContractCoverageDto = C.ContractCoverageDto;
export type FlowDto = Wire<C.FlowDto>;
export type FundDto = Wire<C.FundDto>;
export type IncubationDto = Wire<C.IncubationDto>;
export type LinkDto = Wire<C.LinkDto>;
export type MemberDto = Wire<C.MemberDto>;
export type ProposalDetailDto = Wire<C.ProposalDetailDto>;
export type ProposalDto = Wire<C.ProposalDto>;
export type PublicFundDto = Wire<C.PublicFundDto>;
export type RoundDto = Wire<C.RoundDto>;
export type StationDto = Wire<C.StationDto>;
export type UrbanVillageDto = Wire<C.UrbanVillageDto>;

type Body = Record<string, unknown>;
const B = '/api/social-orgs';

export const soKeys = {
  all: ['social-orgs'] as const,
  list: (what: string, q?: Query) => ['social-orgs', what, q ?? {}] as const,
  board: ['social-orgs', 'fund-board'] as const,
};

export const soApi = {
  orgs: (q: Query) => api.get<Page<SocialOrg>>(`${B}/orgs`, q),
  createOrg: (b: Body) => api.post<SocialOrg>(`${B}/orgs`, b),
  updateOrg: (id: string, b: Body) => api.patch<SocialOrg>(`${B}/orgs/${id}`, b),
  exportOrgs: (q: Query) => api.download(`${B}/orgs/export.xlsx`, q, 'social-orgs.xlsx'),
  members: (id: string, q: Query) => api.get<Page<MemberDto>>(`${B}/orgs/${id}/members`, q),
  addMember: (id: string, b: Body) => api.post<MemberDto>(`${B}/orgs/${id}/members`, b),
  removeMember: (id: string, memberId: string) => api.del<void>(`${B}/orgs/${id}/members/${memberId}`),
  villages: () => api.get<{ items: UrbanVillageDto[] }>(`${B}/urban-villages`),
  incubations: (q: Query) => api.get<Page<IncubationDto>>(`${B}/incubations`, q),
  createIncubation: (b: Body) => api.post<IncubationDto>(`${B}/incubations`, b),
  updateIncubation: (id: string, b: Body) => api.patch<IncubationDto>(`${B}/incubations/${id}`, b),
  stations: (q: Query) => api.get<Page<StationDto>>(`${B}/stations`, q),
  createStation: (b: Body) => api.post<StationDto>(`${B}/stations`, b),
  addWorker: (id: string, workerId: string) =>
    api.post<StationDto>(`${B}/stations/${id}/workers`, { workerId }),
  socialWorkers: () =>
    api.get<Page<{ id: string; name: string; orgUnitName: string | null }>>('/api/people/workers', {
      kind: 'social_worker',
      pageSize: 200,
    }),
  rounds: (q: Query) => api.get<Page<RoundDto>>(`${B}/rounds`, q),
  createRound: (b: Body) => api.post<RoundDto>(`${B}/rounds`, b),
  roundState: (id: string, state: string) => api.post<RoundDto>(`${B}/rounds/${id}/state`, { state }),
  proposals: (q: Query) => api.get<Page<ProposalDto>>(`${B}/proposals`, q),
  proposal: (id: string) => api.get<ProposalDetailDto>(`${B}/proposals/${id}`),
  createProposal: (b: Body) => api.post<ProposalDetailDto>(`${B}/proposals`, b),
  score: (id: string, b: Body) => api.post<ProposalDetailDto>(`${B}/proposals/${id}/score`, b),
  act: (id: string, b: Body) => api.post<ProposalDetailDto>(`${B}/proposals/${id}/actions`, b),
  funds: (q: Query) => api.get<Page<FundDto>>(`${B}/funds`, q),
  createFund: (b: Body) => api.post<FundDto>(`${B}/funds`, b),
  flows: (id: string, q: Query) => api.get<Page<FlowDto>>(`${B}/funds/${id}/flows`, q),
  addFlow: (id: string, b: Body) => api.post<FlowDto>(`${B}/funds/${id}/flows`, b),
  fundBoard: () => api.get<{ items: PublicFundDto[] }>(`${B}/fund-board`),
  contracts: (q: Query) => api.get<Page<ContractDto>>(`${B}/contracts`, q),
  createContract: (b: Body) => api.post<ContractDto>(`${B}/contracts`, b),
  updateContract: (id: string, b: Body) => api.patch<ContractDto>(`${B}/contracts/${id}`, b),
  exportContracts: (q: Query) => api.download(`${B}/contracts/export.xlsx`, q, 'service-contracts.xlsx'),
  contractCoverage: (q: Query) => api.get<ContractCoverageDto>(`${B}/contracts/coverage`, q),
  contractState: (id: string, state: string) =>
    api.post<ContractDto>(`${B}/contracts/${id}/state`, { state }),
  addItem: (id: string, b: Body) => api.post<ContractDto>(`${B}/contracts/${id}/items`, b),
  updateItem: (id: string, itemId: string, b: Body) =>
    api.patch<ContractDto>(`${B}/contracts/${id}/items/${itemId}`, b),
  links: (q: Query) => api.get<Page<LinkDto>>(`${B}/links`, q),
  createLink: (b: Body) => api.post<LinkDto>(`${B}/links`, b),
};

/** 12,345 fen → "123.45" (the console's one formatter). */
export { formatYuan as yuan } from '../../app/format';
