import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/connection';
import { articleAuthors, articles, articleTags, comments, importItems, importRuns, media, redirects, sections, siteSettings, staff, tags } from '../db/schema';
import { makeStaff } from '../db/test-fixtures';
import { closeTestDatabase, openTestDatabase } from '../db/testing';
import type { Actor } from '../lib/permissions';
import { forgetRedirects } from '../server/routing/redirects';
import { forgetResolvedRoutes } from '../server/routing/route-memory';
import { ImportStopped, planImport, runImport, startImport, type DryRunReport } from '../server/wordpress/import-job';

// The WordPress import on the database, end to end: the dry run, a full run, a re-run, a run killed
// half-way and resumed, every old address answering 301 through the proxy, hostile content
// cleaned, a split export, and a broken file. Runs on PGlite, and on PostgreSQL with DATABASE_URL.

const fixtures = path.resolve(import.meta.dirname, 'fixtures/wordpress');
const gazette = [path.join(fixtures, 'harbour-gazette.xml')];
const uploads = path.join(fixtures, 'uploads');

let db: Db;
let admin: Actor;
let mediaDir: string;
let plan: DryRunReport;

beforeAll(async () => {
  mediaDir = mkdtempSync(path.join(os.tmpdir(), 'h6-import-media-'));
  process.env.MEDIA_DIR = mediaDir;
  process.env.DB_HEALTH_INTERVAL_MS = '0';
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette', timeZone: 'Europe/London' });
  const a = await makeStaff(db, 'ada-admin', 'admin');
  admin = { id: a.id, role: a.role };
  // Otto already works here: the dry run proposes his existing account.
  await db.insert(staff).values({ slug: 'otto-quill', name: 'Otto Quill', firstName: 'Otto', lastName: 'Quill', email: 'Otto.Quill@gazette.example', role: 'author' });
});
afterAll(async () => {
  await closeTestDatabase();
  rmSync(mediaDir, { recursive: true, force: true });
});

/** Everything an import makes, by WordPress keys rather than database ids, so two runs compare. */
async function snapshot() {
  const arts = await db
    .select({ id: articles.id, slug: articles.slug, path: articles.path, status: articles.status, headline: articles.headline, standfirst: articles.standfirst, body: articles.body, publishedAt: articles.publishedAt, bylineText: articles.bylineText, featured: articles.featuredImageId, section: sections.slug })
    .from(articles)
    .leftJoin(sections, eq(sections.id, articles.sectionId))
    .orderBy(asc(articles.slug));
  const mediaSrc = new Map((await db.select({ id: media.id, src: media.src }).from(media)).map((m) => [m.id, m.src]));
  // Image files get new random names on every import: compare bodies with the names taken out.
  const unname = (v: unknown) => JSON.parse(JSON.stringify(v).replace(/\/media\/\d{4}\/\d{2}\/[a-z0-9]+/g, '/media/X'));
  const byline = await db.select({ articleId: articleAuthors.articleId, slug: staff.slug }).from(articleAuthors).innerJoin(staff, eq(staff.id, articleAuthors.staffId));
  const topics = await db.select({ articleId: articleTags.articleId, slug: tags.slug }).from(articleTags).innerJoin(tags, eq(tags.id, articleTags.tagId));
  const commentRows = await db.select({ key: comments.idempotencyKey, parent: comments.parentId, status: comments.status, body: comments.body, email: comments.authorEmail, depth: comments.depth, articleId: comments.articleId }).from(comments);
  const commentKey = new Map((await db.select({ id: comments.id, key: comments.idempotencyKey }).from(comments)).map((c) => [c.id, c.key]));
  const slugOf = new Map(arts.map((a) => [a.id, a.slug]));
  const redirectRows = await db.select({ path: redirects.path, kind: redirects.targetKind }).from(redirects).orderBy(asc(redirects.path));
  return {
    articles: arts.map(({ id, featured, body, ...a }) => ({
      ...a,
      body: unname(body),
      featured: featured ? unname(mediaSrc.get(featured)) : null,
      byline: byline.filter((b) => b.articleId === id).map((b) => b.slug),
      topics: topics.filter((t) => t.articleId === id).map((t) => t.slug).sort(),
    })),
    comments: commentRows.map((c) => ({ ...c, articleId: slugOf.get(c.articleId), parent: c.parent ? commentKey.get(c.parent) : null })).sort((x, y) => String(x.key).localeCompare(String(y.key))),
    redirects: redirectRows,
    sections: (await db.select({ slug: sections.slug }).from(sections).orderBy(asc(sections.slug))).map((s) => s.slug),
    topics: (await db.select({ slug: tags.slug }).from(tags).orderBy(asc(tags.slug))).map((t) => t.slug),
    staff: (await db.select({ slug: staff.slug, active: staff.active }).from(staff).orderBy(asc(staff.slug))),
    media: (await db.select({ n: count() }).from(media))[0]!.n,
  };
}

