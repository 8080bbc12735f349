import { z } from 'zod';
import { unitIdAndName } from './dtoFields';
import { pageQuery, pageQueryOf } from './pageQuery';
import { optText, text, uuid } from './participation.fields';

/**
 * Participation (议事协商 / 民主决策, seeds 000–004): meetings with their legal quorum and pass rules
 * (R-LAW-MT-1…4), procedures for major matters (四议两公开 / 五议两公开, R-DL-4) and disclosure
 * (居务公开, R-DC-1, R-LAW-DC-1). Isomorphic: the server and the console read it.
 */

// ---------------------------------------------------------------- meeting kinds and their rules (data)

export const MEETING_KINDS = [
  'villagers', // 村民会议
  'villager_reps', // 村民代表会议
  'villager_group', // 村民小组会议
  'residents', // 居民会议
  'resident_reps', // 居民代表会议
  'resident_group', // 居民小组会议 (seed 003 三(一)4, S003-22)
  'party_members', // 党员大会
  'two_committees', // 两委联席会议
  'hearing', // 听证会
  'joint', // 联席会议
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

/**
 * Who is due at a meeting: adults (18+ on the frozen date, registered in the unit), households
 * (represented by one member), or members (a roster: representatives, party members, committee members).
 */
export const MEETING_BASES = ['adults', 'households', 'members'] as const;
export type MeetingBasis = (typeof MEETING_BASES)[number];

/** count/total compared with num/den: `gt` more than, `gte` at least. */
export interface Ratio {
  op: 'gt' | 'gte';
  num: number;
  den: number;
}
export interface MeetingRule {
  /** Quorum per allowed basis; `null` for a basis means the kind has no quorum (hearings, joint meetings). */
  quorum: Partial<Record<MeetingBasis, Ratio | null>>;
  /** A motion passes when yes votes reach this share of those present or of those due. */
  pass: Ratio & { of: 'present' | 'due' };
  /** Legal notice period in days before the meeting, where the law sets one. */
  noticeDays: number | null;
  /** The law, a local rule, or a product default where neither says anything. */
  source: 'law' | 'local' | 'product';
}

const gt = (num: number, den: number): Ratio => ({ op: 'gt', num, den });
const gte = (num: number, den: number): Ratio => ({ op: 'gte', num, den });

/**
 * The rules as data (R-LAW-MT-1…4). 村民委员会组织法 §22, §25, §28 and 城市居民委员会组织法 §10 give the
 * villagers', representatives', group and residents' meetings; 四议两公开's local rule gives the party
 * members' meeting; the rest are product defaults, shown as such.
 */
export const MEETING_RULES: Record<MeetingKind, MeetingRule> = {
  // R-LAW-MT-1: more than half of adults, or representatives of at least 2/3 of households; 10 days' notice.
  villagers: {
    quorum: { adults: gt(1, 2), households: gte(2, 3) },
    pass: { ...gt(1, 2), of: 'present' },
    noticeDays: 10,
    source: 'law',
  },
  // R-LAW-MT-2: 2/3 of the representatives.
  villager_reps: {
    quorum: { members: gte(2, 3) },
    pass: { ...gt(1, 2), of: 'present' },
    noticeDays: null,
    source: 'law',
  },
  // R-LAW-MT-3: 2/3 of adults or of households.
  villager_group: {
    quorum: { adults: gte(2, 3), households: gte(2, 3) },
    pass: { ...gt(1, 2), of: 'present' },
    noticeDays: null,
    source: 'law',
  },
  // R-LAW-MT-3: more than half of adults, household representatives or group delegates.
  residents: {
    quorum: { adults: gt(1, 2), households: gt(1, 2), members: gt(1, 2) },
    pass: { ...gt(1, 2), of: 'present' },
    noticeDays: null,
    source: 'law',
  },
  resident_reps: {
    quorum: { members: gte(2, 3) },
    pass: { ...gt(1, 2), of: 'present' },
    noticeDays: null,
    source: 'product',
  },
  // Seed 003 三(一)4 names 居民小组会议 beside the residents' meeting; the law sets no rule for it, so the
  // residents' meeting's is the default: more than half of the group's adults, households or delegates.
  resident_group: {
    quorum: { adults: gt(1, 2), households: gt(1, 2), members: gt(1, 2) },
    pass: { ...gt(1, 2), of: 'present' },
    noticeDays: null,
    source: 'product',
  },
  // R-LAW-MT-4 (local rule): 2/3 of members present, more than half of those due approve.
  party_members: {
    quorum: { members: gte(2, 3) },
    pass: { ...gt(1, 2), of: 'due' },
    noticeDays: null,
    source: 'local',
  },
  two_committees: {
    quorum: { members: gt(1, 2) },
    pass: { ...gt(1, 2), of: 'present' },
    noticeDays: null,
    source: 'product',
  },
  hearing: {
    quorum: { members: null },
    pass: { ...gt(1, 2), of: 'present' },
    noticeDays: null,
    source: 'product',
  },
  joint: {
    quorum: { members: null },
    pass: { ...gt(1, 2), of: 'present' },
    noticeDays: null,
    source: 'product',
  },
};

export const basesOf = (kind: MeetingKind): MeetingBasis[] =>
  MEETING_BASES.filter((b) => b in MEETING_RULES[kind].quorum);

/** Whether count/total reaches the ratio, in integers (no rounding: 387/580 is not 2/3). */
export function reaches(count: number, total: number, r: Ratio): boolean {
  return r.op === 'gt' ? count * r.den > total * r.num : count * r.den >= total * r.num;
}

type Loc = 'zh-CN' | 'en';
const RATIO_ZH: Record<string, [string, string]> = {
  'gt1/2': ['过半数', '未过半数'],
  'gte2/3': ['达三分之二', '不足三分之二'],
};
const RATIO_EN: Record<string, [string, string]> = {
  'gt1/2': ['more than half', 'not more than half'],
  'gte2/3': ['at least two thirds', 'less than two thirds'],
};
function ratioWords(r: Ratio, ok: boolean, loc: Loc): string {
  const key = `${r.op}${r.num}/${r.den}`;
  const pair = (loc === 'en' ? RATIO_EN : RATIO_ZH)[key];
  if (pair) return pair[ok ? 0 : 1];
  const op = loc === 'en' ? (r.op === 'gt' ? 'more than' : 'at least') : r.op === 'gt' ? '超过' : '达到';
  return `${ok ? '' : loc === 'en' ? 'not ' : '未'}${op} ${r.num}/${r.den}`;
}

/** The quorum in words, e.g. 「到会 312 / 应到 580，过半数，会议有效」. */
export function quorumWords(present: number, due: number, r: Ratio | null, loc: Loc): string {
  if (!r)
    return loc === 'en'
      ? `Present ${present} / due ${due}; no quorum required`
      : `到会 ${present} / 应到 ${due}，不设法定人数`;
  const ok = reaches(present, due, r);
  return loc === 'en'
    ? `Present ${present} / due ${due}, ${ratioWords(r, ok, loc)}: the meeting is ${ok ? 'valid' : 'not quorate'}`
    : `到会 ${present} / 应到 ${due}，${ratioWords(r, ok, loc)}，会议${ok ? '有效' : '无效（未达法定人数）'}`;
}

/** A motion's result in words, e.g. 「赞成 200 / 到会 312，过半数，通过」. */
export function passWords(
  yes: number,
  present: number,
  due: number,
  rule: MeetingRule['pass'],
  loc: Loc,
): string {
  const base = rule.of === 'due' ? due : present;
  const ok = reaches(yes, base, rule);
  const baseName =
    loc === 'en' ? (rule.of === 'due' ? 'due' : 'present') : rule.of === 'due' ? '应到' : '到会';
  return loc === 'en'
    ? `Yes ${yes} / ${baseName} ${base}, ${ratioWords(rule, ok, loc)}: ${ok ? 'passed' : 'not passed'}`
    : `赞成 ${yes} / ${baseName} ${base}，${ratioWords(rule, ok, loc)}，${ok ? '通过' : '未通过'}`;
}

// ---------------------------------------------------------------- meetings

export const MEETING_STATUSES = ['scheduled', 'open', 'closed'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const BALLOTS = ['open', 'secret'] as const;

const date = z.iso.date();

export const memberSchema = z.strictObject({
  name: z.string().trim().min(1).max(50),
  gender: z.enum(['male', 'female']).optional(),
});

export const createMeetingBody = z.strictObject({
  orgUnitId: uuid,
  kind: z.enum(MEETING_KINDS),
  basis: z.enum(MEETING_BASES),
  title: text(120),
  agenda: optText(4000),
  heldAt: z.coerce.date(),
  place: optText(200),
  host: optText(50),
  /** When the notice was (or is) posted; default now. */
  noticeAt: z.coerce.date().optional(),
  /** The registry date the electorate is computed at (China date); default today. */
  frozenOn: date.optional(),
  /** The roster, for the members basis (representatives, party members, committee members). */
  members: z.array(memberSchema).max(2000).default([]),
});
export type CreateMeetingBody = z.infer<typeof createMeetingBody>;

export const meetingListQuery = z.object({
  orgUnitId: uuid.optional(),
  kind: z.enum(MEETING_KINDS).optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  ...pageQuery,
});

export const attendanceBody = z
  .strictObject({
    residentIds: z.array(uuid).max(2000).default([]),
    memberNames: z.array(z.string().trim().min(1).max(50)).max(2000).default([]),
  })
  .refine((b) => b.residentIds.length + b.memberNames.length > 0, { path: ['residentIds'] });

export const motionBody = z.strictObject({
  title: text(200),
  text: optText(4000),
  ballot: z.enum(BALLOTS),
});
export const voteBody = z.strictObject({
  yes: z.number().int().min(0).max(1_000_000),
  no: z.number().int().min(0).max(1_000_000),
  abstain: z.number().int().min(0).max(1_000_000),
});
export const closeMeetingBody = z.strictObject({ minutes: optText(20000) });
export const correctionBody = z.strictObject({ text: text(4000) });
export const electorsQuery = z.object({
  q: z.string().trim().max(50).optional(),
  ...pageQueryOf(50),
});
export const motionParams = z.object({ id: z.string(), motionId: z.string() });

const quorumSchema = z.object({
  present: z.number(),
  due: z.number(),
  required: z.number().nullable(),
  met: z.boolean(),
  words: z.string(),
});

export const motionSchema = z.object({
  id: z.string(),
  title: z.string(),
  text: z.string().nullable(),
  ballot: z.enum(BALLOTS),
  yes: z.number().nullable(),
  no: z.number().nullable(),
  abstain: z.number().nullable(),
  passed: z.boolean().nullable(),
  words: z.string().nullable(),
  decidedAt: z.date().nullable(),
});
export type MotionDto = z.infer<typeof motionSchema>;

export const meetingSchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  kind: z.enum(MEETING_KINDS),
  basis: z.enum(MEETING_BASES),
  title: z.string(),
  agenda: z.string().nullable(),
  heldAt: z.date(),
  noticeAt: z.date(),
  place: z.string().nullable(),
  host: z.string().nullable(),
  frozenOn: z.string(),
  status: z.enum(MEETING_STATUSES),
  quorum: quorumSchema,
  closedAt: z.date().nullable(),
});
export type MeetingDto = z.infer<typeof meetingSchema>;

