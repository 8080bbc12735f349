import { EnvironmentOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { guardedRoute } from '../../app/guardedRoute';
import { useAuth } from '../../app/auth';
import { type TodoItem, defineWebModule } from '../../app/webModule';
import { fcApi, fcKeys } from './api';
import { facilitiesEn, facilitiesZh } from './i18n';

const FacilitiesPage = lazy(() => import('./FacilitiesPage'));

/** Workbench: communities whose coverage misses a seed-002 standard (sub-station, elderly care, centre). */
function useFacilitiesTodo(): TodoItem<keyof typeof facilitiesZh>[] {
  const { can } = useAuth();
  const enabled = can('facilities.manage');
  const cov = useQuery({ queryKey: fcKeys.coverage, queryFn: fcApi.coverage, enabled, staleTime: 60_000 });
  const n = (cov.data?.rows ?? []).filter((r) =>
    r.flags.some(
      (f) =>
        f === 'sub_station_missing' ||
        f === 'sub_station_staffing' ||
        f === 'no_elderly_care' ||
        f === 'no_centre',
    ),
  ).length;
  return enabled && n ? [{ key: 'fc-flags', label: 'fc.todo.flags', count: n, to: '/facilities' }] : [];
}

/** 社区设施: the facilities registry and its coverage (issue 16 §1). */
export const facilitiesWebModule = defineWebModule({
  name: 'facilities',
  i18n: { 'zh-CN': facilitiesZh, en: facilitiesEn },
  routes: guardedRoute('facilities', 'facilities.read', <FacilitiesPage />),
  nav: [
    {
      path: '/facilities',
      label: 'fc.menu',
      icon: <EnvironmentOutlined />,
      permission: 'facilities.read',
      order: 105,
    },
  ],
  todo: useFacilitiesTodo,
});
