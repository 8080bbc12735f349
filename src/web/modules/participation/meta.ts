import {
  MEETING_BASES,
  MEETING_BASIS_NAMES,
  MEETING_KIND_NAMES,
  MEETING_KINDS,
  MEETING_RULES,
  type MeetingBasis,
  type MeetingKind,
} from '../../../shared/contracts/participation';

export { MEETING_BASES, MEETING_KINDS, MEETING_RULES, type MeetingBasis, type MeetingKind };

type Loc = 'zh-CN' | 'en';
export const kindName = (k: string, loc: Loc) => MEETING_KIND_NAMES[k as MeetingKind]?.[loc] ?? k;
export const basisName = (b: string, loc: Loc) => MEETING_BASIS_NAMES[b as MeetingBasis]?.[loc] ?? b;
export const STATUS_COLOR: Record<string, string> = { scheduled: 'blue', open: 'orange', closed: 'default' };
