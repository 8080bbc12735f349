import JSZip from 'jszip';
import {
  ARCHIVE_CATEGORIES,
  ARCHIVE_NOTE_MAX,
  type ArchiveCategory,
  type ArchiveDto,
  type ArchiveFileKind,
  type ArchiveItemDto,
} from '../../../shared/contracts/projects.archive';
import { chinaDate } from '../../../shared/chinaTime';
import type { Locale } from '../../../shared/i18n/errors';
import { auditedWrite } from '../../platform/auditedRows';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { can } from '../../platform/permissions';
import type { Storage } from '../../platform/storage';
import {
  type ArchiveItemRow,
  archiveItemById,
  archiveItemsOf,
  insertArchiveItem,
  lockArchiveItem,
  markArchiveItemRemoved,
} from './projects.archive.repository';
import type { FileUpload } from './projects.http';
import { checkedUpload, storeUpload, uploadAudit } from './projects.upload';
import { applicationsPolicy } from './projects.policy';
import { type ApplicationRow, findApplication } from './projects.repository';
import { applicationInReach } from './projects.reach';
import { auditApplication } from './projects.audit';
import { audited } from '../../platform/auditedEntity';
import { newChildRow } from './projects.childRows';

const auditArchiveItem = audited('pj_archive_item');

/**
 * The archive of a selected co-building project (seed 000 四.3, R-PJ-3): files with a note in eight
 * categories ①–⑧. The project's community and its subdistrict (town) add items while the project is
 * selected; everyone who may read the project reads its archive (the bureau, reviewers); out of reach = 404.
 */

const kindOf = (mime: string): ArchiveFileKind =>
  mime.startsWith('image/')
    ? 'photo'
    : mime.startsWith('video/')
      ? 'video'
      : mime.startsWith('audio/')
        ? 'audio'
        : 'document';

const isCategory = (k: string): k is ArchiveCategory => ARCHIVE_CATEGORIES.some((c) => c.key === k);

/** The application the actor may add archive items to: its community (apply) or subdistrict (review). */
async function addable(ctx: ActorCtx, id: string): Promise<ApplicationRow | undefined> {
  return (
    (can(ctx.actor, 'projects.apply') ? await findApplication(ctx.db, ctx.actor, id, 'apply') : undefined) ??
    (can(ctx.actor, 'projects.review') ? await findApplication(ctx.db, ctx.actor, id, 'review') : undefined)
  );
}

function itemDto(r: ArchiveItemRow): ArchiveItemDto {
  return {
    id: r.id,
    category: r.category as ArchiveCategory,
    note: r.note,
    fileName: r.fileName,
    mime: r.mime,
    kind: kindOf(r.mime),
    size: r.size,
    url: `/api/projects/archive-items/${r.id}/file`,
    createdByName: r.createdByName,
    createdAt: r.createdAt.toISOString(),
    removed: r.removedAt
      ? { at: r.removedAt.toISOString(), byName: r.removedByName, reason: r.removedReason ?? '' }
      : null,
  };
}

function archiveOf(app: ApplicationRow, rows: ArchiveItemRow[], canAdd: boolean): ArchiveDto {
  const categories = ARCHIVE_CATEGORIES.map((c) => {
    const items = rows.filter((r) => r.category === c.key).map(itemDto);
    return { category: c.key, complete: items.some((i) => !i.removed), items };
  });
  return {
    applicationId: app.id,
    canAdd: canAdd && app.state === 'selected',
    canRemove: canAdd && removable(app),
    complete: categories.filter((c) => c.complete).length,
    total: categories.length,
    categories,
  };
}

/** Items may be removed while the project is selected and its closing summary not yet filed (R-PJ-3). */
const removable = (app: ApplicationRow) => app.state === 'selected' && app.summaryAt === null;

/** A project's archive with completeness per category and overall (R-PJ-3); 404 when out of reach. */
export async function getArchive(ctx: ActorCtx, id: string): Promise<ArchiveDto> {
  const app = await applicationInReach(ctx, id);
  const canAdd = (await addable(ctx, id)) !== undefined;
  return archiveOf(app, await archiveItemsOf(ctx.db, app.id), canAdd);
}

export type ArchiveUpload = FileUpload<'category' | 'note'>;

/**
 * Adds one file to a category of a selected project's archive (R-PJ-3): only the project's community or
 * subdistrict (404 otherwise), only while selected (409), a known category (422), a note of at most 500
 * characters (422), a file of a known type by its bytes (415); stored, then recorded and audited.
 */
export async function addArchiveItem(
  ctx: ActorCtx,
  storage: Storage,
  id: string,
  read: () => Promise<ArchiveUpload>,
): Promise<ArchiveDto> {
  const app = await addable(ctx, id);
  if (!app) throw notFound();
  if (app.state !== 'selected') throw new AppError('projects.archive_not_selected', 409);
  const upload = await read();
  if (!isCategory(upload.category)) throw new AppError('projects.archive_category', 422);
  const checked = checkedUpload(upload, ARCHIVE_NOTE_MAX, {
    noteTooLong: 'projects.archive_note_too_long',
    fileRequired: 'projects.archive_file_required',
    fileType: 'projects.archive_file_type',
  });
  const stored = await storeUpload(ctx, storage, checked);
  await auditedWrite(
    ctx,
    (tx) =>
      insertArchiveItem(tx, {
        ...newChildRow(ctx, app),
        category: upload.category,
        ...stored,
      }),
    {
      action: 'projects.archive.add',
      entityType: 'pj_archive_item',
      view: (row) => ({ applicationId: app.id, category: row.category, ...uploadAudit(row) }),
    },
  );
  return archiveOf(app, await archiveItemsOf(ctx.db, app.id), true);
}

