import { z } from 'zod';
import { pageQuery } from './pageQuery';
import { communityRef, communityRow, subdistrictRow, unitRef } from './dtoFields';
import { nullishText as optText, requiredText as text } from './fields';

/**
 * Property management and 三方联动 (issue 16 §3; seed 003 三(一)2–3, seed 004 Ⅱ-7): each compound's property
 * service — a property company, a self-management committee (自管委/物管委) or none — and its owners'
 * committee; coverage per community (seed 003 "实现物业服务全覆盖", seed 004 "城市社区物业服务全覆盖");
 * 三方联动 joint meetings with issues raised and resolved; public notices; appraisals of the service; the
 * monthly civilised-compound selection and 美好家园 model compounds (1–2 city-level and 1 provincial a year).
 * Isomorphic: the server and the web app read this file.
 */

const day = z.iso.date();

/** company: 物业服务企业; self: 自管委/物管委 (no company); none: no property service. */
export const MANAGEMENT_KINDS = ['company', 'self', 'none'] as const;
export type ManagementKind = (typeof MANAGEMENT_KINDS)[number];
export const OC_ROLES = ['chair', 'vice_chair', 'member'] as const;
export const HONOUR_KINDS = ['civilised_monthly', 'model_city', 'model_provincial'] as const;
export type HonourKind = (typeof HONOUR_KINDS)[number];
/** Seed 003 三(一)2: "每年至少成功创建1-2个市级、1个省级示范小区" — per subdistrict and year. */
export const MODEL_CITY_MIN = 1;
export const MODEL_CITY_MAX = 2;
export const MODEL_PROVINCIAL_MIN = 1;
export const ISSUE_OWNERS = ['residents_committee', 'owners_committee', 'property_company'] as const;

export const ocMemberSchema = z.strictObject({
  name: text(40),
  role: z.enum(OC_ROLES),
  personId: z.uuid().nullish(),
});

export const compoundBody = z.strictObject({
  management: z.enum(MANAGEMENT_KINDS),
  companyName: optText(120),
  companyUscc: optText(18),
  contractStart: day.nullish(),
  contractEnd: day.nullish(),
  /** Fee in fen per m² per month. */
  feeFenPerM2: z.number().int().min(0).max(100_000).nullish(),
  starRating: z.number().int().min(1).max(5).nullish(),
  selfCommitteeName: optText(120),
  ownersCommittee: z
    .strictObject({
      termStart: day,
      termEnd: day,
      electedOn: day,
      members: z.array(ocMemberSchema).max(21),
    })
    .nullish(),
  version: z.number().int().optional(),
});
export type CompoundBody = z.infer<typeof compoundBody>;

export const compoundQuery = z.object({
  communityId: z.uuid().optional(),
  management: z.enum(MANAGEMENT_KINDS).optional(),
  /** 'false': compounds without an owners' committee. */
  ownersCommittee: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(60).optional(),
  ...pageQuery,
});
export type CompoundQuery = z.infer<typeof compoundQuery>;

