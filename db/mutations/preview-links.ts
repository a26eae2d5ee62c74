import 'server-only';
import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { assertCanOnArticle, type Actor } from '../../lib/permissions';
import { getDb } from '../client';
import { auditLog, previewLinks } from '../schema';
import { hashPreviewToken } from '../queries/preview';
import { getArticleSubject } from './articles';

export const previewLinkHours = () => Number(process.env.PREVIEW_LINK_HOURS ?? 24);

/** Creates a secret link to the article's preview; the token is returned once and stored only as a hash. */
export async function createPreviewLink(actor: Actor, articleId: number, now = new Date()): Promise<{ token: string; expiresAt: Date } | null> {
  const subject = await getArticleSubject(articleId);
  if (!subject) return null;
  assertCanOnArticle(actor, 'preview.share', subject);
  const token = crypto.randomBytes(24).toString('base64url');
  const expiresAt = new Date(now.getTime() + previewLinkHours() * 3600_000);
  await getDb().transaction(async (tx) => {
    await tx.insert(previewLinks).values({ articleId, tokenHash: hashPreviewToken(token), createdBy: actor.id, expiresAt });
    await tx.insert(auditLog).values({ staffId: actor.id, action: 'preview.create', subject: `article:${articleId}`, detail: { expiresAt: expiresAt.toISOString() } });
  });
  return { token, expiresAt };
}

export async function revokePreviewLink(actor: Actor, articleId: number, linkId: number): Promise<boolean> {
  const subject = await getArticleSubject(articleId);
  if (!subject) return false;
  assertCanOnArticle(actor, 'preview.share', subject);
  return getDb().transaction(async (tx) => {
    const done = await tx
      .update(previewLinks)
      .set({ revokedAt: new Date() })
      .where(and(eq(previewLinks.id, linkId), eq(previewLinks.articleId, articleId), isNull(previewLinks.revokedAt)))
      .returning({ id: previewLinks.id });
    if (done.length) await tx.insert(auditLog).values({ staffId: actor.id, action: 'preview.revoke', subject: `article:${articleId}`, detail: { linkId } });
    return done.length > 0;
  });
}
