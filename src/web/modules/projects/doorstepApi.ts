import type { z } from 'zod';
import type {
  DoorstepDetailDto,
  DoorstepDto,
  MyDoorstepDto,
  createDoorstepBody,
  doorstepSurveysSchema,
  reflectionBody,
  stageBody,
  updateDoorstepBody,
} from '../../../shared/contracts/projects.doorstep';
import type { Wire } from '../../../shared/contracts/wire';
import { type Query, api } from '../../app/api';

export type Doorstep = Wire<DoorstepDto>;
export type DoorstepDetail = Wire<DoorstepDetailDto>;
export type MyDoorstep = Wire<MyDoorstepDto>;
export type DoorstepFile = DoorstepDetail['documents'][number]['files'][number];
export type DoorstepInput = z.input<typeof createDoorstepBody>;
export type DoorstepPatch = z.input<typeof updateDoorstepBody>;
export type StageInput = z.input<typeof stageBody>;
export type ReflectionInput = z.input<typeof reflectionBody>;

export const doorstepKeys = {
  all: ['projects', 'doorstep'] as const,
  list: (q: Query) => ['projects', 'doorstep', 'list', q] as const,
  one: (id: string) => ['projects', 'doorstep', 'one', id] as const,
  surveys: (id: string) => ['projects', 'doorstep', 'surveys', id] as const,
  mine: ['projects', 'doorstep', 'mine'] as const,
};

const enc = encodeURIComponent;
const one = (id: string) => `/api/projects/doorstep/${enc(id)}`;

/** Seed 004's doorstep projects (家门口项目): register, stages, reflections, documents; residents' list. */
export const doorstepApi = {
  list: (q: Query) =>
    api.get<{ items: Doorstep[]; total: number; page: number; pageSize: number }>(
      '/api/projects/doorstep',
      q,
    ),
  get: (id: string) => api.get<DoorstepDetail>(one(id)),
  create: (body: DoorstepInput) => api.post<DoorstepDetail>('/api/projects/doorstep', body),
  update: (id: string, body: DoorstepPatch) => api.patch<DoorstepDetail>(one(id), body),
  stage: (id: string, body: StageInput) => api.post<DoorstepDetail>(`${one(id)}/stages`, body),
  reflect: (id: string, body: ReflectionInput) => api.post<DoorstepDetail>(`${one(id)}/reflections`, body),
  upload: (id: string, slot: string, note: string, file: File) => {
    const form = new FormData();
    form.append('slot', slot);
    form.append('note', note);
    form.append('file', file);
    return api.upload<DoorstepDetail>(`${one(id)}/files`, form);
  },
  surveys: (id: string) => api.get<z.infer<typeof doorstepSurveysSchema>>(`${one(id)}/surveys`),
  exportXlsx: (q: Query) => api.download('/api/projects/doorstep.xlsx', q, '家门口项目.xlsx'),
  mine: () => api.get<{ items: MyDoorstep[] }>('/api/me/doorstep'),
};
