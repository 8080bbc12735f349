import type { PlanDetailDto, PlanDto, ReliefDto, VisitBody } from '../../../shared/contracts/care';
import { type Page, type Query, api } from '../../app/api';

/** The care module's API client (console and phone: types only from the contracts, no zod at run time). */
export type Plan = PlanDto;
export type PlanDetail = PlanDetailDto;
export type Relief = ReliefDto;

export const careKeys = {
  all: ['care'] as const,
  plans: (q: Query) => ['care', 'plans', q] as const,
  plan: (id: string) => ['care', 'plan', id] as const,
  relief: (q: Query) => ['care', 'relief', q] as const,
};

export const careApi = {
  plans: (q: Query) => api.get<Page<Plan>>('/api/care/plans', q),
  plan: (id: string) => api.get<PlanDetail>(`/api/care/plans/${id}`),
  visit: (id: string, body: VisitBody) => api.post<PlanDetail>(`/api/care/plans/${id}/visits`, body),
  reveal: (id: string) =>
    api.post<{ name: string; phone: string | null; address: string | null }>(`/api/care/plans/${id}/reveal`),
  relief: (q: Query) => api.get<Page<Relief>>('/api/care/relief', q),
  applyRelief: (body: Record<string, unknown>) => api.post<Relief>('/api/care/relief', body),
  actOnRelief: (
    id: string,
    body: { action: 'approve' | 'reject' | 'grant'; note?: string | null; version: number },
  ) => api.post<Relief>(`/api/care/relief/${id}/actions`, body),
};
