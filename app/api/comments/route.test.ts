import { eq, sql } from 'drizzle-orm';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import CommentNotPostedPage from '@/app/(site)/comments/not-posted/[token]/page';
import type { Db } from '@/db/connection';
import { comments, siteSettings } from '@/db/schema';
import { makeArticle, makeSection } from '@/db/test-fixtures';
import { closeTestDatabase, openTestDatabase } from '@/db/testing';
import { installPeerAddressHeader, PEER_HEADER } from '@/server/comments/client-address';
import { signFormToken } from '@/server/comments/tokens';
import { GET, POST } from './route';

// The comment endpoint over HTTP (the handler called with real Requests, on a real database):
// what the island and the plain form rely on, and what nobody may learn from it.

let db: Db;
let articleId: number;
let closedId: number;
let n = 0;

const oldToken = (id = articleId) => signFormToken(id, Date.now() - 60_000);

function jsonPost(body: unknown, headers: Record<string, string> = {}) {
  n += 1;
  return POST(
    new Request('http://localhost/api/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PEER_HEADER]: `10.9.${n >> 8}.${n & 255}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
  );
}

function formPost(fields: Record<string, string>, headers: Record<string, string> = {}) {
  n += 1;
  return POST(
    new Request('http://localhost/api/comments', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', [PEER_HEADER]: `10.8.${n >> 8}.${n & 255}`, ...headers },
      body: new URLSearchParams(fields).toString(),
    }),
  );
}

const good = () => ({ articleId, name: 'Ada Reader', email: `ada${++n}@example.net`, comment: `A considered reply ${n}`, formToken: oldToken(), idempotencyKey: `route-test-key-${n}-${Date.now()}` });

beforeAll(async () => {
  process.env.COMMENT_SECRET = 'route-test-secret-0123456789abcdef';
  process.env.COMMENT_FLOOD_SECONDS = '15';
  installPeerAddressHeader();
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette', commentPolicy: 'hold_first', commentsCloseAfterDays: 0 });
  const section = await makeSection(db, 'news');
  articleId = (await makeArticle(db, { slug: 'the-story', section })).id;
  closedId = (await makeArticle(db, { slug: 'closed-story', section })).id;
  await db.execute(sql`UPDATE articles SET comment_mode = 'closed' WHERE id = ${closedId}`);
});
afterAll(closeTestDatabase);
beforeEach(async () => {
  await db.delete(comments);
});

