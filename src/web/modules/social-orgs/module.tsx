import { TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { lazy } from 'react';
import { Route } from 'react-router';
import { Guard } from '../../app/Guard';
import { useAuth } from '../../app/auth';
import { type TodoItem, defineWebModule } from '../../app/webModule';
import { soApi, soKeys } from './api';
import { socialOrgsEn, socialOrgsZh } from './i18n';

const SocialOrgsPage = lazy(() => import('./SocialOrgsPage'));

/** Workbench: 公益创投 proposals waiting for my score; urban villages below the R-ORG-6 target. */
function useSocialOrgsTodo(): TodoItem<keyof typeof socialOrgsZh>[] {
  const { can } = useAuth();
  const review = can('social_orgs.review');
  const q = { toReview: 'true', pageSize: 1 };
  const toReview = useQuery({
    queryKey: soKeys.list('proposals', q),
    queryFn: () => soApi.proposals(q),
    enabled: review,
    staleTime: 30_000,
  });
  const villages = useQuery({
    queryKey: soKeys.list('villages'),
    queryFn: soApi.villages,
    enabled: can('social_orgs.manage'),
    staleTime: 60_000,
  });
  const items: TodoItem<keyof typeof socialOrgsZh>[] = [];
  if (review && toReview.data?.total)
    items.push({
      key: 'so-review',
      label: 'so.todo.review',
      count: toReview.data.total,
      to: '/social-orgs?tab=venture&toReview=true',
    });
  const flagged = (villages.data?.items ?? []).filter((v) => v.flagged).length;
  if (flagged)
    items.push({
      key: 'so-villages',
      label: 'so.todo.villages',
      count: flagged,
      to: '/social-orgs?tab=villages',
    });
  return items;
}

/** 社会组织 (issue 16 §2). */
export const socialOrgsWebModule = defineWebModule({
  name: 'social-orgs',
  i18n: { 'zh-CN': socialOrgsZh, en: socialOrgsEn },
  routes: (
    <Route
      path="social-orgs"
      element={
        <Guard permission="social_orgs.read">
          <SocialOrgsPage />
        </Guard>
      }
    />
  ),
  nav: [
    {
      path: '/social-orgs',
      label: 'so.menu',
      icon: <TeamOutlined />,
      permission: 'social_orgs.read',
      order: 108,
    },
  ],
  todo: useSocialOrgsTodo,
});
