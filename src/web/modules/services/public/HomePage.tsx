import {
  CalendarOutlined,
  ClockCircleOutlined,
  FileDoneOutlined,
  GiftOutlined,
  HeartOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  ToolOutlined,
} from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../../app/auth';
import { type MessageKey, useI18n } from '../../../app/i18n';
import { PublicShell } from '../../../app/components/PublicShell';
import { RequireLogin } from './mobile';

interface Tile {
  to: string;
  label: MessageKey;
  text?: MessageKey;
  icon: ReactNode;
  color: string;
  /** Shown only with this permission (volunteers' pages). */
  permission?: 'services.serve';
}

const MAIN: Tile[] = [
  {
    to: '/m/services',
    label: 'services.m.services',
    text: 'services.m.servicesText',
    icon: <HeartOutlined />,
    color: '#c0392b',
  },
  {
    to: '/m/orders',
    label: 'services.m.orders',
    text: 'services.m.ordersText',
    icon: <ProfileOutlined />,
    color: '#1d5fbf',
  },
  {
    to: '/m/tasks',
    label: 'services.m.tasks',
    text: 'services.m.tasksText',
    icon: <ToolOutlined />,
    color: '#d46b08',
    permission: 'services.serve',
  },
];

const MORE: Tile[] = [
  { to: '/m/activities', label: 'services.m.activities', icon: <CalendarOutlined />, color: '#389e0d' },
  { to: '/m/hours', label: 'services.m.hours', icon: <ClockCircleOutlined />, color: '#08979c' },
  {
    to: '/m/certificate',
    label: 'services.m.certificate',
    icon: <SafetyCertificateOutlined />,
    color: '#7a4fd1',
  },
  { to: '/m/points', label: 'services.m.points', icon: <GiftOutlined />, color: '#c0392b' },
  { to: '/m/timebank', label: 'services.m.timebank', icon: <FileDoneOutlined />, color: '#1d5fbf' },
  { to: '/m/redeem', label: 'services.m.redeem', icon: <ShopOutlined />, color: '#d46b08' },
];

/** /m: the residents' and volunteers' phone home, tiles to every phone page. */
export default function MobileHomePage() {
  return (
    <RequireLogin>
      <Home />
    </RequireLogin>
  );
}

function Home() {
  const { t } = useI18n();
  const { me, can, logout } = useAuth();
  const navigate = useNavigate();
  return (
    <PublicShell title={t('services.m.home')}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('services.m.hello', { name: me?.displayName ?? '' })}
      </Typography.Paragraph>
      {MAIN.filter((tile) => !tile.permission || can(tile.permission)).map((tile) => (
        <Link
          key={tile.to}
          to={tile.to}
          className="linli-public-card"
          style={{ display: 'block', color: 'inherit' }}
          data-testid={`tile-${tile.to}`}
        >
          <Flex align="center" gap={14}>
            <span
              style={{
                width: 48,
                height: 48,
                borderRadius: 12,
                background: tile.color,
                color: '#fff',
                fontSize: 24,
                display: 'inline-flex',
                alignItems: 'center',
                justifyContent: 'center',
                flex: 'none',
              }}
            >
              {tile.icon}
            </span>
            <span>
              <Typography.Text strong style={{ fontSize: 18, display: 'block' }}>
                {t(tile.label)}
              </Typography.Text>
              {tile.text ? <Typography.Text type="secondary">{t(tile.text)}</Typography.Text> : null}
            </span>
          </Flex>
        </Link>
      ))}
      <div className="linli-public-card">
        <Flex wrap gap={0}>
          {MORE.map((tile) => (
            <Link
              key={tile.to}
              to={tile.to}
              style={{ width: '33.33%', padding: '10px 4px', textAlign: 'center', color: 'inherit' }}
              data-testid={`tile-${tile.to}`}
            >
              <span style={{ fontSize: 28, color: tile.color, display: 'block' }}>{tile.icon}</span>
              <Typography.Text style={{ fontSize: 14 }}>{t(tile.label)}</Typography.Text>
            </Link>
          ))}
        </Flex>
      </div>
      <Flex justify="center" gap={8}>
        <Button
          type="link"
          size="small"
          onClick={async () => {
            await logout();
            navigate('/login?next=%2Fm');
          }}
        >
          {t('services.m.logout')}
        </Button>
      </Flex>
    </PublicShell>
  );
}
