import { expect, test, type Page } from '@playwright/test';
import { LIVE_BLOG_STORY } from '../db/seed-live-blog';
import { expectNoSeriousA11yViolations } from './support/helpers';
import { staffPage, unique } from './support/newsroom';

// The live blog as a reporter and a reader meet it: the reporter posts, edits and deletes from the
// newsroom's composer while a reader's page (another browser context) shows a "new updates" button
// and then the entries, with nothing moving under the reader; a hidden tab asks nothing; without
// JavaScript the whole blog is there. The tests that post run once (desktop): the demo has one
// live blog, and the phone project would otherwise post into the same blog at the same time.

/**
 * The demo's live blog: linked from the front page while it is among the newest stories; once the
 * other specs have published newer ones in News, found through its own feed's link instead.
 */
async function liveBlogPath(page: Page): Promise<string> {
  await page.goto('/');
  const link = page.getByRole('link', { name: LIVE_BLOG_STORY.headline }).first();
  if ((await link.count()) > 0) return (await link.getAttribute('href'))!;
  const feed = await (await page.request.get(`/feeds/live/${LIVE_BLOG_STORY.slug}.xml`)).text();
  const href = /<link>https?:\/\/[^/<]+(\/[^<]+)<\/link>/.exec(feed)?.[1];
  expect(href, 'the live blog’s feed links to it').toBeTruthy();
  return href!;
}

/** Sums layout shifts not caused by the reader's own input (the CLS rule), from page load on. */
async function watchLayoutShifts(page: Page) {
  await page.addInitScript(() => {
    (window as unknown as { __shift: number }).__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) (window as unknown as { __shift: number }).__shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}
const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { __shift: number }).__shift);

async function setVisibility(page: Page, state: 'hidden' | 'visible') {
  await page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => s === 'hidden' });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

async function openDesk(reporter: Page) {
  await reporter.goto('/dashboard/live');
  await reporter.getByRole('link', { name: LIVE_BLOG_STORY.headline }).click();
  await expect(reporter.getByRole('heading', { name: 'Post an update' })).toBeVisible();
}

async function typeEntry(page: Page, text: string) {
  const body = page.getByTestId('body-editor');
  await body.click();
  await page.keyboard.type(text);
}

