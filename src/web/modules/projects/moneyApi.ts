import type { z } from 'zod';
import type {
  MoneyDto,
  MyProjectDto,
  disbursementBody,
  spendBody,
} from '../../../shared/contracts/projects.money';
import type { Wire } from '../../../shared/contracts/wire';
import { api } from '../../app/api';

export type Money = Wire<MoneyDto>;
export type MyProject = Wire<MyProjectDto>;
export type DisbursementInput = z.input<typeof disbursementBody>;
export type SpendInput = z.input<typeof spendBody>;

export const moneyKeys = {
  money: (id: string) => ['projects', 'money', id] as const,
  mine: ['projects', 'mine'] as const,
};

const enc = encodeURIComponent;
const base = (id: string) => `/api/projects/applications/${enc(id)}/money`;

export const moneyApi = {
  money: (id: string) => api.get<Money>(base(id)),
  disburse: (id: string, body: DisbursementInput) => api.post<Money>(`${base(id)}/disbursements`, body),
  spend: (id: string, body: SpendInput) => api.post<Money>(`${base(id)}/spends`, body),
  uploadReceipt: (id: string, spendId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<Money>(`${base(id)}/spends/${enc(spendId)}/receipt`, form);
  },
  receiptUrl: (id: string, spendId: string) => `${base(id)}/spends/${enc(spendId)}/receipt`,
  disclose: (id: string) => api.post<Money>(`${base(id)}/disclose`),
  mine: () => api.get<{ items: MyProject[] }>('/api/me/projects'),
};
