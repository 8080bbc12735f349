import type { AuditLabels } from './audit';

/** Names of the ledger module's audited actions and entity types, for the audit log page. */
export const LEDGER_AUDIT: AuditLabels = {
  actions: {
    'ledger.account.open': { 'zh-CN': '开立积分/时间账户', en: 'Open ledger account' },
    'ledger.post': { 'zh-CN': '记账', en: 'Post transaction' },
    'ledger.reverse': { 'zh-CN': '冲正', en: 'Reverse transaction' },
    'ledger.rule.put': { 'zh-CN': '设置积分规则', en: 'Set earning rule' },
    'ledger.rule.delete': { 'zh-CN': '删除积分规则', en: 'Delete earning rule' },
    'ledger.designee.add': { 'zh-CN': '指定时间银行代用人', en: 'Add time-bank designee' },
    'ledger.designee.revoke': { 'zh-CN': '撤销时间银行代用人', en: 'Revoke time-bank designee' },
    'ledger.designee.consent': { 'zh-CN': '登记家属代用同意', en: 'Record consent for a family member' },
    'ledger.family_spend': { 'zh-CN': '家属代用时间银行', en: 'Family member spends time bank' },
  },
  entityTypes: {
    ledger_account: { 'zh-CN': '积分/时间账户', en: 'Ledger account' },
    ledger_designee: { 'zh-CN': '时间银行代用人', en: 'Time-bank designee' },
    ledger_earning_rule: { 'zh-CN': '积分规则', en: 'Earning rule' },
    ledger_transaction: { 'zh-CN': '账务交易', en: 'Ledger transaction' },
  },
};
