import type { FrameworkConfig } from '../../../shared/contracts/assessmentScoring';
import { PROJECT_CLASSES } from '../../../shared/contracts/assessments';

/** A framework as data, before it is stored: a tree of any depth (areas → indicators → content items). */
export interface NodeDef {
  code: string;
  name: string;
  /** Points, or none for an unweighted node (an area, a checklist item). */
  weight?: number;
  /** Only on top-level nodes; children inherit it. */
  part?: string;
  /** Evidence sources (platform/evidence.ts keys) whose records bear on this node: configuration, not code. */
  evidence?: string[];
  children?: NodeDef[];
}

export interface FrameworkDef {
  key: string;
  name: string;
  source: string;
  /** Notes shown with the framework (e.g. how the counts held differ from the text's own). */
  note: string;
  config: FrameworkConfig;
  nodes: NodeDef[];
}

/** Content items (三级指标 / 测评内容) as unweighted leaves, coded `<indicator>.<n>`. */
const items = (code: string, texts: string[]): NodeDef[] =>
  texts.map((name, i) => ({ code: `${code}.${i + 1}`, name }));

/**
 * 舟山市“美丽群岛 幸福社区”建设测评标准 (舟政发〔2017〕26号, 附件2), verbatim from seed 004 (R-AS-1…4).
 * Part one (一类指标, 60): Ⅰ-1…Ⅰ-4 with Ⅱ-1…Ⅱ-10 weighted 3, 3, 4, 8, 7, 6, 6, 8, 6, 9; it must reach 50
 * (50分及以上). Part two (二类指标, 40): Ⅰ-5 with Ⅱ-11/Ⅱ-12, scored only from the third-party evaluation of the
 * doorstep projects on six aspects, converted in proportion. Scale A = 100%, B = 66%, C = 33% per weighted
 * indicator (the seed weighs only second-level indicators). Bands: 95 优秀, 85 良好, 80 合格, below 80 不合格;
 * the text overlaps at 95/85/80, so Linli's edge rule (a product decision) is `lower_inclusive`: a total
 * exactly on a bound takes the higher grade ("以上" read as inclusive, as in "50分及以上").
 */
