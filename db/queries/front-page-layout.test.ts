import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionDeniedError, type Actor } from '../../lib/permissions';
import type { Db } from '../connection';
import { endBreakingNews, movePin, pinStory, setBreakingNews, unpinStory } from '../mutations/front-page';
import { transitionArticle } from '../mutations/articles';
import { articles, auditLog, frontPagePins, invalidations, media, siteSettings } from '../schema';
import { makeArticle, makeSection, makeStaff } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { decodeCursor, listListingArticles, PAGE_SIZE } from './articles';
import { getFrontPage, getRunningStrip, getSectionFront, listLayoutPins } from './front-page';

// The front page and sections as editors choose: pins in order, filled in newest first, never a
// story twice, gone the moment a pin ends or its story leaves the live site.

let db: Db;
let editor: Actor;
let author: Actor;
let harbour: { id: number; slug: string };
let hills: { id: number; slug: string };
const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000);
const inHours = (h: number) => new Date(Date.now() + h * 3600_000);
const slugs = (cards: { headline: string }[]) => cards.map((c) => c.headline.replace('Headline for ', ''));
const stories = new Map<string, number>();
const id = (slug: string) => stories.get(slug)!;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette', timeZone: 'Europe/London' });
  const ed = await makeStaff(db, 'edna-editor', 'editor');
  const au = await makeStaff(db, 'aldo-author', 'author');
  editor = { id: ed.id, role: 'editor' };
  author = { id: au.id, role: 'author' };
  harbour = await makeSection(db, 'harbour', 0);
  hills = await makeSection(db, 'hills', 1);
  const [picture] = await db.insert(media).values({ src: '/demo/test.svg', mimeType: 'image/svg+xml', width: 1200, height: 800, alt: 'Boats' }).returning();
  // harbour-1 is the newest; harbour-8 the oldest. hills-pic is the newest story with a picture.
  for (let i = 1; i <= 8; i++) stories.set(`harbour-${i}`, (await makeArticle(db, { section: harbour, slug: `harbour-${i}`, publishedAt: hoursAgo(i), authorIds: [au.id] })).id);
  const pic = await makeArticle(db, { section: hills, slug: 'hills-pic', publishedAt: hoursAgo(2.5) });
  await db.update(articles).set({ featuredImageId: picture!.id }).where(eq(articles.id, pic.id));
  stories.set('hills-pic', pic.id);
  stories.set('hills-old', (await makeArticle(db, { section: hills, slug: 'hills-old', publishedAt: hoursAgo(200) })).id);
  stories.set('hills-draft', (await makeArticle(db, { section: hills, slug: 'hills-draft', status: 'draft', publishedAt: null })).id);
  stories.set('hills-soon', (await makeArticle(db, { section: hills, slug: 'hills-soon', status: 'scheduled', publishedAt: inHours(5) })).id);
});
afterAll(closeTestDatabase);

