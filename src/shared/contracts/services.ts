import { z } from 'zod';
import { dateRangeQuery, queryList } from './common';
import { proxyBody, proxyInfoSchema } from './proxy';
import { SO_STATUSES } from './serviceOrderMachine';
import { SERVICE_CATEGORIES } from './serviceCategories';
import { pageQuery } from './pageQuery';
import { statusEventFields } from './stateEvents';
import { communityRef, timestamps } from './dtoFields';
import { mobilePhone as phone, nullishText as optText, requiredText as text } from './fields';

/** Three lists (R-SV-1), service orders, duty rota (R-SV-2): request and response shapes. */
export const NEED_SOURCES = ['resident', 'grid_visit', 'deliberation', 'special_group_visit'] as const;
export const NEED_STATUSES = ['open', 'matched', 'done'] as const;
export const RESOURCE_KINDS = [
  'venue',
  'party_member_skill',
  'resident_unit_offer',
  'social_org',
  'merchant',
  'fund',
] as const;
export const OWNER_TYPES = ['party_member', 'resident_unit', 'social_org', 'volunteer', 'merchant'] as const;
export const PROVIDER_TYPES = ['volunteer', 'team', 'social_org', 'resident_unit', 'community'] as const;
export const ASSIGNEE_TYPES = ['volunteer', 'team', 'social_org'] as const;
export { SERVICE_CATEGORIES };
export const DUTY_PERSON_TYPES = [
  'resident_rep',
  'grid_worker',
  'party_leader',
  'volunteer',
  'worker',
  /** 两代表一委员 (seed 003 三(三)1): a deputy from the people registry doing liaison duty (接待、联系群众). */
  'deputy',
] as const;

const uuid = z.string().uuid();
const skillList = z.array(z.string().trim().min(1).max(20)).max(10);
// ---------------------------------------------------------------- needs

const needFields = z.strictObject({
  /** The community; may be left out when the grid is given (a grid worker's visit). */
  communityId: uuid.nullish(),
  /** A grid inside the community, when the need came from a grid visit. */
  gridId: uuid.nullish(),
  title: text(100),
  description: optText(2000),
  source: z.enum(NEED_SOURCES),
  category: z.enum(SERVICE_CATEGORIES).nullish(),
  raisedBy: optText(50),
});
export const needBody = needFields.refine((v) => v.communityId || v.gridId, {
  path: ['communityId'],
  message: 'services.not_community',
});
export type NeedBody = z.infer<typeof needBody>;
export const needPatch = needFields
  .omit({ communityId: true, gridId: true })
  .partial()
  .extend({ status: z.enum(NEED_STATUSES).optional() });
export type NeedPatch = z.infer<typeof needPatch>;

export const needSchema = z.object({
  id: z.string(),
  ...communityRef,
  orgUnitId: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  source: z.enum(NEED_SOURCES),
  category: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  raisedBy: z.string().nullable(),
  orderId: z.string().nullable(),
  ...timestamps,
});
export type NeedDto = z.infer<typeof needSchema>;

export const listQuery = z.object({
  ...pageQuery,
  communityId: uuid.optional(),
  q: z.string().trim().max(50).optional(),
});
export const needListQuery = listQuery.extend({
  status: z.enum(NEED_STATUSES).optional(),
  source: z.enum(NEED_SOURCES).optional(),
});
export type NeedListQuery = z.infer<typeof needListQuery>;

// ---------------------------------------------------------------- resources

/** A resource's editable fields, without defaults (a patch must not fill in what it leaves out). */
const resourceFields = {
  kind: z.enum(RESOURCE_KINDS),
  name: text(100),
  description: optText(2000),
  ownerType: z.enum(OWNER_TYPES).nullish(),
  ownerId: uuid.nullish(),
  quantity: z.number().int().min(0).max(100_000_000).nullish(),
  available: z.boolean(),
};
export const resourceBody = z.strictObject({
  communityId: uuid,
  ...resourceFields,
  available: resourceFields.available.default(true),
});
export type ResourceBody = z.infer<typeof resourceBody>;
/**
 * Every field optional and none defaulted: in zod 4 `.default()` still fills a value inside `.partial()`,
 * so deriving the patch from the body would reset fields the patch leaves out.
 */
