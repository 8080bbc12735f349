import type { z } from 'zod';
import type {
  ResidentDto,
  ResidentListQuery,
  RevealResult,
  residentDetailSchema,
} from '../../../shared/contracts/residents';
import type { SpecialGroupTag } from '../../../shared/orgKinds';
import { api, type Page, type Query } from '../../app/api';

export type ResidentDetailDto = z.infer<typeof residentDetailSchema>;
export type PiiField = 'idNumber' | 'phone' | 'address';
export type ResidentFilters = Partial<Pick<ResidentListQuery, 'q' | 'orgUnitId' | 'tags' | 'status'>>;

export const residentKeys = {
  all: ['residents'] as const,
  list: (filters: ResidentFilters, page: number, pageSize: number) =>
    ['residents', 'list', filters, page, pageSize] as const,
  detail: (id: string) => ['residents', 'detail', id] as const,
};

export const filterQuery = (f: ResidentFilters): Query => ({
  q: f.q,
  orgUnitId: f.orgUnitId,
  tags: f.tags,
  status: f.status,
});

export const residentsApi = {
  list: (f: ResidentFilters, page: number, pageSize: number) =>
    api.get<Page<ResidentDto>>('/api/residents', { ...filterQuery(f), page, pageSize }),
  detail: (id: string) => api.get<ResidentDetailDto>(`/api/residents/${encodeURIComponent(id)}`),
  reveal: (id: string, field: PiiField) =>
    api.post<RevealResult>(`/api/residents/${encodeURIComponent(id)}/reveal`, { field }),
  /** The special-group tags in clear: a sensitive read, audited like the other fields (R-LAW-PI-1). */
  revealTags: async (id: string): Promise<SpecialGroupTag[]> => {
    const r = await api.post<RevealResult>(`/api/residents/${encodeURIComponent(id)}/reveal`, {
      field: 'tags',
    });
    return Array.isArray(r.value) ? r.value : [];
  },
};
