import { AuditOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { guardedRoute } from '../../app/guardedRoute';
import { defineWebModule } from '../../app/webModule';
import { auditEn, auditZh } from './i18n';

const AuditPage = lazy(() => import('./AuditPage'));

/** 审计日志: the audit log and its integrity check. */
export const auditWebModule = defineWebModule({
  name: 'audit',
  i18n: { 'zh-CN': auditZh, en: auditEn },
  routes: guardedRoute('audit', 'audit.read', <AuditPage />),
  nav: [
    { path: '/audit', label: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read', order: 100 },
  ],
});
