import type { AuditLabels } from './audit';

/** Names of the milestone actions (R-PJ-4), merged into PROJECTS_AUDIT. */
export const PROJECTS_MILESTONE_AUDIT: AuditLabels = {
  actions: {
    'projects.milestone.add': { 'zh-CN': '安排实施节点', en: 'Plan project milestone' },
    'projects.milestone.update': { 'zh-CN': '修改实施节点', en: 'Change project milestone' },
    'projects.milestone.done': { 'zh-CN': '完成实施节点', en: 'Complete project milestone' },
    'projects.milestone.reopen': { 'zh-CN': '实施节点改为未完成', en: 'Reopen project milestone' },
    'projects.milestone.remove': { 'zh-CN': '删除实施节点', en: 'Remove project milestone' },
  },
  entityTypes: {
    pj_milestone: { 'zh-CN': '项目实施节点', en: 'Project milestone' },
  },
};
