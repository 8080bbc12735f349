import { UsergroupAddOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { defineWebModule } from '../../app/webModule';
import { usersEn, usersZh } from './i18n';

const UsersPage = lazy(() => import('./UsersPage'));

/** 用户与角色: staff accounts and their role assignments. */
export const usersWebModule = defineWebModule({
  name: 'users',
  i18n: { 'zh-CN': usersZh, en: usersEn },
  routes: (
    <Route
      path="users"
      element={
        <Guard permission="users.read">
          <UsersPage />
        </Guard>
      }
    />
  ),
  nav: [
    {
      path: '/users',
      label: 'menu.users',
      icon: <UsergroupAddOutlined />,
      permission: 'users.read',
      order: 90,
    },
  ],
});
