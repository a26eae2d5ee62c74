import { expect, test, type APIRequestContext } from '@playwright/test';
import { signInAsEditor } from './support/comments';
import { FIXTURES } from './support/helpers';
import { SITE, sitePath } from './support/seo';

// An editor withdraws a story in the newsroom: on the very next request (no waiting) it is gone
// from the sitemap, the news sitemap and every feed, and its address answers 410. Republishing
// brings it back the same way. The story picked is one no other spec depends on.

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
const links = (xml: string) => [...xml.matchAll(/<item><title>[^<]*<\/title><link>([^<]+)<\/link>/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

async function articleSitemap(request: APIRequestContext): Promise<string[]> {
  const index = await (await request.get('/sitemap.xml')).text();
  const children = locs(index).filter((l) => l.includes('/sitemaps/articles-'));
  const out: string[] = [];
  for (const child of children) out.push(...locs(await (await request.get(sitePath(child))).text()).map(sitePath));
  return out;
}

async function everywhere(request: APIRequestContext, path: string, sectionSlug: string, authorSlugs: string[]) {
  const url = `${SITE}${path}`;
  const feeds = [`/feeds/all.xml`, `/feeds/section/${sectionSlug}.xml`, ...authorSlugs.map((a) => `/feeds/author/${a}.xml`)];
  const found: Record<string, boolean> = { sitemap: (await articleSitemap(request)).includes(path), 'news sitemap': locs(await (await request.get('/news-sitemap.xml')).text()).includes(url) };
  for (const feed of feeds) found[feed] = links(await (await request.get(feed)).text()).includes(url);
  return found;
}

test('a withdrawn story leaves the sitemaps and feeds at once and answers 410; republished, it is back @once', async ({ page, request }) => {
  // A story past the newest 50 (so the front page and the site feed other specs read stay put),
  // not a fixture, not in the fixture section, by the fixture author or on the fixture topic.
  const newest = new Set(links(await (await request.get('/feeds/all.xml')).text()).map(sitePath));
  const all = await articleSitemap(request);
  const fixtures = new Set<string>([FIXTURES.correctedArticlePath, FIXTURES.wireArticlePath, FIXTURES.oldArticlePath, FIXTURES.movedCurrentPath]);
  let target: { path: string; headline: string; sectionSlug: string; authorSlugs: string[] } | null = null;
  for (const path of all.slice(3, -3)) {
    const sectionSlug = path.split('/')[1]!;
    if (newest.has(path) || fixtures.has(path) || sectionSlug === FIXTURES.sectionSlug) continue;
    const html = await (await request.get(path)).text();
    const authorSlugs = [...html.matchAll(/href="\/author\/([a-z0-9-]+)" rel="author"/g)].map((m) => m[1]!);
    if (authorSlugs.includes(FIXTURES.authorSlug) || html.includes(`href="/tag/${FIXTURES.tagSlug}"`)) continue;
    const headline = /<h1 class="article__headline">([^<]+)<\/h1>/.exec(html)?.[1];
    if (headline && !/&/.test(headline)) {
      target = { path, headline, sectionSlug, authorSlugs };
      break;
    }
  }
  expect(target, 'a story no other spec depends on').not.toBeNull();
  const { path, headline, sectionSlug, authorSlugs } = target!;
  const listed = await everywhere(request, path, sectionSlug, authorSlugs);
  expect(listed.sitemap).toBe(true);
  expect(listed[`/feeds/section/${sectionSlug}.xml`]).toBe(true);

  await signInAsEditor(page);
  await page.goto(`/dashboard/articles?q=${encodeURIComponent(headline)}`);
  await page.getByRole('link', { name: headline, exact: true }).click();
  await page.getByRole('button', { name: 'Withdraw…' }).click();
  await page.getByLabel(/Reason for withdrawal/).fill('Withdrawn for a legal check.');
  await page.getByRole('button', { name: 'Withdraw the story' }).click();
  await expect(page.getByText('Withdrawn: readers now get')).toBeVisible();

  // The very next requests, without waiting: gone everywhere.
  expect((await request.get(path, { maxRedirects: 0 })).status()).toBe(410);
  const gone = await everywhere(request, path, sectionSlug, authorSlugs);
  expect(Object.entries(gone).filter(([, present]) => present), 'still listing the withdrawn story').toEqual([]);

  // Republished: back at the same address, in the sitemap and its section's feed.
  await page.getByRole('button', { name: 'Republish' }).click();
  const anyway = page.getByRole('button', { name: /anyway|override/i });
  await expect(page.getByText('Published.').or(anyway)).toBeVisible();
  if (await anyway.isVisible()) {
    await anyway.click();
    await expect(page.getByText('Published.')).toBeVisible();
  }
  expect((await request.get(path, { maxRedirects: 0 })).status()).toBe(200);
  const back = await everywhere(request, path, sectionSlug, authorSlugs);
  expect(back.sitemap).toBe(true);
  expect(back[`/feeds/section/${sectionSlug}.xml`]).toBe(true);
});