describe('the pinned lead', () => {
  it('without a pin, the newest story with a picture leads, as before', async () => {
    const front = await getFrontPage();
    expect(front.lead?.headline).toBe('Headline for hills-pic');
    expect(front.leadPinned).toBe(false);
  });

  it('an editor pins an old story without a picture as the lead; it leaves the section blocks and the latest list', async () => {
    const done = await pinStory(editor, { sectionId: null }, { id: id('harbour-6') }, null);
    expect(done).toMatchObject({ ok: true, expire: ['front-page'] });
    const front = await getFrontPage();
    expect(front.lead?.headline).toBe('Headline for harbour-6');
    expect(front.leadPinned).toBe(true);
    expect(slugs(front.latest)).not.toContain('harbour-6');
    expect(front.sections.flatMap((s) => slugs(s.stories))).not.toContain('harbour-6');
    // The picture story is no longer the lead, so it is back in its section and the latest list.
    expect(slugs(front.latest)).toContain('hills-pic');
  });

  it('pinning another lead replaces the first; the story can be named by its reader address', async () => {
    const [row] = await db.select({ path: articles.path }).from(articles).where(eq(articles.id, id('harbour-7')));
    const done = await pinStory(editor, { sectionId: null }, { path: row!.path! }, null);
    expect(done.ok).toBe(true);
    expect((await getFrontPage()).lead?.headline).toBe('Headline for harbour-7');
    expect((await listLayoutPins()).filter((p) => p.sectionId === null)).toHaveLength(1);
  });

  it('a pin with an end time stands until then, and is gone at any moment after it, even from a result read before', async () => {
    const ends = inHours(1);
    expect((await pinStory(editor, { sectionId: null }, { id: id('harbour-5') }, ends)).ok).toBe(true);
    const front = await getFrontPage();
    expect(front.lead?.headline).toBe('Headline for harbour-5');
    expect(front.nextChangeAt).toBe(ends.toISOString());
    // The same stored pins, arranged for a moment after the end (as a cached result is at a later render).
    const later = await getFrontPage(new Date(ends.getTime() + 1000));
    expect(later.lead?.headline).toBe('Headline for hills-pic');
    expect(later.leadPinned).toBe(false);
    // And once the end time is in the past, the database no longer returns it at all.
    await db.update(frontPagePins).set({ expiresAt: hoursAgo(0.01) });
    expect((await getFrontPage()).lead?.headline).toBe('Headline for hills-pic');
    expect((await listLayoutPins()).find((p) => p.sectionId === null)?.state).toBe('expired');
  });

  it('a withdrawn pinned story drops out of the lead at once, and so does one returned to unpublished', async () => {
    expect((await pinStory(editor, { sectionId: null }, { id: id('harbour-4') }, null)).ok).toBe(true);
    expect((await getFrontPage()).lead?.headline).toBe('Headline for harbour-4');
    const withdrawn = await transitionArticle(editor, id('harbour-4'), 'withdraw', { reason: 'The figures in it were wrong.' });
    expect(withdrawn.ok).toBe(true);
    const front = await getFrontPage();
    expect(front.lead?.headline).toBe('Headline for hills-pic');
    expect(front.latest.map((c) => c.id)).not.toContain(id('harbour-4'));
    expect((await listLayoutPins()).find((p) => p.sectionId === null)?.state).toBe('not-live');
    // A pinned story whose publication time is moved into the future is not due: not shown either.
    expect((await pinStory(editor, { sectionId: null }, { id: id('harbour-3') }, null)).ok).toBe(true);
    await db.update(articles).set({ publishedAt: inHours(3) }).where(eq(articles.id, id('harbour-3')));
    expect((await getFrontPage()).lead?.headline).toBe('Headline for hills-pic');
    await db.update(articles).set({ publishedAt: hoursAgo(3) }).where(eq(articles.id, id('harbour-3')));
    expect((await getFrontPage()).lead?.headline).toBe('Headline for harbour-3');
  });

  it('unpinning the lead lets the newest story with a picture lead again, and is audited', async () => {
    const pin = (await listLayoutPins()).find((p) => p.sectionId === null)!;
    expect((await unpinStory(editor, pin.id)).ok).toBe(true);
    expect((await getFrontPage()).lead?.headline).toBe('Headline for hills-pic');
    const [entry] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(entry).toMatchObject({ staffId: editor.id, action: 'layout.lead_unpin', subject: `article:${id('harbour-3')}` });
  });
});

