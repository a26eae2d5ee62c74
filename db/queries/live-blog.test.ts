import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleBody } from '../../lib/article-body';
import { applyInPlace, applyUpdate, LIVE_MAX_CHANGES, LIVE_PAGE_SIZE, unseenCount, type LiveShown } from '../../lib/live-blog';
import { PermissionDeniedError, type Actor } from '../../lib/permissions';
import type { Db } from '../connection';
import { deleteLiveEntry, editLiveEntry, makeLiveBlog, postLiveEntry, setLiveCoverage, setLiveEntryFlag, updateLiveBlogSettings } from '../mutations/live-blog';
import { invalidations, liveBlogs, liveEntries, siteSettings } from '../schema';
import { makeArticle, makeSection, makeStaff } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { countDeletionRecords, getLiveBlog, getLiveFrame, listLiveEntries, readLiveChanges } from './live-blog';
import { readNewsArticles } from './sitemaps';

// The update endpoint's promise: a page that says which version it has gets exactly what changed
// since (new, edited, deleted entries), and a version the blog cannot answer exactly gets a fresh
// first page, never a silently incomplete answer. Runs on PGlite and, with DATABASE_URL, PostgreSQL.

let db: Db;
let section: { id: number; slug: string };
const people = {} as Record<'contributor' | 'reporter' | 'colleague' | 'editor', Actor>;
let n = 0;

const text = (words: string): ArticleBody => ({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: words }] }] });

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette', timeZone: 'Europe/London' });
  section = await makeSection(db, 'news');
  for (const [key, slug, role] of [
    ['contributor', 'cleo-contrib', 'contributor'],
    ['reporter', 'rita-reporter', 'author'],
    ['colleague', 'colm-colleague', 'author'],
    ['editor', 'eva-editor', 'editor'],
  ] as const) {
    const s = await makeStaff(db, slug, role);
    people[key] = { id: s.id, role: s.role };
  }
});
afterAll(closeTestDatabase);

async function liveBlog() {
  n += 1;
  const article = await makeArticle(db, { slug: `storm-live-${n}`, section, headline: `Storm live ${n}` });
  const made = await makeLiveBlog(people.editor, article.id);
  expect(made.ok).toBe(true);
  return article.id;
}

async function post(articleId: number, words: string, extra: { keyEvent?: boolean; pinned?: boolean; title?: string; at?: Date } = {}) {
  const actor = extra.keyEvent || extra.pinned ? people.editor : people.reporter;
  const result = await postLiveEntry(actor, articleId, { title: extra.title ?? '', body: text(words), keyEvent: extra.keyEvent ?? false, pinned: extra.pinned ?? false }, { now: extra.at });
  if (!result.ok) throw new Error(result.message);
  return result;
}

async function entryVersion(id: number) {
  const [row] = await db.select({ version: liveEntries.version }).from(liveEntries).where(eq(liveEntries.id, id));
  return row!.version;
}

