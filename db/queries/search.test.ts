import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../connection';
import { articleAuthors, articles } from '../schema';
import { type ArticleStatus } from '../../lib/domain';
import { closeTestDatabase, openTestDatabase } from '../testing';
import { makeArticle, makeSection, makeStaff } from '../test-fixtures';
import { SEARCH_MAX_QUERY_LENGTH, type Segment } from '../../lib/search-query';
import { periodLexemes } from '../../lib/search-window';
import { searchArticles, searchArticlesForStaff, SEARCH_TUNING } from './search';

let db: Db;
let news: { id: number; slug: string };
let sport: { id: number; slug: string };
let ana: { id: number };
let ben: { id: number };
let counter = 0;
const DAY = 86_400_000;
const TZ = 'Europe/London';
const defaults = { ...SEARCH_TUNING };

type Story = { headline: string; standfirst?: string; body?: string; status?: ArticleStatus; daysAgo?: number; section?: { id: number; slug: string }; authorIds?: number[] };

/** An article with exactly the words a test needs (the shared fixture's body mentions a harbour wall). */
async function story(s: Story) {
  counter += 1;
  const status = s.status ?? 'published';
  const publishedAt = status === 'draft' || status === 'in_review' ? null : new Date(Date.now() - (s.daysAgo ?? 1) * DAY);
  const row = await makeArticle(db, { slug: `story-${counter}`, section: s.section ?? news, status, publishedAt, authorIds: s.authorIds, headline: s.headline });
  await db
    .update(articles)
    .set({ standfirst: s.standfirst ?? 'A short summary of events.', bodyText: s.body ?? 'Nothing else of note happened today.' })
    .where(eq(articles.id, row.id));
  return row;
}

const headlines = (r: { hits: { headline: Segment[] }[] }) => r.hits.map((h) => h.headline.map((s) => s.text).join(''));
const find = (q: string, extra: Partial<Parameters<typeof searchArticles>[0]> = {}) => searchArticles({ q, timeZone: TZ, ...extra });

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  news = await makeSection(db, 'news');
  sport = await makeSection(db, 'sport', 1);
  ana = await makeStaff(db, 'ana-ruiz');
  ben = await makeStaff(db, 'ben-okafor');

  await story({ headline: 'Lighthouse keeper retires after forty years', body: 'The lighthouse on the point will be automated.', daysAgo: 3, authorIds: [ana.id] });
  await story({ headline: 'Council meets to discuss parking', body: 'A lighthouse was mentioned once, in passing, near the end.', daysAgo: 3, authorIds: [ben.id] });
  await story({ headline: 'Ferry timetable changes', body: 'The new sea wall protects the ferry terminal.', daysAgo: 5, section: sport });
  await story({ headline: 'Wall by the sea is painted', body: 'Painters worked on the wall that faces the sea.', daysAgo: 6 });
  await story({ headline: 'Dockers strike over pay', body: 'The strike began at dawn.', daysAgo: 7, authorIds: [ana.id] });
  await story({ headline: 'Bus drivers stage walkout', body: 'The walkout closed three routes.', daysAgo: 8 });
  await story({ headline: 'Budget leaves tax unchanged', body: 'The budget kept the tax rate where it was.', daysAgo: 9 });
  await story({ headline: 'Budget funds new library', body: 'The budget pays for books and a reading room.', daysAgo: 10 });
  // Equally relevant, different ages: the newer must come first.
  await story({ headline: 'Orchard harvest begins', daysAgo: 400 });
  await story({ headline: 'Orchard harvest begins early', daysAgo: 2 });
  // Hidden from readers, each with the word "cormorant".
  await story({ headline: 'Cormorant draft', status: 'draft' });
  await story({ headline: 'Cormorant in review', status: 'in_review' });
  await story({ headline: 'Cormorant scheduled', status: 'scheduled', daysAgo: -2 });
  await story({ headline: 'Cormorant withdrawn', status: 'withdrawn' });
  await story({ headline: 'Cormorant not yet due', daysAgo: -1 });
  await story({ headline: 'Cormorant colony returns to the estuary', daysAgo: 4 });
});
afterAll(closeTestDatabase);
afterEach(() => Object.assign(SEARCH_TUNING, defaults));

