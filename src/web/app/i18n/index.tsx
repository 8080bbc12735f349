import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Locale } from '../../../shared/i18n/errors';
import { label as sharedLabel } from '../../../shared/i18n/labels';
import { apiSession } from '../api';
import { en } from './en';
import { type MessageKey, zhCN } from './zh-CN';

export type { MessageKey };
export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;

const STORAGE_KEY = 'linli.locale';
const DICTS: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** The saved UI language, or null when the user never chose one (then Chinese). */
function savedLocale(): Locale | null {
  try {
    const v = localStorage.getItem(STORAGE_KEY);
    return v === 'en' || v === 'zh-CN' ? v : null;
  } catch {
    return null;
  }
}

function applyLocale(locale: Locale) {
  apiSession.setLocale(locale);
  dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = locale;
}

export function translate(locale: Locale, key: MessageKey, params?: Record<string, string | number>): string {
  const template = DICTS[locale][key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

interface I18nValue {
  locale: Locale;
  t: TFunction;
  /** Shared API labels (field names, genders, tags, registration statuses). */
  label: (key: string) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(() => {
    const initial = savedLocale() ?? 'zh-CN';
    applyLocale(initial);
    return initial;
  });
  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
    applyLocale(next);
    setLocaleState(next);
  }, []);
  const value = useMemo<I18nValue>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => translate(locale, key, params),
      label: (key) => sharedLabel(key, locale),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