export const meetingDetailSchema = meetingSchema.extend({
  members: z.array(z.object({ name: z.string(), gender: z.string().nullable(), present: z.boolean() })),
  attendance: z.array(
    z.object({ name: z.string(), household: z.string().nullable(), method: z.string(), signedAt: z.date() }),
  ),
  motions: z.array(motionSchema),
  minutes: z.string().nullable(),
  corrections: z.array(
    z.object({ id: z.string(), text: z.string(), createdAt: z.date(), by: z.string().nullable() }),
  ),
  /** Advisory checks of the roster (R-LAW-MT-2: one representative per 5–15 households, women ≥ 1/3). */
  warnings: z.array(z.string()),
  rule: z.object({ source: z.enum(['law', 'local', 'product']), noticeDays: z.number().nullable() }),
  actions: z.array(z.enum(['open', 'sign_in', 'motion', 'vote', 'close', 'correct'])),
});
export type MeetingDetailDto = z.infer<typeof meetingDetailSchema>;

export const electorSchema = z.object({
  residentId: z.string(),
  name: z.string(),
  household: z.string().nullable(),
  present: z.boolean(),
});

/** Names of meeting kinds and bases in both UI languages (the PDF and the console use them). */
export const MEETING_KIND_NAMES: Record<MeetingKind, { 'zh-CN': string; en: string }> = {
  villagers: { 'zh-CN': '村民会议', en: 'Villagers’ meeting' },
  villager_reps: { 'zh-CN': '村民代表会议', en: 'Villagers’ representatives’ meeting' },
  villager_group: { 'zh-CN': '村民小组会议', en: 'Villager group meeting' },
  residents: { 'zh-CN': '居民会议', en: 'Residents’ meeting' },
  resident_reps: { 'zh-CN': '居民代表会议', en: 'Residents’ representatives’ meeting' },
  resident_group: { 'zh-CN': '居民小组会议', en: 'Residents’ group meeting' },
  party_members: { 'zh-CN': '党员大会', en: 'Party members’ meeting' },
  two_committees: { 'zh-CN': '“两委”联席会议', en: 'Two committees’ joint meeting' },
  hearing: { 'zh-CN': '听证会', en: 'Hearing' },
  joint: { 'zh-CN': '联席会议', en: 'Joint meeting' },
};
export const MEETING_BASIS_NAMES: Record<MeetingBasis, { 'zh-CN': string; en: string }> = {
  adults: { 'zh-CN': '年满十八周岁的登记居民', en: 'Registered adults (18+)' },
  households: { 'zh-CN': '户代表', en: 'Households' },
  members: { 'zh-CN': '名单成员', en: 'Roster members' },
};

