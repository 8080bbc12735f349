import type { z } from 'zod';
import type {
  BoardDto,
  GroupDetailDto,
  GroupDto,
  MeetingDto,
  TaskDetailDto,
  TaskDto,
  TaskListDto,
  addMemberBody,
  createGroupBody,
  createListBody,
  createMeetingBody,
  createTaskBody,
  endMemberBody,
  taskActionBody,
  updateGroupBody,
  updateTaskBody,
} from '../../../shared/contracts/keyTasks';
import type { Wire } from '../../../shared/contracts/wire';
import { api, type Page } from '../../app/api';

/** The key-tasks module's API client. */
export type TaskList = Wire<TaskListDto>;
export type Task = Wire<TaskDto>;
export type TaskDetail = Wire<TaskDetailDto>;
export type Board = BoardDto;
export type Group = Wire<GroupDto>;
export type GroupDetail = Wire<GroupDetailDto>;
export type Meeting = Wire<MeetingDto>;
export type TaskQuery = {
  listId?: string;
  state?: string;
  overdue?: 'true' | 'false';
  unit?: string;
  q?: string;
  page?: number;
  pageSize?: number;
};

const enc = encodeURIComponent;

export const ktKeys = {
  all: ['key-tasks'] as const,
  lists: ['key-tasks', 'lists'] as const,
  tasks: (q: TaskQuery) => ['key-tasks', 'tasks', q] as const,
  board: (id: string) => ['key-tasks', 'board', id] as const,
  task: (id: string) => ['key-tasks', 'task', id] as const,
  groups: ['key-tasks', 'groups'] as const,
  group: (id: string) => ['key-tasks', 'group', id] as const,
};

export const ktApi = {
  lists: () => api.get<Page<TaskList>>('/api/key-tasks/lists', { pageSize: 200 }),
  board: (id: string) => api.get<Board>(`/api/key-tasks/lists/${enc(id)}/board`),
  tasks: (q: TaskQuery) => api.get<Page<Task>>('/api/key-tasks', q),
  exportXlsx: (q: TaskQuery) =>
    api.download('/api/key-tasks/export.xlsx', { ...q, page: undefined, pageSize: undefined }),
  task: (id: string) => api.get<TaskDetail>(`/api/key-tasks/${enc(id)}`),
  createTask: (body: z.input<typeof createTaskBody>) => api.post<TaskDetail>('/api/key-tasks', body),
  act: (id: string, body: z.input<typeof taskActionBody>) =>
    api.post<TaskDetail>(`/api/key-tasks/${enc(id)}/actions`, body),
  createGroup: (body: z.input<typeof createGroupBody>) => api.post<GroupDetail>('/api/leading-groups', body),
  updateGroup: (id: string, body: z.input<typeof updateGroupBody>) =>
    api.patch<GroupDetail>(`/api/leading-groups/${enc(id)}`, body),
  endMember: (id: string, memberId: string, body: z.input<typeof endMemberBody>) =>
    api.post<GroupDetail>(`/api/leading-groups/${enc(id)}/members/${enc(memberId)}/end`, body),
  createList: (body: z.input<typeof createListBody>) => api.post<TaskList>('/api/key-tasks/lists', body),
  updateTask: (id: string, body: z.input<typeof updateTaskBody>) =>
    api.patch<TaskDetail>(`/api/key-tasks/${enc(id)}`, body),
  groups: () => api.get<Page<Group>>('/api/leading-groups', { pageSize: 200 }),
  group: (id: string) => api.get<GroupDetail>(`/api/leading-groups/${enc(id)}`),
  addMember: (id: string, body: z.input<typeof addMemberBody>) =>
    api.post<GroupDetail>(`/api/leading-groups/${enc(id)}/members`, body),
  createMeeting: (id: string, body: z.input<typeof createMeetingBody>) =>
    api.post<Meeting>(`/api/leading-groups/${enc(id)}/meetings`, body),
};

/** An owner's post and person, 负责人 吴兰兰 (责任到人, S002-37). */
export const ownerText = (o: { post: string; name: string }) => `${o.post} ${o.name}`;

/** An owner with its unit, 社会事务办：负责人 吴兰兰. */
export const ownerWithUnit = (o: Task['owners'][number]) => `${o.unit}：${ownerText(o)}`;