describe('POST /api/comments (JSON, the island)', () => {
  it('accepts a comment: 201, the comment without any e-mail, an owner token and a message', async () => {
    const input = good();
    const res = await jsonPost(input);
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(text).not.toContain(input.email);
    const body = JSON.parse(text);
    expect(body).toMatchObject({ comment: { authorName: 'Ada Reader', status: 'pending' }, message: 'Thank you. Your comment is awaiting moderation.' });
    expect(body.ownerToken).toMatch(/^\d+\.[A-Za-z0-9_-]{32}$/);
  });

  it('answers a retry with the same comment (200), and never stores it twice', async () => {
    const input = good();
    const first = await jsonPost(input);
    const again = await jsonPost(input);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect((await again.json()).comment.id).toBe((await first.json()).comment.id);
    expect(await db.$count(comments)).toBe(1);
  });

  it('refuses bad input with a message per field (400), unknown fields ignored', async () => {
    const res = await jsonPost({ ...good(), email: 'nope', comment: '  ', status: 'approved', id: 1 });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.fieldErrors).toEqual({ email: expect.stringContaining('valid email'), comment: 'Please write a comment.' });
    expect(await db.$count(comments)).toBe(0);
  });

  it('refuses a body over 64 KB (413) and something that is neither a form nor JSON (415)', async () => {
    const big = await jsonPost({ ...good(), comment: 'x'.repeat(70_000) });
    expect(big.status).toBe(413);
    const odd = await POST(new Request('http://localhost/api/comments', { method: 'POST', headers: { 'content-type': 'text/plain', accept: 'application/json' }, body: 'hello' }));
    expect(odd.status).toBe(415);
    const broken = await jsonPost('{"articleId": 1,');
    expect(broken.status).toBe(400);
  });

  it('answers 409 "Duplicate comment" and 429 with Retry-After and when to try again', async () => {
    const input = good();
    expect((await jsonPost(input)).status).toBe(201);
    const dup = await jsonPost({ ...input, idempotencyKey: `${input.idempotencyKey}-2` });
    expect(dup.status).toBe(409);
    expect((await dup.json()).error).toMatch(/^Duplicate comment/);
    const soon = await jsonPost({ ...input, comment: 'Something else', idempotencyKey: `${input.idempotencyKey}-3` });
    expect(soon.status).toBe(429);
    expect(Number(soon.headers.get('retry-after'))).toBeGreaterThanOrEqual(14);
    expect((await soon.json()).error).toMatch(/Please wait 1[45] seconds and try again \(after \d\d:\d\d:\d\d UTC\)/);
  });

  it('answers 403 for a closed thread and 404 for an unknown article, even with a bad form token', async () => {
    expect((await jsonPost({ ...good(), articleId: closedId, formToken: oldToken(closedId) })).status).toBe(403);
    expect((await jsonPost({ ...good(), articleId: closedId, formToken: 'junk' })).status).toBe(403);
    const missing = await jsonPost({ ...good(), articleId: 424242, formToken: oldToken(424242) });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'Not found', fieldErrors: {} });
  });

  it('asks to send again, with a fresh token, when the form token is missing, forged or expired', async () => {
    for (const formToken of ['', 'forged', signFormToken(articleId, Date.now() - 3 * 86_400_000)]) {
      const res = await jsonPost({ ...good(), formToken });
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error).toMatch(/send your comment again/);
      expect(body.formToken).toMatch(new RegExp(`^${articleId}\\.`));
    }
    expect(await db.$count(comments)).toBe(0);
  });

  it('holds a comment posted sooner after the form was shown than a person could (3 s, the default)', async () => {
    delete process.env.COMMENT_MIN_FORM_SECONDS;
    const res = await jsonPost({ ...good(), formToken: signFormToken(articleId, Date.now() - 1000) });
    expect(res.status).toBe(201);
    const [row] = await db.select().from(comments);
    expect(row!.heldReason).toContain('too_fast');
    const later = await jsonPost({ ...good(), formToken: signFormToken(articleId, Date.now() - 3500) });
    expect(later.status).toBe(201);
    const rows = await db.select({ reason: comments.heldReason }).from(comments).where(eq(comments.id, (await later.json()).comment.id));
    expect(rows[0]!.reason).not.toContain('too_fast');
  });

  it('marks a filled honeypot as spam while answering exactly as for a held comment', async () => {
    const res = await jsonPost({ ...good(), homepage: 'http://spam.example' });
    expect(res.status).toBe(201);
    expect((await res.json()).comment.status).toBe('pending');
    const [row] = await db.select().from(comments);
    expect(row!.status).toBe('spam');
  });

  it('takes the client address from the socket and ignores X-Forwarded-For without a trusted proxy', async () => {
    delete process.env.TRUSTED_PROXIES;
    const res = await jsonPost(good(), { [PEER_HEADER]: '127.0.0.9', 'x-forwarded-for': '203.0.113.50' });
    expect(res.status).toBe(201);
    const [row] = await db.select().from(comments);
    expect(row!.clientAddress).toBe('127.0.0.9');
    process.env.TRUSTED_PROXIES = '127.0.0.1';
    await jsonPost(good(), { [PEER_HEADER]: '127.0.0.1', 'x-forwarded-for': '203.0.113.51' });
    delete process.env.TRUSTED_PROXIES;
    expect((await db.select({ a: comments.clientAddress }).from(comments)).map((r) => r.a)).toContain('203.0.113.51');
  });

  it('refuses a post from another site (Sec-Fetch-Site: cross-site)', async () => {
    expect((await jsonPost(good(), { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });
});

describe('POST /api/comments (the plain form, no JavaScript)', () => {
  const fields = () => ({ articleId: String(articleId), parentId: '', formToken: oldToken(), name: 'Form Reader', email: `form${++n}@example.net`, comment: `From a plain form ${n}`, homepage: '' });

  /**
   * A refused form post is answered 303 to the page of the site that shows the refusal (a route
   * handler cannot render one): follows it and renders that page as the browser would receive it.
   */
  async function refusalPage(res: Response): Promise<string> {
    expect(res.status).toBe(303);
    const token = /^\/comments\/not-posted\/([A-Za-z0-9_-]{32})$/.exec(res.headers.get('location') ?? '')?.[1];
    expect(token).toBeDefined();
    return renderToStaticMarkup(await CommentNotPostedPage({ params: Promise.resolve({ token: token! }) }));
  }

  it('redirects (303) to the page saying the comment was received', async () => {
    const res = await formPost(fields());
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/comments\/received\?c=\d+\.[A-Za-z0-9_-]{32}$/);
  });

  it('shows the reason with the typed text in the form again, escaped', async () => {
    const typed = { ...fields(), email: 'bad-address', comment: 'Kept <script>alert(1)</script> text' };
    const res = await formPost(typed);
    const html = await refusalPage(res);
    expect(html).toContain('Your comment was not posted');
    expect(html).toContain('role="alert"');
    expect(html).toContain('valid email address');
    expect(html).toContain('Kept &lt;script&gt;alert(1)&lt;/script&gt; text</textarea>');
    expect(html).toContain('value="bad-address"');
    expect(html).not.toContain('<script>');
    expect(html).toMatch(/name="formToken" value="\d+\.\d+\.[A-Za-z0-9_-]{32}"/);
  });

  it('keeps the text on the page for a post too soon, saying when to try again', async () => {
    const first = fields();
    await formPost(first, { [PEER_HEADER]: '10.7.7.7' });
    const res = await formPost({ ...fields(), comment: 'Second thought, kept' }, { [PEER_HEADER]: '10.7.7.7' });
    const html = await refusalPage(res);
    expect(html).toMatch(/Please wait 1[45] seconds and try again \(after \d\d:\d\d:\d\d UTC\)/);
    expect(html).toContain('Second thought, kept</textarea>');
  });

  it('keeps the reply target, unless the target is what was wrong: then it offers the comment on its own', async () => {
    const [parent, waiting] = await db
      .insert(comments)
      .values([
        { articleId, authorName: 'Shown', authorEmail: 's@example.net', body: 'Approved', status: 'approved' },
        { articleId, authorName: 'Waiting', authorEmail: 'w@example.net', body: 'Not yet approved', status: 'pending' },
      ])
      .returning({ id: comments.id });
    const kept = await refusalPage(await formPost({ ...fields(), parentId: String(parent!.id), name: '', comment: 'A reply to keep' }));
    expect(kept).toContain(`name="parentId" value="${parent!.id}"`);
    expect(kept).toContain('Your reply');
    expect(kept).toMatch(/aria-invalid="true" aria-describedby="comment-name-error"/);
    expect(kept).toContain('A reply to keep</textarea>');

    const alone = await refusalPage(await formPost({ ...fields(), parentId: String(waiting!.id), comment: 'A reply to a comment not shown' }));
    expect(alone).toContain('is not available');
    expect(alone).toContain('name="parentId" value=""');
    expect(alone).toContain('Your comment, to post on its own');
    expect(alone).toContain('A reply to a comment not shown</textarea>');
  });

  it('shows a closed thread’s refusal without a form, the typed comment still there to copy', async () => {
    const html = await refusalPage(await formPost({ ...fields(), articleId: String(closedId), formToken: oldToken(closedId), comment: 'Too late, but mine' }));
    expect(html).toContain('<h1>Comments are closed</h1>');
    expect(html).not.toContain('<form');
    expect(html).toContain('Too late, but mine</pre>');
    expect(html).toMatch(/href="[^"]+\/closed-story#comments"/);
  });

  it('shows nothing of a refusal for an unknown or expired address', async () => {
    for (const token of ['A'.repeat(32), 'short', '../../etc']) {
      const html = renderToStaticMarkup(await CommentNotPostedPage({ params: Promise.resolve({ token }) }));
      expect(html).toContain('Comment form expired');
      expect(html).not.toContain('<form');
    }
  });
});

describe('GET /api/comments', () => {
  it('returns public fields only, with the owner’s pending comments for valid owner tokens only', async () => {
    const posted = await (await jsonPost(good())).json();
    await db.update(comments).set({ status: 'approved' }).where(eq(comments.id, posted.comment.id));
    const mine = await (await jsonPost(good())).json();
    const res = await GET(new Request(`http://localhost/api/comments?article=${articleId}&mine=${mine.ownerToken},${mine.comment.id}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).not.toMatch(/@example\.net|author_?email|client_?address|userAgent/i);
    const body = JSON.parse(text);
    expect(body.count).toBe(1);
    expect(body.comments.map((c: { id: number }) => c.id)).toEqual([posted.comment.id]);
    expect(body.mine.map((c: { id: number }) => c.id)).toEqual([mine.comment.id]);
    // Without the token, nobody sees the pending one.
    const anon = await (await GET(new Request(`http://localhost/api/comments?article=${articleId}`))).json();
    expect(anon.mine).toEqual([]);
  });

  it('answers 404 for an unknown article and 400 for a nonsense page cursor', async () => {
    expect((await GET(new Request('http://localhost/api/comments?article=999999'))).status).toBe(404);
    expect((await GET(new Request(`http://localhost/api/comments?article=${articleId}&after=zzz`))).status).toBe(400);
  });
});
