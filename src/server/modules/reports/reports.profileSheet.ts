import type { FacilityCategory } from '../../../shared/contracts/facilities';
import type { UrbanVillageProfileDto, UrbanVillageProfileFlag } from '../../../shared/contracts/reports';
import type { Locale } from '../../../shared/i18n/errors';
import { newWorkbook } from '../../platform/workbook';

type Text = Record<Locale, string>;

const FLAG: Record<UrbanVillageProfileFlag, Text> = {
  no_centre: { 'zh-CN': '未登记党群服务中心', en: 'No service centre registered' },
  sub_station_missing: { 'zh-CN': '缺服务分站', en: 'No sub-station' },
  sub_station_staffing: { 'zh-CN': '分站人员不符（应为1–2人）', en: 'Sub-station not staffed by 1–2' },
  no_elderly_care: { 'zh-CN': '养老服务设施不足', en: 'Too few elderly-care facilities' },
  few_migrant_welfare_orgs: {
    'zh-CN': '含务工人员的公益组织不足',
    en: 'Too few welfare orgs with migrant members',
  },
  no_location: { 'zh-CN': '未标注社区位置', en: 'Community not located on the map' },
  life_circle_gaps: { 'zh-CN': '生活圈有缺项', en: 'Life-circle gaps' },
  staffing_short: { 'zh-CN': '社区工作者配备不足', en: 'Too few community workers' },
  staffing_over: { 'zh-CN': '社区工作者超出上限', en: 'Community workers above the ceiling' },
  vacancy_overdue: { 'zh-CN': '职位空缺超过30天', en: 'A post vacant over 30 days' },
};

const CATEGORY: Record<FacilityCategory, Text> = {
  education: { 'zh-CN': '教育', en: 'Education' },
  medical: { 'zh-CN': '医疗', en: 'Medical' },
  elderly_care: { 'zh-CN': '养老', en: 'Elderly care' },
  childcare: { 'zh-CN': '托育', en: 'Childcare' },
  sports: { 'zh-CN': '体育健身', en: 'Sports' },
  culture: { 'zh-CN': '文化服务', en: 'Culture' },
  transport_logistics: { 'zh-CN': '交通物流', en: 'Transport & logistics' },
  commerce: { 'zh-CN': '商业服务', en: 'Commerce' },
  property_service: { 'zh-CN': '物业服务', en: 'Property service' },
  smart_security: { 'zh-CN': '智慧安防', en: 'Smart security' },
  grassroots_governance: { 'zh-CN': '基层治理', en: 'Grassroots governance' },
};

type Cell = string | number | null;

/**
 * The governance file as one sheet of label/value sections (section titles in bold), the last six months as
 * a small table of one column per month; in the reader's language.
 */
