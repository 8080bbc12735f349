import type { Locale } from './errors';

/** Error messages of a project's milestones (R-PJ-4), merged into PROJECTS_ERRORS. */
export const PROJECTS_MILESTONE_ERRORS: Record<string, Record<Locale, string>> = {
  'projects.milestone_not_selected': {
    'zh-CN': '项目入选后才能安排实施节点',
    en: 'Milestones are planned once the project is selected',
  },
  'projects.milestone_completed': {
    'zh-CN': '项目已登记完成，实施节点不能再修改',
    en: 'The project is complete: its milestones can no longer change',
  },
  'projects.milestone_outside_term': {
    'zh-CN': '节点日期须在项目实施期内（{first} 至 {last}）',
    en: 'A milestone falls within the project’s term ({first} to {last})',
  },
  'projects.milestone_limit': {
    'zh-CN': '每个项目最多安排 {max} 个实施节点',
    en: 'A project has at most {max} milestones',
  },
  'projects.milestone_done': {
    'zh-CN': '已完成的节点不能删除，可先改为未完成',
    en: 'A milestone that is done cannot be removed; mark it not done first',
  },
};
