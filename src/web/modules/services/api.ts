import type { z } from 'zod';
import type { SoAction, SoStatus } from '../../../shared/contracts/serviceOrderMachine';
import type {
  CandidateDto,
  DutyDeputyDto,
  DutyReportDto,
  DutySlotDto,
  LoopDto,
  MyDutyDto,
  NeedDto,
  OrderDetailDto,
  OrderDto,
  ProjectDto,
  PublicProjectDto,
  ReportDto,
  ResourceDto,
  ServerRowDto,
  StationDto,
  YearRecordDto,
  dutyLogSchema,
  dutySlotBody,
  needBody,
  orderActionBody,
  orderBody,
  projectBody,
  resourceBody,
  stationBody,
  stationPatch,
} from '../../../shared/contracts/services';
import type { MyRelativeView } from '../../../shared/contracts/ledger';
import type { Wire } from '../../../shared/contracts/wire';
import { api, type Page, type Query } from '../../app/api';

export type { SoAction, SoStatus };
export type Need = Wire<NeedDto>;
export type Resource = Wire<ResourceDto>;
export type Project = Wire<ProjectDto>;
export type PublicProject = Wire<PublicProjectDto>;
export type Order = Wire<OrderDto>;
export type OrderDetail = Wire<OrderDetailDto>;
export type Candidate = Wire<CandidateDto>;
export type Station = Wire<StationDto>;
export type DutySlot = Wire<DutySlotDto>;
export type DutyLog = Wire<z.infer<typeof dutyLogSchema>>;
export type MyDuty = Wire<MyDutyDto>;
export type DutyDeputy = Wire<DutyDeputyDto>;
export type DutyReport = Wire<DutyReportDto>;
export type MyRelative = Wire<MyRelativeView>;
export type Loop = Wire<LoopDto>;
export type LoopRow = Loop['problems'][number];
export type Report = Wire<ReportDto>;
export type ServerRow = Wire<ServerRowDto>;
export type YearRecord = Wire<YearRecordDto>;
export type NeedInput = z.input<typeof needBody>;
export type ResourceInput = z.input<typeof resourceBody>;
export type ProjectInput = z.input<typeof projectBody>;
export type OrderInput = z.input<typeof orderBody>;
export type OrderActionInput = z.input<typeof orderActionBody>;
export type StationInput = z.input<typeof stationBody>;
export type StationPatchInput = z.input<typeof stationPatch>;
export type DutySlotInput = z.input<typeof dutySlotBody>;
export type OrderView = 'all' | 'queue' | 'dispatched' | 'open' | 'alerts';

export interface Summary {
  volunteerId: string | null;
  name: string | null;
  open: number;
  served: number;
  minutes: number;
  averageRating: number | null;
}

export const svcKeys = {
  all: ['services'] as const,
  needs: (q: Query) => ['services', 'needs', q] as const,
  resources: (q: Query) => ['services', 'resources', q] as const,
  projects: (q: Query) => ['services', 'projects', q] as const,
  orders: (q: Query) => ['services', 'orders', q] as const,
  order: (id: string) => ['services', 'order', id] as const,
  candidates: (id: string) => ['services', 'candidates', id] as const,
  stations: (communityId?: string) => ['services', 'stations', communityId] as const,
  duty: (q: Query) => ['services', 'duty', q] as const,
  dutyLogs: (slotId: string) => ['services', 'duty-logs', slotId] as const,
  dutyDeputies: (stationId: string) => ['services', 'duty-deputies', stationId] as const,
  dutyReport: (q: Query) => ['services', 'duty-report', q] as const,
  report: (q: Query) => ['services', 'report', q] as const,
  servers: (q: Query) => ['services', 'servers', q] as const,
  record: (id: string, year: number) => ['services', 'record', id, year] as const,
  settings: (communityId: string) => ['services', 'settings', communityId] as const,
  published: (communityId?: string) => ['services', 'published', communityId] as const,
  myOrders: ['services', 'my', 'orders'] as const,
  myTasks: (view: string) => ['services', 'my', 'tasks', view] as const,
  myDuty: ['services', 'my', 'duty'] as const,
  myRelatives: ['services', 'my', 'relatives'] as const,
  mySummary: ['services', 'my', 'summary'] as const,
  myRecord: (year: number) => ['services', 'my', 'record', year] as const,
};

const enc = encodeURIComponent;

