import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { socialOrgs, workers } from '../../server/modules/people/people.table';
import {
  actOnProposal,
  addContractItem,
  addMember,
  createContract,
  createFund,
  createIncubation,
  createLink,
  createOrg,
  createProposal,
  createRound,
  createStation,
  postWorker,
  recordFlow,
  scoreProposal,
  updateOrg,
} from '../../server/modules/social-orgs/socialOrgs.usecases';
import { updateSocialOrg } from '../../server/modules/people/people.api';
import type { AppDeps } from '../../server/platform/context';
import { chinaDate } from '../../shared/chinaTime';
import type { SoCategory } from '../../shared/contracts/socialOrgs';
import { usccCheckChar } from '../../shared/validation/codes';
import { demoUserCtx, xinxialuCommunities } from './seedContext';

type Tier = 'district_base' | 'subdistrict_federation' | 'community_studio';
type Stage = 'applied' | 'incubating' | 'graduated';

/**
 * Two dozen social organisations across 新下陆街道's communities (seed 003: 三级孵化, 公益创投, 社区基金;
 * seed 004: 自治协商/矛盾调处/公益服务/兴趣活动 classes; seed 002: migrant-worker members): [community,
 * name, class, registered?, migrant members, incubation tier and stage].
 */
const ORGS: [string, string, SoCategory, boolean, number, Tier | null, Stage | null][] = [
  ['铜都社区', '铜都社区红色议事会', 'self_governance', false, 0, 'community_studio', 'graduated'],
  ['铜都社区', '铜都邻里守望互助队', 'mutual_aid', false, 3, 'community_studio', 'incubating'],
  ['铜都社区', '铜都银龄志愿服务队', 'public_welfare', true, 1, 'subdistrict_federation', 'graduated'],
  ['西花苑社区', '西花苑和事佬调解室', 'mediation', false, 0, 'community_studio', 'graduated'],
  ['西花苑社区', '西花苑书画社', 'interest', false, 0, null, null],
  ['孔雀苑社区', '孔雀苑四点半课堂', 'public_welfare', false, 2, 'community_studio', 'incubating'],
  ['孔雀苑社区', '孔雀苑广场舞队', 'interest', false, 0, null, null],
  ['铜花社区', '铜花社区居民议事会', 'self_governance', false, 0, null, null],
  ['铜花社区', '铜花助餐服务社', 'service', false, 1, 'subdistrict_federation', 'incubating'],
  ['新星社区', '新星邻里调解委员会', 'mediation', false, 0, 'community_studio', 'applied'],
  ['新星社区', '新星环保志愿队', 'public_welfare', false, 0, null, null],
  ['陆家铺社区', '陆家铺新市民互助会', 'mutual_aid', false, 6, 'community_studio', 'incubating'],
  ['陆家铺社区', '陆家铺房东联合会', 'self_governance', false, 0, 'community_studio', 'graduated'],
  ['陆家铺社区', '陆家铺外来务工者服务站', 'public_welfare', true, 8, 'district_base', 'graduated'],
  ['神牛社区', '神牛太极拳协会', 'interest', false, 0, null, null],
  ['神牛社区', '神牛爱心帮扶队', 'public_welfare', false, 1, 'community_studio', 'incubating'],
  ['胜利社区', '胜利老年协会', 'service', true, 0, null, null],
  ['康宁社区', '康宁心理关爱小组', 'public_welfare', false, 0, 'subdistrict_federation', 'applied'],
  ['大塘社区', '大塘乡贤理事会', 'self_governance', false, 0, 'community_studio', 'incubating'],
  ['大塘社区', '大塘邻里帮帮团', 'public_welfare', false, 2, 'community_studio', 'applied'],
  ['团结社区', '团结楼栋长联谊会', 'self_governance', false, 0, null, null],
  ['友谊社区', '友谊读书会', 'interest', false, 0, null, null],
  ['友谊社区', '友谊助残服务队', 'public_welfare', false, 1, 'community_studio', 'graduated'],
  ['新下陆街道', '下陆区阳光社会工作服务中心', 'social_work_agency', true, 0, 'district_base', 'graduated'],
];

const BASES: Record<Tier, (community: string) => string> = {
  district_base: () => '下陆区社会组织培育基地',
  subdistrict_federation: () => '新下陆街道社会组织联合会',
  community_studio: (c) => `${c.replace('社区', '')}社区社会组织工作室`,
};
const MENTORS = ['陈晓燕', '刘建华', '周敏', '黄志强'];
const GIVEN = ['秀英', '建国', '桂兰', '志刚', '丽华', '国强', '春梅', '小军', '海燕', '德明'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '吴', '周', '徐'];

