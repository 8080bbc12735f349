import type { Problem } from './open311.format';

/**
 * Open311 service definitions (R-O311-1): what a client may or must tell us per service (category), as
 * attributes. Categories live in `wo_categories`; their attributes, groups and descriptions are defined
 * here in code. A category without a definition is served with `metadata: false`.
 */
export type Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';
type Bilingual = { zh: string; en: string };

export interface AttributeDef {
  code: string;
  datatype: Datatype;
  required: boolean;
  description: Bilingual;
  datatypeDescription?: Bilingual;
  values?: { key: string; name: Bilingual }[];
}

export interface ServiceDef {
  group: keyof typeof GROUPS;
  description: Bilingual;
  /** The work-order kind filed for this service (R-LAW-WO-1); complaint unless stated. */
  kind?: 'consult';
  /**
   * Matters about people rather than places (hardship, disputes): public reads (without an api_key) show
   * neither the description nor the address.
   */
  private?: boolean;
  attributes: AttributeDef[];
}

export const GROUPS = {
  infrastructure: { zh: '市政设施', en: 'Public infrastructure' },
  environment: { zh: '环境卫生', en: 'Environment' },
  utilities: { zh: '公用事业', en: 'Utilities' },
  community: { zh: '社区事务', en: 'Community affairs' },
  other: { zh: '咨询与其他', en: 'Questions and other' },
} as const;

const v = (key: string, zh: string, en: string) => ({ key, name: { zh, en } });
const b = (zh: string, en: string): Bilingual => ({ zh, en });
const yesNo = [v('yes', '是', 'Yes'), v('no', '否', 'No')];
/** A single choice from `values`; required unless `required` is false. */
const choice = (
  code: string,
  zh: string,
  en: string,
  values: NonNullable<AttributeDef['values']>,
  required = true,
): AttributeDef => ({ code, datatype: 'singlevaluelist', required, description: b(zh, en), values });
/** The usual first attribute: which kind of problem it is (问题类型), required. */
const issue = (...values: NonNullable<AttributeDef['values']>) =>
  choice('issue', '问题类型', 'Problem', values);
/** An optional attribute of a free `datatype`, with `hint` on how to write it when given. */
const optional = (
  code: string,
  datatype: 'string' | 'number' | 'datetime',
  zh: string,
  en: string,
  hint?: Bilingual,
): AttributeDef => ({
  code,
  datatype,
  required: false,
  description: b(zh, en),
  ...(hint ? { datatypeDescription: hint } : {}),
});
const count = (code: string, zh: string, en: string) =>
  optional(code, 'number', zh, en, b('整数', 'A whole number'));
/** The utilities' second attribute: how many households the problem reaches. */
const householdsAffected = count('households_affected', '受影响户数', 'Households affected');
/** The last choice of many lists. */
const otherValue = v('other', '其他', 'Other');

