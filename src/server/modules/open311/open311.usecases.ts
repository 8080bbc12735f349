import { tokenHash } from '../../platform/auth';
import { intakeBody } from '../../../shared/contracts/workOrders';
import { OPEN_STATUSES, TERMINAL_STATUSES } from '../../../shared/contracts/workOrderMachine';
import type { Locale } from '../../../shared/i18n/errors';
import type { UseCaseCtx } from '../../platform/context';
import { maskAddress, maskIdNumber, maskPhone } from '../../platform/crypto';
import type { Db } from '../../platform/db';
import { isUuid } from '../../platform/ids';
import type { Actor } from '../../platform/permissions';
import { activeUnitByDivisionCode, type OrgUnit, unitById } from '../org/org.api';
import {
  activeCategoryByCode,
  activeCategoryRows,
  intake,
  orderNumberById,
  type RequestFeedFilter,
  requestFeedRows,
  routeTerritory,
} from '../work-orders/work-orders.api';
import {
  badParam,
  isoChina,
  missingParam,
  Open311Error,
  type Problem,
  type XmlValue,
} from './open311.format';
import type { KeyRow } from './open311.keys';
import {
  type AttributeValues,
  checkAttributes,
  describeAttributes,
  GROUPS,
  parseDateTime,
  SERVICE_DEFS,
} from './open311.services';
import { insertRequest, orderIdOfTokenHash, requestExtras } from './open311.repository';

/** What the Open311 use cases receive: no logged-in user; the api_key (if any) is passed separately. */
export type Open311Ctx = Omit<UseCaseCtx, 'actor'> & { locale: Locale };

const lang = (locale: Locale) => (locale === 'en' ? 'en' : 'zh');
const DAY = 86_400_000;
/** GeoReport v2: the default window and the longest span of a search, and the most results returned. */
export const WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;
export const CHANGESET = '2026-11-23T00:00:00+08:00';

// ---------------------------------------------------------------- parameters

export interface Params {
  values: Record<string, string | string[]>;
  attributes: AttributeValues;
}

const ATTRIBUTE_KEY = /^attribute\[([A-Za-z0-9_-]{1,60})\](\[\])?$/;

function scalarList(name: string, v: unknown): string | string[] {
  const one = (x: unknown) => {
    if (typeof x === 'string') return x;
    if (typeof x === 'number' || typeof x === 'boolean') return String(x);
    throw badParam(name);
  };
  return Array.isArray(v) ? v.map(one) : one(v);
}

/**
 * Reads a form-encoded or JSON body (or a query string) into plain parameters and attributes. Attributes
 * come as `attribute[code]=value` (repeated, or `attribute[code][]`, for multi-value lists) or, in JSON,
 * as an `attribute` object.
 */
export function readParams(input: unknown): Params {
  // No prototype: parameter names come from the client.
  const values: Record<string, string | string[]> = Object.create(null);
  const attributes: AttributeValues = Object.create(null);
  const addAttribute = (code: string, v: unknown) => {
    const incoming = scalarList(`attribute[${code}]`, v);
    const before = attributes[code];
    attributes[code] = before === undefined ? incoming : [...[before].flat(), ...[incoming].flat()];
  };
  if (input === null || input === undefined) return { values, attributes };
  if (typeof input !== 'object' || Array.isArray(input))
    throw new Open311Error(400, { code: 'open311.body' });
  for (const [k, v] of Object.entries(input as Record<string, unknown>)) {
    if (v === undefined || v === null) continue;
    const m = ATTRIBUTE_KEY.exec(k);
    if (m) addAttribute(m[1]!, v);
    else if (k.startsWith('attribute[')) throw badParam('attribute');
    else if (k === 'attribute' && typeof v === 'object' && !Array.isArray(v)) {
      for (const [code, x] of Object.entries(v as Record<string, unknown>)) {
        if (!/^[A-Za-z0-9_-]{1,60}$/.test(code)) throw badParam('attribute');
        addAttribute(code, x);
      }
    } else values[k] = scalarList(k, v);
  }
  return { values, attributes };
}

