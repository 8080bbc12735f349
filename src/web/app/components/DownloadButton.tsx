import { DownloadOutlined } from '@ant-design/icons';
import { Button, type ButtonProps } from 'antd';
import { useBusyAction } from '../useBusyAction';

/**
 * A page's export button: runs `download` (an `api.download` of the list as shown), spinning meanwhile; a
 * failure is shown the usual way. The other props go to the Button.
 */
export function DownloadButton({
  download,
  ...button
}: { download: () => Promise<unknown> } & Omit<ButtonProps, 'icon' | 'loading' | 'onClick'>) {
  const [busy, withBusy] = useBusyAction();
  return <Button icon={<DownloadOutlined />} loading={busy} onClick={() => withBusy(download)} {...button} />;
}
