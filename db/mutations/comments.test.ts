import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, type CommentRules } from '../../lib/comments/config';
import type { Db } from '../connection';
import { countApprovedComments, exportCommenterData, listCommentsForModeration, listOwnPendingComments, listThreadPage } from '../queries/comments';
import { articles, auditLog, commentBans, comments, siteSettings } from '../schema';
import { cacheTags } from '../tags';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { makeArticle, makeSection, makeStaff } from '../test-fixtures';
import { PermissionDeniedError, type Actor } from '../../lib/permissions';
import { banCommenter, editComment, eraseCommenter, liftBan, moderateComments, postComment, purgeCommenterTraces, type PostCommentInput } from './comments';

let db: Db;
let live: { id: number; slug: string };
let other: { id: number };
let moderator: Actor;
let articleAuthor: Actor;
let contributor: Actor;
let n = 0;

// Short durations so the suite runs quickly; the flood rule also runs once at its real default.
const FAST: CommentRules = { ...DEFAULT_RULES, floodSeconds: 0, minFormSeconds: 0, burstLimit: 1_000_000 };

function input(overrides: Partial<PostCommentInput> = {}): PostCommentInput {
  n += 1;
  return {
    articleId: live.id,
    parentId: null,
    authorName: 'Mara Quill',
    authorEmail: `reader${n}@example.net`,
    body: `A thoughtful remark, number ${n}.`,
    idempotencyKey: `key-${n}-${Math.random().toString(36).slice(2)}`,
    clientAddress: `10.0.${Math.floor(n / 250)}.${n % 250}`,
    userAgent: 'Mozilla/5.0 (test)',
    honeypot: false,
    tooFast: false,
    ...overrides,
  };
}

async function setSettings(patch: Partial<typeof siteSettings.$inferInsert>) {
  await db.update(siteSettings).set(patch).where(eq(siteSettings.id, 1));
}

async function rowCount(where = sql`true`): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(comments).where(where);
  return Number(row!.n);
}

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette' });
  const news = await makeSection(db, 'news');
  const author = await makeStaff(db, 'ana-ruiz');
  live = await makeArticle(db, { slug: 'harbour-wall', section: news, authorIds: [author.id] });
  articleAuthor = { id: author.id, role: author.role };
  const editor = await makeStaff(db, 'edda-moderator', 'editor');
  moderator = { id: editor.id, role: editor.role };
  const writer = await makeStaff(db, 'cy-contributor', 'contributor');
  contributor = { id: writer.id, role: writer.role };
  other = await makeArticle(db, { slug: 'ferry-times', section: news });
});
afterAll(closeTestDatabase);
beforeEach(async () => {
  await db.delete(comments);
  await db.delete(commentBans);
  await setSettings({ commentPolicy: 'publish_all', commentsCloseAfterDays: 0, commentMaxDepth: 3, commentLinkLimit: 2, moderationWords: [], blockedWords: [] });
  await db.update(articles).set({ commentMode: 'open', commentsCloseAt: null });
});

describe('where comments may be posted', () => {
  it('answers not_found for a draft, scheduled, withdrawn or unknown article, alike', async () => {
    const section = { id: (await db.query.sections.findFirst())!.id, slug: 'news' };
    const draft = await makeArticle(db, { slug: `draft-${n}`, section, status: 'draft', publishedAt: null });
    const scheduled = await makeArticle(db, { slug: `scheduled-${n}`, section, status: 'scheduled', publishedAt: new Date(Date.now() + 3600_000) });
    const withdrawn = await makeArticle(db, { slug: `withdrawn-${n}`, section, status: 'withdrawn' });
    for (const articleId of [draft.id, scheduled.id, withdrawn.id, 999_999]) {
      expect(await postComment(input({ articleId }), FAST)).toEqual({ kind: 'not_found' });
    }
    expect(await rowCount()).toBe(0);
  });

  it('refuses a closed article, one past its closing time, and one older than the auto-close setting', async () => {
    await db.update(articles).set({ commentMode: 'closed' }).where(eq(articles.id, live.id));
    expect((await postComment(input(), FAST)).kind).toBe('closed');
    await db.update(articles).set({ commentMode: 'open', commentsCloseAt: new Date(Date.now() - 1000) }).where(eq(articles.id, live.id));
    expect((await postComment(input(), FAST)).kind).toBe('closed');
    await db.update(articles).set({ commentsCloseAt: null, firstPublishedAt: new Date(Date.now() - 15 * 86_400_000) }).where(eq(articles.id, live.id));
    await setSettings({ commentsCloseAfterDays: 14 });
    expect((await postComment(input(), FAST)).kind).toBe('closed');
    await setSettings({ commentsCloseAfterDays: 30 });
    expect((await postComment(input(), FAST)).kind).toBe('created');
    expect(await rowCount()).toBe(1);
  });

  it('holds every comment on a moderated article', async () => {
    await db.update(articles).set({ commentMode: 'moderated' }).where(eq(articles.id, live.id));
    const r = await postComment(input(), FAST);
    expect(r).toMatchObject({ kind: 'created', comment: { status: 'pending' } });
    const [row] = await db.select().from(comments);
    expect(row!.heldReason).toBe('moderated');
  });
});