export const SERVICE_DEFS: Record<string, ServiceDef> = {
  street_lamp: {
    group: 'infrastructure',
    description: b(
      '路灯不亮、闪烁、白天常亮或灯杆损坏',
      'A street lamp that is out, flickers, burns by day or is damaged',
    ),
    attributes: [
      optional(
        'lamp_number',
        'string',
        '路灯编号',
        'Lamp number',
        b('灯杆上喷涂的编号，如 XL-0123', 'The number painted on the pole, e.g. XL-0123'),
      ),
      choice('lamp_state', '路灯状态', 'What is wrong with the lamp', [
        v('off', '不亮', 'Out'),
        v('flickering', '闪烁', 'Flickering'),
        v('day_burning', '白天常亮', 'On during the day'),
        v('damaged', '灯杆或灯罩损坏', 'Pole or cover damaged'),
      ]),
    ],
  },
  road_damage: {
    group: 'infrastructure',
    description: b(
      '路面坑洼、裂缝、塌陷或井盖缺损',
      'Potholes, cracks, subsidence or missing manhole covers',
    ),
    attributes: [
      choice('damage_type', '破损类型', 'Kind of damage', [
        v('pothole', '坑洼', 'Pothole'),
        v('crack', '裂缝', 'Crack'),
        v('subsidence', '塌陷', 'Subsidence'),
        v('manhole', '井盖缺失或破损', 'Manhole cover missing or broken'),
      ]),
      optional('area_m2', 'number', '破损面积(平方米)', 'Damaged area (m²)'),
    ],
  },
  garbage: {
    group: 'environment',
    description: b('垃圾未及时清运、乱堆乱放', 'Rubbish not collected or dumped'),
    attributes: [
      choice('garbage_type', '垃圾类型', 'Kind of rubbish', [
        v('household', '生活垃圾', 'Household rubbish'),
        v('construction', '建筑垃圾', 'Construction waste'),
        v('bulky', '大件垃圾', 'Bulky items'),
        v('overflow', '垃圾桶满溢', 'Overflowing bins'),
      ]),
      optional(
        'since',
        'datetime',
        '发现时间',
        'Noticed since',
        b('ISO 8601 日期时间', 'ISO 8601 date and time'),
      ),
    ],
  },
  noise: {
    group: 'environment',
    description: b(
      '施工、商业、交通或邻里噪音扰民',
      'Noise from building sites, shops, traffic or neighbours',
    ),
    attributes: [
      choice('noise_source', '噪音来源', 'Source of the noise', [
        v('construction', '建筑施工', 'Building site'),
        v('commercial', '商业经营', 'Shop or venue'),
        v('traffic', '交通', 'Traffic'),
        v('residential', '居民生活', 'Residents'),
        otherValue,
      ]),
      {
        code: 'time_period',
        datatype: 'multivaluelist',
        required: false,
        description: b('发生时段', 'When it happens'),
        values: [
          v('day', '白天', 'Daytime'),
          v('evening', '傍晚', 'Evening'),
          v('night', '夜间(22时至次日6时)', 'Night (22:00–06:00)'),
        ],
      },
    ],
  },
  water_supply: {
    group: 'utilities',
    description: b('停水、水压低、水质异常或管道漏水', 'No water, low pressure, bad water or a leaking pipe'),
    attributes: [
      issue(
        v('outage', '停水', 'No water'),
        v('low_pressure', '水压低', 'Low pressure'),
        v('quality', '水质异常', 'Water looks or smells wrong'),
        v('leak', '管道漏水', 'Leaking pipe'),
      ),
      householdsAffected,
    ],
  },
  power_supply: {
    group: 'utilities',
    description: b('停电、电压不稳或线路隐患', 'Power cut, unstable voltage or a dangerous line'),
    attributes: [
      issue(
        v('outage', '停电', 'Power cut'),
        v('unstable', '电压不稳', 'Unstable voltage'),
        v('wire_hazard', '线路隐患', 'Dangerous wiring'),
      ),
      householdsAffected,
    ],
  },
  gas_supply: {
    group: 'utilities',
    description: b('停气、燃气表故障或燃气异味', 'No gas, a faulty meter or a smell of gas'),
    attributes: [
      choice('issue', '问题类型(闻到燃气味请立即拨打 119)', 'Problem (smell of gas: call 119 now)', [
        v('outage', '停气', 'No gas'),
        v('meter', '燃气表故障', 'Faulty meter'),
        v('smell', '燃气异味', 'Smell of gas'),
      ]),
      householdsAffected,
    ],
  },
  heating: {
    group: 'utilities',
    description: b('暖气不热、室温偏低或暖气漏水', 'Radiators cold, rooms too cold or a leaking radiator'),
    attributes: [
      issue(
        v('no_heat', '暖气不热', 'No heat'),
        v('low_temp', '室温偏低', 'Rooms too cold'),
        v('leak', '暖气漏水', 'Leaking radiator'),
      ),
      optional('indoor_temp', 'number', '室内温度(℃)', 'Indoor temperature (°C)'),
    ],
  },
  property: {
    group: 'community',
    description: b(
      '物业保洁、安保、电梯、公共维修或收费问题',
      'Cleaning, security, lifts, repairs or fees of the property manager',
    ),
    attributes: [
      issue(
        v('cleaning', '保洁', 'Cleaning'),
        v('security', '安保', 'Security'),
        v('elevator', '电梯故障', 'Lift out of order'),
        v('repairs', '公共部位维修', 'Repairs to common parts'),
        v('fees', '收费', 'Fees'),
      ),
      optional('compound_name', 'string', '小区名称', 'Name of the housing estate'),
    ],
  },
  neighbour_dispute: {
    group: 'community',
    private: true,
    description: b(
      '邻里之间的漏水、噪音、占用等纠纷',
      'Disputes between neighbours (leaks, noise, use of space)',
    ),
    attributes: [
      choice('dispute_type', '纠纷类型', 'Kind of dispute', [
        v('water_leak', '漏水', 'Water leaking through'),
        v('noise', '噪音', 'Noise'),
        v('space', '占用公共空间', 'Use of shared space'),
        otherValue,
      ]),
      choice('mediation_wanted', '是否希望社区调解', 'Should the community mediate', yesNo, false),
    ],
  },
  safety_hazard: {
    group: 'community',
    description: b(
      '消防通道堵塞、电动车违规充电、房屋或高空坠物隐患',
      'Blocked fire exits, unsafe e-bike charging, building or falling-object hazards',
    ),
    attributes: [
      choice('hazard_type', '隐患类型', 'Kind of hazard', [
        v('fire_exit', '消防通道堵塞', 'Fire exit blocked'),
        v('ebike_charging', '电动车违规充电', 'Unsafe e-bike charging'),
        v('building', '房屋安全', 'Unsafe building'),
        v('falling_objects', '高空坠物', 'Falling objects'),
        otherValue,
      ]),
      choice('people_at_risk', '是否有人员处于危险中', 'Are people in danger now', yesNo, false),
    ],
  },
  greening: {
    group: 'infrastructure',
    description: b('树木倒伏、需修剪、绿地破坏或病虫害', 'Fallen trees, pruning, damaged lawns or pests'),
    attributes: [
      issue(
        v('fallen_tree', '树木倒伏', 'Fallen tree'),
        v('pruning', '需要修剪', 'Needs pruning'),
        v('damaged_green', '绿地破坏', 'Damaged green'),
        v('pests', '病虫害', 'Pests'),
      ),
      count('tree_count', '涉及树木数量', 'Number of trees'),
    ],
  },
  parking: {
    group: 'infrastructure',
    description: b(
      '占道停车、占用消防通道、僵尸车或共享单车乱停',
      'Obstructive parking, blocked fire lanes, abandoned vehicles or scattered shared bikes',
    ),
    attributes: [
      issue(
        v('obstruction', '占道停车', 'Blocking the road'),
        v('fire_lane', '占用消防通道', 'Blocking a fire lane'),
        v('abandoned', '僵尸车', 'Abandoned vehicle'),
        v('shared_bikes', '共享单车乱停', 'Scattered shared bikes'),
      ),
      count('vehicle_count', '车辆数量', 'Number of vehicles'),
    ],
  },
  elderly_help: {
    group: 'community',
    private: true,
    description: b('老人、残疾人或困难群众需要帮扶', 'Help for older, disabled or struggling people'),
    attributes: [
      choice('help_type', '帮扶类型', 'Kind of help', [
        v('daily_care', '生活照料', 'Daily care'),
        v('medical', '就医协助', 'Getting to a doctor'),
        v('meals', '助餐', 'Meals'),
        v('hardship', '困难救助', 'Hardship relief'),
      ]),
      count('people_count', '需帮扶人数', 'People needing help'),
    ],
  },
  policy_consult: {
    group: 'other',
    kind: 'consult',
    description: b(
      '社保、住房、户籍、补贴等政策咨询',
      'Questions about social security, housing, residence, subsidies',
    ),
    attributes: [
      choice('topic', '咨询主题', 'Topic', [
        v('social_security', '社会保障', 'Social security'),
        v('housing', '住房', 'Housing'),
        v('residence', '户籍', 'Residence registration'),
        v('subsidies', '补贴', 'Subsidies'),
        otherValue,
      ]),
      choice(
        'reply_by',
        '希望的答复方式',
        'How to answer',
        [v('phone', '电话', 'Phone call'), v('sms', '短信', 'Text message')],
        false,
      ),
    ],
  },
  other: {
    group: 'other',
    description: b('其他诉求', 'Anything else'),
    attributes: [
      optional(
        'topic',
        'string',
        '事项概括',
        'What it is about',
        b('不超过 200 字', 'At most 200 characters'),
      ),
      optional(
        'location_detail',
        'string',
        '位置补充(楼栋、单元等)',
        'More about the place (building, entrance …)',
      ),
    ],
  },
};

