import {
  MATTER_CLASSES,
  MATTER_CLASS_NAMES,
  MEETING_BASES,
  MEETING_BASIS_NAMES,
  MEETING_KIND_NAMES,
  MEETING_KINDS,
  MEETING_RULES,
  type MeetingBasis,
  type MeetingKind,
} from '../../../shared/contracts/participation';
import { TOPIC_MICRO_KINDS, TOPIC_MICRO_KIND_NAMES } from '../../../shared/contracts/deliberation';

export { MEETING_BASES, MEETING_KINDS, MEETING_RULES, type MeetingBasis, type MeetingKind };

type Loc = 'zh-CN' | 'en';
export const kindName = (k: string, loc: Loc) => MEETING_KIND_NAMES[k as MeetingKind]?.[loc] ?? k;
export const basisName = (b: string, loc: Loc) => MEETING_BASIS_NAMES[b as MeetingBasis]?.[loc] ?? b;
export const STATUS_COLOR: Record<string, string> = { scheduled: 'blue', open: 'orange', closed: 'default' };

/** A topic's 微改造 / 微服务 / 微治理 (seed 003 三(一)2, S003-11) as a Select's options. */
export const microKindOptions = (loc: Loc) =>
  TOPIC_MICRO_KINDS.map((k) => ({ value: k, label: TOPIC_MICRO_KIND_NAMES[k][loc] }));

/** A procedure's 三重一大 class (seed 002 二.2, S002-05) as a Select's options. */
export const matterClassOptions = (loc: Loc) =>
  MATTER_CLASSES.map((c) => ({ value: c, label: MATTER_CLASS_NAMES[c][loc] }));
