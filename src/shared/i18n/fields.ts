import { ERROR_MESSAGES, type Locale } from './errors';

/** Localised text for a field-level validation issue (zod issue codes or our own message keys). */
export function fieldMessage(
  code: string,
  params: Record<string, unknown>,
  locale: Locale,
  rawMessage?: string,
): string {
  if (rawMessage && ERROR_MESSAGES[rawMessage]) return ERROR_MESSAGES[rawMessage][locale];
  const zh = locale === 'zh-CN';
  switch (code) {
    case 'invalid_type':
      return params.input === undefined || params.received === 'undefined'
        ? zh
          ? '必填'
          : 'Required'
        : zh
          ? `类型不正确,应为 ${params.expected}`
          : `Wrong type, expected ${params.expected}`;
    case 'too_big':
      return params.origin === 'string'
        ? zh
          ? `长度不能超过 ${params.maximum} 个字符`
          : `At most ${params.maximum} characters`
        : zh
          ? `不能大于 ${params.maximum}`
          : `At most ${params.maximum}`;
    case 'too_small':
      return params.origin === 'string'
        ? Number(params.minimum) <= 1
          ? zh
            ? '必填'
            : 'Required'
          : zh
            ? `长度至少 ${params.minimum} 个字符`
            : `At least ${params.minimum} characters`
        : zh
          ? `不能小于 ${params.minimum}`
          : `At least ${params.minimum}`;
    case 'unrecognized_keys':
      return zh
        ? `不允许的字段:${(params.keys as string[] | undefined)?.join(', ')}`
        : `Unknown fields: ${(params.keys as string[] | undefined)?.join(', ')}`;
    case 'invalid_format':
      return zh ? '格式不正确' : 'Invalid format';
    case 'invalid_value':
    case 'invalid_enum_value':
      return zh ? '取值无效' : 'Invalid value';
    default:
      return rawMessage ?? (zh ? '取值无效' : 'Invalid value');
  }
}
