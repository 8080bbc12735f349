import { z } from 'zod';
import { dateRangeQuery, queryList } from './common';
import { proxyBody, proxyInfoSchema } from './proxy';
import { WO_ACTIONS, WO_STATUSES } from './workOrderMachine';
import { pageQuery } from './pageQuery';
import { statusEventFields } from './stateEvents';
import { timestamps, unitRef } from './dtoFields';
import { mobilePhone as phone, requiredText as text } from './fields';

export const WO_KINDS = ['consult', 'help', 'complaint', 'report', 'suggestion', 'event'] as const;
export const WO_CHANNELS = [
  'hotline',
  'suggestion_box',
  'online',
  'station',
  'grid_patrol',
  'transfer_12345',
  'transfer_110',
  'open311',
] as const;
export const WO_PRIORITIES = ['emergency', 'key', 'regular'] as const;
export const DIVERT_CHANNELS = ['110', '119', '120', '122', 'litigation', 'arbitration', 'petition'] as const;
export const SATISFACTION = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export const RESOLUTION_LEVELS = ['grid', 'community', 'subdistrict', 'above'] as const;

const attachmentIds = z.array(z.string().uuid()).max(9).default([]);

/** Intake by staff (hotline, station, grid patrol …) or by a resident online. */
export const intakeBody = z.strictObject({
  kind: z.enum(WO_KINDS),
  channel: z.enum(WO_CHANNELS).optional(),
  categoryCode: text(40),
  priority: z.enum(WO_PRIORITIES).optional(),
  description: text(2000),
  address: z.string().trim().max(200).nullish(),
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  buildingId: z.string().uuid().nullish(),
  /** Optional hint when neither a point nor a building is known. */
  communityId: z.string().uuid().nullish(),
  requesterName: z.string().trim().max(50).nullish(),
  requesterPhone: phone.nullish(),
  attachmentIds,
  /** R-LAW-WO-2: a consult answered on the spot closes at intake. */
  answeredOnSpot: z.string().trim().min(1).max(2000).nullish(),
  /** Grid worker's 自办自结: resolved on the spot inside the grid; still followed up. */
  resolvedOnSpot: z.string().trim().min(1).max(2000).nullish(),
  /** 帮办代办: staff file the request for a registry resident, with the resident's consent (platform/proxy.ts). */
  proxy: proxyBody.nullish(),
});
export type IntakeBody = z.infer<typeof intakeBody>;

/** A resident's report from the phone page: the phone is required when not logged in. */
export const publicReportBody = intakeBody
  .omit({ channel: true, priority: true, answeredOnSpot: true, resolvedOnSpot: true, proxy: true })
  .extend({ kind: z.enum(['consult', 'help', 'complaint', 'report', 'suggestion']), requesterPhone: phone });
export type PublicReportBody = z.infer<typeof publicReportBody>;

const unitId = z.string().uuid();
const note = z.string().trim().max(1000).optional();

