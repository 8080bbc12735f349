import { Card, type CardProps, Tag } from 'antd';
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
