import { z } from 'zod';
import { pageQuery } from './pageQuery';
import { optText, text, uuid } from './participation.fields';
import { communityRow, timestamps, unitIdAndName } from './dtoFields';

/**
 * Deliberation (议事协商, seeds 000 and 003): topics at four levels with seed 003's six steps (R-DL-1…3),
 * council rooms with the 六具备 checklist (R-DL-5) and versioned conventions (R-DL-6). Isomorphic: the
 * server and the console read it; the phone restates the few constants it needs.
 */

type Names = { 'zh-CN': string; en: string };

export const TOPIC_LEVELS = ['community', 'grid', 'compound', 'building'] as const;
export type TopicLevel = (typeof TOPIC_LEVELS)[number];
export const TOPIC_LEVEL_NAMES: Record<TopicLevel, Names> = {
  community: { 'zh-CN': '社区', en: 'Community' },
  grid: { 'zh-CN': '网格', en: 'Grid' },
  compound: { 'zh-CN': '小区（街巷、院落、塆组）', en: 'Compound (street, lane, courtyard, village group)' },
  building: { 'zh-CN': '楼栋', en: 'Building' },
};

export const TOPIC_SOURCES = ['resident', 'grid', 'staff', 'work_order'] as const;
export type TopicSource = (typeof TOPIC_SOURCES)[number];
export const TOPIC_SOURCE_NAMES: Record<TopicSource, Names> = {
  resident: { 'zh-CN': '居民提出（民事民提）', en: 'Raised by a resident' },
  grid: { 'zh-CN': '网格员收集', en: 'Collected by a grid worker' },
  staff: { 'zh-CN': '社区提出', en: 'Raised by community staff' },
  work_order: { 'zh-CN': '由工单转入', en: 'From a work order' },
};

/**
 * Seed 003 三(一)2 (SEED-MAP S003-11): "引导群众参与微改造、微服务、微治理,激发参与共建共享热情" — a topic may be
 * one of the three micro kinds residents take part in (optional: not every topic is one).
 */
export const TOPIC_MICRO_KINDS = ['renovation', 'service', 'governance'] as const;
export type TopicMicroKind = (typeof TOPIC_MICRO_KINDS)[number];
export const TOPIC_MICRO_KIND_NAMES: Record<TopicMicroKind, Names> = {
  renovation: { 'zh-CN': '微改造', en: 'Micro-renovation' },
  service: { 'zh-CN': '微服务', en: 'Micro-service' },
  governance: { 'zh-CN': '微治理', en: 'Micro-governance' },
};

/** The state is the last step completed (R-DL-2): each action completes the next step, none is skipped. */
export const TOPIC_STATES = [
  'proposed',
  'participants',
  'announced',
  'consulted',
  'implemented',
  'reported',
] as const;
export type TopicState = (typeof TOPIC_STATES)[number];
export const TOPIC_ACTIONS = ['set_participants', 'announce', 'consult', 'implement', 'report'] as const;
export type TopicAction = (typeof TOPIC_ACTIONS)[number];

export const RESIDENT_STAGES = ['raise', 'discuss', 'decide', 'do', 'evaluate'] as const;
export type ResidentStage = (typeof RESIDENT_STAGES)[number];
export const RESIDENT_STAGE_NAMES: Record<ResidentStage, Names> = {
  raise: { 'zh-CN': '民事民提', en: 'Residents raise' },
  discuss: { 'zh-CN': '民议', en: 'Residents discuss' },
  decide: { 'zh-CN': '民决', en: 'Residents decide' },
  do: { 'zh-CN': '民办', en: 'Residents act' },
  evaluate: { 'zh-CN': '民评', en: 'Residents evaluate' },
};

/** Each step's resident-led stage (R-DL-3) and name, by the state it leads to. */
const STEP_OF_STATE: Record<TopicState, { stage: ResidentStage; name: Names }> = {
  proposed: { stage: 'raise', name: { 'zh-CN': '提出协商议题', en: 'Propose the topic' } },
  participants: { stage: 'discuss', name: { 'zh-CN': '确定协商主体', en: 'Determine the participants' } },
  announced: { stage: 'discuss', name: { 'zh-CN': '公告协商信息', en: 'Announce' } },
  consulted: { stage: 'decide', name: { 'zh-CN': '开展协商活动', en: 'Hold the consultation' } },
  implemented: { stage: 'do', name: { 'zh-CN': '实施协商成果', en: 'Implement the outcome' } },
  reported: { stage: 'evaluate', name: { 'zh-CN': '反馈落实情况', en: 'Report back' } },
};
/**
 * Seed 003's six steps (R-DL-2), in TOPIC_STATES' order: each with the state it leads to, its action (the
 * first step has none, then TOPIC_ACTIONS in order) and its resident-led stage (R-DL-3).
 */
