import { HeartOutlined } from '@ant-design/icons';
import { defineWebModule } from '../../app/webModule';
import { ledgerEn, ledgerZh } from './i18n';
import { ledgerConsoleRoutes } from './routes';

/** 积分与时间银行: accounts, rules, reports; residents see their points and time bank on the phone. */
export const ledgerWebModule = defineWebModule({
  name: 'ledger',
  i18n: { 'zh-CN': ledgerZh, en: ledgerEn },
  routes: ledgerConsoleRoutes,
  nav: [
    {
      path: '/ledger',
      label: 'ledger.menu',
      icon: <HeartOutlined />,
      permission: 'ledger.read',
      order: 70,
      children: [
        { path: '/ledger/accounts', label: 'ledger.menu.accounts', permission: 'ledger.read' },
        { path: '/ledger/rules', label: 'ledger.menu.rules', permission: 'ledger.read' },
        { path: '/ledger/report', label: 'ledger.menu.report', permission: 'ledger.read' },
      ],
    },
  ],
});
