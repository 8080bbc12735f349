import type { z } from 'zod';
import type {
  ActivityDetailDto,
  ActivityDto,
  ActivityTheme,
  AttendanceDto,
  createActivityBody,
  createTeamBody,
  createVolunteerBody,
  HoursReportRow,
  MyActivityDto,
  MyVolunteerDto,
  SummaryReport,
  ThemeReportRow,
  TeamDetailDto,
  TeamDto,
  UniversityRow,
  updateVolunteerBody,
  VolunteerDetailDto,
  VolunteerDto,
} from '../../../shared/contracts/volunteers';
import type { Wire } from '../../../shared/contracts/wire';
import { api, type Page } from '../../app/api';

export type Volunteer = Wire<VolunteerDto>;
export type VolunteerDetail = Wire<VolunteerDetailDto>;
export type Team = Wire<TeamDto>;
export type TeamDetail = Wire<TeamDetailDto>;
export type Activity = Wire<ActivityDto>;
export type ActivityDetail = Wire<ActivityDetailDto>;
export type Attendance = Wire<AttendanceDto>;
export type MyActivity = Wire<MyActivityDto>;
export type MyVolunteer = Wire<MyVolunteerDto>;
export type CreateVolunteerInput = z.input<typeof createVolunteerBody>;
export type UpdateVolunteerInput = z.input<typeof updateVolunteerBody>;
export type CreateTeamInput = z.input<typeof createTeamBody>;
export type CreateActivityInput = Omit<z.input<typeof createActivityBody>, 'startsAt' | 'endsAt'> & {
  startsAt: string;
  endsAt: string;
};

export interface VolunteerFilters {
  q?: string;
  orgUnitId?: string;
  kind?: VolunteerDto['kind'];
  skill?: string;
}

export const volKeys = {
  all: ['volunteers'] as const,
  list: (f: VolunteerFilters, page: number, pageSize: number) =>
    ['volunteers', 'list', f, page, pageSize] as const,
  detail: (id: string) => ['volunteers', 'detail', id] as const,
  teams: (orgUnitId?: string) => ['volunteers', 'teams', orgUnitId ?? ''] as const,
  team: (id: string) => ['volunteers', 'team', id] as const,
  activities: (orgUnitId: string | undefined, page: number, theme?: ActivityTheme) =>
    ['volunteers', 'activities', orgUnitId ?? '', page, theme ?? ''] as const,
  activity: (id: string) => ['volunteers', 'activity', id] as const,
  hours: (from: string, to: string, orgUnitId?: string) =>
    ['volunteers', 'hours', from, to, orgUnitId ?? ''] as const,
  summary: (orgUnitId?: string) => ['volunteers', 'summary', orgUnitId ?? ''] as const,
  themes: (from: string, to: string, orgUnitId?: string) =>
    ['volunteers', 'themes', from, to, orgUnitId ?? ''] as const,
  university: ['volunteers', 'university'] as const,
  me: ['volunteers', 'me'] as const,
  myActivities: ['volunteers', 'me', 'activities'] as const,
};

const enc = encodeURIComponent;

