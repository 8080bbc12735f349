import { FlagOutlined } from '@ant-design/icons';
import { defineWebModule } from '../../app/webModule';
import { keyTasksEn, keyTasksZh } from './i18n';
import { keyTasksConsoleRoutes } from './routes';
import { useKeyTasksTodo } from './todo';

/** 重点任务督办: leading groups, joint meetings, key-task lists with supervision (R-TK-1). */
export const keyTasksWebModule = defineWebModule({
  name: 'key-tasks',
  i18n: { 'zh-CN': keyTasksZh, en: keyTasksEn },
  routes: keyTasksConsoleRoutes,
  nav: [
    {
      path: '/key-tasks-menu',
      label: 'keyTasks.menu.group',
      icon: <FlagOutlined />,
      permission: 'key_tasks.read',
      order: 57,
      children: [
        { path: '/key-tasks', label: 'keyTasks.menu.tasks', permission: 'key_tasks.read' },
        { path: '/key-tasks/groups', label: 'keyTasks.menu.groups', permission: 'key_tasks.read' },
      ],
    },
  ],
  todo: useKeyTasksTodo,
});
