import { ApartmentOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { defineWebModule } from '../../app/webModule';
import { orgEn, orgZh } from './i18n';

const OrgTreePage = lazy(() => import('./OrgTreePage'));

/** 组织架构: the org tree. */
export const orgWebModule = defineWebModule({
  name: 'org',
  i18n: { 'zh-CN': orgZh, en: orgEn },
  routes: (
    <>
      <Route
        path="org"
        element={
          <Guard permission="org.read">
            <OrgTreePage />
          </Guard>
        }
      />
      <Route
        path="org/:unitId"
        element={
          <Guard permission="org.read">
            <OrgTreePage />
          </Guard>
        }
      />
    </>
  ),
  nav: [{ path: '/org', label: 'menu.org', icon: <ApartmentOutlined />, permission: 'org.read', order: 10 }],
});
