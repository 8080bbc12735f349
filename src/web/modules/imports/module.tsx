import { CloudUploadOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { guardedRoute } from '../../app/guardedRoute';
import { defineWebModule } from '../../app/webModule';
import { importsEn, importsZh } from './i18n';

const ImportWizardPage = lazy(() => import('./ImportWizardPage'));

/** 批量导入: the resident import wizard (under /residents/import). */
export const importsWebModule = defineWebModule({
  name: 'imports',
  i18n: { 'zh-CN': importsZh, en: importsEn },
  routes: guardedRoute('residents/import', 'residents.import', <ImportWizardPage />),
  nav: [
    {
      path: '/residents/import',
      label: 'menu.import',
      icon: <CloudUploadOutlined />,
      permission: 'residents.import',
      order: 31,
    },
  ],
});
