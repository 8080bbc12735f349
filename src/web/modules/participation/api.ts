import type { z } from 'zod';
import type {
  DisclosureDto,
  MatterClass,
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
  inviteIcs: (id: string) => api.download(`/api/meetings/${enc(id)}/invite.ics`, undefined, 'meeting.ics'),
  procedures: (q: { page?: number; status?: string; matterClass?: string }) =>
    api.get<Page<Procedure>>('/api/deliberations/procedures', { ...q, pageSize: 20 }),
  createProcedure: (body: {
    orgUnitId: string;
    template: 'four_two' | 'five_two';
    title: string;
    matter: string;
    matterClass?: MatterClass | null;
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

// ---- deliberation topics, council rooms, conventions
import type {
  ConventionDetailDto,
  ConventionDto,
  RoomDto,
  TopicDetailDto,
  TopicDto,
  TopicMicroCountsDto,
  TopicMicroKind,
} from '../../../shared/contracts/deliberation';

export type Topic = Wire<TopicDto>;
export type TopicDetail = Wire<TopicDetailDto>;
export type Room = Wire<RoomDto>;
export type Convention = Wire<ConventionDto>;
export type ConventionDetail = Wire<ConventionDetailDto>;
export type TopicFormat = { id: string; name: string; note: string | null; active: boolean; sort: number };
export type TopicQuery = {
  page?: number;
  level?: string;
  state?: string;
  source?: string;
  microKind?: string;
  q?: string;
  orgUnitId?: string;
};
export type Participant = { kind: string; refId?: string; name?: string };
export type RoomChecklist = Record<string, { ok: boolean; note?: string; photo?: string }>;

export const delibApi = {
  topics: (q: TopicQuery) => api.get<Page<Topic>>('/api/deliberations/topics', { pageSize: 20, ...q }),
  exportTopics: (q: TopicQuery) =>
    api.download('/api/deliberations/topics/export.xlsx', { ...q, page: undefined }, '协商议题.xlsx'),
  topic: (id: string) => api.get<TopicDetail>(`/api/deliberations/topics/${enc(id)}`),
  createTopic: (body: {
    orgUnitId: string;
    title: string;
    description: string;
    formatId?: string;
    workOrderId?: string;
    microKind?: TopicMicroKind;
  }) => api.post<TopicDetail>('/api/deliberations/topics', body),
  /** The topics of the list's filters (its micro kind aside) per 微改造 / 微服务 / 微治理 (S003-11). */
  topicMicroCounts: (q: TopicQuery) =>
    api.get<TopicMicroCountsDto>('/api/deliberations/topics/micro-kinds', {
      ...q,
      page: undefined,
      microKind: undefined,
    }),
  setMicroKind: (id: string, microKind: TopicMicroKind | null) =>
    api.post<TopicDetail>(`/api/deliberations/topics/${enc(id)}/micro-kind`, { microKind }),
  step: (
    id: string,
    body: { action: string; note: string; participants?: Participant[]; meetingId?: string },
  ) => api.post<TopicDetail>(`/api/deliberations/topics/${enc(id)}/steps`, body),
  candidates: (id: string, kind: string, q: string) =>
    api.get<{ items: { id: string; name: string; detail: string | null }[] }>(
      `/api/deliberations/topics/${enc(id)}/candidates`,
      { kind, q: q || undefined },
    ),
  formats: (all = false) =>
    api.get<{ items: TopicFormat[] }>('/api/deliberations/formats', { all: all ? 'true' : undefined }),
  saveFormat: (id: string | null, body: { name: string; note?: string; active: boolean; sort: number }) =>
    id
      ? api.patch<TopicFormat>(`/api/deliberations/formats/${enc(id)}`, body)
      : api.post<TopicFormat>('/api/deliberations/formats', body),
  // residents
  homeUnits: () =>
    api.get<{ items: { id: string; name: string; level: string; levelName: string }[] }>(
      '/api/deliberations/board/home-units',
    ),
  boardTopics: (mine: string | undefined, page: number) =>
    api.get<Page<Topic>>('/api/deliberations/board/topics', { mine, page, pageSize: 20 }),
  boardTopic: (id: string) => api.get<TopicDetail>(`/api/deliberations/board/topics/${enc(id)}`),
  propose: (body: { orgUnitId: string; title: string; description: string }) =>
    api.post<TopicDetail>('/api/deliberations/board/topics', body),
  support: (id: string) => api.post<TopicDetail>(`/api/deliberations/board/topics/${enc(id)}/support`),
  comment: (id: string, text: string) =>
    api.post<TopicDetail>(`/api/deliberations/board/topics/${enc(id)}/comments`, { text }),
  follow: (id: string, on: boolean) =>
    api.post<TopicDetail>(`/api/deliberations/board/topics/${enc(id)}/follow`, { on }),
  // rooms
  rooms: (q: { page?: number; incomplete?: string }) =>
    api.get<Page<Room>>('/api/deliberations/rooms', { pageSize: 20, ...q }),
  createRoom: (body: { orgUnitId: string; name: string; address?: string; checklist: RoomChecklist }) =>
    api.post<Room>('/api/deliberations/rooms', body),
  patchRoom: (id: string, body: { name?: string; address?: string; checklist?: RoomChecklist }) =>
    api.patch<Room>(`/api/deliberations/rooms/${enc(id)}`, body),
  uploadRoomPhoto: (id: string, item: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<Room>(`/api/deliberations/rooms/${enc(id)}/items/${enc(item)}/photo`, form);
  },
  // conventions
  conventions: (page: number) => api.get<Page<Convention>>('/api/conventions', { page, pageSize: 20 }),
  convention: (id: string) => api.get<ConventionDetail>(`/api/conventions/${enc(id)}`),
  createConvention: (body: { orgUnitId: string; kind: string; title: string }) =>
    api.post<ConventionDetail>('/api/conventions', body),
  addVersion: (id: string, body: { text: string; note?: string; meetingId?: string }) =>
    api.post<ConventionDetail>(`/api/conventions/${enc(id)}/versions`, body),
  publish: (id: string, no: number) =>
    api.post<ConventionDetail>(`/api/conventions/${enc(id)}/publish`, { no }),
  diff: (id: string, from: number, to: number) =>
    api.get<{ from: number; to: number; lines: { op: 'same' | 'add' | 'del'; text: string }[] }>(
      `/api/conventions/${enc(id)}/diff`,
      { from, to },
    ),
  boardConventions: (page: number) =>
    api.get<Page<Convention>>('/api/conventions/board', { page, pageSize: 20 }),
  meetingQr: (id: string) =>
    api.get<{ url: string; svg: string; open: boolean }>(`/api/meetings/${enc(id)}/qr`),
  qrSignIn: (id: string, k: string) =>
    api.post<{ title: string; name: string; already: boolean; heldAt: string; place: string | null }>(
      `/api/meetings/${enc(id)}/qr-sign-in`,
      { k },
    ),
  boardConvention: (id: string) => api.get<ConventionDetail>(`/api/conventions/board/${enc(id)}`),
};