/**
 * Demo social organisations (issue 16 §2): two dozen organisations across the Xinxialu communities with
 * members (migrant workers among them), incubation records on the three tiers, the subdistrict's 社工站 and
 * two 社工室, a 公益创投 round with proposals (scored, granted, one reported), 铜都's community fund with
 * donations and a disbursement, a purchased-service contract and 五社联动 links. 陆家铺 meets R-ORG-6
 * (≥ 2 public-welfare organisations with migrant members); 大塘 is flagged.
 */
export async function seedDemoSocialOrgs(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, clock } = deps;
  const ctxOf = (username: string) => demoUserCtx(deps, username);
  const sdCtx = await ctxOf('liukt');
  if (!sdCtx) return;
  const demo = await xinxialuCommunities(db);
  if (!demo) return;
  const { sd, communities: units } = demo;
  const unitOf = (name: string) => (name === sd.name ? sd : units.find((u) => u.name === name));

  // The base demo's random organisations in the urban villages: 大塘's are recorded without migrant members
  // (so the village is flagged), 陆家铺's keep theirs.
  const dt = unitOf('大塘社区');
  if (dt)
    for (const o of await db
      .select()
      .from(socialOrgs)
      .where(like(socialOrgs.orgPath, `${dt.path}%`)))
      await updateSocialOrg(sdCtx, o.id, { migrantMembers: false });

  // The base demo's organisations get the class their field names (seed 004's four classes, seed 003's service
  // and mutual aid).
  const FIELD_CLASS: Record<string, SoCategory> = {
    志愿服务队: 'public_welfare',
    文体队: 'interest',
    老年协会: 'service',
    调解委员会: 'mediation',
    邻里互助会: 'mutual_aid',
    读书会: 'interest',
  };
  for (const o of await db
    .select()
    .from(socialOrgs)
    .where(like(socialOrgs.orgPath, `${sd.path}%`))) {
    const category = FIELD_CLASS[o.field];
    if (category) await updateOrg(sdCtx, o.id, { category });
  }

  const year = Number(chinaDate(clock.now()).slice(0, 4));
  const day = (m: number, d: number) => `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const created = new Map<string, string>();
  let i = 0;
  for (const [community, name, category, registered, migrants, tier, stage] of ORGS) {
    const unit = unitOf(community);
    if (!unit) continue;
    i++;
    const first17 = `52420204MJ${String(7000000 + i).slice(-7)}`;
    const o = await createOrg(sdCtx, {
      name,
      uscc: registered ? first17 + usccCheckChar(first17) : null,
      registration: registered ? 'registered' : 'filed',
      category,
      founderGroup: name.includes('房东')
        ? 'landlords'
        : name.includes('乡贤')
          ? 'gentry'
          : name.includes('邻里')
            ? 'neighbours'
            : null,
      contactName: `${SURNAMES[i % 10]}${GIVEN[(i * 3) % 10]}`,
      orgUnitId: unit.id,
    });
    created.set(name, o.id);
    const total = 6 + ((i * 7) % 9);
    for (let m = 0; m < total; m++)
      await addMember(sdCtx, o.id, {
        name: `${SURNAMES[(i + m) % 10]}${GIVEN[(i * 2 + m) % 10]}`,
        migrant: m < migrants,
        role: m === 0 ? '负责人' : m === 1 ? '联络员' : null,
        joinedOn: day(1 + (m % 9), 1 + ((i + m) % 27)),
      });
    if (tier && stage)
      await createIncubation(sdCtx, {
        orgId: o.id,
        tier,
        stage,
        baseName: BASES[tier](community),
        mentor: MENTORS[i % MENTORS.length]!,
        startedOn: `${year - 1}-${String(3 + (i % 9)).padStart(2, '0')}-01`,
        endedOn: stage === 'graduated' ? day(6, 30) : null,
        outcome: stage === 'graduated' ? '完成孵化，规范运行，定期开展服务' : null,
      });
  }
  const agency = created.get('下陆区阳光社会工作服务中心');

  // 社工站 (subdistrict) and 社工室 (two communities), with the qualified workers of the base demo.
  const qualified = await db
    .select({ id: workers.id, orgPath: workers.orgPath })
    .from(workers)
    .where(and(like(workers.orgPath, `${sd.path}%`), eq(workers.active, true)))
    .orderBy(asc(workers.name))
    .limit(400);
  const withQual = await db
    .select({ id: workers.id, orgPath: workers.orgPath, q: workers.qualifications })
    .from(workers)
    .where(
      inArray(
        workers.id,
        qualified.map((w) => w.id),
      ),
    );
  const station = await createStation(sdCtx, {
    orgUnitId: sd.id,
    name: '新下陆街道社工站',
    address: '新下陆大道88号党群服务中心二楼',
    operatorOrgId: agency ?? null,
    openedOn: `${year - 1}-05-18`,
  });
  for (const w of withQual.filter((x) => x.q.length > 0).slice(0, 3))
    await postWorker(sdCtx, station.id, w.id, true);
  for (const name of ['铜都社区', '陆家铺社区']) {
    const u = unitOf(name);
    if (!u) continue;
    const room = await createStation(sdCtx, {
      orgUnitId: u.id,
      name: `${name}社工室`,
      address: null,
      operatorOrgId: agency ?? null,
      openedOn: `${year - 1}-09-01`,
    });
    for (const w of withQual.filter((x) => x.orgPath.startsWith(u.path)).slice(0, 2))
      await postWorker(sdCtx, room.id, w.id, true);
  }

  // 公益创投: the subdistrict's round of the year; five proposals, scored; three granted, one reported.
  const round = await createRound(sdCtx, {
    orgUnitId: sd.id,
    title: `${year}年新下陆街道社区公益创投`,
    year,
    budgetFen: 30_000_000,
    opensOn: day(1, 1),
    closesOn: day(12, 31),
    description: '围绕一老一小、外来务工人员融入、邻里互助和矛盾化解，资助社区社会组织开展公益服务项目。',
  });
  const civil = await ctxOf('civil');
  const proposals: [string, string, string, number, 'grant' | 'report' | 'wait' | 'reject'][] = [
    [
      '陆家铺外来务工者服务站',
      '新市民融入“家门口”服务',
      '为城中村外来务工人员提供政策咨询、子女托管和技能培训。',
      8_000_000,
      'report',
    ],
    [
      '孔雀苑四点半课堂',
      '四点半课堂暖心托管',
      '放学后为双职工家庭子女提供课业辅导和安全看护。',
      5_000_000,
      'grant',
    ],
    ['铜都银龄志愿服务队', '银龄助餐送餐', '为独居、空巢老人每周送餐三次并开展探访。', 6_000_000, 'grant'],
    ['西花苑和事佬调解室', '楼道矛盾早调解', '组织和事佬骨干开展楼栋矛盾排查和调解。', 3_000_000, 'wait'],
    ['孔雀苑广场舞队', '广场舞比赛', '举办社区广场舞比赛。', 2_000_000, 'reject'],
  ];
  for (const [orgName, title, summary, fen, outcome] of proposals) {
    const orgId = created.get(orgName);
    if (!orgId) continue;
    let p = await createProposal(sdCtx, { roundId: round.id, orgId, title, summary, requestedFen: fen });
    if (outcome === 'wait') continue;
    p = await scoreProposal(sdCtx, p.id, {
      score: outcome === 'reject' ? 58 : 82 + (fen % 7),
      comment: outcome === 'reject' ? '公益性不足' : '需求明确，方案可行',
    });
    if (civil)
      p = await scoreProposal(civil, p.id, { score: outcome === 'reject' ? 61 : 85, comment: null }).catch(
        () => p,
      );
    if (outcome === 'reject') {
      await actOnProposal(sdCtx, p.id, {
        action: 'reject',
        version: p.version,
        comment: '属兴趣活动，建议申请文体活动经费',
        reportText: null,
      });
      continue;
    }
    p = await actOnProposal(sdCtx, p.id, {
      action: 'approve',
      version: p.version,
      grantFen: Math.round((fen * 0.8) / 100) * 100,
      comment: null,
      reportText: null,
    });
    if (outcome === 'report')
      await actOnProposal(sdCtx, p.id, {
        action: 'report',
        version: p.version,
        comment: null,
        reportText: '开展政策咨询12场、技能培训6期，服务外来务工人员860人次，子女托管42人。',
      });
  }

  const ljpUnit = unitOf('陆家铺社区');
  // 社区基金: 铜都社区's fund with donations and one disbursement, on the ledger.
  const tongdu = unitOf('铜都社区');
  if (tongdu) {
    const fund = await createFund(sdCtx, {
      orgUnitId: tongdu.id,
      name: '铜都社区邻里基金',
      purpose: '困难家庭帮扶、独居老人关爱和社区公益项目',
    });
    const flows: [string, 'donation' | 'disbursement', number, string, boolean, string | null][] = [
      [day(1, 8), 'donation', 2_000_000, '大冶有色金属集团控股有限公司', false, '企业捐赠'],
      [day(2, 14), 'donation', 300_000, '铜都社区党员', false, '党员“微心愿”认捐'],
      [day(3, 5), 'donation', 50_000, '居民', true, null],
      [day(4, 20), 'disbursement', 600_000, '铜都社区困难家庭（12户）', false, '困难家庭帮扶'],
      [day(6, 1), 'donation', 120_000, '铜都社区商户联盟', false, '六一儿童节'],
    ];
    for (const [occurredOn, kind, amountFen, party, anonymous, purpose] of flows)
      await recordFlow(sdCtx, fund.id, { occurredOn, kind, amountFen, party, anonymous, purpose });
  }

  // 政府购买服务: the subdistrict buys social-work services from the agency.
  if (agency) {
    const c = await createContract(sdCtx, {
      orgUnitId: sd.id,
      title: `${year}年新下陆街道社工站运营服务`,
      buyer: '新下陆街道办事处',
      providerOrgId: agency,
      amountFen: 36_000_000,
      startOn: day(1, 1),
      endOn: day(12, 31),
      // seed 002 三.15 (S002-34): a purchase of services for the special groups it serves
      fundingMode: 'purchase',
      targetGroups: ['living_alone', 'empty_nest', 'disabled'],
      beneficiaries: 420,
    });
    await addContractItem(sdCtx, c.id, {
      kind: 'deliverable',
      title: '一季度服务报告',
      dueOn: day(3, 31),
      doneOn: day(4, 2),
      amountFen: null,
      note: null,
    });
    await addContractItem(sdCtx, c.id, {
      kind: 'deliverable',
      title: '孵化社区社会组织不少于6家',
      dueOn: day(12, 31),
      doneOn: null,
      amountFen: null,
      note: null,
    });
    await addContractItem(sdCtx, c.id, {
      kind: 'payment',
      title: '首期款（40%）',
      dueOn: day(2, 28),
      doneOn: day(3, 2),
      amountFen: 14_400_000,
      note: null,
    });
    await addContractItem(sdCtx, c.id, {
      kind: 'payment',
      title: '中期款（30%）',
      dueOn: day(7, 31),
      doneOn: null,
      amountFen: 10_800_000,
      note: null,
    });
    await updateOrg(sdCtx, agency, { field: '社会工作服务' });
  }
  // Seed 002 二.7 (S002-14) 项目委托 and 以奖代补, each serving special groups (S002-34)
  const migrantStation = created.get('陆家铺外来务工者服务站');
  if (ljpUnit && migrantStation)
    await createContract(sdCtx, {
      orgUnitId: ljpUnit.id,
      title: `${year}年陆家铺社区留守儿童“四点半课堂”`,
      buyer: '新下陆街道办事处',
      providerOrgId: migrantStation,
      amountFen: 4_800_000,
      startOn: day(3, 1),
      endOn: day(12, 31),
      fundingMode: 'entrustment',
      targetGroups: ['left_behind'],
      beneficiaries: 65,
    });
  const silver = created.get('铜都银龄志愿服务队');
  if (tongdu && silver)
    await createContract(sdCtx, {
      orgUnitId: tongdu.id,
      title: `${year}年铜都社区独居空巢老人结对关爱`,
      buyer: '新下陆街道办事处',
      providerOrgId: silver,
      amountFen: 1_500_000,
      startOn: day(1, 1),
      endOn: day(12, 31),
      fundingMode: 'award_subsidy',
      targetGroups: ['living_alone', 'empty_nest'],
      beneficiaries: 38,
    });

  // 五社联动: a case and a project in 铜都 and 陆家铺.
  if (tongdu)
    await createLink(sdCtx, {
      orgUnitId: tongdu.id,
      subjectKind: 'case',
      subject: '独居老人刘某居家照护',
      socialOrgId: created.get('铜都银龄志愿服务队') ?? null,
      socialWorkerId: withQual.find((w) => w.orgPath.startsWith(tongdu.path))?.id ?? null,
      volunteer: '铜都社区志愿服务队',
      charityResource: '铜都社区邻里基金',
      note: '每周探访两次，送餐三次',
    });
  if (ljpUnit)
    await createLink(sdCtx, {
      orgUnitId: ljpUnit.id,
      subjectKind: 'project',
      subject: '新市民融入“家门口”服务',
      socialOrgId: created.get('陆家铺外来务工者服务站') ?? null,
      socialWorkerId: null,
      volunteer: '湖北师范大学青年志愿者',
      charityResource: '下陆区慈善会',
      note: null,
    });
  opts.log(`social organisations: ${created.size} organisations, a 公益创投 round, a community fund`);
}
