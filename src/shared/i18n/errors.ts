/**
 * Error messages by code, in both UI languages. Params are {name} placeholders.
 * The server answers in the user's language; the web app shows `message` as given.
 */
import { label } from './labels';
import { ACCOUNTS_ERRORS } from './errors.accounts';
import { LEDGER_ERRORS } from './errors.ledger';
import { MERCHANTS_ERRORS } from './errors.merchants';
import { SERVICES_ERRORS } from './errors.services';
import { VOLUNTEERS_ERRORS } from './errors.volunteers';

export type Locale = 'zh-CN' | 'en';
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];

export const ERROR_MESSAGES: Record<string, Record<Locale, string>> = {
  ...ACCOUNTS_ERRORS,
  ...LEDGER_ERRORS,
  ...MERCHANTS_ERRORS,
  ...VOLUNTEERS_ERRORS,
  ...SERVICES_ERRORS,
  'common.validation': {
    'zh-CN': '提交的内容有误,请检查标出的字段',
    en: 'Some fields are invalid; please check them',
  },
  'common.nul_character': {
    'zh-CN': '内容中含有不允许的控制字符',
    en: 'The input contains a forbidden control character',
  },
  'work_orders.settings_level': {
    'zh-CN': '办理时限只能在市、区或街道一级设置',
    en: 'Time limits are set at city, district or subdistrict level',
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
    'zh-CN': '附件不存在,请重新上传',
    en: 'An attachment does not exist; upload it again',
  },
  'work_orders.no_territory': { 'zh-CN': '无法确定受理单位', en: 'No unit can take this request' },
  'work_orders.not_your_grid': {
    'zh-CN': '只能就地办结本人负责网格内的事件',
    en: 'Only events in your own grid can be resolved on the spot',
  },
  'work_orders.invalid_transition': {
    'zh-CN': '当前状态({status})下不能执行该操作',
    en: 'This action is not possible while the order is {status}',
  },
  'work_orders.unit_required': {
    'zh-CN': '请选择有效的承办单位(社区、网格或街道)',
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
    'zh-CN': '本次办理结果已评价,不能重复评价',
    en: 'This result has already been rated',
  },
  'work_orders.photo_required': { 'zh-CN': '请上传一张图片', en: 'Upload one image' },
  'work_orders.photo_too_large': { 'zh-CN': '图片不能超过 {mb} MB', en: 'Images may be at most {mb} MB' },
  'work_orders.photo_not_image': {
    'zh-CN': '只能上传 JPG、PNG 或 WebP 图片',
    en: 'Only JPG, PNG or WebP images are accepted',
  },
  'common.bad_json': { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  'common.body_too_complex': {
    'zh-CN': '请求内容嵌套过深或字段过多',
    en: 'The request body is nested too deeply or has too many fields',
  },
  'common.not_found': { 'zh-CN': '未找到该记录,或您无权查看', en: 'Not found, or outside your scope' },
  'common.route_not_found': { 'zh-CN': '接口不存在', en: 'No such endpoint' },
  'common.forbidden': { 'zh-CN': '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  'common.unauthenticated': { 'zh-CN': '请先登录', en: 'Please log in first' },
  'common.csrf': { 'zh-CN': '页面已过期,请刷新后重试', en: 'The page has expired; reload and try again' },
  'workflow.invalid_transition': {
    'zh-CN': '该记录当前的状态下不能执行此操作',
    en: 'This action is not possible in the current state',
  },
  'workflow.conflict': {
    'zh-CN': '该记录刚刚已被他人处理,请刷新后查看最新状态',
    en: 'Someone else has just acted on this record; reload to see where it stands',
  },
  'workflow.guard_failed': {
    'zh-CN': '不满足执行此操作的条件',
    en: 'The conditions for this action are not met',
  },
  'common.conflict': {
    'zh-CN': '记录已被他人修改,请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  },
  'common.payload_too_large': { 'zh-CN': '上传的文件过大', en: 'The upload is too large' },
  'common.internal': {
    'zh-CN': '服务器内部错误,请稍后重试',
    en: 'Internal server error; please try again later',
  },
  'common.too_many_requests': {
    'zh-CN': '请求过于频繁,请稍后再试',
    en: 'Too many requests; try again later',
  },
  'common.idempotency_key_invalid': {
    'zh-CN': 'Idempotency-Key 须为 1–200 个可打印字符',
    en: 'Idempotency-Key must be 1–200 printable characters',
  },
  'common.idempotency_key_reused': {
    'zh-CN': '该 Idempotency-Key 已用于另一份内容不同的请求,请为新的请求换一个键',
    en: 'This Idempotency-Key was already used for a different request; use a new key for a new request',
  },
  'auth.invalid_credentials': { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' },
  'auth.locked': {
    'zh-CN': '连续登录失败次数过多,账号已锁定,请于 {minutes} 分钟后再试',
    en: 'Too many failed logins; the account is locked for {minutes} more minutes',
  },
  'auth.disabled': { 'zh-CN': '账号已停用', en: 'This account is disabled' },
  'auth.weak_password': {
    'zh-CN': '密码至少 10 位,且不能与用户名相同',
    en: 'The password needs at least 10 characters and must differ from the username',
  },
  'auth.wrong_password': { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'users.username_taken': { 'zh-CN': '用户名“{username}”已被使用', en: 'Username "{username}" is taken' },
  'users.role_unit_kind': {
    'zh-CN': '角色“{role}”不能分配在该层级的组织上',
    en: 'Role "{role}" cannot be assigned at this level of the org tree',
  },
  'users.not_in_scope': {
    'zh-CN': '只能在您管辖范围内分配角色',
    en: 'You can only assign roles within your scope',
  },
  'org.child_kind': {
    'zh-CN': '“{parentKind}”下不能创建“{kind}”',
    en: 'A {kind} cannot be placed under a {parentKind}',
  },
  'org.move_into_descendant': {
    'zh-CN': '不能把组织移动到它自己或它的下级之下',
    en: 'A unit cannot be moved under itself or one of its descendants',
  },
  'org.division_code': {
    'zh-CN': '区划代码不符合 GB/T 2260 规则',
    en: 'The division code does not follow GB/T 2260',
  },
  'org.division_code_taken': {
    'zh-CN': '区划代码已被其他组织使用',
    en: 'The division code is used by another unit',
  },
  'org.merge_kind': {
    'zh-CN': '只能合并同一层级的组织',
    en: 'Only units of the same kind can be merged',
  },
  'org.merge_self': { 'zh-CN': '不能与自身合并', en: 'A unit cannot be merged into itself' },
  'org.inactive': { 'zh-CN': '该组织已被合并或撤销', en: 'This unit has been merged or archived' },
  'org.has_children': {
    'zh-CN': '该组织下仍有下级或人员,不能撤销',
    en: 'The unit still has children or people',
  },
  'org.split_empty': { 'zh-CN': '拆分时至少要移出一个下级', en: 'A split must move at least one child' },
  'residents.id_number': { 'zh-CN': '身份证号码无效', en: 'Invalid ID number' },
  'residents.id_number.format': {
    'zh-CN': '身份证号码应为 18 位,最后一位可为 X',
    en: 'An ID number has 18 characters; the last may be X',
  },
  'residents.id_number.birthDate': {
    'zh-CN': '身份证号码中的出生日期不存在',
    en: 'The birth date inside the ID number is not a real date',
  },
  'residents.id_number.checkDigit': {
    'zh-CN': '身份证号码校验位错误',
    en: 'The ID number check digit is wrong',
  },
  'residents.id_number_taken': { 'zh-CN': '该身份证号码已登记', en: 'This ID number is already registered' },
  'residents.phone': { 'zh-CN': '手机号码格式不正确', en: 'Invalid mobile phone number' },
  'residents.birth_mismatch': {
    'zh-CN': '出生日期与身份证号码不一致',
    en: 'The birth date does not match the ID number',
  },
  'residents.unit_kind': {
    'zh-CN': '居民只能登记到社区、网格、小区、楼栋或住户',
    en: 'Residents belong to a community, grid, compound, building or household',
  },
  'people.uscc': { 'zh-CN': '统一社会信用代码无效', en: 'Invalid unified social credit code' },
  'imports.bad_file': {
    'zh-CN': '无法读取文件,请上传 .xlsx 或 .csv 文件',
    en: 'The file cannot be read; upload an .xlsx or .csv file',
  },
  'imports.no_rows': { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  'imports.missing_columns': {
    'zh-CN': '缺少必需的列:{columns}',
    en: 'Required columns are missing: {columns}',
  },
  'imports.too_many_rows': { 'zh-CN': '一次最多导入 {max} 行', en: 'At most {max} rows per import' },
  'imports.has_errors': {
    'zh-CN': '文件中有错误行,请修正后重新上传',
    en: 'Fix the rows with errors and upload again',
  },
  'imports.state': {
    'zh-CN': '该导入任务当前状态不允许此操作',
    en: 'The import is not in a state that allows this',
  },
  'imports.no_file': {
    'zh-CN': '请选择要上传的 .xlsx 或 .csv 文件',
    en: 'Choose an .xlsx or .csv file to upload',
  },
  'imports.legacy_xls': {
    'zh-CN': '不支持旧版 .xls 格式,请在 Excel 中另存为 .xlsx 后再上传',
    en: 'Old .xls files are not supported; save the file as .xlsx in Excel and upload it again',
  },
  'imports.encoding': {
    'zh-CN': 'CSV 文件不是 UTF-8 编码(暂不支持 GBK 等编码),请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后再上传',
    en: 'The CSV file is not UTF-8 (GBK and other encodings are not supported); save it as "CSV UTF-8" or .xlsx and upload again',
  },
  'imports.bad_csv': {
    'zh-CN': 'CSV 文件第 {row} 行的引号没有闭合,文件可能不完整',
    en: 'Row {row} of the CSV file has an unclosed quote; the file may be incomplete',
  },
  'imports.corrupt': {
    'zh-CN': '文件已损坏或不完整,无法读取,请在 Excel 中重新保存后上传',
    en: 'The file is damaged or incomplete and cannot be read; save it again in Excel and upload it',
  },
  'imports.unit_kind': {
    'zh-CN': '导入的目标须为社区、网格、小区或楼栋',
    en: 'Import into a community, grid, compound or building',
  },
  'imports.interrupted': {
    'zh-CN': '导入因服务重启而中断,未导入任何数据,请重新上传',
    en: 'The import was interrupted by a server restart; nothing was imported, please upload again',
  },
  'imports.expired': {
    'zh-CN': '该导入预览超过 7 天未确认,已作废,请重新上传',
    en: 'This import was not committed within 7 days and has expired; upload it again',
  },
  'imports.stale_units': {
    'zh-CN': '校验后楼栋或目标组织发生了变化,请重新上传',
    en: 'Buildings or the target unit changed after validation; upload the file again',
  },
  'imports.required': { 'zh-CN': '必填', en: 'Required' },
  'imports.too_long': { 'zh-CN': '不能超过 {max} 个字符', en: 'At most {max} characters' },
  'imports.bad_value': { 'zh-CN': '无法识别的取值“{value}”', en: 'Unrecognised value "{value}"' },
  'imports.bad_date': {
    'zh-CN': '无法识别的日期“{value}”,请写成 1956-03-14 的格式',
    en: 'Unrecognised date "{value}"; write it as 1956-03-14',
  },
  'imports.gender_mismatch': {
    'zh-CN': '性别与身份证号码不一致',
    en: 'The gender does not match the ID number',
  },
  'imports.gender_required': {
    'zh-CN': '没有身份证号码时必须填写性别',
    en: 'Gender is required when there is no ID number',
  },
  'imports.duplicate_in_file': {
    'zh-CN': '与文件第 {row} 行的身份证号码重复',
    en: 'Same ID number as row {row} of the file',
  },
  'imports.id_number_as_number': {
    'zh-CN': '身份证号码被 Excel 存成了数字,末几位已丢失;请把该列设为“文本”格式后重新填写',
    en: 'Excel stored the ID number as a number and lost its last digits; format the column as Text and enter it again',
  },
  'imports.building_unknown': {
    'zh-CN': '所选组织下没有名为“{value}”的楼栋',
    en: 'There is no building "{value}" under the chosen unit',
  },
  'imports.building_ambiguous': {
    'zh-CN': '有多个楼栋名为“{value}”,请写成“小区名+楼栋名”',
    en: 'Several buildings are named "{value}"; prefix the compound name',
  },
  'imports.tag_unknown': { 'zh-CN': '无法识别的特殊群体“{value}”', en: 'Unknown special group "{value}"' },
  'people.unit_kind': {
    'zh-CN': '该类记录不能登记在这一层级的组织上',
    en: 'This record cannot belong to a unit of that kind',
  },
  'people.uscc_taken': {
    'zh-CN': '该统一社会信用代码已登记',
    en: 'This unified social credit code is already registered',
  },
  'people.scheme_unit_kind': {
    'zh-CN': '党组织层级方案只能设在市、区、街道或社区',
    en: 'A party-level scheme can only be defined at a city, district, subdistrict or community',
  },
  'people.level_duplicate': { 'zh-CN': '层级名称不能重复', en: 'Level names must be unique' },
  'people.level_in_use': {
    'zh-CN': '层级“{name}”下还有党组织,不能删除',
    en: 'Level "{name}" still has party organizations and cannot be removed',
  },
  'people.level_scheme': {
    'zh-CN': '所选层级不属于该单位适用的党组织层级方案',
    en: 'The level is not in the party-level scheme this unit uses',
  },
  'people.level_order': {
    'zh-CN': '下级党组织的层级必须低于上级党组织',
    en: 'A party organization must sit at a lower level than its parent',
  },
  'people.parent_org': {
    'zh-CN': '上级党组织无效:须位于本单位或其上级,且不能是自身或其下级',
    en: 'Invalid parent: it must sit at this unit or above, and not be the organization or one below it',
  },
  'people.party_org_has_children': {
    'zh-CN': '该党组织下还有下级组织,不能调整所属单位',
    en: 'The party organization has child organizations; its unit cannot change',
  },
  'people.party_org': {
    'zh-CN': '所选党组织不在该党员所在单位或其上级',
    en: "The party organization is not at the member's unit or above it",
  },
  'people.resident_not_found': {
    'zh-CN': '未找到该居民,或不在您的管辖范围内',
    en: 'Resident not found, or outside your scope',
  },
  'people.member_exists': {
    'zh-CN': '该居民已登记为党员',
    en: 'This resident is already registered as a party member',
  },
  'people.reporting_unit': {
    'zh-CN': '在职党员应向居住地社区报到,请选择社区或其下级',
    en: 'In-service members report to the community where they live; choose it or a unit below it',
  },
  'people.employer_required': {
    'zh-CN': '在职党员报到须填写工作单位',
    en: 'A reporting in-service member needs an employer',
  },
  'people.post_type': {
    'zh-CN': '社区工作者须选择岗位类别(四岗),其他人员不填',
    en: 'Community workers need a post type; other workers have none',
  },
  'people.user_not_found': { 'zh-CN': '关联的账号不存在', en: 'The linked user account does not exist' },
  'people.worker_inactive': { 'zh-CN': '该人员已停用', en: 'This worker is deactivated' },
  'people.worker_active': { 'zh-CN': '该人员已在岗', en: 'This worker is already active' },
  'people.not_grid_worker': {
    'zh-CN': '只有网格员可以分配网格',
    en: 'Only grid workers can be assigned to grids',
  },
  'people.grid_kind': { 'zh-CN': '只能分配到网格', en: 'Only a grid can be assigned' },
  'people.grid_outside': {
    'zh-CN': '该网格不在网格员所属社区内',
    en: "The grid is outside the worker's community",
  },
  'people.already_assigned': {
    'zh-CN': '该网格员已分配到此网格',
    en: 'The worker is already assigned to this grid',
  },
  'calendar.bad_date': {
    'zh-CN': '日期无效,应为 YYYY-MM-DD 格式的真实日期',
    en: 'Not a real date in the form YYYY-MM-DD',
  },
  'calendar.duplicate_date': { 'zh-CN': '同一日期只能出现一次', en: 'Each date may appear only once' },
  'calendar.date_outside_year': {
    'zh-CN': '日期不在所设置的年份内',
    en: 'The date is outside the year being set',
  },
  'calendar.workday_not_weekend': {
    'zh-CN': '调休上班日必须是周六或周日',
    en: 'An adjusted working day must fall on a Saturday or Sunday',
  },
  'open311.api_key': {
    'zh-CN': 'api_key 缺失、无效或已停用',
    en: 'api_key is missing, invalid or revoked',
  },
  'open311.param_required': { 'zh-CN': '缺少参数 {name}', en: 'Missing parameter {name}' },
  'open311.param_invalid': { 'zh-CN': '参数 {name} 无效', en: 'Invalid parameter {name}' },
  'open311.field': { 'zh-CN': '{name}:{reason}', en: '{name}: {reason}' },
  'open311.body': {
    'zh-CN': '请求体无法解析,请使用表单编码或 JSON',
    en: 'The request body cannot be read; send it form-encoded or as JSON',
  },
  'open311.location_required': {
    'zh-CN': '请提供位置:lat 和 long,或 address_string,或 address_id',
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
  'work_orders.stats_period': {
    'zh-CN': '统计期间无效:开始日期不能晚于结束日期,且不超过三年',
    en: 'Invalid period: it must start before it ends and span at most three years',
  },
  'work_orders.stats_week': { 'zh-CN': '周次无效,格式如 2026-W48', en: 'Invalid week; use e.g. 2026-W48' },
};

export function formatMessage(code: string, locale: Locale, params?: Record<string, unknown>): string {
  const entry = ERROR_MESSAGES[code];
  const template = entry ? entry[locale] : code;
  return template.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!params || !(k in params)) return `{${k}}`;
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
