import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, type CardProps, Tag, Upload } from 'antd';
import type { ApplicationState, CallStatus } from '../../../shared/contracts/projects';
import { useI18n } from '../../app/i18n';

/** Integer fen as yuan with two decimals and thousands separators. */
/** Fen as yuan (the console's one formatter). */
export { formatYuan as yuan } from '../../app/format';

const STATE_COLORS: Record<ApplicationState, string> = {
  draft: 'default',
  pending_review: 'processing',
  returned: 'warning',
  approved: 'cyan',
  submitted: 'blue',
  selected: 'success',
  not_selected: 'default',
};

export function StateTag({ state }: { state: ApplicationState }) {
  const { t } = useI18n();
  return <Tag color={STATE_COLORS[state]}>{t(`projects.state.${state}`)}</Tag>;
}

export function CallStatusTag({ status }: { status: CallStatus }) {
  const { t } = useI18n();
  const color = status === 'open' ? 'processing' : status === 'published' ? 'success' : 'default';
  return <Tag color={color}>{t(`projects.status.${status}`)}</Tag>;
}

/** A small card spaced from the next one: a section of a call's or an application's page. */
export function SectionCard(props: CardProps) {
  return <Card size="small" style={{ marginBottom: 16 }} {...props} />;
}

/**
 * Picks one file for a form that uploads it on OK (nothing is sent on pick): an archive item's or a doorstep
 * project's file (images, video, audio, PDF and Office documents).
 */
export function OneFilePicker({
  file,
  onChange,
  label,
}: {
  file: File | null;
  onChange: (file: File | null) => void;
  label: string;
}) {
  return (
    <Upload
      maxCount={1}
      accept="image/*,video/*,audio/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
      beforeUpload={(f) => {
        onChange(f);
        return false;
      }}
      onRemove={() => onChange(null)}
      fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
    >
      <Button icon={<UploadOutlined />}>{label}</Button>
    </Upload>
  );
}
