import { UserOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
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
      <Route
        path="residents"
        element={
          <Guard permission="residents.read">
            <ResidentsPage />
          </Guard>
        }
      />
      <Route
        path="residents/new"
        element={
          <Guard permission="residents.write">
            <ResidentFormPage />
          </Guard>
        }
      />
      <Route
        path="residents/:id"
        element={
          <Guard permission="residents.read">
            <ResidentDetailPage />
          </Guard>
        }
      />
      <Route
        path="residents/:id/edit"
        element={
          <Guard permission="residents.write">
            <ResidentFormPage />
          </Guard>
        }
      />
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