describe('ranking', () => {
  it('puts a headline match above a passing mention in the body', async () => {
    const result = await find('lighthouse');
    expect(headlines(result)).toEqual(['Lighthouse keeper retires after forty years', 'Council meets to discuss parking']);
    expect(result.total).toBe(2);
    expect(result.totalIsEstimate).toBe(false);
  });

  it('puts the newer of two equally relevant articles first', async () => {
    expect(headlines(await find('orchard harvest'))).toEqual(['Orchard harvest begins early', 'Orchard harvest begins']);
  });

  it('highlights the matched words in headline and snippet', async () => {
    const [hit] = (await find('lighthouse')).hits;
    expect(hit!.headline).toEqual([
      { text: 'Lighthouse', mark: true },
      { text: ' keeper retires after forty years', mark: false },
    ]);
    expect(hit!.snippet.filter((s) => s.mark).map((s) => s.text.toLowerCase())).toContain('lighthouse');
  });
});

describe('query syntax (websearch_to_tsquery)', () => {
  it('matches a "quoted phrase" only with the words in that order', async () => {
    expect(headlines(await find('"sea wall"'))).toEqual(['Ferry timetable changes']);
    expect(headlines(await find('sea wall'))).toHaveLength(2);
  });

  it('finds either word with OR', async () => {
    expect(headlines(await find('strike OR walkout')).sort()).toEqual(['Bus drivers stage walkout', 'Dockers strike over pay']);
  });

  it('leaves out articles with a -word', async () => {
    expect(headlines(await find('budget -tax'))).toEqual(['Budget funds new library']);
  });
});

describe('only published, due articles are found', () => {
  it('never returns drafts, reviews, scheduled, withdrawn or future-dated articles', async () => {
    expect(headlines(await find('cormorant'))).toEqual(['Cormorant colony returns to the estuary']);
  });

  it('follows publishing, editing and withdrawal at once', async () => {
    const row = await story({ headline: 'Quayside kittiwakes nesting', status: 'draft' });
    expect((await find('kittiwakes')).total).toBe(0);

    await db.update(articles).set({ status: 'published', publishedAt: new Date(Date.now() - 60_000), firstPublishedAt: new Date(Date.now() - 60_000), path: '/news/2026/01/01/quayside' }).where(eq(articles.id, row.id));
    expect(headlines(await find('kittiwakes'))).toEqual(['Quayside kittiwakes nesting']);

    await db.update(articles).set({ headline: 'Quayside guillemots nesting' }).where(eq(articles.id, row.id));
    expect((await find('kittiwakes')).total).toBe(0);
    expect(headlines(await find('guillemots'))).toEqual(['Quayside guillemots nesting']);

    await db.update(articles).set({ bodyText: 'Razorbills were seen too.' }).where(eq(articles.id, row.id));
    expect((await find('razorbills')).total).toBe(1);

    await db.update(articles).set({ status: 'withdrawn', withdrawnAt: new Date() }).where(eq(articles.id, row.id));
    expect((await find('guillemots')).total).toBe(0);
  });
});

describe('filters and pages', () => {
  it('filters by section, author and dates', async () => {
    expect(headlines(await find('wall', { sectionId: sport.id }))).toEqual(['Ferry timetable changes']);
    expect(headlines(await find('lighthouse OR strike', { authorId: ana.id })).sort()).toEqual(['Dockers strike over pay', 'Lighthouse keeper retires after forty years']);
    const day = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY).toISOString().slice(0, 10);
    expect(headlines(await find('orchard', { from: day(30) }))).toEqual(['Orchard harvest begins early']);
    expect(headlines(await find('orchard', { to: day(30) }))).toEqual(['Orchard harvest begins']);
  });

  it('filters by the byline as it is now, the moment it changes', async () => {
    const row = await story({ headline: 'Wombat crossing installed', authorIds: [ana.id] });
    expect(headlines(await find('wombat', { authorId: ana.id }))).toEqual(['Wombat crossing installed']);
    expect((await find('wombat', { authorId: ben.id })).total).toBe(0);

    await db.delete(articleAuthors).where(eq(articleAuthors.articleId, row.id));
    await db.insert(articleAuthors).values({ articleId: row.id, staffId: ben.id, position: 0 });
    expect((await find('wombat', { authorId: ana.id })).total).toBe(0);
    expect(headlines(await find('wombat', { authorId: ben.id }))).toEqual(['Wombat crossing installed']);
    expect((await searchArticlesForStaff({ q: 'wombat', bylineId: ben.id })).total).toBe(1);
    expect((await searchArticlesForStaff({ q: 'wombat', bylineId: ana.id })).total).toBe(0);
  });

  it('pages through results without repeating or losing any', async () => {
    for (let i = 0; i < 23; i++) await story({ headline: `Puffin count number ${i}`, daysAgo: 20 + i });
    const first = await find('puffin');
    const second = await find('puffin', { page: 2 });
    expect(first.total).toBe(23);
    expect(first.pageCount).toBe(2);
    expect(first.hits).toHaveLength(20);
    expect(second.hits).toHaveLength(3);
    const ids = [...first.hits, ...second.hits].map((h) => h.id);
    expect(new Set(ids).size).toBe(23);
    expect((await find('puffin', { page: 3 })).hits).toHaveLength(0);
  });
});

