import type {
  BodyDto,
  ElectionDto,
  OverviewDto,
  ReviewDto,
  VacancyDto,
} from '../../../shared/contracts/self-governance';
import { type Page, type Query, api } from '../../app/api';

/** The self-governance module's API client (what its pages use; other modules may import it). */
export type Body = BodyDto;
export type Vacancy = VacancyDto;
export type Election = ElectionDto;
export type Review = ReviewDto;
export type Overview = OverviewDto;

export const sgKeys = {
  overview: (q: Query) => ['self-governance', 'overview', q] as const,
  bodies: (q: Query) => ['self-governance', 'bodies', q] as const,
  vacancies: (q: Query) => ['self-governance', 'vacancies', q] as const,
  elections: (q: Query) => ['self-governance', 'elections', q] as const,
  reviews: (q: Query) => ['self-governance', 'reviews', q] as const,
};

export const sgApi = {
  overview: (q: Query) => api.get<Overview>('/api/self-governance/overview', q),
  bodies: (q: Query) => api.get<Page<Body>>('/api/self-governance/bodies', q),
  createBody: (body: unknown) => api.post<Body>('/api/self-governance/bodies', body),
  createPosition: (id: string, body: unknown) =>
    api.post<Body>(`/api/self-governance/bodies/${id}/positions`, body),
  vacate: (id: string, body: unknown) => api.post(`/api/self-governance/positions/${id}/vacate`, body),
  fill: (id: string, body: unknown) => api.post(`/api/self-governance/positions/${id}/fill`, body),
  vacancies: (q: Query) => api.get<Page<Vacancy>>('/api/self-governance/vacancies', q),
  elections: (q: Query) => api.get<Page<Election>>('/api/self-governance/elections', q),
  createElection: (body: unknown) => api.post<Election>('/api/self-governance/elections', body),
  reviews: (q: Query) => api.get<Page<Review>>('/api/self-governance/reviews', q),
  createReview: (body: unknown) => api.post<Review>('/api/self-governance/reviews', body),
};