const total = async (table: typeof articles | typeof comments | typeof media | typeof redirects) => (await db.select({ n: count() }).from(table))[0]!.n;

async function importAll(files: string[], control: Parameters<typeof runImport>[1] = { actor: admin }) {
  const p = await planImport(files, uploads);
  const id = await startImport(admin, files, uploads, p);
  const run = await runImport(id, control);
  forgetResolvedRoutes();
  forgetRedirects();
  return { id, run: run!, plan: p };
}

async function proxyAnswer(pathAndQuery: string) {
  const { proxy } = await import('../proxy');
  forgetResolvedRoutes();
  forgetRedirects();
  const response = await proxy(new NextRequest(new URL(pathAndQuery, 'http://news.example'), { headers: { host: 'news.example' } }));
  const location = response.headers.get('location');
  return { status: response.status, location: location ? new URL(location).pathname + new URL(location).search : null };
}

describe('the dry run', () => {
  it('counts everything, proposes the mapping and lists what will not carry over', async () => {
    plan = await planImport(gazette, uploads);
    expect(plan.counts).toMatchObject({ posts: 8, pages: 1, published: 4, drafts: 3, inReview: 1, scheduled: 1, comments: 6, pingbacks: 1, attachments: 3, mediaImported: 2, mediaMissing: 1, authors: 3 });
    expect(plan.authors.find((a) => a.login === 'oquill')).toMatchObject({ matchesStaff: 'Otto Quill', proposed: { as: 'staff' } });
    expect(plan.authors.find((a) => a.login === 'mbrightwater')).toMatchObject({ matchesStaff: null, proposed: { as: 'new' } });
    expect(plan.categories.map((c) => [c.slug, c.depth, c.proposed])).toEqual([
      ['uncategorized', 0, 'section'],
      ['local-news', 0, 'section'],
      ['council', 1, 'topic'],
      ['sailing', 0, 'section'],
    ]);
    expect(plan.unknownShortcodes).toEqual({ 'contact-form-7': 1, unknown_widget: 1 });
    expect(plan.unknownBlocks).toEqual({ 'acme/tide-table': 1 });
    expect(plan.missingMedia).toContain('2024/03/regatta-poster.jpg');
    expect(plan.sticky).toEqual([{ wpId: 201, title: 'Lighthouse keepers return to Gull Point after forty years' }]);
  });
});

