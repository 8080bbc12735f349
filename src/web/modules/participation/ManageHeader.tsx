import type { ComponentProps } from 'react';
import { AddPageHeader } from '../../app/components/AddPageHeader';

/** A participation register's page header; managers (participation.manage) also get its button that adds one. */
export function ManageHeader(props: Omit<ComponentProps<typeof AddPageHeader>, 'permission'>) {
  return <AddPageHeader permission="participation.manage" {...props} />;
}
