import type { z } from 'zod';
import type {
  CallEvaluationDto,
  ProjectEvaluationDto,
  QuotaProposalDto,
  evaluationBody,
  exemptionBody,
  subdistrictQuotasBody,
} from '../../../shared/contracts/projects.evaluation';
import type { Wire } from '../../../shared/contracts/wire';
import { api } from '../../app/api';

export type ProjectEvaluation = Wire<ProjectEvaluationDto>;
export type CallEvaluation = Wire<CallEvaluationDto>;
export type QuotaProposal = Wire<QuotaProposalDto>;
export type EvaluationInput = z.input<typeof evaluationBody>;
export type ExemptionInput = z.input<typeof exemptionBody>;
export type QuotasInput = z.input<typeof subdistrictQuotasBody>;

export const evaluationKeys = {
  project: (id: string) => ['projects', 'evaluation', id] as const,
  call: (id: string) => ['projects', 'call-evaluation', id] as const,
};

const enc = encodeURIComponent;

/** The final evaluation, quotas, exemptions and the year summary (R-PJ-4). */
export const evaluationApi = {
  project: (id: string) => api.get<ProjectEvaluation>(`/api/projects/applications/${enc(id)}/evaluation`),
  evaluate: (id: string, body: EvaluationInput) =>
    api.post<ProjectEvaluation>(`/api/projects/applications/${enc(id)}/evaluation`, body),
  exempt: (id: string, body: ExemptionInput) =>
    api.post<ProjectEvaluation>(`/api/projects/applications/${enc(id)}/exemptions`, body),
  call: (id: string) => api.get<CallEvaluation>(`/api/projects/calls/${enc(id)}/evaluation`),
  proposal: (id: string) => api.get<QuotaProposal>(`/api/projects/calls/${enc(id)}/evaluation/proposal`),
  setQuotas: (id: string, body: QuotasInput) =>
    api.put<CallEvaluation>(`/api/projects/calls/${enc(id)}/evaluation/quotas`, body),
  summary: (id: string) => api.download(`/api/projects/calls/${enc(id)}/summary.xlsx`),
};