describe('a full import', () => {
  let first: Awaited<ReturnType<typeof importAll>>;
  beforeAll(async () => {
    first = await importAll(gazette);
  }, 120_000);

  it('finishes, and what it made matches the dry run’s counts, in the database itself', async () => {
    expect(first.run.status).toBe('done');
    for (const key of ['posts', 'pages', 'published', 'drafts', 'inReview', 'scheduled', 'comments', 'pingbacks', 'attachments', 'mediaImported', 'mediaMissing', 'authors', 'sections', 'topics', 'redirects']) {
      expect(first.run.counts[key], key).toBe(first.plan.counts[key]);
    }
    expect(await total(articles)).toBe(plan.counts.posts! + plan.counts.pages!);
    expect(await total(comments)).toBe(plan.counts.comments);
    expect(await total(media)).toBe(plan.counts.mediaImported);
    expect(await total(redirects)).toBe(plan.counts.redirects);
  });

  it('maps statuses, GMT dates, excerpts, authors, sections and topics', async () => {
    const rows = await db.select({ slug: articles.slug, status: articles.status, publishedAt: articles.publishedAt, path: articles.path, standfirst: articles.standfirst, id: articles.id }).from(articles);
    const bySlug = Object.fromEntries(rows.map((r) => [r.slug, r]));
    expect(bySlug['lighthouse-keepers-return']).toMatchObject({ status: 'published', path: '/local-news/2024/03/05/lighthouse-keepers-return', standfirst: 'Volunteers climb the 112 steps as the lamp at Gull Point is tended by hand again.' });
    expect(bySlug['lighthouse-keepers-return']!.publishedAt!.toISOString()).toBe('2024-03-05T09:30:00.000Z');
    expect(bySlug['storm-warning-for-the-weekend']).toMatchObject({ status: 'draft', path: null });
    expect(bySlug['ferry-timetable-changes']).toMatchObject({ status: 'in_review' });
    expect(bySlug['midsummer-tide-tables']).toMatchObject({ status: 'scheduled', path: null });
    expect(bySlug['midsummer-tide-tables']!.publishedAt!.toISOString()).toBe('2099-06-21T05:00:00.000Z');
    expect(bySlug['editor-notes']).toMatchObject({ status: 'draft' });
    expect(bySlug['binned']).toMatchObject({ status: 'draft' });
    expect(bySlug['about-the-gazette']).toMatchObject({ status: 'published', path: '/info/2023/01/01/about-the-gazette' });
    expect(bySlug['council-mooring-fees']!.path).toBe('/local-news/2024/03/07/council-mooring-fees');

    const s = await snapshot();
    const lighthouse = s.articles.find((a) => a.slug === 'lighthouse-keepers-return')!;
    expect(lighthouse.byline).toEqual(['mara-brightwater']);
    expect(lighthouse.topics).toEqual(['lighthouse', 'tides']);
    expect(lighthouse.featured).toBe('/media/X.jpg');
    expect(lighthouse.body.content[1]).toMatchObject({ type: 'image', attrs: { src: '/media/X.jpg', caption: 'The lamp room at dusk. Photo: Mara Brightwater', width: 1600, height: 1067 } });
    const regatta = s.articles.find((a) => a.slug === 'regatta-week-programme')!;
    expect(regatta).toMatchObject({ byline: [], bylineText: 'Otto Quill and the Regatta Committee', section: 'sailing' });
    expect(s.articles.find((a) => a.slug === 'council-mooring-fees')!.topics).toEqual(['council']);
    expect(s.staff).toContainEqual({ slug: 'mara-brightwater', active: false });
    expect(s.staff.filter((p) => p.slug.startsWith('otto-quill'))).toEqual([{ slug: 'otto-quill', active: true }]);
    const [alt] = await db.select({ alt: media.alt, credit: media.credit }).from(media).where(eq(media.alt, 'The lighthouse lamp lit against a violet sky'));
    expect(alt).toEqual({ alt: 'The lighthouse lamp lit against a violet sky', credit: 'Mara Brightwater' });
  });

  it('keeps comment threads, statuses and e-mails, and leaves pingbacks to the report', async () => {
    const s = await snapshot();
    const thread = s.comments.filter((c) => c.articleId === 'lighthouse-keepers-return');
    const key = (n: number) => `wordpress:https://gazette.example:${n}`;
    expect(thread.map((c) => [c.key, c.parent, c.status, c.depth])).toEqual([
      [key(501), null, 'approved', 0],
      [key(502), key(501), 'approved', 1],
      [key(503), key(502), 'pending', 2],
      [key(504), null, 'spam', 0],
      [key(506), null, 'trash', 0],
    ]);
    expect(thread[0]!.email).toBe('ferris@longshore.example');
    const [pingback] = await db.select({ oldUrl: importItems.oldUrl }).from(importItems).where(eq(importItems.kind, 'pingback'));
    expect(pingback!.oldUrl).toBe('https://tidewatch.example/gull-point');
  });

  it('cleans hostile posts and comments as paste is cleaned', async () => {
    const s = await snapshot();
    const council = JSON.stringify(s.articles.find((a) => a.slug === 'council-mooring-fees')).toLowerCase();
    for (const bad of ['<script', 'onclick', 'onerror', 'javascript:', 'evil.example', 'tracker.example', 'iframe']) expect(council).not.toContain(bad);
    expect(s.articles.find((a) => a.slug === 'council-mooring-fees')!.headline).toBe('Council votes on mooring fees');
    const [c] = await db.select({ body: comments.body, name: comments.authorName }).from(comments).where(eq(comments.idempotencyKey, 'wordpress:https://gazette.example:510'));
    expect(c).toEqual({ body: 'Fees are too high! Really.', name: 'Mallory' });
  });

  it('answers every old address form with 301 to the new page, through the proxy', async () => {
    const lighthouse = '/local-news/2024/03/05/lighthouse-keepers-return';
    const [lamp] = await db.select({ src: media.src }).from(media).where(eq(media.alt, 'The lighthouse lamp lit against a violet sky'));
    const [slip] = await db.select({ src: media.src }).from(media).where(eq(media.alt, 'Boats pulled up on the old stone slipway'));
    const cases: [string, string][] = [
      ['/2024/03/05/lighthouse-keepers-return/', lighthouse],
      ['/2024/03/05/lighthouse-keepers-return', lighthouse],
      ['/?p=201', lighthouse],
      ['/index.php?p=201', lighthouse],
      ['/2024/03/05/keepers-back-at-gull-point/', lighthouse],
      ['/2024/03/05/gull-point-lamp/', lighthouse],
      ['/2024/03/05/lighthouse-keepers-return/feed/', '/feeds/comments/lighthouse-keepers-return.xml'],
      ['/category/local-news/', '/local-news'],
      ['/category/local-news/council/', '/tag/council'],
      ['/category/sailing/feed/', '/feeds/section/sailing.xml'],
      ['/?cat=7', '/sailing'],
      ['/?tag=lighthouse', '/tag/lighthouse'],
      ['/tag/tides/feed/', '/feeds/tag/tides.xml'],
      ['/author/oquill/', '/author/otto-quill'],
      ['/?author=3', '/author/otto-quill'],
      ['/author/mbrightwater/', '/'], // a new inactive colleague has no author page yet
      ['/2024/03/05/lighthouse-keepers-return/harbour-lights/', lamp!.src],
      ['/?attachment_id=102', slip!.src],
      ['/wp-content/uploads/2024/03/harbour-lights-1024x683.jpg', lamp!.src],
      ['/feed/', '/feeds/all.xml'],
      ['/?feed=rss2', '/feeds/all.xml'],
      ['/comments/feed/', '/feeds/all.xml'],
      ['/about-the-gazette/', '/info/2023/01/01/about-the-gazette'],
      ['/?page_id=301', '/info/2023/01/01/about-the-gazette'],
    ];
    for (const [old, to] of cases) expect(await proxyAnswer(old), old).toEqual({ status: 301, location: to });
    // Not live, so no redirect: a draft, a private post, a scheduled one.
    for (const old of ['/?p=204', '/2024/02/01/editor-notes/', '/?p=206']) expect((await proxyAnswer(old)).status, old).not.toBe(301);
    // The new page itself is live, and an ordinary query on the front page is left alone.
    expect((await proxyAnswer(lighthouse)).status).toBe(200);
    expect((await proxyAnswer('/?utm_source=x')).status).toBe(200);
  });

  it('keeps a verification report: each old address checked against a live page, and the warnings', async () => {
    const report = first.run.report as { items: { wpId: string; redirect: string; oldUrl: string; newUrl: string }[]; redirectsBroken: number; warnings: { item: string; code: string }[] };
    expect(report.redirectsBroken).toBe(0);
    expect(report.items.find((i) => i.wpId === '201')).toMatchObject({ redirect: 'ok', oldUrl: '/2024/03/05/lighthouse-keepers-return', newUrl: '/local-news/2024/03/05/lighthouse-keepers-return' });
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'unknown-block', item: expect.stringContaining('post 202') }));
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'missing-image', item: expect.stringContaining('attachment 103') }));
    expect(report.warnings).toContainEqual(expect.objectContaining({ code: 'sticky', item: expect.stringContaining('post 201') }));
  });

  it('updates on a re-run and duplicates nothing', async () => {
    const before = await snapshot();
    const ids = await db.select({ id: articles.id, slug: articles.slug }).from(articles).orderBy(asc(articles.slug));
    const again = await importAll(gazette);
    expect(again.run.status).toBe('done');
    const after = await snapshot();
    expect(after).toEqual(before);
    expect(await db.select({ id: articles.id, slug: articles.slug }).from(articles).orderBy(asc(articles.slug))).toEqual(ids);
  }, 120_000);

  it('reaches the same result when killed half-way and resumed as in one clean run', async () => {
    const clean = await snapshot();
    // Start again from nothing imported.
    await db.execute(sql`TRUNCATE comments, article_authors, article_tags, url_history, articles, media, redirects, import_items, import_runs, tags RESTART IDENTITY CASCADE`);
    await db.delete(sections);
    await db.delete(staff).where(sql`${staff.slug} NOT IN ('ada-admin', 'otto-quill')`);
    rmSync(mediaDir, { recursive: true, force: true });
    const p = await planImport(gazette, uploads);
    const id = await startImport(admin, gazette, uploads, p);
    // Killed in the media pass, then in the posts pass: each time the lease is left behind, as a dead process leaves it.
    await expect(runImport(id, { actor: admin, stopAfter: 2 })).rejects.toBeInstanceOf(ImportStopped);
    await db.update(importRuns).set({ status: 'running', leaseUntil: new Date(Date.now() + 60_000) }).where(eq(importRuns.id, id));
    expect(await runImport(id, { actor: admin })).toBeNull(); // another worker's lease still runs
    await db.update(importRuns).set({ leaseUntil: new Date(Date.now() - 1000) }).where(eq(importRuns.id, id));
    await expect(runImport(id, { actor: admin, stopAfter: 4 })).rejects.toBeInstanceOf(ImportStopped);
    const [half] = await db.select({ phase: importRuns.phase, checkpoint: importRuns.checkpoint }).from(importRuns).where(eq(importRuns.id, id));
    expect(half).toEqual({ phase: 'posts', checkpoint: 0 }); // the batch of posts in flight was not committed
    process.env.IMPORT_BATCH = '2';
    await expect(runImport(id, { actor: admin, stopAfter: 5 })).rejects.toBeInstanceOf(ImportStopped);
    const [later] = await db.select({ checkpoint: importRuns.checkpoint }).from(importRuns).where(eq(importRuns.id, id));
    expect(later!.checkpoint).toBe(4);
    delete process.env.IMPORT_BATCH;
    const done = await runImport(id, { actor: admin });
    expect(done!.status).toBe('done');
    expect(await snapshot()).toEqual(clean);
  }, 180_000);
});

