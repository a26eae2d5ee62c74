import { expect, test, type Page } from '@playwright/test';
import { articleOpenForComments, fillComment, openIsland, signInAsEditor, uniqueEmail, useOwnAddress } from './support/comments';
import { FIXTURES } from './support/helpers';
import { createDraft, fillStandfirst, staffPage, waitSaved } from './support/newsroom';
import { allSitemaps, fetchFeed, fetchXml, jsonLdBlocks, SITE, sitePath, type SitemapUrl } from './support/seo';

// Sitemaps, the news sitemap, RSS feeds, robots.txt and the manifest, read with real XML and feed
// parsers and compared with what the reader pages show. Hidden articles (drafts, in review,
// scheduled, withdrawn, an old URL) must never appear. These do not depend on the viewport.

const ARTICLE = /^\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+$/;
const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** Article links of a listing page (section, author, topic), in order. */
async function listedArticles(page: Page, path: string): Promise<string[]> {
  await page.goto(path);
  // In page order: a section's top stories first (when it has them), then its list.
  return page.locator('ol.section-top__list > li, ol.card-list > li').evaluateAll((items) => items.map((li) => li.querySelector('h2 a, h3 a, a[href]')!.getAttribute('href')!));
}

function expectNothingHidden(text: string, what: string) {
  for (const slug of FIXTURES.unpublishedSlugs) expect(text.includes(`/${slug}`), `${what} lists unpublished ${slug}`).toBe(false);
  expect(text.includes(FIXTURES.withdrawnPath), `${what} lists the withdrawn article`).toBe(false);
  expect(text.includes(FIXTURES.movedOldPath), `${what} lists a moved article's old URL`).toBe(false);
}

