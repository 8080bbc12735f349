import { Link, useNavigate } from 'react-router';
import { useAuth } from '../app/auth';
import { type MessageKey, useI18n } from '../app/i18n';
import { phoneModules } from './modules';
import type { PhoneTile } from './phoneModule';
import { loggedInPage } from './LoggedInPage';

const TILES = phoneModules
  .flatMap((m) => m.tiles ?? [])
  .sort((a, b) => a.order - b.order) as PhoneTile<MessageKey>[];

/** /m: the residents' and volunteers' phone home; only the tiles this user can use (permission, profile). */
const HomePage = loggedInPage('phone.home', Home);
export default HomePage;

/** A tile whose module says whether this user can use it (a hook, so it is its own component). */
function Gated({ tile, children }: { tile: PhoneTile<MessageKey>; children: React.ReactNode }) {
  const available = tile.useAvailable?.() ?? true;
  return available ? children : null;
}
function Gate({ tile, children }: { tile: PhoneTile<MessageKey>; children: React.ReactNode }) {
  const { can } = useAuth();
  if (tile.permission && !can(tile.permission)) return null;
  return tile.useAvailable ? <Gated tile={tile}>{children}</Gated> : children;
}

/** A tile's glyph on its coloured square (decoration: the label names the tile). */
function TileGlyph({ tile }: { tile: PhoneTile<MessageKey> }) {
  return (
    <span aria-hidden className="tile-glyph" style={{ background: tile.color }}>
      {tile.glyph}
    </span>
  );
}

function Home() {
  const { t } = useI18n();
  const { me, can, logout } = useAuth();
  const navigate = useNavigate();
  return (
    <>
      <p className="ph-p" style={{ marginTop: -6 }}>
        {t('phone.hello', { name: me?.displayName ?? '' })}
      </p>
      {TILES.filter((tile) => tile.size === 'main').map((tile) => (
        <Gate key={tile.to} tile={tile}>
          <Link to={tile.to} className="ph-card tile-main" data-testid={`tile-${tile.to}`}>
            <TileGlyph tile={tile} />
            <span>
              <span className="tile-label">{t(tile.label)}</span>
              {tile.text ? <span className="muted">{t(tile.text)}</span> : null}
            </span>
          </Link>
        </Gate>
      ))}
      <nav className="ph-card tiles-more" aria-label={t('phone.more')}>
        {TILES.filter((tile) => tile.size === 'more').map((tile) => (
          <Gate key={tile.to} tile={tile}>
            <Link to={tile.to} className="tile-more" data-testid={`tile-${tile.to}`}>
              <TileGlyph tile={tile} />
              <span>{t(tile.label)}</span>
            </Link>
          </Gate>
        ))}
      </nav>
      {can('org.read') || can('redemptions.counter') ? (
        <a href="/" className="btn btn-block" style={{ marginBottom: 12 }} data-testid="to-console">
          {t('phone.console')}
        </a>
      ) : null}
      <div className="center">
        <button
          type="button"
          className="link-btn"
          onClick={async () => {
            await logout();
            navigate('/m/login?next=%2Fm');
          }}
          data-testid="phone-logout"
        >
          {t('phone.logout')}
        </button>
      </div>
    </>
  );
}
