import type { Locale } from './errors';

/** Error messages of the open311 module, merged into ERROR_MESSAGES. */
export const OPEN311_ERRORS: Record<string, Record<Locale, string>> = {
  'open311.api_key': {
    'zh-CN': 'api_key 缺失、无效或已停用',
    en: 'api_key is missing, invalid or revoked',
  },
  'open311.param_required': { 'zh-CN': '缺少参数 {name}', en: 'Missing parameter {name}' },
  'open311.param_invalid': { 'zh-CN': '参数 {name} 无效', en: 'Invalid parameter {name}' },
  'open311.field': { 'zh-CN': '{name}:{reason}', en: '{name}: {reason}' },
  'open311.body': {
    'zh-CN': '请求体无法解析，请使用表单编码或 JSON',
    en: 'The request body cannot be read; send it form-encoded or as JSON',
  },
  'open311.location_required': {
    'zh-CN': '请提供位置：lat 和 long，或 address_string，或 address_id',
    en: 'A location is required: lat and long, address_string or address_id',
  },
  'open311.outside_jurisdiction': {
    'zh-CN': '该位置不在此 api_key 的管辖范围内',
    en: 'The location is outside the jurisdiction of this api_key',
  },
  'open311.service_unknown': { 'zh-CN': '服务代码 {code} 不存在', en: 'Unknown service_code {code}' },
  'open311.jurisdiction_unknown': {
    'zh-CN': '管辖区 {id} 不存在',
    en: 'Unknown jurisdiction_id {id}',
  },
  'open311.request_unknown': { 'zh-CN': '服务请求 {id} 不存在', en: 'No service request {id}' },
  'open311.token_unknown': { 'zh-CN': '令牌不存在', en: 'Unknown token' },
  'open311.not_found': { 'zh-CN': '不存在的 Open311 接口', en: 'No such Open311 resource' },
  'open311.attribute_required': { 'zh-CN': '缺少必填属性 {code}', en: 'Missing required attribute {code}' },
  'open311.attribute_unknown': {
    'zh-CN': '该服务未定义属性 {code}',
    en: 'Attribute {code} is not defined for this service',
  },
  'open311.attribute_invalid': { 'zh-CN': '属性 {code} 的值无效', en: 'Invalid value for attribute {code}' },
  'open311.description_too_long': {
    'zh-CN': '描述连同属性不能超过 {max} 字',
    en: 'The description with its attributes may be at most {max} characters',
  },
  'open311.date_range': {
    'zh-CN': 'start_date 与 end_date 的跨度不能超过 {days} 天',
    en: 'start_date and end_date may span at most {days} days',
  },
  'open311.unit_unknown': {
    'zh-CN': '单位不存在或不在您的管辖范围内',
    en: 'The unit does not exist or is outside your scope',
  },
  'open311.unit_kind': {
    'zh-CN': '接口密钥的管辖范围须为市、区、街道或社区',
    en: "A key's jurisdiction must be a city, district, subdistrict or community",
  },
  'open311.key_revoked': { 'zh-CN': '该接口密钥已停用', en: 'This API key is already revoked' },
};