test.describe('sitemaps @once', () => {
  test('the index names paginated child sitemaps of articles, sections, authors and topics, with lastmod', async ({ request }) => {
    const index = await fetchXml(request, '/sitemap.xml');
    const children = index.sitemapindex.sitemap as { loc: string; lastmod?: string }[];
    expect(children.map((c) => sitePath(c.loc).replace(/-\d+\.xml$/, ''))).toEqual(expect.arrayContaining(['/sitemaps/articles', '/sitemaps/sections', '/sitemaps/authors', '/sitemaps/tags']));
    for (const c of children) expect(c.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const all = await allSitemaps(request);
    for (const [path, urls] of all) expect(urls.length, path).toBeLessThanOrEqual(50_000);
  });

  test('article sitemap: every live article once, never a hidden one; lastmod and image match the page', async ({ request, page }) => {
    // Reads every child sitemap and opens eight pages: more than the default minute on a busy machine.
    test.slow();
    const all = await allSitemaps(request);
    const articles = [...all].filter(([p]) => p.startsWith('/sitemaps/articles-')).flatMap(([, urls]) => urls);
    const paths = articles.map((u) => sitePath(u.loc));
    expect(new Set(paths).size).toBe(paths.length);
    for (const p of paths) expect(p).toMatch(ARTICLE);
    expectNothingHidden(paths.join('\n'), 'the article sitemap');
    expect(paths).toContain(FIXTURES.movedCurrentPath);
    expect(paths).toContain(FIXTURES.correctedArticlePath);

    // Every story on the first page of the section listing is in the sitemap.
    for (const href of await listedArticles(page, `/${FIXTURES.sectionSlug}`)) expect(paths).toContain(href);

    // For a sample, the page answers 200 at that URL and agrees on canonical, date and image.
    const sample = [articles.find((u) => sitePath(u.loc) === FIXTURES.correctedArticlePath)!, ...articles.slice(0, 3), ...articles.slice(-3)];
    for (const entry of sample) {
      const path = sitePath(entry.loc);
      const res = await page.goto(path);
      expect(res!.status(), path).toBe(200);
      expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(entry.loc);
      // A live blog's page describes itself as a LiveBlogPosting, with the same dates.
      const a = (await jsonLdBlocks(page)).find((b) => b['@type'] === 'NewsArticle' || b['@type'] === 'LiveBlogPosting')!;
      expect(seconds(entry.lastmod!), `${path} lastmod = dateModified`).toBe(seconds(a.dateModified as string));
      const figure = page.locator('.article__figure img');
      const images = (entry['image:image'] ?? []).map((i) => sitePath(i['image:loc']));
      expect(images).toEqual((await figure.count()) ? [await figure.getAttribute('src')] : []);
    }
  });

  test('section, author and topic sitemaps list pages that exist; sections match the masthead', async ({ request, page }) => {
    const all = await allSitemaps(request);
    const of = (kind: string) => [...all].filter(([p]) => p.startsWith(`/sitemaps/${kind}-`)).flatMap(([, urls]) => urls.map((u: SitemapUrl) => sitePath(u.loc)));
    await page.goto('/');
    const nav = await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').evaluateAll((links) => links.map((l) => l.getAttribute('href')));
    expect(of('sections')).toEqual(nav.filter((h) => h !== '/'));
    expect(of('authors')).toContain(`/author/${FIXTURES.authorSlug}`);
    expect(of('tags')).toContain(`/tag/${FIXTURES.tagSlug}`);
    for (const path of [...of('authors').slice(0, 3), ...of('tags').slice(0, 3)]) {
      expect((await request.get(path)).status(), path).toBe(200);
    }
  });

  test('news sitemap: last 48 hours, at most 1,000, with publication name, language, date and title', async ({ request, page }) => {
    const doc = await fetchXml(request, '/news-sitemap.xml');
    const urls = (doc.urlset.url ?? []) as SitemapUrl[];
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.length).toBeLessThanOrEqual(1000);
    expectNothingHidden(urls.map((u) => u.loc).join('\n'), 'the news sitemap');
    await page.goto('/');
    const siteName = await page.locator('meta[property="og:site_name"]').getAttribute('content');
    for (const u of urls) {
      const news = u['news:news'] as { 'news:publication': { 'news:name': string; 'news:language': string }; 'news:publication_date': string; 'news:title': string };
      expect(news['news:publication']['news:name']).toBe(siteName);
      expect(news['news:publication']['news:language']).toMatch(/^[a-z]{2,3}(-[a-z]{2})?$/);
      expect(Date.now() - new Date(news['news:publication_date']).getTime()).toBeLessThanOrEqual(48 * 3600_000 + 600_000);
    }
    const first = urls[0]!;
    await page.goto(sitePath(first.loc));
    const news = first['news:news'] as { 'news:title': string; 'news:publication_date': string };
    expect(news['news:title']).toBe((await page.locator('h1').textContent())!.trim());
    expect(seconds(news['news:publication_date'])).toBe(seconds((await page.locator('.article__dates time').first().getAttribute('datetime'))!));
  });

  test('robots.txt allows the site, keeps crawlers out of the newsroom, API, previews and search, and names the sitemaps', async ({ request }) => {
    const res = await request.get('/robots.txt');
    expect(res.status()).toBe(200);
    const lines = (await res.text()).split('\n').map((l) => l.trim());
    expect(lines).toContain('User-Agent: *');
    expect(lines).toContain('Allow: /');
    for (const path of ['/dashboard', '/api/', '/preview', '/search']) expect(lines).toContain(`Disallow: ${path}`);
    expect(lines).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    expect(lines).toContain(`Sitemap: ${SITE}/news-sitemap.xml`);
  });
});