describe("a section's top stories", () => {
  it('are its pins in order, then its newest, with no story twice, on its page and in its block on the front page', async () => {
    expect((await pinStory(editor, { sectionId: harbour.id }, { id: id('harbour-8') }, null)).ok).toBe(true);
    const second = await pinStory(editor, { sectionId: harbour.id }, { id: id('harbour-1') }, null);
    // A section's change expires that section's tag only.
    expect(second).toMatchObject({ ok: true, expire: ['section:harbour'] });
    const page = await getSectionFront(harbour.id, harbour.slug, PAGE_SIZE);
    expect(slugs(page.top)).toEqual(['harbour-8', 'harbour-1', 'harbour-2', 'harbour-3']);
    expect(slugs(page.list)).toEqual(['harbour-5', 'harbour-6', 'harbour-7']);
    const block = (await getFrontPage()).sections.find((s) => s.slug === 'harbour')!;
    expect(slugs(block.stories)).toEqual(['harbour-8', 'harbour-1', 'harbour-2', 'harbour-3']);
  });

  it('move up and down with the keyboard-friendly buttons, and the order is audited', async () => {
    const pins = (await listLayoutPins()).filter((p) => p.sectionId === harbour.id);
    expect(pins.map((p) => p.articleId)).toEqual([id('harbour-8'), id('harbour-1')]);
    expect((await movePin(editor, pins[1]!.id, 'up')).ok).toBe(true);
    expect(slugs((await getSectionFront(harbour.id, harbour.slug, PAGE_SIZE)).top).slice(0, 2)).toEqual(['harbour-1', 'harbour-8']);
    expect(await movePin(editor, pins[1]!.id, 'up')).toEqual({ ok: false, fieldErrors: { form: 'It is already first.' } });
    expect((await movePin(editor, pins[1]!.id, 'down')).ok).toBe(true);
    expect(slugs((await getSectionFront(harbour.id, harbour.slug, PAGE_SIZE)).top).slice(0, 2)).toEqual(['harbour-8', 'harbour-1']);
    const orders = await db.select().from(auditLog).where(eq(auditLog.action, 'layout.section_order'));
    expect(orders).toHaveLength(2);
  });

  it('the lead is never repeated in a section block on the front page', async () => {
    expect((await pinStory(editor, { sectionId: null }, { id: id('harbour-8') }, null)).ok).toBe(true);
    const front = await getFrontPage();
    expect(front.lead?.headline).toBe('Headline for harbour-8');
    expect(slugs(front.sections.find((s) => s.slug === 'harbour')!.stories)).toEqual(['harbour-1', 'harbour-2', 'harbour-3', 'harbour-5']);
    // The section's own page still leads with it: it is the section's first pin.
    expect(slugs((await getSectionFront(harbour.id, harbour.slug, PAGE_SIZE)).top)[0]).toBe('harbour-8');
    await unpinStory(editor, (await listLayoutPins()).find((p) => p.sectionId === null)!.id);
  });

  it('a withdrawn pin leaves the section at once and the next story fills in', async () => {
    expect((await pinStory(editor, { sectionId: harbour.id }, { id: id('harbour-2') }, null)).ok).toBe(true);
    await transitionArticle(editor, id('harbour-2'), 'withdraw', { reason: 'Wrong harbour.' });
    expect(slugs((await getSectionFront(harbour.id, harbour.slug, PAGE_SIZE)).top)).toEqual(['harbour-8', 'harbour-1', 'harbour-3', 'harbour-5']);
    await unpinStory(editor, (await listLayoutPins()).find((p) => p.articleId === id('harbour-2'))!.id);
  });

  it('a pin that expires gives its place back to the newest', async () => {
    const ends = inHours(2);
    expect((await pinStory(editor, { sectionId: harbour.id }, { id: id('harbour-7') }, ends)).ok).toBe(true);
    expect(slugs((await getSectionFront(harbour.id, harbour.slug, PAGE_SIZE)).top)).toEqual(['harbour-8', 'harbour-1', 'harbour-7', 'harbour-3']);
    const later = await getSectionFront(harbour.id, harbour.slug, PAGE_SIZE, new Date(ends.getTime() + 1));
    expect(slugs(later.top)).toEqual(['harbour-8', 'harbour-1', 'harbour-3', 'harbour-5']);
    expect(slugs(later.list)).toEqual(['harbour-6', 'harbour-7']);
  });
});

