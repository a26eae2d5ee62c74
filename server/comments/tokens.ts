// Signed tokens for the comment form. A form token says when the form was shown for which
// article, so a post that comes too soon (a script) can be held and a harvested one expires. An
// owner token lets a commenter's own browser see their comment while it awaits moderation,
// without cookies and without the article page knowing who is reading.
import crypto from 'node:crypto';
import { resolveAuthSecret } from '../auth/secret';

function key(): Buffer {
  const secret = process.env.COMMENT_SECRET || resolveAuthSecret();
  return crypto.createHmac('sha256', secret).update('broadsheet/comments/v1').digest();
}

function sign(message: string): string {
  return crypto.createHmac('sha256', key()).update(message).digest('base64url').slice(0, 32);
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** "<articleId>.<issued ms>.<signature>" */
export function signFormToken(articleId: number, issuedAt = Date.now()): string {
  return `${articleId}.${issuedAt}.${sign(`form:${articleId}:${issuedAt}`)}`;
}

export type FormTokenCheck = { ok: true; ageMs: number } | { ok: false; reason: 'missing' | 'invalid' | 'expired' };

export function checkFormToken(token: string, articleId: number, maxAgeSeconds: number, now = Date.now()): FormTokenCheck {
  if (!token) return { ok: false, reason: 'missing' };
  const m = /^(\d{1,10})\.(\d{1,15})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m || Number(m[1]) !== articleId) return { ok: false, reason: 'invalid' };
  const issuedAt = Number(m[2]);
  if (!safeEqual(m[3]!, sign(`form:${articleId}:${issuedAt}`))) return { ok: false, reason: 'invalid' };
  const ageMs = now - issuedAt;
  // A little clock skew between instances is tolerated; a token from the future is not.
  if (ageMs < -5000) return { ok: false, reason: 'invalid' };
  if (ageMs > maxAgeSeconds * 1000) return { ok: false, reason: 'expired' };
  return { ok: true, ageMs: Math.max(0, ageMs) };
}

export function ownerToken(commentId: number): string {
  return `${commentId}.${sign(`own:${commentId}`)}`;
}

/** The comment id an owner token proves, or null. */
export function readOwnerToken(token: string): number | null {
  const m = /^(\d{1,16})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const id = Number(m[1]);
  return Number.isSafeInteger(id) && safeEqual(m[2]!, sign(`own:${id}`)) ? id : null;
}

/** A key for a plain-form submission, which cannot make its own: the same post sent twice is one comment. */
export function derivedIdempotencyKey(parts: { articleId: number; email: string; comment: string; parentId: number | null; formToken: string }): string {
  const digest = crypto
    .createHmac('sha256', key())
    .update(JSON.stringify([parts.articleId, parts.email.toLowerCase(), parts.comment, parts.parentId, parts.formToken]))
    .digest('base64url');
  return `form-${digest.slice(0, 40)}`;
}