describe('common words: only the newest matches are ranked', () => {
  it('ranks within a recent window and says the count is an estimate', async () => {
    for (let i = 0; i < 80; i++) await story({ headline: i === 79 ? 'Gannet gannet gannet in the headline' : `Seabird report ${i}`, body: 'A gannet was seen.', daysAgo: 30 + i * 10 });
    // Statistics, as autovacuum keeps them on a real database: the planner's estimate sizes the window.
    await db.execute(sql`ANALYZE articles`);
    Object.assign(SEARCH_TUNING, { pool: 6, firstWindow: 10 });
    const result = await find('gannet');
    expect(result.totalIsEstimate).toBe(true);
    expect(result.total).toBeGreaterThanOrEqual(5);
    // The oldest (and most relevant) article lies outside the window of newest matches.
    expect(headlines(result)).not.toContain('Gannet gannet gannet in the headline');
    expect(headlines(result)[0]).toBe('Seabird report 0');

    Object.assign(SEARCH_TUNING, defaults);
    const exact = await find('gannet');
    expect(exact.totalIsEstimate).toBe(false);
    expect(exact.total).toBe(80);
    expect(headlines(exact)[0]).toBe('Gannet gannet gannet in the headline');
  });
});

describe('the window of newest days (article_search_facets in the search index)', () => {
  it('names the same days, months and years as the database function the index is built on', async () => {
    const instants = ['1999-12-31T23:59:59Z', '2000-01-01T00:00:00Z', '2024-02-29T12:00:00Z', '2025-12-31T23:59:59.999Z', '2026-11-28T00:00:00.001Z'];
    for (const iso of instants) {
      const at = new Date(iso);
      const result = await db.execute(sql`SELECT article_search_facets(${iso}::timestamptz, ${iso}::timestamptz, 7, '{3,12}')::text AS v`);
      const stored = String((Array.isArray(result) ? result : (result as unknown as { rows: { v: string }[] }).rows)[0]!.v);
      const y = at.getUTCFullYear();
      const m = at.getUTCMonth();
      const ours = [
        ...periodLexemes('p', at, at),
        ...periodLexemes('p', new Date(Date.UTC(y, m, 1)), new Date(Date.UTC(y, m + 1, 0))),
        ...periodLexemes('p', new Date(Date.UTC(y, 0, 1)), new Date(Date.UTC(y, 11, 31))),
      ];
      for (const lexeme of ours) {
        expect(stored, iso).toContain(`'${lexeme}'`);
        expect(stored, iso).toContain(`'m${lexeme.slice(1)}'`);
      }
      // The creator and the byline, as the author filters ask for them.
      for (const facet of [`'c7'`, `'12'`, `'3'`]) expect(stored).toContain(facet);
    }
  });

  it('finds an article published a moment ago among the newest matches of a common word', async () => {
    const petrels = [];
    for (let i = 0; i < 40; i++) petrels.push(await story({ headline: `Storm petrel count ${i}`, body: 'A petrel was ringed.', daysAgo: i < 30 ? 2 + i : 200 + i * 20 }));
    Object.assign(SEARCH_TUNING, { pool: 4, firstWindow: 3 });
    const before = await find('petrel');
    expect(before.totalIsEstimate).toBe(true);
    expect(headlines(before)).not.toContain('Storm petrel count 39');

    const row = await story({ headline: 'Storm petrel chicks fledge', body: 'A petrel was ringed.', status: 'draft' });
    await db.update(articles).set({ status: 'published', publishedAt: new Date(Date.now() - 1000), firstPublishedAt: new Date(), path: '/news/petrel-chicks' }).where(eq(articles.id, row.id));
    const after = await find('petrel');
    expect(after.totalIsEstimate).toBe(true);
    expect(headlines(after)[0]).toBe('Storm petrel chicks fledge');

    // Staff windows follow the last change: an old article edited now is among the newest.
    for (const [i, p] of petrels.entries()) await db.update(articles).set({ modifiedAt: new Date(Date.now() - (i < 30 ? 2 + i : 200 + i * 20) * DAY) }).where(eq(articles.id, p.id));
    await db.update(articles).set({ modifiedAt: new Date() }).where(eq(articles.id, petrels[39]!.id));
    const staff = await searchArticlesForStaff({ q: 'petrel', pageSize: 5 });
    expect(staff.totalIsEstimate).toBe(true);
    expect(staff.hits.map((h) => h.headline.map((s) => s.text).join(''))).toContain('Storm petrel count 39');
    expect(staff.hits.map((h) => h.headline.map((s) => s.text).join(''))).not.toContain('Storm petrel count 38');
  });
});

