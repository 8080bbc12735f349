import type { Locale } from './errors';

/** Error messages of the surveys module (codes `surveys.*`), merged into ERROR_MESSAGES. */
export const SURVEYS_ERRORS: Record<string, Record<Locale, string>> = {
  'surveys.not_draft': {
    'zh-CN': '问卷已发布，题目已冻结，不能再修改',
    en: 'The survey is published; its questions are frozen',
  },
  'surveys.state': {
    'zh-CN': '问卷当前状态下不能进行此操作',
    en: 'This cannot be done in the survey’s current state',
  },
  'surveys.no_questions': {
    'zh-CN': '问卷至少需要一道题目才能发布',
    en: 'A survey needs at least one question to be published',
  },
  'surveys.q_key': {
    'zh-CN': '第 {n} 题的编号与其他题目重复',
    en: 'Question {n} has the same key as another question',
  },
  'surveys.q_options': {
    'zh-CN': '第 {n} 题为选择题，须有 2 至 30 个选项',
    en: 'Question {n} is a choice question and needs 2 to 30 options',
  },
  'surveys.q_scale': {
    'zh-CN': '第 {n} 题须设置评分量表（如 1 至 5 分）',
    en: 'Question {n} needs a rating scale (e.g. 1 to 5)',
  },
  'surveys.q_rows': {
    'zh-CN': '第 {n} 题为矩阵题，须至少有一行评价项目',
    en: 'Question {n} is a matrix and needs at least one row',
  },
  'surveys.q_measure': {
    'zh-CN': '第 {n} 题为文字题，不能计入知晓率或满意度',
    en: 'Question {n} is a text question and cannot count toward awareness or satisfaction',
  },
  'surveys.q_positive': {
    'zh-CN': '第 {n} 题计入知晓率或满意度，须设置哪些回答算作“知晓”或“满意”',
    en: 'Question {n} counts toward a rate and must say which answers count as aware or satisfied',
  },
  'surveys.unit_kind': {
    'zh-CN': '问卷只能发放到市、区、街道、社区或网格',
    en: 'A survey goes to a city, district, subdistrict, community or grid',
  },
  'surveys.quota_unit': {
    'zh-CN': '配额单位须在问卷发放范围之内',
    en: 'A quota unit must lie inside the survey’s unit',
  },
  'surveys.dates': {
    'zh-CN': '截止时间须晚于开始时间',
    en: 'The closing time must be after the opening time',
  },
  'surveys.already_answered': {
    'zh-CN': '您已填写过这份问卷，每位居民只能填写一次',
    en: 'You have already answered this survey; each resident answers once',
  },
  'surveys.phone_answered': {
    'zh-CN': '该手机号已提交过这份问卷，每位居民只能填写一次',
    en: 'This phone number has already answered this survey; each resident answers once',
  },
  'surveys.not_open': {
    'zh-CN': '问卷不在填写时间内',
    en: 'The survey is not open for answers now',
  },
  'surveys.answer': {
    'zh-CN': '第 {n} 题的回答无效，请重新选择',
    en: 'The answer to question {n} is invalid',
  },
  'surveys.required': {
    'zh-CN': '第 {n} 题为必答题',
    en: 'Question {n} must be answered',
  },
  'surveys.respondent_unit': {
    'zh-CN': '受访者所在单位须在问卷发放范围之内',
    en: 'The respondent’s unit must lie inside the survey’s unit',
  },
};
