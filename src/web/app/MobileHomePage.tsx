import { Button, Flex, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useAuth } from './auth';
import { PublicShell } from './components/PublicShell';
import { RequireLogin } from './components/RequireLogin';
import { type MessageKey, useI18n } from './i18n';
import { webModules } from './modules';
import type { MobileTile } from './webModule';

const tiles = webModules.flatMap((m) => m.mobileTiles ?? []).sort((a, b) => a.order - b.order);
const MAIN: MobileTile<MessageKey>[] = tiles.filter((tile) => tile.size === 'main');
const MORE: MobileTile<MessageKey>[] = tiles.filter((tile) => tile.size === 'more');

/** /m: the residents' and volunteers' phone home, tiles to every phone page (each module's `mobileTiles`). */
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
    <PublicShell title={t('phone.home')}>
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        {t('phone.hello', { name: me?.displayName ?? '' })}
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
          {MORE.filter((tile) => !tile.permission || can(tile.permission)).map((tile) => (
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
          {t('phone.logout')}
        </Button>
      </Flex>
    </PublicShell>
  );
}