describe('prefix fallback', () => {
  it('searches for words that begin with the query when nothing matches exactly', async () => {
    const result = await find('lighth');
    expect(result.mode).toBe('prefix');
    expect(headlines(result)).toContain('Lighthouse keeper retires after forty years');
  });

  it('says nothing matched when even the prefixes find nothing', async () => {
    const result = await find('xylophonist');
    expect(result).toMatchObject({ mode: 'exact', total: 0, problem: null, hits: [] });
  });

  it('knows the words of an article the moment it is written, and of every word given', async () => {
    expect((await find('quokkas')).total).toBe(0);
    const row = await story({ headline: 'Quokkas sighted on the breakwater', body: 'Two quokkas and a wallaby.', status: 'draft' });
    await db.update(articles).set({ status: 'published', publishedAt: new Date(Date.now() - 1000), firstPublishedAt: new Date(), path: '/news/quokkas' }).where(eq(articles.id, row.id));
    const both = await find('quokk wallab');
    expect(both.mode).toBe('prefix');
    expect(headlines(both)).toEqual(['Quokkas sighted on the breakwater']);
    // Every word must begin some known word: "zzyzx" begins none, so nothing matches.
    expect((await find('quokk zzyzx')).total).toBe(0);
    // An edit adds its new words too.
    await db.update(articles).set({ bodyText: 'Two quokkas and a numbat.' }).where(eq(articles.id, row.id));
    expect(headlines(await find('numba'))).toEqual(['Quokkas sighted on the breakwater']);
  });
});

