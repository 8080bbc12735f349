import type { Locale } from './errors';

/** Error messages of the imports module, merged into ERROR_MESSAGES. */
export const IMPORTS_ERRORS: Record<string, Record<Locale, string>> = {
  'imports.bad_file': {
    'zh-CN': '无法读取文件，请上传 .xlsx 或 .csv 文件',
    en: 'The file cannot be read; upload an .xlsx or .csv file',
  },
  'imports.no_rows': { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' },
  'imports.missing_columns': {
    'zh-CN': '缺少必需的列：{columns}',
    en: 'Required columns are missing: {columns}',
  },
  'imports.too_many_rows': { 'zh-CN': '一次最多导入 {max} 行', en: 'At most {max} rows per import' },
  'imports.has_errors': {
    'zh-CN': '文件中有错误行，请修正后重新上传',
    en: 'Fix the rows with errors and upload again',
  },
  'imports.state': {
    'zh-CN': '该导入任务当前状态不允许此操作',
    en: 'The import is not in a state that allows this',
  },
  'imports.no_file': {
    'zh-CN': '请选择要上传的 .xlsx 或 .csv 文件',
    en: 'Choose an .xlsx or .csv file to upload',
  },
  'imports.legacy_xls': {
    'zh-CN': '不支持旧版 .xls 格式，请在 Excel 中另存为 .xlsx 后再上传',
    en: 'Old .xls files are not supported; save the file as .xlsx in Excel and upload it again',
  },
  'imports.encoding': {
    'zh-CN': '无法识别 CSV 文件的编码（支持 UTF-8、GBK 和 Unicode 文本），请在 Excel 中另存为 .xlsx 后再上传',
    en: "The CSV file's encoding is not recognised (UTF-8, GBK and Unicode text are); save it as .xlsx and upload again",
  },
  'imports.bad_csv': {
    'zh-CN': 'CSV 文件第 {row} 行的引号没有闭合，文件可能不完整',
    en: 'Row {row} of the CSV file has an unclosed quote; the file may be incomplete',
  },
  'imports.corrupt': {
    'zh-CN': '文件已损坏或不完整，无法读取，请在 Excel 中重新保存后上传',
    en: 'The file is damaged or incomplete and cannot be read; save it again in Excel and upload it',
  },
  'imports.unit_kind': {
    'zh-CN': '导入的目标须为社区、网格、小区或楼栋',
    en: 'Import into a community, grid, compound or building',
  },
  'imports.interrupted': {
    'zh-CN': '导入因服务重启而中断，未导入任何数据，请重新上传',
    en: 'The import was interrupted by a server restart; nothing was imported, please upload again',
  },
  'imports.expired': {
    'zh-CN': '该导入预览超过 7 天未确认，已作废，请重新上传',
    en: 'This import was not committed within 7 days and has expired; upload it again',
  },
  'imports.stale_units': {
    'zh-CN': '校验后楼栋或目标组织发生了变化，请重新上传',
    en: 'Buildings or the target unit changed after validation; upload the file again',
  },
  'imports.required': { 'zh-CN': '必填', en: 'Required' },
  'imports.too_long': { 'zh-CN': '不能超过 {max} 个字符', en: 'At most {max} characters' },
  'imports.bad_value': { 'zh-CN': '无法识别的取值“{value}”', en: 'Unrecognised value "{value}"' },
  'imports.bad_date': {
    'zh-CN': '无法识别的日期“{value}”，请写成 1956-03-14 的格式',
    en: 'Unrecognised date "{value}"; write it as 1956-03-14',
  },
  'imports.gender_mismatch': {
    'zh-CN': '性别与身份证号码不一致',
    en: 'The gender does not match the ID number',
  },
  'imports.gender_required': {
    'zh-CN': '没有身份证号码时必须填写性别',
    en: 'Gender is required when there is no ID number',
  },
  'imports.duplicate_in_file': {
    'zh-CN': '与文件第 {row} 行的身份证号码重复',
    en: 'Same ID number as row {row} of the file',
  },
  'imports.id_number_as_number': {
    'zh-CN': '身份证号码被 Excel 存成了数字，末几位已丢失；请把该列设为“文本”格式后重新填写',
    en: 'Excel stored the ID number as a number and lost its last digits; format the column as Text and enter it again',
  },
  'imports.building_unknown': {
    'zh-CN': '所选组织下没有名为“{value}”的楼栋',
    en: 'There is no building "{value}" under the chosen unit',
  },
  'imports.building_ambiguous': {
    'zh-CN': '有多个楼栋名为“{value}”，请写成“小区名+楼栋名”',
    en: 'Several buildings are named "{value}"; prefix the compound name',
  },
  'imports.tag_unknown': { 'zh-CN': '无法识别的特殊群体“{value}”', en: 'Unknown special group "{value}"' },
};
