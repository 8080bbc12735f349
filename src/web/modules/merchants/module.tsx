import { ShopOutlined } from '@ant-design/icons';
import { defineWebModule } from '../../app/webModule';
import { merchantsEn, merchantsZh } from './i18n';
import { merchantsConsoleRoutes } from './routes';

/** 积分商户: redemption points, the counter, settlements; residents redeem on the phone. */
export const merchantsWebModule = defineWebModule({
  name: 'merchants',
  i18n: { 'zh-CN': merchantsZh, en: merchantsEn },
  routes: merchantsConsoleRoutes,
  nav: [
    {
      path: '/merchants',
      label: 'merchants.menu',
      icon: <ShopOutlined />,
      order: 80,
      children: [
        { path: '/merchants/points', label: 'merchants.menu.points', permission: 'merchants.manage' },
        { path: '/counter', label: 'merchants.menu.counter', permission: 'redemptions.counter' },
        {
          path: '/merchants/settlements',
          label: 'merchants.menu.settlements',
          permission: 'merchants.manage',
        },
        { path: '/merchants/report', label: 'merchants.menu.report', permission: 'merchants.manage' },
      ],
    },
  ],
});