export const ZHOUSHAN_2017: FrameworkDef = {
  key: 'zhoushan-happy-community-2017',
  name: '舟山市“美丽群岛 幸福社区”建设测评标准',
  source: '舟山市人民政府关于推进“美丽群岛幸福社区”示范区建设的意见（舟政发〔2017〕26号）附件2',
  note:
    '标准说明称“两类指标共设置了5项测评项目，细化为12个二级指标和44个三级指标”，但附件2实际列出45条测评内容（一类指标39条、二类指标6条）；本框架按原文逐条收录45条。' +
    '原文“95分以上为优秀，85-95分为良好，80-85分为合格，80分以下为不合格”在95、85、80分处重叠，本平台规定：总分恰在分界点时计入较高等次（即≥95优秀，≥85良好，≥80合格，<80不合格）。' +
    '二类指标按第三方对“家门口”项目的完成情况、服务满意率、财务状况、组织能力、项目运营、综合效能6个方面的评估（每方面0–100分，权重相同，多个项目取平均）按比例折算为40分。',
  config: {
    scale: [
      { key: 'A', label: 'A', percent: 100 },
      { key: 'B', label: 'B', percent: 66 },
      { key: 'C', label: 'C', percent: 33 },
    ],
    parts: [
      { key: 'basic', name: '一类指标', total: 60, qualifyingMin: 50, method: 'states' },
      {
        key: 'projects',
        name: '二类指标',
        total: 40,
        qualifyingMin: null,
        method: 'aspects',
        aspects: [
          { key: 'completion', name: '完成情况', weight: 1 },
          { key: 'satisfaction', name: '服务满意率', weight: 1 },
          { key: 'finance', name: '财务状况', weight: 1 },
          { key: 'capacity', name: '组织能力', weight: 1 },
          { key: 'operation', name: '项目运营', weight: 1 },
          { key: 'efficacy', name: '综合效能', weight: 1 },
        ],
      },
    ],
    bands: [
      { key: 'excellent', name: '优秀', min: 95, qualifies: true },
      { key: 'good', name: '良好', min: 85, qualifies: true },
      { key: 'pass', name: '合格', min: 80, qualifies: true },
      { key: 'fail', name: '不合格', min: 0, qualifies: false },
    ],
    edgeRule: 'lower_inclusive',
    scoringUnit: 'indicator',
  },
  nodes: [
    {
      code: 'Ⅰ-1',
      name: '建设充满活力的基层群众自治机制',
      part: 'basic',
      children: [
        {
          code: 'Ⅱ-1',
          evidence: ['people.staffing', 'people.social-orgs'],
          name: '组织健全',
          weight: 3,
          children: items('Ⅱ-1', [
            '社区党组织、居(村)委会、居(村)监委、集体经济组织、群团组织、社会组织等各类组织健全。',
            '社区网格设置合理,具备“网格+党小组+服务团队”的标准配置。',
            '社区“两委”干部职数合规,社区工作者队伍结构合理,有大专以上学历成员。',
          ]),
        },
        {
          code: 'Ⅱ-2',
          evidence: ['participation.meetings', 'participation.procedures', 'participation.disclosures'],
          name: '管理民主',
          weight: 3,
          children: items('Ⅱ-2', [
            '社区换届选举依法有序,村委会实行自荐直选,居委会实行直接选举。',
            '社区事务决策实行五议两公开、民主听证等方式,居民的知情权、参与权、监督权落实。',
            '依法制定自治章程或社区公约、村规民约,居民自觉遵守。',
          ]),
        },
        {
          code: 'Ⅱ-3',
          evidence: ['participation.meetings'],
          name: '制度规范',
          weight: 4,
          children: items('Ⅱ-3', [
            '制定科学合理的社区发展规划,并组织实施。',
            '社区党组织、居(村)委会、居(村)监委等工作制度健全,依法履职。',
            '建有社区各类组织及驻区单位共同参与的协商议事制度或工作联席会议制度。',
            '社区财务、档案、公章等内务管理规范,有应急、学习、教育、会议、培训等制度。',
          ]),
        },
        {
          code: 'Ⅱ-4',
          // Item 4 (社区两年内无重大刑事案件……): the disputes module's register of serious incidents (S004-36).
          evidence: ['volunteers.activities', 'work-orders.rates', 'disputes.incidents'],
          name: '文明和谐',
          weight: 8,
          children: items('Ⅱ-4', [
            '家庭、邻里、群体等关系和睦,讲诚信、守约定,无恶性冲击道德底线事件。',
            '居民生活方式科学文明、健康环保,无赌博、封建迷信活动。',
            '群众性、经常性文娱活动组织有序、丰富多彩、参与广泛。',
            '社区两年内无重大刑事案件,无群体性事件,无越级上访、非正常上访,无邪教组织活动,无传销组织、无黄赌毒现象。',
          ]),
        },
      ],
    },
    {
      code: 'Ⅰ-2',
      name: '健全综合服务设施为主体、专项服务设施为配套的社区公共设施布局',
      part: 'basic',
      children: [
        {
          code: 'Ⅱ-5',
          evidence: ['facilities.registry'],
          name: '社区设施',
          weight: 7,
          children: items('Ⅱ-5', [
            '社区办公、服务、文化、体育、避灾、养老等综合设施场所面积及设置符合相关标准。',
            '社区公共区域或人员聚焦场所安装有视频监控系统或简易防盗装置。',
            '社区消防设施达标,主干道保证消防车、救护车等应急车辆通行。',
            '社区主要道路、公厕、公共活动场所等设有无障碍通道及设施。',
            '社区公共座椅、路灯、窨井盖、垃圾桶等公共设施保养良好,无人为弄脏、损坏现象。',
            '社区车辆停放点设置合理、统一有序、使用方便、无乱收费现象。',
          ]),
        },
        {
          code: 'Ⅱ-6',
          evidence: ['work-orders.rates'],
          name: '社区环境',
          weight: 6,
          children: items('Ⅱ-6', [
            '社区内基本无卫生死角、无污水、无暴露垃圾、无乱扔废弃物、无乱设摊点现象,无废气、油烟、噪声、水和光污染等扰民现象。',
            '社区绿化建设和管理养护情况良好,符合国家园林城市相关标准。',
            '社区内建筑物清洁美观,无违章搭建;墙体无乱贴乱写乱画现象;庭院内外物品堆放整齐。',
          ]),
        },
        {
          code: 'Ⅱ-7',
          evidence: ['facilities.registry', 'work-orders.rates'],
          name: '一刻钟生活圈',
          weight: 6,
          children: items('Ⅱ-7', [
            '城市区域应配备菜市场、便利店、医疗机构、学校、银行、公交站点、体育健身场地等配套资源;渔农村区域配套适度放宽。',
            '行政审批服务延伸至社区,开展应急服务、上门服务、代办服务、跟踪服务。',
            '社区责任医生签约服务广泛推行,签约率及服务频次达到相关要求。',
            '社区水、电、气、电视、网络的维修、缴费服务方便高效。',
            '城市社区物业服务全覆盖;渔农村集聚小区有物业服务。',
            '社会公共服务平台延伸至社区,预约享受养老服务、家庭教育、家政服务、职业中介、休闲娱乐等多元化社区服务。',
          ]),
        },
      ],
    },
    {
      code: 'Ⅰ-3',
      name: '建设社会工作专业人才队伍与专业社工服务机构共同发展的社区专业力量格局',
      part: 'basic',
      children: [
        {
          code: 'Ⅱ-8',
          evidence: ['people.staffing', 'people.social-orgs'],
          name: '社区社工机构建设',
          weight: 8,
          children: items('Ⅱ-8', [
            '设立正式注册登记的社区社会工作机构。',
            '机构负责人由社区书记或主任兼任,配备1名以上专(兼)职社工。',
            '运用专业社会工作方法,以需求与问题为导向开展一系列服务与治理项目。',
            '承接政府购买服务,实践二次购买服务,承担社区社会组织培育引导职责。',
          ]),
        },
        {
          code: 'Ⅱ-9',
          evidence: ['people.social-orgs', 'volunteers.service'],
          name: '社区社会组织培育',
          weight: 6,
          children: items('Ⅱ-9', [
            '有一定数量的经登记或备案的社区社会组织和群众活动团体。',
            '社会组织有参与社区服务、管理的渠道和途径,且参与常态化。',
            '服务社区的社会组织类型多,积极参与社区治理与服务项目,开展多样化服务。',
          ]),
        },
      ],
    },
    {
      code: 'Ⅰ-4',
      name: '其他',
      part: 'basic',
      children: [
        {
          code: 'Ⅱ-10',
          evidence: ['surveys.rates', 'participation.disclosures'],
          name: '共性任务',
          weight: 9,
          children: items('Ⅱ-10', [
            '县(区)、功能区有政策、有推动,乡镇(街道)有方案、有措施,社区有计划、有总结。',
            '各级联动开展主题宣传,对接新闻媒体,开设微信公众号等自媒体,突出现场感、持续性。“幸福社区”群众知晓率85%以上。',
            '实施“幸福社区”建设共议共评,群众满意度85%以上。',
          ]),
        },
      ],
    },
    {
      code: 'Ⅰ-5',
      name: '开展一批居民“家门口”的治理或服务项目',
      part: 'projects',
      children: [
        {
          code: 'Ⅱ-11',
          evidence: ['projects.applications'],
          name: '项目分类',
          children: items('Ⅱ-11', [
            '加分项目主要分为9大类别,包括:养老服务类、民生底线类、平安综治类、协商自治类、文化体育类、社区教育类、公共卫生类、志愿服务类和社会事务类。',
            '由执行单位按照工作实际自行申报,每个类别最多报送2项。',
          ]),
        },
        {
          code: 'Ⅱ-12',
          evidence: ['projects.applications'],
          name: '基本要求',
          children: items('Ⅱ-12', [
            '按照需求调研、需求分析、项目设计、项目实施等标准环节开展服务。',
            '项目定位精准,服务频次和服务人数符合基本需求。',
            '项目推进过程中有工作反思和改进措施,体现可持续发展能力。',
            '项目方案、活动策划、项目中(终)期报告等各类资料和工作记录完整。',
          ]),
        },
      ],
    },
  ],
};

