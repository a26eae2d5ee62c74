import 'server-only';
import crypto from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import { cache } from 'react';
import { getDb } from '../client';
import { refusedComments } from '../schema';

export type RefusedFieldErrors = Partial<Record<'name' | 'email' | 'comment' | 'parentId', string>>;

/** Only the hash of a token is stored: the token itself is only in the page's address. */
export const hashRefusedToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/**
 * A refused plain-form comment, for the page that shows it again. The one reader path on which a
 * commenter's e-mail leaves db/: it goes back into the form of the reader who typed it, on a page
 * reached only through an unguessable address, rendered per request, never cached or indexed.
 */
export type RefusedComment = {
  status: number;
  message: string;
  fieldErrors: RefusedFieldErrors;
  articleId: number | null;
  values: { name: string; email: string; comment: string; parentId: string };
};

const TOKEN = /^[A-Za-z0-9_-]{32}$/;

/** The kept submission for this token, or null when there is none or it has expired (shared by the page and its metadata). */
export const getRefusedComment = cache(async (token: string): Promise<RefusedComment | null> => {
  if (!TOKEN.test(token)) return null;
  const [row] = await getDb()
    .select({
      status: refusedComments.status,
      message: refusedComments.message,
      fieldErrors: refusedComments.fieldErrors,
      articleId: refusedComments.articleId,
      parentId: refusedComments.parentId,
      name: refusedComments.authorName,
      email: refusedComments.authorEmail,
      comment: refusedComments.body,
    })
    .from(refusedComments)
    .where(and(eq(refusedComments.tokenHash, hashRefusedToken(token)), gt(refusedComments.expiresAt, new Date())));
  if (!row) return null;
  const { name, email, comment, parentId, ...rest } = row;
  return { ...rest, values: { name, email, comment, parentId } };
});
