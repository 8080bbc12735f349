/**
 * Error messages by code, in both UI languages. Params are {name} placeholders.
 * The server answers in the user's language; the web app shows `message` as given.
 */
import { label } from './labels';
import { fillPlaceholders } from './placeholders';
import { ACCOUNTS_ERRORS } from './errors.accounts';
import { CALENDAR_ERRORS } from './errors.calendar';
import { NOTIFICATIONS_ERRORS } from './errors.notifications';
import { IMPORTS_ERRORS } from './errors.imports';
import { LEDGER_ERRORS } from './errors.ledger';
import { MERCHANTS_ERRORS } from './errors.merchants';
import { PROJECTS_ERRORS } from './errors.projects';
import { OPEN311_ERRORS } from './errors.open311';
import { ORG_ERRORS } from './errors.org';
import { PEOPLE_ERRORS } from './errors.people';
import { RESIDENTS_ERRORS } from './errors.residents';
import { SERVICES_ERRORS } from './errors.services';
import { DISPUTES_ERRORS } from './errors.disputes';
import { ASSESSMENTS_ERRORS } from './errors.assessments';
import { PARTICIPATION_ERRORS } from './errors.participation';
import { KEY_TASKS_ERRORS } from './errors.key-tasks';
import { SCHEDULED_REPORTS_ERRORS } from './errors.scheduled-reports';
import { WORK_ITEM_ACCESS_ERRORS } from './errors.work-item-access';
import { CERTIFICATES_ERRORS } from './errors.certificates';
import { FACILITIES_ERRORS } from './errors.facilities';
import { CARE_ERRORS } from './errors.care';
import { SURVEYS_ERRORS } from './errors.surveys';
import { PROPERTY_ERRORS } from './errors.property';
import { SELF_GOVERNANCE_ERRORS } from './errors.self-governance';
import { SOCIAL_ORGS_ERRORS } from './errors.social-orgs';
import { VOLUNTEERS_ERRORS } from './errors.volunteers';
import { WORK_ORDERS_ERRORS } from './errors.work-orders';
import { PROXY_ERRORS } from './errors.proxy';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export const ERROR_MESSAGES: Record<string, Record<Locale, string>> = {
  // Each module's messages (its own file `errors.<module>.ts`): one line per module.
  ...ACCOUNTS_ERRORS,
  ...ORG_ERRORS,
  ...RESIDENTS_ERRORS,
  ...IMPORTS_ERRORS,
  ...PEOPLE_ERRORS,
  ...CALENDAR_ERRORS,
  ...NOTIFICATIONS_ERRORS,
  ...WORK_ORDERS_ERRORS,
  ...OPEN311_ERRORS,
  ...LEDGER_ERRORS,
  ...MERCHANTS_ERRORS,
  ...PROJECTS_ERRORS,
  ...VOLUNTEERS_ERRORS,
  ...SERVICES_ERRORS,
  ...DISPUTES_ERRORS,
  ...ASSESSMENTS_ERRORS,
  ...PARTICIPATION_ERRORS,
  ...KEY_TASKS_ERRORS,
  ...WORK_ITEM_ACCESS_ERRORS,
  ...CERTIFICATES_ERRORS,
  ...FACILITIES_ERRORS,
  ...CARE_ERRORS,
  ...SURVEYS_ERRORS,
  ...SCHEDULED_REPORTS_ERRORS,
  ...PROPERTY_ERRORS,
  ...SELF_GOVERNANCE_ERRORS,
  ...SOCIAL_ORGS_ERRORS,
  // Messages of the platform itself
  'common.validation': {
    'zh-CN': '提交的内容有误，请检查标出的字段',
    en: 'Some fields are invalid; please check them',
  },
  'common.nul_character': {
    'zh-CN': '内容中含有不允许的控制字符',
    en: 'The input contains a forbidden control character',
  },
  'common.bad_json': { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  'common.body_too_complex': {
    'zh-CN': '请求内容嵌套过深或字段过多',
    en: 'The request body is nested too deeply or has too many fields',
  },
  'common.not_found': { 'zh-CN': '未找到该记录，或您无权查看', en: 'Not found, or outside your scope' },
  'common.route_not_found': { 'zh-CN': '接口不存在', en: 'No such endpoint' },
  'common.forbidden': { 'zh-CN': '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  'common.unauthenticated': { 'zh-CN': '请先登录', en: 'Please log in first' },
  'common.csrf': { 'zh-CN': '页面已过期，请刷新后重试', en: 'The page has expired; reload and try again' },
  'workflow.invalid_transition': {
    'zh-CN': '该记录当前的状态下不能执行此操作',
    en: 'This action is not possible in the current state',
  },
  'workflow.conflict': {
    'zh-CN': '该记录刚刚已被他人处理，请刷新后查看最新状态',
    en: 'Someone else has just acted on this record; reload to see where it stands',
  },
  'workflow.guard_failed': {
    'zh-CN': '不满足执行此操作的条件',
    en: 'The conditions for this action are not met',
  },
  'common.conflict': {
    'zh-CN': '记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  },
  'common.payload_too_large': { 'zh-CN': '上传的文件过大', en: 'The upload is too large' },
  'common.photo_required': { 'zh-CN': '请选择一张照片', en: 'Choose a photo' },
  'common.photo_too_large': { 'zh-CN': '照片不能超过 {mb} MB', en: 'The photo must be at most {mb} MB' },
  'common.photo_not_image': {
    'zh-CN': '只能上传 JPG、PNG 或 WebP 格式的照片',
    en: 'Only JPG, PNG or WebP photos can be uploaded',
  },
  'common.internal': {
    'zh-CN': '服务器内部错误，请稍后重试',
    en: 'Internal server error; please try again later',
  },
  'common.too_many_requests': {
    'zh-CN': '请求过于频繁，请稍后再试',
    en: 'Too many requests; try again later',
  },
  'common.idempotency_key_invalid': {
    'zh-CN': 'Idempotency-Key 须为 1–200 个可打印字符',
    en: 'Idempotency-Key must be 1–200 printable characters',
  },
  'common.idempotency_key_reused': {
    'zh-CN': '该 Idempotency-Key 已用于另一份内容不同的请求，请为新的请求换一个键',
    en: 'This Idempotency-Key was already used for a different request; use a new key for a new request',
  },
  ...PROXY_ERRORS,
};

export function formatMessage(code: string, locale: Locale, params?: Record<string, unknown>): string {
  const entry = ERROR_MESSAGES[code];
  const template = entry ? entry[locale] : code;
  return fillPlaceholders(template, (k, placeholder) => {
    if (!params || !(k in params)) return placeholder;
    const v = params[k];
    // { label: key } is shown in the reader's language (e.g. a work order's status).
    return v && typeof v === 'object' && 'label' in v
      ? label(String((v as { label: string }).label), locale)
      : String(v);
  });
}

/** The request's Accept-Language wins (the web app sends its UI language); else the user's setting; else Chinese. */
export function pickLocale(acceptLanguage: string | undefined, userLocale?: string | null): Locale {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('zh')) return 'zh-CN';
  return userLocale === 'en' ? 'en' : 'zh-CN';
}