/** One value of a parameter (trimmed; empty = absent); given twice is a 400. */
function one(p: Params, name: string, max = 200): string | undefined {
  const v = p.values[name];
  if (v === undefined) return undefined;
  if (Array.isArray(v) && v.length > 1) throw badParam(name);
  const s = (Array.isArray(v) ? v[0] : v)?.trim();
  if (!s) return undefined;
  if (s.length > max) throw badParam(name);
  return s;
}

/** A comma-delimited list parameter (GeoReport v2 lists), also accepted repeated. */
function list(p: Params, name: string): string[] {
  const v = p.values[name];
  if (v === undefined) return [];
  return [v]
    .flat()
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter(Boolean);
}

function number(p: Params, name: string, min: number, max: number): number | undefined {
  const s = one(p, name, 40);
  if (s === undefined) return undefined;
  if (!/^[-+]?\d{1,3}(\.\d{1,15})?$/.test(s)) throw badParam(name);
  const n = Number(s);
  if (n < min || n > max) throw badParam(name);
  return n;
}

// ---------------------------------------------------------------- jurisdiction

type Unit = OrgUnit;

/**
 * `jurisdiction_id`: an org unit's division code or id, inside `within` (the key's jurisdiction) when
 * given. Unknown, inactive or outside the key's jurisdiction all answer the same 404 (GeoReport v2:
 * "jurisdiction_id provided was not found").
 */
async function jurisdictionOf(db: Db, p: Params, within?: string): Promise<Unit | undefined> {
  const id = one(p, 'jurisdiction_id', 60);
  if (id === undefined) return undefined;
  const byId = isUuid(id) ? await unitById(db, id) : undefined;
  const unit = isUuid(id)
    ? byId?.status === 'active'
      ? byId
      : undefined
    : await activeUnitByDivisionCode(db, id);
  if (!unit || (within && !unit.path.startsWith(within)))
    throw new Open311Error(404, { code: 'open311.jurisdiction_unknown', params: { id } });
  return unit;
}

/**
 * The key files requests as an intake clerk of its jurisdiction: the only permission used is
 * work_orders.intake, so a request whose place is unknown goes to that jurisdiction's dispatcher.
 */
function keyActor(key: KeyRow, unit: Pick<Unit, 'id' | 'path' | 'name'>): Actor {
  return {
    userId: key.id,
    username: `open311:${key.keyPrefix}`,
    displayName: `Open311 · ${key.name}`,
    locale: 'zh-CN',
    assignments: [{ role: 'dispatcher', orgUnitId: unit.id, orgPath: unit.path, orgUnitName: unit.name }],
  };
}

// ---------------------------------------------------------------- discovery and services

export function discovery(baseUrl: string) {
  return {
    changeset: CHANGESET,
    contact: 'Linli (邻里) platform administrators / 平台管理员',
    key_service: 'API keys are issued in the Linli console (接口密钥由平台管理控制台发放)',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: baseUrl,
        changeset: CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}

export async function listServices(db: Db, locale: Locale, p?: Params) {
  // The list is platform-wide; a jurisdiction_id given must still exist.
  if (p) await jurisdictionOf(db, p);
  const l = lang(locale);
  const cats = await activeCategoryRows(db);
  return cats.map((c) => {
    const def = SERVICE_DEFS[c.code];
    return {
      service_code: c.code,
      service_name: l === 'en' ? c.nameEn : c.nameZh,
      description: def ? def.description[l] : l === 'en' ? c.nameEn : c.nameZh,
      metadata: !!def && def.attributes.length > 0,
      type: 'realtime',
      keywords: c.keywords.join(','),
      group: GROUPS[def?.group ?? 'other'][l],
    };
  });
}

export async function serviceDefinition(db: Db, code: string, locale: Locale, p?: Params) {
  const l = lang(locale);
  if (p) await jurisdictionOf(db, p);
  if (!(await activeCategoryByCode(db, code)))
    throw new Open311Error(404, { code: 'open311.service_unknown', params: { code } });
  const def = SERVICE_DEFS[code];
  return {
    service_code: code,
    attributes: (def?.attributes ?? []).map((a, i) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.datatypeDescription?.[l] ?? null,
      order: i + 1,
      description: a.description[l],
      ...(a.values ? { values: a.values.map((v) => ({ key: v.key, name: v.name[l] })) } : {}),
    })),
  };
}

