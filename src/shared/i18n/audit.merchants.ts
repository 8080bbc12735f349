import type { AuditLabels } from './audit';

/** Names of the merchants module's audited actions and entity types, for the audit log page. */
export const MERCHANTS_AUDIT: AuditLabels = {
  actions: {
    'merchants.point.create': { 'zh-CN': '登记兑换点', en: 'Register redemption point' },
    'merchants.point.update': { 'zh-CN': '修改兑换点', en: 'Update redemption point' },
    'merchants.item.create': { 'zh-CN': '新增兑换商品', en: 'Add catalogue item' },
    'merchants.item.update': { 'zh-CN': '修改兑换商品', en: 'Update catalogue item' },
    'merchants.operator.link': { 'zh-CN': '绑定店员账号', en: 'Link counter login' },
    'merchants.operator.unlink': { 'zh-CN': '解绑店员账号', en: 'Unlink counter login' },
    'merchants.code.issue': { 'zh-CN': '生成兑换码', en: 'Issue redemption code' },
    'merchants.code.rejected': { 'zh-CN': '兑换码被拒', en: 'Redemption code rejected' },
    'merchants.redeem': { 'zh-CN': '积分兑换', en: 'Redeem points' },
    'merchants.settle': { 'zh-CN': '兑换点结算', en: 'Settle with merchant' },
    'merchants.reverse': { 'zh-CN': '兑换冲正', en: 'Reverse redemption' },
  },
  entityTypes: {
    merchant_settlement: { 'zh-CN': '兑换点结算', en: 'Settlement' },
    redemption: { 'zh-CN': '积分兑换', en: 'Redemption' },
    redemption_code: { 'zh-CN': '兑换码', en: 'Redemption code' },
    redemption_item: { 'zh-CN': '兑换商品', en: 'Catalogue item' },
    redemption_point: { 'zh-CN': '兑换点', en: 'Redemption point' },
  },
};