describe('the moderation policy', () => {
  it('holds a first-time commenter until a moderator approves one of their comments', async () => {
    await setSettings({ commentPolicy: 'hold_first' });
    const email = 'newcomer@example.net';
    const first = await postComment(input({ authorEmail: email }), FAST);
    expect(first).toMatchObject({ kind: 'created', comment: { status: 'pending' } });
    const second = await postComment(input({ authorEmail: email }), FAST);
    expect(second).toMatchObject({ comment: { status: 'pending' } });
    if (first.kind !== 'created') throw new Error('expected created');
    await moderateComments([first.comment.id], 'approve', moderator);
    // Case does not make a new person.
    const third = await postComment(input({ authorEmail: 'NewComer@Example.net' }), FAST);
    expect(third).toMatchObject({ comment: { status: 'approved' } });
  });

  it('holds everything under hold_all and nothing under publish_all', async () => {
    await setSettings({ commentPolicy: 'hold_all' });
    expect(await postComment(input(), FAST)).toMatchObject({ comment: { status: 'pending' } });
    await setSettings({ commentPolicy: 'publish_all' });
    expect(await postComment(input(), FAST)).toMatchObject({ comment: { status: 'approved' } });
  });
});

describe('content rules', () => {
  it('holds a comment with as many links as the limit, not one with fewer', async () => {
    expect(await postComment(input({ body: 'See https://example.org/a for the report.' }), FAST)).toMatchObject({ comment: { status: 'approved' } });
    const held = await postComment(input({ body: 'See https://example.org/a and www.example.com/b' }), FAST);
    expect(held).toMatchObject({ comment: { status: 'pending' } });
    const row = await db.query.comments.findFirst({ where: eq(comments.status, 'pending') });
    expect(row!.heldReason).toBe('links');
  });

  it('holds a comment with a moderation word, whatever its case', async () => {
    await setSettings({ moderationWords: ['casino'] });
    expect(await postComment(input({ body: 'Our CASINO night was fun.' }), FAST)).toMatchObject({ comment: { status: 'pending' } });
    expect(await postComment(input({ body: 'Occasional showers.' }), FAST)).toMatchObject({ comment: { status: 'approved' } });
  });

  it('marks blocked words as spam, through markup, entities, accents, spacing and case tricks', async () => {
    await setSettings({ blockedWords: ['pillshop'] });
    const tricks = ['Visit PILLSHOP today', 'pill<b></b>shop', 'pill&#115;hop', 'p i l l s h o p', 'p.i.l.l.s.h.o.p', 'pïllshöp', 'pill\u200bshop', 'ｐｉｌｌｓｈｏｐ'];
    for (const body of tricks) {
      const r = await postComment(input({ body }), FAST);
      expect(r, body).toMatchObject({ kind: 'created', comment: { status: 'pending' } });
    }
    expect(await rowCount(sql`status = 'spam'`)).toBe(tricks.length);
    // A blocked name or e-mail counts too, and an innocent word containing it does not.
    expect(await postComment(input({ authorName: 'PillShop' }), FAST)).toMatchObject({ comment: { status: 'pending' } });
    expect(await postComment(input({ body: 'The pillshopkeeper... no, the shopkeeper.' }), FAST)).toMatchObject({ comment: { status: 'approved' } });
  });

  it('marks a filled honeypot and a banned e-mail or address as spam, and holds a too-quick post', async () => {
    expect(await postComment(input({ honeypot: true }), FAST)).toMatchObject({ comment: { status: 'pending' } });
    await banCommenter('email', 'Troll@Example.net', 'abuse', moderator);
    expect(await postComment(input({ authorEmail: 'troll@example.net' }), FAST)).toMatchObject({ comment: { status: 'pending' } });
    await banCommenter('address', '10.9.9.9', 'abuse', moderator);
    expect(await postComment(input({ clientAddress: '10.9.9.9' }), FAST)).toMatchObject({ comment: { status: 'pending' } });
    expect(await rowCount(sql`status = 'spam'`)).toBe(3);
    const quick = await postComment(input({ tooFast: true }), FAST);
    expect(quick).toMatchObject({ comment: { status: 'pending' } });
    const [row] = await db.select().from(comments).where(eq(comments.id, quick.kind === 'created' ? quick.comment.id : 0));
    expect(row!.status).toBe('pending');
    expect(row!.heldReason).toBe('too_fast');
  });
});

