import type { QueryClient } from '@tanstack/react-query';
import type { OrgUnitDetailDto, OrgUnitDto } from '../../../shared/contracts/org';
import type { OrgKind } from '../../../shared/orgKinds';
import { api } from '../../app/api';

export const orgKeys = {
  all: ['org'] as const,
  roots: () => ['org', 'roots'] as const,
  children: (parentId: string) => ['org', 'children', parentId] as const,
  search: (q: string, kind?: OrgKind) => ['org', 'search', q, kind ?? null] as const,
  detail: (id: string) => ['org', 'detail', id] as const,
};

export const orgApi = {
  roots: () => api.get<OrgUnitDto[]>('/api/org/roots'),
  children: (parentId: string) => api.get<OrgUnitDto[]>('/api/org/units', { parentId }),
  search: (q: string, kind?: OrgKind) => api.get<OrgUnitDto[]>('/api/org/units', { q, kind }),
  detail: (id: string) => api.get<OrgUnitDetailDto>(`/api/org/units/${encodeURIComponent(id)}`),
};

export function fetchChildren(qc: QueryClient, parentId: string) {
  return qc.fetchQuery({
    queryKey: orgKeys.children(parentId),
    queryFn: () => orgApi.children(parentId),
    staleTime: 30_000,
  });
}
