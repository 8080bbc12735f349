import type { Locale } from './errors';

/** Error messages of the assessments module (codes `assessments.*`), merged into ERROR_MESSAGES. */
export const ASSESSMENTS_ERRORS: Record<string, Record<Locale, string>> = {
  'assessments.parts_invalid': {
    'zh-CN': '测评标准的组成部分设置有误（名称须唯一，达标分不能超过满分）',
    en: 'The framework parts are invalid (unique keys, a minimum within the full score)',
  },
  'assessments.scale_invalid': {
    'zh-CN': '状态等级设置有误（编号唯一，比例为0–100的整数）',
    en: 'The state scale is invalid (unique keys, whole percentages 0–100)',
  },
  'assessments.bands_invalid': {
    'zh-CN': '等次设置有误：分界分数须各不相同，且须有一个从0分起的等次',
    en: 'Grade bands need distinct bounds and one band starting at 0',
  },
  'assessments.node_code_duplicate': {
    'zh-CN': '指标编号“{code}”重复',
    en: 'Indicator code “{code}” is used twice',
  },
  'assessments.node_part': {
    'zh-CN': '指标“{code}”未归入任何组成部分',
    en: 'Indicator “{code}” belongs to no part',
  },
  'assessments.node_parent': {
    'zh-CN': '指标“{code}”的上级指标不存在',
    en: 'The parent of indicator “{code}” does not exist',
  },
  'assessments.node_weight': {
    'zh-CN': '指标“{code}”的权重须为正数，最多两位小数',
    en: 'The weight of “{code}” must be positive with at most two decimals',
  },
  'assessments.weight_precision': {
    'zh-CN': '分值最多保留两位小数',
    en: 'Points take at most two decimals',
  },
  'assessments.weight_sum': {
    'zh-CN': '指标“{code}”的权重须等于其下级指标权重之和',
    en: 'The weight of “{code}” must equal the sum of its children',
  },
  'assessments.part_total': {
    'zh-CN': '“{part}”各指标权重合计{sum}分，与满分{total}分不符',
    en: 'The weights in “{part}” add up to {sum}, not its full score {total}',
  },
  'assessments.aspects_invalid': {
    'zh-CN': '“{part}”须列出第三方评估的方面及其权重',
    en: '“{part}” needs its third-party aspects with weights',
  },
  'assessments.aspects_weighted': {
    'zh-CN': '“{part}”按第三方评估折算，其指标不能再设权重',
    en: '“{part}” is converted from the third-party evaluation; its indicators carry no weight',
  },
  'assessments.scoring_unit': {
    'zh-CN': '按测评内容计分时，权重须设在最末级的测评内容上',
    en: 'Scoring by content item needs the weights on the leaf items',
  },
  'assessments.state_invalid': {
    'zh-CN': '状态“{state}”不在本标准的评分等级中',
    en: 'State “{state}” is not on this framework’s scale',
  },
  'assessments.rating_invalid': {
    'zh-CN': '“{aspect}”的评估得分须为0–100的整数',
    en: 'The rating of “{aspect}” must be a whole number from 0 to 100',
  },
  'assessments.version_locked': {
    'zh-CN': '该版本已被测评轮次使用，不能再修改；请另存为新版本',
    en: 'This version is used by a round and cannot change; save a new version',
  },
  'assessments.framework_key_taken': {
    'zh-CN': '已有同一编号的测评标准',
    en: 'A framework with this key already exists',
  },
  'assessments.import_invalid': {
    'zh-CN': '导入文件第{row}行有误：{reason}',
    en: 'Row {row} of the file is invalid: {reason}',
  },
  'assessments.issuer_kind': {
    'zh-CN': '测评轮次只能由市、区（县）民政部门发起',
    en: 'A round is opened by a city or district civil-affairs bureau',
  },
  'assessments.communities_invalid': {
    'zh-CN': '参评单位须为发起单位下辖的社区（村）',
    en: 'The assessed units must be communities under the issuing unit',
  },
  'assessments.evaluator_invalid': {
    'zh-CN': '所选评估人员不是该地区的第三方评估机构账号',
    en: 'The chosen evaluator holds no evaluator role for this area',
  },
  'assessments.dates_order': {
    'zh-CN': '日程须依次为：自评截止、街道审核截止、第三方评估截止',
    en: 'The schedule must run: self-assessment, review, evaluation',
  },
  'assessments.round_not_open': {
    'zh-CN': '该测评轮次不在进行中',
    en: 'This round is not open',
  },
  'assessments.round_not_draft': {
    'zh-CN': '测评轮次已开始，不能再修改',
    en: 'The round has started and can no longer change',
  },
  'assessments.not_all_signed': {
    'zh-CN': '还有{count}个社区的评分未锁定签署，不能发布',
    en: '{count} sheets are not signed yet; the round cannot be published',
  },
  'assessments.invalid_action': {
    'zh-CN': '当前状态下不能进行此操作',
    en: 'This action is not possible in the current state',
  },
  'assessments.not_editable': {
    'zh-CN': '当前阶段不能修改这些评分',
    en: 'These scores cannot be changed at this stage',
  },
  'assessments.not_assigned': {
    'zh-CN': '您不是本社区指定的第三方评估人员',
    en: 'You are not the evaluator assigned to this community',
  },
  'assessments.reason_required': {
    'zh-CN': '修改已有评分须填写理由',
    en: 'Changing a score needs a reason',
  },
  'assessments.node_not_scored': {
    'zh-CN': '“{code}”不单独评分，只能填写佐证材料',
    en: '“{code}” is not scored on its own; add evidence only',
  },
  'assessments.node_unknown': {
    'zh-CN': '指标不属于本轮测评标准',
    en: 'The indicator is not part of this round’s framework',
  },
  'assessments.method_invalid': {
    'zh-CN': '数据采集方法不在规定的方法中',
    en: 'Unknown data-collection method',
  },
  'assessments.incomplete': {
    'zh-CN': '还有{count}项未评定状态',
    en: '{count} indicators have no state yet',
  },
  'assessments.projects_unrated': {
    'zh-CN': '“家门口”项目尚未全部完成第三方评估',
    en: 'Not every doorstep project has its third-party ratings',
  },
  'assessments.project_class_full': {
    'zh-CN': '“{category}”类别最多报送2个项目',
    en: 'At most two projects in class “{category}”',
  },
  'assessments.project_class_invalid': {
    'zh-CN': '项目类别不在标准规定的类别中',
    en: 'Unknown project class',
  },
  'assessments.file_required': {
    'zh-CN': '请选择要上传的图片或PDF文件（不超过10MB）',
    en: 'Choose an image or PDF file (10 MB at most)',
  },
  'assessments.file_type': {
    'zh-CN': '只能上传JPG、PNG、WebP图片或PDF文件',
    en: 'Only JPG, PNG, WebP images or PDF files',
  },
  'assessments.comment_required': {
    'zh-CN': '退回时请填写意见',
    en: 'Returning needs a comment',
  },
  'assessments.evidence_source': {
    'zh-CN': '该指标未配置这一类关联证据',
    en: 'This indicator does not take evidence from that source',
  },
  'assessments.evidence_unknown': {
    'zh-CN': '未找到这条记录：它不属于本社区或不在测评年度内',
    en: 'No such record for this community in the round’s year',
  },
  'assessments.font_missing': {
    'zh-CN': '服务器未安装中文字体，暂时无法生成PDF报告',
    en: 'No Chinese font is installed on the server; the PDF report cannot be made',
  },
};