describe('duplicates, floods and retries', () => {
  it('refuses the same comment again (409), but not after the first was trashed', async () => {
    const same = { authorEmail: 'twice@example.net', body: 'Exactly this.' };
    const first = await postComment(input(same), FAST);
    expect(first.kind).toBe('created');
    expect(await postComment(input(same), FAST)).toEqual({ kind: 'duplicate' });
    // The same text by someone else is not a duplicate.
    expect((await postComment(input({ body: same.body }), FAST)).kind).toBe('created');
    if (first.kind === 'created') await moderateComments([first.comment.id], 'trash', moderator);
    expect((await postComment(input(same), FAST)).kind).toBe('created');
  });

  it('refuses another comment from the same e-mail or address within the flood interval, saying when to retry', async () => {
    const rules = { ...FAST, floodSeconds: 2 };
    expect((await postComment(input({ authorEmail: 'fast@example.net' }), rules)).kind).toBe('created');
    const byEmail = await postComment(input({ authorEmail: 'fast@example.net' }), rules);
    expect(byEmail).toEqual({ kind: 'flood', retryAfterSeconds: 2 });
    expect((await postComment(input({ clientAddress: '10.1.1.1' }), rules)).kind).toBe('created');
    expect((await postComment(input({ clientAddress: '10.1.1.1' }), rules)).kind).toBe('flood');
    await new Promise((r) => setTimeout(r, 2100));
    expect((await postComment(input({ authorEmail: 'fast@example.net' }), rules)).kind).toBe('created');
  });

  it('uses a 15-second flood interval by default', async () => {
    const rules = { ...DEFAULT_RULES, minFormSeconds: 0, burstLimit: 1_000_000 };
    expect(rules.floodSeconds).toBe(15);
    expect((await postComment(input({ authorEmail: 'default@example.net' }), rules)).kind).toBe('created');
    const again = await postComment(input({ authorEmail: 'default@example.net' }), rules);
    expect(again.kind).toBe('flood');
    if (again.kind === 'flood') {
      expect(again.retryAfterSeconds).toBeGreaterThanOrEqual(14);
      expect(again.retryAfterSeconds).toBeLessThanOrEqual(15);
    }
  });

  it('returns the same comment for a retried submission, and refuses a key reused for other text', async () => {
    const first = input({ idempotencyKey: 'retry-key-000000001' });
    const a = await postComment(first, { ...FAST, floodSeconds: 15 });
    const b = await postComment({ ...first }, { ...FAST, floodSeconds: 15 });
    expect(a.kind).toBe('created');
    expect(b.kind).toBe('replayed');
    if (a.kind === 'created' && b.kind === 'replayed') expect(b.comment.id).toBe(a.comment.id);
    expect(await postComment({ ...first, body: 'Something else entirely' }, FAST)).toEqual({ kind: 'key_reused' });
    expect(await rowCount()).toBe(1);
  });
});

