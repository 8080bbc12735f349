import {
  DEFAULT_TICKET_LIMITS,
  DS_TICKET_KINDS,
  type DsList,
  type DsTicketKind,
  type ListEntryDto,
} from '../../../shared/contracts/disputes';
import type { z } from 'zod';
import type { limitsBody, listImportBody } from '../../../shared/contracts/disputes';
import { writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { configPolicy } from './disputes.policy';
import {
  currentListEntries,
  insertListEntries,
  latestListVersion,
  limitRows,
  upsertLimit,
} from './disputes.repository';

/**
 * The two classification lists of seed 003 (R-DS-1) and the ticket time limits (R-WO-3). Until a list is
 * imported, version 0 is this built-in starting point (practice values, seed 003 names only the lists).
 */
const e = (
  list: DsList,
  code: string,
  name: string,
  category: ListEntryDto['category'],
  suggestedBody: ListEntryDto['suggestedBody'],
  suggestedTicket: DsTicketKind,
): ListEntryDto => ({ list, version: 0, code, name, category, suggestedBody, suggestedTicket });

export const BUILT_IN_LISTS: ListEntryDto[] = [
  e(
    'dispute_service',
    'MD-01',
    '邻里纠纷（噪音、漏水、通行、采光等）',
    'dispute',
    'mediation_committee',
    'regular',
  ),
  e('dispute_service', 'MD-02', '婚姻家庭纠纷', 'dispute', 'womens_federation', 'regular'),
  e('dispute_service', 'MD-03', '物业服务纠纷', 'dispute', 'mediation_committee', 'regular'),
  e('dispute_service', 'MD-04', '房屋租赁纠纷', 'dispute', 'lawyer', 'regular'),
  e('dispute_service', 'MD-05', '劳动争议（欠薪等）', 'dispute', 'trade_union', 'key'),
  e('dispute_service', 'MD-06', '消费纠纷', 'dispute', 'mediation_committee', 'regular'),
  e('dispute_service', 'MD-07', '涉法涉诉及信访诉求', 'dispute', 'petition', 'key'),
  e('dispute_service', 'MD-08', '可能激化的群体性纠纷', 'dispute', 'judicial', 'emergency'),
  e('dispute_service', 'MD-09', '需心理疏导的家庭矛盾', 'dispute', 'counsellor', 'key'),
  e('dispute_service', 'ZW-01', '社会救助、低保申请', 'government_service', null, 'regular'),
  e('dispute_service', 'ZW-02', '户籍、证照办理咨询', 'government_service', null, 'regular'),
  e('dispute_service', 'ZW-03', '市政设施报修', 'government_service', null, 'regular'),
  e('transfer', 'ZF-01', '110转办：非警务类邻里纠纷', 'police_110', 'mediation_committee', 'regular'),
  e('transfer', 'ZF-02', '110转办：无违法犯罪情形的家庭矛盾', 'police_110', 'womens_federation', 'key'),
  e('transfer', 'ZF-03', '110转办：物业、停车纠纷', 'police_110', 'mediation_committee', 'regular'),
  e('transfer', 'ZF-04', '12345转办：劳资纠纷', 'hotline_12345', 'trade_union', 'key'),
  e('transfer', 'ZF-05', '12345转办：噪音扰民投诉', 'hotline_12345', 'mediation_committee', 'regular'),
  e('transfer', 'ZF-06', '12345转办：房屋租赁纠纷', 'hotline_12345', 'lawyer', 'regular'),
];

/** The current version of each list: the newest import, else the built-in version 0. */
export async function currentLists(
  db: Db,
): Promise<{ list: DsList; version: number; entries: ListEntryDto[] }[]> {
  const rows = await currentListEntries(db);
  return (['dispute_service', 'transfer'] as const).map((list) => {
    const imported = rows.filter((r) => r.list === list);
    if (imported.length === 0)
      return { list, version: 0, entries: BUILT_IN_LISTS.filter((x) => x.list === list) };
    return {
      list,
      version: imported[0]!.version,
      entries: imported.map((r) => ({
        list,
        version: r.version,
        code: r.code,
        name: r.name,
        category: r.category as ListEntryDto['category'],
        suggestedBody: r.suggestedBody as ListEntryDto['suggestedBody'],
        suggestedTicket: r.suggestedTicket as DsTicketKind,
      })),
    };
  });
}

export async function findListEntry(db: Db, list: DsList, code: string): Promise<ListEntryDto | undefined> {
  const lists = await currentLists(db);
  return lists.find((l) => l.list === list)?.entries.find((x) => x.code === code);
}

export async function limitsOf(
  db: Db,
): Promise<Record<DsTicketKind, { acceptMinutes: number; finishMinutes: number }>> {
  const out = structuredClone(DEFAULT_TICKET_LIMITS);
  for (const r of await limitRows(db))
    if ((DS_TICKET_KINDS as readonly string[]).includes(r.kind))
      out[r.kind as DsTicketKind] = { acceptMinutes: r.acceptMinutes, finishMinutes: r.finishMinutes };
  return out;
}

export async function getLists(ctx: ActorCtx) {
  configPolicy.require(ctx.actor, 'read');
  return { lists: await currentLists(ctx.db) };
}

/** A new version of one list replaces the current one (older versions stay for the disputes citing them). */
export async function importList(ctx: ActorCtx, input: z.infer<typeof listImportBody>) {
  configPolicy.require(ctx.actor, 'configure');
  const now = ctx.clock.now();
  const codes = new Set<string>();
  const entries = input.entries.filter((x) => !codes.has(x.code) && codes.add(x.code));
  await ctx.db.transaction(async (tx) => {
    const version = (await latestListVersion(tx, input.list)) + 1;
    await insertListEntries(
      tx,
      entries.map((x) => ({
        id: ctx.ids(),
        list: input.list,
        version,
        code: x.code,
        name: x.name,
        category: x.category,
        suggestedBody: x.suggestedBody ?? null,
        suggestedTicket: x.suggestedTicket,
        active: true,
        createdAt: now,
      })),
    );
    await writeAudit(tx, ctx, {
      action: 'disputes.lists_import',
      entityType: 'ds_list',
      entityId: null,
      orgPath: '/',
      after: { list: input.list, version, entries: entries.length },
    });
  });
  return { lists: await currentLists(ctx.db) };
}

export async function getLimits(ctx: ActorCtx) {
  configPolicy.require(ctx.actor, 'read');
  const limits = await limitsOf(ctx.db);
  return { limits: DS_TICKET_KINDS.map((kind) => ({ kind, ...limits[kind] })) };
}

export async function setLimits(ctx: ActorCtx, input: z.infer<typeof limitsBody>) {
  configPolicy.require(ctx.actor, 'configure');
  const now = ctx.clock.now();
  const before = await limitsOf(ctx.db);
  await ctx.db.transaction(async (tx) => {
    for (const l of input.limits) await upsertLimit(tx, { ...l, updatedAt: now });
    await writeAudit(tx, ctx, {
      action: 'disputes.limits',
      entityType: 'ds_settings',
      entityId: null,
      orgPath: '/',
      before,
      after: input.limits,
    });
  });
  return getLimits(ctx);
}
