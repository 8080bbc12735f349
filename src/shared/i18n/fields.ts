import { ERROR_MESSAGES, type Locale } from './errors';

/** Localised text for a field-level validation issue (zod issue codes or our own message keys). */
export function fieldMessage(
  code: string,
  params: Record<string, unknown>,
  locale: Locale,
  rawMessage?: string,
): string {
  if (rawMessage && ERROR_MESSAGES[rawMessage]) return ERROR_MESSAGES[rawMessage][locale];
  const say = (zhText: string, enText: string) => (locale === 'zh-CN' ? zhText : enText);
  const required = say('必填', 'Required');
  const invalidValue = say('取值无效', 'Invalid value');
  switch (code) {
    case 'invalid_type':
      return params.input === undefined || params.received === 'undefined'
        ? required
        : say(`类型不正确,应为 ${params.expected}`, `Wrong type, expected ${params.expected}`);
    case 'too_big':
      return params.origin === 'string'
        ? say(`长度不能超过 ${params.maximum} 个字符`, `At most ${params.maximum} characters`)
        : say(`不能大于 ${params.maximum}`, `At most ${params.maximum}`);
    case 'too_small':
      if (params.origin !== 'string') return say(`不能小于 ${params.minimum}`, `At least ${params.minimum}`);
      return Number(params.minimum) <= 1
        ? required
        : say(`长度至少 ${params.minimum} 个字符`, `At least ${params.minimum} characters`);
    case 'unrecognized_keys': {
      const keys = (params.keys as string[] | undefined)?.join(', ');
      return say(`不允许的字段:${keys}`, `Unknown fields: ${keys}`);
    }
    case 'invalid_format':
      return say('格式不正确', 'Invalid format');
    case 'invalid_value':
    case 'invalid_enum_value':
      return invalidValue;
    default:
      return rawMessage ?? invalidValue;
  }
}
