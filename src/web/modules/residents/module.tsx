import { UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { guardedRoute } from '../../app/guardedRoute';
import { defineWebModule } from '../../app/webModule';
import { residentsEn, residentsZh } from './i18n';

const ResidentsPage = lazy(() => import('./ResidentsPage'));
const ResidentDetailPage = lazy(() => import('./ResidentDetailPage'));
const ResidentFormPage = lazy(() => import('./ResidentFormPage'));

/** 居民信息: the resident register. */
export const residentsWebModule = defineWebModule({
  name: 'residents',
  i18n: { 'zh-CN': residentsZh, en: residentsEn },
  routes: (
    <>
      {guardedRoute('residents', 'residents.read', <ResidentsPage />)}
      {guardedRoute('residents/new', 'residents.write', <ResidentFormPage />)}
      {guardedRoute('residents/:id', 'residents.read', <ResidentDetailPage />)}
      {guardedRoute('residents/:id/edit', 'residents.write', <ResidentFormPage />)}
    </>
  ),
  nav: [
    {
      path: '/residents',
      label: 'menu.residents',
      icon: <UserOutlined />,
      permission: 'residents.read',
      order: 30,
    },
  ],
});
