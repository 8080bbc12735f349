import type { z } from 'zod';
import type {
  FrameworkDto,
  ResultsDto,
  RoundDto,
  RoundOptionsDto,
  EvidenceCandidatesDto,
  SheetDetailDto,
  VersionDetailDto,
  createRoundBody,
  linkEvidenceBody,
  saveScoresBody,
  sheetActionBody,
} from '../../../shared/contracts/assessments';
import type { Wire } from '../../../shared/contracts/wire';
import { api, type Page, type Query } from '../../app/api';

export type Framework = Wire<FrameworkDto>;
export type VersionDetail = Wire<VersionDetailDto>;
export type Round = Wire<RoundDto>;
export type Results = Wire<ResultsDto>;
export type SheetDetail = Wire<SheetDetailDto>;
export type RoundOptions = Wire<RoundOptionsDto>;
export type CreateRoundInput = z.input<typeof createRoundBody>;
export type SaveScoresInput = z.input<typeof saveScoresBody>;
export type SheetActionInput = z.input<typeof sheetActionBody>;

export const assessmentsKeys = {
  all: ['assessments'] as const,
  frameworks: ['assessments', 'frameworks'] as const,
  version: (id: string) => ['assessments', 'version', id] as const,
  rounds: (q: Query) => ['assessments', 'rounds', q] as const,
  round: (id: string) => ['assessments', 'round', id] as const,
  results: (id: string) => ['assessments', 'results', id] as const,
  sheet: (id: string) => ['assessments', 'sheet', id] as const,
  options: (id: string) => ['assessments', 'options', id] as const,
};

const enc = encodeURIComponent;

export const assessmentsApi = {
  frameworks: () => api.get<Page<Framework>>('/api/assessments/frameworks'),
  version: (id: string) => api.get<VersionDetail>(`/api/assessments/versions/${enc(id)}`),
  exportVersion: (id: string) => api.download(`/api/assessments/versions/${enc(id)}/framework.xlsx`),
  importFramework: (form: FormData) => api.upload<VersionDetail>('/api/assessments/frameworks/import', form),
  rounds: (q: Query) => api.get<Page<Round>>('/api/assessments/rounds', q),
  round: (id: string) => api.get<Round>(`/api/assessments/rounds/${enc(id)}`),
  roundOptions: (orgUnitId: string) => api.get<RoundOptions>('/api/assessments/round-options', { orgUnitId }),
  createRound: (body: CreateRoundInput) => api.post<Round>('/api/assessments/rounds', body),
  publish: (id: string) => api.post<Round>(`/api/assessments/rounds/${enc(id)}/publish`),
  results: (id: string) => api.get<Results>(`/api/assessments/rounds/${enc(id)}/results`),
  exportResults: (id: string) => api.download(`/api/assessments/rounds/${enc(id)}/results.xlsx`),
  sheet: (id: string) => api.get<SheetDetail>(`/api/assessments/sheets/${enc(id)}`),
  save: (id: string, body: SaveScoresInput) =>
    api.patch<SheetDetail>(`/api/assessments/sheets/${enc(id)}/scores`, body),
  attach: (id: string, form: FormData) =>
    api.upload<{ id: string; url: string }>(`/api/assessments/sheets/${enc(id)}/attachments`, form),
  reportPdf: (id: string) => api.download(`/api/assessments/sheets/${enc(id)}/report.pdf`),
  evidence: (id: string, nodeId: string) =>
    api.get<Wire<EvidenceCandidatesDto>>(`/api/assessments/sheets/${enc(id)}/evidence`, { nodeId }),
  linkEvidence: (id: string, body: z.input<typeof linkEvidenceBody>) =>
    api.post<SheetDetail>(`/api/assessments/sheets/${enc(id)}/evidence-links`, body),
  unlinkEvidence: (id: string, linkId: string) =>
    api.del<SheetDetail>(`/api/assessments/sheets/${enc(id)}/evidence-links/${enc(linkId)}`),
  act: (id: string, body: SheetActionInput) =>
    api.post<SheetDetail>(`/api/assessments/sheets/${enc(id)}/actions`, body),
};
