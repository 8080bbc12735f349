import type { z } from 'zod';
import type {
  ApplicationDetailDto,
  ApplicationDto,
  CallDto,
  ReportDto,
  fileReportBody,
  applicationActionBody,
  createApplicationBody,
  createCallBody,
  scoreBody,
  updateApplicationBody,
  updateCallBody,
} from '../../../shared/contracts/projects';
import type { Wire } from '../../../shared/contracts/wire';
import { api, type Page, type Query } from '../../app/api';

export type Call = Wire<CallDto>;
export type Application = Wire<ApplicationDto>;
export type Report = Wire<ReportDto>;
export type FileReportInput = z.input<typeof fileReportBody>;
export type ApplicationDetail = Wire<ApplicationDetailDto>;
export type CreateCallInput = z.input<typeof createCallBody>;
export type UpdateCallInput = z.input<typeof updateCallBody>;
export type CreateApplicationInput = z.input<typeof createApplicationBody>;
export type UpdateApplicationInput = z.input<typeof updateApplicationBody>;
export type ActionInput = z.input<typeof applicationActionBody>;
export type ScoreInput = z.input<typeof scoreBody>;

export const projectsKeys = {
  all: ['projects'] as const,
  calls: (q: Query) => ['projects', 'calls', q] as const,
  call: (id: string) => ['projects', 'call', id] as const,
  applications: (q: Query) => ['projects', 'applications', q] as const,
  application: (id: string) => ['projects', 'application', id] as const,
  reports: (q: Query) => ['projects', 'reports', q] as const,
};

const enc = encodeURIComponent;

export const projectsApi = {
  calls: (q: Query) => api.get<Page<Call>>('/api/projects/calls', q),
  call: (id: string) => api.get<Call>(`/api/projects/calls/${enc(id)}`),
  createCall: (body: CreateCallInput) => api.post<Call>('/api/projects/calls', body),
  updateCall: (id: string, body: UpdateCallInput) => api.patch<Call>(`/api/projects/calls/${enc(id)}`, body),
  openCall: (id: string) => api.post<Call>(`/api/projects/calls/${enc(id)}/open`),
  publishCall: (id: string) => api.post<Call>(`/api/projects/calls/${enc(id)}/publish`),
  exportCall: (id: string) => api.download(`/api/projects/calls/${enc(id)}/applications.xlsx`),
  formPdf: (id: string) => api.download(`/api/projects/applications/${enc(id)}/form.pdf`),
  template: (id: string, key: string) => api.download(`/api/projects/calls/${enc(id)}/templates/${enc(key)}`),
  applications: (q: Query) => api.get<Page<Application>>('/api/projects/applications', q),
  application: (id: string) => api.get<ApplicationDetail>(`/api/projects/applications/${enc(id)}`),
  createApplication: (body: CreateApplicationInput) =>
    api.post<ApplicationDetail>('/api/projects/applications', body),
  updateApplication: (id: string, body: UpdateApplicationInput) =>
    api.patch<ApplicationDetail>(`/api/projects/applications/${enc(id)}`, body),
  act: (id: string, body: ActionInput) =>
    api.post<ApplicationDetail>(`/api/projects/applications/${enc(id)}/actions`, body),
  reports: (q: Query) => api.get<Page<Report>>('/api/projects/reports', q),
  fileReport: (id: string, body: FileReportInput) =>
    api.post<Report>(`/api/projects/reports/${enc(id)}/file`, body),
  score: (id: string, body: ScoreInput) =>
    api.post<ApplicationDetail>(`/api/projects/applications/${enc(id)}/scores`, body),
};