describe('bad input never fails', () => {
  const cases: [string, unknown][] = [
    ['nothing', ''],
    ['only spaces', '   '],
    ['a lone quote', '"'],
    ['unbalanced quotes', '"sea wall'],
    ['operators alone', 'OR'],
    ['a minus alone', '-'],
    ['tsquery syntax', "lighthouse:* & !( | <-> 'x"],
    ['only negations', '-budget -tax'],
    ['only stop words', 'the and of'],
    ['emoji', '🌊🏖️ lighthouse'],
    ['mixed scripts', 'Ελλάδα 東京 مرحبا lighthouse'],
    ['SQL metacharacters', "'; DROP TABLE articles; -- %_\\"],
    ['NUL bytes', 'light\u0000house'],
    ['a broken surrogate pair', 'light\ud800house'],
    ['a repeated parameter', ['lighthouse', 'strike']],
    ['not a string', { q: 1 }],
    ['ten thousand characters', 'lighthouse '.repeat(910)],
    ['one very long word', 'x'.repeat(10_000)],
  ];
  for (const [name, q] of cases) {
    it(`answers ${name} with results or a reason`, async () => {
      const result = await find(q as string);
      expect(result.hits.length > 0 || result.total === 0).toBe(true);
      expect(result.query.length).toBeLessThanOrEqual(SEARCH_MAX_QUERY_LENGTH);
    });
  }

  it('explains why a query could not be searched', async () => {
    expect((await find('')).problem).toBe('empty');
    expect((await find('the and of')).problem).toBe('stopwords');
    expect((await find('-budget')).problem).toBe('negative-only');
    expect((await find('"')).problem).toBe('stopwords');
  });

  it('trims very long queries and says so, still finding results', async () => {
    const result = await find('lighthouse '.repeat(910));
    expect(result.trimmed).toBe(true);
    expect(result.total).toBe(2);
  });

  it('leaves the database as it was', async () => {
    await find("'; DROP TABLE articles; --");
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(articles);
    expect(Number(row!.n)).toBeGreaterThan(10);
  });

  it('returns markup in articles as plain text, never as HTML', async () => {
    await story({ headline: 'Tern <b>colony</b> <script>alert(1)</script>', body: 'Terns <img src=x onerror=alert(1)> nest here.' });
    const [hit] = (await find('tern')).hits;
    expect(hit!.headline.map((s) => s.text).join('')).toBe('Tern <b>colony</b> <script>alert(1)</script>');
    expect(hit!.snippet.map((s) => s.text).join('')).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('staff search', () => {
  it('finds every status, and narrows by status and author', async () => {
    const all = await searchArticlesForStaff({ q: 'cormorant' });
    expect(all.hits.map((h) => h.status).sort()).toEqual(['draft', 'in_review', 'published', 'published', 'scheduled', 'withdrawn']);
    const drafts = await searchArticlesForStaff({ q: 'cormorant', statuses: ['draft', 'in_review'] });
    expect(drafts.hits.map((h) => h.status).sort()).toEqual(['draft', 'in_review']);
    const mine = await searchArticlesForStaff({ q: 'lighthouse OR strike', authorId: ana.id });
    expect(mine.hits).toHaveLength(2);
  });

  it('pages through the list without a query, newest change first, and estimates a count past the cap', async () => {
    const first = await searchArticlesForStaff({ q: '', pageSize: 4 });
    const second = await searchArticlesForStaff({ q: '', pageSize: 4, page: 2 });
    const all = await searchArticlesForStaff({ q: '', pageSize: 8 });
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual(all.hits.map((h) => h.id));
    const times = all.hits.map((h) => Date.parse(h.modifiedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(first.totalIsEstimate).toBe(false);

    Object.assign(SEARCH_TUNING, { listCountCap: 3 });
    const capped = await searchArticlesForStaff({ q: '', pageSize: 4 });
    expect(capped.totalIsEstimate).toBe(true);
    expect(capped.total).toBeGreaterThan(3);
    expect(capped.hits.map((h) => h.id)).toEqual(first.hits.map((h) => h.id));
  });

  it('lists the most recently changed articles when there is no query', async () => {
    const row = await story({ headline: 'Freshly edited draft', status: 'draft' });
    await db.update(articles).set({ modifiedAt: new Date(Date.now() + 1000) }).where(eq(articles.id, row.id));
    const list = await searchArticlesForStaff({ q: '', pageSize: 5 });
    expect(list.hits[0]!.headline.map((s) => s.text).join('')).toBe('Freshly edited draft');
    expect(list.total).toBeGreaterThan(5);
  });
});

describe('accents and case are folded (the broadsheet search configuration, migration 0012)', () => {
  it('finds "café" for "cafe" and "CAFE", and "cafe" for "café", in headline and body alike', async () => {
    await story({ headline: 'Harbour café reopens after the flood', body: 'Its crème brûlée is back.' });
    await story({ headline: 'Quayside cafe wins a prize', body: 'The judges came from Zürich.' });
    for (const q of ['cafe', 'CAFE', 'café', 'CAFÉ']) {
      expect(headlines(await find(q)).sort(), q).toEqual(['Harbour café reopens after the flood', 'Quayside cafe wins a prize']);
    }
    expect(headlines(await find('creme brulee'))).toEqual(['Harbour café reopens after the flood']);
    expect(headlines(await find('zurich'))).toEqual(['Quayside cafe wins a prize']);
    // The highlight marks the word as it is written, accent and all.
    const marked = (await find('cafe')).hits.flatMap((h) => h.headline.filter((s) => s.mark).map((s) => s.text));
    expect(marked.sort()).toEqual(['cafe', 'café']);
  });

  it('folds accents in the prefix fallback as well', async () => {
    await story({ headline: 'Pâtisserie opens on the quay' });
    const result = await find('patiss');
    expect(result.mode).toBe('prefix');
    expect(headlines(result)).toEqual(['Pâtisserie opens on the quay']);
  });
});