describe('replies', () => {
  it('nests replies under approved comments, up to the depth setting', async () => {
    const top = await postComment(input(), FAST);
    if (top.kind !== 'created') throw new Error('expected created');
    const reply = await postComment(input({ parentId: top.comment.id }), FAST);
    expect(reply).toMatchObject({ kind: 'created', comment: { depth: 1, parentId: top.comment.id } });
    if (reply.kind !== 'created') throw new Error('expected created');
    const deeper = await postComment(input({ parentId: reply.comment.id }), FAST);
    expect(deeper).toMatchObject({ comment: { depth: 2 } });
    if (deeper.kind !== 'created') throw new Error('expected created');
    // Depth 3 means three levels: 0, 1 and 2.
    expect((await postComment(input({ parentId: deeper.comment.id }), FAST)).kind).toBe('bad_parent');
    const [row] = await db.select({ path: comments.threadPath, root: comments.rootId }).from(comments).where(eq(comments.id, deeper.comment.id));
    expect(row).toEqual({ root: top.comment.id, path: [top.comment.id, reply.comment.id, deeper.comment.id] });
  });

  it('places a reply inserted directly (as the seed does) under its parent, by the database trigger', async () => {
    const [top] = await db.insert(comments).values({ articleId: live.id, authorName: 'Seeded', authorEmail: 's@example.net', body: 'Top', status: 'approved' }).returning();
    const [reply] = await db
      .insert(comments)
      .values({ articleId: live.id, parentId: top!.id, authorName: 'Seeded', authorEmail: 't@example.net', body: 'Reply', status: 'approved', depth: 0 })
      .returning();
    expect(reply).toMatchObject({ depth: 1, parentPath: [top!.id], rootId: top!.id, threadPath: [top!.id, reply!.id] });
  });

  it('refuses replies to a pending comment or to a comment on another article', async () => {
    await setSettings({ commentPolicy: 'hold_all' });
    const held = await postComment(input(), FAST);
    if (held.kind !== 'created') throw new Error('expected created');
    expect((await postComment(input({ parentId: held.comment.id }), FAST)).kind).toBe('bad_parent');
    await setSettings({ commentPolicy: 'publish_all' });
    const elsewhere = await postComment(input({ articleId: other.id }), FAST);
    if (elsewhere.kind !== 'created') throw new Error('expected created');
    expect((await postComment(input({ parentId: elsewhere.comment.id }), FAST)).kind).toBe('bad_parent');
  });
});

describe('concurrency: the checks and the insert are one atomic step', () => {
  it('lets exactly one of 20 parallel identical comments through; the rest are duplicates', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => postComment(input({ authorEmail: 'echo@example.net', body: 'Same words, sent at once.', clientAddress: `10.2.0.${i}` }), FAST)),
    );
    expect(results.filter((r) => r.kind === 'created')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'duplicate')).toHaveLength(19);
    expect(await rowCount()).toBe(1);
  });

  it('lets one of a parallel flood from one e-mail through, and one from one address', async () => {
    const rules = { ...FAST, floodSeconds: 15 };
    const byEmail = await Promise.all(Array.from({ length: 25 }, () => postComment(input({ authorEmail: 'flood@example.net' }), rules)));
    expect(byEmail.filter((r) => r.kind === 'created')).toHaveLength(1);
    expect(byEmail.filter((r) => r.kind === 'flood')).toHaveLength(24);
    const byAddress = await Promise.all(Array.from({ length: 25 }, () => postComment(input({ clientAddress: '10.3.3.3' }), rules)));
    expect(byAddress.filter((r) => r.kind === 'created')).toHaveLength(1);
    expect(await rowCount()).toBe(2);
  });

  it('makes one comment from 20 parallel retries of one submission, all answered with its id', async () => {
    const once = input({ idempotencyKey: 'double-click-0000000001' });
    const results = await Promise.all(Array.from({ length: 20 }, () => postComment({ ...once }, { ...FAST, floodSeconds: 15 })));
    expect(results.filter((r) => r.kind === 'created')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'replayed')).toHaveLength(19);
    const ids = new Set(results.map((r) => (r.kind === 'created' || r.kind === 'replayed' ? r.comment.id : -1)));
    expect(ids.size).toBe(1);
    expect(await rowCount()).toBe(1);
  });

  it('makes one comment when one key arrives from different people at once (different locks)', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => postComment(input({ idempotencyKey: 'shared-key-0000000001', authorEmail: `p${i}@example.net`, body: 'Shared body' }), FAST)),
    );
    expect(results.filter((r) => r.kind === 'created')).toHaveLength(1);
    expect(results.filter((r) => r.kind === 'key_reused')).toHaveLength(9);
    expect(await rowCount()).toBe(1);
  });

  it('stores exactly 500 rows for 500 concurrent distinct comments', async () => {
    const rules = { ...DEFAULT_RULES, minFormSeconds: 0 };
    const results = await Promise.all(Array.from({ length: 500 }, () => postComment(input(), rules)));
    expect(results.filter((r) => r.kind === 'created')).toHaveLength(500);
    expect(await rowCount()).toBe(500);
    expect(new Set(results.map((r) => (r.kind === 'created' ? r.comment.id : 0))).size).toBe(500);
  }, 180_000); // 500 transactions: on embedded PGlite they run one at a time.

  it('applies the site-wide burst limit exactly under concurrency: the rest are held, not refused', async () => {
    const rules = { ...FAST, burstLimit: 40, burstWindowSeconds: 60 };
    // A thread with history: yesterday's comment is outside the window and does not count.
    const old = await postComment(input(), FAST);
    if (old.kind !== 'created') throw new Error('expected created');
    await db.update(comments).set({ createdAt: new Date(Date.now() - 86_400_000) }).where(eq(comments.id, old.comment.id));
    const results = await Promise.all(Array.from({ length: 100 }, () => postComment(input(), rules)));
    expect(results.every((r) => r.kind === 'created')).toBe(true);
    expect(await rowCount(sql`status = 'approved'`)).toBe(41);
    expect(await rowCount(sql`status = 'pending' AND held_reason = 'burst'`)).toBe(60);
  });
});

