import type { z } from 'zod';
import type {
  CodeDto,
  CodeLookupDto,
  CounterPointDto,
  createItemBody,
  createPointBody,
  issueCodeBody,
  ItemDto,
  MyRedeemDto,
  PointDetailDto,
  PointDto,
  RedeemResultDto,
  RedemptionDto,
  ReportDto,
  redeemBody,
  SettlementDto,
  settleBody,
  updateItemBody,
  updatePointBody,
} from '../../../shared/contracts/merchants';
import type { Wire } from '../../../shared/contracts/wire';
import { api, type Page, type Query } from '../../app/api';

export type Point = Wire<PointDto>;
export type PointDetail = Wire<PointDetailDto>;
export type Item = Wire<ItemDto>;
export type Redemption = Wire<RedemptionDto>;
export type RedeemResult = Wire<RedeemResultDto>;
export type Settlement = Wire<SettlementDto> & { replayed?: boolean };
export type Report = Wire<ReportDto>;
export type CounterPoint = Wire<CounterPointDto>;
export type CodeLookup = Wire<CodeLookupDto>;
export type Code = Wire<CodeDto>;
export type MyRedeem = Wire<MyRedeemDto>;
export type CreatePointInput = z.input<typeof createPointBody>;
export type UpdatePointInput = z.input<typeof updatePointBody>;
export type CreateItemInput = z.input<typeof createItemBody>;
export type UpdateItemInput = z.input<typeof updateItemBody>;
export type RedeemInput = z.input<typeof redeemBody>;
export type SettleInput = z.input<typeof settleBody>;
export type IssueCodeInput = z.input<typeof issueCodeBody>;

export const merchantsKeys = {
  all: ['merchants'] as const,
  points: (q: Query) => ['merchants', 'points', q] as const,
  point: (id: string) => ['merchants', 'point', id] as const,
  redemptions: (q: Query) => ['merchants', 'redemptions', q] as const,
  settlements: (q: Query) => ['merchants', 'settlements', q] as const,
  report: (year: number) => ['merchants', 'report', year] as const,
  counter: ['merchants', 'counter'] as const,
  me: ['merchants', 'me'] as const,
};

/** A fresh idempotency key per user action: a retry of the same action reuses it (the ledger's own). */
export { newKey as newIdempotencyKey } from '../ledger/api';

export const merchantsApi = {
  points: (q: Query) => api.get<Page<Point>>('/api/merchants/points', q),
  point: (id: string) => api.get<PointDetail>(`/api/merchants/points/${encodeURIComponent(id)}`),
  createPoint: (body: CreatePointInput) => api.post<PointDetail>('/api/merchants/points', body),
  updatePoint: (id: string, body: UpdatePointInput) =>
    api.patch<PointDetail>(`/api/merchants/points/${encodeURIComponent(id)}`, body),
  createItem: (pointId: string, body: CreateItemInput) =>
    api.post<Item>(`/api/merchants/points/${encodeURIComponent(pointId)}/items`, body),
  updateItem: (id: string, body: UpdateItemInput) =>
    api.patch<Item>(`/api/merchants/items/${encodeURIComponent(id)}`, body),
  link: (pointId: string, username: string) =>
    api.post<PointDetail>(`/api/merchants/points/${encodeURIComponent(pointId)}/operators`, { username }),
  unlink: (pointId: string, userId: string) =>
    api.del<PointDetail>(
      `/api/merchants/points/${encodeURIComponent(pointId)}/operators/${encodeURIComponent(userId)}`,
    ),
  redemptions: (q: Query) => api.get<Page<Redemption>>('/api/merchants/redemptions', q),
  counterPoints: () => api.get<CounterPoint[]>('/api/merchants/counter/points'),
  lookup: (pointId: string, code: string) =>
    api.post<CodeLookup>('/api/merchants/counter/lookup', { pointId, code }),
  redeem: (body: RedeemInput) => api.post<RedeemResult>('/api/merchants/redemptions', body),
  reverse: (id: string, reason: string) =>
    api.post<Redemption>(`/api/merchants/redemptions/${encodeURIComponent(id)}/reverse`, { reason }),
  settle: (pointId: string, body: SettleInput) =>
    api.post<Settlement>(`/api/merchants/points/${encodeURIComponent(pointId)}/settlements`, body),
  settlements: (q: Query) => api.get<Page<Settlement>>('/api/merchants/settlements', q),
  exportSettlements: (q: Query) =>
    api.download('/api/merchants/settlements/export.xlsx', q, 'settlements.xlsx'),
  report: (year: number) => api.get<Report>('/api/merchants/report', { year }),
  me: () => api.get<MyRedeem>('/api/merchants/me'),
  issueCode: (body: IssueCodeInput) => api.post<Code>('/api/merchants/me/codes', body),
};

/** A redemption's lines as one text: 名称×数量, joined by 、. */
export const linesText = (lines: readonly { itemName: string; quantity: number }[]) =>
  lines.map((l) => `${l.itemName}×${l.quantity}`).join('、');
