import 'server-only';
import { and, eq, inArray, or } from 'drizzle-orm';
import { cropOf, displayedImage, type CropRect } from '../../lib/media-crop';
import type { FocalPoint, MediaVariant } from '../../lib/media-variants';
import { assertCan, type Actor } from '../../lib/permissions';
import { keptCropSrc, RATIOS, type Ratio } from '../../lib/seo/images';
import { getDb, type Db } from '../client';
import { recordInvalidation } from '../invalidation';
import { bodyHasImage, listMediaUses, liveEntryShowsImage, type MediaUse } from '../queries/media';
import { articleAuthors, articles, articleTags, auditLog, media, sections, staff, tags } from '../schema';
import { featuredImageChangeTags, mediaCropChangeTags } from '../tags';

// The media library's changes beyond its text (db/mutations/media.ts): an image's focal point, its
// crop, and deleting an image no article uses. See docs/decisions/2026-12-01-responsive-images.md
// and docs/decisions/2026-12-02-crops.md.

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The reader pages showing a live article that features the image (its cards and social crops follow the focal point). */
async function featuringTags(tx: Tx, id: number): Promise<string[]> {
  return featuredImageChangeTags(await liveArticlesFeaturing(tx, id));
}

async function liveArticlesFeaturing(tx: Tx, id: number) {
  const using = await tx
    .select({ id: articles.id, slug: articles.slug, sectionSlug: sections.slug })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .where(and(eq(articles.featuredImageId, id), inArray(articles.status, ['published', 'withdrawn'])));
  if (using.length === 0) return [];
  const ids = using.map((a) => a.id);
  const [authorRows, tagRows] = await Promise.all([
    tx.select({ articleId: articleAuthors.articleId, slug: staff.slug }).from(articleAuthors).innerJoin(staff, eq(staff.id, articleAuthors.staffId)).where(inArray(articleAuthors.articleId, ids)),
    tx.select({ articleId: articleTags.articleId, slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(inArray(articleTags.articleId, ids)),
  ]);
  const slugsOf = (rows: { articleId: number; slug: string }[], articleId: number) => rows.filter((r) => r.articleId === articleId).map((r) => r.slug);
  return using.map((a) => ({ ...a, authorSlugs: slugsOf(authorRows, a.id), topicSlugs: slugsOf(tagRows, a.id) }));
}

/** The kept social crops (/og/crop, stored beside the file they were cut from) of what readers were shown. */
function keptSocialCrops(shown: { src: string; focal: FocalPoint | null }): string[] {
  return (Object.keys(RATIOS) as Ratio[]).flatMap((r) => [keptCropSrc(shown.src, r, null), ...(shown.focal ? [keptCropSrc(shown.src, r, shown.focal)] : [])]);
}

/**
 * Sets (or with null clears) an image's focal point. Returns the tags to expire and the focal point
 * it replaced (its social crops are then stale files), or null when the image is gone. The point
 * must already be valid (lib/media-variants.ts focalPointSchema); the table's check refuses others.
 */
export async function setFocalPoint(actor: Actor, id: number, focal: FocalPoint | null): Promise<{ expire: string[]; previous: FocalPoint | null; src: string; staleCrops: string[] } | null> {
  assertCan(actor, 'media.edit');
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select(SHOWN_COLUMNS).from(media).where(eq(media.id, id)).for('update');
    if (!before) return null;
    await tx
      .update(media)
      .set({ focalX: focal?.x ?? null, focalY: focal?.y ?? null, modifiedAt: new Date() })
      .where(eq(media.id, id));
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'media.focal', subject: `media:${id}`, detail: focal ? { x: focal.x, y: focal.y } : { cleared: true } });
    const expire = await featuringTags(tx, id);
    await recordInvalidation(tx, expire);
    const previous = before.focalX != null && before.focalY != null ? { x: before.focalX, y: before.focalY } : null;
    // The old point's kept crops are named by it (inside the crop when there is one): nothing asks for them now.
    const old = shownOf(before);
    const now = shownOf({ ...before, focalX: focal?.x ?? null, focalY: focal?.y ?? null });
    const staleCrops = old.focal && (old.focal.x !== now.focal?.x || old.focal.y !== now.focal?.y) ? (Object.keys(RATIOS) as Ratio[]).map((r) => keptCropSrc(old.src, r, old.focal)) : [];
    return { expire, previous, src: before.src, staleCrops };
  });
}

const SHOWN_COLUMNS = { src: media.src, width: media.width, height: media.height, variants: media.variants, focalX: media.focalX, focalY: media.focalY, cropX: media.cropX, cropY: media.cropY, cropW: media.cropW, cropH: media.cropH, cropSrc: media.cropSrc };
type ShownRow = { src: string; width: number; height: number; variants: MediaVariant[]; focalX: number | null; focalY: number | null; cropX: number | null; cropY: number | null; cropW: number | null; cropH: number | null; cropSrc: string | null };

