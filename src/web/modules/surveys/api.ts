import type { z } from 'zod';
import type {
  MySurveyDto,
  ResponseDto,
  ResultsDto,
  SurveyDto,
  createSurveyBody,
  paperBody,
  quotasBody,
  updateSurveyBody,
} from '../../../shared/contracts/surveys';
import type { Wire } from '../../../shared/contracts/wire';
import { type Page, api } from '../../app/api';

/** The surveys module's API client (console and phone). */
export type Survey = Wire<SurveyDto>;
export type SurveyResponse = Wire<ResponseDto>;
export type Results = Wire<ResultsDto>;
export type MySurvey = Wire<MySurveyDto>;

const enc = encodeURIComponent;

export const svApi = {
  list: (q: { page?: number; status?: string; year?: number; pageSize?: number }) =>
    api.get<Page<Survey>>('/api/surveys', { pageSize: 20, ...q }),
  get: (id: string) => api.get<Survey>(`/api/surveys/${enc(id)}`),
  create: (body: z.input<typeof createSurveyBody>) => api.post<Survey>('/api/surveys', body),
  update: (id: string, body: z.input<typeof updateSurveyBody>) =>
    api.patch<Survey>(`/api/surveys/${enc(id)}`, body),
  publish: (id: string) => api.post<Survey>(`/api/surveys/${enc(id)}/publish`),
  close: (id: string) => api.post<Survey>(`/api/surveys/${enc(id)}/close`),
  quotas: (id: string, body: z.input<typeof quotasBody>) =>
    api.post<Survey>(`/api/surveys/${enc(id)}/quotas`, body),
  results: (id: string) => api.get<Results>(`/api/surveys/${enc(id)}/results`),
  responses: (id: string, page: number) =>
    api.get<Page<SurveyResponse>>(`/api/surveys/${enc(id)}/responses`, { page, pageSize: 20 }),
  paper: (id: string, body: z.input<typeof paperBody>) =>
    api.post<SurveyResponse>(`/api/surveys/${enc(id)}/responses`, body),
  exportXlsx: (id: string) => api.download(`/api/surveys/${enc(id)}/export.xlsx`, undefined, 'survey.xlsx'),
  qrUrl: (id: string) => `/api/surveys/${enc(id)}/qr.svg`,
  mine: (page = 1) => api.get<Page<MySurvey>>('/api/surveys/mine', { page, pageSize: 50 }),
  mineOne: (id: string) => api.get<MySurvey>(`/api/surveys/mine/${enc(id)}`),
  answer: (id: string, answers: Record<string, unknown>) =>
    api.post<MySurvey>(`/api/surveys/mine/${enc(id)}/answer`, { answers }),
};
