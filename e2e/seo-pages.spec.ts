import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { FIXTURES } from './support/helpers';
import { blockOfType, headTags, jsonLdBlocks, rawGet, SITE, sitePath, type JsonLd } from './support/seo';

// What search engines read from each kind of page: the head (one canonical from SITE_URL, Open
// Graph, Twitter, robots, feed links), one h1, and JSON-LD whose required properties have the
// right types and agree with what the page shows.

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

async function expectCommonHead(page: Page, path: string, { index = true } = {}) {
  const head = await headTags(page);
  expect(head.canonicals, 'exactly one canonical link').toHaveLength(1);
  expect(head.canonicals[0]).toBe(path === '/' ? SITE : `${SITE}${path}`);
  expect(head.ogUrl).toBe(head.canonicals[0]);
  expect(head.title).toMatch(/ – /);
  expect(head.description?.length ?? 0).toBeGreaterThan(10);
  expect(head.ogTitle).toBeTruthy();
  expect(head.ogSiteName).toBeTruthy();
  expect(head.ogImage?.startsWith(`${SITE}/`)).toBe(true);
  expect(Number(head.ogImageWidth)).toBeGreaterThanOrEqual(1200);
  expect(head.twitterCard).toBe('summary_large_image');
  expect(head.twitterImage).toBe(head.ogImage);
  if (index) {
    expect(head.robots).toContain('index');
    expect(head.robots).not.toContain('noindex');
    expect(head.robots).toContain('max-image-preview:large');
  } else {
    expect(head.robots).toContain('noindex');
  }
  expect(head.feeds.map((f) => f.href)).toContain(`${SITE}/feeds/all.xml`);
  await expect(page.locator('h1'), 'one h1').toHaveCount(1);
  return head;
}

/** The image answered at an absolute URL of ours: its type and pixel size. */
async function imageAt(page: Page, url: string) {
  const res = await page.request.get(sitePath(url));
  expect(res.status(), url).toBe(200);
  const info = await sharp(await res.body()).metadata();
  return { type: res.headers()['content-type'], width: info.width, height: info.height };
}

const isUrl = (v: unknown) => typeof v === 'string' && v.startsWith(`${SITE}/`);

