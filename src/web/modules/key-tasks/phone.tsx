import { lazy } from 'react';
import { Route } from 'react-router';
import { definePhoneModule } from '../../phone/phoneModule';
import { keyTasksEn, keyTasksZh } from './i18n';

const ListPage = lazy(() => import('./phone/TasksPhone').then((m) => ({ default: m.MyTasksPage })));
const TaskPage = lazy(() => import('./phone/TasksPhone').then((m) => ({ default: m.TaskPhonePage })));

/** 重点任务 on the phone: a responsible unit's staff report progress with evidence (R-TK-1). */
export const keyTasksPhoneModule = definePhoneModule({
  name: 'key-tasks',
  i18n: { 'zh-CN': keyTasksZh, en: keyTasksEn },
  routes: (
    <>
      <Route path="/m/key-tasks" element={<ListPage />} />
      <Route path="/m/key-tasks/:id" element={<TaskPage />} />
    </>
  ),
  tiles: [
    {
      to: '/m/key-tasks',
      label: 'keyTasks.phone.tile',
      text: 'keyTasks.phone.tileText',
      glyph: '任',
      color: '#5b3a8c',
      size: 'more',
      order: 20,
      permission: 'key_tasks.report',
    },
  ],
});
