import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { orgUnits } from '../../server/modules/org/org.table';
import { workers } from '../../server/modules/people/people.table';
import { ensureDefaultCategories } from '../../server/modules/work-orders/workOrders.categories';
import { recomputeRollups } from '../../server/modules/work-orders/workOrders.rollups';
import {
  DEFAULT_SETTINGS,
  type Limit,
  completeLimit,
} from '../../server/modules/work-orders/workOrders.settings';
import {
  woCategories,
  woEscalations,
  woEvents,
  woFollowups,
  woNumberSeq,
  woParticipants,
  workOrders,
} from '../../server/modules/work-orders/workOrders.table';
import { deadline, levelOf } from '../../server/modules/work-orders/workOrders.usecases';
import type { AppDeps } from '../../server/platform/context';
import { maskPhone } from '../../server/platform/crypto';
import { bulkInsert } from './bulk';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from './names';
import { demoDraws } from './demoDraws';

/**
 * A year of work orders for 新下陆街道's 12 communities (seed 003), written with bulk inserts (not
 * through the API) so the demo starts fast, then the rollups recomputed in one statement. Every order
 * follows the real state machine step by step (intake, dispatch, accept, reply, follow-up, redo,
 * close, escalation, overdue, reminders…), each step in its timeline, and stops at "now": recent
 * orders are still open. Communities differ in volume, categories, punctuality and satisfaction, and a
 * few bursts make weekly hotspots (R-WO-6).
 */

type OrderRow = typeof workOrders.$inferInsert & {
  id: string;
  orgUnitId: string;
  orgPath: string;
  status: string;
  createdAt: Date;
};
type EventRow = typeof woEvents.$inferInsert;
type Unit = typeof orgUnits.$inferSelect;

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Small deterministic PRNG (xorshift32), so every demo database is the same. */
function prng(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 4294967296;
  };
  const between = (a: number, b: number) => a + next() * (b - a);
  return {
    ...demoDraws(next),
    between,
    int: (a: number, b: number) => Math.floor(between(a, b + 1)),
    weighted: <T extends string>(w: Partial<Record<T, number>>): T => {
      const entries = Object.entries(w) as [T, number][];
      let r = next() * entries.reduce((s, [, v]) => s + v, 0);
      for (const [k, v] of entries) {
        r -= v;
        if (r <= 0) return k;
      }
      return entries[entries.length - 1]![0];
    },
  };
}

/** What residents of each community tend to raise, how busy and how well served they are. */
interface Profile {
  volume: number;
  categories: Partial<Record<string, number>>;
  /** Chance an acceptance or a reply is late. */
  lateAccept: number;
  lateReply: number;
  /** Follow-up outcomes. */
  satisfied: number;
  basically: number;
}

const BASE_CATEGORIES: Record<string, number> = {
  street_lamp: 6,
  road_damage: 6,
  garbage: 10,
  noise: 7,
  water_supply: 6,
  power_supply: 4,
  gas_supply: 2,
  heating: 0.3,
  property: 10,
  neighbour_dispute: 6,
  safety_hazard: 5,
  greening: 4,
  parking: 7,
  elderly_help: 6,
  policy_consult: 8,
  other: 4,
};

