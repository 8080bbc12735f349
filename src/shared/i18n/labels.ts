import type { Locale } from './errors';

/** Labels shared by the API (exports, import templates) and the web app. */
export const LABELS: Record<string, Record<Locale, string>> = {
  name: { 'zh-CN': '姓名', en: 'Name' },
  gender: { 'zh-CN': '性别', en: 'Gender' },
  birthDate: { 'zh-CN': '出生日期', en: 'Birth date' },
  idNumber: { 'zh-CN': '身份证号', en: 'ID number' },
  phone: { 'zh-CN': '手机号', en: 'Phone' },
  address: { 'zh-CN': '住址', en: 'Address' },
  community: { 'zh-CN': '社区', en: 'Community' },
  unit: { 'zh-CN': '所属单元', en: 'Unit' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
  room: { 'zh-CN': '房号', en: 'Room' },
  registrationStatus: { 'zh-CN': '户籍状态', en: 'Registration' },
  tags: { 'zh-CN': '特殊群体', en: 'Special groups' },
  notes: { 'zh-CN': '备注', en: 'Notes' },
  male: { 'zh-CN': '男', en: 'Male' },
  female: { 'zh-CN': '女', en: 'Female' },
  registered: { 'zh-CN': '户籍', en: 'Registered' },
  permanent: { 'zh-CN': '常住', en: 'Permanent' },
  migrant: { 'zh-CN': '流动', en: 'Migrant' },
  living_alone: { 'zh-CN': '独居', en: 'Living alone' },
  empty_nest: { 'zh-CN': '空巢', en: 'Empty nest' },
  left_behind: { 'zh-CN': '留守', en: 'Left behind' },
  disabled: { 'zh-CN': '失能', en: 'Disabled' },
  severely_disabled: { 'zh-CN': '重残', en: 'Severely disabled' },
  low_income: { 'zh-CN': '困难', en: 'Low income' },
  // org unit attributes
  serviceCentre: { 'zh-CN': '党群服务中心', en: 'Service centre' },
  urbanVillage: { 'zh-CN': '城中村', en: 'Urban village' },
  distanceToCentreM: { 'zh-CN': '距服务中心（米）', en: 'Distance to centre (m)' },
  hasSubStation: { 'zh-CN': '设有服务分站', en: 'Has a sub-station' },
  subStationStaff: { 'zh-CN': '分站工作人员', en: 'Sub-station staff' },
  elderlyCareFacilities: { 'zh-CN': '养老服务设施', en: 'Elderly-care facilities' },
  floors: { 'zh-CN': '楼层数', en: 'Floors' },
  unitsPerFloor: { 'zh-CN': '每层户数', en: 'Homes per floor' },
  demonstration: { 'zh-CN': '示范社区', en: 'Demonstration community' },
  demonstrationSince: { 'zh-CN': '示范起始年份', en: 'Demonstration since' },
  functionalArea: { 'zh-CN': '功能区', en: 'Functional area' },
  migrantWelfareOrgs: { 'zh-CN': '含务工人员的公益组织', en: 'Welfare orgs with migrant members' },
  'uv.title': { 'zh-CN': '城中村标准达标情况', en: 'Urban villages against the standards' },
  'uv.rules': {
    'zh-CN':
      '距党群服务中心1000米以上（含1000米，按设施坐标计算）设服务分站（1–2人）；按常住人口每5000人1处、至少1处养老服务设施；2个以上含务工人员的公益社会组织',
    en: 'Sub-station (1–2 staff) at 1,000 m or more from the centre (computed from facility coordinates); elderly care by population (one per 5,000, at least one); ≥2 welfare orgs with migrant members',
  },
  'uv.flags': { 'zh-CN': '问题', en: 'Issues' },
  'uv.ok': { 'zh-CN': '达标', en: 'Meets all' },
  'uv.empty': {
    'zh-CN': '辖区内没有标注为城中村的社区',
    en: 'No community in your scope is marked as an urban village',
  },
  'uv.no_centre': { 'zh-CN': '未登记党群服务中心', en: 'No service centre registered' },
  'uv.sub_station_missing': { 'zh-CN': '缺服务分站', en: 'No sub-station' },
  'uv.sub_station_staffing': { 'zh-CN': '分站人员不符', en: 'Sub-station staffing' },
  'uv.no_elderly_care': { 'zh-CN': '缺养老设施', en: 'No elderly care' },
  'uv.few_migrant_welfare_orgs': { 'zh-CN': '公益组织不足', en: 'Too few welfare orgs' },
  'wo_status.submitted': { 'zh-CN': '待派单', en: 'awaiting dispatch' },
  'wo_status.dispatched': { 'zh-CN': '待签收', en: 'awaiting acceptance' },
  'wo_status.in_progress': { 'zh-CN': '办理中', en: 'in progress' },
  'wo_status.return_requested': { 'zh-CN': '退单审核中', en: 'return under review' },
  'wo_status.extension_pending': { 'zh-CN': '延期审批中', en: 'extension pending' },
  'wo_status.replied': { 'zh-CN': '待回访', en: 'awaiting follow-up' },
  'wo_status.closed': { 'zh-CN': '已办结', en: 'closed' },
  'wo_status.cancelled': { 'zh-CN': '已撤销', en: 'cancelled' },
  'wo_status.duplicate': { 'zh-CN': '重复件', en: 'duplicate' },
  'wo_status.diverted': { 'zh-CN': '已转办', en: 'diverted' },
  yes: { 'zh-CN': '是', en: 'Yes' },
  no: { 'zh-CN': '否', en: 'No' },
};

export const label = (key: string, locale: Locale) => LABELS[key]?.[locale] ?? key;

/** The masked form of a resident's special-group tags (R-LAW-PI-1): how many, never which, e.g. 特殊群体（2）. */
export const specialGroupsMasked = (count: number, locale: Locale) =>
  locale === 'en' ? `${label('tags', locale)} (${count})` : `${label('tags', locale)}（${count}）`;