export type AttributeValues = Record<string, string | string[]>;

const MAX_LEN: Partial<Record<Datatype, number>> = { string: 200, text: 1000 };

/**
 * Checks submitted attributes against the service definition: unknown codes, missing required ones and
 * values of the wrong type or outside the list are refused. Returns the problems (empty when valid).
 */
export function checkAttributes(def: ServiceDef | undefined, values: AttributeValues): Problem[] {
  const problems: Problem[] = [];
  const attrs = def?.attributes ?? [];
  for (const code of Object.keys(values)) {
    if (!attrs.some((a) => a.code === code))
      problems.push({ code: 'open311.attribute_unknown', params: { code } });
  }
  for (const a of attrs) {
    const raw = values[a.code];
    const list = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).filter((x) => x.trim() !== '');
    const invalid = { code: 'open311.attribute_invalid', params: { code: a.code } };
    if (list.length === 0) {
      if (a.required) problems.push({ code: 'open311.attribute_required', params: { code: a.code } });
      continue;
    }
    if (a.datatype !== 'multivaluelist' && list.length > 1) {
      problems.push(invalid);
      continue;
    }
    const ok = list.every((x) =>
      a.datatype === 'number'
        ? /^-?\d{1,12}(\.\d{1,6})?$/.test(x.trim())
        : a.datatype === 'datetime'
          ? parseDateTime(x) !== null
          : a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist'
            ? !!a.values?.some((val) => val.key === x)
            : x.length <= (MAX_LEN[a.datatype] ?? 200),
    );
    if (!ok) problems.push(invalid);
  }
  return problems;
}

