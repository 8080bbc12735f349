import type { z } from 'zod';
import type { Wire } from '../../../shared/contracts/wire';
import type { WoAction, WoStatus } from '../../../shared/contracts/workOrderMachine';
import type {
  actionBody,
  intakeBody,
  publicReportBody,
  publicWorkOrderSchema,
  ratingBody,
  WorkOrderDetailDto,
  WorkOrderDto,
  WorkOrderListQuery,
} from '../../../shared/contracts/workOrders';
import type { MeOverviewDto } from '../../../shared/contracts/accounts';
import { api, type Page, type Query } from '../../app/api';

export type MyOverview = Wire<MeOverviewDto>;

export type WorkOrder = Wire<WorkOrderDto>;
export type WorkOrderDetail = Wire<WorkOrderDetailDto>;
export type PublicWorkOrder = Wire<z.infer<typeof publicWorkOrderSchema>>;
export type IntakeInput = z.input<typeof intakeBody>;
export type PublicReportInput = z.input<typeof publicReportBody>;
export type ActionInput = z.input<typeof actionBody>;
export type RatingInput = z.input<typeof ratingBody>;
export type WoView = WorkOrderListQuery['view'];
export type WoKind = WorkOrderDto['kind'];
export type WoPriority = WorkOrderDto['priority'];
export type PublicKind = PublicReportInput['kind'];
export type { WoAction, WoStatus };

/**
 * A service category as GET /api/work-orders/categories answers it. The response schema lives in the
 * server's routes file, not in src/shared/contracts, so its shape is restated here (API gap).
 */
export interface WoCategory {
  code: string;
  nameZh: string;
  nameEn: string;
  limitGroup: string;
  department: string | null;
}

export interface WoFilters {
  view: WoView;
  q?: string;
  status?: WoStatus[];
  categoryCode?: string;
  priority?: WoPriority;
  orgUnitId?: string;
}

export const woKeys = {
  all: ['work-orders'] as const,
  list: (f: WoFilters, page: number, pageSize: number) => ['work-orders', 'list', f, page, pageSize] as const,
  count: (view: WoView) => ['work-orders', 'count', view] as const,
  detail: (id: string) => ['work-orders', 'detail', id] as const,
  categories: ['work-orders', 'categories'] as const,
  publicCategories: ['public', 'work-orders', 'categories'] as const,
  track: (number: string, proof: TrackProof) => ['public', 'work-orders', number, proof] as const,
};

/**
 * How a requester shows an order is theirs: the token of the tracking link they kept, or the last four
 * digits of the phone they gave (typed in on /track with the order number).
 */
export type TrackProof = { token: string } | { phoneLast4: string };

const filterQuery = (f: WoFilters): Query => ({
  view: f.view,
  q: f.q,
  status: f.status,
  categoryCode: f.categoryCode,
  priority: f.priority,
  orgUnitId: f.orgUnitId,
});

export const woApi = {
  list: (f: WoFilters, page: number, pageSize: number) =>
    api.get<Page<WorkOrder>>('/api/work-orders', { ...filterQuery(f), page, pageSize }),
  count: (view: WoView) =>
    api.get<Page<WorkOrder>>('/api/work-orders', { view, page: 1, pageSize: 1 }).then((p) => p.total),
  /** The filtered list (all pages) as .xlsx; returns the saved file name. */
  exportXlsx: (f: WoFilters) =>
    api.download('/api/work-orders/export.xlsx', filterQuery(f), 'work-orders.xlsx'),
  search: (q: string) => api.get<Page<WorkOrder>>('/api/work-orders', { q, pageSize: 10 }),
  detail: (id: string) => api.get<WorkOrderDetail>(`/api/work-orders/${encodeURIComponent(id)}`),
  categories: () => api.get<WoCategory[]>('/api/work-orders/categories'),
  create: (body: IntakeInput) => api.post<WorkOrderDetail>('/api/work-orders', body),
  act: (id: string, body: ActionInput) =>
    api.post<WorkOrderDetail>(`/api/work-orders/${encodeURIComponent(id)}/actions`, body),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ id: string; url: string }>('/api/work-orders/attachments', form);
  },
  photoUrl: (id: string) => `/api/work-orders/attachments/${encodeURIComponent(id)}`,
};

export interface ReportResult {
  number: string;
  token: string;
  status: string;
}

/**
 * The Idempotency-Key of a report: the page's own random part plus a hash of what is sent, so tapping
 * "submit" again after a lost answer (same content) files nothing twice, while an edited report is new.
 */
export function reportKey(pageNonce: string, body: unknown): string {
  let h = 0xcbf29ce484222325n;
  for (const ch of JSON.stringify(body)) {
    h ^= BigInt(ch.codePointAt(0)!);
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `report-${pageNonce}-${h.toString(36)}`;
}

export const publicApi = {
  /** A logged-in resident's own requests, those staff filed for them included (GET /api/me/overview). */
  mine: () => api.get<MyOverview>('/api/me/overview'),
  categories: () => api.get<WoCategory[]>('/api/public/work-orders/categories'),
  upload: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<{ id: string; url: string }>('/api/public/attachments', form);
  },
  /**
   * Anonymous when the session may not report (staff trying the residents' page): the API would
   * otherwise refuse a logged-in user without work_orders.report.
   */
  report: (body: PublicReportInput, anonymous = false, idempotencyKey?: string) => {
    const h = idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : undefined;
    return anonymous
      ? api.postAnonymous<ReportResult>('/api/public/work-orders', body, h)
      : api.post<ReportResult>('/api/public/work-orders', body, h);
  },
  track: (number: string, proof: TrackProof) =>
    'phoneLast4' in proof
      ? api.postAnonymous<PublicWorkOrder>('/api/public/work-orders/track', {
          number,
          phoneLast4: proof.phoneLast4,
        })
      : api.get<PublicWorkOrder>(`/api/public/work-orders/${encodeURIComponent(number)}`, {
          token: proof.token,
        }),
  /** A photo the requester may view (their report's or the reply's), opened with the same proof. */
  photoUrl: (number: string, id: string, proof: TrackProof) =>
    `/api/public/work-orders/${encodeURIComponent(number)}/attachments/${encodeURIComponent(id)}?${
      'phoneLast4' in proof
        ? `phoneLast4=${encodeURIComponent(proof.phoneLast4)}`
        : `token=${encodeURIComponent(proof.token)}`
    }`,
  rate: (number: string, body: RatingInput) =>
    api.post<PublicWorkOrder>(`/api/public/work-orders/${encodeURIComponent(number)}/rating`, body),
};

/** The tracking link a resident keeps (number + the secret token that stands in for a login). */
export const trackPath = (number: string, token: string) =>
  `/track/${encodeURIComponent(number)}?token=${encodeURIComponent(token)}`;