describe('reading the thread', () => {
  it('pages through a long thread in reading order, oldest or newest conversation first, with no e-mail anywhere', async () => {
    // Three conversations with replies, plus a held and a spam comment that must not show.
    const tops: number[] = [];
    for (let i = 0; i < 3; i++) {
      const t = await postComment(input({ authorName: `Top ${i}` }), FAST);
      if (t.kind !== 'created') throw new Error('expected created');
      tops.push(t.comment.id);
      const r1 = await postComment(input({ parentId: t.comment.id, authorName: `Reply ${i}a` }), FAST);
      if (r1.kind !== 'created') throw new Error('expected created');
      await postComment(input({ parentId: r1.comment.id, authorName: `Reply ${i}a1` }), FAST);
      await postComment(input({ parentId: t.comment.id, authorName: `Reply ${i}b` }), FAST);
    }
    await postComment(input({ honeypot: true }), FAST);
    await setSettings({ commentPolicy: 'hold_all' });
    await postComment(input(), FAST);

    const walk = async (order: 'oldest' | 'newest') => {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listThreadPage(live.id, order, cursor, 5);
        for (const c of page.comments) {
          expect(Object.keys(c).sort()).toEqual(['authorName', 'body', 'createdAt', 'depth', 'id', 'parentId', 'replyToName']);
          names.push(c.authorName);
        }
        cursor = page.next;
      } while (cursor);
      return names;
    };
    expect(await walk('oldest')).toEqual(['Top 0', 'Reply 0a', 'Reply 0a1', 'Reply 0b', 'Top 1', 'Reply 1a', 'Reply 1a1', 'Reply 1b', 'Top 2', 'Reply 2a', 'Reply 2a1', 'Reply 2b']);
    expect(await walk('newest')).toEqual(['Top 2', 'Reply 2a', 'Reply 2a1', 'Reply 2b', 'Top 1', 'Reply 1a', 'Reply 1a1', 'Reply 1b', 'Top 0', 'Reply 0a', 'Reply 0a1', 'Reply 0b']);
    expect(await countApprovedComments(live.id)).toBe(12);
    const first = await listThreadPage(live.id, 'oldest', null, 2);
    expect(first.comments[1]!.replyToName).toBe('Top 0');
  });

  it('walks 10,000 comments page by page without skipping or repeating one', async () => {
    await db.execute(sql`
      INSERT INTO comments (article_id, author_name, author_email, body, status, created_at)
      SELECT ${live.id}, 'Reader ' || g, 'bulk' || g || '@example.net', 'Comment ' || g, 'approved', now() - (g || ' seconds')::interval
      FROM generate_series(1, 10000) AS g`);
    let cursor: string | null = null;
    let seen = 0;
    let previous = 0;
    let pages = 0;
    do {
      const page = await listThreadPage(live.id, 'oldest', cursor, 500);
      for (const c of page.comments) {
        expect(c.id).toBeGreaterThan(previous);
        previous = c.id;
      }
      seen += page.comments.length;
      cursor = page.next;
      pages += 1;
    } while (cursor);
    expect(seen).toBe(10_000);
    expect(pages).toBe(20);
  });

  it("shows a commenter their own waiting comments (spam looks the same) and forgets settled ones", async () => {
    await setSettings({ commentPolicy: 'hold_all' });
    const held = await postComment(input(), FAST);
    const spam = await postComment(input({ honeypot: true }), FAST);
    const later = await postComment(input(), FAST);
    if (held.kind !== 'created' || spam.kind !== 'created' || later.kind !== 'created') throw new Error('expected created');
    await moderateComments([later.comment.id], 'approve', moderator);
    const mine = await listOwnPendingComments(live.id, [held.comment.id, spam.comment.id, later.comment.id, 424242]);
    expect(mine.pending.map((c) => c.id).sort()).toEqual([held.comment.id, spam.comment.id].sort());
    expect(mine.pending.every((c) => c.status === 'pending' && !('authorEmail' in c))).toBe(true);
    expect(mine.gone.sort()).toEqual([later.comment.id, 424242].sort());
    // Ids from another article are not this article's.
    expect((await listOwnPendingComments(other.id, [held.comment.id])).pending).toEqual([]);
  });
});

