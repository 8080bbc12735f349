import type { MessageKey, TFunction } from './i18n';

/** A label from a known list (`prefix.value`); an unknown value shows as it is, a missing one as ''. */
export function labelOf(t: TFunction, prefix: string, value: string | null | undefined): string {
  if (!value) return '';
  const key = `${prefix}.${value}` as MessageKey;
  const text = t(key);
  return text === key ? value : text;
}
