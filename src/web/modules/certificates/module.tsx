import { SafetyOutlined } from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { PageLoading } from '../../app/components/Status';
import { defineWebModule } from '../../app/webModule';
import { certEn, certZh } from './i18n';

const CertificatesPage = lazy(() => import('./CertificatesPage'));

/** 证明事项与用印登记 (R-AC-2): catalogue with clauses, decided requests, the seal log. */
export const certificatesWebModule = defineWebModule({
  name: 'certificates',
  i18n: { 'zh-CN': certZh, en: certEn },
  routes: (
    <Route
      path="certificates"
      element={
        <Guard permission="certificates.read">
          <Suspense fallback={<PageLoading />}>
            <CertificatesPage />
          </Suspense>
        </Guard>
      }
    />
  ),
  nav: [
    {
      path: '/certificates',
      label: 'cert.menu',
      icon: <SafetyOutlined />,
      permission: 'certificates.read',
      order: 59,
    },
  ],
});
