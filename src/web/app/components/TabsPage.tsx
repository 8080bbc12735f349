import { Tabs, type TabsProps } from 'antd';
import { type ReactNode, useState } from 'react';
import { useLocation } from 'react-router';
import { PageHeader } from './PageHeader';

/** A page of tabs under its header; it opens on the tab the URL's `?tab=` names, else on `defaultTab`. */
export function TabsPage({
  title,
  subtitle,
  defaultTab,
  items,
  extra,
  destroyOnHidden,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  defaultTab: string;
  items: TabsProps['items'];
  /** Shown at the end of the tab bar (e.g. a filter that applies to every tab). */
  extra?: ReactNode;
  /** Unmount a tab's content when another tab is shown. */
  destroyOnHidden?: boolean;
}) {
  const [tab, setTab] = useState(new URLSearchParams(useLocation().search).get('tab') ?? defaultTab);
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden={destroyOnHidden}
        tabBarExtraContent={extra}
        items={items}
      />
    </>
  );
}