/** The attributes as a line staff read in the order's description, e.g. "路灯编号:XL-1;路灯状态：不亮". */
export function describeAttributes(def: ServiceDef | undefined, values: AttributeValues): string {
  const parts: string[] = [];
  for (const a of def?.attributes ?? []) {
    const raw = values[a.code];
    if (raw === undefined) continue;
    const list = (Array.isArray(raw) ? raw : [raw]).map((x) => x.trim()).filter(Boolean);
    if (list.length === 0) continue;
    const shown = list.map((x) => a.values?.find((val) => val.key === x)?.name.zh ?? x);
    parts.push(
      `${a.description.zh.replace(/\s*[(\uFF08][^()\uFF08\uFF09]*[)\uFF09]$/, '')}:${shown.join('、')}`,
    );
  }
  return parts.join(';');
}

/**
 * ISO 8601 / W3C date-times as Open311 uses them; a value without an offset is read as China time (+08:00),
 * a bare date as its midnight there. Null when unreadable.
 */
export function parseDateTime(text: string): Date | null {
  const m =
    /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text.trim(),
    );
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Number((m[7] ?? '0').slice(0, 3).padEnd(3, '0'));
  const local = new Date(Date.UTC(y, mo - 1, d, h, mi, sec, ms));
  if (
    local.getUTCFullYear() !== y ||
    local.getUTCMonth() !== mo - 1 ||
    local.getUTCDate() !== d ||
    local.getUTCHours() !== h ||
    local.getUTCMinutes() !== mi ||
    local.getUTCSeconds() !== sec
  )
    return null;
  const zone = m[8] ?? '+08:00';
  const offsetMin =
    zone === 'Z'
      ? 0
      : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return new Date(local.getTime() - offsetMin * 60_000);
}