export const svcApi = {
  needs: (q: Query) => api.get<Page<Need>>('/api/services/needs', q),
  createNeed: (body: NeedInput) => api.post<Need>('/api/services/needs', body),
  updateNeed: (id: string, body: Partial<NeedInput> & { status?: string }) =>
    api.patch<Need>(`/api/services/needs/${enc(id)}`, body),
  resources: (q: Query) => api.get<Page<Resource>>('/api/services/resources', q),
  createResource: (body: ResourceInput) => api.post<Resource>('/api/services/resources', body),
  updateResource: (id: string, body: Partial<ResourceInput>) =>
    api.patch<Resource>(`/api/services/resources/${enc(id)}`, body),
  projects: (q: Query) => api.get<Page<Project>>('/api/services/projects', q),
  createProject: (body: ProjectInput) => api.post<Project>('/api/services/projects', body),
  updateProject: (id: string, body: Partial<ProjectInput>) =>
    api.patch<Project>(`/api/services/projects/${enc(id)}`, body),
  orders: (q: Query) => api.get<Page<Order>>('/api/services/orders', q),
  order: (id: string) => api.get<OrderDetail>(`/api/services/orders/${enc(id)}`),
  createOrder: (body: OrderInput) => api.post<OrderDetail>('/api/services/orders', body),
  act: (id: string, body: OrderActionInput) =>
    api.post<OrderDetail>(`/api/services/orders/${enc(id)}/actions`, body),
  candidates: (id: string) => api.get<Candidate[]>(`/api/services/orders/${enc(id)}/candidates`),
  sweep: () => api.post<{ returned: number }>('/api/services/sweep'),
  settings: (communityId: string) =>
    api.get<{ communityId: string; acceptTimeoutHours: number }>(
      `/api/services/settings/${enc(communityId)}`,
    ),
  putSettings: (communityId: string, acceptTimeoutHours: number) =>
    api.put<{ communityId: string; acceptTimeoutHours: number }>(
      `/api/services/settings/${enc(communityId)}`,
      {
        acceptTimeoutHours,
      },
    ),
  stations: (communityId?: string) => api.get<Station[]>('/api/services/stations', { communityId }),
  createStation: (body: StationInput) => api.post<Station>('/api/services/stations', body),
  /** A station's name, address, state, host facility and functions (seed 000 二.2, S000-09). */
  updateStation: (id: string, body: StationPatchInput) =>
    api.patch<Station>(`/api/services/stations/${enc(id)}`, body),
  duty: (q: Query) => api.get<DutySlot[]>('/api/services/duty', q),
  createSlot: (body: DutySlotInput) => api.post<DutySlot>('/api/services/duty', body),
  deleteSlot: (id: string) => api.del<void>(`/api/services/duty/${enc(id)}`),
  dutyLogs: (slotId: string) => api.get<DutyLog[]>(`/api/services/duty/${enc(slotId)}/logs`),
  addDutyLog: (slotId: string, body: { content: string; visitors: number }) =>
    api.post<DutyLog>(`/api/services/duty/${enc(slotId)}/logs`, body),
  /** 两代表一委员 who may be on duty at the station (registered in its community). */
  dutyDeputies: (stationId: string) =>
    api.get<DutyDeputy[]>(`/api/services/stations/${enc(stationId)}/deputies`),
  dutyReport: (q: Query) => api.get<DutyReport>('/api/services/duty/report', q),
  dutyReportXlsx: (q: Query) => api.download('/api/services/duty/report.xlsx', q),
  report: (q: Query) => api.get<Report>('/api/services/reports', q),
  reportXlsx: (q: Query) => api.download('/api/services/reports.xlsx', q),
  servers: (q: Query) => api.get<ServerRow[]>('/api/services/reports/servers', q),
  record: (volunteerId: string, year: number) =>
    api.get<YearRecord>(`/api/services/volunteers/${enc(volunteerId)}/record`, { year }),
  recordXlsx: (volunteerId: string, year: number) =>
    api.download(`/api/services/volunteers/${enc(volunteerId)}/record.xlsx`, { year }),
  // residents' and volunteers' phone pages
  published: (communityId?: string) =>
    api.get<{ community: { id: string; name: string } | null; items: PublicProject[] }>(
      '/api/public/services/projects',
      { communityId },
    ),
  myOrders: () => api.get<Page<Order>>('/api/services/my/orders', { pageSize: 50 }),
  myDuty: () => api.get<MyDuty>('/api/me/duty'),
  loop: (communityId?: string) => api.get<Loop>('/api/services/loop', { communityId }),
  /** R-VP-2: relatives whose time bank I may spend (they consented). */
  myRelatives: () => api.get<MyRelative[]>('/api/me/time-bank/relatives'),
  addMyDutyLog: (slotId: string, body: { content: string; visitors: number; at?: string }) =>
    api.post<DutyLog>(`/api/me/duty/${enc(slotId)}/logs`, body),
  myDutyPhoto: (logId: string, file: File) => {
    const form = new FormData();
    form.append('photo', file);
    return api.upload<DutyLog>(`/api/me/duty/logs/${enc(logId)}/photo`, form);
  },
  myTasks: (view: 'open' | 'history') =>
    api.get<Page<Order>>('/api/services/my/tasks', { view, pageSize: 50 }),
  mySummary: () => api.get<Summary>('/api/services/my/summary'),
  myRecord: (year: number) => api.get<YearRecord>('/api/services/my/record', { year }),
};
