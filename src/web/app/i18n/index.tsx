import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { Locale } from '../../../shared/i18n/errors';
import { label as sharedLabel } from '../../../shared/i18n/labels';
import { fillPlaceholders } from '../../../shared/i18n/placeholders';
import { apiSession } from '../api';
import type { WEB_MODULES } from '../modules';
import type { WebModuleI18n } from '../webModule';
import { en } from './en';
import { zhCN } from './zh-CN';

/** The message keys of one module's dictionaries. */
type KeysOf<M> = M extends { i18n: WebModuleI18n<infer K> } ? K : never;
/** Every console message key: the app-wide ones (./zh-CN.ts) and each web module's (its i18n.ts). */
export type MessageKey = keyof typeof zhCN | KeysOf<(typeof WEB_MODULES)[number]>;
export type TFunction = (key: MessageKey, params?: Record<string, string | number>) => string;

const STORAGE_KEY = 'linli.locale';
type Dicts = Record<Locale, Record<string, string>>;

/** The app-wide dictionaries with every module's merged in (modules come from src/web/app/modules.ts). */
export function mergeDictionaries(modules: readonly { i18n: WebModuleI18n<string> }[]): Dicts {
  const dicts: Dicts = { 'zh-CN': { ...zhCN }, en: { ...en } };
  for (const m of modules) {
    Object.assign(dicts['zh-CN'], m.i18n['zh-CN']);
    Object.assign(dicts.en, m.i18n.en);
  }
  return dicts;
}

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

function translate(
  dicts: Dicts,
  locale: Locale,
  key: MessageKey,
  params?: Record<string, string | number>,
): string {
  const template = dicts[locale][key] ?? key;
  if (!params) return template;
  return fillPlaceholders(template, (k, m) => (k in params ? String(params[k]) : m));
}

interface I18nValue {
  locale: Locale;
  t: TFunction;
  /** Shared API labels (field names, genders, tags, registration statuses). */
  label: (key: string) => string;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

/** `modules`: the web modules whose dictionaries join the app-wide ones (read once, at the first render). */
export function I18nProvider({
  modules,
  children,
}: {
  modules: readonly { i18n: WebModuleI18n<string> }[];
  children: ReactNode;
}) {
  const [dicts] = useState(() => mergeDictionaries(modules));
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
      t: (key, params) => translate(dicts, locale, key, params),
      label: (key) => sharedLabel(key, locale),
    }),
    [dicts, locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