describe('what changed since a version', () => {
  it('a page at the current version is told nothing changed, with the interval and that coverage is live', async () => {
    const blog = await liveBlog();
    const first = await post(blog, 'Winds reach 70 mph on the headland.');
    const answer = await readLiveChanges(blog, first.version);
    expect(answer).toMatchObject({ version: first.version, interval: 5, live: true, reset: false, entries: [], deleted: [] });
  });

  it('new entries after the version, newest first, with their authors and the body rendered', async () => {
    const blog = await liveBlog();
    const a = await post(blog, 'Ferries cancelled.', { at: new Date(Date.now() - 3000) });
    const b = await post(blog, 'Harbour road closed.', { at: new Date(Date.now() - 2000) });
    const c = await post(blog, 'Power cut in the old town.', { at: new Date(Date.now() - 1000) });
    const answer = (await readLiveChanges(blog, a.version))!;
    expect(answer.reset).toBe(false);
    expect(answer.entries.map((e) => e.id)).toEqual([c.id, b.id]);
    expect(answer.entries[0]).toMatchObject({ html: '<p>Power cut in the old town.</p>', authors: [{ slug: 'rita-reporter', name: 'rita reporter' }], editedAt: null });
    expect(answer.version).toBe(c.version);
  });

  it('an edited entry comes back with its new words, its own time and "edited"; the others do not', async () => {
    const blog = await liveBlog();
    const a = await post(blog, 'Wind gusts of 90 mph.');
    const b = await post(blog, 'Schools to open late.');
    const edited = await editLiveEntry(people.reporter, a.id, { title: '', body: text('Wind gusts of 80 mph.'), expectedVersion: await entryVersion(a.id) });
    expect(edited.ok).toBe(true);
    const answer = (await readLiveChanges(blog, b.version))!;
    expect(answer.entries).toHaveLength(1);
    expect(answer.entries[0]).toMatchObject({ id: a.id, html: '<p>Wind gusts of 80 mph.</p>', editedAt: expect.any(String) });
    const page = await listLiveEntries(blog, '');
    expect(page.entries.map((e) => e.id)).toEqual([b.id, a.id]);
  });

  it('a deleted entry comes back only as an id to remove, and its words are gone from every read', async () => {
    const blog = await liveBlog();
    const a = await post(blog, 'A tree is down on Mill Lane.');
    const b = await post(blog, 'Mistaken report about the bridge.');
    const deleted = await deleteLiveEntry(people.editor, b.id);
    expect(deleted.ok).toBe(true);
    const answer = (await readLiveChanges(blog, a.version))!;
    expect(answer).toMatchObject({ reset: false, entries: [], deleted: [b.id] });
    expect(JSON.stringify(await listLiveEntries(blog, ''))).not.toContain('Mistaken report');
    expect(JSON.stringify(await readLiveChanges(blog, 0))).not.toContain('Mistaken report');
  });

  it('an entry posted and deleted since the version is only a removal, and a page that holds it drops it', async () => {
    const blog = await liveBlog();
    const a = await post(blog, 'Rain easing in the west.');
    const shownBefore: LiveShown = { entries: (await readLiveChanges(blog, 0))!.entries, pinned: null, keyEvents: [], olderHref: null };
    const b = await post(blog, 'Flooding on the quay.');
    const atB = (await readLiveChanges(blog, a.version))!;
    const shown = applyUpdate(shownBefore, atB);
    expect(unseenCount(shownBefore, shown)).toBe(1);
    await deleteLiveEntry(people.editor, b.id);
    const afterDelete = (await readLiveChanges(blog, atB.version))!;
    expect(afterDelete.deleted).toEqual([b.id]);
    expect(applyUpdate(shown, afterDelete).entries.map((e) => e.id)).toEqual([a.id]);
    expect(applyInPlace(shown, afterDelete).entries.map((e) => e.id)).toEqual([a.id]);
  });

  it('a version older than the oldest deletion record kept gets the whole first page instead', async () => {
    const blog = await liveBlog();
    const a = await post(blog, 'Coastguard on standby.');
    const b = await post(blog, 'Duplicate post.');
    await deleteLiveEntry(people.editor, b.id, { now: new Date(Date.now() - 10_000) });
    // A second deletion much later prunes the first record (kept for 1 s here).
    const c = await post(blog, 'Another duplicate.');
    await deleteLiveEntry(people.editor, c.id, { keepMs: 1000 });
    expect(await countDeletionRecords(blog)).toBe(1);
    const [row] = await db.select().from(liveBlogs).where(eq(liveBlogs.articleId, blog));
    expect(row!.prunedVersion).toBeGreaterThan(a.version);

    const stale = (await readLiveChanges(blog, a.version))!;
    expect(stale.reset).toBe(true);
    expect(stale.entries.map((e) => e.id)).toEqual([a.id]);
    // A page at or after the pruned version is still answered exactly.
    const exact = (await readLiveChanges(blog, row!.prunedVersion))!;
    expect(exact.reset).toBe(false);
    expect(exact.deleted).toEqual([c.id]);
  });

  it('a version newer than the blog (another database, a tampered address) gets the first page', async () => {
    const blog = await liveBlog();
    const a = await post(blog, 'Met Office red warning.');
    const answer = (await readLiveChanges(blog, a.version + 50))!;
    expect(answer).toMatchObject({ reset: true, version: a.version });
    expect(answer.entries.map((e) => e.id)).toEqual([a.id]);
  });

  it(`more than ${LIVE_MAX_CHANGES} changes behind is a reset to the first page of ${LIVE_PAGE_SIZE}, with the link to older entries`, async () => {
    const blog = await liveBlog();
    const start = Date.now() - 200_000;
    for (let i = 0; i <= LIVE_MAX_CHANGES; i += 1) await post(blog, `Update number ${i}`, { at: new Date(start + i * 1000) });
    const answer = (await readLiveChanges(blog, 0))!;
    expect(answer.reset).toBe(true);
    expect(answer.entries).toHaveLength(LIVE_PAGE_SIZE);
    expect(answer.entries[0]!.html).toContain(`Update number ${LIVE_MAX_CHANGES}`);
    expect(answer.olderHref).toMatch(new RegExp(`^/live/${blog}/before/\\d+-\\d+$`));
    const older = await listLiveEntries(blog, answer.olderHref!.split('/').at(-1)!);
    expect(older.entries[0]!.html).toContain(`Update number ${LIVE_MAX_CHANGES - LIVE_PAGE_SIZE}`);
  });

  it('the interval an editor sets is in the next answer of every version, and ending coverage says stop', async () => {
    const blog = await liveBlog();
    const a = await post(blog, 'Calmer now.');
    const slowed = await updateLiveBlogSettings(people.editor, blog, { summary: 'Storm passing', pollSeconds: '30', coverageStart: new Date(Date.now() - 3600_000).toISOString() });
    if (!slowed.ok) throw new Error(slowed.message);
    expect((await readLiveChanges(blog, a.version))!.interval).toBe(30);
    expect((await readLiveChanges(blog, slowed.version))!).toMatchObject({ interval: 30, entries: [] });
    const ended = await setLiveCoverage(people.editor, blog, true);
    if (!ended.ok) throw new Error(ended.message);
    expect((await readLiveChanges(blog, ended.version))!.live).toBe(false);
    expect(await post(blog, 'Too late.').catch((e: Error) => e.message)).toMatch(/ended/);
  });

  it('only live articles answer: a draft live blog is unknown to readers', async () => {
    n += 1;
    const draft = await makeArticle(db, { slug: `draft-live-${n}`, section, status: 'draft', publishedAt: null });
    await makeLiveBlog(people.editor, draft.id);
    await post(draft.id, 'Prepared in advance.');
    expect(await readLiveChanges(draft.id, 0)).toBeNull();
    expect(await getLiveBlog(draft.id)).toBeNull();
  });
});