export const actionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('classify'),
    categoryCode: text(40).optional(),
    priority: z.enum(WO_PRIORITIES).optional(),
    kind: z.enum(WO_KINDS).optional(),
    note,
  }),
  z.strictObject({
    action: z.literal('dispatch'),
    unitId: unitId.optional(),
    priority: z.enum(WO_PRIORITIES).optional(),
    note,
  }),
  z.strictObject({ action: z.literal('divert'), to: z.enum(DIVERT_CHANNELS), note: text(1000) }),
  z.strictObject({ action: z.literal('link_duplicate'), duplicateOfId: z.string().uuid(), note }),
  z.strictObject({ action: z.literal('cancel'), note: text(1000) }),
  z.strictObject({ action: z.literal('accept'), note }),
  z.strictObject({ action: z.literal('return'), note: text(1000) }),
  z.strictObject({ action: z.literal('approve_return'), note }),
  z.strictObject({ action: z.literal('reject_return'), note: text(1000) }),
  z.strictObject({ action: z.literal('reassign'), unitId, note: text(1000) }),
  z.strictObject({
    action: z.literal('request_extension'),
    workingDays: z.number().int().min(1).max(15),
    note: text(1000),
  }),
  z.strictObject({ action: z.literal('approve_extension'), note }),
  z.strictObject({ action: z.literal('reject_extension'), note: text(1000) }),
  z.strictObject({ action: z.literal('whistle'), departments: z.array(text(60)).min(1).max(10), note }),
  z.strictObject({
    action: z.literal('participant_report'),
    participantId: z.string().uuid(),
    note: text(2000),
  }),
  z.strictObject({
    action: z.literal('reply'),
    note: text(2000),
    publicNote: text(2000).optional(),
    attachmentIds,
  }),
  z.strictObject({
    action: z.literal('follow_up'),
    resolved: z.boolean(),
    satisfaction: z.enum(SATISFACTION),
    unitFault: z.boolean().default(false),
    note,
  }),
  z.strictObject({ action: z.literal('close'), note: text(1000) }),
  z.strictObject({ action: z.literal('remind'), note }),
  z.strictObject({ action: z.literal('supervise'), note }),
]);
export type ActionBody = z.infer<typeof actionBody>;

/** The last four digits of the requester's phone: with the order number, a resident's way to track (issue 17). */
export const phoneLast4Field = z.string().regex(/^\d{4}$/, 'work_orders.phone_last4_format');

/** POST /api/public/work-orders/track: order number + last four digits of the phone given at intake. */
export const trackBody = z.strictObject({
  number: z.string().trim().min(1).max(40),
  phoneLast4: phoneLast4Field,
});

export const ratingBody = z.strictObject({
  token: z.string().min(10).max(100).optional(),
  /** Instead of `token`: the last four digits of the requester's phone. */
  phoneLast4: phoneLast4Field.optional(),
  resolved: z.boolean(),
  satisfaction: z.enum(SATISFACTION),
  comment: z.string().trim().max(500).optional(),
});

export const timelineEntrySchema = z.object({
  ...statusEventFields,
  publicNote: z.string().nullable(),
  attachments: z.array(z.string()),
});

export const workOrderSchema = z.object({
  id: z.string(),
  number: z.string(),
  kind: z.enum(WO_KINDS),
  channel: z.string(),
  categoryCode: z.string(),
  categoryName: z.string().nullable(),
  priority: z.enum(WO_PRIORITIES),
  status: z.enum(WO_STATUSES),
  description: z.string(),
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  gridId: z.string().nullable(),
  communityId: z.string().nullable(),
  ...unitRef,
  requesterName: z.string().nullable(),
  requesterPhone: z.string().nullable(),
  acceptDueAt: z.date().nullable(),
  dueAt: z.date().nullable(),
  /**
   * The deadline was counted through a year whose official holiday schedule is not published yet
   * (weekends only): an estimate (R-LAW-CAL-1). The console shows "（预估）" beside it.
   */
  acceptDeadlineEstimated: z.boolean(),
  deadlineEstimated: z.boolean(),
  acceptedAt: z.date().nullable(),
  repliedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  overdue: z.boolean(),
  resolutionLevel: z.enum(RESOLUTION_LEVELS).nullable(),
  duplicateOfId: z.string().nullable(),
  redoCount: z.number(),
  escalationLevel: z.number(),
  supervised: z.boolean(),
  reminders: z.number(),
  pendingExtension: z.object({ workingDays: z.number(), reason: z.string() }).nullable(),
  ...timestamps,
  /** What this user may do now (state machine ∩ permissions ∩ scope). */
  actions: z.array(z.enum(WO_ACTIONS)),
});
export type WorkOrderDto = z.infer<typeof workOrderSchema>;

