import { lazy } from 'react';
import { guardedRoute } from '../../app/guardedRoute';
import { defineWebModule } from '../../app/webModule';
import { settingsEn, settingsZh } from './i18n';

const Open311KeysPage = lazy(() => import('./Open311KeysPage'));
const CategoriesPage = lazy(() => import('./CategoriesPage'));
const CalendarPage = lazy(() => import('./CalendarPage'));
const WorkOrderSettingsPage = lazy(() => import('./WorkOrderSettingsPage'));

/** 系统设置 pages: Open311 keys, categories, the statutory calendar, work-order time limits. */
export const settingsWebModule = defineWebModule({
  name: 'settings',
  i18n: { 'zh-CN': settingsZh, en: settingsEn },
  routes: (
    <>
      {guardedRoute('settings/open311', 'open311.manage', <Open311KeysPage />)}
      {guardedRoute('settings/categories', 'work_orders.categories', <CategoriesPage />)}
      {guardedRoute('settings/calendar', 'work_orders.read', <CalendarPage />)}
      {guardedRoute('settings/work-orders', 'work_orders.supervise', <WorkOrderSettingsPage />)}
    </>
  ),
  // In the 系统设置 group, in this order; /settings opens the first one the user may see.
  nav: [
    {
      path: '/settings/open311',
      label: 'menu.settings.open311',
      permission: 'open311.manage',
      group: '/settings',
      order: 10,
    },
    {
      path: '/settings/categories',
      label: 'menu.settings.categories',
      permission: 'work_orders.categories',
      group: '/settings',
      order: 20,
    },
    // Anyone who works with deadlines may look up the calendar; only calendar.write may load a year.
    {
      path: '/settings/calendar',
      label: 'menu.settings.calendar',
      permission: 'work_orders.read',
      group: '/settings',
      order: 30,
    },
    {
      path: '/settings/work-orders',
      label: 'menu.settings.workOrders',
      permission: 'work_orders.supervise',
      group: '/settings',
      order: 40,
    },
  ],
});
