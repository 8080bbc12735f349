import { Tag } from 'antd';
import type { MessageKey } from '../../app/i18n';
import { useI18n } from '../../app/i18n';

export const STATE_COLOR: Record<string, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'orange',
  resubmitted: 'processing',
  accepted: 'green',
};

/** A period code (2026-11, 2026-Q4, 2026-H2, 2026) as people write it, in the UI language. */
export function usePeriodText() {
  const { t, locale } = useI18n();
  return (period: string) => {
    const y = period.slice(0, 4);
    const rest = period.slice(5);
    if (!rest) return t('scheduledReports.period.year', { y });
    if (rest.startsWith('Q')) {
      const q = Number(rest.slice(1));
      return t('scheduledReports.period.quarter', { y, q: locale === 'en' ? q : ('一二三四'[q - 1] ?? q) });
    }
    if (rest === 'H1') return t('scheduledReports.period.h1', { y });
    if (rest === 'H2') return t('scheduledReports.period.h2', { y });
    return t('scheduledReports.period.month', { y, m: Number(rest) });
  };
}

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
