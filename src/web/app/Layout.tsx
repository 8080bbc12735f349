import {
  DownOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  SafetyCertificateOutlined,
} from '@ant-design/icons';
import {
  App,
  Button,
  Drawer,
  Dropdown,
  Flex,
  Grid,
  Layout,
  Menu,
  type MenuProps,
  Tooltip,
  Typography,
} from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useAuth } from './auth';
import { PageLoading } from './components/Status';
import { useI18n } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { BrandMark } from './components/BrandMark';
import { HEADER_WIDGETS, NAV, type NavItem, selectedNavKey, testIdOf } from './nav';

const SIDER_WIDTH = 216;

function Brand({ compact }: { compact?: boolean }) {
  const { t } = useI18n();
  return (
    <Link to="/" style={{ display: 'flex', alignItems: 'center', gap: 10, color: 'inherit', minWidth: 0 }}>
      <BrandMark size={32} radius={8} fontSize={18} style={{ flex: 'none' }} />
      {compact ? null : (
        <span style={{ lineHeight: 1.2, minWidth: 0 }}>
          <Typography.Text strong style={{ color: 'inherit', fontSize: 16, display: 'block' }}>
            {t('app.name')}
          </Typography.Text>
          <Typography.Text style={{ color: 'inherit', opacity: 0.75, fontSize: 12 }} ellipsis>
            {t('app.title')}
          </Typography.Text>
        </span>
      )}
    </Link>
  );
}

function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useI18n();
  const { can, me } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const selected = selectedNavKey(location.pathname);
  const enrolmentOnly = !!me?.twoFactor.enrolmentRequired;

  const items = useMemo<MenuProps['items']>(() => {
    // Until two-step verification is set up the server refuses every page: no menu.
    if (enrolmentOnly) return [];
    const visible = (n: NavItem) => !n.permission || can(n.permission);
    // A group shows when at least one of its entries does.
    const shown = (n: NavItem) => visible(n) && (!n.children || n.children.some(visible));
    return NAV.filter(shown).map((n) => {
      const kids = n.children?.filter(visible);
      if (kids?.length) {
        return {
          key: n.path,
          icon: n.icon,
          label: <span data-testid={testIdOf(n.path)}>{t(n.label)}</span>,
          children: kids.map((c) => ({
            key: c.path,
            label: <span data-testid={testIdOf(c.path)}>{t(c.label)}</span>,
          })),
        };
      }
      return { key: n.path, icon: n.icon, label: <span data-testid={testIdOf(n.path)}>{t(n.label)}</span> };
    });
  }, [can, t, enrolmentOnly]);

  const parentOpen = NAV.filter((n) => n.children?.some((c) => c.path === selected)).map((n) => n.path);
  return (
    <Menu
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={[selected]}
      defaultOpenKeys={parentOpen}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      data-testid="side-menu"
      style={{ borderInlineEnd: 0 }}
    />
  );
}

export function AppLayout() {
  const { t } = useI18n();
  const { me, logout } = useAuth();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const mobile = !screens.lg;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const navigate = useNavigate();

  const scope = (me?.assignments ?? []).map(
    (a) => `${t(`role.${a.role}`)} · ${a.orgUnitName ?? t('layout.platform')}`,
  );

  const doLogout = async () => {
    try {
      await logout();
    } finally {
      message.success(t('layout.loggedOut'));
      navigate('/login', { replace: true });
    }
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {mobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={SIDER_WIDTH + 24}
          closable={false}
          styles={{ body: { padding: 0, background: '#001529' }, header: { display: 'none' } }}
        >
          <div style={{ padding: '16px 16px 12px', color: '#fff' }}>
            <Brand />
          </div>
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider
          width={SIDER_WIDTH}
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          trigger={null}
          style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
        >
          <div style={{ padding: collapsed ? '16px 24px' : '16px 20px', color: '#fff' }}>
            <Brand compact={collapsed} />
          </div>
          <SideMenu />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: mobile ? '0 8px' : '0 20px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            borderBottom: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            zIndex: 10,
            height: 56,
            lineHeight: '56px',
          }}
        >
          <Button
            type="text"
            aria-label={t('layout.menu')}
            data-testid="menu-toggle"
            icon={mobile || collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => (mobile ? setDrawerOpen(true) : setCollapsed(!collapsed))}
          />
          {mobile ? (
            <div style={{ color: '#1f1f1f' }}>
              <Brand compact />
            </div>
          ) : null}
          <div style={{ flex: 1 }} />
          <Flex align="center" gap={mobile ? 4 : 12} style={{ minWidth: 0 }}>
            {HEADER_WIDGETS.map(({ name, Widget }) => (
              <Widget key={name} />
            ))}
            <Dropdown
              trigger={['click']}
              menu={{
                items: [
                  {
                    key: 'security',
                    icon: <SafetyCertificateOutlined />,
                    label: <span data-testid="user-menu-security">{t('security.menu')}</span>,
                  },
                  { type: 'divider' },
                  { key: 'logout', icon: <LogoutOutlined />, label: t('layout.logout') },
                ],
                onClick: ({ key }) => (key === 'logout' ? doLogout() : navigate('/account/security')),
              }}
            >
              <Tooltip title={scope.join(';')} placement="left">
                <Flex
                  align="center"
                  gap={6}
                  role="button"
                  tabIndex={0}
                  aria-haspopup="menu"
                  style={{ cursor: 'pointer', minWidth: 0 }}
                  data-testid="user-menu"
                >
                  <Flex
                    vertical
                    style={{ lineHeight: 1.25, minWidth: 0, textAlign: 'right' }}
                    data-testid="current-user"
                  >
                    <Typography.Text strong ellipsis style={{ maxWidth: mobile ? 110 : 260 }}>
                      {me?.displayName}
                    </Typography.Text>
                    <Typography.Text
                      type="secondary"
                      ellipsis
                      style={{ fontSize: 12, maxWidth: mobile ? 110 : 320 }}
                      data-testid="current-scope"
                    >
                      {scope.join(';') || t('common.none')}
                    </Typography.Text>
                  </Flex>
                  <DownOutlined style={{ fontSize: 10, color: '#8c8c8c' }} />
                </Flex>
              </Tooltip>
            </Dropdown>
            <LanguageSwitch size="small" />
            <Tooltip title={t('layout.logout')}>
              <Button
                icon={<LogoutOutlined />}
                onClick={doLogout}
                data-testid="logout"
                aria-label={t('layout.logout')}
                type="text"
              >
                {mobile ? null : t('layout.logout')}
              </Button>
            </Tooltip>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: mobile ? 12 : 20, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
