import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, lte, notInArray } from 'drizzle-orm';
import { commentRules, MAX_REFUSED_PER_ADDRESS, type CommentRules } from '../../lib/comments/config';
import { getDb } from '../client';
import { hashRefusedToken, type RefusedFieldErrors } from '../queries/refused-comments';
import { refusedComments } from '../schema';

// Keeping a comment the endpoint refused from the plain (no JavaScript) form, so the page it
// redirects to can show the reason with everything the reader typed. A route handler cannot
// render the site's React pages; a row any instance can read lets the handler answer 303 and the
// page (app/(site)/comments/not-posted/[token]) render it, as often as the reader reloads, until
// it expires. Anyone can make the endpoint refuse something, so the table is bounded: rows expire
// within COMMENT_REFUSED_KEEP_SECONDS, expired ones are deleted as new ones arrive (and hourly by
// server/comments/maintenance.ts), and one client address keeps at most MAX_REFUSED_PER_ADDRESS.

export type RefusedCommentInput = {
  /** The HTTP status the refusal stands for; the page words its heading from it. */
  status: number;
  message: string;
  fieldErrors: RefusedFieldErrors;
  /** The article the form was for, when the submission named a possible one. */
  articleId: number | null;
  /** What the reader typed, as typed. */
  values: { name: string; email: string; comment: string; parentId: string };
  clientAddress: string | null;
};

/** Keeps the refused submission and returns the token of the page that shows it (only ever in that page's address). */
export async function keepRefusedComment(input: RefusedCommentInput, rules: CommentRules = commentRules(process.env), now = new Date()): Promise<string> {
  const token = crypto.randomBytes(24).toString('base64url');
  const address = input.clientAddress;
  await getDb().transaction(async (tx) => {
    await tx.delete(refusedComments).where(lte(refusedComments.expiresAt, now));
    if (address) {
      const newest = tx
        .select({ id: refusedComments.id })
        .from(refusedComments)
        .where(eq(refusedComments.clientAddress, address))
        .orderBy(desc(refusedComments.id))
        .limit(MAX_REFUSED_PER_ADDRESS - 1);
      await tx.delete(refusedComments).where(and(eq(refusedComments.clientAddress, address), notInArray(refusedComments.id, newest)));
    }
    await tx.insert(refusedComments).values({
      tokenHash: hashRefusedToken(token),
      status: input.status,
      message: input.message,
      fieldErrors: input.fieldErrors,
      articleId: input.articleId,
      parentId: input.values.parentId,
      authorName: input.values.name,
      authorEmail: input.values.email,
      body: input.values.comment,
      clientAddress: address,
      expiresAt: new Date(now.getTime() + rules.refusedKeepSeconds * 1000),
    });
  });
  return token;
}

/** Deletes refused submissions past their time (they hold e-mail addresses: none is kept longer than it is useful). */
export async function forgetExpiredRefusedComments(now = new Date()): Promise<{ deleted: number }> {
  const rows = await getDb().delete(refusedComments).where(lte(refusedComments.expiresAt, now)).returning({ id: refusedComments.id });
  return { deleted: rows.length };
}
