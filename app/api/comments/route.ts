import { postComment, type OwnComment, type PostCommentResult } from '@/db/mutations/comments';
import { keepRefusedComment } from '@/db/mutations/refused-comments';
import { decodeThreadCursor, getCommentTarget, getThreadInfo, listOwnPendingComments, listThreadPage } from '@/db/queries/comments';
import { expireTags } from '@/server/cache/expire';
import { clientAddressOf } from '@/server/comments/client-address';
import { commentRules, MAX_BODY_BYTES } from '@/lib/comments/config';
import { checkFormToken, derivedIdempotencyKey, ownerToken, readOwnerToken, signFormToken } from '@/server/comments/tokens';
import { parseSubmission, typedValues, type ValidationFailure } from '@/lib/comments/validate';
import { refuseForeignRequest } from '@/server/http/origin';
import { COMMENT_RETRY_AFTER_SECONDS, COMMENT_UNAVAILABLE_MESSAGE, commentUnavailablePage, keptComment } from '@/server/http/comment-unavailable';
import { databaseIsUp } from '@/server/health';
import { logger } from '@/server/log';

// The comment endpoint. POST takes a comment as JSON (the island) or as a plain HTML form (no
// JavaScript: answered with 303 to /comments/received, or, when refused, with 303 to
// /comments/not-posted/<token>, a page of the site showing the reason with the typed text, kept
// for it in the database). GET returns a page of the public thread. Nothing here ever returns an
// e-mail. While the database is unreachable both answer 503 with Retry-After, as pages do: JSON
// for the island, and for the plain form a small page holding what was typed
// (server/http/comment-unavailable.ts).

export const dynamic = 'force-dynamic';

const NO_STORE = { 'Cache-Control': 'no-store' };

type Problem = { status: number; error: string; fieldErrors?: ValidationFailure['fieldErrors']; retryAfter?: number; formToken?: string };

/** The body as text, or null when it is larger than the limit (checked while reading, not trusted from a header). */
async function readBody(request: Request, limit: number): Promise<string | null> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function parseFields(contentType: string, body: string): Promise<Record<string, unknown> | null> {
  if (contentType.startsWith('application/json')) {
    try {
      const value: unknown = JSON.parse(body);
      return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    } catch {
      return null;
    }
  }
  if (contentType.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(body));
  if (contentType.startsWith('multipart/form-data')) {
    try {
      const form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
      return Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'));
    } catch {
      return null;
    }
  }
  return null;
}

function publicComment(c: OwnComment) {
  return { id: c.id, parentId: c.parentId, depth: c.depth, authorName: c.authorName, body: c.body, createdAt: c.createdAt, status: c.status };
}

function messageFor(c: OwnComment): string {
  return c.status === 'approved' ? 'Your comment has been published.' : 'Thank you. Your comment is awaiting moderation.';
}

function problemFor(result: Exclude<PostCommentResult, { kind: 'created' | 'replayed' }>): Problem {
  switch (result.kind) {
    case 'not_found':
      return { status: 404, error: 'Not found' };
    case 'closed':
      return { status: 403, error: 'Comments are closed' };
    case 'bad_parent':
      return { status: 400, error: result.message };
    case 'duplicate':
      return { status: 409, error: 'Duplicate comment: it looks as though you have already said that.' };
    case 'flood': {
      const at = new Date(Date.now() + result.retryAfterSeconds * 1000);
      const seconds = result.retryAfterSeconds === 1 ? '1 second' : `${result.retryAfterSeconds} seconds`;
      return {
        status: 429,
        retryAfter: result.retryAfterSeconds,
        error: `You are posting comments too quickly. Please wait ${seconds} and try again (after ${at.toISOString().slice(11, 19)} UTC).`,
      };
    }
    case 'key_reused':
      return { status: 422, error: 'This submission was already used for a different comment. Please reload the page and try again.' };
  }
}

/** What the handler had read when the database failed it: enough to answer the reader honestly. */
type Seen = { asForm: boolean; fields: Record<string, unknown> | null };