export const volApi = {
  list: (f: VolunteerFilters, page: number, pageSize: number) =>
    api.get<Page<Volunteer>>('/api/volunteers', { ...f, page, pageSize }),
  search: (q: string, orgUnitId?: string, pageSize = 20) =>
    api.get<Page<Volunteer>>('/api/volunteers', { q, orgUnitId, status: 'active', pageSize }),
  detail: (id: string) => api.get<VolunteerDetail>(`/api/volunteers/${enc(id)}`),
  create: (body: CreateVolunteerInput) => api.post<Volunteer>('/api/volunteers', body),
  update: (id: string, body: UpdateVolunteerInput) =>
    api.patch<Volunteer>(`/api/volunteers/${enc(id)}`, body),
  certificate: (id: string) =>
    api.download(`/api/volunteers/${enc(id)}/certificate.pdf`, undefined, 'certificate.pdf'),
  correct: (entryId: string, body: { minutes: number; reason: string }) =>
    api.post(`/api/volunteer-hours/${enc(entryId)}/correct`, body),

  teams: (orgUnitId?: string) => api.get<Page<Team>>('/api/volunteer-teams', { orgUnitId, pageSize: 200 }),
  team: (id: string) => api.get<TeamDetail>(`/api/volunteer-teams/${enc(id)}`),
  createTeam: (body: CreateTeamInput) => api.post<Team>('/api/volunteer-teams', body),
  addMember: (teamId: string, volunteerId: string, role: 'leader' | 'member') =>
    api.post(`/api/volunteer-teams/${enc(teamId)}/members`, { volunteerId, role }),
  removeMember: (teamId: string, volunteerId: string) =>
    api.post(`/api/volunteer-teams/${enc(teamId)}/members/${enc(volunteerId)}/remove`),

  activities: (orgUnitId: string | undefined, page: number, theme?: ActivityTheme, pageSize = 20) =>
    api.get<Page<Activity>>('/api/volunteer-activities', { orgUnitId, theme, page, pageSize }),
  activity: (id: string) => api.get<ActivityDetail>(`/api/volunteer-activities/${enc(id)}`),
  createActivity: (body: CreateActivityInput) => api.post<Activity>('/api/volunteer-activities', body),
  cancelActivity: (id: string, reason: string) =>
    api.post<Activity>(`/api/volunteer-activities/${enc(id)}/cancel`, { reason }),
  signUp: (id: string, volunteerId: string) =>
    api.post(`/api/volunteer-activities/${enc(id)}/signups`, { volunteerId }),
  cancelSignup: (id: string, volunteerId: string) =>
    api.post(`/api/volunteer-activities/${enc(id)}/signups/${enc(volunteerId)}/cancel`),
  attendance: (id: string, volunteerId: string, action: 'check-in' | 'check-out' | 'confirm') =>
    api.post<Attendance>(`/api/volunteer-activities/${enc(id)}/attendance/${enc(volunteerId)}/${action}`),

  hours: (from: string, to: string, orgUnitId?: string) =>
    api.get<Wire<HoursReportRow>[]>('/api/volunteers/reports/hours', { from, to, orgUnitId }),
  hoursXlsx: (from: string, to: string, orgUnitId?: string) =>
    api.download('/api/volunteers/reports/hours.xlsx', { from, to, orgUnitId }, 'volunteer-hours.xlsx'),
  summary: (orgUnitId?: string) =>
    api.get<Wire<SummaryReport>>('/api/volunteers/reports/summary', { orgUnitId }),
  themes: (from: string, to: string, orgUnitId?: string) =>
    api.get<Wire<ThemeReportRow>[]>('/api/volunteers/reports/themes', { from, to, orgUnitId }),
  themesXlsx: (from: string, to: string, orgUnitId?: string) =>
    api.download('/api/volunteers/reports/themes.xlsx', { from, to, orgUnitId }, 'themed-volunteering.xlsx'),
  university: () => api.get<Wire<UniversityRow>[]>('/api/volunteers/reports/university'),
  setFlag: (communityId: string, body: { demonstration: boolean; partnerUniversities: string[] }) =>
    api.put(`/api/volunteers/communities/${enc(communityId)}/flag`, body),

  me: () => api.get<MyVolunteer>('/api/me/volunteer'),
  myActivities: () => api.get<MyActivity[]>('/api/me/volunteer/activities'),
  mySignUp: (id: string) => api.post(`/api/me/volunteer/activities/${enc(id)}/signup`),
  myCancel: (id: string) => api.post(`/api/me/volunteer/activities/${enc(id)}/cancel`),
  myCheck: (id: string, what: 'check-in' | 'check-out', pos: { lat: number; lng: number; note?: string }) =>
    api.post<Attendance>(`/api/me/volunteer/activities/${enc(id)}/${what}`, pos),
  /** A photo of the work done, while checked in (before check-out). */
  myCheckOutPhoto: (id: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload<Attendance>(`/api/me/volunteer/activities/${enc(id)}/photo`, form);
  },
  myCertificate: () => api.download('/api/me/volunteer/certificate.pdf', undefined, 'certificate.pdf'),
};

export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
