import type { z } from 'zod';
import type {
  RefusalDto,
  WiaApplicationDto,
  WiaDetailDto,
  WiaItemDto,
  applyBody,
  refusalBody,
  reviewItemBody,
  wiaActionBody,
} from '../../../shared/contracts/workItemAccess';
import type { Wire } from '../../../shared/contracts/wire';
import { api, type Page } from '../../app/api';

/** The work-item access module's API client. */
export type Application = Wire<WiaApplicationDto>;
export type ApplicationDetail = Wire<WiaDetailDto>;
export type Item = Wire<WiaItemDto>;
export type Refusal = Wire<RefusalDto>;
export type AppQuery = { state?: string; overdue?: 'true'; page?: number; pageSize?: number };

const enc = encodeURIComponent;

export const wiaKeys = {
  all: ['wia'] as const,
  apps: (q: AppQuery) => ['wia', 'apps', q] as const,
  app: (id: string) => ['wia', 'app', id] as const,
  items: (list: string, page: number) => ['wia', 'items', list, page] as const,
  refusals: (page: number) => ['wia', 'refusals', page] as const,
};

export const wiaApi = {
  apps: (q: AppQuery) => api.get<Page<Application>>('/api/work-item-access/applications', q),
  app: (id: string) => api.get<ApplicationDetail>(`/api/work-item-access/applications/${enc(id)}`),
  apply: (body: z.input<typeof applyBody>) =>
    api.post<ApplicationDetail>('/api/work-item-access/applications', body),
  act: (id: string, body: z.input<typeof wiaActionBody>) =>
    api.post<ApplicationDetail>(`/api/work-item-access/applications/${enc(id)}/actions`, body),
  items: (list: string, page: number) =>
    api.get<Page<Item>>('/api/work-item-access/items', { list, page, pageSize: 20 }),
  review: (id: string, body: z.input<typeof reviewItemBody>) =>
    api.post<Item>(`/api/work-item-access/items/${enc(id)}/review`, body),
  refusals: (page: number) =>
    api.get<Page<Refusal>>('/api/work-item-access/refusals', { page, pageSize: 20 }),
  refuse: (body: z.input<typeof refusalBody>) => api.post<Refusal>('/api/work-item-access/refusals', body),
};