// ---------------------------------------------------------------- procedures for major matters (R-DL-4, R-LAW-MT-4)

/** A step records a note, a closed meeting that passed the matter, or a posted disclosure. */
export type StepKind = 'record' | 'meeting' | 'disclosure';
export interface ProcedureStep {
  key: string;
  kind: StepKind;
  name: { 'zh-CN': string; en: string };
  /** Meeting kinds that can carry this step (meeting steps). */
  meetingKinds?: readonly MeetingKind[];
}
export interface ProcedureTemplate {
  key: string;
  name: { 'zh-CN': string; en: string };
  steps: readonly ProcedureStep[];
}

const DECIDING: readonly MeetingKind[] = ['villagers', 'villager_reps', 'residents', 'resident_reps'];
const STEP = {
  propose: {
    key: 'propose',
    kind: 'record',
    name: { 'zh-CN': '党组织提议', en: 'Party organisation proposes' },
  },
  discuss: {
    key: 'discuss',
    kind: 'meeting',
    meetingKinds: ['two_committees'],
    name: { 'zh-CN': '“两委”会议商议', en: 'Two committees discuss' },
  },
  review: {
    key: 'review',
    kind: 'meeting',
    meetingKinds: ['party_members'],
    name: { 'zh-CN': '党员大会审议', en: 'Party members’ meeting reviews' },
  },
  hear: {
    key: 'hear',
    kind: 'meeting',
    meetingKinds: ['hearing'],
    name: { 'zh-CN': '民主听证', en: 'Democratic hearing' },
  },
  decide: {
    key: 'decide',
    kind: 'meeting',
    meetingKinds: DECIDING,
    name: {
      'zh-CN': '村（居）民会议或代表会议决议',
      en: 'Villagers’/residents’ (representatives’) meeting decides',
    },
  },
  resolution: {
    key: 'resolution_disclosed',
    kind: 'disclosure',
    name: { 'zh-CN': '决议公开', en: 'Resolution disclosed' },
  },
  result: {
    key: 'result_disclosed',
    kind: 'disclosure',
    name: { 'zh-CN': '实施结果公开', en: 'Result disclosed' },
  },
} satisfies Record<string, ProcedureStep>;