/** What a change to the live article's public comments must expire: its thread (first page, later no-JS pages, comment feed), its page read by slug (the count), and its page's own entry. */
const liveThreadTags = () => [cacheTags.comments(live.id), cacheTags.articleSlug(live.slug), cacheTags.article(live.id)];
const sorted = (tags: string[]) => [...tags].sort();

describe('the cache tags a comment change returns', () => {
  it('a comment published at once returns the tags of its article’s thread and page; a held one returns none', async () => {
    const published = await postComment(input(), FAST);
    expect(published).toMatchObject({ kind: 'created', comment: { status: 'approved' } });
    if (published.kind !== 'created') throw new Error('expected created');
    expect(sorted(published.expire)).toEqual(sorted(liveThreadTags()));

    await setSettings({ commentPolicy: 'hold_all' });
    const held = await postComment(input(), FAST);
    expect(held).toMatchObject({ kind: 'created', comment: { status: 'pending' }, expire: [] });
  });

  it('a retried submission returns no tags: the first one expired them', async () => {
    const first = input();
    expect((await postComment(first, FAST)).kind).toBe('created');
    expect(await postComment(first, FAST)).toMatchObject({ kind: 'replayed', expire: [] });
  });

  it('approving returns the article’s comments tag and its page tags; a change between unseen states returns none', async () => {
    await setSettings({ commentPolicy: 'hold_all' });
    const a = await postComment(input(), FAST);
    const b = await postComment(input({ articleId: other.id }), FAST);
    if (a.kind !== 'created' || b.kind !== 'created') throw new Error('expected created');
    const approved = await moderateComments([a.comment.id], 'approve', moderator);
    expect(approved.expire).toContain(cacheTags.comments(live.id));
    expect(approved.expire).toContain(cacheTags.articleSlug(live.slug));
    expect(sorted(approved.expire)).toEqual(sorted(liveThreadTags()));
    // Out of "approved" changes the thread too; pending to spam, or spam to trash, does not.
    expect(sorted((await moderateComments([a.comment.id], 'unapprove', moderator)).expire)).toEqual(sorted(liveThreadTags()));
    expect(await moderateComments([b.comment.id], 'spam', moderator)).toEqual({ changed: 1, expire: [] });
    expect(await moderateComments([b.comment.id], 'trash', moderator)).toEqual({ changed: 1, expire: [] });
    // Two articles at once: each one's tags, once.
    await moderateComments([b.comment.id], 'restore', moderator);
    const both = await moderateComments([a.comment.id, b.comment.id], 'approve', moderator);
    expect(both.expire).toHaveLength(6);
    expect(both.expire).toEqual(expect.arrayContaining([...liveThreadTags(), cacheTags.comments(other.id), cacheTags.article(other.id)]));
  });

  it('editing returns the thread’s tags only for a comment readers can see', async () => {
    const shown = await postComment(input(), FAST);
    await setSettings({ commentPolicy: 'hold_all' });
    const waiting = await postComment(input(), FAST);
    if (shown.kind !== 'created' || waiting.kind !== 'created') throw new Error('expected created');
    expect(sorted((await editComment(shown.comment.id, { authorName: 'Edited', body: 'Fixed' }, moderator))!.expire)).toEqual(sorted(liveThreadTags()));
    expect(await editComment(waiting.comment.id, { authorName: 'Edited', body: 'Fixed' }, moderator)).toEqual({ expire: [] });
    expect(await editComment(987_654_321, { authorName: 'Nobody', body: 'Nothing' }, moderator)).toBeNull();
  });

  it('erasing a commenter returns the tags of the threads their published comments were in', async () => {
    const email = `erased-${n}@example.net`;
    await postComment(input({ authorEmail: email }), FAST);
    expect(sorted((await eraseCommenter(email, moderator)).expire)).toEqual(sorted(liveThreadTags()));
    await setSettings({ commentPolicy: 'hold_all' });
    await postComment(input({ authorEmail: email }), FAST);
    expect((await eraseCommenter(email, moderator)).expire).toEqual([]);
  });
});

