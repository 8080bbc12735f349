import type {
  AccountView,
  DesigneeBody,
  DesigneeView,
  DonateBody,
  EarningRuleBody,
  EarningRulesView,
  MyLedgerView,
  PoolWithdrawBody,
  ReportView,
  StatementView,
  VerifyView,
  WithdrawBody,
} from '../../../shared/contracts/ledger';
import type { Wire } from '../../../shared/contracts/wire';
import { api, type Page } from '../../app/api';

export type Account = Wire<AccountView>;
export type Statement = Wire<StatementView>;
export type StatementLine = Statement['items'][number];
export type Designee = Wire<DesigneeView>;
export type Rules = Wire<EarningRulesView>;
export type Rule = Rules['items'][number];
export type Verify = Wire<VerifyView>;
export type Report = Wire<ReportView>;
export type MyLedger = Wire<MyLedgerView>;
export interface Posting {
  transactionId: string;
  duplicate: boolean;
}

export interface AccountFilters {
  ownerKind?: string;
  unit?: string;
  q?: string;
  orgUnitId?: string;
}

export const ledgerKeys = {
  all: ['ledger'] as const,
  accounts: (f: AccountFilters, page: number, pageSize: number) =>
    ['ledger', 'accounts', f, page, pageSize] as const,
  statement: (id: string, from: string | undefined, to: string | undefined, page: number, pageSize: number) =>
    ['ledger', 'statement', id, from, to, page, pageSize] as const,
  designees: (id: string) => ['ledger', 'designees', id] as const,
  rules: (unitId?: string) => ['ledger', 'rules', unitId] as const,
  report: (from: string, to: string, unitId?: string) => ['ledger', 'report', from, to, unitId] as const,
  me: ['ledger', 'me'] as const,
};

/** A fresh idempotency key per user action (a retried request reuses it). */
export const newKey = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

const enc = encodeURIComponent;

export const ledgerApi = {
  accounts: (f: AccountFilters, page: number, pageSize: number) =>
    api.get<Page<Account>>('/api/ledger/accounts', { ...f, page, pageSize }),
  statement: (id: string, q: { from?: string; to?: string; page: number; pageSize: number }) =>
    api.get<Statement>(`/api/ledger/accounts/${enc(id)}/statement`, q),
  exportStatement: (id: string, q: { from?: string; to?: string }) =>
    api.download(`/api/ledger/accounts/${enc(id)}/statement.xlsx`, q, 'statement.xlsx'),
  reverse: (txId: string, reason: string, idempotencyKey: string) =>
    api.post<Posting>(`/api/ledger/transactions/${enc(txId)}/reverse`, { reason, idempotencyKey }),
  designees: (id: string) => api.get<Designee[]>(`/api/ledger/accounts/${enc(id)}/designees`),
  addDesignee: (id: string, body: DesigneeBody) =>
    api.post<Designee>(`/api/ledger/accounts/${enc(id)}/designees`, body),
  revokeDesignee: (id: string) => api.post<void>(`/api/ledger/designees/${enc(id)}/revoke`),
  consent: (id: string, note: string | null) =>
    api.post<Designee>(`/api/ledger/designees/${enc(id)}/consent`, { note }),
  withdraw: (id: string, body: WithdrawBody) =>
    api.post<Posting>(`/api/ledger/accounts/${enc(id)}/withdraw`, body),
  donate: (id: string, body: DonateBody) => api.post<Posting>(`/api/ledger/accounts/${enc(id)}/donate`, body),
  poolWithdraw: (body: PoolWithdrawBody) => api.post<Posting>('/api/ledger/pool/withdraw', body),
  rules: (orgUnitId?: string) => api.get<Rules>('/api/ledger/rules', { orgUnitId }),
  putRule: (body: EarningRuleBody) => api.put<{ id: string }>('/api/ledger/rules', body),
  deleteRule: (id: string) => api.del<void>(`/api/ledger/rules/${enc(id)}`),
  verify: () => api.post<Verify>('/api/ledger/verify'),
  report: (from: string, to: string, orgUnitId?: string) =>
    api.get<Report>('/api/ledger/reports/points', { from, to, orgUnitId }),
  exportReport: (from: string, to: string, orgUnitId?: string) =>
    api.download('/api/ledger/reports/points.xlsx', { from, to, orgUnitId }, 'points.xlsx'),
  me: () => api.get<MyLedger>('/api/ledger/me'),
};

/** Minutes as hours with one decimal. */
export const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
