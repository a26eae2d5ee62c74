import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../lib/article-draft';
import { PermissionDeniedError, type Actor } from '../../lib/permissions';
import type { Db } from '../connection';
import { articles, auditLog, revisions, siteSettings, urlHistory } from '../schema';
import { makeSection, makeStaff } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { getEditorArticle, listRevisions } from '../queries/dashboard-articles';
import { createArticle, publishDueArticles, restoreRevision, saveArticle, transitionArticle } from './articles';

let db: Db;
let news: { id: number; slug: string };
let world: { id: number; slug: string };
const people = {} as Record<'contributor' | 'author' | 'otherAuthor' | 'editor' | 'admin', Actor & { slug: string }>;

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette', timeZone: 'Europe/London' });
  news = await makeSection(db, 'news');
  world = await makeSection(db, 'world');
  for (const [key, slug, role] of [
    ['contributor', 'cora-contrib', 'contributor'],
    ['author', 'arlo-author', 'author'],
    ['otherAuthor', 'otto-other', 'author'],
    ['editor', 'edie-editor', 'editor'],
    ['admin', 'ada-admin', 'admin'],
  ] as const) {
    const s = await makeStaff(db, slug, role);
    people[key] = { id: s.id, role: s.role, slug: s.slug };
  }
});
afterAll(closeTestDatabase);

async function draftOf(id: number): Promise<{ version: number; draft: ArticleDraft }> {
  const a = (await getEditorArticle(id, people.admin))!;
  return { version: a.version, draft: a.draft };
}

const paragraph = (text: string) => ({ type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }] });

async function snapshotRow(id: number) {
  const [row] = await db.select().from(articles).where(eq(articles.id, id));
  const revs = await db.select().from(revisions).where(eq(revisions.articleId, id));
  return { row, revisions: revs.length };
}

