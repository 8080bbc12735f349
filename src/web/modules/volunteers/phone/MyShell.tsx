import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { Notice, RequireLogin, Shell } from '../../../phone/ui';
import { QueryFallback } from '../../../phone/PhoneList';
import { type MyVolunteer, volApi, volKeys } from '../api';

const TABS = [
  { to: '/m/activities', key: 'volunteers.m.nav.activities' },
  { to: '/m/hours', key: 'volunteers.m.nav.hours' },
  { to: '/m/certificate', key: 'volunteers.m.nav.certificate' },
] as const;

function Tabs() {
  const { t } = useI18n();
  return (
    <nav
      className="seg"
      style={{ marginBottom: 12 }}
      data-testid="m-tabs"
      aria-label={t('volunteers.m.activities')}
    >
      <NavLink to="/m" end className="seg-link">
        {t('volunteers.m.home')}
      </NavLink>
      {TABS.map((tab) => (
        <NavLink key={tab.to} to={tab.to} className="seg-link">
          {t(tab.key)}
        </NavLink>
      ))}
    </nav>
  );
}

function Body({ children }: { children: (me: MyVolunteer) => ReactNode }) {
  const { t } = useI18n();
  const q = useQuery({ queryKey: volKeys.me, queryFn: () => volApi.me() });
  if (!q.isSuccess) return <QueryFallback query={q} />;
  if (!q.data.profile) return <Notice testId="m-not-volunteer">{t('volunteers.m.notVolunteer')}</Notice>;
  return children(q.data);
}

/** The frame of the volunteer's phone pages: logged in, a volunteer profile linked, tabs between the three. */
export function MyShell({ title, children }: { title: string; children: (me: MyVolunteer) => ReactNode }) {
  return (
    <Shell title={title}>
      <RequireLogin>
        <Tabs />
        <Body>{children}</Body>
      </RequireLogin>
    </Shell>
  );
}

export function Stars({ n }: { n: number }) {
  const { t } = useI18n();
  if (n <= 0) return <span className="muted">{t('volunteers.noStar')}</span>;
  return (
    <span className="stars-static" role="img" aria-label={t('volunteers.starN', { n })} data-testid="stars">
      {'★'.repeat(n)}
    </span>
  );
}
