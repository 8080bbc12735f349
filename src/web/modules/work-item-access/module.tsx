import { AuditOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { PageLoading } from '../../app/components/Status';
import { defineWebModule } from '../../app/webModule';
import { wiaEn, wiaZh } from './i18n';
import { useWiaTodo } from './todo';

const AccessPage = lazy(() => import('./AccessPage'));

/** 社区工作事项准入 (R-AC-1): applications, decision within 15 working days, the published list. */
export const workItemAccessWebModule = defineWebModule({
  name: 'work-item-access',
  i18n: { 'zh-CN': wiaZh, en: wiaEn },
  routes: (
    <Route
      path="work-item-access"
      element={
        <Guard permission="work_item_access.read">
          <Suspense fallback={<PageLoading />}>
            <AccessPage />
          </Suspense>
        </Guard>
      }
    />
  ),
  nav: [
    {
      path: '/work-item-access',
      label: 'wia.menu',
      icon: <AuditOutlined />,
      permission: 'work_item_access.read',
      order: 58,
    },
  ],
  todo: useWiaTodo,
});
