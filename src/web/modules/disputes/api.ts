import type { z } from 'zod';
import type {
  BodyDto,
  ContactDto,
  DisputeDetailDto,
  DisputeDto,
  IncidentDto,
  IncidentStandingDto,
  ListEntryDto,
  MeetingDto,
  StatsDto,
  actionBody,
  bodyBody,
  bodyPatch,
  contactBody,
  intakeBody,
  limitsSchema,
  listImportBody,
  listQuery,
  listsSchema,
  meetingBody,
  meetingsSchema,
  revealSchema,
  RiskDto,
  risksSchema,
} from '../../../shared/contracts/disputes';
import type { Wire } from '../../../shared/contracts/wire';
import { api, type Page, type Query } from '../../app/api';

/** The disputes module's API client (what other web modules may use of it). */
export type Dispute = Wire<DisputeDto>;
export type DisputeDetail = Wire<DisputeDetailDto>;
export type Body = Wire<BodyDto>;
export type ListEntry = ListEntryDto;
export type Lists = z.infer<typeof listsSchema>;
export type Limits = z.infer<typeof limitsSchema>;
export type IntakeInput = z.input<typeof intakeBody>;
export type ActionInput = z.input<typeof actionBody>;
export type BodyInput = z.input<typeof bodyBody>;
export type BodyPatchInput = z.input<typeof bodyPatch>;
export type ListQuery = Partial<Omit<z.infer<typeof listQuery>, 'page' | 'pageSize'>> & {
  page?: number;
  pageSize?: number;
};
export type Reveal = z.infer<typeof revealSchema>;
export type Meeting = Wire<MeetingDto>;
export type Meetings = Wire<z.infer<typeof meetingsSchema>>;
export type MeetingInput = z.input<typeof meetingBody>;
export type Contact = ContactDto;
export type ContactInput = z.input<typeof contactBody>;
export type Stats = StatsDto;
export type Risk = Wire<RiskDto>;
export type Risks = Wire<z.infer<typeof risksSchema>>;
export type Incident = Wire<IncidentDto>;
export type IncidentStanding = IncidentStandingDto;

const enc = encodeURIComponent;

export const dsKeys = {
  all: ['disputes'] as const,
  list: (q: ListQuery) => ['disputes', 'list', q] as const,
  detail: (id: string) => ['disputes', 'detail', id] as const,
  bodies: ['disputes', 'bodies'] as const,
  bodiesFor: (id: string) => ['disputes', 'bodies', id] as const,
  lists: ['disputes', 'lists'] as const,
  limits: ['disputes', 'limits'] as const,
  meetings: ['disputes', 'meetings'] as const,
  contacts: ['disputes', 'contacts'] as const,
  risks: (q: Query) => ['disputes', 'risks', q] as const,
  incidents: (q: Query) => ['disputes', 'incidents', q] as const,
  incidentStanding: (q: Query) => ['disputes', 'incidents', 'standing', q] as const,
  stats: (from?: string, to?: string) => ['disputes', 'stats', from, to] as const,
};

export const dsApi = {
  list: (q: ListQuery) => api.get<Page<Dispute>>('/api/disputes', q),
  exportXlsx: (q: ListQuery) =>
    api.download('/api/disputes/export.xlsx', { ...q, page: undefined, pageSize: undefined }),
  detail: (id: string) => api.get<DisputeDetail>(`/api/disputes/${enc(id)}`),
  agreementPdf: (id: string) =>
    api.download(`/api/disputes/${enc(id)}/agreement.pdf`, undefined, 'agreement.pdf'),
  register: (body: IntakeInput) => api.post<DisputeDetail>('/api/disputes', body),
  act: (id: string, body: ActionInput) => api.post<DisputeDetail>(`/api/disputes/${enc(id)}/actions`, body),
  reveal: (id: string, partyId: string) =>
    api.post<Reveal>(`/api/disputes/${enc(id)}/parties/${enc(partyId)}/reveal`),
  risks: (q: Query) => api.get<Risks>('/api/disputes/risks', q),
  createRisk: (body: unknown) => api.post<Risk>('/api/disputes/risks', body),
  actOnRisk: (id: string, body: { action: string; note: string }) =>
    api.post<Risk>(`/api/disputes/risks/${enc(id)}/actions`, body),
  incidents: (q: Query) => api.get<Page<Incident>>('/api/disputes/incidents', q),
  incidentStanding: (q: Query) => api.get<IncidentStanding>('/api/disputes/incidents/communities', q),
  exportIncidents: (q: Query) =>
    api.download('/api/disputes/incidents/export.xlsx', { ...q, page: undefined, pageSize: undefined }),
  createIncident: (body: unknown) => api.post<Incident>('/api/disputes/incidents', body),
  updateIncident: (id: string, body: unknown) =>
    api.patch<Incident>(`/api/disputes/incidents/${enc(id)}`, body),
  bodies: () => api.get<{ items: Body[] }>('/api/disputes/bodies'),
  bodiesFor: (id: string) => api.get<{ items: Body[] }>(`/api/disputes/${enc(id)}/bodies`),
  createBody: (body: BodyInput) => api.post<Body>('/api/disputes/bodies', body),
  updateBody: (id: string, body: BodyPatchInput) => api.patch<Body>(`/api/disputes/bodies/${enc(id)}`, body),
  lists: () => api.get<Lists>('/api/disputes/lists'),
  importList: (body: z.input<typeof listImportBody>) => api.post<Lists>('/api/disputes/lists/import', body),
  importXlsx: (list: string, file: File) => {
    const form = new FormData();
    form.append('list', list);
    form.append('file', file);
    return api.upload<Lists>('/api/disputes/lists/import.xlsx', form);
  },
  limits: () => api.get<Limits>('/api/disputes/limits'),
  putLimits: (body: Limits) => api.put<Limits>('/api/disputes/limits', body),
  meetings: () => api.get<Meetings>('/api/disputes/meetings'),
  createMeeting: (body: MeetingInput) => api.post<Meeting>('/api/disputes/meetings', body),
  contacts: () => api.get<{ items: Contact[] }>('/api/disputes/contacts'),
  setContact: (communityId: string, body: ContactInput) =>
    api.put<Contact>(`/api/disputes/contacts/${enc(communityId)}`, body),
  stats: (from?: string, to?: string) => api.get<Stats>('/api/disputes/stats', { from, to }),
};
