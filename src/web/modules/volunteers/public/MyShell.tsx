import { CalendarOutlined, ClockCircleOutlined, FileProtectOutlined, HomeOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Flex, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, NavLink, useLocation } from 'react-router';
import { useAuth } from '../../../app/auth';
import { ErrorResult, PageLoading } from '../../../app/components/Status';
import { useI18n } from '../../../app/i18n';
import { PublicShell } from '../../../app/components/PublicShell';
import { type MyVolunteer, volApi, volKeys } from '../api';

const TABS = [
  { to: '/m/activities', key: 'volunteers.m.nav.activities', icon: <CalendarOutlined /> },
  { to: '/m/hours', key: 'volunteers.m.nav.hours', icon: <ClockCircleOutlined /> },
  { to: '/m/certificate', key: 'volunteers.m.nav.certificate', icon: <FileProtectOutlined /> },
] as const;

function Tabs() {
  const { t } = useI18n();
  return (
    <Flex gap={8} style={{ marginBottom: 12 }} data-testid="m-tabs">
      <NavLink
        to="/m"
        end
        aria-label={t('volunteers.m.home')}
        style={{
          padding: '10px 12px',
          borderRadius: 10,
          fontSize: 15,
          background: '#fff',
          color: '#1d5fbf',
          boxShadow: '0 1px 3px rgba(15,35,80,.08)',
        }}
      >
        <HomeOutlined />
      </NavLink>
      {TABS.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          style={({ isActive }) => ({
            flex: 1,
            textAlign: 'center',
            padding: '10px 4px',
            borderRadius: 10,
            fontSize: 15,
            background: isActive ? '#1d5fbf' : '#fff',
            color: isActive ? '#fff' : '#1d5fbf',
            boxShadow: '0 1px 3px rgba(15,35,80,.08)',
          })}
        >
          {tab.icon} {t(tab.key)}
        </NavLink>
      ))}
    </Flex>
  );
}

/**
 * The frame of the volunteer's phone pages: logged in (else to /login?next=…), with a volunteer
 * profile linked to the login (else a hint to ask the community), and tabs between the three pages.
 */
export function MyShell({ title, children }: { title: string; children: (me: MyVolunteer) => ReactNode }) {
  const { me, loading } = useAuth();
  const { t } = useI18n();
  const location = useLocation();
  const q = useQuery({ queryKey: volKeys.me, queryFn: () => volApi.me(), enabled: !!me });
  if (loading) return <PageLoading />;
  if (!me) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname)}`} replace />;
  return (
    <PublicShell title={title}>
      <Tabs />
      {q.isPending ? (
        <PageLoading />
      ) : q.isError ? (
        <ErrorResult error={q.error} onRetry={() => q.refetch()} />
      ) : !q.data.profile ? (
        <Result status="info" title={t('volunteers.m.notVolunteer')} data-testid="m-not-volunteer" />
      ) : (
        children(q.data)
      )}
    </PublicShell>
  );
}
