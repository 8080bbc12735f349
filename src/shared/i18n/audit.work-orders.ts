import type { AuditLabels } from './audit';

/** Names of the work-orders module's audited actions and entity types, for the audit log page. */
export const WORK_ORDERS_AUDIT: AuditLabels = {
  actions: {
    'work_orders.export': { 'zh-CN': '导出工单', en: 'Export work orders' },
    'work_orders.settings': { 'zh-CN': '修改办理时限设置', en: 'Update time-limit settings' },
    'work_orders.intake': { 'zh-CN': '受理诉求', en: 'Receive request' },
    'work_orders.attach': { 'zh-CN': '上传工单照片', en: 'Upload photo' },
    'work_orders.classify': { 'zh-CN': '工单分类定级', en: 'Classify order' },
    'work_orders.dispatch': { 'zh-CN': '派单', en: 'Dispatch order' },
    'work_orders.divert': { 'zh-CN': '分流转办', en: 'Divert order' },
    'work_orders.link_duplicate': { 'zh-CN': '合并重复件', en: 'Link duplicate' },
    'work_orders.cancel': { 'zh-CN': '撤销工单', en: 'Cancel order' },
    'work_orders.accept': { 'zh-CN': '签收工单', en: 'Accept order' },
    'work_orders.return': { 'zh-CN': '退单', en: 'Return order' },
    'work_orders.approve_return': { 'zh-CN': '同意退单', en: 'Approve return' },
    'work_orders.reject_return': { 'zh-CN': '驳回退单', en: 'Reject return' },
    'work_orders.reassign': { 'zh-CN': '改派工单', en: 'Reassign order' },
    'work_orders.request_extension': { 'zh-CN': '申请延期', en: 'Request extension' },
    'work_orders.approve_extension': { 'zh-CN': '批准延期', en: 'Approve extension' },
    'work_orders.reject_extension': { 'zh-CN': '驳回延期', en: 'Reject extension' },
    'work_orders.whistle': { 'zh-CN': '吹哨报到', en: 'Call departments in' },
    'work_orders.participant_report': { 'zh-CN': '协办反馈', en: 'Department report' },
    'work_orders.reply': { 'zh-CN': '办结答复', en: 'Reply' },
    'work_orders.follow_up': { 'zh-CN': '回访评价', en: 'Follow-up' },
    'work_orders.close': { 'zh-CN': '结案', en: 'Close order' },
    'work_orders.remind': { 'zh-CN': '催办', en: 'Remind' },
    'work_orders.supervise': { 'zh-CN': '督办', en: 'Supervise' },
    'work_orders.escalate': { 'zh-CN': '超时升级', en: 'Escalate' },
    'work_orders.category_create': { 'zh-CN': '新增诉求类别', en: 'Add category' },
    'work_orders.category_update': { 'zh-CN': '修改诉求类别', en: 'Update category' },
    'work_orders.category_retire': { 'zh-CN': '停用诉求类别', en: 'Retire category' },
    'work_orders.intake_on_behalf': {
      'zh-CN': '代办受理诉求',
      en: 'Receive request on behalf of a resident',
    },
  },
  entityTypes: {
    work_order: { 'zh-CN': '工单', en: 'Work order' },
    attachment: { 'zh-CN': '附件', en: 'Attachment' },
    wo_category: { 'zh-CN': '诉求类别', en: 'Category' },
  },
};
