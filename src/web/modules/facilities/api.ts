import type { CoverageDto, FacilityDto, FacilityKindDto } from '../../../shared/contracts/facilities';
import { type Page, type Query, api } from '../../app/api';

/** The facilities module's API client (what its pages use; other modules may import it). */
export type Facility = FacilityDto;
export type FacilityKind = FacilityKindDto;
export type Coverage = CoverageDto;

export const fcKeys = {
  kinds: ['facilities', 'kinds'] as const,
  list: (q: Query) => ['facilities', 'list', q] as const,
  coverage: ['facilities', 'coverage'] as const,
};

export const fcApi = {
  kinds: () => api.get<{ items: FacilityKind[] }>('/api/facilities/kinds'),
  list: (q: Query) => api.get<Page<Facility>>('/api/facilities', q),
  coverage: () => api.get<Coverage>('/api/facilities/coverage'),
  create: (body: Record<string, unknown>) => api.post<Facility>('/api/facilities', body),
  update: (id: string, body: Record<string, unknown>) => api.patch<Facility>(`/api/facilities/${id}`, body),
  export: (q: Query) => api.download('/api/facilities/export.xlsx', q, 'facilities.xlsx'),
};