describe('moderation', () => {
  it('approves, spams, trashes and restores in bulk, reporting whether readers’ threads changed', async () => {
    await setSettings({ commentPolicy: 'hold_all' });
    const a = await postComment(input(), FAST);
    const b = await postComment(input(), FAST);
    if (a.kind !== 'created' || b.kind !== 'created') throw new Error('expected created');
    const approved = await moderateComments([a.comment.id, b.comment.id], 'approve', moderator);
    expect(approved.changed).toBe(2);
    expect(sorted(approved.expire)).toEqual(sorted(liveThreadTags()));
    expect(await countApprovedComments(live.id)).toBe(2);
    expect((await moderateComments([a.comment.id], 'approve', moderator)).changed).toBe(0);
    expect((await moderateComments([a.comment.id], 'spam', moderator)).expire).not.toHaveLength(0);
    expect((await moderateComments([a.comment.id], 'trash', moderator)).expire).toHaveLength(0);
    expect((await moderateComments([a.comment.id], 'restore', moderator)).changed).toBe(1);
    const queue = await listCommentsForModeration({ status: 'pending' });
    expect(queue.items.map((c) => c.id)).toEqual([a.comment.id]);
    expect(queue.items[0]!.heldReasons).toEqual(['Every comment is held (site setting)']);
  });

  it('edits a comment, and lists a commenter’s comments for authors of the article only', async () => {
    const c = await postComment(input({ authorEmail: 'editme@example.net' }), FAST);
    if (c.kind !== 'created') throw new Error('expected created');
    expect(await editComment(c.comment.id, { authorName: 'Edited', body: 'Fixed text' }, moderator)).not.toBeNull();
    const author = await db.query.staff.findFirst();
    const outsider = await makeStaff(db, `outside-person${n}`);
    expect((await listCommentsForModeration({ ownArticlesOf: author!.id })).items.map((x) => x.body)).toEqual(['Fixed text']);
    expect((await listCommentsForModeration({ ownArticlesOf: outsider.id })).items).toEqual([]);
  });

  it('exports and erases a commenter’s data by e-mail, keeping replies by others in place', async () => {
    const email = 'leaving@example.net';
    const top = await postComment(input({ authorEmail: email, body: 'My first word' }), FAST);
    await postComment(input({ authorEmail: 'LEAVING@example.net', body: 'My second word' }), FAST);
    if (top.kind !== 'created') throw new Error('expected created');
    const reply = await postComment(input({ parentId: top.comment.id, authorName: 'Someone else' }), FAST);
    const exported = await exportCommenterData(email);
    expect(exported.comments.map((c) => c.text)).toEqual(['My first word', 'My second word']);
    expect(exported.comments[0]).toMatchObject({ email, networkAddress: expect.any(String) });

    const erased = await eraseCommenter(email, moderator);
    expect(erased).toMatchObject({ deleted: 1, anonymised: 1 });
    expect((await exportCommenterData(email)).comments).toEqual([]);
    const left = await db.select().from(comments).where(eq(comments.id, top.comment.id));
    expect(left[0]).toMatchObject({ authorName: 'Removed', status: 'trash', clientAddress: null });
    expect(left[0]!.authorEmail).not.toContain('leaving');
    if (reply.kind === 'created') expect(await db.select({ id: comments.id }).from(comments).where(eq(comments.id, reply.comment.id))).toHaveLength(1);
  });

  it('drops client addresses and browsers from comments older than the retention period', async () => {
    const recent = await postComment(input(), FAST);
    const old = await postComment(input(), FAST);
    if (recent.kind !== 'created' || old.kind !== 'created') throw new Error('expected created');
    await db.update(comments).set({ createdAt: new Date(Date.now() - 31 * 86_400_000) }).where(eq(comments.id, old.comment.id));
    expect(await purgeCommenterTraces({ ...DEFAULT_RULES })).toEqual({ addressesDropped: 1 });
    const rows = await db.select({ id: comments.id, address: comments.clientAddress, ua: comments.userAgent }).from(comments);
    expect(rows.find((r) => r.id === old.comment.id)).toMatchObject({ address: null, ua: null });
    expect(rows.find((r) => r.id === recent.comment.id)!.address).not.toBeNull();
  });
});