export const resourcePatch = z.strictObject(resourceFields).partial();
export type ResourcePatch = z.infer<typeof resourcePatch>;

export const resourceSchema = z.object({
  id: z.string(),
  ...communityRef,
  kind: z.enum(RESOURCE_KINDS),
  name: z.string(),
  description: z.string().nullable(),
  ownerType: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  quantity: z.number().nullable(),
  available: z.boolean(),
  ...timestamps,
});
export type ResourceDto = z.infer<typeof resourceSchema>;
export const resourceListQuery = listQuery.extend({ kind: z.enum(RESOURCE_KINDS).optional() });
export type ResourceListQuery = z.infer<typeof resourceListQuery>;

// ---------------------------------------------------------------- projects

/** A project's editable fields, without defaults (a patch must not fill in what it leaves out). */
const projectFields = {
  title: text(100),
  description: optText(2000),
  category: z.enum(SERVICE_CATEGORIES),
  skills: skillList,
  providerType: z.enum(PROVIDER_TYPES),
  providerId: uuid.nullish(),
  providerName: optText(100),
  schedule: optText(100),
  capacity: z.number().int().min(1).max(10000).nullish(),
  activityType: text(40),
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  published: z.boolean(),
};
export const projectBody = z.strictObject({
  communityId: uuid,
  ...projectFields,
  skills: skillList.default([]),
  durationMinutes: projectFields.durationMinutes.default(60),
  published: projectFields.published.default(false),
});
export type ProjectBody = z.infer<typeof projectBody>;
/** Every field optional and none defaulted (see resourcePatch): PATCH {published} leaves the rest alone. */
export const projectPatch = z.strictObject(projectFields).partial();
export type ProjectPatch = z.infer<typeof projectPatch>;

