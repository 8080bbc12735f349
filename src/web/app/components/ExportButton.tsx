import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useShowError } from '../errors';
import { useI18n } from '../i18n';
import { useBusyAction } from '../useBusyAction';

/**
 * `exported(download)`: runs an export (`download` saves the file and gives its name) and says 已导出 {name};
 * a failure is shown the usual way.
 */
export function useExported() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  return async (download: () => Promise<string>) => {
    try {
      message.success(t('common.exported', { name: await download() }));
    } catch (e) {
      showError(e);
    }
  };
}

/**
 * A page's export button that says 导出中 and spins while `download` (an `api.download`, giving the file's
 * name) runs, then 已导出 {name}; a failure is shown the usual way. `label` replaces 导出; the other props
 * go to the Button.
 */
export function ExportButton({
  download,
  label,
  ...button
}: { download: () => Promise<string>; label?: ReactNode } & Omit<
  ButtonProps,
  'icon' | 'loading' | 'onClick' | 'children'
>) {
  const { t } = useI18n();
  const exported = useExported();
  const [exporting, withBusy] = useBusyAction();
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={exporting}
      onClick={() => withBusy(() => exported(download))}
      {...button}
    >
      {exporting ? t('common.exporting') : (label ?? t('common.export'))}
    </Button>
  );
}
