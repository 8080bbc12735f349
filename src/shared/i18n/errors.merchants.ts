import type { Locale } from './errors';

/** Error messages of the merchants module (codes `merchants.*`), merged into ERROR_MESSAGES. */
export const MERCHANTS_ERRORS: Record<string, Record<Locale, string>> = {
  'merchants.uscc': { 'zh-CN': '统一社会信用代码无效', en: 'Invalid unified social credit code' },
  'merchants.uscc_taken': {
    'zh-CN': '该统一社会信用代码已登记为兑换点',
    en: 'A redemption point with this credit code is already registered',
  },
  'merchants.unit_kind': {
    'zh-CN': '兑换点只能登记在社区',
    en: 'A redemption point registers with a community',
  },
  'merchants.user_not_merchant': {
    'zh-CN': '该账号不存在、已停用，或没有本社区的商户角色',
    en: 'No active account with the merchant role at this community has this username',
  },
  'merchants.user_linked': {
    'zh-CN': '该商户账号已绑定其他兑换点',
    en: 'This merchant login already works at another redemption point',
  },
  'merchants.not_a_volunteer': {
    'zh-CN': '你还没有登记为志愿者，暂时没有爱心积分可兑换',
    en: 'You are not registered as a volunteer, so you have no love points to redeem',
  },
  'merchants.point_required': {
    'zh-CN': '预选商品时需要先选择兑换点',
    en: 'Pick a redemption point before picking items',
  },
  'merchants.point_unknown': {
    'zh-CN': '兑换点不存在或已暂停',
    en: 'The redemption point does not exist or is not open',
  },
  'merchants.point_inactive': {
    'zh-CN': '该兑换点已暂停或关闭，不能兑换',
    en: 'This redemption point is suspended or closed',
  },
  'merchants.item_unknown': {
    'zh-CN': '所选商品不属于该兑换点或已下架',
    en: 'An item is not in this point’s catalogue or is no longer offered',
  },
  'merchants.duplicate_item': {
    'zh-CN': '同一商品请只列一次并填写数量',
    en: 'List each item once with its quantity',
  },
  'merchants.no_items': { 'zh-CN': '请至少选择一件商品', en: 'Pick at least one item' },
  'merchants.code_format': { 'zh-CN': '兑换码是6到8位数字', en: 'A redemption code is 6 to 8 digits' },
  'merchants.code_or_volunteer': {
    'zh-CN': '请输入兑换码（或由社区工作人员选择志愿者），二者选一',
    en: 'Enter a redemption code or (community staff) pick a volunteer, not both',
  },
  'merchants.code_required': {
    'zh-CN': '商户柜台需要志愿者出示兑换码',
    en: 'At a merchant counter the volunteer shows a redemption code',
  },
  'merchants.code_unknown': {
    'zh-CN': '兑换码不存在，请核对后重新输入',
    en: 'Unknown redemption code; please check it',
  },
  'merchants.code_used': {
    'zh-CN': '该兑换码已使用过，请让对方刷新兑换码',
    en: 'This code has already been used; ask for a new one',
  },
  'merchants.code_expired': {
    'zh-CN': '兑换码已过期（有效期10分钟），请让对方刷新兑换码',
    en: 'This code has expired (valid 10 minutes); ask for a new one',
  },
  'merchants.code_other_point': {
    'zh-CN': '该兑换码是在其他兑换点预选的',
    en: 'This code was made for another redemption point',
  },
  'merchants.too_many_attempts': {
    'zh-CN': '输错兑换码次数过多，请{minutes}分钟后再试',
    en: 'Too many wrong codes; try again in {minutes} minutes',
  },
  'merchants.volunteer_unknown': {
    'zh-CN': '找不到该志愿者，或其不在你的管辖范围内',
    en: 'Volunteer not found in your area',
  },
  'merchants.out_of_stock': {
    'zh-CN': '“{name}”库存不足（剩余 {stock}）',
    en: 'Not enough “{name}” in stock ({stock} left)',
  },
  'merchants.idempotency_key': {
    'zh-CN': '请求缺少幂等键（Idempotency-Key,8–100个字符）',
    en: 'The request needs an idempotency key (Idempotency-Key, 8–100 characters)',
  },
  'merchants.idempotency_conflict': {
    'zh-CN': '该幂等键已用于另一笔不同的业务',
    en: 'This idempotency key was already used for a different request',
  },
  'merchants.nothing_to_settle': {
    'zh-CN': '截至 {upTo} 没有待结算的兑换记录',
    en: 'No unsettled redemptions up to {upTo}',
  },
  'merchants.future_date': {
    'zh-CN': '结算截止日期不能晚于今天',
    en: 'The settlement date cannot be in the future',
  },
  'merchants.settlement_conflict': {
    'zh-CN': '部分兑换记录已被其他结算处理，请刷新后重试',
    en: 'Some redemptions were settled meanwhile; refresh and retry',
  },
  'merchants.already_reversed': {
    'zh-CN': '兑换单 {number} 已冲正，不能重复冲正',
    en: 'Redemption {number} has already been reversed',
  },
  'merchants.reverse_settled': {
    'zh-CN': '兑换单 {number} 已在结算单 {settlement} 中与兑换点结算，不能冲正；请在与兑换点的结算中处理',
    en: 'Redemption {number} was already settled with the point ({settlement}); correct it with the merchant, not by reversal',
  },
};
