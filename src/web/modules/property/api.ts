import type {
  AppraisalDto,
  CompoundDto,
  CoverageDto,
  HonourDto,
  MeetingDto,
  MyCompoundDto,
  NoticeDto,
  TargetsDto,
} from '../../../shared/contracts/property';
import type { Wire } from '../../../shared/contracts/wire';
import { type Page, type Query, api } from '../../app/api';

/** The property module's API client (what its pages use; other modules may import it). */
export type Compound = Wire<CompoundDto>;
export type Meeting = MeetingDto;
export type Notice = NoticeDto;
export type Appraisal = AppraisalDto;
export type Honour = HonourDto;
export type { CoverageDto, TargetsDto, MyCompoundDto };

export const pmKeys = {
  compounds: (q: Query) => ['property', 'compounds', q] as const,
  coverage: (q: Query) => ['property', 'coverage', q] as const,
  meetings: (q: Query) => ['property', 'meetings', q] as const,
  notices: (q: Query) => ['property', 'notices', q] as const,
  appraisals: (q: Query) => ['property', 'appraisals', q] as const,
  honours: (q: Query) => ['property', 'honours', q] as const,
  targets: (year: number) => ['property', 'targets', year] as const,
  mine: ['property', 'mine'] as const,
};

export const pmApi = {
  compounds: (q: Query) => api.get<Page<Compound>>('/api/property/compounds', q),
  saveCompound: (id: string, body: unknown) => api.put<Compound>(`/api/property/compounds/${id}`, body),
  coverage: (q: Query) => api.get<CoverageDto>('/api/property/coverage', q),
  exportCoverage: (q: Query) => api.download('/api/property/coverage.xlsx', q, 'property-coverage.xlsx'),
  meetings: (q: Query) => api.get<Page<Meeting>>('/api/property/meetings', q),
  createMeeting: (body: unknown) => api.post<Meeting>('/api/property/meetings', body),
  addIssue: (id: string, body: unknown) => api.post<Meeting>(`/api/property/meetings/${id}/issues`, body),
  resolveIssue: (id: string, body: unknown) => api.post(`/api/property/issues/${id}/resolve`, body),
  notices: (q: Query) => api.get<Page<Notice>>('/api/property/notices', q),
  createNotice: (body: unknown) => api.post<Notice>('/api/property/notices', body),
  appraisals: (q: Query) => api.get<Page<Appraisal>>('/api/property/appraisals', q),
  createAppraisal: (body: unknown) => api.post<Appraisal>('/api/property/appraisals', body),
  honours: (q: Query) => api.get<Page<Honour>>('/api/property/honours', q),
  createHonour: (body: unknown) => api.post<Honour>('/api/property/honours', body),
  targets: (year: number) => api.get<TargetsDto>('/api/property/honours/targets', { year }),
  mine: () => api.get<MyCompoundDto>('/api/property/mine'),
};
