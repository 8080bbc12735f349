import type { Locale } from './errors';

/** Error messages of the ledger module (codes `ledger.*`), merged into ERROR_MESSAGES. */
export const LEDGER_ERRORS: Record<string, Record<Locale, string>> = {
  'ledger.insufficient_balance': {
    'zh-CN': '{name} 的余额不足（当前 {balance}）',
    en: 'Insufficient balance on {name} (now {balance})',
  },
  'ledger.cap_exceeded': {
    'zh-CN': '{name} 的时间银行已达上限 {cap} 分钟',
    en: "{name}'s time bank has reached its cap of {cap} minutes",
  },
  'ledger.unbalanced': {
    'zh-CN': '记账分录借贷不平衡',
    en: 'The entries do not balance',
  },
  'ledger.bad_unit': { 'zh-CN': '未知的记账单位 {unit}', en: 'Unknown ledger unit {unit}' },
  'ledger.bad_amount': {
    'zh-CN': '金额必须是非零整数',
    en: 'Amounts must be non-zero whole numbers',
  },
  'ledger.bad_minutes': {
    'zh-CN': '服务时长必须是 1 到 1440 分钟之间的整数',
    en: 'Service time must be a whole number of minutes between 1 and 1440',
  },
  'ledger.bad_idempotency_key': {
    'zh-CN': '缺少或过长的幂等键',
    en: 'Missing or too long idempotency key',
  },
  'ledger.unit_mismatch': {
    'zh-CN': '分录单位与账户单位不一致',
    en: "An entry's unit differs from its account's unit",
  },
  'ledger.account_not_found': { 'zh-CN': '账户不存在', en: 'Account not found' },
  'ledger.unit_not_found': { 'zh-CN': '组织单位不存在', en: 'Org unit not found' },
  'ledger.not_a_community': {
    'zh-CN': '只能为社区或街道设置积分规则',
    en: 'Earning rules are set on a community or subdistrict',
  },
  'ledger.already_reversed': {
    'zh-CN': '该笔交易已被冲正过，不能重复冲正',
    en: 'This transaction has already been reversed',
  },
  'ledger.key_reused': {
    'zh-CN': '该幂等键已用于冲正另一笔交易，请使用新的幂等键',
    en: 'This idempotency key was already used to reverse another transaction; use a new key',
  },
  'ledger.not_reversible': {
    'zh-CN': '冲正交易本身不能再被冲正',
    en: 'A reversal cannot itself be reversed',
  },
  'ledger.reverse_elsewhere': {
    'zh-CN': '积分兑换、商户结算和社区基金收支不能在此冲正，请在其所属的业务中处理',
    en: 'Redemptions, settlements and community-fund flows are undone in their own module, not here',
  },
  'ledger.reason_required': { 'zh-CN': '请填写原因', en: 'A reason is required' },
  'ledger.not_time_bank': {
    'zh-CN': '该账户不是时间银行账户',
    en: 'This is not a time-bank account',
  },
  'ledger.not_designee': {
    'zh-CN': '受益人不是该账户持有人指定的家庭成员',
    en: 'The beneficiary is not a family member designated by the holder',
  },
  'ledger.no_volunteer': {
    'zh-CN': '当前账号未关联志愿者档案',
    en: 'Your account is not linked to a volunteer record',
  },
  'ledger.no_cash_out': {
    'zh-CN': '时间银行的时长不能兑换现金',
    en: 'Time-bank minutes cannot be cashed out',
  },
  'ledger.consent_required': {
    'zh-CN': '未登记长者本人同意，家属不能使用其时间银行',
    en: "The holder's consent is not recorded: the family member cannot spend this time bank",
  },
  'ledger.consent_note_required': {
    'zh-CN': '工作人员登记同意时须写明同意方式（如本人当面同意、社工见证）',
    en: 'Staff recording consent must state how it was given',
  },
  'ledger.consent_recorded': { 'zh-CN': '已登记过本人同意', en: 'Consent is already recorded' },
};
