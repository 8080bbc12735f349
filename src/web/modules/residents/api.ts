import type { z } from 'zod';
import type {
  ResidentDto,
  ResidentListQuery,
  residentDetailSchema,
} from '../../../shared/contracts/residents';
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
    api.post<{ field: string; value: string | null }>(`/api/residents/${encodeURIComponent(id)}/reveal`, {
      field,
    }),
};