/**
 * The procedure templates (R-DL-4, data, not code): seed 002's 四议两公开 (R-LAW-MT-4), and seed 004 Ⅱ-2's
 * 五议两公开, which the seed names beside 民主听证 without listing its steps: the fifth 议 here is that
 * democratic hearing, before the decision. Both apply to villages and residents' committees alike.
 */
export const PROCEDURE_TEMPLATES: readonly ProcedureTemplate[] = [
  {
    key: 'four_two',
    name: { 'zh-CN': '四议两公开', en: 'Four deliberations, two disclosures' },
    steps: [STEP.propose, STEP.discuss, STEP.review, STEP.decide, STEP.resolution, STEP.result],
  },
  {
    key: 'five_two',
    name: { 'zh-CN': '五议两公开', en: 'Five deliberations, two disclosures' },
    steps: [STEP.propose, STEP.discuss, STEP.review, STEP.hear, STEP.decide, STEP.resolution, STEP.result],
  },
];
export const templateOf = (key: string) => PROCEDURE_TEMPLATES.find((t) => t.key === key);

/**
 * The “三重一大” class of a major matter (seed 002 二.2: 涉及村(居)“三重一大”事项都要由党组织研究讨论后按照程序决定,
 * S002-05). The seed names the term only; the four classes are the term's usual wording for villages and
 * residents' committees: 重大决策事项、重要人事任免、重大项目安排、大额资金使用.
 */