export const TOPIC_STEPS: readonly {
  state: TopicState;
  action: TopicAction | null;
  stage: ResidentStage;
  name: Names;
}[] = TOPIC_STATES.map((state, i) => ({
  state,
  action: i === 0 ? null : TOPIC_ACTIONS[i - 1]!,
  ...STEP_OF_STATE[state],
}));
export const stepOfState = (s: string) => TOPIC_STEPS.findIndex((x) => x.state === s);

export const PARTICIPANT_KINDS = [
  'resident',
  'deputy',
  'owners_committee',
  'property_company',
  'social_org',
  'resident_unit',
  'other',
] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];
export const PARTICIPANT_KIND_NAMES: Record<ParticipantKind, Names> = {
  resident: { 'zh-CN': '居民', en: 'Resident' },
  deputy: { 'zh-CN': '两代表一委员', en: 'Deputy' },
  owners_committee: { 'zh-CN': '业主委员会', en: 'Owners’ committee' },
  property_company: { 'zh-CN': '物业服务企业', en: 'Property company' },
  social_org: { 'zh-CN': '社会组织', en: 'Social organisation' },
  resident_unit: { 'zh-CN': '驻区单位', en: 'Resident unit' },
  other: { 'zh-CN': '其他', en: 'Other' },
};
/** Kinds picked from the registry by id (the others are named parties). */
export const REGISTRY_KINDS = ['resident', 'deputy', 'social_org', 'resident_unit'] as const;

export const createTopicBody = z.strictObject({
  orgUnitId: uuid,
  title: text(120),
  description: text(4000),
  formatId: uuid.optional(),
  /** The work order the topic comes from (a recurring problem turned into a topic). */
  workOrderId: uuid.optional(),
  /** 微改造 / 微服务 / 微治理 (S003-11). */
  microKind: z.enum(TOPIC_MICRO_KINDS).optional(),
});
/**
 * A recurring work-order category turned into a topic in one action: the orders of the category received in
 * the community in [from, to] (China days, at most a year) become the topic's evidence.
 */
export const topicFromCategoryBody = z.strictObject({
  categoryCode: z.string().trim().min(1).max(60),
  orgUnitId: uuid,
  from: z.iso.date(),
  to: z.iso.date(),
  title: optText(120),
  description: optText(4000),
  formatId: uuid.optional(),
  microKind: z.enum(TOPIC_MICRO_KINDS).optional(),
});
/** Staff classify (or unclassify) a topic as 微改造 / 微服务 / 微治理 after it was raised (S003-11). */
export const topicMicroKindBody = z.strictObject({ microKind: z.enum(TOPIC_MICRO_KINDS).nullable() });
/** A resident proposes on the phone: the unit is one of their home's (building, compound, grid, community). */
export const proposeTopicBody = z.strictObject({
  orgUnitId: uuid,
  title: text(120),
  description: text(2000),
});

export const participantBody = z.strictObject({
  kind: z.enum(PARTICIPANT_KINDS),
  refId: uuid.optional(),
  name: z.string().trim().max(100).optional(),
});
export const topicActionBody = z.strictObject({
  action: z.enum(TOPIC_ACTIONS),
  /** The record of the step (who decided what, what was announced, the outcome, the feedback). */
  note: text(4000),
  participants: z.array(participantBody).max(500).optional(),
  /** The consultation's meeting (a meeting of this module), optional. */
  meetingId: uuid.optional(),
});
export type TopicActionBody = z.infer<typeof topicActionBody>;