describe('a contributor writes and submits, but cannot publish', () => {
  it('creates a draft with a slug from the headline, themselves as author, and a first revision', async () => {
    const created = await createArticle(people.contributor, { headline: 'Night ferry returns to Port Ellery', sectionId: news.id });
    expect(created.ok).toBe(true);
    const id = (created as { id: number }).id;
    const { draft, version } = await draftOf(id);
    expect(draft.slug).toBe('night-ferry-returns-to-port-ellery');
    expect(draft.authorIds).toEqual([people.contributor.id]);
    expect(version).toBe(1);
    expect(await listRevisions(id, people.admin)).toHaveLength(1);
  });

  it('saves, submits for review, and is refused (403-style) when trying to publish, with nothing changed', async () => {
    const { id } = (await createArticle(people.contributor, { headline: 'Library hours extended', sectionId: news.id })) as { id: number };
    const { draft, version } = await draftOf(id);
    const saved = await saveArticle(people.contributor, id, version, { ...draft, standfirst: 'Open until nine.', body: paragraph('From Monday.') });
    expect(saved.ok).toBe(true);
    expect((await transitionArticle(people.contributor, id, 'submit')).ok).toBe(true);
    const before = await snapshotRow(id);
    await expect(transitionArticle(people.contributor, id, 'publish', { override: true })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(transitionArticle(people.contributor, id, 'schedule', { publishAt: new Date(Date.now() + 3600_000), override: true })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await snapshotRow(id)).toEqual(before);
    expect(before.row!.status).toBe('in_review');
  });

  it("cannot edit someone else's article, and the refusal writes nothing", async () => {
    const { id } = (await createArticle(people.author, { headline: 'Bridge repairs finish early', sectionId: news.id })) as { id: number };
    const { draft, version } = await draftOf(id);
    const before = await snapshotRow(id);
    await expect(saveArticle(people.contributor, id, version, { ...draft, headline: 'Hijacked' })).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(saveArticle(people.otherAuthor, id, version, { ...draft, headline: 'Hijacked' })).rejects.toBeInstanceOf(PermissionDeniedError);
    expect(await snapshotRow(id)).toEqual(before);
    expect((await saveArticle(people.editor, id, version, { ...draft, headline: 'Bridge repairs finish a week early' })).ok).toBe(true);
  });
});

describe('publishing', () => {
  it('lets an author publish their own article: URL dated by first publication, reader pages to refresh', async () => {
    const { id } = (await createArticle(people.author, { headline: 'Harbour wall holds', sectionId: news.id })) as { id: number };
    const { draft, version } = await draftOf(id);
    await saveArticle(people.author, id, version, { ...draft, standfirst: 'Repairs worked.', body: paragraph('Quiet night.') });
    const result = await transitionArticle(people.author, id, 'publish', { now: new Date('2026-03-01T23:30:00Z') });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.path).toBe('/news/2026/03/01/harbour-wall-holds');
    expect(result.expire).toEqual(expect.arrayContaining([`article:${id}`, 'article-slug:harbour-wall-holds', 'section:news', 'front-page', `author:${people.author.slug}`]));
    const audit = await db.select().from(auditLog).where(eq(auditLog.subject, `article:${id}`));
    expect(audit.map((a) => a.action)).toContain('article.publish');
  });

  it('stops at the checklist unless overridden, and always at blocking checks', async () => {
    const { id } = (await createArticle(people.editor, { headline: 'TK headline for later', sectionId: news.id })) as { id: number };
    const refused = await transitionArticle(people.editor, id, 'publish');
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.kind === 'checklist' && refused.problems.map((p) => p.id).sort()).toEqual(['description', 'tk']);
    await db.update(siteSettings).set({ blockingChecks: ['tk'] });
    const stillRefused = await transitionArticle(people.editor, id, 'publish', { override: true });
    expect(stillRefused.ok === false && stillRefused.kind === 'checklist' && stillRefused.problems.map((p) => p.id)).toEqual(['tk']);
    await db.update(siteSettings).set({ blockingChecks: [] });
    expect((await transitionArticle(people.editor, id, 'publish', { override: true })).ok).toBe(true);
  });

  it('will not publish before the embargo, now or by schedule', async () => {
    const { id } = (await createArticle(people.editor, { headline: 'Embargoed report on tides', sectionId: news.id })) as { id: number };
    const { draft, version } = await draftOf(id);
    const embargo = new Date(Date.now() + 2 * 3600_000);
    await saveArticle(people.editor, id, version, { ...draft, standfirst: 'Figures out soon.', embargoUntil: embargo.toISOString() });
    const now = await transitionArticle(people.editor, id, 'publish');
    expect(now.ok === false && now.kind).toBe('invalid');
    const early = await transitionArticle(people.editor, id, 'schedule', { publishAt: new Date(Date.now() + 3600_000) });
    expect(early.ok === false && early.kind).toBe('invalid');
    expect((await transitionArticle(people.editor, id, 'schedule', { publishAt: new Date(embargo.getTime() + 60_000) })).ok).toBe(true);
  });

  it('says the embargo time in the paper’s time zone and locale, not as a UTC ISO string', async () => {
    const { id } = (await createArticle(people.editor, { headline: 'Embargoed report on harbour dues', sectionId: news.id })) as { id: number };
    const { draft, version } = await draftOf(id);
    // Noon UTC in July is 08:00 in New York (GMT-4 in en-GB): a zone far from UTC makes a raw ISO time obvious.
    const embargo = new Date('2036-07-01T12:00:00.000Z');
    await saveArticle(people.editor, id, version, { ...draft, standfirst: 'Dues rise.', embargoUntil: embargo.toISOString() });
    await db.update(siteSettings).set({ timeZone: 'America/New_York', locale: 'en-GB' });
    try {
      const refused = await transitionArticle(people.editor, id, 'publish');
      const message = refused.ok === false && refused.kind === 'invalid' ? refused.message : '';
      expect(message).toBe('This article is under embargo until Tue, 1 Jul 2036, 08:00 GMT-4; it cannot be published before then.');
      expect(message).not.toContain(embargo.toISOString());
    } finally {
      await db.update(siteSettings).set({ timeZone: 'Europe/London' });
    }
  });

  it('publishes scheduled articles when due, not before, and not while under embargo', async () => {
    const { id } = (await createArticle(people.author, { headline: 'Scheduled council budget story', sectionId: news.id })) as { id: number };
    const { draft, version } = await draftOf(id);
    await saveArticle(people.author, id, version, { ...draft, standfirst: 'Numbers at noon.' });
    const at = new Date(Date.now() + 60_000);
    expect((await transitionArticle(people.author, id, 'schedule', { publishAt: at })).ok).toBe(true);
    expect((await publishDueArticles(new Date(at.getTime() - 1000))).published.map((p) => p.id)).not.toContain(id);
    const run = await publishDueArticles(new Date(at.getTime() + 1000));
    expect(run.published.map((p) => p.id)).toContain(id);
    expect(run.expire).toEqual(expect.arrayContaining(['front-page', 'section:news', `article:${id}`]));
    const [row] = await db.select().from(articles).where(eq(articles.id, id));
    expect(row!.status).toBe('published');
    expect(row!.firstPublishedAt!.toISOString()).toBe(at.toISOString());
    expect(row!.path).toMatch(/^\/news\/\d{4}\/\d{2}\/\d{2}\/scheduled-council-budget-story$/);
  });
});

