import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { articleOpenForComments } from './support/comments';
import { FIXTURES } from './support/helpers';

// The small things readers notice (issue 16): the document's language, the favicon, the footer,
// the phone's section bar, the way back from an older page, when comments close, and what an
// article page fetches behind the reader's back.

test.describe('the small things a reader notices', () => {
  test('the document is in the publication’s language (en-GB), not plain "en"', async ({ page }) => {
    await page.goto(`/${FIXTURES.sectionSlug}`);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-GB');
  });

  test('/favicon.ico is an icon, not a 404', async ({ request }) => {
    const res = await request.get('/favicon.ico');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toMatch(/^image\//);
    expect((await res.body()).length).toBeGreaterThan(0);
  });

  test('the footer names the paper once and still says who it is and where to read about it', async ({ page }) => {
    await page.goto('/');
    const footer = page.getByRole('contentinfo');
    const name = (await page.locator('.masthead__name').textContent())!.trim();
    const text = (await footer.textContent()) ?? '';
    expect(text.split(name).length - 1).toBe(1);
    await expect(footer.getByText(/independent daily/)).toBeVisible();
    const about = footer.getByRole('navigation', { name: 'About this site' });
    for (const link of ['About us', 'Corrections', 'Privacy']) await expect(about.getByRole('link', { name: link })).toBeVisible();
  });

  test('an older section page links back to the newest stories', async ({ page }) => {
    await page.goto(`/${FIXTURES.sectionSlug}`);
    const pager = page.getByRole('navigation', { name: 'Pages' });
    // The first page is the newest: no way "back" there.
    await expect(pager.getByRole('link', { name: 'Newest stories' })).toHaveCount(0);
    await pager.getByRole('link', { name: 'Older stories' }).click();
    await expect(page).toHaveURL(new RegExp(`/${FIXTURES.sectionSlug}/before/`));
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Newest stories' }).click();
    await expect(page).toHaveURL(new RegExp(`/${FIXTURES.sectionSlug}$`));
    await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Older stories' })).toBeVisible();
  });
});

test.describe('when comments close, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an open thread says when it closes, in the paper’s time zone', async ({ page, request }) => {
    await page.goto(await articleOpenForComments(request));
    const line = page.locator('#comments').getByText(/^Comments close on /);
    await expect(line).toBeVisible();
    // Europe/London: the zone is named, GMT or BST.
    await expect(line).toHaveText(/^Comments close on .*\d{4}.*\d{2}:\d{2} (GMT|BST|UTC)/);
    const closes = await line.locator('time').getAttribute('datetime');
    expect(new Date(closes!).getTime()).toBeGreaterThan(Date.now());
    await expect(page.getByText('Comments are closed')).toHaveCount(0);
  });

  test('a closed thread says it is closed and gives no closing date', async ({ page }) => {
    await page.goto(FIXTURES.oldArticlePath);
    await expect(page.locator('#comments').getByText('Comments are closed')).toBeVisible();
    await expect(page.getByText(/^Comments close on /)).toHaveCount(0);
  });
});

test.describe('an article page on a phone’s data', () => {
  test('prefetches none of its related stories, the other sections or its authors', async ({ page, request }) => {
    const prefetched: string[] = [];
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.searchParams.has('_rsc') || req.headers()['next-router-prefetch']) prefetched.push(url.pathname);
    });
    await page.goto(await articleOpenForComments(request));
    const related = page.getByRole('region', { name: 'Related stories' });
    await related.scrollIntoViewIfNeeded();
    const paths = (links: Element[]) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname);
    const cards = await related.getByRole('link').evaluateAll(paths);
    // The front page and the story's own section (its kicker) are the likely next pages, and may be.
    const ownSection = new URL(page.url()).pathname.split('/')[1];
    const sections = (await page.getByRole('navigation', { name: 'Sections' }).getByRole('link').evaluateAll(paths)).filter((p) => p !== '/' && p !== `/${ownSection}`);
    const authors = await page.locator('.byline a[rel="author"]').evaluateAll(paths);
    expect(cards.length, 'related story links').toBeGreaterThan(0);
    expect(sections.length, 'other sections in the masthead').toBeGreaterThan(0);
    // Author links are checked when the story has them: the newest open story may carry a
    // collective or wire byline, which links to no author page (another test may have just published one).
    const hrefs = [...cards, ...sections, ...authors];
    // Next prefetches a link once it is in view and the page is idle: give it the time to.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    expect(prefetched.filter((p) => hrefs.includes(p))).toEqual([]);
  });
});

/** The RGB of each pixel in a one-pixel-wide column at `x` of a strip of the page. */
async function column(page: Page, clip: { x: number; y: number; width: number; height: number }, x: number): Promise<number[]> {
  const png = await page.screenshot({ clip });
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const px = Math.min(info.width - 1, Math.round((x / clip.width) * info.width));
  const y = Math.floor(info.height / 2);
  const i = (y * info.width + px) * info.channels;
  return [0, 1, 2].map((c) => data[i + c] ?? 0);
}

test.describe('the section bar on a 360 px phone', () => {
  test('shows a shade at the edge while there is more to scroll, and none at the end', async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== 'phone', 'the bar only overflows on the phone');
    await page.goto('/');
    const bar = page.getByRole('navigation', { name: 'Sections' }).getByRole('list');
    const overflow = await bar.evaluate((ul) => ul.scrollWidth - ul.clientWidth);
    expect(overflow).toBeGreaterThan(0);
    const box = (await bar.boundingBox())!;
    // A strip along the top padding of the links, where no text is drawn.
    const strip = { x: box.x, y: box.y + 2, width: box.width, height: 3 };
    const paper = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const base = paper.match(/\d+/g)!.map(Number);
    const differs = (rgb: number[]) => rgb.reduce((sum, v, i) => sum + Math.abs(v - (base[i] ?? 0)), 0);

    // At the start: a shade at the right edge, none at the left.
    expect(differs(await column(page, strip, strip.width - 2))).toBeGreaterThan(20);
    expect(differs(await column(page, strip, 1))).toBeLessThan(6);

    // Scrolled to the end: the right edge is plain paper and the shade has moved to the left.
    await bar.evaluate((ul) => (ul.scrollLeft = ul.scrollWidth));
    expect(differs(await column(page, strip, strip.width - 2))).toBeLessThan(6);
    expect(differs(await column(page, strip, 1))).toBeGreaterThan(20);
  });
});