export const MATTER_CLASSES = ['major_decision', 'personnel', 'major_project', 'large_fund'] as const;
export type MatterClass = (typeof MATTER_CLASSES)[number];
export const MATTER_CLASS_NAMES: Record<MatterClass, { 'zh-CN': string; en: string }> = {
  major_decision: { 'zh-CN': '重大决策事项', en: 'Major decision' },
  personnel: { 'zh-CN': '重要人事任免', en: 'Key appointment or removal' },
  major_project: { 'zh-CN': '重大项目安排', en: 'Major project' },
  large_fund: { 'zh-CN': '大额资金使用', en: 'Large expenditure' },
};

export const createProcedureBody = z.strictObject({
  orgUnitId: uuid,
  template: z.enum(['four_two', 'five_two']),
  title: text(120),
  matter: text(4000),
  /** Its “三重一大” class, when it is one (optional). */
  matterClass: z.enum(MATTER_CLASSES).nullish(),
});
export const stepBody = z.strictObject({
  /** The step being completed: must be the next one (a step cannot be skipped). */
  step: z.string().trim().min(1).max(40),
  note: optText(4000),
  meetingId: uuid.optional(),
  motionId: uuid.optional(),
  disclosureId: uuid.optional(),
});
export const procedureListQuery = z.object({
  orgUnitId: uuid.optional(),
  status: z.enum(['running', 'done']).optional(),
  /** Only matters of this “三重一大” class, or (`none`) those without one. */
  matterClass: z.enum([...MATTER_CLASSES, 'none']).optional(),
  ...pageQuery,
});
export const procedureSchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  template: z.string(),
  templateName: z.string(),
  title: z.string(),
  matter: z.string(),
  matterClass: z.enum(MATTER_CLASSES).nullable(),
  status: z.enum(['running', 'done']),
  nextStep: z.string().nullable(),
  createdAt: z.date(),
  steps: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(['record', 'meeting', 'disclosure']),
      name: z.string(),
      meetingKinds: z.array(z.string()),
      done: z.boolean(),
      note: z.string().nullable(),
      meetingId: z.string().nullable(),
      meetingTitle: z.string().nullable(),
      motionTitle: z.string().nullable(),
      motionWords: z.string().nullable(),
      disclosureId: z.string().nullable(),
      disclosureTitle: z.string().nullable(),
      completedAt: z.date().nullable(),
    }),
  ),
  canAct: z.boolean(),
});
export type ProcedureDto = z.infer<typeof procedureSchema>;

