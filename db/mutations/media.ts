import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { assertCan, type Actor } from '../../lib/permissions';
import { getDb } from '../client';
import { recorded } from '../invalidation';
import { articleAuthors, articles, articleTags, auditLog, media, sections, staff, tags } from '../schema';
import { featuredImageChangeTags } from '../tags';

export type NewMedia = { src: string; mimeType: string; width: number; height: number; bytes: number; alt: string; caption: string; credit: string; variants: { width: number; src: string }[] };

export async function recordUpload(actor: Actor, item: NewMedia): Promise<number> {
  assertCan(actor, 'media.upload');
  return getDb().transaction(async (tx) => {
    const [row] = await tx.insert(media).values({ ...item, uploadedBy: actor.id }).returning({ id: media.id });
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'media.upload', subject: `media:${row!.id}`, detail: { bytes: item.bytes, type: item.mimeType } });
    return row!.id;
  });
}

/**
 * Changes an image's alt text, caption and credit. Articles that use it as their featured image
 * show them (unless they override them), on their page and on their cards, so the result is the
 * tags of every such article readers can reach; null when the image is gone.
 */
export async function updateMediaText(actor: Actor, id: number, text: { alt: string; caption: string; credit: string }): Promise<{ expire: string[] } | null> {
  assertCan(actor, 'media.edit');
  return getDb().transaction(async (tx) => {
    const done = await tx.update(media).set({ ...text, modifiedAt: new Date() }).where(eq(media.id, id)).returning({ id: media.id });
    if (!done.length) return null;
    const using = await tx
      .select({ id: articles.id, slug: articles.slug, sectionSlug: sections.slug })
      .from(articles)
      .leftJoin(sections, eq(sections.id, articles.sectionId))
      .where(and(eq(articles.featuredImageId, id), inArray(articles.status, ['published', 'withdrawn'])));
    if (using.length === 0) return { expire: [] };
    const ids = using.map((a) => a.id);
    const [authorRows, tagRows] = await Promise.all([
      tx.select({ articleId: articleAuthors.articleId, slug: staff.slug }).from(articleAuthors).innerJoin(staff, eq(staff.id, articleAuthors.staffId)).where(inArray(articleAuthors.articleId, ids)),
      tx.select({ articleId: articleTags.articleId, slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(inArray(articleTags.articleId, ids)),
    ]);
    const slugsOf = (rows: { articleId: number; slug: string }[], articleId: number) => rows.filter((r) => r.articleId === articleId).map((r) => r.slug);
    return {
      expire: await recorded(tx, featuredImageChangeTags(using.map((a) => ({ ...a, authorSlugs: slugsOf(authorRows, a.id), topicSlugs: slugsOf(tagRows, a.id) })))),
    };
  });
}