class DatabaseDown extends Error {}

/** 503 with Retry-After, as pages answer during an outage: JSON for the island, a page with the typed comment for the plain form. */
function unavailable(seen: Seen): Response {
  const headers = { ...NO_STORE, 'Retry-After': String(COMMENT_RETRY_AFTER_SECONDS) };
  if (!seen.asForm) return Response.json({ error: COMMENT_UNAVAILABLE_MESSAGE, fieldErrors: {}, retryAfter: COMMENT_RETRY_AFTER_SECONDS }, { status: 503, headers });
  return new Response(commentUnavailablePage(keptComment(seen.fields)), { status: 503, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } });
}

/** Runs a handler; when it fails because the database is unreachable, answers 503 instead of an empty 500. */
async function unlessDatabaseDown(seen: Seen, handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (error) {
    // A fresh probe: the shared health check may not have noticed the outage yet.
    if (!(error instanceof DatabaseDown) && (await databaseIsUp(0))) throw error;
    logger().warn({ event: 'comment.unavailable', err: (error as Error).message }, 'comment endpoint answered 503: database unreachable');
    return unavailable(seen);
  }
}

export async function POST(request: Request) {
  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();
  const seen: Seen = { asForm: /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(contentType), fields: null };
  return unlessDatabaseDown(seen, () => handlePost(request, seen));
}

async function handlePost(request: Request, seen: Seen) {
  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();
  // A browser's form post (the plain form, without JavaScript); anything else is answered as JSON.
  const asForm = /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(contentType);
  const rules = commentRules(process.env);

  const fail = async (problem: Problem, fields: Record<string, unknown> | null) => {
    if (!asForm) {
      const headers: Record<string, string> = { ...NO_STORE };
      if (problem.retryAfter) headers['Retry-After'] = String(problem.retryAfter);
      return Response.json({ error: problem.error, fieldErrors: problem.fieldErrors ?? {}, retryAfter: problem.retryAfter, formToken: problem.formToken }, { status: problem.status, headers });
    }
    // A route handler cannot render the site's pages: the refusal and what the reader typed are
    // kept for the page that shows them (it signs a fresh form token when the form can be sent again).
    const articleId = Number(fields?.articleId);
    const { name, email, comment, parentId } = problem.fieldErrors ?? {};
    const token = await keepRefusedComment(
      {
        status: problem.status,
        message: problem.error,
        fieldErrors: Object.fromEntries(Object.entries({ name, email, comment, parentId }).filter(([, v]) => v !== undefined)),
        articleId: Number.isSafeInteger(articleId) && articleId > 0 && articleId <= 2147483647 ? articleId : null,
        values: typedValues(fields),
        clientAddress: clientAddressOf(request.headers),
      },
      rules,
    );
    return new Response(null, { status: 303, headers: { ...NO_STORE, Location: `/comments/not-posted/${token}` } });
  };

  // A comment must come from a page of this site: a form elsewhere cannot post in a reader's name.
  if (refuseForeignRequest(request)) return fail({ status: 403, error: 'Comments can only be posted from this site.' }, null);

  const raw = await readBody(request, MAX_BODY_BYTES);
  if (raw === null) return fail({ status: 413, error: 'That is too much text to send: a comment can be at most 5,000 characters.' }, null);
  const fields = await parseFields(contentType, raw);
  if (!fields) {
    const known = /^(application\/json|application\/x-www-form-urlencoded|multipart\/form-data)/.test(contentType);
    return fail(known ? { status: 400, error: 'The comment could not be read. Please try again.' } : { status: 415, error: 'Send the comment as a form or as JSON.' }, null);
  }

  seen.fields = fields;
  // Known to be down (the shared check, no query): answer at once instead of waiting on a connection.
  if (!(await databaseIsUp())) throw new DatabaseDown('database unreachable (health check)');

  const parsed = parseSubmission(fields);
  if (!parsed.ok) return fail({ status: 400, error: parsed.error.message, fieldErrors: parsed.error.fieldErrors }, fields);
  const s = parsed.value;

  const token = checkFormToken(s.formToken, s.articleId, rules.formMaxAgeSeconds);
  if (!token.ok) {
    const target = await getCommentTarget(s.articleId);
    if (!target) return fail({ status: 404, error: 'Not found' }, fields);
    if (target.closesAt && target.closesAt <= target.now) return fail({ status: 403, error: 'Comments are closed' }, fields);
    return fail(
      {
        status: 400,
        error: token.reason === 'expired' ? 'This form has expired. Please send your comment again.' : 'This form could not be checked. Please send your comment again.',
        formToken: signFormToken(target.id, Date.now() - rules.minFormSeconds * 1000),
      },
      fields,
    );
  }

  const clientAddress = clientAddressOf(request.headers);
  const result = await postComment(
    {
      articleId: s.articleId,
      parentId: s.parentId,
      authorName: s.name,
      authorEmail: s.email,
      body: s.comment,
      idempotencyKey:
        s.idempotencyKey ?? derivedIdempotencyKey({ articleId: s.articleId, email: s.email, comment: s.comment, parentId: s.parentId, formToken: s.formToken }),
      clientAddress,
      userAgent: request.headers.get('user-agent'),
      honeypot: s.homepage.trim() !== '',
      tooFast: token.ageMs < rules.minFormSeconds * 1000,
    },
    rules,
  );

  if (result.kind !== 'created' && result.kind !== 'replayed') {
    logger().info({ event: 'comment.refused', articleId: s.articleId, reason: result.kind }, 'comment refused');
    const problem = problemFor(result);
    if (result.kind === 'bad_parent') problem.fieldErrors = { parentId: result.message };
    return fail(problem, fields);
  }

  if (result.kind === 'created') {
    logger().info({ event: 'comment.posted', commentId: result.comment.id, articleId: result.article.id, status: result.comment.status }, 'comment posted');
  }
  expireTags(result.expire);

  const owner = ownerToken(result.comment.id);
  if (asForm) {
    return new Response(null, { status: 303, headers: { ...NO_STORE, Location: `/comments/received?c=${encodeURIComponent(owner)}` } });
  }
  return Response.json(
    { comment: publicComment(result.comment), ownerToken: owner, message: messageFor(result.comment) },
    { status: result.kind === 'created' ? 201 : 200, headers: NO_STORE },
  );
}

