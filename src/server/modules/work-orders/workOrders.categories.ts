import type { z } from 'zod';
import type { categoryCreateBody, categoryUpdateBody } from '../../../shared/contracts/workOrders';
import { writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { isUniqueViolation } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { workOrdersPolicy } from './workOrders.policy';
import { invalidateCategoryCache } from './workOrders.cache';
import {
  type NewCategoryRow,
  categoryForUpdate,
  categoryRowsSorted,
  insertCategory,
  insertMissingCategories,
  updateCategoryRow,
} from './workOrders.categories.repository';

/** The default service categories (Open311 services); admins can add or retire categories later. */
export const DEFAULT_CATEGORIES: NewCategoryRow[] = [
  {
    code: 'street_lamp',
    nameZh: '路灯损坏',
    nameEn: 'Broken street lamp',
    department: '城管局',
    keywords: ['路灯', '灯'],
  },
  {
    code: 'road_damage',
    nameZh: '道路破损',
    nameEn: 'Damaged road',
    department: '住建局',
    keywords: ['道路', '坑'],
  },
  {
    code: 'garbage',
    nameZh: '垃圾清运',
    nameEn: 'Rubbish collection',
    department: '环卫所',
    keywords: ['垃圾'],
  },
  { code: 'noise', nameZh: '噪音扰民', nameEn: 'Noise', department: '生态环境局', keywords: ['噪音', '吵'] },
  {
    code: 'water_supply',
    nameZh: '供水问题',
    nameEn: 'Water supply',
    department: '水务公司',
    limitGroup: 'utility',
    keywords: ['停水', '水'],
  },
  {
    code: 'power_supply',
    nameZh: '供电问题',
    nameEn: 'Power supply',
    department: '供电公司',
    limitGroup: 'utility',
    keywords: ['停电', '电'],
  },
  {
    code: 'gas_supply',
    nameZh: '燃气问题',
    nameEn: 'Gas supply',
    department: '燃气公司',
    limitGroup: 'utility',
    keywords: ['燃气', '煤气'],
  },
  {
    code: 'heating',
    nameZh: '供暖问题',
    nameEn: 'Heating',
    department: '热力公司',
    limitGroup: 'utility',
    keywords: ['暖气'],
  },
  {
    code: 'property',
    nameZh: '物业服务',
    nameEn: 'Property management',
    department: '物业服务企业',
    keywords: ['物业'],
  },
  {
    code: 'neighbour_dispute',
    nameZh: '邻里纠纷',
    nameEn: 'Neighbour dispute',
    department: '司法所',
    keywords: ['纠纷', '邻居'],
  },
  {
    code: 'safety_hazard',
    nameZh: '安全隐患',
    nameEn: 'Safety hazard',
    department: '应急管理局',
    keywords: ['隐患', '安全'],
  },
  {
    code: 'greening',
    nameZh: '绿化养护',
    nameEn: 'Greenery',
    department: '园林局',
    keywords: ['树', '绿化'],
  },
  { code: 'parking', nameZh: '停车管理', nameEn: 'Parking', department: '交警大队', keywords: ['停车'] },
  {
    code: 'elderly_help',
    nameZh: '困难帮扶',
    nameEn: 'Help for people in need',
    department: '民政办',
    keywords: ['老人', '困难'],
  },
  {
    code: 'policy_consult',
    nameZh: '政策咨询',
    nameEn: 'Policy question',
    department: '社区',
    keywords: ['咨询', '政策'],
  },
  { code: 'other', nameZh: '其他', nameEn: 'Other', department: null, keywords: [] },
].map((c, i) => ({ limitGroup: 'general', ...c, sort: i }));

/** Inserts the default categories that are missing (idempotent; run at boot and in tests). */
export async function ensureDefaultCategories(db: Db): Promise<void> {
  await insertMissingCategories(db, DEFAULT_CATEGORIES);
  invalidateCategoryCache(db);
}

// ---------------------------------------------------------------- administration

/** All categories, retired ones included, for the administration page. */
export async function listAllCategories(ctx: ActorCtx) {
  workOrdersPolicy.require(ctx.actor, 'categories');
  return categoryRowsSorted(ctx.db);
}

/** A new category; its code is permanent (it is the Open311 service_code). */
export async function createCategory(ctx: ActorCtx, input: z.infer<typeof categoryCreateBody>) {
  workOrdersPolicy.require(ctx.actor, 'categories');
  const row = {
    code: input.code,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    limitGroup: input.limitGroup,
    department: input.department ?? null,
    keywords: input.keywords,
    sort: input.sort,
    active: true,
  };
  try {
    const created = await ctx.db.transaction(async (tx) => {
      const created = await insertCategory(tx, row);
      await writeAudit(tx, ctx, {
        action: 'work_orders.category_create',
        entityType: 'wo_category',
        entityId: row.code,
        after: row,
      });
      return created!;
    });
    invalidateCategoryCache(ctx.db);
    return created;
  } catch (err) {
    if (isUniqueViolation(err, 'wo_categories_pkey'))
      throw new AppError('work_orders.category_exists', 409, { code: row.code });
    throw err;
  }
}

/** Renames, regroups, re-sorts, retires or reactivates a category. */
export async function updateCategory(ctx: ActorCtx, code: string, patch: z.infer<typeof categoryUpdateBody>) {
  workOrdersPolicy.require(ctx.actor, 'categories');
  const updated = await ctx.db.transaction(async (tx) => {
    const before = await categoryForUpdate(tx, code);
    if (!before) throw new AppError('common.not_found', 404);
    const after = await updateCategoryRow(tx, code, patch);
    await writeAudit(tx, ctx, {
      action:
        patch.active === false && before.active
          ? 'work_orders.category_retire'
          : 'work_orders.category_update',
      entityType: 'wo_category',
      entityId: code,
      before,
      after,
    });
    return after!;
  });
  invalidateCategoryCache(ctx.db);
  return updated;
}