/** The file of an archive item, for those who may read its project (404 otherwise or when missing). */
export async function archiveItemFile(ctx: ActorCtx, storage: Storage, itemId: string) {
  applicationsPolicy.require(ctx.actor, 'read');
  const item = await archiveItemById(ctx.db, itemId);
  const app = item ? await findApplication(ctx.db, ctx.actor, item.applicationId) : undefined;
  const data = item && app ? await storage.get(item.fileId) : null;
  if (!item || !data) throw notFound();
  return { item, data };
}

const safeName = (s: string) =>
  [...s]
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch))
    .join('')
    .replace(/^\.+/, '_')
    .slice(0, 120) || 'file';

/**
 * The whole archive as a zip (issue 11 §8): a folder per category (①–⑧, empty ones too) and an index
 * file listing the project, completeness and every item with its note, uploader and date. Audited.
 */
export async function archiveZip(ctx: ActorCtx, storage: Storage, id: string, locale: Locale) {
  const app = await applicationInReach(ctx, id);
  const all = await archiveItemsOf(ctx.db, app.id);
  const rows = all.filter((r) => !r.removedAt);
  const removed = all.filter((r) => r.removedAt);
  const en = locale === 'en';
  const zip = new JSZip();
  const archive = archiveOf(app, all, false);
  const lines: string[] = [
    en ? `Project archive: ${app.title} (${app.number})` : `项目档案：${app.title}（${app.number}）`,
    en
      ? `Complete categories: ${archive.complete}/${archive.total}`
      : `档案完整度：${archive.complete}/${archive.total}类`,
    en ? `Exported: ${chinaDate(ctx.clock.now())}` : `导出日期：${chinaDate(ctx.clock.now())}`,
    '',
  ];
  for (const c of ARCHIVE_CATEGORIES) {
    const folder = `${c.no}${en ? c.en : c.name}`;
    const dir = zip.folder(safeName(folder))!;
    const items = rows.filter((r) => r.category === c.key);
    lines.push(`${folder}${en ? ` — ${items.length} item(s)` : `（${items.length}项）`}`);
    if (items.length === 0) lines.push(en ? '  (none yet)' : '  （暂无）');
    let n = 0;
    for (const r of items) {
      n += 1;
      const data = await storage.get(r.fileId);
      const file = `${String(n).padStart(2, '0')}-${safeName(r.fileName)}`;
      if (data) dir.file(file, data);
      const by = r.createdByName ?? '';
      lines.push(
        `  ${file}${data ? '' : en ? ' [file missing]' : '［文件缺失］'}  ${chinaDate(r.createdAt)}  ${by}`,
      );
      if (r.note) lines.push(`    ${en ? 'Note' : '说明'}：${r.note.replace(/\s+/g, ' ')}`);
    }
    lines.push('');
  }
  if (removed.length) {
    lines.push(
      en ? `Removed items (not exported): ${removed.length}` : `已删除的资料（不导出）：${removed.length}项`,
    );
    for (const r of removed) {
      const c = ARCHIVE_CATEGORIES.find((x) => x.key === r.category);
      lines.push(
        `  ${c ? `${c.no}${en ? c.en : c.name}` : r.category}  ${r.fileName}  ${chinaDate(r.removedAt!)}  ${r.removedByName ?? ''}`,
      );
      lines.push(`    ${en ? 'Reason' : '删除原因'}：${(r.removedReason ?? '').replace(/\s+/g, ' ')}`);
    }
    lines.push('');
  }
  zip.file(en ? 'index.txt' : '档案目录.txt', `\uFEFF${lines.join('\r\n')}`);
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  await ctx.db.transaction((tx) =>
    auditApplication(tx, ctx, 'projects.archive.export', app.id, app, {
      after: { items: rows.length, removed: removed.length, complete: archive.complete },
    }),
  );
  return { app, buf };
}

/**
 * Removes an archive item (R-PJ-3) with a reason: the project's community or subdistrict — whoever may add —
 * while the project is selected and its closing summary not filed (409 after; 409 when already removed;
 * 404 out of reach). The row stays, marked removed: it leaves completeness and the zip. Audited.
 */
export async function removeArchiveItem(ctx: ActorCtx, itemId: string, reason: string): Promise<ArchiveDto> {
  const item = await archiveItemById(ctx.db, itemId);
  const app = item ? await addable(ctx, item.applicationId) : undefined;
  if (!item || !app) throw notFound();
  if (!removable(app)) throw new AppError('projects.archive_remove_closed', 409);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const locked = await lockArchiveItem(tx, item.id);
    if (!locked || locked.removedAt) throw new AppError('projects.archive_already_removed', 409);
    const r = await markArchiveItemRemoved(tx, item.id, {
      removedAt: now,
      removedBy: ctx.actor.userId ?? null,
      removedByName: ctx.actor.displayName ?? null,
      removedReason: reason,
    });
    await auditArchiveItem(tx, ctx, 'projects.archive.remove', r.id, app, {
      before: { applicationId: app.id, category: r.category, fileName: r.fileName, removed: false },
      after: { applicationId: app.id, category: r.category, fileName: r.fileName, removed: true, reason },
    });
  });
  return archiveOf(app, await archiveItemsOf(ctx.db, app.id), true);
}