export async function GET(request: Request) {
  return unlessDatabaseDown({ asForm: false, fields: null }, () => handleGet(request));
}

async function handleGet(request: Request) {
  const url = new URL(request.url);
  const articleId = Number(url.searchParams.get('article'));
  if (!Number.isSafeInteger(articleId) || articleId <= 0 || articleId > 2147483647) return Response.json({ error: 'Not found' }, { status: 404, headers: NO_STORE });
  const order = url.searchParams.get('order') === 'newest' ? 'newest' : 'oldest';
  const after = url.searchParams.get('after');
  if (after && !decodeThreadCursor(after)) return Response.json({ error: 'That page of comments does not exist.' }, { status: 400, headers: NO_STORE });

  const info = await getThreadInfo(articleId);
  if (!info) return Response.json({ error: 'Not found' }, { status: 404, headers: NO_STORE });
  const mineIds = (url.searchParams.get('mine') ?? '')
    .split(',')
    .slice(0, 50)
    .map((t) => readOwnerToken(t.trim()))
    .filter((id): id is number => id !== null);
  const [page, mine] = await Promise.all([listThreadPage(articleId, order, after), after ? Promise.resolve({ pending: [], gone: [] }) : listOwnPendingComments(articleId, mineIds)]);
  return Response.json(
    {
      articleId,
      count: info.count,
      open: info.open,
      closesAt: info.closesAt,
      maxDepth: info.maxDepth,
      order,
      comments: page.comments,
      next: page.next,
      mine: mine.pending,
      gone: mine.gone,
      formToken: info.open ? signFormToken(articleId) : null,
    },
    { headers: NO_STORE },
  );
}
