import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { guardedRoute } from '../../app/guardedRoute';
import { defineWebModule } from '../../app/webModule';
import { orgEn, orgZh } from './i18n';

const OrgTreePage = lazy(() => import('./OrgTreePage'));

/** 组织架构: the org tree. */
export const orgWebModule = defineWebModule({
  name: 'org',
  i18n: { 'zh-CN': orgZh, en: orgEn },
  routes: (
    <>
      {guardedRoute('org', 'org.read', <OrgTreePage />)}
      {guardedRoute('org/:unitId', 'org.read', <OrgTreePage />)}
    </>
  ),
  nav: [{ path: '/org', label: 'menu.org', icon: <ApartmentOutlined />, permission: 'org.read', order: 10 }],
});