describe('what the layout editor refuses, with a reason, writing nothing', () => {
  const countPins = async () => (await db.select().from(frontPagePins)).length;

  it('a story that does not exist, a draft, a scheduled story, a withdrawn one, one from another section', async () => {
    const before = await countPins();
    expect(await pinStory(editor, { sectionId: null }, { id: 999999 }, null)).toEqual({ ok: false, fieldErrors: { story: expect.stringMatching(/^No story has that number or address/) } });
    expect(await pinStory(editor, { sectionId: null }, { path: '/harbour/2020/01/01/nothing-here' }, null)).toMatchObject({ ok: false, fieldErrors: { story: expect.stringMatching(/^No story/) } });
    expect(await pinStory(editor, { sectionId: null }, { id: id('hills-draft') }, null)).toMatchObject({ ok: false, fieldErrors: { story: expect.stringMatching(/is not published \(it is a draft\)/) } });
    expect(await pinStory(editor, { sectionId: null }, { id: id('hills-soon') }, null)).toMatchObject({ ok: false, fieldErrors: { story: expect.stringMatching(/scheduled and not yet published/) } });
    expect(await pinStory(editor, { sectionId: null }, { id: id('harbour-4') }, null)).toMatchObject({ ok: false, fieldErrors: { story: expect.stringMatching(/has been withdrawn/) } });
    expect(await pinStory(editor, { sectionId: harbour.id }, { id: id('hills-old') }, null)).toMatchObject({ ok: false, fieldErrors: { story: expect.stringMatching(/is in Hills, not Harbour/) } });
    expect(await countPins()).toBe(before);
  });

  it('an end time in the past, for a pin or the strip', async () => {
    expect(await pinStory(editor, { sectionId: null }, { id: id('harbour-1') }, hoursAgo(1))).toMatchObject({ ok: false, fieldErrors: { expiresAt: expect.stringMatching(/already passed/) } });
    expect(await setBreakingNews(editor, { text: 'Ferry aground', href: null, endsAt: hoursAgo(0.1) })).toMatchObject({ ok: false, fieldErrors: { endsAt: expect.stringMatching(/already passed/) } });
    expect(await getRunningStrip()).toBeNull();
  });

  it('a fifth pin in a section', async () => {
    // harbour-8, harbour-1 and harbour-7 are pinned already.
    expect((await pinStory(editor, { sectionId: harbour.id }, { id: id('harbour-3') }, null)).ok).toBe(true);
    expect((await listLayoutPins()).filter((p) => p.sectionId === harbour.id && p.state === 'shown')).toHaveLength(4);
    expect(await pinStory(editor, { sectionId: harbour.id }, { id: id('harbour-6') }, null)).toMatchObject({ ok: false, fieldErrors: { story: 'Harbour already has 4 pinned top stories: remove one first.' } });
  });

  it('anyone below editor', async () => {
    await expect(pinStory(author, { sectionId: null }, { id: id('harbour-1') }, null)).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(setBreakingNews(author, { text: 'x', href: null, endsAt: inHours(1) })).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe('the breaking-news strip', () => {
  it('shows until its end time, then not, and its tags reach every instance through the outbox', async () => {
    const endsAt = inHours(1);
    const done = await setBreakingNews(editor, { text: 'Storm warning for the coast road', href: '/harbour', endsAt });
    expect(done).toMatchObject({ ok: true, expire: ['front-page'] });
    const [outbox] = await db.select().from(invalidations).orderBy(desc(invalidations.seq)).limit(1);
    expect(outbox!.tags).toEqual(['front-page']);
    const front = await getFrontPage();
    expect(front.breaking).toEqual({ text: 'Storm warning for the coast road', href: '/harbour', endsAt: endsAt.toISOString() });
    expect(front.nextChangeAt).toBe(endsAt.toISOString());
    expect((await getFrontPage(new Date(endsAt.getTime() + 1))).breaking).toBeNull();
  });

  it('a new strip replaces the running one; ending it early takes it down', async () => {
    await setBreakingNews(editor, { text: 'Coast road closed', href: 'https://example.org/roads', endsAt: inHours(2) });
    expect((await getFrontPage()).breaking?.text).toBe('Coast road closed');
    expect((await endBreakingNews(editor)).ok).toBe(true);
    expect((await getFrontPage()).breaking).toBeNull();
    expect(await endBreakingNews(editor)).toMatchObject({ ok: false, fieldErrors: { form: expect.stringMatching(/No strip is running/) } });
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subject, 'front-page'))).map((r) => r.action);
    expect(actions).toEqual(['layout.breaking_set', 'layout.breaking_set', 'layout.breaking_end']);
  });
});

describe('"Newer stories": the reverse keyset', () => {
  it('walking older then newer gives the same pages at the same cursors, both ways', async () => {
    const quay = await makeSection(db, 'quay', 5);
    const total = PAGE_SIZE * 3 + 7;
    const base = Date.now() - 40 * 86400_000;
    // Two stories share each publication time, so the id breaks the ties both ways.
    for (let i = 0; i < total; i++) await makeArticle(db, { section: quay, slug: `quay-${i}`, publishedAt: new Date(base + Math.floor(i / 2) * 60_000) });
    const first = await getSectionFront(quay.id, quay.slug, PAGE_SIZE);
    const seen = [...first.top, ...first.list].map((c) => c.id);
    const cursors: string[] = [];
    const pages: number[][] = [];
    let cursor = first.next;
    while (cursor) {
      const page = await listListingArticles('section', quay.id, quay.slug, cursor);
      cursors.push(cursor);
      pages.push(page.items.map((c) => c.id));
      seen.push(...page.items.map((c) => c.id));
      // Newer goes back to the page before: the first page from the second, else the cursor that led here.
      expect(page.newer).toBe(cursors.length === 1 ? '' : cursors[cursors.length - 2]);
      cursor = page.next;
    }
    expect(new Set(seen).size).toBe(total);
    expect(seen).toHaveLength(total);
    expect(pages).toHaveLength(3);
    // From the last page back up, each newer page is the one that was seen going down.
    for (let i = pages.length - 1; i > 0; i--) {
      const page = await listListingArticles('section', quay.id, quay.slug, cursors[i]!);
      expect(page.items.map((c) => c.id)).toEqual(pages[i]);
      const newer = await listListingArticles('section', quay.id, quay.slug, page.newer!);
      expect(newer.items.map((c) => c.id)).toEqual(pages[i - 1]);
      expect(decodeCursor(page.newer!)).not.toBeNull();
    }
  });

  it('an author page (no top stories) pages back to its first page', async () => {
    const first = await listListingArticles('author', author.id, 'aldo-author', '');
    expect(first.newer).toBeNull();
  });
});
