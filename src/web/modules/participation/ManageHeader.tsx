import type { ReactNode } from 'react';
import { useAuth } from '../../app/auth';
import { AddButton } from '../../app/components/AddButton';
import { PageHeader } from '../../app/components/PageHeader';

/** A participation register's page header; managers (participation.manage) also get its button that adds one. */
export function ManageHeader({
  title,
  subtitle,
  addLabel,
  onAdd,
}: {
  title: ReactNode;
  subtitle: ReactNode;
  addLabel: ReactNode;
  onAdd: () => void;
}) {
  const { can } = useAuth();
  return (
    <PageHeader
      title={title}
      subtitle={subtitle}
      extra={can('participation.manage') ? <AddButton onClick={onAdd}>{addLabel}</AddButton> : null}
    />
  );
}
