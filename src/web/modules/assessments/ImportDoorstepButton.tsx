import { ImportOutlined } from '@ant-design/icons';
import { App as AntApp, Button } from 'antd';
import { DOORSTEP_CATEGORIES, type DoorstepDto } from '../../../shared/contracts/projects.doorstep';
import type { Wire } from '../../../shared/contracts/wire';
import { api } from '../../app/api';
import { useAuth } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { useBusyAction } from '../../app/useBusyAction';

type Project = { name: string; category: string; ratings: Record<string, number> | null };

/**
 * 从家门口项目导入 (issue 11 §7): fills the sheet's part-two project list with the community's doorstep
 * projects of the round's year, read through the projects API (at most two per class, so at most 18).
 * Projects already on the sheet keep their ratings; the user saves the sheet as usual.
 */
export function ImportDoorstepButton({
  orgUnitId,
  year,
  current,
  onImport,
}: {
  orgUnitId: string;
  year: number;
  current: Project[];
  onImport: (projects: Project[]) => void;
}) {
  const { t } = useI18n();
  const { can } = useAuth();
  const { message } = AntApp.useApp();
  const [busy, withBusy] = useBusyAction();
  if (!can('projects.read')) return null;
  const run = async () => {
    await withBusy(async () => {
      const page = await api.get<{ items: Wire<DoorstepDto>[] }>('/api/projects/doorstep', {
        orgUnitId,
        year,
        pageSize: 200,
      });
      if (!page.items.length) {
        message.info(t('projects.doorstep.importNone', { year }));
        return;
      }
      const imported = page.items.map((p) => ({
        name: p.name.slice(0, 100),
        category: DOORSTEP_CATEGORIES.find((c) => c.key === p.category)?.name ?? p.category,
        ratings: current.find((c) => c.name === p.name)?.ratings ?? null,
      }));
      const kept = current.filter((c) => c.name.trim() && !imported.some((p) => p.name === c.name));
      onImport([...kept, ...imported].slice(0, 18));
      message.success(t('projects.doorstep.importDone', { n: imported.length }));
    });
  };
  return (
    <Button icon={<ImportOutlined />} loading={busy} onClick={run} data-testid="import-doorstep">
      {t('projects.doorstep.import')}
    </Button>
  );
}