test.describe('feeds @once', () => {
  test('site feed: the latest 50 live stories, full content and image enclosure, as the pages show them', async ({ request, page }) => {
    const feed = await fetchFeed(request, '/feeds/all.xml');
    expect(feed.items.length).toBeGreaterThan(0);
    expect(feed.items.length).toBeLessThanOrEqual(50);
    expectNothingHidden(feed.items.map((i) => i.link).join('\n'), 'the site feed');

    // Newest first, and everything under "Latest news" on the front page is in it.
    const dates = feed.items.map((i) => new Date(i.isoDate!).getTime());
    expect([...dates].sort((a, b) => b - a)).toEqual(dates);
    await page.goto('/');
    const latest = await page.getByRole('region', { name: 'Latest news' }).getByRole('link').evaluateAll((links) => links.map((l) => l.getAttribute('href')!));
    const links = feed.items.map((i) => sitePath(i.link!));
    for (const href of latest.filter((h) => ARTICLE.test(h))) expect(links).toContain(href);

    // One item against its page: title, date, authors, body text and image.
    const item = feed.items.find((i) => i.enclosure) ?? feed.items[0]!;
    await page.goto(sitePath(item.link!));
    expect(item.title).toBe((await page.locator('h1').textContent())!.trim());
    expect(seconds(item.isoDate!)).toBe(seconds((await page.locator('.article__dates time').first().getAttribute('datetime'))!));
    const firstParagraph = (await page.locator('.article-body p').first().textContent())!.trim();
    const content = ((item as unknown as Record<string, string>)['content:encoded'] ?? '').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    expect(content).toContain(firstParagraph);
    if (item.enclosure) {
      expect(sitePath(item.enclosure.url)).toBe(await page.locator('.article__figure img').getAttribute('src'));
      const image = await request.get(sitePath(item.enclosure.url));
      expect(Number(item.enclosure.length)).toBe((await image.body()).length);
      expect(item.enclosure.type).toBe(image.headers()['content-type']?.split(';')[0]);
    }
  });

  test('section, author and topic feeds follow their listing pages, newest first', async ({ request, page }) => {
    for (const [feedPath, pagePath] of [
      [`/feeds/section/${FIXTURES.sectionSlug}.xml`, `/${FIXTURES.sectionSlug}`],
      [`/feeds/author/${FIXTURES.authorSlug}.xml`, `/author/${FIXTURES.authorSlug}`],
      [`/feeds/tag/${FIXTURES.tagSlug}.xml`, `/tag/${FIXTURES.tagSlug}`],
    ]) {
      const feed = await fetchFeed(request, feedPath!);
      const feedPaths = feed.items.map((i) => sitePath(i.link!));
      const listed = await listedArticles(page, pagePath!);
      // The feed is newest first. A section's page leads with its top stories, which an editor may
      // have pinned out of date order (another spec does, at times); its list after them is newest
      // first. So: the list keeps the feed's order, and every item the feed has up to the list's
      // last is on the page, in the top stories or the list.
      const list = await page.locator('ol.card-list > li').evaluateAll((items) => items.map((li) => li.querySelector('h2 a, h3 a, a[href]')!.getAttribute('href')!));
      expect(list.length, `${pagePath} lists stories`).toBeGreaterThan(0);
      const positions = list.map((href) => feedPaths.indexOf(href));
      expect(positions.every((at, i) => at >= 0 && (i === 0 || at > positions[i - 1]!)), `${feedPath} keeps the order of ${pagePath}: ${positions.join(', ')}`).toBe(true);
      expect(feedPaths.slice(0, (positions.at(-1) ?? -1) + 1).filter((href) => !listed.includes(href)), `${feedPath} items missing from ${pagePath}`).toEqual([]);
      expect(feed.link).toBe(`${SITE}${pagePath}`);
      expect(await page.locator(`link[rel="alternate"][href="${SITE}${feedPath}"]`).count(), `${pagePath} advertises ${feedPath}`).toBe(1);
    }
    expect((await request.get('/feeds/section/no-such-section.xml')).status()).toBe(404);
  });

  test('comments feed: approved comments only, as many as the page counts, never an e-mail address', async ({ request, page }) => {
    const slug = FIXTURES.correctedArticlePath.split('/').at(-1);
    const res = await request.get(`/feeds/comments/${slug}.xml`);
    const text = await res.text();
    expect(text).not.toMatch(/[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/i);
    const feed = await fetchFeed(request, `/feeds/comments/${slug}.xml`);
    await page.goto(FIXTURES.correctedArticlePath);
    const count = Number((await page.locator('#comments-heading').textContent())!.match(/\d+/)?.[0] ?? 0);
    expect(feed.items.length).toBe(Math.min(count, 50));
    for (const item of feed.items) expect(item.link!.startsWith(`${SITE}${FIXTURES.correctedArticlePath}#comment-`)).toBe(true);
    expect((await request.get(`/feeds/comments/${FIXTURES.withdrawnPath.split('/').at(-1)}.xml`)).status()).toBe(404);
  });

  test("a feed reader shows a standfirst's and a commenter's markup as the characters typed, never as HTML", async ({ browser, page, request }) => {
    // A newsroom browser publishes, a reader comments, an editor approves: three browsers on two cores.
    test.slow();
    const stamp = Date.now().toString(36);
    const standfirst = `Fish & <b>chips</b> ${stamp}`;
    const typed = `<script>alert(1)</script> & <i>x</i> ${stamp}`;

    const newsroom = await staffPage(browser, 'editor');
    const headline = `Feed escaping check ${stamp}`;
    await createDraft(newsroom, headline);
    await fillStandfirst(newsroom, standfirst);
    await waitSaved(newsroom);
    await newsroom.getByRole('button', { name: 'Publish now' }).click();
    await expect(newsroom.getByText('Published.', { exact: true })).toBeVisible();
    const articlePath = (await newsroom.getByRole('link', { name: 'View live' }).getAttribute('href'))!;
    await newsroom.context().close();

    // The comment goes on an article that already has a thread, so the new story stays comment-free
    // for the comment specs that pick "the first article with comments" from the front page.
    const commented = await articleOpenForComments(request);
    await useOwnAddress(page.context());
    await page.goto(commented);
    await openIsland(page);
    await fillComment(page, { name: 'Anon Feedreader', email: uniqueEmail('feed'), comment: typed });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'awaiting moderation' })).toBeVisible();
    const editorContext = await browser.newContext();
    const editor = await editorContext.newPage();
    await signInAsEditor(editor);
    await editor.goto(`/dashboard/comments?status=pending&q=${encodeURIComponent(stamp)}`);
    await editor.getByRole('listitem').filter({ hasText: stamp }).getByRole('button', { name: 'Approve comment by Anon Feedreader' }).click();
    await expect(editor.getByRole('status').filter({ hasText: '1 comment approved.' })).toBeVisible();
    await editorContext.close();

    // What a feed reader does with <description>: parse it as HTML and show its text. The browser's
    // own HTML parser is the judge: no element may come out of it, and its text is what was typed.
    const asHtml = (html: string) =>
      page.evaluate((h) => {
        const body = new DOMParser().parseFromString(h, 'text/html').body;
        return { elements: body.querySelectorAll('*').length, text: body.textContent };
      }, html);
    const feeds: [string, string, string][] = [
      ['/feeds/all.xml', articlePath, standfirst],
      [`/feeds/section/${articlePath.split('/')[1]}.xml`, articlePath, standfirst],
      [`/feeds/comments/${commented.split('/').at(-1)}.xml`, commented, typed],
    ];
    for (const [feedPath, linkPath, text] of feeds) {
      let item: Awaited<ReturnType<typeof fetchFeed>>['items'][number] | undefined;
      await expect
        .poll(async () => (item = (await fetchFeed(request, feedPath)).items.find((i) => sitePath(i.link!).startsWith(linkPath) && (i.content ?? '').includes(stamp))), { message: `${feedPath} carries the item`, timeout: 10_000 })
        .toBeTruthy();
      expect(await asHtml(item!.content!), `${feedPath} <description>`).toEqual({ elements: 0, text });
      expect(await asHtml((item as unknown as Record<string, string>)['content:encoded']!), `${feedPath} <content:encoded>`).toMatchObject({ text: expect.stringContaining(text) });
    }
  });

  test('answers 304 to a reader that already has the current version', async ({ request }) => {
    for (const path of ['/feeds/all.xml', '/sitemap.xml', '/news-sitemap.xml']) {
      const first = await request.get(path);
      const etag = first.headers().etag!;
      const lastModified = first.headers()['last-modified']!;
      expect(etag, path).toMatch(/^(W\/)?"[^"]+"$/);
      expect(new Date(lastModified).getTime()).not.toBeNaN();
      const again = await request.get(path, { headers: { 'If-None-Match': etag } });
      expect(again.status(), `${path} with If-None-Match`).toBe(304);
      expect((await again.body()).length).toBe(0);
      expect((await request.get(path, { headers: { 'If-Modified-Since': lastModified } })).status(), `${path} with If-Modified-Since`).toBe(304);
      expect((await request.get(path, { headers: { 'If-None-Match': '"something-else"' } })).status()).toBe(200);
    }
  });
});

test.describe('install and share @once', () => {
  test('a web app manifest with icons that exist, a theme colour, and icons in the head', async ({ request, page }) => {
    await page.goto('/');
    expect(await page.locator('link[rel="manifest"]').getAttribute('href')).toBe('/manifest.webmanifest');
    expect(await page.locator('meta[name="theme-color"]').count()).toBeGreaterThan(0);
    expect(await page.locator('link[rel="icon"]').count()).toBeGreaterThan(0);
    expect(await page.locator('link[rel="apple-touch-icon"]').count()).toBe(1);
    const manifest = await (await request.get('/manifest.webmanifest')).json();
    expect(manifest.name).toBe(await page.locator('meta[property="og:site_name"]').getAttribute('content'));
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.start_url).toBe('/');
    for (const icon of manifest.icons as { src: string; sizes: string; type: string }[]) {
      const res = await request.get(icon.src);
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()['content-type']).toBe(icon.type);
    }
    expect((manifest.icons as { sizes: string }[]).map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  });
});