export const workOrderDetailSchema = workOrderSchema.extend({
  /** Filed for a resident by staff (帮办代办): principal, proxy, consent; null otherwise. */
  proxy: proxyInfoSchema.nullable(),
  timeline: z.array(timelineEntrySchema),
  participants: z.array(
    z.object({ id: z.string(), department: z.string(), status: z.string(), report: z.string().nullable() }),
  ),
  followups: z.array(
    z.object({
      cycle: z.number(),
      resolved: z.boolean(),
      satisfaction: z.enum(SATISFACTION),
      unitFault: z.boolean(),
      source: z.string(),
      at: z.date(),
    }),
  ),
  possibleDuplicates: z.array(
    z.object({ id: z.string(), number: z.string(), status: z.string(), distanceM: z.number().nullable() }),
  ),
});
export type WorkOrderDetailDto = z.infer<typeof workOrderDetailSchema>;

export const workOrderListQuery = z.object({
  status: queryList(WO_STATUSES),
  view: z
    .enum(['all', 'intake', 'mine', 'overdue', 'due_soon', 'due_today', 'due_week', 'supervised'])
    .default('all'),
  q: z.string().trim().max(50).optional(),
  categoryCode: z.string().max(40).optional(),
  priority: z.enum(WO_PRIORITIES).optional(),
  orgUnitId: z.string().uuid().optional(),
  ...dateRangeQuery,
  ...pageQuery,
});
export type WorkOrderListQuery = z.infer<typeof workOrderListQuery>;

/** What a requester sees: no staff names, no internal notes (privacy-safe timeline). */
export const publicWorkOrderSchema = z.object({
  number: z.string(),
  kind: z.enum(WO_KINDS),
  categoryName: z.string().nullable(),
  status: z.enum(WO_STATUSES),
  description: z.string(),
  createdAt: z.date(),
  dueAt: z.date().nullable(),
  deadlineEstimated: z.boolean(),
  closedAt: z.date().nullable(),
  canRate: z.boolean(),
  /** Who filed it for the resident (由某某代办), when staff did. */
  proxyName: z.string().nullable(),
  timeline: z.array(
    z.object({
      at: z.date(),
      status: z.string().nullable(),
      text: z.string().nullable(),
      /** Attachment ids the requester may open (their report's and the reply's photos). */
      photos: z.array(z.string()),
    }),
  ),
});

// ---------------------------------------------------------------- categories (admin)

export const WO_LIMIT_GROUPS = ['general', 'utility'] as const;

/** A work-order category (also an Open311 service). */
export const categorySchema = z.object({
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  limitGroup: z.string(),
  department: z.string().nullable(),
  keywords: z.array(z.string()),
  active: z.boolean(),
  sort: z.number().int(),
});
export type WoCategoryDto = z.infer<typeof categorySchema>;

const categoryFields = {
  nameZh: z.string().trim().min(1).max(40),
  nameEn: z.string().trim().min(1).max(80),
  limitGroup: z.enum(WO_LIMIT_GROUPS).default('general'),
  department: z.string().trim().max(60).nullable().optional(),
  keywords: z.array(z.string().trim().min(1).max(20)).max(20).default([]),
  sort: z.number().int().min(0).max(9999).default(0),
};

export const categoryCreateBody = z.object({
  /** Stable code, also the Open311 service_code: lower-case letters, digits and underscores. */
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{1,39}$/),
  ...categoryFields,
});
export type CategoryCreateInput = z.input<typeof categoryCreateBody>;

/** Categories are never deleted (orders refer to them): they are retired with active=false. */
export const categoryUpdateBody = z
  .object({
    nameZh: categoryFields.nameZh,
    nameEn: categoryFields.nameEn,
    limitGroup: z.enum(WO_LIMIT_GROUPS),
    department: categoryFields.department,
    keywords: z.array(z.string().trim().min(1).max(20)).max(20),
    sort: z.number().int().min(0).max(9999),
    active: z.boolean(),
  })
  .partial();
export type CategoryUpdateInput = z.input<typeof categoryUpdateBody>;