function serviceNotice(locale: Locale, dueAt: Date | null): string {
  const due = isoChina(dueAt)?.slice(0, 16).replace('T', ' ');
  if (lang(locale) === 'en')
    return due
      ? `Handled within the statutory time limit, due by ${due}`
      : 'Handled within the statutory time limit';
  return due ? `按规定时限办理，办结时限 ${due}` : '按规定时限办理';
}

// ---------------------------------------------------------------- POST requests

const MAX_DESCRIPTION = 2000;
const EMAIL_RE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;
const CJK = /[\u3400-\u9fff]/;

function requesterName(first?: string, last?: string): string | null {
  if (!first && !last) return null;
  // Chinese names read family name first, without a space.
  if (CJK.test(`${first ?? ''}${last ?? ''}`)) return `${last ?? ''}${first ?? ''}`;
  return [first, last].filter(Boolean).join(' ');
}

/** Intake fields → the Open311 parameter a client sent them as, for error descriptions. */
export const PARAM_OF: Record<string, string> = {
  categoryCode: 'service_code',
  description: 'description',
  address: 'address_string',
  lat: 'lat',
  lng: 'long',
  buildingId: 'address_id',
  requesterName: 'first_name',
  requesterPhone: 'phone',
};

/**
 * Creates a work order through the normal intake (R-WO-1, R-WO-4, R-LAW-WO-4) inside the key's
 * jurisdiction, channel per key (open311 or transfer_12345), and records the client's extras.
 */
export async function createRequest(ctx: Open311Ctx, key: KeyRow, p: Params) {
  const problems: Problem[] = [];
  const code = one(p, 'service_code', 40);
  if (!code) throw missingParam('service_code');
  const category = await activeCategoryByCode(ctx.db, code);
  // GeoReport v2: a service_code that names no service is an unknown resource (404), not a bad request.
  if (!category) throw new Open311Error(404, { code: 'open311.service_unknown', params: { code } });
  const def = SERVICE_DEFS[code];

  const keyUnit = await unitById(ctx.db, key.orgUnitId);
  if (keyUnit?.status !== 'active') throw new Open311Error(403, { code: 'open311.api_key' });
  const unit = (await jurisdictionOf(ctx.db, p, key.orgPath)) ?? keyUnit;

  const lat = number(p, 'lat', -90, 90);
  const lng = number(p, 'long', -180, 180);
  if ((lat === undefined) !== (lng === undefined)) throw missingParam(lat === undefined ? 'lat' : 'long');
  const address = one(p, 'address_string', 200);
  const addressId = one(p, 'address_id', 60);
  if (lat === undefined && !address && !addressId)
    throw new Open311Error(400, { code: 'open311.location_required' });
  if (addressId) {
    const found = isUuid(addressId) ? await unitById(ctx.db, addressId) : undefined;
    const building = found?.kind === 'building' && found.status === 'active' ? found : undefined;
    if (!building) problems.push({ code: 'open311.param_invalid', params: { name: 'address_id' } });
  }

  problems.push(...checkAttributes(def, p.attributes));
  const email = one(p, 'email', 254);
  if (email && !EMAIL_RE.test(email))
    problems.push({ code: 'open311.param_invalid', params: { name: 'email' } });
  const mediaUrl = one(p, 'media_url', 1000);
  if (mediaUrl && !/^https?:\/\/[^\s]+$/i.test(mediaUrl))
    problems.push({ code: 'open311.param_invalid', params: { name: 'media_url' } });
  const accountId = one(p, 'account_id', 100) ?? null;
  const ownDescription = one(p, 'description', 4000);
  const extras = describeAttributes(def, p.attributes);
  const description = [ownDescription ?? category.nameZh, extras && `【补充信息】${extras}`]
    .filter(Boolean)
    .join('\n');
  if (description.length > MAX_DESCRIPTION)
    problems.push({ code: 'open311.description_too_long', params: { max: MAX_DESCRIPTION } });

  const candidate = {
    kind: def?.kind ?? 'complaint',
    channel: key.channel,
    categoryCode: category.code,
    description,
    address: address ?? null,
    lat: lat ?? null,
    lng: lng ?? null,
    buildingId: addressId ?? null,
    // With no point, building or named community, a community key's own community is the hint (R-WO-4).
    communityId: unit.kind === 'community' ? unit.id : null,
    requesterName: requesterName(one(p, 'first_name', 50), one(p, 'last_name', 50)),
    requesterPhone: one(p, 'phone', 30) ?? null,
    attachmentIds: [],
  };
  const parsed = intakeBody.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = PARAM_OF[String(issue.path[0])] ?? String(issue.path[0]);
      if (!problems.some((x) => x.params?.name === name))
        problems.push({ code: 'open311.param_invalid', params: { name } });
    }
  }
  if (problems.length || !parsed.success) throw new Open311Error(400, problems);

  // R-WO-4 places the request; it must lie in the key's jurisdiction.
  const territory = await routeTerritory(ctx.db, parsed.data);
  const placeId = territory.gridId ?? territory.communityId ?? territory.subdistrictId;
  if (placeId) {
    const place = await unitById(ctx.db, placeId);
    if (!place?.path.startsWith(unit.path))
      throw new Open311Error(400, { code: 'open311.outside_jurisdiction' });
  }

  const actor = keyActor(key, unit);
  const { order, token } = await ctx.db.transaction(async (tx) => {
    const created = await intake({ ...ctx, db: tx, actor }, parsed.data, { channel: key.channel });
    await insertRequest(tx, {
      orderId: created.order.id,
      keyId: key.id,
      tokenHash: tokenHash(created.token),
      serviceCode: category.code,
      description: ownDescription ?? null,
      attributes: { ...p.attributes },
      mediaUrl: mediaUrl ?? null,
      accountId,
      emailEnc: email ? ctx.pii.encrypt(email) : null,
      createdAt: ctx.clock.now(),
    });
    return created;
  });
  return [
    {
      service_request_id: order.number,
      service_notice: serviceNotice(ctx.locale, order.dueAt),
      account_id: accountId,
      token,
    },
  ];
}