export const projectSchema = z.object({
  id: z.string(),
  ...communityRef,
  title: z.string(),
  description: z.string().nullable(),
  category: z.string(),
  skills: z.array(z.string()),
  providerType: z.enum(PROVIDER_TYPES),
  providerId: z.string().nullable(),
  providerName: z.string().nullable(),
  schedule: z.string().nullable(),
  capacity: z.number().nullable(),
  /** Orders currently open for it (capacity check). */
  openOrders: z.number(),
  activityType: z.string(),
  durationMinutes: z.number(),
  published: z.boolean(),
  ...timestamps,
});
export type ProjectDto = z.infer<typeof projectSchema>;
export const projectListQuery = listQuery.extend({
  published: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
  category: z.enum(SERVICE_CATEGORIES).optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

/** What residents see of a published service (no internal fields). */
export const publicProjectSchema = projectSchema.pick({
  id: true,
  communityId: true,
  communityName: true,
  title: true,
  description: true,
  category: true,
  providerName: true,
  schedule: true,
  capacity: true,
  openOrders: true,
  durationMinutes: true,
});
export type PublicProjectDto = z.infer<typeof publicProjectSchema>;

// ---------------------------------------------------------------- orders

/** A resident orders a published service, or posts a need as an order; staff may order on someone's behalf. */
export const orderBody = z
  .strictObject({
    projectId: uuid.nullish(),
    /** Without a project: what is needed (a need posted as an order). */
    communityId: uuid.nullish(),
    title: optText(100),
    category: z.enum(SERVICE_CATEGORIES).nullish(),
    description: optText(2000),
    /** For myself (default) or for someone else, e.g. an elderly neighbour. */
    forSelf: z.boolean().default(true),
    /** R-VP-2: pay with the orderer's own time bank (only when ordering for oneself, as a volunteer). */
    payWithTime: z.boolean().default(false),
    /**
     * R-VP-2: a family member pays with an elderly relative's time bank: the id of the designee record that
     * names them (the relative's recorded consent is required, else 403).
     */
    payWithTimeOf: uuid.nullish(),
    beneficiaryName: optText(50),
    beneficiaryPhone: phone.nullish(),
    beneficiaryAddress: optText(200),
    gridId: uuid.nullish(),
    preferredAt: z.coerce.date().nullish(),
    /** Staff ordering on a resident's behalf, from a need on the list. */
    needId: uuid.nullish(),
    /** Set once per form by the client: a replayed submission answers the same order, not a second one. */
    requestKey: z.string().trim().min(8).max(64).optional(),
    /** 帮办代办: staff or a volunteer order for a registry resident, with the resident's consent (platform/proxy.ts). */
    proxy: proxyBody.nullish(),
  })
  .superRefine((v, ctx) => {
    if (!v.projectId && !(v.communityId && v.title && v.category)) {
      ctx.addIssue({ code: 'custom', path: ['projectId'], message: 'services.project_or_need' });
    }
    if (!v.forSelf && !v.beneficiaryName && !v.proxy) {
      ctx.addIssue({ code: 'custom', path: ['beneficiaryName'], message: 'services.beneficiary_required' });
    }
  });
export type OrderBody = z.infer<typeof orderBody>;

const note = z.string().trim().max(500).optional();
export const orderActionBody = z.discriminatedUnion('action', [
  z.strictObject({
    action: z.literal('dispatch'),
    assigneeType: z.enum(ASSIGNEE_TYPES),
    assigneeId: uuid,
    note,
  }),
  z.strictObject({
    action: z.literal('reassign'),
    assigneeType: z.enum(ASSIGNEE_TYPES),
    assigneeId: uuid,
    note,
  }),
  z.strictObject({ action: z.literal('accept'), note }),
  z.strictObject({ action: z.literal('decline'), note: text(500) }),
  z.strictObject({ action: z.literal('check_in'), note }),
  z.strictObject({ action: z.literal('check_out'), note }),
  z.strictObject({
    action: z.literal('confirm'),
    rating: z.number().int().min(1).max(5),
    comment: z.string().trim().max(500).optional(),
  }),
  z.strictObject({ action: z.literal('close'), note }),
  z.strictObject({ action: z.literal('cancel'), note }),
]);
export type OrderActionBody = z.infer<typeof orderActionBody>;

export const orderSchema = z.object({
  id: z.string(),
  number: z.string(),
  ...communityRef,
  gridId: z.string().nullable(),
  projectId: z.string().nullable(),
  needId: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  category: z.string(),
  status: z.enum(SO_STATUSES),
  orderedByName: z.string().nullable(),
  onBehalf: z.boolean(),
  /** Ordered for a registry resident (帮办代办): principal, proxy, consent; null otherwise. */
  proxy: proxyInfoSchema.nullable(),
  beneficiaryName: z.string(),
  /** Masked in lists; in clear only on the detail, for the orderer and the assigned server (audited). */
  beneficiaryPhone: z.string().nullable(),
  beneficiaryAddress: z.string().nullable(),
  preferredAt: z.date().nullable(),
  assigneeType: z.enum(ASSIGNEE_TYPES).nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  dispatchedAt: z.date().nullable(),
  acceptDueAt: z.date().nullable(),
  acceptedAt: z.date().nullable(),
  checkInAt: z.date().nullable(),
  checkOutAt: z.date().nullable(),
  servedMinutes: z.number().nullable(),
  /** R-VP-2: paid with the orderer's time bank; the minutes withdrawn once confirmed. */
  payWithTime: z.boolean(),
  timePaidMinutes: z.number().nullable(),
  confirmedAt: z.date().nullable(),
  rating: z.number().nullable(),
  ratingComment: z.string().nullable(),
  closedAt: z.date().nullable(),
  alert: z.string().nullable(),
  timeouts: z.number(),
  declines: z.number(),
  ...timestamps,
  /** What this user may do now (state machine ∩ permissions ∩ side). */
  actions: z.array(z.string()),
});
export type OrderDto = z.infer<typeof orderSchema>;

export const orderDetailSchema = orderSchema.extend({
  timeline: z.array(z.object(statusEventFields)),
});
export type OrderDetailDto = z.infer<typeof orderDetailSchema>;

export const orderListQuery = listQuery.extend({
  status: queryList(SO_STATUSES),
  /** queue: waiting for dispatch (ordered); alerts: came back after timeout/decline. */
  view: z.enum(['all', 'queue', 'dispatched', 'open', 'alerts']).default('all'),
  ...dateRangeQuery,
});
export type OrderListQuery = z.infer<typeof orderListQuery>;

export const myOrdersQuery = z.object({ ...pageQuery });
export const myTasksQuery = z.object({ ...pageQuery, view: z.enum(['open', 'history']).default('open') });

export const candidateSchema = z.object({
  assigneeType: z.enum(ASSIGNEE_TYPES),
  assigneeId: z.string(),
  name: z.string(),
  /** party_member / resident / university … for volunteers; team kind; social org field. */
  kind: z.string().nullable(),
  skills: z.array(z.string()),
  skillMatch: z.number(),
  /** grid: same grid; compound: same compound (a unit between community and grid); community. */
  distance: z.enum(['grid', 'compound', 'community', 'other']),
  load: z.number(),
  hasLogin: z.boolean(),
  score: z.number(),
});
export type CandidateDto = z.infer<typeof candidateSchema>;

export const settingsBody = z.strictObject({
  acceptTimeoutHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14),
});
export const settingsSchema = z.object({ communityId: z.string(), acceptTimeoutHours: z.number() });

// ---------------------------------------------------------------- reporting party members' record

export const yearRecordQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const yearRecordSchema = z.object({
  year: z.number(),
  volunteerId: z.string(),
  name: z.string(),
  employer: z.string().nullable(),
  communityName: z.string().nullable(),
  ordersServed: z.number(),
  minutes: z.number(),
  averageRating: z.number().nullable(),
  orders: z.array(
    z.object({
      number: z.string(),
      title: z.string(),
      date: z.date(),
      minutes: z.number(),
      rating: z.number().nullable(),
    }),
  ),
});
export type YearRecordDto = z.infer<typeof yearRecordSchema>;

export const myServiceSummarySchema = z.object({
  volunteerId: z.string().nullable(),
  name: z.string().nullable(),
  open: z.number(),
  served: z.number(),
  minutes: z.number(),
  averageRating: z.number().nullable(),
});

// ---------------------------------------------------------------- duty rota (R-SV-2)

/**
 * Seed 000 二.2 (SEED-MAP S000-09): "将“邻里驿站”建成集学习、休闲、调解、议事等功能为一体的服务站点" — the
 * functions a neighbour station combines, in the seed's order.
 */
export const STATION_FUNCTIONS = ['study', 'leisure', 'mediation', 'deliberation'] as const;
export type StationFunction = (typeof STATION_FUNCTIONS)[number];
/** A station's functions: each at most once, kept in the seed's order. */
const stationFunctions = z
  .array(z.enum(STATION_FUNCTIONS))
  .max(STATION_FUNCTIONS.length)
  .transform((fs) => STATION_FUNCTIONS.filter((f) => fs.includes(f)));

export const stationBody = z.strictObject({
  communityId: uuid,
  name: text(100),
  address: optText(200),
  active: z.boolean().default(true),
  /** The facility it is built in (S000-09): one registered in the station's community. */
  hostFacilityId: uuid.nullish(),
  functions: stationFunctions.default([]),
});
export type StationBody = z.infer<typeof stationBody>;
/** A station's change: the fields sent (null clears the address or the host facility). */
export const stationPatch = z.strictObject({
  name: text(100).optional(),
  address: optText(200),
  active: z.boolean().optional(),
  hostFacilityId: uuid.nullish(),
  functions: stationFunctions.optional(),
});
export type StationPatch = z.infer<typeof stationPatch>;
export const stationSchema = z.object({
  id: z.string(),
  ...communityRef,
  name: z.string(),
  address: z.string().nullable(),
  active: z.boolean(),
  hostFacilityId: z.string().nullable(),
  /** The host facility's name as registered now; null without one. */
  hostFacilityName: z.string().nullable(),
  functions: z.array(z.enum(STATION_FUNCTIONS)),
});
export type StationDto = z.infer<typeof stationSchema>;

export const dutySlotBody = z
  .strictObject({
    stationId: uuid,
    personType: z.enum(DUTY_PERSON_TYPES),
    /** For a deputy the name is the registry's (whatever is sent here). */
    personName: text(50),
    /**
     * The linked record (volunteer, worker, party member) when there is one; for a deputy the deputies
     * registry's record (required), registered in the station's community.
     */
    personId: uuid.nullish(),
    /** The login of the person on duty: they then write their own duty log on the phone. */
    personUserId: uuid.nullish(),
    /** …or the same login by its username (the console's form). */
    personUsername: z.string().trim().max(64).nullish(),
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
  })
  .refine((v) => v.endsAt > v.startsAt, { path: ['endsAt'], message: 'services.slot_end_before_start' })
  .refine((v) => v.endsAt.getTime() - v.startsAt.getTime() <= 24 * 3_600_000, {
    path: ['endsAt'],
    message: 'services.slot_too_long',
  })
  .refine((v) => v.personType !== 'deputy' || !!v.personId, {
    path: ['personId'],
    message: 'services.duty_deputy_required',
  });
export type DutySlotBody = z.infer<typeof dutySlotBody>;
export const dutySlotSchema = z.object({
  id: z.string(),
  stationId: z.string(),
  stationName: z.string().nullable(),
  personType: z.enum(DUTY_PERSON_TYPES),
  personName: z.string(),
  personId: z.string().nullable(),
  /** Whether the person on duty has a linked login (and so can log their duty on the phone). */
  selfLogging: z.boolean(),
  startsAt: z.date(),
  endsAt: z.date(),
  logs: z.number(),
});
export type DutySlotDto = z.infer<typeof dutySlotSchema>;
export const dutyQuery = z.object({
  communityId: uuid.optional(),
  stationId: uuid.optional(),
  from: z.coerce.date(),
  to: z.coerce.date(),
});
export const dutyLogBody = z.strictObject({
  content: text(2000),
  visitors: z.number().int().min(0).max(10000).default(0),
});
export const dutyLogSchema = z.object({
  id: z.string(),
  slotId: z.string(),
  at: z.date(),
  content: z.string(),
  visitors: z.number(),
  createdByName: z.string().nullable(),
  /** Written by the person on duty on their phone. */
  selfEntered: z.boolean(),
  hasPhoto: z.boolean(),
});
export type DutyLogDto = z.infer<typeof dutyLogSchema>;

/** The person on duty logs their own duty on the phone: what was handled, when (default now), visitors. */
export const myDutyLogBody = z.strictObject({
  content: text(2000),
  visitors: z.number().int().min(0).max(10000).default(0),
  /** When it was handled; within the slot's China day, not in the future. */
  at: z.coerce.date().optional(),
});
export type MyDutyLogBody = z.infer<typeof myDutyLogBody>;

/** A deputy (两代表一委员) who may be put on duty at a station: registered in the station's community. */
export const dutyDeputySchema = z.object({ id: z.string(), name: z.string() });
export type DutyDeputyDto = z.infer<typeof dutyDeputySchema>;
export const dutyDeputyQuery = z.object({ q: z.string().trim().max(50).optional() });

/**
 * The duty report: per station (of a community), the duty slots starting in the period and the visitors
 * their logs received; of them the deputies' (两代表一委员) liaison slots, visitors and matters logged.
 */
export const dutyReportQuery = z.object({ communityId: uuid.optional(), ...dateRangeQuery });
export type DutyReportQuery = z.infer<typeof dutyReportQuery>;
const dutyFigures = {
  slots: z.number(),
  visitors: z.number(),
  deputySlots: z.number(),
  deputyVisitors: z.number(),
  /** Logs written on deputies' slots: the matters they heard. */
  deputyLogs: z.number(),
};
export const dutyReportSchema = z.object({
  stations: z.array(
    z.object({ stationId: z.string(), stationName: z.string(), ...communityRef, ...dutyFigures }),
  ),
  total: z.object(dutyFigures),
});
export type DutyReportDto = z.infer<typeof dutyReportSchema>;

/** My duty slots (today and the next 7 days, and the last 7 days), each with my logs. */
export const myDutySchema = z.array(
  z.object({
    id: z.string(),
    stationName: z.string().nullable(),
    stationAddress: z.string().nullable(),
    personType: z.enum(DUTY_PERSON_TYPES),
    startsAt: z.date(),
    endsAt: z.date(),
    /** The slot is today (China time): the person may log. */
    today: z.boolean(),
    logs: z.array(dutyLogSchema),
  }),
);
export type MyDutyDto = z.infer<typeof myDutySchema>;

// ---------------------------------------------------------------- seed 003's three lists

/**
 * Seed 003's 问题清单、服务清单、解决清单 (三(一)1: 网格发现、社区呼叫、分级响应、协同处置 … 形成服务闭环), read from
 * the needs and the service orders that answer them: every problem found, the service matched to it, and
 * whether it was solved (the order confirmed by the person served). Beside seed 000's 需求/资源/项目清单.
 */
export const loopQuery = z.object({ communityId: uuid.optional() });
export const loopRowSchema = z.object({
  needId: z.string(),
  communityName: z.string().nullable(),
  title: z.string(),
  source: z.enum(NEED_SOURCES),
  raisedAt: z.date(),
  /** The service order answering it (服务清单), when matched. */
  orderNumber: z.string().nullable(),
  orderStatus: z.string().nullable(),
  servedBy: z.string().nullable(),
  /** When the person served confirmed it (解决清单), and their rating. */
  solvedAt: z.date().nullable(),
  rating: z.number().nullable(),
});
export const loopSchema = z.object({
  problems: z.array(loopRowSchema),
  services: z.array(loopRowSchema),
  solved: z.array(loopRowSchema),
});
export type LoopDto = z.infer<typeof loopSchema>;

// ---------------------------------------------------------------- reports

export const reportQuery = z.object({
  communityId: uuid.optional(),
  ...dateRangeQuery,
});
export type ReportQuery = z.infer<typeof reportQuery>;
export const reportSchema = z.object({
  total: z.number(),
  byStatus: z.array(z.object({ status: z.string(), count: z.number() })),
  byCommunity: z.array(
    z.object({
      ...communityRef,
      orders: z.number(),
      confirmed: z.number(),
      minutes: z.number(),
      averageRating: z.number().nullable(),
    }),
  ),
  topServices: z.array(
    z.object({ title: z.string(), orders: z.number(), averageRating: z.number().nullable() }),
  ),
  averageRating: z.number().nullable(),
  servedMinutes: z.number(),
});
export type ReportDto = z.infer<typeof reportSchema>;

export const serverRowSchema = z.object({
  volunteerId: z.string(),
  name: z.string(),
  kind: z.string().nullable(),
  communityName: z.string().nullable(),
  orders: z.number(),
  minutes: z.number(),
  averageRating: z.number().nullable(),
});
export type ServerRowDto = z.infer<typeof serverRowSchema>;
