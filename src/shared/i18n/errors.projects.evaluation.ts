import type { Locale } from './errors';

/** Error messages of the final evaluation, next year's quota and exemptions (R-PJ-4), merged into PROJECTS_ERRORS. */
export const PROJECTS_EVALUATION_ERRORS: Record<string, Record<Locale, string>> = {
  'projects.evaluation_before_summary': {
    'zh-CN': '项目总结报送后才能进行末期评估',
    en: 'The final evaluation comes after the project’s closing summary',
  },
  'projects.evaluation_not_selected': {
    'zh-CN': '只有已入选的试点项目才能进行末期评估',
    en: 'Only selected pilot projects are evaluated',
  },
  'projects.bands_invalid': {
    'zh-CN': '评估等次设置有误：等次不能重复，分数线各不相同，且须有一个等次从0分起',
    en: 'Grade bands: keys and minimum scores must be distinct, and one band must start at 0',
  },
  'projects.bands_locked': {
    'zh-CN': '已有项目按现有等次完成评估，等次分数线不能再修改',
    en: 'Projects were already graded by these bands; they can no longer change',
  },
  'projects.evaluator_scope': {
    'zh-CN': '评估组成员须是本单位管辖范围内的用户',
    en: 'Evaluators must be users within your unit’s reach',
  },
  'projects.no_previous_call': {
    'zh-CN': '没有可参照的上年度已公布结果的申报通知',
    en: 'There is no earlier call with published results to go by',
  },
  'projects.subdistrict_quota_full': {
    'zh-CN': '{unit}的试点名额（{quota}个）已满',
    en: 'The pilot quota of {unit} ({quota}) is full',
  },
  'projects.exemption_not_open': {
    'zh-CN': '只有已入选且尚未完成的项目可以申请不可抗力顺延',
    en: 'Only a selected project not yet completed can be exempted for force majeure',
  },
  'projects.exemption_date': {
    'zh-CN': '顺延后的完成日期须晚于原期限（{due}）',
    en: 'The new completion date must be after the current one ({due})',
  },
};