describe('saves are whole, versioned and never silently overwrite', () => {
  it('gives the second of two editors a conflict with the other version, and writes nothing', async () => {
    const { id } = (await createArticle(people.editor, { headline: 'Two editors one story', sectionId: news.id })) as { id: number };
    const start = await draftOf(id);
    const first = await saveArticle(people.editor, id, start.version, { ...start.draft, body: paragraph('First editor text.') });
    expect(first.ok).toBe(true);
    const second = await saveArticle(people.admin, id, start.version, { ...start.draft, body: paragraph('Second editor text.') });
    expect(second.ok).toBe(false);
    if (second.ok || second.kind !== 'conflict') throw new Error('expected a conflict');
    expect(second.current.draft.body).toEqual(paragraph('First editor text.'));
    expect(second.current.savedBy).toBe('edie editor');
    const now = await draftOf(id);
    expect(now.draft.body).toEqual(paragraph('First editor text.'));
    expect(now.version).toBe(start.version + 1);
  });

  it('refuses a taken slug with a message, leaving the article and its revisions as they were', async () => {
    const a = (await createArticle(people.editor, { headline: 'Unique slug one', sectionId: news.id })) as { id: number };
    const b = (await createArticle(people.editor, { headline: 'Unique slug two', sectionId: news.id })) as { id: number };
    const before = await snapshotRow(b.id);
    const { draft, version } = await draftOf(b.id);
    const result = await saveArticle(people.editor, b.id, version, { ...draft, slug: 'unique-slug-one', tags: ['Brand new tag'] });
    expect(result).toMatchObject({ ok: false, kind: 'invalid', fieldErrors: { slug: expect.stringMatching(/already uses/) } });
    expect(await snapshotRow(b.id)).toEqual(before);
    expect(a.id).not.toBe(b.id);
  });

  it('moves a published article to a new section and slug, keeping the old URL in the history', async () => {
    const { id } = (await createArticle(people.editor, { headline: 'River bridge opens', sectionId: news.id })) as { id: number };
    let { draft, version } = await draftOf(id);
    await saveArticle(people.editor, id, version, { ...draft, standfirst: 'Cars from today.', tags: ['Transport'] });
    const published = await transitionArticle(people.editor, id, 'publish', { now: new Date('2026-02-10T10:00:00Z') });
    const oldPath = published.ok ? published.path : null;
    ({ draft, version } = await draftOf(id));
    const moved = await saveArticle(people.editor, id, version, { ...draft, sectionId: world.id, slug: 'river-bridge-opens-to-traffic' });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(moved.path).toBe('/world/2026/02/10/river-bridge-opens-to-traffic');
    const history = await db.select().from(urlHistory).where(eq(urlHistory.articleId, id));
    expect(history.map((h) => h.path)).toEqual([oldPath]);
    expect(moved.expire).toEqual(expect.arrayContaining(['section:news', 'section:world', 'article-slug:river-bridge-opens', 'article-slug:river-bridge-opens-to-traffic', 'topic:transport']));
    const [row] = await db.select({ updatedAt: articles.updatedAt }).from(articles).where(eq(articles.id, id));
    expect(row!.updatedAt).not.toBeNull();
  });

  it('restores an old revision as a new version, keeping the newer ones', async () => {
    const { id } = (await createArticle(people.author, { headline: 'Restorable story', sectionId: news.id })) as { id: number };
    let { draft, version } = await draftOf(id);
    await saveArticle(people.author, id, version, { ...draft, body: paragraph('Good first version.') });
    ({ draft, version } = await draftOf(id));
    await saveArticle(people.author, id, version, { ...draft, body: paragraph('Bad second version.') });
    const revs = await listRevisions(id, people.admin);
    const good = revs.find((r) => r.version === 2)!;
    ({ version } = await draftOf(id));
    const restored = await restoreRevision(people.author, id, good.id, version);
    expect(restored.ok).toBe(true);
    expect((await draftOf(id)).draft.body).toEqual(paragraph('Good first version.'));
    expect(await listRevisions(id, people.admin)).toHaveLength(4);
    await expect(restoreRevision(people.otherAuthor, id, good.id, version + 1)).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});
