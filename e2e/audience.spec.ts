import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations, FIXTURES } from './support/helpers';
import { staffPage } from './support/newsroom';

// Audience figures as a reader and an editor meet them: reading an article sends one small beacon,
// never cached and setting no cookie; the view is in the story's figures in the newsroom a moment
// later; a headless browser (a bot) is not counted; the front page has "Most read" from the demo's
// week of views; and the audience page, with its charts, passes axe.

// A desktop Chrome's user agent: Playwright's own says HeadlessChrome, which is counted as a bot.
const READER_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

/** The "Last 24 hours" figure in the Readers panel of the story's editor page. */
async function last24h(page: Page, articleId: number): Promise<number> {
  await page.goto(`/dashboard/articles/${articleId}`);
  const panel = page.getByRole('region', { name: 'Readers' });
  await expect(panel).toBeVisible();
  if (await panel.getByText('No views counted yet.').isVisible()) return 0;
  const text = await panel.locator('dt', { hasText: 'Last 24 hours' }).locator('xpath=following-sibling::dd[1]').innerText();
  return Number(text.replace(/[^\d]/g, ''));
}

test.describe('audience figures @once', () => {
  test('reading an article sends one beacon, and the view shows up in the newsroom; a bot’s does not', async ({ browser }) => {
    // A bot first (the default headless user agent): its beacon goes out but is not counted.
    const botContext = await browser.newContext();
    const bot = await botContext.newPage();
    const botBeacon = bot.waitForRequest((r) => r.url().endsWith('/api/views') && r.method() === 'POST');
    await bot.goto(FIXTURES.correctedArticlePath);
    const articleId = Number(new URLSearchParams((await botBeacon).postData() ?? '').get('a'));
    expect(articleId).toBeGreaterThan(0);
    await botContext.close();

    const editor = await staffPage(browser, 'editor');
    // The bot's beacon is written within a second; after that the figure must not move for it.
    await editor.waitForTimeout(1500);
    const before = await last24h(editor, articleId);

    const readerContext = await browser.newContext({ userAgent: READER_UA });
    const reader = await readerContext.newPage();
    const beacons: { body: string | null }[] = [];
    reader.on('request', (r) => {
      if (r.url().endsWith('/api/views')) beacons.push({ body: r.postData() });
    });
    const answered = reader.waitForResponse((r) => r.url().endsWith('/api/views'));
    await reader.goto(FIXTURES.correctedArticlePath);
    const response = await answered;
    expect(response.status()).toBe(204);
    // Never cached by Varnish or anyone else, and no cookie.
    expect(response.headers()['cache-control']).toBe('no-store');
    expect(response.headers()['set-cookie']).toBeUndefined();
    await reader.waitForTimeout(1000);
    expect(beacons).toHaveLength(1);
    expect(beacons[0]!.body).toBe(`a=${articleId}&r=`);
    expect(await readerContext.cookies()).toEqual([]);
    await readerContext.close();

    // Written within a second (VIEWS_FLUSH_MS); exactly one more.
    await expect.poll(() => last24h(editor, articleId), { timeout: 15_000 }).toBe(before + 1);
    await editor.context().close();
  });

  test('the front page shows Most read from the counts', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('region', { name: 'Most read' });
    await expect(box).toBeVisible();
    await expect(box.getByRole('listitem')).toHaveCount(5);
    await expect(box.getByRole('link').first()).toHaveAttribute('href', /^\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+$/);
  });
});

test('the privacy page says what is counted and what is not @once', async ({ page }) => {
  await page.goto('/privacy');
  await expect(page.getByRole('heading', { level: 2, name: 'Counting readers' })).toBeVisible();
  await expect(page.getByText(/no cookie, no network address, no browser details, no identifier/)).toBeVisible();
});

test.describe('the audience page', () => {
  test('shows charts and rankings for a period, and passes axe', async ({ browser }) => {
    const page = await staffPage(browser, 'editor');
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Audience' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Audience' })).toBeVisible();
    await expect(page.getByRole('img', { name: /Article views per day/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Top articles' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Referring sites in the period' }).getByRole('row')).not.toHaveCount(1);
    await page.getByLabel('Period', { exact: true }).selectOption('30');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/period=30/);
    await expect(page.getByRole('heading', { name: 'Views by hour of the day' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the audience page');
    await page.context().close();
  });

  test('is for editors and admins only', async ({ browser }) => {
    const page = await staffPage(browser, 'author');
    await expect(page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Audience' })).toHaveCount(0);
    const response = await page.goto('/dashboard/audience');
    expect(response?.status()).toBe(403);
    await page.context().close();
  });
});