/** By name (seed 003's communities); old mining estates, urban villages and new estates differ. */
const PROFILES: Record<string, Partial<Profile>> = {
  铜都社区: { volume: 1.3, categories: { water_supply: 12, property: 14, road_damage: 9 }, satisfied: 0.78 },
  西花苑社区: { volume: 1.0, categories: { noise: 12, parking: 10 } },
  孔雀苑社区: { volume: 0.8, categories: { greening: 9, elderly_help: 9 }, satisfied: 0.8 },
  铜花社区: { volume: 1.1, categories: { property: 15, power_supply: 7 }, lateReply: 0.12, satisfied: 0.66 },
  新星社区: { volume: 0.9, categories: { parking: 14, noise: 10, property: 12 } },
  陆家铺社区: {
    volume: 1.6,
    categories: { garbage: 18, safety_hazard: 10, neighbour_dispute: 10, road_damage: 9 },
    lateAccept: 0.14,
    lateReply: 0.15,
    satisfied: 0.6,
  },
  神牛社区: { volume: 0.7, categories: { elderly_help: 10 }, satisfied: 0.82, lateReply: 0.04 },
  胜利社区: { volume: 1.0, categories: { street_lamp: 10, road_damage: 8 } },
  康宁社区: { volume: 0.85, categories: { elderly_help: 12, policy_consult: 12 }, satisfied: 0.8 },
  大塘社区: {
    volume: 1.5,
    categories: { garbage: 16, safety_hazard: 12, water_supply: 9, neighbour_dispute: 9 },
    lateAccept: 0.16,
    lateReply: 0.18,
    satisfied: 0.58,
    basically: 0.24,
  },
  团结社区: { volume: 0.95, categories: { noise: 9, neighbour_dispute: 8 } },
  友谊社区: { volume: 0.75, categories: { greening: 8, street_lamp: 8 }, satisfied: 0.77 },
};

const TEXTS: Record<string, string[]> = {
  street_lamp: ['小区门口路灯不亮，晚上出行不便', '楼下路灯一直闪烁', '巷子里的路灯坏了好几天'],
  road_damage: ['路面有个大坑，雨天积水', '人行道地砖松动，老人容易摔倒', '井盖破损，存在安全隐患'],
  garbage: ['垃圾桶满了没人清运，气味很大', '楼道堆放杂物和垃圾', '路边有建筑垃圾无人清理'],
  noise: ['夜间施工噪音扰民', '楼上住户深夜噪音大', '广场舞音响声音太大'],
  water_supply: ['家里停水，没有通知', '自来水发黄有异味', '水压太低，高层用不上水'],
  power_supply: ['单元楼停电，电梯停运', '楼道电线老化裸露', '电表箱损坏'],
  gas_supply: ['闻到燃气味，担心泄漏', '燃气表故障'],
  heating: ['冬天家里太冷，咨询取暖补贴'],
  property: ['物业不作为，电梯经常故障', '物业费收取不透明', '小区门禁坏了没人修'],
  neighbour_dispute: ['邻居装修占用公共楼道', '楼上漏水到我家，协商不成', '邻居饲养犬只扰民'],
  safety_hazard: ['电动车在楼道充电，有火灾隐患', '老旧房屋外墙脱落', '消防通道被占用'],
  greening: ['绿化带树木遮挡采光，需要修剪', '小区草坪被毁', '大树倾斜有倒伏危险'],
  parking: ['车辆乱停堵塞消防通道', '小区停车位不足', '僵尸车长期占用车位'],
  elderly_help: ['独居老人生活困难需要帮扶', '老人行动不便需要上门服务', '咨询高龄津贴申请'],
  policy_consult: ['咨询老年卡办理流程', '咨询医保缴费政策', '咨询居住证办理'],
  other: ['其他问题反映', '对社区工作的意见'],
};

const REPLIES = [
  '已安排人员现场处理，问题已解决',
  '已协调相关部门处置完毕',
  '已上门核实并处理',
  '已督促责任单位整改到位',
];

interface Territory {
  community: Unit;
  grids: { grid: Unit; bbox: [number, number, number, number] }[];
  buildings: Unit[];
  profile: Profile;
  handlers: string[];
  gridWorkers: Map<string, string>;
}

function bboxOf(boundary: unknown): [number, number, number, number] | null {
  const ring = (boundary as { coordinates?: [number, number][][] } | null)?.coordinates?.[0];
  if (!ring?.length) return null;
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)];
}

export interface WorkOrderSeedOptions {
  /** Orders for the year across the 12 communities (default 6,000). */
  perYear?: number;
  log?: (message: string) => void;
}

/**
 * Inserts a year of orders (with timelines, follow-ups and escalation claims) for 新下陆街道 and
 * recomputes the rollups. Does nothing when the subdistrict is not there.
 */