export const compoundSchema = z.object({
  /** The compound's org unit id. */
  id: z.string(),
  name: z.string(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  /** Nothing recorded counts as none. */
  management: z.enum(MANAGEMENT_KINDS),
  recorded: z.boolean(),
  covered: z.boolean(),
  companyName: z.string().nullable(),
  companyUscc: z.string().nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  contractExpired: z.boolean(),
  feeFenPerM2: z.number().nullable(),
  starRating: z.number().nullable(),
  selfCommitteeName: z.string().nullable(),
  ownersCommittee: z
    .object({
      termStart: z.string().nullable(),
      termEnd: z.string().nullable(),
      electedOn: z.string().nullable(),
      members: z.array(
        z.object({ name: z.string(), role: z.enum(OC_ROLES), personId: z.string().nullish() }),
      ),
      expired: z.boolean(),
    })
    .nullable(),
  version: z.number(),
  updatedAt: z.coerce.date().nullable(),
});
export type CompoundDto = z.infer<typeof compoundSchema>;

export const coverageQuery = z.object({ orgUnitId: z.uuid().optional() });
export type CoverageQuery = z.infer<typeof coverageQuery>;

export const COVERAGE_FLAGS = ['not_full', 'no_compounds'] as const;
export const coverageRowSchema = z.object({
  ...communityRow,
  compounds: z.number(),
  withCompany: z.number(),
  selfManaged: z.number(),
  uncovered: z.number(),
  withOwnersCommittee: z.number(),
  /** covered / compounds, 0–1 (1 when there are no compounds). */
  share: z.number(),
  gaps: z.array(z.object({ id: z.string(), name: z.string() })),
  flags: z.array(z.enum(COVERAGE_FLAGS)),
});
export type CoverageRowDto = z.infer<typeof coverageRowSchema>;
export const coverageSchema = z.object({
  rows: z.array(coverageRowSchema),
  totals: z.object({
    compounds: z.number(),
    covered: z.number(),
    share: z.number(),
    communitiesNotFull: z.number(),
  }),
});
export type CoverageDto = z.infer<typeof coverageSchema>;

export const issueBody = z.strictObject({ text: text(500), owner: z.enum(ISSUE_OWNERS).nullish() });
export type IssueBody = z.infer<typeof issueBody>;
export const resolveBody = z.strictObject({ resolvedOn: day, resolution: text(1000) });
export type ResolveBody = z.infer<typeof resolveBody>;

export const meetingBody = z.strictObject({
  communityId: z.uuid(),
  compoundId: z.uuid().nullish(),
  heldOn: day,
  title: text(120),
  residentsCommittee: optText(120),
  ownersCommittee: optText(120),
  propertyCompany: optText(120),
  minutes: optText(4000),
  issues: z.array(issueBody).max(30).default([]),
});
export type MeetingBody = z.infer<typeof meetingBody>;

export const meetingQuery = z.object({
  communityId: z.uuid().optional(),
  /** 'true': meetings with unresolved issues. */
  open: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});
export type MeetingQuery = z.infer<typeof meetingQuery>;

export const issueSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  text: z.string(),
  owner: z.enum(ISSUE_OWNERS).nullable(),
  status: z.enum(['open', 'resolved']),
  resolvedOn: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type IssueDto = z.infer<typeof issueSchema>;

export const meetingSchema = z.object({
  id: z.string(),
  ...communityRef,
  compoundId: z.string().nullable(),
  compoundName: z.string().nullable(),
  heldOn: z.string(),
  title: z.string(),
  residentsCommittee: z.string().nullable(),
  ownersCommittee: z.string().nullable(),
  propertyCompany: z.string().nullable(),
  /** All three parties were there (三方). */
  allThree: z.boolean(),
  minutes: z.string().nullable(),
  issues: z.array(issueSchema),
  openIssues: z.number(),
});
export type MeetingDto = z.infer<typeof meetingSchema>;

export const noticeBody = z.strictObject({
  orgUnitId: z.uuid(),
  title: text(120),
  body: text(4000),
  publishedOn: day,
});
export type NoticeBody = z.infer<typeof noticeBody>;
export const noticeQuery = z.object({ communityId: z.uuid().optional(), ...pageQuery });
export type NoticeQuery = z.infer<typeof noticeQuery>;
export const noticeSchema = z.object({
  id: z.string(),
  ...unitRef,
  title: z.string(),
  body: z.string(),
  publishedOn: z.string(),
});
export type NoticeDto = z.infer<typeof noticeSchema>;

export const appraisalBody = z.strictObject({
  compoundId: z.uuid(),
  period: text(40),
  appraisedOn: day,
  score: z.number().int().min(0).max(100),
  respondents: z.number().int().min(0).max(100_000).nullish(),
  remark: optText(1000),
});
export type AppraisalBody = z.infer<typeof appraisalBody>;
export const appraisalQuery = z.object({ communityId: z.uuid().optional(), ...pageQuery });
export type AppraisalQuery = z.infer<typeof appraisalQuery>;
export const appraisalSchema = z.object({
  id: z.string(),
  compoundId: z.string(),
  compoundName: z.string().nullable(),
  period: z.string(),
  appraisedOn: z.string(),
  score: z.number(),
  respondents: z.number().nullable(),
  remark: z.string().nullable(),
});
export type AppraisalDto = z.infer<typeof appraisalSchema>;

export const honourBody = z.strictObject({
  compoundId: z.uuid(),
  kind: z.enum(HONOUR_KINDS),
  year: z.number().int().min(2000).max(2100),
  /** 1–12 for the monthly civilised-compound selection; none for model compounds. */
  month: z.number().int().min(1).max(12).nullish(),
  awardedOn: day,
  remark: optText(500),
});
export type HonourBody = z.infer<typeof honourBody>;
export const honourQuery = z.object({
  communityId: z.uuid().optional(),
  kind: z.enum(HONOUR_KINDS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  ...pageQuery,
});
export type HonourQuery = z.infer<typeof honourQuery>;
export const honourSchema = z.object({
  id: z.string(),
  compoundId: z.string(),
  compoundName: z.string().nullable(),
  communityName: z.string().nullable(),
  kind: z.enum(HONOUR_KINDS),
  year: z.number(),
  month: z.number().nullable(),
  awardedOn: z.string(),
  remark: z.string().nullable(),
});
export type HonourDto = z.infer<typeof honourSchema>;

export const HONOUR_FLAGS = [
  'model_city_missing',
  'model_city_over',
  'model_provincial_missing',
  'months_missing',
] as const;
export const targetsQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const targetsSchema = z.object({
  year: z.number(),
  rows: z.array(
    z.object({
      ...subdistrictRow,
      modelCity: z.number(),
      modelProvincial: z.number(),
      /** Months of the year so far without a civilised-compound selection. */
      monthsMissing: z.array(z.number()),
      flags: z.array(z.enum(HONOUR_FLAGS)),
    }),
  ),
});
export type TargetsDto = z.infer<typeof targetsSchema>;

/** A resident's compound on the phone: who serves it and its notices. */
export const myCompoundSchema = z.object({
  compound: compoundSchema.nullable(),
  notices: z.array(noticeSchema),
});
export type MyCompoundDto = z.infer<typeof myCompoundSchema>;
