import { Tag } from 'antd';
import type { MessageKey } from '../../app/i18n';
import { useI18n } from '../../app/i18n';

export { usePeriodText } from './periodText';

export const STATE_COLOR: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'orange',
  resubmitted: 'processing',
  accepted: 'green',
};

/** A report's state, with 迟报 / 逾期未报 marks. */
export function StateTags({ state, late, overdue }: { state: string; late?: boolean; overdue?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Tag color={STATE_COLOR[state]}>{t(`scheduledReports.state.${state}` as MessageKey)}</Tag>
      {late ? <Tag color="red">{t('scheduledReports.late')}</Tag> : null}
      {overdue ? <Tag color="red">{t('scheduledReports.overdue')}</Tag> : null}
    </>
  );
}

/** fen → "1,500.00". */
/** Fen as yuan (the console's one formatter). */
export { formatYuan as yuan } from '../../app/format';