// ---------------------------------------------------------------- GET requests

/**
 * The orders matching `filter` (work-orders.api requestFeedRows: newest first, with category names, the
 * handling unit as agency and the latest public note as status notes), with what the client sent.
 */
async function selectRequests(db: Db, filter: RequestFeedFilter, limit: number) {
  const rows = await requestFeedRows(db, filter, limit);
  // What the client sent beyond the order itself (open311's own table, read through its repository).
  const extras = await requestExtras(
    db,
    rows.map((r) => r.o.id),
  );
  return rows.map((r) => {
    const x = extras.get(r.o.id);
    return { ...r, ownDescription: x?.description ?? null, mediaUrl: x?.mediaUrl ?? null };
  });
}

type RequestRow = Awaited<ReturnType<typeof selectRequests>>[number];

/** Hides mobile, landline and identity numbers inside free text (R-LAW-PI-1). */
export function maskText(text: string | null): string | null {
  if (!text) return text;
  return text
    .replace(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, (m) => maskIdNumber(m))
    .replace(/(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)/g, (m) => maskPhone(m.replace(/^\+?86[- ]?/, '')))
    .replace(/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, (m) => `${m.slice(0, 4)}****${m.slice(-2)}`);
}

const CLOSED = new Set<string>(TERMINAL_STATUSES);
const round3 = (x: number | null) => (x == null ? null : Math.round(x * 1000) / 1000);

/**
 * One request in GeoReport v2 fields. `full` (a key reading its own jurisdiction) adds the exact address,
 * point and media; public reads get a masked address and a point rounded to ~100 m, and nothing but the
 * status for matters about people. Names and phone numbers are never part of it.
 */
function toRequest(r: RequestRow, full: boolean, locale: Locale): Record<string, XmlValue> {
  const o = r.o;
  const hidden = !full && !!SERVICE_DEFS[o.categoryCode]?.private;
  return {
    service_request_id: o.number,
    status: CLOSED.has(o.status) ? 'closed' : 'open',
    status_notes: maskText(r.statusNotes),
    service_name: (lang(locale) === 'en' ? r.nameEn : r.nameZh) ?? null,
    service_code: o.categoryCode,
    description: hidden ? null : maskText(r.ownDescription ?? o.description),
    agency_responsible: r.agency,
    service_notice: serviceNotice(locale, o.dueAt),
    requested_datetime: isoChina(o.createdAt),
    updated_datetime: isoChina(o.updatedAt),
    expected_datetime: isoChina(o.dueAt),
    address: hidden || !o.address ? null : full ? o.address : maskAddress(o.address),
    address_id: hidden ? null : o.buildingId,
    zipcode: null,
    lat: hidden ? null : full ? o.lat : round3(o.lat),
    long: hidden ? null : full ? o.lng : round3(o.lng),
    media_url: full ? (r.mediaUrl ?? null) : null,
  };
}

