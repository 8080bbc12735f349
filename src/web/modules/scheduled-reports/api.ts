import type { z } from 'zod';
import type {
  BoardDto,
  CycleDto,
  FigureDto,
  RollupDto,
  SubmissionDetailDto,
  SubmissionDto,
  TemplateDto,
  actionBody,
  saveBody,
  templateBody,
  templatePatch,
} from '../../../shared/contracts/scheduledReports';
import { api, type Page } from '../../app/api';

/** The scheduled-reports module's API client (信息报告). */
export type Template = TemplateDto;
export type Cycle = CycleDto;
export type Submission = SubmissionDto;
export type SubmissionDetail = SubmissionDetailDto;
export type Board = BoardDto;
export type Rollup = RollupDto;
export type Figure = FigureDto;
export type SubmissionQuery = {
  side?: 'mine' | 'review';
  state?: string;
  overdue?: 'true';
  templateId?: string;
  cycleId?: string;
  page?: number;
  pageSize?: number;
};

const enc = encodeURIComponent;
const base = '/api/scheduled-reports';

export const srKeys = {
  all: ['scheduled-reports'] as const,
  templates: ['scheduled-reports', 'templates'] as const,
  figures: ['scheduled-reports', 'figures'] as const,
  board: (id: string) => ['scheduled-reports', 'board', id] as const,
  rollup: (id: string) => ['scheduled-reports', 'rollup', id] as const,
  submissions: (q: SubmissionQuery) => ['scheduled-reports', 'submissions', q] as const,
  overdue: (q: SubmissionQuery) => ['scheduled-reports', 'overdue', q] as const,
  submission: (id: string) => ['scheduled-reports', 'submission', id] as const,
};

export const srApi = {
  figures: () => api.get<Figure[]>(`${base}/figures`),
  templates: () => api.get<Page<Template>>(`${base}/templates`, { pageSize: 200 }),
  createTemplate: (body: z.input<typeof templateBody>) => api.post<Template>(`${base}/templates`, body),
  updateTemplate: (id: string, body: z.input<typeof templatePatch>) =>
    api.patch<Template>(`${base}/templates/${enc(id)}`, body),
  board: (id: string) => api.get<Board>(`${base}/templates/${enc(id)}/board`, { cycles: 6 }),
  rollup: (cycleId: string) => api.get<Rollup>(`${base}/cycles/${enc(cycleId)}/rollup`),
  exportCycle: (cycleId: string) => api.download(`${base}/cycles/${enc(cycleId)}/export.xlsx`),
  submissions: (q: SubmissionQuery) => api.get<Page<Submission>>(`${base}/submissions`, q),
  overdue: (q: SubmissionQuery) => api.get<Page<Submission>>(`${base}/overdue`, q),
  submission: (id: string) => api.get<SubmissionDetail>(`${base}/submissions/${enc(id)}`),
  save: (id: string, body: z.input<typeof saveBody>) =>
    api.patch<SubmissionDetail>(`${base}/submissions/${enc(id)}`, body),
  act: (id: string, body: z.input<typeof actionBody>) =>
    api.post<SubmissionDetail>(`${base}/submissions/${enc(id)}/actions`, body),
};

/**
 * A field's value as the report's form opens (console and phone): the stored one, else, while the report is
 * editable, the figure Linli holds for it; null when neither.
 */
export function openingValue(s: SubmissionDetail, key: string, editable: boolean) {
  const stored = s.values[key];
  const figure = editable && (stored === null || stored === undefined) ? s.figures[key] : undefined;
  return stored ?? figure ?? null;
}
