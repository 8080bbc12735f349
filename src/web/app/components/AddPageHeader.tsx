import type { ReactNode } from 'react';
import type { Permission } from '../../../shared/permissions';
import { useAuth } from '../auth';
import { AddButton } from './AddButton';
import { PageHeader } from './PageHeader';

/**
 * A list page's title row whose action is its 新建 button (`addLabel`, running `onAdd`, marked `addTestId`),
 * shown only to holders of `permission`.
 */
export function AddPageHeader({
  title,
  subtitle,
  permission,
  addLabel,
  onAdd,
  addTestId,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  permission: Permission;
  addLabel: ReactNode;
  onAdd: () => void;
  addTestId?: string;
}) {
  const { can } = useAuth();
  return (
    <PageHeader
      title={title}
      subtitle={subtitle}
      extra={
        can(permission) ? (
          <AddButton onClick={onAdd} data-testid={addTestId}>
            {addLabel}
          </AddButton>
        ) : null
      }
    />
  );
}
