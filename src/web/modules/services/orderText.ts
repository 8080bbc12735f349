import type { TFunction } from '../../app/i18n';

/** Service time as hours (one decimal) from an hour up, else as minutes; '' when unknown. */
export function minutesText(t: TFunction, minutes: number | null | undefined): string {
  if (minutes == null) return '';
  return minutes >= 60
    ? t('services.hours', { n: Math.round((minutes / 60) * 10) / 10 })
    : t('services.minutes', { n: minutes });
}

/** A key for one order form: a double tap or a retried request answers the same order (works over plain http too). */
export function newRequestKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}-${Math.random().toString(36).slice(2, 8)}`;
}