test.describe('live blog @once', () => {
  test('a reporter posts, edits and deletes; the reader sees a "new updates" button, then the entry, and nothing moves', async ({ browser }) => {
    const readerContext = await browser.newContext();
    const reader = await readerContext.newPage();
    await watchLayoutShifts(reader);
    const path = await liveBlogPath(reader);
    await reader.goto(path);
    await expect(reader.getByText('Live: new updates will appear here.')).toBeVisible();
    // Reading halfway down the blog.
    await reader.locator('article.live-entry').filter({ hasText: 'Thousands without power' }).scrollIntoViewIfNeeded();
    const before = await layoutShift(reader);

    const reporter = await staffPage(browser, 'author');
    await openDesk(reporter);
    const words = unique('The coastguard reports the yacht is clear of the rocks');
    await typeEntry(reporter, words);
    await reporter.getByRole('button', { name: 'Post update' }).click();
    await expect(reporter.getByRole('status').filter({ hasText: 'Posted.' })).toBeVisible();
    // The composer is empty again, ready for the next entry.
    await expect(reporter.getByTestId('body-editor')).not.toContainText(words);

    // The reader is told, politely, and the entry waits behind the button.
    const button = reader.getByRole('button', { name: /^\d+ new updates?$/ });
    await expect(button).toBeVisible({ timeout: 20_000 });
    await expect(reader.locator('.live-blog__bar')).toHaveAttribute('aria-live', 'polite');
    await expect(reader.getByText(words)).toHaveCount(0);
    expect(await layoutShift(reader)).toBeLessThan(before + 0.001);

    await button.click();
    const entry = reader.locator('article.live-entry').filter({ hasText: words });
    await expect(entry).toBeVisible();
    await expect(entry).toBeFocused();
    await expect(reader.getByText('Live: new updates will appear here.')).toBeVisible();
    expect(await layoutShift(reader)).toBeLessThan(before + 0.001);

    // An edit reaches the reader in place, without a click.
    const item = reporter.getByRole('listitem').filter({ hasText: words });
    await item.getByRole('link', { name: /^Edit the entry/ }).click();
    await expect(reporter.getByRole('heading', { name: 'Edit this entry' })).toBeVisible();
    await reporter.getByTestId('body-editor').click();
    await reporter.keyboard.press('End');
    await reporter.keyboard.type(' and towed back to the harbour.');
    await reporter.getByRole('button', { name: 'Save entry' }).click();
    await reporter.waitForURL(/\/dashboard\/live\/\d+#entry-\d+$/);
    await expect(entry).toContainText('towed back to the harbour', { timeout: 20_000 });
    await expect(entry).toContainText('Edited');

    // Taking it back removes its words from the reader's page at once; its room stays, so
    // nothing after it moves, until the reader next asks for updates.
    const beforeDelete = await layoutShift(reader);
    await reporter
      .getByRole('listitem')
      .filter({ hasText: words })
      .getByRole('button', { name: /^Delete the entry/ })
      .click();
    await expect(reporter.getByRole('status').filter({ hasText: 'Entry deleted.' })).toBeVisible();
    await expect(reader.getByText(words)).toHaveCount(0, { timeout: 20_000 });
    await expect(reader.getByText('This update was removed.')).toBeVisible();
    expect(await layoutShift(reader)).toBeLessThan(beforeDelete + 0.001);

    await reporter.context().close();
    await readerContext.close();
  });

  test('two reporters at one desk: a colleague’s entry appears without a reload, and the half-written entry stays', async ({ browser }) => {
    const first = await staffPage(browser, 'author');
    const second = await staffPage(browser, 'editor');
    await openDesk(first);
    await openDesk(second);
    const draft = unique('Half-written: the harbour master says');
    await typeEntry(first, draft);

    const words = unique('Ferry services resume from the north quay');
    await typeEntry(second, words);
    await second.getByRole('button', { name: 'Post update' }).click();
    await expect(second.getByRole('status').filter({ hasText: 'Posted.' })).toBeVisible();

    // The first desk shows it by itself, and says so, politely.
    await expect(first.getByRole('listitem').filter({ hasText: words })).toBeVisible({ timeout: 20_000 });
    await expect(first.getByRole('status').filter({ hasText: 'with colleagues’ changes' })).toBeVisible();
    await expect(first.getByTestId('body-editor')).toContainText(draft);

    // Tidy up: the demo blog is shared by the other tests.
    await second.reload();
    await second
      .getByRole('listitem')
      .filter({ hasText: words })
      .getByRole('button', { name: /^Delete the entry/ })
      .click();
    await expect(second.getByRole('status').filter({ hasText: 'Entry deleted.' })).toBeVisible();
    await first.context().close();
    await second.context().close();
  });

  test('the desk passes axe; the composer refuses an empty entry with a message and keeps the title typed', async ({ browser }) => {
    const reporter = await staffPage(browser, 'author');
    await openDesk(reporter);
    await expectNoSeriousA11yViolations(reporter, 'the live blog desk');
    await reporter.getByLabel(/^Title/).fill('Lifeboat launched');
    await reporter.getByRole('button', { name: 'Post update' }).click();
    await expect(reporter.getByRole('status').filter({ hasText: /empty/ })).toBeVisible();
    await expect(reporter.getByLabel(/^Title/)).toHaveValue('Lifeboat launched');
    await reporter.context().close();
  });

  test('a hidden tab asks for nothing; it asks again as soon as it is visible', async ({ page }) => {
    const path = await liveBlogPath(page);
    let polls = 0;
    page.on('request', (request) => {
      if (/\/live\/\d+\/updates\.json\?since=\d+$/.test(request.url())) polls += 1;
    });
    await page.goto(path);
    await expect.poll(() => polls, { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await setVisibility(page, 'hidden');
    const hiddenAt = polls;
    // Three poll intervals (the demo asks every 5 seconds).
    await page.waitForTimeout(15_000);
    expect(polls).toBe(hiddenAt);
    await setVisibility(page, 'visible');
    await expect.poll(() => polls, { timeout: 3_000 }).toBe(hiddenAt + 1);
  });

  test('the update answer says what changed and may be shared by a cache for a few seconds', async ({ page, request }) => {
    const path = await liveBlogPath(page);
    await page.goto(path);
    const updates = await page.locator('a[href^="/feeds/live/"]').first().getAttribute('href');
    expect(updates).toMatch(/^\/feeds\/live\/storm-isolde-live\.xml$/);
    const feed = await request.get(updates!);
    expect(feed.status()).toBe(200);
    expect(await feed.text()).toContain('Key event: Rest centre opens at St Anne’s');

    const id = (await page.content()).match(/\/live\/(\d+)\/updates\.json/)?.[1];
    expect(id).toBeTruthy();
    const response = await request.get(`/live/${id}/updates.json?since=0`);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toMatch(/^public, s-maxage=\d+, max-age=0$/);
    const body = await response.json();
    expect(body).toMatchObject({ reset: false, live: true, interval: 5 });
    expect(body.entries.length).toBeGreaterThanOrEqual(15);
    const bad = await request.get(`/live/${id}/updates.json?since=soon`);
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error).toMatch(/since/);
  });
});

test.describe('live blog for every reader', () => {
  test('without JavaScript the whole blog reads: summary, key events, pinned entry, entries, corrections', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const path = await liveBlogPath(page);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(LIVE_BLOG_STORY.headline);
    await expect(page.getByRole('heading', { name: 'Summary' })).toBeVisible();
    const keyEvents = page.getByRole('navigation', { name: 'Key events' }).getByRole('link');
    await expect(keyEvents).toHaveCount(4);
    await expect(keyEvents.first()).toHaveAttribute('href', /^#entry-\d+$/);
    await expect(page.getByRole('region', { name: 'Pinned update' })).toContainText('What we know so far');
    expect(await page.locator('.live-blog__entries > article').count()).toBeGreaterThanOrEqual(15);
    await expect(page.getByText(/An earlier version of this entry said eleven people/)).toBeVisible();
    await expect(page.getByText(/Edited/).first()).toBeVisible();
    // Key-event links land on their entries.
    const target = (await keyEvents.first().getAttribute('href'))!;
    await expect(page.locator(target)).toHaveCount(1);
    await context.close();
  });

  test('crawlers get LiveBlogPosting with coverage and the latest updates', async ({ page }) => {
    const path = await liveBlogPath(page);
    await page.goto(path);
    const data = await page.locator('script[type="application/ld+json"]').evaluateAll((nodes) => nodes.map((n) => JSON.parse(n.textContent ?? '{}')));
    const live = data.find((d) => d['@type'] === 'LiveBlogPosting');
    expect(live).toBeTruthy();
    expect(live.coverageStartTime).toMatch(/^\d{4}-/);
    expect(live.liveBlogUpdate.length).toBeGreaterThanOrEqual(10);
    expect(new Date(live.dateModified).getTime()).toBeGreaterThanOrEqual(new Date(live.liveBlogUpdate[0].datePublished).getTime());
  });

  test('the live blog has no serious or critical accessibility violations', async ({ page }) => {
    const path = await liveBlogPath(page);
    await page.goto(path);
    await expect(page.getByText('Live: new updates will appear here.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the live blog');
  });
});