export const topicListQuery = z.object({
  orgUnitId: uuid.optional(),
  level: z.enum(TOPIC_LEVELS).optional(),
  state: z.enum(TOPIC_STATES).optional(),
  source: z.enum(TOPIC_SOURCES).optional(),
  microKind: z.enum(TOPIC_MICRO_KINDS).optional(),
  q: z.string().trim().max(50).optional(),
  ...pageQuery,
});
/** The topics of the list's filters (its micro kind aside) counted per micro kind (S003-11). */
export const topicMicroCountsQuery = topicListQuery.omit({ page: true, pageSize: true, microKind: true });
export const topicMicroCountsSchema = z.object({
  items: z.array(z.object({ microKind: z.enum(TOPIC_MICRO_KINDS), name: z.string(), count: z.number() })),
  /** Topics of none of the three. */
  unclassified: z.number(),
});
export type TopicMicroCountsDto = z.infer<typeof topicMicroCountsSchema>;
export const myTopicsQuery = z.object({ mine: z.enum(['followed', 'proposed']).optional(), ...pageQuery });
export const commentBody = z.strictObject({ text: text(1000) });
export const candidatesQuery = z.object({
  orgUnitId: uuid,
  kind: z.enum(REGISTRY_KINDS),
  q: z.string().trim().max(50).optional(),
});

export const formatBody = z.strictObject({
  name: text(40),
  note: optText(400),
  active: z.boolean().default(true),
  sort: z.number().int().min(0).max(1000).default(0),
});
export const formatSchema = z.object({
  id: z.string(),
  name: z.string(),
  note: z.string().nullable(),
  active: z.boolean(),
  sort: z.number(),
});

const participantSchema = z.object({
  id: z.string(),
  kind: z.string(),
  refId: z.string().nullable(),
  name: z.string(),
});
const eventSchema = z.object({
  id: z.string(),
  action: z.string(),
  state: z.string(),
  stepName: z.string(),
  stageName: z.string(),
  note: z.string(),
  meetingId: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.date(),
});
export const topicSchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  level: z.string(),
  levelName: z.string(),
  source: z.string(),
  sourceName: z.string(),
  title: z.string(),
  description: z.string(),
  formatId: z.string().nullable(),
  formatName: z.string().nullable(),
  workOrderId: z.string().nullable(),
  microKind: z.enum(TOPIC_MICRO_KINDS).nullable(),
  microKindName: z.string().nullable(),
  proposerName: z.string(),
  state: z.string(),
  stepName: z.string(),
  stageName: z.string(),
  /** The index (0–5) of the last step completed. */
  step: z.number(),
  supports: z.number(),
  comments: z.number(),
  ...timestamps,
});
export type TopicDto = z.infer<typeof topicSchema>;
export const topicOrderEvidenceSchema = z.object({
  categoryCode: z.string(),
  categoryName: z.string(),
  ...communityRow,
  from: z.string(),
  to: z.string(),
  total: z.number(),
  orders: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      description: z.string(),
      status: z.string(),
      receivedAt: z.string(),
    }),
  ),
});
/** The work orders a topic made from a recurring category rests on, kept as they were then. */
export type TopicOrderEvidence = z.infer<typeof topicOrderEvidenceSchema>;
export const topicDetailSchema = topicSchema.extend({
  meetingId: z.string().nullable(),
  /** The work orders a topic made from a recurring category rests on (staff only; null otherwise). */
  orderEvidence: topicOrderEvidenceSchema.nullable(),
  participants: z.array(participantSchema),
  events: z.array(eventSchema),
  commentList: z.array(z.object({ id: z.string(), name: z.string(), text: z.string(), at: z.date() })),
  /** The actions this user may take now (the next step only). */
  actions: z.array(z.string()),
  supported: z.boolean(),
  following: z.boolean(),
  /** A resident may support, comment and follow (the topic is one of their home's units). */
  canEngage: z.boolean(),
});
export type TopicDetailDto = z.infer<typeof topicDetailSchema>;
export const candidateSchema = z.object({ id: z.string(), name: z.string(), detail: z.string().nullable() });
export const homeUnitsSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), level: z.string(), levelName: z.string() })),
});

// ---------------------------------------------------------------- council rooms (R-DL-5)

export const ROOM_ITEMS = [
  'hotline',
  'suggestion_box',
  'duty_roster',
  'flow_chart',
  'record_book',
  'notice_board',
] as const;
export type RoomItemKey = (typeof ROOM_ITEMS)[number];
export const ROOM_ITEM_NAMES: Record<RoomItemKey, Names> = {
  hotline: { 'zh-CN': '热线电话', en: 'Hotline' },
  suggestion_box: { 'zh-CN': '意见箱', en: 'Suggestion box' },
  duty_roster: { 'zh-CN': '值班表', en: 'Duty roster' },
  flow_chart: { 'zh-CN': '流程图', en: 'Flow chart' },
  record_book: { 'zh-CN': '记录本', en: 'Record book' },
  notice_board: { 'zh-CN': '公开栏', en: 'Notice board' },
};
const roomItemBody = z.strictObject({
  ok: z.boolean(),
  note: optText(400),
  /** Evidence photo: a link to the uploaded picture. */
  photo: optText(500),
});
export const roomBody = z.strictObject({
  orgUnitId: uuid,
  name: text(80),
  address: optText(200),
  checklist: z.partialRecord(z.enum(ROOM_ITEMS), roomItemBody).default({}),
});
export const roomPatchBody = roomBody.omit({ orgUnitId: true }).partial();
export const roomListQuery = z.object({
  orgUnitId: uuid.optional(),
  incomplete: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});