describe('moderation checks its actor inside the transaction', () => {
  /** Everything a moderation write could touch, to prove a refusal wrote nothing. */
  async function snapshot() {
    return {
      comments: await db.select().from(comments).orderBy(comments.id),
      bans: await db.select().from(commentBans).orderBy(commentBans.id),
      audit: await db.select().from(auditLog).orderBy(auditLog.id),
      articles: await db.select({ id: articles.id, modifiedAt: articles.modifiedAt }).from(articles).orderBy(articles.id),
    };
  }

  it('refuses an author (even on their own article) and a contributor every moderation write, and the refusal writes nothing', async () => {
    await setSettings({ commentPolicy: 'hold_all' });
    const c = await postComment(input({ authorEmail: 'held@example.net' }), FAST);
    if (c.kind !== 'created') throw new Error('expected created');
    await banCommenter('email', 'already@example.net', 'abuse', moderator);
    const [ban] = await db.select().from(commentBans);
    const before = await snapshot();
    for (const actor of [articleAuthor, contributor]) {
      for (const action of ['approve', 'unapprove', 'spam', 'trash', 'restore'] as const) {
        await expect(moderateComments([c.comment.id], action, actor)).rejects.toBeInstanceOf(PermissionDeniedError);
      }
      await expect(moderateComments([], 'approve', actor)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(editComment(c.comment.id, { authorName: 'X', body: 'Rewritten' }, actor)).rejects.toBeInstanceOf(PermissionDeniedError);
      // A missing comment is refused too, so the answer does not tell a non-moderator what exists.
      await expect(editComment(987_654_321, { authorName: 'X', body: 'Y' }, actor)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(banCommenter('email', 'someone@example.net', 'no', actor)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(liftBan(ban!.id, actor)).rejects.toBeInstanceOf(PermissionDeniedError);
      await expect(eraseCommenter('held@example.net', actor)).rejects.toBeInstanceOf(PermissionDeniedError);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('lets an editor moderate, and records the editor as the one who did it', async () => {
    await setSettings({ commentPolicy: 'hold_all' });
    const c = await postComment(input(), FAST);
    if (c.kind !== 'created') throw new Error('expected created');
    expect((await moderateComments([c.comment.id], 'approve', moderator)).changed).toBe(1);
    const [entry] = await db.select().from(auditLog).where(eq(auditLog.subject, `comment:${c.comment.id}`));
    expect(entry).toMatchObject({ staffId: moderator.id, action: 'comment.approve' });
  });
});
