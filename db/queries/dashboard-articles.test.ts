import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { articles } from '../schema';
import { type ArticleStatus } from '../../lib/domain';
import { makeArticle, makeSection, makeStaff } from '../test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { listDashboardArticles, type ArticleFilter, type ArticleListViewer } from './dashboard-articles';

// The newsroom's article list searches with site search's full-text engine, across every status,
// holding only what the viewer's role lists (a contributor: their own work).

let db: Db;
let news: { id: number; slug: string };
let sport: { id: number; slug: string };
let editor: ArticleListViewer;
let contributor: ArticleListViewer;
let otherWriter: ArticleListViewer;
let counter = 0;

async function story(s: { headline: string; body?: string; status?: ArticleStatus; createdBy?: number; authorIds?: number[]; section?: { id: number; slug: string }; modifiedAgoMs?: number }) {
  counter += 1;
  const status = s.status ?? 'draft';
  const published = status === 'published' || status === 'withdrawn';
  const row = await makeArticle(db, { slug: `list-story-${counter}`, section: s.section ?? news, status, publishedAt: published ? new Date(Date.now() - 86_400_000) : null, authorIds: s.authorIds, headline: s.headline });
  await db
    .update(articles)
    .set({ standfirst: 'A short summary.', bodyText: s.body ?? 'Nothing else of note.', createdBy: s.createdBy ?? null, modifiedAt: new Date(Date.now() - (s.modifiedAgoMs ?? counter * 1000)) })
    .where(eq(articles.id, row.id));
  return row;
}

const list = (viewer: ArticleListViewer, filter: ArticleFilter) => listDashboardArticles(filter, viewer);
const headlines = (r: { items: { headline: string }[] }) => r.items.map((i) => i.headline);

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  news = await makeSection(db, 'news');
  sport = await makeSection(db, 'sport', 1);
  editor = await makeStaff(db, 'eda-editor', 'editor');
  contributor = await makeStaff(db, 'cai-contributor', 'contributor');
  otherWriter = await makeStaff(db, 'ola-author', 'author');

  // The word "marram" is only ever in bodies, never in a headline.
  await story({ headline: 'Dune restoration plan drafted', body: 'Volunteers will plant marram grass along the spit.', createdBy: contributor.id, authorIds: [contributor.id] });
  await story({ headline: 'Coastal path reopens', body: 'The marram on the dunes held the sand through the storms.', status: 'published', createdBy: otherWriter.id, authorIds: [otherWriter.id] });
  await story({ headline: 'Beach huts for sale', body: 'One hut stands among the marram.', status: 'in_review', createdBy: otherWriter.id, authorIds: [otherWriter.id], section: sport });
  // A contributor's article is theirs as a named author too, even if someone else created it.
  await story({ headline: 'Sand martins nest in the cliff', body: 'Their burrows sit above the marram line.', createdBy: editor.id, authorIds: [contributor.id] });
  // Relevance: the word in the headline beats the word once in the body.
  await story({ headline: 'Kittiwake colony doubles', body: 'Kittiwakes nest on the ledges. The kittiwake count was the highest yet.', status: 'published', createdBy: otherWriter.id, modifiedAgoMs: 60_000_000 });
  await story({ headline: 'Harbour notes', body: 'A kittiwake was seen once.', status: 'published', createdBy: otherWriter.id, modifiedAgoMs: 1000 });
  // Only stop words at its start: full-text search cannot look for "where the".
  await story({ headline: 'Where the river bends: a walk', body: 'Reviewed this week.', status: 'published', createdBy: otherWriter.id });
});

afterAll(async () => {
  await closeTestDatabase();
});

describe('the newsroom article list searches the words of every article', () => {
  it('finds a draft by a word that is only in its body', async () => {
    const found = await list(editor, { q: 'marram', status: 'draft' });
    expect(found.matchedBy).toBe('words');
    expect(headlines(found).sort()).toEqual(['Dune restoration plan drafted', 'Sand martins nest in the cliff']);
  });

  it('searches every status when none is chosen, and keeps the section and author filters', async () => {
    expect(headlines(await list(editor, { q: 'marram' })).sort()).toEqual(['Beach huts for sale', 'Coastal path reopens', 'Dune restoration plan drafted', 'Sand martins nest in the cliff']);
    expect(headlines(await list(editor, { q: 'marram', sectionId: sport.id }))).toEqual(['Beach huts for sale']);
    expect(headlines(await list(editor, { q: 'marram', authorId: otherWriter.id })).sort()).toEqual(['Beach huts for sale', 'Coastal path reopens']);
  });

  it('puts the most relevant first, not the most recently changed', async () => {
    const found = await list(editor, { q: 'kittiwake', sort: 'modified' });
    expect(headlines(found)).toEqual(['Kittiwake colony doubles', 'Harbour notes']);
    expect(found.items[0]!.headlineMarked).toEqual([
      { text: 'Kittiwake', mark: true },
      { text: ' colony doubles', mark: false },
    ]);
    expect(found.items[1]!.snippet?.some((s) => s.mark && /kittiwake/i.test(s.text))).toBe(true);
  });

  it('falls back to headlines starting with the query when the words find nothing', async () => {
    const found = await list(editor, { q: 'where the' });
    expect(found.matchedBy).toBe('headline');
    expect(headlines(found)).toEqual(['Where the river bends: a walk']);
    // Too short a word for full-text search.
    expect(headlines(await list(editor, { q: 'Ki' }))).toEqual(['Kittiwake colony doubles']);
    const none = await list(editor, { q: 'qqzx' });
    expect(none.total).toBe(0);
    expect(none.items).toEqual([]);
  });
});

describe('a contributor’s list holds only their own work', () => {
  it('finds only their own articles when searching', async () => {
    const found = await list(contributor, { q: 'marram' });
    expect(headlines(found).sort()).toEqual(['Dune restoration plan drafted', 'Sand martins nest in the cliff']);
    expect(found.total).toBe(2);
  });

  it('lists only their own articles without a query, and in the headline fallback', async () => {
    expect(headlines(await list(contributor, {})).sort()).toEqual(['Dune restoration plan drafted', 'Sand martins nest in the cliff']);
    expect((await list(contributor, { q: 'where the' })).items).toEqual([]);
    expect(headlines(await list(contributor, { q: 'Du' }))).toEqual(['Dune restoration plan drafted']);
  });

  it('finds nothing of anyone else’s, even filtering by their name', async () => {
    expect((await list(contributor, { q: 'marram', authorId: otherWriter.id })).items).toEqual([]);
    expect((await list(contributor, { q: 'kittiwake' })).items).toEqual([]);
  });
});