export const roomSchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  name: z.string(),
  address: z.string().nullable(),
  checklist: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      ok: z.boolean(),
      note: z.string().nullable(),
      photo: z.string().nullable(),
      /** The uploaded evidence photo (GET, image), or null. */
      photoUrl: z.string().nullable(),
    }),
  ),
  missing: z.array(z.string()),
  complete: z.boolean(),
  updatedAt: z.date(),
});
export type RoomDto = z.infer<typeof roomSchema>;

// ---------------------------------------------------------------- conventions (R-DL-6)

export const CONVENTION_KINDS = ['village_rules', 'residents_convention', 'charter'] as const;
export type ConventionKind = (typeof CONVENTION_KINDS)[number];
export const CONVENTION_KIND_NAMES: Record<ConventionKind, Names> = {
  village_rules: { 'zh-CN': '村规民约', en: 'Village rules' },
  residents_convention: { 'zh-CN': '居民公约', en: 'Residents’ convention' },
  charter: { 'zh-CN': '自治章程', en: 'Self-governance charter' },
};
export const conventionBody = z.strictObject({
  orgUnitId: uuid,
  kind: z.enum(CONVENTION_KINDS),
  title: text(120),
});
export const versionBody = z.strictObject({
  text: text(50000),
  note: optText(1000),
  /** The closed, quorate meeting that adopted this version. */
  meetingId: uuid.optional(),
});
export const publishBody = z.strictObject({ no: z.number().int().min(1) });
export const conventionListQuery = z.object({ orgUnitId: uuid.optional(), ...pageQuery });
/** Versions to compare; default: the one before the newest against the newest. */
export const diffQuery = z.object({
  from: z.coerce.number().int().min(1).optional(),
  to: z.coerce.number().int().min(1).optional(),
});
export const followBody = z.strictObject({ on: z.boolean() });
export const candidateListQuery = z.object({
  kind: z.enum(REGISTRY_KINDS).default('resident'),
  q: z.string().trim().max(50).optional(),
});
export const conventionSchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  kind: z.string(),
  kindName: z.string(),
  title: z.string(),
  versions: z.number(),
  publishedNo: z.number().nullable(),
  publishedAt: z.date().nullable(),
  /** Rates in per mille, from surveys (null until a survey reports them). */
  awarenessPermille: z.number().nullable(),
  compliancePermille: z.number().nullable(),
  ratesSource: z.string().nullable(),
  ratesAt: z.date().nullable(),
});
export type ConventionDto = z.infer<typeof conventionSchema>;
export const versionSchema = z.object({
  id: z.string(),
  no: z.number(),
  text: z.string(),
  note: z.string().nullable(),
  meetingId: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  adoptedOn: z.string().nullable(),
  createdAt: z.date(),
});
export const conventionDetailSchema = conventionSchema.extend({ items: z.array(versionSchema) });
export type ConventionDetailDto = z.infer<typeof conventionDetailSchema>;
export const diffSchema = z.object({
  from: z.number(),
  to: z.number(),
  lines: z.array(z.object({ op: z.enum(['same', 'add', 'del']), text: z.string() })),
});

/** A line diff (longest common subsequence): enough for conventions of a few hundred lines. */
export function lineDiff(a: string, b: string): { op: 'same' | 'add' | 'del'; text: string }[] {
  const x = a.split('\n');
  const y = b.split('\n');
  const n = x.length;
  const m = y.length;
  const L: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i]![j] = x[i] === y[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const out: { op: 'same' | 'add' | 'del'; text: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ op: 'same', text: x[i]! });
      i++;
      j++;
    } else if (L[i + 1]![j]! >= L[i]![j + 1]!) out.push({ op: 'del', text: x[i++]! });
    else out.push({ op: 'add', text: y[j++]! });
  }
  while (i < n) out.push({ op: 'del', text: x[i++]! });
  while (j < m) out.push({ op: 'add', text: y[j++]! });
  return out;
}
