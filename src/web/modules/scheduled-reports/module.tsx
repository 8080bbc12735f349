import { FileDoneOutlined } from '@ant-design/icons';
import { defineWebModule } from '../../app/webModule';
import { scheduledReportsEn, scheduledReportsZh } from './i18n';
import { scheduledReportsConsoleRoutes } from './routes';
import { useScheduledReportsTodo } from './todo';

/** 信息报告 (R-RP-1): report templates, the submission board, submitting and reviewing. */
export const scheduledReportsWebModule = defineWebModule({
  name: 'scheduled-reports',
  i18n: { 'zh-CN': scheduledReportsZh, en: scheduledReportsEn },
  routes: scheduledReportsConsoleRoutes,
  nav: [
    {
      path: '/scheduled-reports-menu',
      label: 'scheduledReports.menu.group',
      icon: <FileDoneOutlined />,
      permission: 'scheduled_reports.read',
      // Last in the menu for now (central lists grow at their end); beside 重点任务督办 (57.5) reads better.
      order: 57.6,
      children: [
        {
          path: '/scheduled-reports/submissions',
          label: 'scheduledReports.menu.submissions',
          permission: 'scheduled_reports.read',
        },
        {
          path: '/scheduled-reports/board',
          label: 'scheduledReports.menu.board',
          permission: 'scheduled_reports.read',
        },
        {
          path: '/scheduled-reports',
          label: 'scheduledReports.menu.templates',
          permission: 'scheduled_reports.read',
        },
      ],
    },
  ],
  todo: useScheduledReportsTodo,
});