test.describe('structured data and head, per page type', () => {
  test('front page: WebSite with a SearchAction, the publisher with policies that exist', async ({ page }) => {
    await page.goto('/');
    const head = await expectCommonHead(page, '/');
    const blocks = await jsonLdBlocks(page);
    const site = blockOfType(blocks, 'WebSite');
    expect(site.url).toBe(`${SITE}/`);
    expect(site.name).toBe(head.ogSiteName);
    const action = site.potentialAction as { '@type': string; target: { urlTemplate: string }; 'query-input': string };
    expect(action['@type']).toBe('SearchAction');
    expect(action.target.urlTemplate).toBe(`${SITE}/search?q={search_term_string}`);
    expect(action['query-input']).toBe('required name=search_term_string');

    const org = blockOfType(blocks, 'NewsMediaOrganization');
    expect(org.name).toBe(head.ogSiteName);
    const logo = org.logo as { url: string; width: number; height: number };
    expect(await imageAt(page, logo.url)).toEqual({ type: 'image/png', width: logo.width, height: logo.height });
    for (const key of ['publishingPrinciples', 'correctionsPolicy', 'ethicsPolicy', 'masthead']) {
      expect(isUrl(org[key]), key).toBe(true);
      const res = await page.request.get(sitePath(org[key] as string));
      expect(res.status(), `${key} page exists`).toBe(200);
    }
  });

  test('article: NewsArticle with three image crops, people, dates and topics as the page shows them; breadcrumbs', async ({ page }) => {
    await page.goto(FIXTURES.correctedArticlePath);
    const head = await expectCommonHead(page, FIXTURES.correctedArticlePath);
    expect(head.ogType).toBe('article');
    const feedHrefs = head.feeds.map((f) => f.href);
    expect(feedHrefs).toContain(`${SITE}/feeds/comments/${FIXTURES.correctedArticlePath.split('/').at(-1)}.xml`);
    expect(feedHrefs).toContain(`${SITE}/feeds/section/${FIXTURES.correctedArticlePath.split('/')[1]}.xml`);

    const blocks = await jsonLdBlocks(page);
    const a = blockOfType(blocks, 'NewsArticle');
    expect(a.headline).toBe((await page.locator('h1').textContent())!.trim());
    expect(a.url).toBe(head.canonicals[0]);
    expect((a.mainEntityOfPage as JsonLd)['@id']).toBe(a.url);
    expect(a.description).toBe(head.description);
    expect(a.datePublished).toMatch(ISO);
    expect(a.dateModified).toMatch(ISO);
    expect(new Date(a.dateModified as string).getTime()).toBeGreaterThanOrEqual(new Date(a.datePublished as string).getTime());
    expect(await page.locator('.article__dates time').first().getAttribute('datetime')).toBe(a.datePublished);
    expect(a.articleSection).toBe((await page.locator('.kicker a').first().textContent())!.trim());
    expect(a.isAccessibleForFree).toBe(true);
    expect(a.inLanguage).toMatch(/^[a-z]{2}(-[A-Z]{2})?$/);

    // Authors: the byline's people, with their profile pages.
    const byline = await page.locator('.byline a').evaluateAll((links) => links.map((l) => ({ name: l.textContent!.trim(), href: l.getAttribute('href') })));
    const authors = a.author as { '@type': string; name: string; url: string }[];
    expect(authors.map((p) => p['@type'])).toEqual(byline.map(() => 'Person'));
    expect(authors.map((p) => [p.name, sitePath(p.url)])).toEqual(byline.map((b) => [b.name, b.href]));

    // Keywords: the topics listed under the story.
    const topics = await page.getByRole('navigation', { name: 'Topics' }).getByRole('link').allTextContents();
    expect(a.keywords).toEqual(topics.map((t) => t.trim()));

    // Publisher with a logo; corrections shown on the page.
    const publisher = a.publisher as JsonLd;
    expect(publisher['@type']).toBe('NewsMediaOrganization');
    expect(isUrl((publisher.logo as { url: string }).url)).toBe(true);
    const corrections = a.correction as { '@type': string; text: string; datePublished: string }[];
    expect(corrections.length).toBeGreaterThan(0);
    for (const c of corrections) {
      expect(c['@type']).toBe('CorrectionComment');
      expect(c.datePublished).toMatch(ISO);
      await expect(page.getByText(c.text, { exact: false }).first()).toBeVisible();
    }

    // Images: 16:9, 4:3 and 1:1, each really that size and over Google's 50,000 pixels; the wide one
    // at least 1200 px across for large previews. The demo's raster pictures are 1200 px wide, so
    // the square and 4:3 crops are as tall as the picture and never scaled up past it.
    const images = a.image as { '@type': string; url: string; width: number; height: number }[];
    expect(images.map((i) => Math.round((i.width / i.height) * 100) / 100).sort()).toEqual([1, 1.33, 1.78]);
    expect(Math.max(...images.map((i) => i.width))).toBeGreaterThanOrEqual(1200);
    for (const img of images) {
      expect(img.width * img.height).toBeGreaterThanOrEqual(50_000);
      expect(await imageAt(page, img.url)).toEqual({ type: 'image/jpeg', width: img.width, height: img.height });
    }
    expect(await imageAt(page, head.ogImage!)).toMatchObject({ width: Number(head.ogImageWidth), height: Number(head.ogImageHeight) });

    const crumbs = blockOfType(blocks, 'BreadcrumbList').itemListElement as { position: number; name: string; item: string }[];
    expect(crumbs.map((c) => c.position)).toEqual([1, 2, 3]);
    expect(crumbs.map((c) => sitePath(c.item))).toEqual(['/', `/${FIXTURES.correctedArticlePath.split('/')[1]}`, FIXTURES.correctedArticlePath]);
    expect(crumbs[2]!.name).toBe(a.headline);
  });

  test('wire story: the collective byline as an Organization, agencies as sourceOrganization and creditText', async ({ page }) => {
    await page.goto(FIXTURES.wireArticlePath);
    await expectCommonHead(page, FIXTURES.wireArticlePath);
    const a = blockOfType(await jsonLdBlocks(page), 'NewsArticle');
    const [author] = a.author as { '@type': string; name: string }[];
    expect(author!['@type']).toBe('Organization');
    expect(author!.name).toBe((await page.locator('.byline').textContent())!.trim());
    const credit = (await page.locator('.wire-credit').textContent())!.trim();
    expect(a.creditText).toBe(credit);
    const agencies = (a.sourceOrganization as { '@type': string; name: string }[]).map((o) => o.name);
    expect(agencies.length).toBeGreaterThan(0);
    for (const agency of agencies) expect(credit).toContain(agency);
  });

  test('section and topic: CollectionPage listing the stories the page lists, in order', async ({ page }) => {
    for (const path of [`/${FIXTURES.sectionSlug}`, `/tag/${FIXTURES.tagSlug}`]) {
      await page.goto(path);
      await expectCommonHead(page, path);
      const cp = blockOfType(await jsonLdBlocks(page), 'CollectionPage');
      expect(cp.url).toBe(`${SITE}${path}`);
      expect(cp.name).toBe((await page.locator('h1').textContent())!.trim());
      // In page order: a section's top stories first (when it has them), then its list.
      const listed = await page.locator('ol.section-top__list > li, ol.card-list > li').evaluateAll((items) => items.map((li) => li.querySelector('h2 a, h3 a, a')!.getAttribute('href')));
      const items = (cp.mainEntity as { itemListElement: { position: number; url: string }[] }).itemListElement;
      expect(items.map((i) => sitePath(i.url))).toEqual(listed);
      expect(items.map((i) => i.position)).toEqual(listed.map((_, i) => i + 1));
    }
  });

  test('older page of a section: its own canonical, and its own list', async ({ page }) => {
    await page.goto(`/${FIXTURES.sectionSlug}`);
    const older = await page.getByRole('link', { name: 'Older stories' }).getAttribute('href');
    expect(older).toMatch(/\/before\//);
    await page.goto(older!);
    await expectCommonHead(page, older!);
    const cp = blockOfType(await jsonLdBlocks(page), 'CollectionPage');
    expect(cp.url).toBe(`${SITE}${older}`);
  });

  test('author: ProfilePage about a Person', async ({ page }) => {
    const path = `/author/${FIXTURES.authorSlug}`;
    await page.goto(path);
    const head = await expectCommonHead(page, path);
    expect(head.feeds.map((f) => f.href)).toContain(`${SITE}/feeds/author/${FIXTURES.authorSlug}.xml`);
    const profile = blockOfType(await jsonLdBlocks(page), 'ProfilePage');
    const person = profile.mainEntity as { '@type': string; name: string; url: string; jobTitle?: string };
    expect(person['@type']).toBe('Person');
    expect(person.name).toBe((await page.locator('h1').textContent())!.trim());
    expect(sitePath(person.url)).toBe(path);
    expect(JSON.stringify(profile)).not.toMatch(/@[a-z0-9-]+\.[a-z]/i);
  });

  test('fixed pages: the policies the publisher names, indexable, with the organisation', async ({ page }) => {
    for (const path of ['/about', '/standards', '/corrections-policy', '/ethics', '/corrections', '/privacy']) {
      await page.goto(path);
      await expectCommonHead(page, path);
      blockOfType(await jsonLdBlocks(page), 'NewsMediaOrganization');
    }
  });

  test('withdrawn article: 410, noindex, no structured data of the story', async ({ page }) => {
    const res = await page.goto(FIXTURES.withdrawnPath);
    expect(res!.status()).toBe(410);
    // Next adds its own noindex for an error status, besides ours: every one must say noindex.
    const robots = await page.locator('meta[name="robots"]').evaluateAll((els) => els.map((e) => e.getAttribute('content') ?? ''));
    expect(robots.length).toBeGreaterThan(0);
    for (const r of robots) expect(r).toContain('noindex');
    expect((await jsonLdBlocks(page)).map((b) => b['@type'])).not.toContain('NewsArticle');
  });
});

test.describe('kept out of search engines @once', () => {
  test('search results, sign-in and the newsroom are noindex', async ({ request }) => {
    for (const path of ['/search?q=harbour', '/signin', '/dashboard']) {
      const res = await request.get(path);
      const html = await res.text();
      const robots = /<meta name="robots" content="([^"]+)"/.exec(html)?.[1] ?? '';
      expect(robots, path).toContain('noindex');
    }
  });
});

