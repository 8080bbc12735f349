import { Segmented } from 'antd';
import type { Locale } from '../../shared/i18n/errors';
import { useAuth } from './auth';
import { useI18n } from './i18n';

/** 中文 / English; saved in this browser and, when logged in, on the user's account. */
export function LanguageSwitch({ size }: { size?: 'small' | 'middle' | 'large' }) {
  const { locale, t } = useI18n();
  const { changeLocale } = useAuth();
  return (
    <Segmented<Locale>
      size={size}
      value={locale}
      onChange={changeLocale}
      aria-label={t('lang.switch')}
      data-testid="language-switch"
      options={[
        { label: <span data-testid="lang-zh">{t('lang.zh')}</span>, value: 'zh-CN' },
        { label: <span data-testid="lang-en">{t('lang.en')}</span>, value: 'en' },
      ]}
    />
  );
}
