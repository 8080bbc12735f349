import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES } from '../../shared/i18n/audit';
import { ERROR_MESSAGES } from '../../shared/i18n/errors';
import { mergeDictionaries } from './i18n';
import { webModules } from './modules';

const dicts = mergeDictionaries(webModules) as unknown as Record<'zh-CN' | 'en', Record<string, string>>;
/** Format samples the user types in as they are (ASCII separators). */
const FORMAT_SAMPLES = new Set(['cal.pasteHint', 'cal.pastePlaceholder', 'server:notifications.webhook_url']);
const CJK = /[\u4e00-\u9fff]/;

describe('UI copy', () => {
  it('Chinese strings use full-width punctuation next to Chinese text (，：；？！ and （）): UI, server messages, audit names', () => {
    const server = Object.fromEntries(
      [ERROR_MESSAGES, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES].flatMap((m) =>
        Object.entries(m).map(([k, v]) => [`server:${k}`, v['zh-CN']]),
      ),
    );
    const bad = Object.entries({ ...dicts['zh-CN'], ...server }).filter(([key, text]) => {
      if (FORMAT_SAMPLES.has(key) || !CJK.test(text)) return false;
      const t = text.replace(/\{\w+\}/g, '中');
      return /[\u4e00-\u9fff][,:;?!]|[,:;?!][\u4e00-\u9fff]|[()]/.test(t);
    });
    expect(bad).toEqual([]);
  });

  it('no rule id (R-…) and no technical word like "token" reaches the user, in either language: UI, server messages, audit names', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const server = Object.fromEntries(
        [ERROR_MESSAGES, AUDIT_ACTIONS, AUDIT_ENTITY_TYPES].flatMap((m) =>
          Object.entries(m).map(([k, v]) => [`server:${k}`, v[locale]]),
        ),
      );
      const bad = Object.entries({ ...dicts[locale], ...server }).filter(
        ([key, text]) =>
          /\bR-[A-Z]+(-[A-Z]+)*-\d/.test(text) ||
          (locale === 'zh-CN' && !FORMAT_SAMPLES.has(key) && /token/i.test(text)),
      );
      expect({ locale, bad }).toEqual({ locale, bad: [] });
    }
  });
});