describe('pinning and key events', () => {
  it('one pinned entry at most: pinning another unpins the first, and both are in the next answer', async () => {
    const blog = await liveBlog();
    const a = await post(blog, 'What we know so far.', { pinned: true });
    const b = await post(blog, 'Updated summary.');
    const pinned = await setLiveEntryFlag(people.editor, b.id, 'pinned', true);
    expect(pinned.ok).toBe(true);
    const answer = (await readLiveChanges(blog, b.version))!;
    expect(answer.pinned?.id).toBe(b.id);
    expect(answer.entries.map((e) => [e.id, e.pinned])).toEqual([
      [b.id, true],
      [a.id, false],
    ]);
  });

  it('key events list their entries, linking to the first page or to the older page that holds them; unmarking removes one', async () => {
    const blog = await liveBlog();
    const start = Date.now() - 100_000;
    const early = await post(blog, 'Storm makes landfall at Port Ellery.', { keyEvent: true, title: 'Landfall', at: new Date(start) });
    for (let i = 0; i < LIVE_PAGE_SIZE; i += 1) await post(blog, `Minor update ${i}`, { at: new Date(start + (i + 1) * 1000) });
    const late = await post(blog, 'Red warning lifted.', { keyEvent: true, at: new Date(start + 60_000) });
    const frame = await getLiveFrame(blog);
    expect(frame.keyEvents.map((k) => k.label)).toEqual(['Red warning lifted.', 'Landfall']);
    expect(frame.keyEvents[0]!.href).toBe(`#entry-${late.id}`);
    const olderHref = frame.keyEvents[1]!.href;
    expect(olderHref).toMatch(new RegExp(`^/live/${blog}/before/\\d+-\\d+#entry-${early.id}$`));
    const cursor = olderHref.split('/before/')[1]!.split('#')[0]!;
    expect((await listLiveEntries(blog, cursor)).entries[0]!.id).toBe(early.id);

    await setLiveEntryFlag(people.editor, early.id, 'keyEvent', false);
    expect((await getLiveFrame(blog)).keyEvents.map((k) => k.id)).toEqual([late.id]);
  });
});

