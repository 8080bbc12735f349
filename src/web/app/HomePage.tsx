import { Navigate } from 'react-router';
import { useAuth } from './auth';
import { EmptyHint } from './components/Status';
import { Redirect } from './phonePaths';
import { useI18n } from './i18n';
import { NAV } from './nav';
import { Workbench } from './Workbench';

/** "/" sends the user to the first page their roles allow. */
export default function HomePage() {
  const { can, me } = useAuth();
  const { t } = useI18n();
  // Residents and volunteers work on their phones; a merchant's staff at the counter.
  if (!can('org.read')) {
    if (can('redemptions.counter')) return <Navigate to="/counter" replace />;
    if (can('services.order') || can('services.serve')) return <Redirect to="/m" />;
  }
  const first = NAV.flatMap((n) => (n.children?.length ? n.children : [n])).find(
    (n) => n.path !== '/' && (!n.permission || can(n.permission)),
  );
  if (first) return <Navigate to={first.path} replace />;
  return (
    <>
      <EmptyHint text={`${t('home.welcome', { name: me?.displayName ?? '' })} ${t('home.hint')}`} />
      <Workbench embedded />
    </>
  );
}
