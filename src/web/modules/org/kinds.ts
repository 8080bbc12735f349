import type { OrgKind } from '../../../shared/orgKinds';

export const KIND_COLORS: Record<OrgKind, string> = {
  city: 'magenta',
  district: 'volcano',
  subdistrict: 'orange',
  community: 'blue',
  grid: 'cyan',
  compound: 'green',
  building: 'geekblue',
  household: 'default',
};

export const kindColor = (kind: string) => KIND_COLORS[kind as OrgKind] ?? 'default';
