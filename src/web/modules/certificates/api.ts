import type { z } from 'zod';
import type {
  CatalogueItemDto,
  CertificateDto,
  SealUseDto,
  catalogueBody,
  certificateRequestBody,
  sealUseBody,
} from '../../../shared/contracts/certificates';
import type { Wire } from '../../../shared/contracts/wire';
import { api, type Page } from '../../app/api';

/** The certificates module's API client. */
export type CatalogueItem = CatalogueItemDto;
export type Certificate = Wire<CertificateDto>;
export type SealUse = Wire<SealUseDto>;

const enc = encodeURIComponent;

export const certKeys = {
  all: ['certificates'] as const,
  catalogue: ['certificates', 'catalogue'] as const,
  mine: ['certificates', 'mine', 'catalogue'] as const,
  register: (page: number) => ['certificates', 'register', page] as const,
  seals: (page: number) => ['certificates', 'seals', page] as const,
};

export const certApi = {
  catalogue: () => api.get<Page<CatalogueItem>>('/api/certificates/catalogue', { pageSize: 200 }),
  /** What my community may certify (a resident, on the phone). */
  myCatalogue: () => api.get<{ items: CatalogueItem[] }>('/api/me/certificates/catalogue'),
  addItem: (body: z.input<typeof catalogueBody>) =>
    api.post<CatalogueItem>('/api/certificates/catalogue', body),
  register: (page: number) => api.get<Page<Certificate>>('/api/certificates', { page, pageSize: 20 }),
  request: (body: z.input<typeof certificateRequestBody>) => api.post<Certificate>('/api/certificates', body),
  pdf: (id: string) =>
    api.download(`/api/certificates/${enc(id)}/certificate.pdf`, undefined, 'certificate.pdf'),
  seals: (page: number) => api.get<Page<SealUse>>('/api/seals', { page, pageSize: 20 }),
  seal: (body: z.input<typeof sealUseBody>) => api.post<SealUse>('/api/seals', body),
};
