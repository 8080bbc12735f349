import type { z } from 'zod';
import type {
  DisclosureDto,
  ProcedureDto,
  overdueSchema,
  scheduleSchema,
  MeetingDetailDto,
  MeetingDto,
  attendanceBody,
  createMeetingBody,
  electorSchema,
  meetingListQuery,
  motionBody,
  voteBody,
} from '../../../shared/contracts/participation';
import type { Wire } from '../../../shared/contracts/wire';
import { type Page, api } from '../../app/api';

/** The participation module's API client. */
export type Meeting = Wire<MeetingDto>;
export type MeetingDetail = Wire<MeetingDetailDto>;
export type Elector = z.infer<typeof electorSchema>;
export type Procedure = Wire<ProcedureDto>;
export type Disclosure = Wire<DisclosureDto>;
export type Overdue = Wire<z.infer<typeof overdueSchema>>;
export type Schedule = z.infer<typeof scheduleSchema>;
export type MeetingQuery = Partial<z.infer<typeof meetingListQuery>>;

const enc = encodeURIComponent;

export const ptKeys = {
  all: ['participation'] as const,
  meetings: (q: MeetingQuery) => ['participation', 'meetings', q] as const,
  meeting: (id: string) => ['participation', 'meeting', id] as const,
  electors: (id: string, q: string, page: number) =>
    ['participation', 'meeting', id, 'electors', q, page] as const,
};

export const ptApi = {
  meetings: (q: MeetingQuery) => api.get<Page<Meeting>>('/api/meetings', q),
  meeting: (id: string) => api.get<MeetingDetail>(`/api/meetings/${enc(id)}`),
  create: (body: z.input<typeof createMeetingBody>) => api.post<MeetingDetail>('/api/meetings', body),
  open: (id: string) => api.post<MeetingDetail>(`/api/meetings/${enc(id)}/open`),
  electors: (id: string, q: string, page: number) =>
    api.get<Page<Elector>>(`/api/meetings/${enc(id)}/electors`, { q: q || undefined, page, pageSize: 20 }),
  signIn: (id: string, body: z.input<typeof attendanceBody>) =>
    api.post<MeetingDetail>(`/api/meetings/${enc(id)}/attendance`, body),
  motion: (id: string, body: z.input<typeof motionBody>) =>
    api.post<MeetingDetail>(`/api/meetings/${enc(id)}/motions`, body),
  vote: (id: string, motionId: string, body: z.input<typeof voteBody>) =>
    api.post<MeetingDetail>(`/api/meetings/${enc(id)}/motions/${enc(motionId)}/vote`, body),
  close: (id: string, minutes?: string) =>
    api.post<MeetingDetail>(`/api/meetings/${enc(id)}/close`, { minutes: minutes || undefined }),
  correct: (id: string, text: string) =>
    api.post<MeetingDetail>(`/api/meetings/${enc(id)}/corrections`, { text }),
  minutesPdf: (id: string) => api.download(`/api/meetings/${enc(id)}/minutes.pdf`, undefined, 'minutes.pdf'),
  procedures: (q: { page?: number; status?: string }) =>
    api.get<Page<Procedure>>('/api/deliberations/procedures', { ...q, pageSize: 20 }),
  createProcedure: (body: {
    orgUnitId: string;
    template: 'four_two' | 'five_two';
    title: string;
    matter: string;
  }) => api.post<Procedure>('/api/deliberations/procedures', body),
  step: (
    id: string,
    body: { step: string; note?: string; meetingId?: string; motionId?: string; disclosureId?: string },
  ) => api.post<Procedure>(`/api/deliberations/procedures/${enc(id)}/steps`, body),
  disclosures: (q: { page?: number; kind?: string; pageSize?: number }) =>
    api.get<Page<Disclosure>>('/api/disclosures', { pageSize: 20, ...q }),
  post: (body: { orgUnitId: string; kind: string; title: string; body: string; period?: string }) =>
    api.post<Disclosure>('/api/disclosures', body),
  takeDown: (id: string) => api.post<Disclosure>(`/api/disclosures/${enc(id)}/take-down`),
  answer: (id: string, objectionId: string, answer: string) =>
    api.post<Disclosure>(`/api/disclosures/${enc(id)}/objections/${enc(objectionId)}/answer`, { answer }),
  schedules: () => api.get<{ items: Schedule[] }>('/api/disclosures/schedules'),
  setSchedule: (body: { orgUnitId: string; kind: string; frequency: string }) =>
    api.post<Schedule>('/api/disclosures/schedules', body),
  overdue: () => api.get<Overdue>('/api/disclosures/overdue'),
  board: (page: number) => api.get<Page<Disclosure>>('/api/disclosures/board', { page, pageSize: 20 }),
  boardItem: (id: string) => api.get<Disclosure>(`/api/disclosures/board/${enc(id)}`),
  object: (id: string, text: string) =>
    api.post<Disclosure>(`/api/disclosures/board/${enc(id)}/objections`, { text }),
};