function dateParam(p: Params, name: string): Date | undefined {
  const s = one(p, name, 40);
  if (s === undefined) return undefined;
  const d = parseDateTime(s);
  if (!d) throw badParam(name);
  return d;
}

/**
 * GET requests (R-O311-1): by `service_request_id` (a comma list, overriding every other filter), else by
 * `service_code`, `status` (open|closed) and `start_date`/`end_date` (default: the last 90 days; a range
 * may span at most 90 days), newest first, at most 1000. With a key: its jurisdiction, full fields.
 */
export async function listRequests(ctx: Open311Ctx, key: KeyRow | null, p: Params) {
  const within = await jurisdictionOf(ctx.db, p, key?.orgPath);
  const scope = within ? within.path : key ? key.orgPath : undefined;
  const ids = list(p, 'service_request_id').map((x) => x.toUpperCase());
  let filter: RequestFeedFilter;
  if (ids.length) {
    if (ids.length > MAX_RESULTS || ids.some((x) => x.length > 40)) throw badParam('service_request_id');
    filter = { within: scope, numbers: ids };
  } else {
    const codes = list(p, 'service_code');
    if (codes.some((c) => c.length > 40)) throw badParam('service_code');
    const statuses = list(p, 'status');
    if (statuses.some((s) => s !== 'open' && s !== 'closed')) throw badParam('status');
    let start = dateParam(p, 'start_date');
    let end = dateParam(p, 'end_date');
    if (start && end) {
      if (end < start) throw badParam('end_date');
      if (end.getTime() - start.getTime() > WINDOW_DAYS * DAY)
        throw new Open311Error(400, { code: 'open311.date_range', params: { days: WINDOW_DAYS } });
    } else if (start) end = new Date(start.getTime() + WINDOW_DAYS * DAY);
    else if (end) start = new Date(end.getTime() - WINDOW_DAYS * DAY);
    else {
      end = ctx.clock.now();
      start = new Date(end.getTime() - WINDOW_DAYS * DAY);
    }
    const wanted = new Set(statuses);
    filter = {
      within: scope,
      categoryCodes: codes,
      ...(wanted.size === 1 && { statuses: wanted.has('open') ? OPEN_STATUSES : TERMINAL_STATUSES }),
      createdFrom: start!,
      createdTo: end!,
    };
  }
  const rows = await selectRequests(ctx.db, filter, MAX_RESULTS);
  return rows.map((r) => toRequest(r, !!key, ctx.locale));
}

/**
 * GET requests/{id}: our tracking number; outside the key's jurisdiction (or the `jurisdiction_id` given)
 * or unknown → 404.
 */
export async function getRequest(ctx: Open311Ctx, key: KeyRow | null, id: string, p?: Params) {
  const within = p ? await jurisdictionOf(ctx.db, p, key?.orgPath) : undefined;
  const number = id.trim().toUpperCase();
  const scope = within ? within.path : key ? key.orgPath : undefined;
  const rows = number.length <= 40 ? await selectRequests(ctx.db, { within: scope, number }, 1) : [];
  if (rows.length === 0) throw new Open311Error(404, { code: 'open311.request_unknown', params: { id } });
  return rows.map((r) => toRequest(r, !!key, ctx.locale));
}

/** GET tokens/{token}: the request created with that token. */
export async function requestOfToken(db: Db, token: string) {
  const orderId = token.length <= 100 ? await orderIdOfTokenHash(db, tokenHash(token)) : undefined;
  const number = orderId ? await orderNumberById(db, orderId) : undefined;
  if (number === undefined) throw new Open311Error(404, { code: 'open311.token_unknown' });
  return [{ service_request_id: number, token }];
}
