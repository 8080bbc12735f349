import { Navigate } from 'react-router';
import { useAuth } from '../../app/auth';
import { EmptyHint } from '../../app/components/Status';
import { useI18n } from '../../app/i18n';
import { NAV } from '../../app/nav';

/** "/" sends the user to the first page their roles allow. */
export default function HomePage() {
  const { can, me } = useAuth();
  const { t } = useI18n();
  const first = NAV.flatMap((n) => (n.children?.length ? n.children : [n])).find(
    (n) => n.path !== '/' && (!n.permission || can(n.permission)),
  );
  if (first) return <Navigate to={first.path} replace />;
  return <EmptyHint text={`${t('home.welcome', { name: me?.displayName ?? '' })} ${t('home.hint')}`} />;
}
