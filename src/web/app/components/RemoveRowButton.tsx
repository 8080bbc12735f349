import { DeleteOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../i18n';

/** The bin icon at the end of a form list's row that removes it (labelled 删除 for screen readers). */
export function RemoveRowButton({ onClick, testId }: { onClick: () => void; testId?: string }) {
  const { t } = useI18n();
  return (
    <Button
      type="text"
      icon={<DeleteOutlined />}
      onClick={onClick}
      aria-label={t('common.delete')}
      data-testid={testId}
    />
  );
}