describe('a split export and bad files', () => {
  it('imports an export split over two files as one, the later file’s link to the earlier post answering 301', async () => {
    const { run } = await importAll([path.join(fixtures, 'split-part-1.xml'), path.join(fixtures, 'split-part-2.xml')]);
    expect(run.counts.posts).toBe(2);
    const [later] = await db.select({ body: articles.body }).from(articles).where(eq(articles.slug, 'square-market-month-on'));
    expect(JSON.stringify(later!.body)).toContain('"href":"/news/markets/cheese-market-moves/"');
    expect(await proxyAnswer('/news/markets/cheese-market-moves/')).toEqual({ status: 301, location: '/markets/2024/01/12/cheese-market-moves' });
    expect(await proxyAnswer('/news/?p=12')).toEqual({ status: 301, location: '/markets/2024/02/12/square-market-month-on' });
  });

  it('fails a broken file with its line, writes nothing, and says so on the run', async () => {
    const file = [path.join(fixtures, 'broken.xml')];
    await expect(planImport(file, null)).rejects.toThrow(/broken\.xml, line 13/);
    const id = await startImport(admin, file, null, { ...plan, site: { ...plan.site, baseBlogUrl: 'https://broken.example' } });
    const before = await total(articles);
    await expect(runImport(id, { actor: admin })).rejects.toThrow(/broken\.xml, line 13/);
    const [row] = await db.select({ status: importRuns.status, error: importRuns.error }).from(importRuns).where(eq(importRuns.id, id));
    expect(row).toEqual({ status: 'failed', error: expect.stringMatching(/^broken\.xml, line 13: /) });
    expect(await total(articles)).toBe(before);
  });
});

