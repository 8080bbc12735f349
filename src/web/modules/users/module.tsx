import { UsergroupAddOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { guardedRoute } from '../../app/guardedRoute';
import { defineWebModule } from '../../app/webModule';
import { usersEn, usersZh } from './i18n';

const UsersPage = lazy(() => import('./UsersPage'));

/** 用户与角色: staff accounts and their role assignments. */
export const usersWebModule = defineWebModule({
  name: 'users',
  i18n: { 'zh-CN': usersZh, en: usersEn },
  routes: guardedRoute('users', 'users.read', <UsersPage />),
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
