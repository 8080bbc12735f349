import type { TFunction } from './i18n';

/** The rule of a text field that must hold more than spaces: left blank, it says 必填 (Required). */
export const requiredText = (t: TFunction) => [
  { required: true, whitespace: true, message: t('common.required') },
];