/** The counts the seed's text claims (标准说明一), shown next to the counts Linli holds (R-AS-1). */
export const ZHOUSHAN_CLAIMED_COUNTS = { level1: 5, level2: 12, level3: 44 };

/**
 * The roll-out target of seed 004 二(二) (SEED-MAP S004-01): “2019 年底……全市80%以上的城市社区……基本建成
 * ‘幸福社区’”. A round's coverage (the share of the communities in its scope that are 幸福社区) is compared with
 * it; "以上" is read as inclusive, as this module reads "50分及以上" and the grade bounds. Integer percent.
 */
export const HAPPY_COMMUNITY_TARGET_PERCENT = 80;

/** The nine project classes of Ⅱ-11 (at most two projects per class). */
export const ZHOUSHAN_PROJECT_CLASSES = PROJECT_CLASSES;

/** seed 004 标准说明二: the data-collection methods. */
export const DATA_METHODS = [
  { key: 'report', name: '听取汇报' },
  { key: 'online', name: '网络报送' },
  { key: 'documents', name: '审查材料' },
  { key: 'field_visit', name: '实地考察' },
  { key: 'resident_visit', name: '走访居民' },
] as const;

export const BUILT_IN_FRAMEWORKS: FrameworkDef[] = [ZHOUSHAN_2017];

/** A definition's nodes in tree order, coded ids, weights in hundredths, the part inherited from the top. */
export interface FlatNode {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  level: number;
  sort: number;
  partKey: string;
  weight: number | null;
  evidence: string[];
}

export function flattenDef(def: Pick<FrameworkDef, 'nodes'>): FlatNode[] {
  const out: FlatNode[] = [];
  const walk = (list: NodeDef[], parent: FlatNode | null, level: number) => {
    list.forEach((n) => {
      const flat: FlatNode = {
        id: n.code,
        parentId: parent?.id ?? null,
        code: n.code,
        name: n.name,
        level,
        sort: out.length,
        partKey: n.part ?? parent?.partKey ?? '',
        weight: n.weight == null ? null : Math.round(n.weight * 100),
        evidence: n.evidence ?? [],
      };
      out.push(flat);
      walk(n.children ?? [], flat, level + 1);
    });
  };
  walk(def.nodes, null, 1);
  return out;
}
