import { Tabs, type TabsProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useLocation } from 'react-router';
import { PageHeader } from './PageHeader';

/**
 * A page of tabs under its title: the tab first shown is the link's `?tab=` (else `defaultTab`), then the one
 * clicked. The other props (items, tabBarExtraContent, destroyOnHidden …) go to the Tabs.
 */
export function UrlTabsPage({
  title,
  subtitle,
  defaultTab,
  ...tabs
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  defaultTab: string;
} & Omit<TabsProps, 'activeKey' | 'onChange'>) {
  const [tab, setTab] = useState(new URLSearchParams(useLocation().search).get('tab') ?? defaultTab);
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} />
      <Tabs activeKey={tab} onChange={setTab} {...tabs} />
    </>
  );
}