/** The file readers are shown of a row (the cropped one when there is a crop) and the focal point inside it. */
function shownOf(row: ShownRow): { src: string; focal: FocalPoint | null } {
  const shown = displayedImage({ ...row, focal: row.focalX != null && row.focalY != null ? { x: row.focalX, y: row.focalY } : null, crop: cropOf(row.cropX, row.cropY, row.cropW, row.cropH) });
  return { src: shown.src, focal: shown.focal ?? null };
}

/** The files a crop was made into (server/media/image-processing.ts processCrop). */
export type CropFiles = { crop: CropRect | null; cropSrc: string | null; variants: MediaVariant[] };

export type RecordCropResult = {
  expire: string[];
  /** Files nothing names any more once this commits: the previous crop's and derivatives, and their kept social crops. Never the original. */
  superseded: string[];
};

/**
 * Records an image's new crop (or with `crop` null the whole picture again) and the files made for
 * it, replacing whatever the row named before, even if another editor's crop landed meanwhile (the
 * last to commit wins, and the other's files are then the superseded ones). The caller removes
 * `superseded` after the commit and expires `expire`. Null when the image is gone (the caller then
 * removes the files it made).
 */
export async function recordCrop(actor: Actor, id: number, files: CropFiles): Promise<RecordCropResult | null> {
  assertCan(actor, 'media.edit');
  if (Boolean(files.crop) !== Boolean(files.cropSrc)) throw new Error('A crop and its file go together.');
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select(SHOWN_COLUMNS).from(media).where(eq(media.id, id)).for('update');
    if (!before) return null;
    const c = files.crop;
    await tx
      .update(media)
      .set({ cropX: c?.x ?? null, cropY: c?.y ?? null, cropW: c?.w ?? null, cropH: c?.h ?? null, cropSrc: files.cropSrc, variants: files.variants, modifiedAt: new Date() })
      .where(eq(media.id, id));
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'media.crop', subject: `media:${id}`, detail: c ? { x: round4(c.x), y: round4(c.y), w: round4(c.w), h: round4(c.h) } : { reset: true } });
    const inText = await tx
      .select({ id: articles.id, slug: articles.slug })
      .from(articles)
      .where(and(or(bodyHasImage(before.src), liveEntryShowsImage(before.src)), inArray(articles.status, ['published', 'withdrawn'])));
    // A live blog's entries are read under its own tag as well as the article's.
    const liveBlogs = await tx
      .select({ id: articles.id })
      .from(articles)
      .where(and(liveEntryShowsImage(before.src), inArray(articles.status, ['published', 'withdrawn'])));
    const expire = mediaCropChangeTags(await liveArticlesFeaturing(tx, id), inText, liveBlogs.map((b) => b.id));
    await recordInvalidation(tx, expire);
    const kept = new Set([before.src, ...(files.cropSrc ? [files.cropSrc] : []), ...files.variants.map((v) => v.src)]);
    const old = [...(before.cropSrc ? [before.cropSrc] : []), ...before.variants.map((v) => v.src), ...keptSocialCrops(shownOf(before))];
    return { expire, superseded: [...new Set(old)].filter((src) => !kept.has(src)) };
  });
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

export type DeleteMediaResult =
  | { ok: true; files: string[]; src: string; focal: FocalPoint | null }
  | { ok: false; uses: MediaUse[] };

/**
 * Deletes an image that no article uses, as featured picture or inside its body, in any state
 * (a draft's picture matters to its writer; a withdrawn story can be restored). While any does,
 * nothing changes and the answer lists them. The row goes here; the caller removes the files
 * after the commit (`files`), so a reader never meets a row whose files are gone. Null when the
 * image is already gone.
 */
export async function deleteMedia(actor: Actor, id: number): Promise<DeleteMediaResult | null> {
  assertCan(actor, 'media.delete');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.select({ ...SHOWN_COLUMNS, alt: media.alt }).from(media).where(eq(media.id, id)).for('update');
    if (!row) return null;
    const uses = await listMediaUses(id, tx);
    if (uses.length > 0) return { ok: false, uses };
    await tx.delete(media).where(eq(media.id, id));
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'media.delete', subject: `media:${id}`, detail: { src: row.src, alt: row.alt } });
    // The social crops were cut from the file readers were shown (the cropped one, if any), around the focal point inside it.
    const shown = shownOf(row);
    return { ok: true, files: [...new Set([row.src, ...(row.cropSrc ? [row.cropSrc] : []), ...row.variants.map((v) => v.src)])], src: shown.src, focal: shown.focal };
  });
}
