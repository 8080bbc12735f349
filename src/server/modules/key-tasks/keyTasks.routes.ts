import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  addMemberBody,
  boardSchema,
  createGroupBody,
  createListBody,
  createMeetingBody,
  createTaskBody,
  endMemberBody,
  groupDetailSchema,
  groupListQuery,
  groupSchema,
  listListQuery,
  meetingSchema,
  taskActionBody,
  taskDetailSchema,
  taskListSchema,
  taskQuery,
  taskSchema,
  updateGroupBody,
  updateTaskBody,
} from '../../../shared/contracts/keyTasks';
import { KEY_TASKS_AUDIT } from '../../../shared/i18n/audit.key-tasks';
import { KEY_TASKS_ERRORS } from '../../../shared/i18n/errors.key-tasks';
import { keyTasksAccess } from '../../../shared/permissions/key-tasks';
import { access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import { sendXlsx } from '../../platform/excel';
import { defineModule } from '../../platform/module';
import { recordRoutes } from '../../platform/recordRoutes';
import * as keyTasksTables from './keyTasks.table';
import {
  actOnTask,
  addMember,
  board,
  createGroup,
  createList,
  createMeeting,
  createTask,
  endMembership,
  exportTasks,
  getGroup,
  getList,
  getTask,
  listGroups,
  listLists,
  listTasks,
  updateGroup,
  updateTask,
} from './keyTasks.usecases';
import { taskWorkflow } from './keyTasks.workflow';

const STATE_LABEL = {
  'zh-CN': { open: '未启动', in_progress: '推进中', done: '已完成' },
  en: { open: 'Not started', in_progress: 'In progress', done: 'Done' },
} as const;

/**
 * Leading groups (领导小组) and joint meetings (联席会议), key-task lists (重点任务清单) with
 * supervision (督办), interviews (约谈) and escalation of overdue tasks (R-TK-1; seeds 002, 003).
 */
export const keyTasksModule = defineModule({
  name: 'key-tasks',
  tables: keyTasksTables,
  scopedTables: {
    scoped: [keyTasksTables.ktGroups, keyTasksTables.ktLists],
    pathOnly: [keyTasksTables.ktGroupMembers, keyTasksTables.ktMeetings, keyTasksTables.ktTasks],
  },
  access: keyTasksAccess,
  errors: KEY_TASKS_ERRORS,
  audit: KEY_TASKS_AUDIT,
  workflows: [taskWorkflow],
  routes(base: FastifyInstance, deps) {
    const { app, tags, ctxOf, route, recordFields } = routeKit(base, deps, 'key-tasks');
    const read = { access: access.permission('key_tasks.read') };
    const manage = { access: access.permission('key_tasks.manage') };

    const records = recordFields(read.access, manage.access);

    // ---- leading groups and joint meetings
    recordRoutes(base, {
      path: '/api/leading-groups',
      ...records,
      schema: groupSchema,
      listQuery: groupListQuery,
      body: createGroupBody,
      list: listGroups,
      create: createGroup,
      created: groupDetailSchema,
      detail: { schema: groupDetailSchema, get: getGroup },
    });
    // PATCH answers the group's detail, not the list's record, so it is not recordRoutes' update
    route(
      'PATCH',
      '/api/leading-groups/:id',
      manage.access,
      { body: updateGroupBody, response: groupDetailSchema },
      updateGroup,
    );
    route(
      'POST',
      '/api/leading-groups/:id/members',
      manage.access,
      { body: addMemberBody, response: groupDetailSchema },
      addMember,
    );
    app.post(
      '/api/leading-groups/:id/members/:memberId/end',
      {
        config: manage,
        schema: {
          tags,
          params: z.object({ id: z.string(), memberId: z.string() }),
          body: endMemberBody,
          response: { 200: groupDetailSchema },
        },
      },
      (req) => endMembership(ctxOf(req), req.params.id, req.params.memberId, req.body),
    );
    route(
      'POST',
      '/api/leading-groups/:id/meetings',
      manage.access,
      { body: createMeetingBody, response: meetingSchema, status: 201 },
      createMeeting,
    );

    // ---- lists
    recordRoutes(base, {
      path: '/api/key-tasks/lists',
      ...records,
      schema: taskListSchema,
      listQuery: listListQuery,
      body: createListBody,
      list: listLists,
      create: createList,
      detail: { schema: taskListSchema, get: getList },
    });

    // ---- tasks
    route('GET', '/api/key-tasks/lists/:id/board', read.access, { response: boardSchema }, (ctx, id) =>
      board(ctx, id),
    );
    app.get(
      '/api/key-tasks/export.xlsx',
      {
        config: { access: access.permission('key_tasks.export') },
        schema: { tags, querystring: taskQuery.omit({ page: true, pageSize: true }) },
      },
      async (req, reply) => {
        const { list, rows } = await exportTasks(ctxOf(req), req.query);
        const en = req.locale === 'en';
        const states = STATE_LABEL[en ? 'en' : 'zh-CN'];
        const title = list?.title ?? (en ? 'key-tasks' : '重点任务清单');
        return sendXlsx(
          reply,
          `${title}.xlsx`,
          en ? 'Key tasks' : '重点任务清单',
          [
            { header: en ? 'No.' : '序号', value: (r) => r.number, width: 6 },
            { header: en ? 'Task' : '任务内容', value: (r) => r.content, width: 60 },
            { header: en ? 'Responsible units' : '责任单位', value: (r) => r.units.join('、'), width: 36 },
            { header: en ? 'Lead' : '牵头单位', value: (r) => r.lead ?? '', width: 16 },
            {
              // seed 002 四(一) 责任到岗、责任到人 (S002-37): per responsible unit, its post and person
              header: en ? 'Responsible posts and persons' : '责任岗位及责任人',
              value: (r) =>
                r.owners
                  .map((o) => (en ? `${o.unit}: ${o.post} ${o.name}` : `${o.unit}：${o.post} ${o.name}`))
                  .join(en ? '; ' : '；'),
              width: 40,
            },
            { header: en ? 'Deadline' : '完成时间', value: (r) => r.deadlineText ?? r.dueOn, width: 14 },
            { header: en ? 'Due on' : '截止日期', value: (r) => r.dueOn, width: 12 },
            { header: en ? 'State' : '状态', value: (r) => states[r.state], width: 10 },
            { header: en ? 'Progress %' : '进度（%）', value: (r) => r.progress, width: 10 },
            {
              header: en ? 'Overdue' : '逾期',
              value: (r) => (r.overdue ? (en ? 'yes' : '是') : ''),
              width: 8,
            },
            { header: en ? 'Supervised' : '督办次数', value: (r) => r.supervisions, width: 10 },
            { header: en ? 'Interviews' : '约谈次数', value: (r) => r.interviews, width: 10 },
            { header: en ? 'Latest report' : '最近进展', value: (r) => r.lastComment, width: 40 },
          ],
          rows,
        );
      },
    );
    recordRoutes(base, {
      path: '/api/key-tasks',
      ...records,
      schema: taskSchema,
      listQuery: taskQuery,
      body: createTaskBody,
      list: listTasks,
      create: createTask,
      created: taskDetailSchema,
      detail: { schema: taskDetailSchema, get: getTask },
    });
    // PATCH answers the task's detail, not the list's record, so it is not recordRoutes' update
    route(
      'PATCH',
      '/api/key-tasks/:id',
      manage.access,
      { body: updateTaskBody, response: taskDetailSchema },
      updateTask,
    );
    route(
      'POST',
      '/api/key-tasks/:id/actions',
      access.anyOf('key_tasks.report', 'key_tasks.supervise'),
      { body: taskActionBody, response: taskDetailSchema },
      actOnTask,
    );
  },
});
