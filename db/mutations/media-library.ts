import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { FocalPoint } from '../../lib/media-variants';
import { assertCan, type Actor } from '../../lib/permissions';
import { getDb, type Db } from '../client';
import { recordInvalidation } from '../invalidation';
import { listMediaUses, type MediaUse } from '../queries/media';
import { articleAuthors, articles, articleTags, auditLog, media, sections, staff, tags } from '../schema';
import { featuredImageChangeTags } from '../tags';

// The media library's changes beyond its text (db/mutations/media.ts): an image's focal point, and
// deleting an image no article uses. See docs/decisions/2026-12-01-responsive-images.md.

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** The reader pages showing a live article that features the image (its cards and social crops follow the focal point). */
async function featuringTags(tx: Tx, id: number): Promise<string[]> {
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
  return featuredImageChangeTags(using.map((a) => ({ ...a, authorSlugs: slugsOf(authorRows, a.id), topicSlugs: slugsOf(tagRows, a.id) })));
}

/**
 * Sets (or with null clears) an image's focal point. Returns the tags to expire and the focal point
 * it replaced (its social crops are then stale files), or null when the image is gone. The point
 * must already be valid (lib/media-variants.ts focalPointSchema); the table's check refuses others.
 */
export async function setFocalPoint(actor: Actor, id: number, focal: FocalPoint | null): Promise<{ expire: string[]; previous: FocalPoint | null; src: string } | null> {
  assertCan(actor, 'media.edit');
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select({ src: media.src, focalX: media.focalX, focalY: media.focalY }).from(media).where(eq(media.id, id)).for('update');
    if (!before) return null;
    await tx
      .update(media)
      .set({ focalX: focal?.x ?? null, focalY: focal?.y ?? null, modifiedAt: new Date() })
      .where(eq(media.id, id));
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'media.focal', subject: `media:${id}`, detail: focal ? { x: focal.x, y: focal.y } : { cleared: true } });
    const expire = await featuringTags(tx, id);
    await recordInvalidation(tx, expire);
    const previous = before.focalX != null && before.focalY != null ? { x: before.focalX, y: before.focalY } : null;
    return { expire, previous, src: before.src };
  });
}

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
    const [row] = await tx.select({ src: media.src, variants: media.variants, focalX: media.focalX, focalY: media.focalY, alt: media.alt }).from(media).where(eq(media.id, id)).for('update');
    if (!row) return null;
    const uses = await listMediaUses(id, tx);
    if (uses.length > 0) return { ok: false, uses };
    await tx.delete(media).where(eq(media.id, id));
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'media.delete', subject: `media:${id}`, detail: { src: row.src, alt: row.alt } });
    const focal = row.focalX != null && row.focalY != null ? { x: row.focalX, y: row.focalY } : null;
    return { ok: true, files: [row.src, ...row.variants.map((v) => v.src)], src: row.src, focal };
  });
}