/** Units sorted by (sort, name) at each level of their path: the same order in every database. */
function inTreeOrder(rows: Unit[]): Unit[] {
  const byId = new Map(rows.map((u) => [u.id, u]));
  const keyOf = (u: Unit) =>
    u.path
      .split('/')
      .filter(Boolean)
      .map((id) => {
        const a = byId.get(id);
        return a ? `${String(a.sort).padStart(8, '0')}\u0000${a.name}` : '';
      })
      .join('\u0001');
  const keys = new Map(rows.map((u) => [u.id, keyOf(u)]));
  return [...rows].sort((a, b) =>
    keys.get(a.id)! < keys.get(b.id)! ? -1 : keys.get(a.id)! > keys.get(b.id)! ? 1 : 0,
  );
}

export async function seedDemoWorkOrders(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: WorkOrderSeedOptions = {},
) {
  const db = deps.db;
  const log = opts.log ?? (() => undefined);
  await ensureDefaultCategories(db);
  const [sd] = await db.select().from(orgUnits).where(eq(orgUnits.divisionCode, '420204003'));
  if (!sd) return { orders: 0, events: 0, followups: 0 };
  const under = sql`${orgUnits.path} like ${`${sd.path}%`}`;
  // In a fixed order, so that the seeded random draws give the same orders in every fresh database: by the
  // units' sibling order and names along the path, not by the path itself, whose ids differ from one
  // database to the next (and tie within a millisecond when many units are made at once).
  const units = inTreeOrder(
    await db
      .select()
      .from(orgUnits)
      .where(and(under, eq(orgUnits.status, 'active'))),
  );
  const staff = await db
    .select()
    .from(workers)
    .where(sql`${workers.orgPath} like ${`${sd.path}%`}`)
    .orderBy(workers.orgPath, workers.name, workers.kind);
  const categories = new Map((await db.select().from(woCategories)).map((c) => [c.code, c]));
  const r = prng(20261123);

  const territories: Territory[] = units
    .filter((u) => u.kind === 'community')
    .sort((a, b) => a.sort - b.sort)
    .map((community) => {
      const p = PROFILES[community.name] ?? {};
      const grids = units
        .filter((u) => u.kind === 'grid' && u.parentId === community.id)
        .map((grid) => ({ grid, bbox: bboxOf(grid.boundary) }))
        .filter((g): g is { grid: Unit; bbox: [number, number, number, number] } => !!g.bbox);
      return {
        community,
        grids,
        buildings: units.filter((u) => u.kind === 'building' && u.path.startsWith(community.path)),
        profile: {
          volume: p.volume ?? 1,
          categories: { ...BASE_CATEGORIES, ...p.categories },
          lateAccept: p.lateAccept ?? 0.06,
          lateReply: p.lateReply ?? 0.07,
          satisfied: p.satisfied ?? 0.72,
          basically: p.basically ?? 0.18,
        },
        handlers: staff
          .filter((w) => w.kind === 'community_worker' && w.orgPath === community.path)
          .map((w) => w.name),
        gridWorkers: new Map(
          staff.filter((w) => w.kind === 'grid_worker').map((w) => [w.orgPath, w.name] as [string, string]),
        ),
      };
    })
    .filter((t) => t.grids.length > 0);
  if (territories.length === 0) return { orders: 0, events: 0, followups: 0 };

  const now = deps.clock.now();
  const start = now.getTime() - 365 * DAY;
  const settings = DEFAULT_SETTINGS;
  const orders: OrderRow[] = [];
  const events: EventRow[] = [];
  const followups: (typeof woFollowups.$inferInsert)[] = [];
  const participants: (typeof woParticipants.$inferInsert)[] = [];
  const claims: (typeof woEscalations.$inferInsert)[] = [];
  const recentByKey = new Map<string, { id: string; number: string; at: number }>();
  const dispatcherName = '向良';
  let seq = 0;

  /** Business hours, busier on weekdays and in summer (water, power, noise). */
  const randomInstant = (from: number, to: number) => {
    for (;;) {
      const t = r.between(from, to);
      const local = new Date(t + 8 * HOUR);
      const hour = local.getUTCHours();
      const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
      const month = local.getUTCMonth();
      const p =
        (hour >= 8 && hour < 21 ? 1 : 0.12) * (weekend ? 0.7 : 1) * (month >= 5 && month <= 8 ? 1.15 : 1);
      if (r.next() < p / 1.15) return t;
    }
  };

  const makeOrder = async (t: Territory, createdAt: number, forced?: { category?: string }) => {
    const p = t.profile;
    const category = forced?.category ?? r.weighted(p.categories as Record<string, number>);
    const cat = categories.get(category) ?? categories.get('other')!;
    const kind =
      category === 'policy_consult'
        ? 'consult'
        : r.weighted({ complaint: 38, help: 27, event: 16, suggestion: 9, report: 5, consult: 5 });
    const gridPatrol = kind === 'event';
    const channel = gridPatrol
      ? 'grid_patrol'
      : r.weighted({
          hotline: 42,
          online: 22,
          transfer_12345: 18,
          station: 12,
          suggestion_box: 3,
          transfer_110: 3,
        });
    const priority =
      cat.limitGroup === 'utility' && r.chance(0.25)
        ? 'key'
        : r.weighted({ emergency: 1.5, key: 10, regular: 88.5 });
    const g = r.pick(t.grids);
    const building = r.chance(0.25) ? t.buildings.find((b) => b.path.startsWith(g.grid.path)) : undefined;
    const located = !building || r.chance(0.5);
    const [w, s, e, n] = g.bbox;
    const lat = located ? Math.round(r.between(s, n) * 1e6) / 1e6 : null;
    const lng = located ? Math.round(r.between(w, e) * 1e6) / 1e6 : null;
    const created = new Date(createdAt);
    const id = deps.ids();
    seq++;
    const ymd = new Date(createdAt + 8 * HOUR).toISOString().slice(0, 10).replace(/-/g, '');
    const hasPhone = !gridPatrol && r.chance(0.85);
    const phone = hasPhone
      ? `1${r.pick(['3', '5', '8', '9'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`
      : null;
    const o: OrderRow = {
      id,
      number: `WO${ymd}${String(seq).padStart(6, '0')}`,
      kind,
      channel,
      categoryCode: cat.code,
      priority,
      status: 'submitted',
      description: r.pick(TEXTS[cat.code] ?? TEXTS.other!),
      address: building
        ? `新下陆街道${t.community.name}${building.name}`
        : located
          ? null
          : `新下陆街道${t.community.name}`,
      lat,
      lng,
      buildingId: building?.id ?? null,
      gridId: g.grid.id,
      communityId: t.community.id,
      subdistrictId: sd.id,
      orgUnitId: sd.id,
      orgPath: sd.path,
      dispatchPath: sd.path,
      requesterName: hasPhone
        ? `${r.pick(SURNAMES)}${r.chance(0.5) ? '先生' : '女士'}`
        : gridPatrol
          ? null
          : `${r.pick(SURNAMES)}${r.pick(r.chance(0.5) ? GIVEN_MALE : GIVEN_FEMALE)}`,
      requesterPhoneEnc: phone ? deps.pii.encrypt(phone) : null,
      requesterPhoneHash: phone ? deps.pii.blindIndex('phone', phone) : null,
      requesterPhoneMask: phone ? maskPhone(phone) : null,
      trackingTokenHash: createHash('sha256').update(`demo-${id}`).digest('hex'),
      acceptDueAt: null,
      dueAt: null,
      acceptedAt: null,
      repliedAt: null,
      closedAt: null,
      overdueAt: null,
      resolutionLevel: null,
      redoCount: 0,
      escalationLevel: 0,
      supervised: false,
      reminders: 0,
      version: 1,
      createdAt: created,
      updatedAt: created,
    };
    const limit: Limit = completeLimit(settings, { priority, kind, limitGroup: cat.limitGroup });
    o.dueAt = await deadline(db, created, limit);
    /** The deadline as the steps being planned will have it (o.dueAt changes only when they run). */
    let due = o.dueAt.getTime();

    // The steps, in time order; the order stops at the first step after now.
    let overdueMarked = false;
    const steps: { at: number; run: () => void }[] = [];
    let last = createdAt;
    const step = (at: number, run: () => void) => {
      last = Math.max(last, Math.round(at));
      const when = last;
      steps.push({ at: when, run });
      return when;
    };
    const event = (
      at: number,
      action: string,
      from: string | null,
      to: string | null,
      extra: Partial<EventRow> = {},
    ) =>
      events.push({
        id: deps.ids(),
        orderId: id,
        at: new Date(at),
        actorName: '系统',
        action,
        fromStatus: from,
        toStatus: to,
        actorId: null,
        note: null,
        publicNote: null,
        attachments: [],
        data: {},
        ...extra,
      });
    const handlerName = (unit: Unit) =>
      unit.kind === 'grid'
        ? (t.gridWorkers.get(unit.path) ?? `${unit.name}网格员`)
        : unit.kind === 'community'
          ? t.handlers.length
            ? r.pick(t.handlers)
            : `${unit.name}工作人员`
          : dispatcherName;
    const move = (status: string, at: number) => {
      o.status = status;
      o.updatedAt = new Date(at);
      o.version = (o.version ?? 1) + 1;
    };

    step(createdAt, () =>
      event(createdAt, 'intake', null, 'submitted', {
        actorName: gridPatrol ? handlerName(g.grid) : channel === 'online' ? null : dispatcherName,
        publicNote: '诉求已受理',
        data: { territory: building ? 'building' : located ? 'point' : 'address', channel },
      }),
    );

    // Consults answered on the spot close at intake (R-LAW-WO-2).
    if (kind === 'consult' && r.chance(0.6)) {
      const unit = channel === 'station' ? t.community : sd;
      step(createdAt, () => {
        Object.assign(o, {
          orgUnitId: unit.id,
          orgPath: unit.path,
          closedAt: created,
          resolutionLevel: levelOf(unit.kind),
        });
        move('closed', createdAt);
        event(createdAt, 'answer', 'submitted', 'closed', {
          actorName: handlerName(unit),
          note: '已当场答复',
          publicNote: '已当场答复，诉求办结',
        });
      });
      return finish();
    }
    // Withdrawn: duplicates of a recent order, emergencies diverted, cancelled.
    const dupKey = `${t.community.id}|${cat.code}`;
    const earlier = recentByKey.get(dupKey);
    recentByKey.set(dupKey, { id, number: o.number!, at: createdAt });
    const endAt = createdAt + r.between(10, 90) * MIN;
    if (earlier && createdAt - earlier.at < 2 * DAY && r.chance(0.12)) {
      step(endAt, () => {
        Object.assign(o, { duplicateOfId: earlier.id, closedAt: new Date(endAt) });
        move('duplicate', endAt);
        event(endAt, 'link_duplicate', 'submitted', 'duplicate', {
          actorName: dispatcherName,
          publicNote: `与已受理的诉求 ${earlier.number} 重复，将一并办理`,
        });
      });
      return finish();
    }
    if ((priority === 'emergency' && r.chance(0.4)) || r.chance(0.012)) {
      const to =
        priority === 'emergency' ? r.pick(['110', '119', '120']) : r.pick(['litigation', 'petition']);
      step(endAt, () => {
        o.closedAt = new Date(endAt);
        move('diverted', endAt);
        event(endAt, 'divert', 'submitted', 'diverted', {
          actorName: dispatcherName,
          note: '按规定转办',
          publicNote: /^\d+$/.test(to) ? `紧急情况已转${to}处置` : '该事项属于法定途径办理，已告知办理渠道',
          data: { to },
        });
      });
      return finish();
    }
    if (r.chance(0.015)) {
      step(endAt, () => {
        o.closedAt = new Date(endAt);
        move('cancelled', endAt);
        event(endAt, 'cancel', 'submitted', 'cancelled', { actorName: dispatcherName, note: '诉求人撤回' });
      });
      return finish();
    }

    // Who handles it: the grid worker on the spot (自办自结), the grid, the community or the subdistrict.
    const spot = gridPatrol && r.chance(0.55);
    let handler: Unit = spot ? g.grid : r.chance(0.04) ? sd : r.chance(0.55) ? g.grid : t.community;
    let at = createdAt;
    if (spot) {
      step(createdAt, () => {
        Object.assign(o, {
          orgUnitId: handler.id,
          orgPath: handler.path,
          acceptedAt: created,
          repliedAt: created,
          resolutionLevel: 'grid',
        });
        move('replied', createdAt);
        event(createdAt, 'reply', 'submitted', 'replied', {
          actorName: handlerName(handler),
          note: '已当场处理',
          publicNote: '网格员已当场处理',
        });
      });
    } else {
      at = createdAt + (priority === 'emergency' ? r.between(2, 10) : r.between(5, 150)) * MIN;
      const acceptLimit = settings.acceptLimits[priority as 'regular'];
      let acceptDue = await deadline(db, new Date(at), acceptLimit);
      /** The centre dispatches the order to `unit` at `when`, to be accepted by `due`. */
      const dispatchTo = (when: number, unit: Unit, due: Date, note: string | null = null) =>
        step(when, () => {
          Object.assign(o, { orgUnitId: unit.id, orgPath: unit.path, acceptDueAt: due });
          move('dispatched', when);
          event(when, 'dispatch', 'submitted', 'dispatched', {
            actorName: dispatcherName,
            note,
            publicNote: '已派发至责任单位办理',
            data: { unit: unit.name },
          });
        });
      dispatchTo(at, handler, acceptDue);
      // Not accepted in time: the SLA sweep escalates it (R-WO-3), each step claimed once — a grid's
      // order to its community, a community's back to the governance centre, which dispatches it again.
      const escalate = async (level: number) => {
        const due = acceptDue;
        const escAt = due.getTime() + r.between(1, 59) * MIN;
        const up = handler.kind === 'grid' && level === 1 ? t.community : null;
        claims.push({ orderId: id, step: `accept:${due.toISOString()}`, at: new Date(escAt) });
        if (up) {
          acceptDue = await deadline(db, new Date(escAt), acceptLimit);
          const nextDue = acceptDue;
          step(escAt, () => {
            Object.assign(o, {
              orgUnitId: up.id,
              orgPath: up.path,
              acceptDueAt: nextDue,
              escalationLevel: level,
            });
            move('dispatched', escAt);
            event(escAt, 'escalate', 'dispatched', 'dispatched', {
              note: `超时未签收，升级至${up.name}`,
              data: { level, to: up.id },
            });
          });
          handler = up;
          at = escAt;
          return;
        }
        step(escAt, () => {
          Object.assign(o, {
            orgUnitId: sd.id,
            orgPath: sd.path,
            acceptDueAt: null,
            escalationLevel: level,
            supervised: true,
          });
          move('submitted', escAt);
          event(escAt, 'escalate', 'dispatched', 'submitted', {
            note: '超时未签收，退回街道综治中心督办',
            data: { level, to: null },
          });
        });
        const again = escAt + r.between(0.5, 5) * HOUR;
        acceptDue = await deadline(db, new Date(again), acceptLimit);
        dispatchTo(again, handler, acceptDue, '督办：请立即签收办理');
        at = again;
      };
      if (r.chance(t.profile.lateAccept)) {
        await escalate(1);
        if (r.chance(0.25)) await escalate(2);
      }
      const window = Math.max(5 * MIN, acceptDue.getTime() - at);
      const acceptAt = at + r.between(0.02, 0.7) * Math.min(window, 6 * HOUR);
      const acceptor = handler;
      at = step(acceptAt, () => {
        o.acceptedAt = new Date(acceptAt);
        move('in_progress', acceptAt);
        event(acceptAt, 'accept', 'dispatched', 'in_progress', {
          actorName: handlerName(acceptor),
          publicNote: '责任单位已签收，正在办理',
        });
      });
    }

    // Handling: sometimes an approved extension or departments called in (吹哨报到), then the reply.
    const reply = async (cycleStart: number, redo: boolean) => {
      if (!spot || redo) {
        if (!redo && r.chance(0.03)) {
          const askAt = cycleStart + r.between(0.1, 0.5) * Math.max(HOUR, due - cycleStart);
          const newDue = await deadline(db, new Date(due), { workingDays: 5 });
          due = newDue.getTime();
          step(askAt, () => {
            move('extension_pending', askAt);
            event(askAt, 'request_extension', 'in_progress', 'extension_pending', {
              actorName: handlerName(handler),
              note: '需协调多个部门，申请延期',
              data: { workingDays: 5 },
            });
          });
          const okAt = askAt + r.between(1, 6) * HOUR;
          step(okAt, () => {
            o.dueAt = newDue;
            move('in_progress', okAt);
            event(okAt, 'approve_extension', 'extension_pending', 'in_progress', {
              actorName: dispatcherName,
              publicNote: '办理时限已依规延长',
              data: { workingDays: 5 },
            });
          });
          cycleStart = okAt;
        }
        if (!redo && cat.department && r.chance(0.04)) {
          const callAt = cycleStart + r.between(1, 8) * HOUR;
          const department = cat.department;
          const pid = deps.ids();
          step(callAt, () => {
            participants.push({
              id: pid,
              orderId: id,
              department,
              status: 'called',
              calledAt: new Date(callAt),
            });
            event(callAt, 'whistle', 'in_progress', 'in_progress', {
              actorName: handlerName(handler),
              publicNote: '已协调相关部门联合处置',
              data: { departments: [department] },
            });
          });
          const reportAt = callAt + r.between(2, 30) * HOUR;
          step(reportAt, () => {
            Object.assign(participants.find((x) => x.id === pid)!, {
              status: 'reported',
              report: '已到场处置',
              reportedAt: new Date(reportAt),
            });
            event(reportAt, 'participant_report', 'in_progress', 'in_progress', {
              actorName: handlerName(handler),
              note: `${department}:已到场处置`,
              data: { department },
            });
          });
        }
        const dueNow = due;
        const replyAt = r.chance(t.profile.lateReply)
          ? Math.max(last, dueNow) + r.between(2, 72) * HOUR
          : last + r.between(0.05, 0.85) * Math.max(30 * MIN, dueNow - last);
        if (replyAt > dueNow) {
          // The sweep marks it overdue once, and reminds the day after each deadline (催办).
          if (!overdueMarked) {
            overdueMarked = true;
            const markAt = step(dueNow + r.between(1, 50) * MIN, () => {
              o.overdueAt = new Date(markAt);
              claims.push({ orderId: id, step: 'overdue', at: new Date(markAt) });
              event(markAt, 'overdue', null, null, { note: '已超过办理时限' });
            });
          }
          if (replyAt > dueNow + DAY + HOUR) {
            const dueAtMark = new Date(dueNow);
            const supervise = r.chance(0.4);
            const remindAt = step(dueNow + DAY + r.between(1, 50) * MIN, () => {
              o.reminders = (o.reminders ?? 0) + 1;
              o.supervised = o.supervised || supervise;
              claims.push({ orderId: id, step: `remind:${dueAtMark.toISOString()}`, at: new Date(remindAt) });
              event(remindAt, 'remind', null, null, { note: '超期次日自动催办' });
            });
          }
        }
        const unit = handler;
        step(replyAt, () => {
          Object.assign(o, { repliedAt: new Date(replyAt), resolutionLevel: levelOf(unit.kind) });
          move('replied', replyAt);
          const text = r.pick(REPLIES);
          event(replyAt, 'reply', 'in_progress', 'replied', {
            actorName: handlerName(unit),
            note: text,
            publicNote: text,
          });
        });
      }
      // Follow-up call (回访, R-LAW-WO-5).
      const followAt = last + r.between(2, 40) * HOUR;
      const p2 = redo ? { satisfied: 0.8, basically: 0.15 } : t.profile;
      const roll = r.next();
      const satisfaction =
        roll < p2.satisfied
          ? 'satisfied'
          : roll < p2.satisfied + p2.basically
            ? 'basically_satisfied'
            : 'dissatisfied';
      const resolved = satisfaction === 'dissatisfied' ? r.chance(0.25) : r.chance(0.97);
      const unitFault = satisfaction === 'dissatisfied' && !redo && r.chance(0.6);
      const rated = handler;
      const fromRequester = channel === 'online' && r.chance(0.6);
      step(followAt, () => {
        const cycle = (o.redoCount ?? 0) + 1;
        followups.push({
          id: deps.ids(),
          orderId: id,
          cycle,
          resolved,
          satisfaction,
          unitFault,
          comment: null,
          source: fromRequester ? 'requester' : 'dispatcher',
          at: new Date(followAt),
          orgUnitId: rated.id,
        });
        event(followAt, 'follow_up', 'replied', unitFault ? 'in_progress' : 'closed', {
          actorName: fromRequester ? null : dispatcherName,
          publicNote: unitFault ? '根据您的评价，责任单位将重新办理' : '已回访，诉求办结',
          data: { resolved, satisfaction, unitFault, redo: unitFault },
        });
        if (unitFault) {
          Object.assign(o, {
            redoCount: cycle,
            repliedAt: null,
            resolutionLevel: null,
            acceptedAt: new Date(followAt),
          });
          move('in_progress', followAt);
        } else {
          o.closedAt = new Date(followAt);
          move('closed', followAt);
        }
      });
      if (unitFault) {
        const redoDue = await deadline(db, new Date(followAt), limit);
        due = redoDue.getTime();
        step(followAt, () => {
          o.dueAt = redoDue;
        });
        await reply(followAt, true);
      }
    };
    await reply(at, false);
    return finish();

    function finish() {
      for (const s of steps) {
        if (s.at > now.getTime()) break;
        s.run();
      }
      orders.push(o);
    }
  };

  // Volume: each community's share of the year, plus bursts that make weekly hotspots (R-WO-6).
  const total = opts.perYear ?? 6000;
  const weightSum = territories.reduce((s, t) => s + t.profile.volume, 0);
  for (const t of territories) {
    const n = Math.round((total * t.profile.volume) / weightSum);
    const times = Array.from({ length: n }, () => randomInstant(start, now.getTime())).sort((a, b) => a - b);
    for (const at of times) await makeOrder(t, at);
  }
  const burst = async (name: string, category: string, from: number, to: number, count: number) => {
    const t = territories.find((x) => x.community.name === name);
    if (!t) return;
    for (let i = 0; i < count; i++)
      await makeOrder(t, randomInstant(from, Math.min(to, now.getTime())), { category });
  };
  const ago = (days: number) => now.getTime() - days * DAY;
  await burst('铜都社区', 'water_supply', ago(120), ago(118), 14);
  await burst('大塘社区', 'garbage', ago(40), ago(37), 9);
  await burst('陆家铺社区', 'parking', ago(12), ago(9), 7);
  // Last ISO week and this one (China time) each get a hotspot, so the weekly view is never empty.
  const local = new Date(now.getTime() + 8 * HOUR);
  const monday =
    Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate()) -
    ((local.getUTCDay() + 6) % 7) * DAY -
    8 * HOUR;
  await burst('西花苑社区', 'noise', monday - 7 * DAY, monday - 2 * DAY, 6);
  if (now.getTime() - monday > 3 * HOUR) await burst('大塘社区', 'safety_hazard', monday, now.getTime(), 4);
  else await burst('大塘社区', 'safety_hazard', monday - 4 * DAY, monday, 4);

  log(`work orders: ${orders.length} (${events.length} timeline steps, ${followups.length} follow-ups)`);
  await bulkInsert(db, workOrders, orders);
  await bulkInsert(db, woEvents, events);
  await bulkInsert(db, woFollowups, followups);
  await bulkInsert(db, woParticipants, participants);
  await bulkInsert(db, woEscalations, claims);
  // Numbers from intake continue after the demo's.
  await db.execute(sql`select setval(${sql.raw(`'${woNumberSeq.seqName}'`)}, ${seq + 1})`);
  const t = performance.now();
  const rollups = await recomputeRollups(db);
  log(`(rollups ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  return { orders: orders.length, events: events.length, followups: followups.length, rollups };
}