// ---------------------------------------------------------------- disclosure (R-DC-1, R-LAW-DC-1)

export const DISCLOSURE_KINDS = ['finance', 'project_funds', 'decision', 'governance', 'other'] as const;
export type DisclosureKind = (typeof DISCLOSURE_KINDS)[number];
export const DISCLOSURE_KIND_NAMES: Record<DisclosureKind, { 'zh-CN': string; en: string }> = {
  finance: { 'zh-CN': '财务收支', en: 'Finances' },
  project_funds: { 'zh-CN': '项目资金', en: 'Project funds' },
  decision: { 'zh-CN': '重大事项决策', en: 'Decisions' },
  governance: { 'zh-CN': '治理情况', en: 'Governance status' },
  other: { 'zh-CN': '其他事项', en: 'Other' },
};
export const FREQUENCIES = ['monthly', 'quarterly'] as const;
/** R-LAW-DC-1: a posting stays up at least 5 days; objections within 5 days; answers within 5 days. */
export const POSTING_MIN_DAYS = 5;
export const OBJECTION_DAYS = 5;
export const ANSWER_DAYS = 5;
/** A scheduled period's posting is due this many days after the period ends (product default). */
export const DISCLOSURE_GRACE_DAYS = 10;

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/);
export const createDisclosureBody = z.strictObject({
  orgUnitId: uuid,
  kind: z.enum(DISCLOSURE_KINDS),
  title: text(120),
  body: text(20000),
  /** The month (YYYY-MM) or quarter (YYYY-Qn) a scheduled item covers. */
  period: period.optional(),
  /** When it goes up; default now. */
  postedAt: z.coerce.date().optional(),
});
export const disclosureListQuery = z.object({
  orgUnitId: uuid.optional(),
  kind: z.enum(DISCLOSURE_KINDS).optional(),
  ...pageQuery,
});
export const scheduleBody = z.strictObject({
  orgUnitId: uuid,
  kind: z.enum(DISCLOSURE_KINDS),
  frequency: z.enum(FREQUENCIES),
});
export const objectionBody = z.strictObject({ text: text(2000) });
export const answerBody = z.strictObject({ answer: text(4000) });
export const objectionParams = z.object({ id: z.string(), objectionId: z.string() });

export const objectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  text: z.string(),
  raisedAt: z.date(),
  answerDueAt: z.date(),
  answer: z.string().nullable(),
  answeredAt: z.date().nullable(),
  overdue: z.boolean(),
  mine: z.boolean(),
});
export const disclosureSchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  kind: z.enum(DISCLOSURE_KINDS),
  title: z.string(),
  body: z.string(),
  period: z.string().nullable(),
  postedAt: z.date(),
  /** Earliest time it may come down (R-LAW-DC-1: at least 5 days). */
  minUntil: z.date(),
  objectionUntil: z.date(),
  takenDownAt: z.date().nullable(),
  objections: z.array(objectionSchema),
  canObject: z.boolean(),
  canManage: z.boolean(),
});
export type DisclosureDto = z.infer<typeof disclosureSchema>;
export const scheduleSchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  kind: z.enum(DISCLOSURE_KINDS),
  frequency: z.enum(FREQUENCIES),
});
export const overdueSchema = z.object({
  /** Scheduled periods past due without a posting. */
  missing: z.array(
    z.object({
      ...unitIdAndName,
      kind: z.enum(DISCLOSURE_KINDS),
      period: z.string(),
      dueOn: z.string(),
    }),
  ),
  /** Objections not answered within 5 days. */
  unanswered: z.array(
    z.object({
      disclosureId: z.string(),
      title: z.string(),
      unitName: z.string().nullable(),
      raisedAt: z.date(),
      answerDueAt: z.date(),
    }),
  ),
});
/** A resident's board: postings of the units above their home (no unit filter). */
export const boardQuery = disclosureListQuery.omit({ orgUnitId: true });
