import { z } from 'zod';
import { keysOf } from './keyedList';

/**
 * The archive of a selected co-building project (seed 000 四.3, R-PJ-3): eight categories ①–⑧, each
 * holding uploaded files (photos, video, audio, documents) with a note. A category is complete once it
 * holds at least one item; the project's completeness is how many of the eight are.
 */
export const ARCHIVE_CATEGORIES = [
  { key: 'minutes', no: '①', name: '会议记录纪要', en: 'Meeting minutes' },
  { key: 'plan', no: '②', name: '方案与实施图文', en: 'Plan and implementation images and text' },
  { key: 'guidance', no: '③', name: '区局与街道指导督导佐证', en: 'Guidance and supervision evidence' },
  {
    key: 'self_governance',
    no: '④',
    name: '居民自治与社会参与佐证',
    en: 'Self-governance and participation evidence',
  },
  { key: 'funds', no: '⑤', name: '资金使用明细台账', en: 'Fund-use detail ledger' },
  { key: 'disclosure', no: '⑥', name: '公开与宣传报道佐证', en: 'Disclosure and media evidence' },
  {
    key: 'self_assessment',
    no: '⑦',
    name: '中期、结项自评报告',
    en: 'Mid-term and final self-assessment reports',
  },
  { key: 'method', no: '⑧', name: '提炼的社区工作法', en: 'The distilled community work method' },
] as const;

export type ArchiveCategory = (typeof ARCHIVE_CATEGORIES)[number]['key'];
export const ARCHIVE_CATEGORY_KEYS = keysOf(ARCHIVE_CATEGORIES);

/** What kind of file an item holds, from its first bytes. */
export const ARCHIVE_FILE_KINDS = ['photo', 'video', 'audio', 'document'] as const;
export type ArchiveFileKind = (typeof ARCHIVE_FILE_KINDS)[number];

export const archiveItemSchema = z.object({
  id: z.string(),
  category: z.enum(ARCHIVE_CATEGORY_KEYS),
  note: z.string().nullable(),
  fileName: z.string(),
  mime: z.string(),
  kind: z.enum(ARCHIVE_FILE_KINDS),
  size: z.number().int(),
  url: z.string(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  /** Set once removed (kept for the record; not counted, not exported). */
  removed: z.object({ at: z.string(), byName: z.string().nullable(), reason: z.string() }).nullable(),
});
export type ArchiveItemDto = z.infer<typeof archiveItemSchema>;

export const archiveSchema = z.object({
  applicationId: z.string(),
  /** Whether the actor may add items (the project's community or subdistrict, while selected). */
  canAdd: z.boolean(),
  /** Whether the actor may remove items (as canAdd, until the closing summary is filed). */
  canRemove: z.boolean(),
  complete: z.number().int(),
  total: z.number().int(),
  categories: z.array(
    z.object({
      category: z.enum(ARCHIVE_CATEGORY_KEYS),
      complete: z.boolean(),
      items: z.array(archiveItemSchema),
    }),
  ),
});
export type ArchiveDto = z.infer<typeof archiveSchema>;

/** The largest archive file (the platform's multipart limit). */
export const ARCHIVE_MAX_MB = 30;
export const ARCHIVE_NOTE_MAX = 500;

export const ARCHIVE_REMOVE_REASON_MAX = 200;
/** Removing an item: the reason is required (R-PJ-3: the record is kept, marked removed). */
export const removeArchiveItemBody = z.strictObject({
  reason: z.string().trim().min(1).max(ARCHIVE_REMOVE_REASON_MAX),
});
export type RemoveArchiveItemBody = z.infer<typeof removeArchiveItemBody>;
