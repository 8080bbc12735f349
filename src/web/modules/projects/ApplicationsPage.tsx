import { useSearchParams } from 'react-router';
import { PageHeader } from '../../app/components/PageHeader';
import { useI18n } from '../../app/i18n';
import { ApplicationsTable, type View } from './ApplicationsTable';

/** Every application in reach, with the user's own queue (待我处理) and the reviewers' (待我评分). */
export default function ApplicationsPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const view = (params.get('view') as View | null) ?? 'all';
  return (
    <>
      <PageHeader title={t('projects.apps.title')} subtitle={t('projects.apps.subtitle')} />
      <ApplicationsTable key={view} initialView={view} showCall />
    </>
  );
}