test.describe('a poisoned Host header changes no URL @once', () => {
  test('pages, feeds, sitemaps, robots.txt and the manifest name only SITE_URL', async ({ request, baseURL }) => {
    const paths = [
      '/',
      `/${FIXTURES.sectionSlug}`,
      FIXTURES.correctedArticlePath,
      `/author/${FIXTURES.authorSlug}`,
      `/tag/${FIXTURES.tagSlug}`,
      '/about',
      '/feeds/all.xml',
      `/feeds/section/${FIXTURES.sectionSlug}.xml`,
      `/feeds/comments/${FIXTURES.correctedArticlePath.split('/').at(-1)}.xml`,
      '/sitemap.xml',
      '/sitemaps/articles-1.xml',
      '/news-sitemap.xml',
      '/robots.txt',
      '/manifest.webmanifest',
      FIXTURES.movedOldPath,
    ];
    // Topic pages nobody has visited yet, so they are rendered for the poisoned request itself.
    const tags = (await (await request.get('/sitemaps/tags-1.xml')).text()).match(/<loc>[^<]+<\/loc>/g) ?? [];
    paths.push(...tags.slice(-3).map((l) => sitePath(l.slice(5, -6))));
    const poison = { Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https', Forwarded: 'host=evil.example;proto=https' };
    for (const path of paths) {
      const res = await rawGet(baseURL!, path, poison);
      expect(res.status, path).toBeLessThan(500);
      expect(res.body.includes('evil.example'), `${path} body names the poisoned host`).toBe(false);
      expect(String(res.headers.location ?? ''), `${path} Location`).not.toContain('evil.example');
      // Nor the address the server really listens on: URLs come from SITE_URL, not the socket.
      const listening = new URL(baseURL!).host;
      if (!SITE.includes(listening)) expect(res.body.includes(listening), `${path} names ${listening}`).toBe(false);
    }
  });
});

test.describe('without SITE_URL, the address the server listens on @once', () => {
  test('a reader page and its feed links name the test server’s own port, not 3000', async ({ page, baseURL }) => {
    // The e2e server is started on E2E_PORT with no SITE_URL (e2e/support/web-server.mjs); a run
    // that sets SITE_URL is checked against it by the head tests above instead.
    test.skip(Boolean(process.env.SITE_URL?.trim()), 'SITE_URL is set for this run');
    await page.goto(FIXTURES.correctedArticlePath);
    const head = await headTags(page);
    expect(head.canonicals).toEqual([`${baseURL}${FIXTURES.correctedArticlePath}`]);
    expect(head.feeds.map((f) => f.href)).toContain(`${baseURL}/feeds/all.xml`);
  });
});