describe('who may do what, and refusals write nothing', () => {
  async function snapshot(blog: number) {
    return { blog: await db.select().from(liveBlogs).where(eq(liveBlogs.articleId, blog)), entries: await db.select().from(liveEntries).where(eq(liveEntries.articleId, blog)), outbox: (await db.select().from(invalidations)).length };
  }

  it('a contributor may not post; a reporter may not mark a key event, pin, correct, or delete someone else\'s entry', async () => {
    const blog = await liveBlog();
    const a = await post(blog, 'Sandbags handed out at the town hall.');
    const before = await snapshot(blog);
    await expect(postLiveEntry(people.contributor, blog, { body: text('Hello') })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(postLiveEntry(people.reporter, blog, { body: text('Big news'), keyEvent: true })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(setLiveEntryFlag(people.reporter, a.id, 'pinned', true)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(setLiveEntryFlag(people.reporter, a.id, 'keyEvent', true)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(deleteLiveEntry(people.colleague, a.id)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(editLiveEntry(people.reporter, a.id, { body: text('x'), correction: 'Wrong', expectedVersion: a.version })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(editLiveEntry(people.colleague, a.id, { body: text('Not mine'), expectedVersion: a.version })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await snapshot(blog)).toEqual(before);
    // Their own entry, a reporter may take back.
    expect((await deleteLiveEntry(people.reporter, a.id)).ok).toBe(true);
  });

  it('an empty entry, or a stale edit, is refused with a message and writes nothing', async () => {
    const blog = await liveBlog();
    const a = await post(blog, 'Shelter open at St Anne’s.');
    const before = await snapshot(blog);
    const empty = await postLiveEntry(people.reporter, blog, { body: { type: 'doc', content: [] } });
    expect(empty).toMatchObject({ ok: false, kind: 'invalid', fieldErrors: { body: expect.stringMatching(/empty/) } });
    const tooLong = await postLiveEntry(people.reporter, blog, { title: 'x'.repeat(201), body: text('ok') });
    expect(tooLong).toMatchObject({ ok: false, kind: 'invalid', fieldErrors: { title: expect.stringMatching(/200/) } });
    const stale = await editLiveEntry(people.reporter, a.id, { body: text('Shelter open at St Anne’s church hall.'), expectedVersion: a.version - 1 });
    expect(stale).toMatchObject({ ok: false, kind: 'conflict' });
    expect(await snapshot(blog)).toEqual(before);
  });

  it('an editor corrects an entry: the note is shown with it, and an entry change expires only its blog (the front page only for key events)', async () => {
    const blog = await liveBlog();
    const a = await post(blog, 'Seven people rescued.');
    const corrected = await editLiveEntry(people.editor, a.id, { body: text('Five people rescued.'), correction: 'An earlier version said seven people were rescued; it was five.', expectedVersion: a.version });
    expect(corrected).toMatchObject({ ok: true, expire: [`live-blog:${blog}`, 'live-blogs'] });
    expect((await listLiveEntries(blog, '')).entries[0]).toMatchObject({ correction: expect.stringMatching(/it was five/), editedAt: expect.any(String) });
    const key = await post(blog, 'Evacuation ordered.', { keyEvent: true });
    expect(key.expire).toContain('front-page');
    expect(a.expire).not.toContain('front-page');
    // The outbox holds the same tags, written in the change's own transaction.
    const [newest] = await db.select().from(invalidations).orderBy(desc(invalidations.seq)).limit(1);
    expect(newest!.tags).toEqual(key.expire);
  });

  it('several reporters posting at once each get their own version, in commit order, and nothing is lost', async () => {
    const blog = await liveBlog();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => postLiveEntry(i % 2 ? people.reporter : people.colleague, blog, { body: text(`Simultaneous report ${i}`) })),
    );
    const versions = results.map((r) => (r.ok ? r.version : -1)).sort((x, y) => x - y);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((v) => v + 0));
    const all = (await readLiveChanges(blog, 0))!;
    expect(all.entries).toHaveLength(8);
  });
});

describe('crawlers follow the newest entry', () => {
  it('a live blog begun days ago is in the news sitemap while entries arrive, with its newest entry as lastmod', async () => {
    n += 1;
    const old = await makeArticle(db, { slug: `long-count-${n}`, section, publishedAt: new Date(Date.now() - 72 * 3600_000), headline: `Long count ${n}` });
    await makeLiveBlog(people.editor, old.id);
    expect((await readNewsArticles(48, 1000)).map((e) => e.headline)).not.toContain(`Long count ${n}`);
    const at = new Date(Math.floor(Date.now() / 1000) * 1000 - 5000);
    await post(old.id, 'First result declared.', { at });
    const entry = (await readNewsArticles(48, 1000)).find((e) => e.headline === `Long count ${n}`);
    expect(entry).toMatchObject({ lastmod: at.toISOString() });
    expect((await getLiveBlog(old.id))!.lastChangeAt).toBe(at.toISOString());
  });
});