export async function urbanVillageProfileWorkbook(
  p: UrbanVillageProfileDto,
  locale: Locale,
): Promise<Buffer> {
  const en = locale === 'en';
  const yes = (b: boolean) => (en ? (b ? 'Yes' : 'No') : b ? '是' : '否');
  const list = (items: string[]) => items.join(en ? ', ' : '、') || '—';
  const wb = newWorkbook();
  const ws = wb.addWorksheet(en ? 'Governance file' : '城中村治理档案');
  ws.columns = [{ width: 34 }, ...Array.from({ length: p.months.length }, () => ({ width: 14 }))];
  const section = (title: string) => {
    if (ws.rowCount > 0) ws.addRow([]);
    ws.addRow([title]).font = { bold: true };
  };
  const row = (label: string, ...values: Cell[]) => ws.addRow([label, ...values.map((v) => v ?? '—')]);

  ws.addRow([
    en ? `Urban village governance file: ${p.communityName}` : `${p.communityName}城中村治理档案`,
  ]).font = {
    bold: true,
    size: 14,
  };
  row(en ? 'Subdistrict' : '街道', p.subdistrictName);
  row(en ? 'Community' : '社区', p.communityName);
  row(en ? 'As of' : '建档日期', p.asOf);

  section(en ? 'Population' : '人口');
  row(en ? 'Registered (hukou)' : '户籍人口', p.population.registered);
  row(en ? 'Permanent, not registered' : '常住（非户籍）人口', p.population.permanent);
  row(en ? 'Permanent residents' : '常住人口', p.population.permanentResidents);
  row(en ? 'Migrants' : '流动人口', p.population.migrant);
  row(en ? 'Total' : '合计', p.population.total);

  const s = p.staffing;
  section(en ? 'Community workers' : '社区工作者配备');
  row(en ? 'Community workers (grid workers incl.)' : '社区工作者（含网格员）', s.communityWorkers);
  row(en ? 'of whom grid workers' : '其中网格员', s.gridWorkers);
  row(en ? 'of whom social workers (qualified)' : '其中社会工作师', s.socialWorkerQualified);
  row(
    en ? 'of whom assistant social workers (qualified)' : '其中助理社会工作师',
    s.assistantSocialWorkerQualified,
  );
  row(en ? 'Per 10,000 permanent residents' : '每万名常住人口配备', s.workersPer10k);
  row(en ? 'Required (18 per 10,000)' : '应配人数（每万人18名）', s.required);
  row(en ? 'Shortfall' : '缺口', s.shortfall);
  row(en ? 'Ceiling (3 per 1,000)' : '上限人数（每千人3名）', s.maxAllowed);
  row(en ? 'Over ceiling' : '超出上限', s.excess);
  row(en ? 'Grids' : '网格数', s.grids);
  row(en ? 'Open grid-worker posts' : '待补网格员岗位', list(s.openGrids));

  const f = p.facilities;
  section(en ? 'Facilities' : '设施覆盖');
  row(en ? 'Party-mass service centre' : '党群服务中心', f.centreName);
  row(en ? 'Distance to the centre (m)' : '距党群服务中心（米）', f.distanceToCentreM);
  row(
    en
      ? `Sub-station needed (${f.subStationDistanceM} m or more)`
      : `需设服务分站（${f.subStationDistanceM}米以上）`,
    yes(f.needsSubStation),
  );
  row(
    en ? 'Sub-stations (staff)' : '服务分站（工作人员）',
    list(f.subStations.map((x) => (en ? `${x.name} (${x.staffCount})` : `${x.name}（${x.staffCount}人）`))),
  );
  row(en ? 'Elderly-care facilities' : '养老服务设施（处）', f.elderlyCareFacilities);
  row(en ? 'Elderly-care facilities required' : '应有养老服务设施（处）', f.elderlyCareRequired);
  row(
    en ? `Life circle (${f.lifeCircleRadiusM} m): missing` : `生活圈（${f.lifeCircleRadiusM}米内）缺项`,
    f.located ? list(f.lifeCircleMissing.map((c) => CATEGORY[c][locale])) : null,
  );

  section(en ? 'Welfare organisations with migrant members' : '含务工人员的公益社会组织');
  row(
    en ? `Count (target ${p.welfareOrgs.target})` : `数量（目标${p.welfareOrgs.target}个）`,
    p.welfareOrgs.count,
  );
  for (const o of p.welfareOrgs.orgs)
    row(o.name, en ? `${o.field}, ${o.memberCount} members` : `${o.field}，成员${o.memberCount}人`);

  const g = p.selfGovernance;
  section(en ? 'Self-governance' : '自治组织');
  row(en ? 'Party committee' : '党组织', yes(g.hasPartyCommittee));
  row(en ? "Residents' / villagers' committee" : '居（村）民委员会', yes(g.hasCommittee));
  row(en ? 'Affairs-supervision committee' : '居（村）务监督委员会', yes(g.hasSupervisionCommittee));
  row(en ? 'Bodies' : '组织数', g.bodies);
  row(en ? 'Posts' : '职位数', g.positions);
  row(en ? 'Vacant posts' : '空缺职位', g.openVacancies);
  row(en ? 'of which vacant over 30 days' : '其中空缺超过30天', g.overdueVacancies);
  row(en ? 'Last election' : '最近一次选举', g.lastElection);

  section(en ? 'Last six months' : '近六个月');
  ws.addRow([en ? 'Month' : '月份', ...p.months.map((m) => m.month)]).font = { bold: true };
  const monthly = (label: string, pick: (m: UrbanVillageProfileDto['months'][number]) => number | null) =>
    row(label, ...p.months.map(pick));
  monthly(en ? 'Requests received' : '受理诉求（件）', (m) => m.workOrdersReceived);
  monthly(en ? 'Requests closed' : '办结诉求（件）', (m) => m.workOrdersClosed);
  monthly(en ? 'Closed on time (%)' : '按时办结率（%）', (m) => m.workOrdersOnTimeRate);
  monthly(en ? 'Disputes mediated' : '调解成功矛盾纠纷（件）', (m) => m.disputesMediated);
  monthly(en ? 'Volunteer hours' : '志愿服务时长（小时）', (m) => m.volunteerHours);
  monthly(en ? 'Service orders completed' : '完成服务订单（单）', (m) => m.serviceOrdersCompleted);

  section(en ? 'Issues' : '问题标注');
  if (p.flags.length === 0) row(en ? 'Meets all' : '全部达标');
  for (const flag of p.flags) row(FLAG[flag][locale]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
