import type { AuditLabels } from './audit';

/** Names of the self-governance module's audited actions and entity types, for the audit log page. */
export const SELF_GOVERNANCE_AUDIT: AuditLabels = {
  actions: {
    'self_governance.body.create': { 'zh-CN': '新增自治组织', en: 'Add self-governance body' },
    'self_governance.position.create': { 'zh-CN': '新增职位', en: 'Add position' },
    'self_governance.position.vacate': { 'zh-CN': '职位空缺', en: 'Position fell vacant' },
    'self_governance.position.fill': { 'zh-CN': '职位补缺', en: 'Position filled' },
    'self_governance.election.create': { 'zh-CN': '登记选举', en: 'Record election' },
    'self_governance.review.create': { 'zh-CN': '登记培训或考评', en: 'Record training or review' },
  },
  entityTypes: {
    sg_body: { 'zh-CN': '自治组织', en: 'Self-governance body' },
    sg_position: { 'zh-CN': '职位', en: 'Position' },
    sg_election: { 'zh-CN': '选举', en: 'Election' },
    sg_review: { 'zh-CN': '培训考评', en: 'Training or review' },
  },
};
