import type { Locale } from './errors';

/** Error messages of the workOrders module, merged into ERROR_MESSAGES. */
export const WORK_ORDERS_ERRORS: Record<string, Record<Locale, string>> = {
  'work_orders.settings_level': {
    'zh-CN': '办理时限只能在市、区或街道一级设置',
    en: 'Time limits are set at city, district or subdistrict level',
  },
  'work_orders.phone_last4_format': {
    'zh-CN': '请输入手机号码后 4 位数字',
    en: 'Enter the last 4 digits of the phone number',
  },
  'work_orders.unknown_category': { 'zh-CN': '未知的诉求类别', en: 'Unknown category' },
  'work_orders.category_exists': {
    'zh-CN': '类别代码 {code} 已存在',
    en: 'A category with code {code} already exists',
  },
  'work_orders.only_consult': {
    'zh-CN': '只有咨询类诉求可以当场答复办结',
    en: 'Only a consult can be answered and closed on the spot',
  },
  'work_orders.point_incomplete': {
    'zh-CN': '位置需要同时提供经度和纬度',
    en: 'A location needs both latitude and longitude',
  },
  'work_orders.attachment_unknown': {
    'zh-CN': '附件不存在，请重新上传',
    en: 'An attachment does not exist; upload it again',
  },
  'work_orders.no_territory': { 'zh-CN': '无法确定受理单位', en: 'No unit can take this request' },
  'work_orders.not_your_grid': {
    'zh-CN': '只能就地办结本人负责网格内的事件',
    en: 'Only events in your own grid can be resolved on the spot',
  },
  'work_orders.invalid_transition': {
    'zh-CN': '当前状态（{status}）下不能执行该操作',
    en: 'This action is not possible while the order is {status}',
  },
  'work_orders.unit_required': {
    'zh-CN': '请选择有效的承办单位（社区、网格或街道）',
    en: 'Choose a valid handling unit (community, grid or subdistrict)',
  },
  'work_orders.unit_out_of_scope': {
    'zh-CN': '只能派发给您管辖范围内的单位',
    en: 'You can only dispatch to units in your scope',
  },
  'work_orders.duplicate_unknown': { 'zh-CN': '关联的原诉求不存在', en: 'The original order does not exist' },
  'work_orders.extension_too_late': {
    'zh-CN': '延期申请须在办理时限届满前提出',
    en: 'An extension must be asked for before the deadline',
  },
  'work_orders.extension_too_long': {
    'zh-CN': '延期累计不得超过 {max} 个工作日',
    en: 'Extensions may not exceed {max} working days in all',
  },
  'work_orders.participant_unknown': { 'zh-CN': '协办部门不存在', en: 'No such participating department' },
  'work_orders.already_reported': { 'zh-CN': '该部门已反馈', en: 'This department has already reported' },
  'work_orders.already_rated': {
    'zh-CN': '本次办理结果已评价，不能重复评价',
    en: 'This result has already been rated',
  },
  'work_orders.photo_required': { 'zh-CN': '请上传一张图片', en: 'Upload one image' },
  'work_orders.photo_too_large': { 'zh-CN': '图片不能超过 {mb} MB', en: 'Images may be at most {mb} MB' },
  'work_orders.photo_not_image': {
    'zh-CN': '只能上传 JPG、PNG 或 WebP 图片',
    en: 'Only JPG, PNG or WebP images are accepted',
  },
  'work_orders.stats_period': {
    'zh-CN': '统计期间无效：开始日期不能晚于结束日期，且不超过三年',
    en: 'Invalid period: it must start before it ends and span at most three years',
  },
  'work_orders.stats_week': { 'zh-CN': '周次无效，格式如 2026-W48', en: 'Invalid week; use e.g. 2026-W48' },
};
