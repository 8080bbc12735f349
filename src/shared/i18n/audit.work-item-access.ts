import type { AuditLabels } from './audit';

/** Names of the work-item access module's audited actions and entity types, for the audit log page. */
export const WORK_ITEM_ACCESS_AUDIT: AuditLabels = {
  actions: {
    'work_item_access.apply': { 'zh-CN': '提交准入申请', en: 'Apply for work-item access' },
    'work_item_access.exempt': { 'zh-CN': '依规定直接进入社区（免审批）', en: 'Exempt item listed' },
    'work_item_access.consult': { 'zh-CN': '会商征求意见', en: 'Start consultation' },
    'work_item_access.opinion': { 'zh-CN': '记录部门意见', en: 'Record department opinion' },
    'work_item_access.approve': { 'zh-CN': '领导小组审定准入', en: 'Leading group approves access' },
    'work_item_access.refuse': { 'zh-CN': '领导小组审定不予准入', en: 'Leading group refuses access' },
    'work_item_access.route_purchase': {
      'zh-CN': '转入政府购买服务事项清单',
      en: 'Route to the purchase-of-services list',
    },
    'work_item_access.overdue': { 'zh-CN': '准入审批逾期', en: 'Access decision overdue' },
    'work_item_access.item.review': { 'zh-CN': '准入事项年度清理', en: 'Annual review of admitted item' },
    'work_item_access.refusal': { 'zh-CN': '社区登记不予准入事项', en: 'Community refuses unlisted request' },
  },
  entityTypes: {
    wia_application: { 'zh-CN': '准入申请', en: 'Work-item access application' },
    wia_item: { 'zh-CN': '准入事项', en: 'Admitted work item' },
    wia_refusal: { 'zh-CN': '不予准入登记', en: 'Refused request' },
  },
};