describe('oversized fields', () => {
  it('are cut to what Broadsheet holds, with a note, and the post and its comment still come in', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'h6-oversized-'));
    const file = path.join(dir, 'oversized.xml');
    const long = (word: string, n: number) => Array.from({ length: n }, () => word).join(' ');
    writeFileSync(
      file,
      `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Big</title><wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://big.example</wp:base_site_url><wp:base_blog_url>https://big.example</wp:base_blog_url>
<item><title>${long('Headline', 60)}</title><link>https://big.example/huge/</link><dc:creator>nobody</dc:creator>
<content:encoded><![CDATA[<p>${'x'.repeat(25000)}</p>]]></content:encoded><excerpt:encoded><![CDATA[${long('standfirst', 150)}]]></excerpt:encoded>
<wp:post_id>1</wp:post_id><wp:post_date_gmt>2024-01-01 10:00:00</wp:post_date_gmt><wp:post_name>${'a'.repeat(300)}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author><![CDATA[${'Ω'.repeat(300)}]]></wp:comment_author><wp:comment_author_email>${'e'.repeat(150)}@big.example</wp:comment_author_email>
<wp:comment_date_gmt>2024-01-01 11:00:00</wp:comment_date_gmt><wp:comment_content><![CDATA[${long('word', 2000)}]]></wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_parent>0</wp:comment_parent></wp:comment>
</item></channel></rss>`,
    );
    try {
      const { run } = await importAll([file]);
      expect(run.status).toBe('done');
      const [a] = await db.select({ id: articles.id, headline: articles.headline, standfirst: articles.standfirst, slug: articles.slug, path: articles.path }).from(articles).where(sql`${articles.headline} LIKE 'Headline Headline%'`);
      expect(a!.headline.length).toBeLessThanOrEqual(300);
      expect(a!.standfirst.length).toBeLessThanOrEqual(1000);
      expect(a!.slug.length).toBeLessThanOrEqual(120);
      expect(a!.path).not.toBeNull();
      const [c] = await db.select({ body: comments.body, name: comments.authorName, email: comments.authorEmail }).from(comments).where(eq(comments.articleId, a!.id));
      expect(c!.body.length).toBeLessThanOrEqual(5000);
      expect(Buffer.byteLength(c!.name)).toBeLessThanOrEqual(245);
      expect(c!.email).toBe('no-address@wordpress-import.invalid'); // longer than an address can be here; never shown anyway
      const [item] = await db.select({ notes: importItems.notes }).from(importItems).where(and(eq(importItems.source, 'https://big.example'), eq(importItems.kind, 'post')));
      expect(item!.notes.map((n) => n.code)).toEqual(expect.arrayContaining(['truncated']));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
