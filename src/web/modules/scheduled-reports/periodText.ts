import { useI18n } from '../../app/i18n';

/** A period code (2026-11, 2026-Q4, 2026-H2, 2026) as people write it, in the UI language (no antd: the phone pages use it too). */
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
