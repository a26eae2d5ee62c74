import 'server-only';
import { eq } from 'drizzle-orm';
import { assertCanOnArticle, type Actor } from '../../lib/permissions';
import { getDb } from '../client';
import { recorded } from '../invalidation';
import { articleAuthors, articles, auditLog, articleTags, corrections, sections, staff, tags } from '../schema';
import { type CorrectionKind } from '../../lib/domain';
import { articleChangeTags } from '../tags';
import { getArticleSubject } from './articles';

export type CorrectionResult = { ok: true; expire: string[] } | { ok: false; message: string };

/** Adds a dated correction, clarification or update to a published article and marks it updated. */
export async function addCorrection(actor: Actor, articleId: number, kind: CorrectionKind, body: string, now = new Date()): Promise<CorrectionResult> {
  const subject = await getArticleSubject(articleId);
  if (!subject) return { ok: false, message: 'That article no longer exists.' };
  assertCanOnArticle(actor, 'correct', subject);
  if (subject.status !== 'published') return { ok: false, message: 'Corrections can only be added to a published article.' };
  const text = body.trim();
  if (!text) return { ok: false, message: 'Write the correction.' };
  if (text.length > 2000) return { ok: false, message: 'A correction can be at most 2,000 characters.' };
  return getDb().transaction(async (tx) => {
    await tx.insert(corrections).values({ articleId, kind, body: text, publishedAt: now, staffId: actor.id });
    await tx.update(articles).set({ updatedAt: now, modifiedAt: now }).where(eq(articles.id, articleId));
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'correction.add', subject: `article:${articleId}`, detail: { kind } });
    const [a] = await tx.select({ slug: articles.slug, sectionSlug: sections.slug }).from(articles).leftJoin(sections, eq(sections.id, articles.sectionId)).where(eq(articles.id, articleId));
    const authorSlugs = (await tx.select({ slug: staff.slug }).from(articleAuthors).innerJoin(staff, eq(staff.id, articleAuthors.staffId)).where(eq(articleAuthors.articleId, articleId))).map((r) => r.slug);
    const topicSlugs = (await tx.select({ slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId)).where(eq(articleTags.articleId, articleId))).map((r) => r.slug);
    const input = { id: articleId, slug: a!.slug, sectionSlug: a!.sectionSlug, authorSlugs, topicSlugs };
    return { ok: true as const, expire: await recorded(tx, articleChangeTags(input, input)) };
  });
}
