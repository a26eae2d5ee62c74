import { expect, test, type Page } from '@playwright/test';
import { ARTICLE_URL, expectNoSeriousA11yViolations } from './support/helpers';

// Site search as a reader uses it, at the desktop and phone sizes of the config: from the
// masthead's box, with the keyboard, without JavaScript, and with the odd things people type.

const summary = (page: Page) => page.locator('#search-summary');
const results = (page: Page) => page.getByRole('list', { name: 'Search results' });

test.describe('searching from the masthead', () => {
  test('finds articles, highlights the words and opens a result', async ({ page }) => {
    await page.goto('/');
    const box = page.getByRole('search', { name: 'Site search' }).getByRole('searchbox', { name: 'Search articles' });
    await expect(box).toBeVisible();
    await box.fill('harbour');
    await box.press('Enter');

    await expect(page).toHaveURL(/\/search\?q=harbour$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Search');
    await expect(summary(page)).toHaveText(/^\d+ results? for “harbour”/);
    const items = results(page).getByRole('listitem');
    await expect(items.first()).toBeVisible();
    // Every result shows the word it matched, highlighted, in its headline or snippet.
    const count = await items.count();
    for (let i = 0; i < count; i++) {
      await expect(items.nth(i).locator('mark').first()).toHaveText(/harbour/i);
    }
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

    const first = items.first().getByRole('heading').getByRole('link');
    const headline = (await first.textContent())!.trim();
    await first.click();
    await expect(page).toHaveURL(ARTICLE_URL);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
  });

  test('can be reached and used with the keyboard alone', async ({ page }) => {
    await page.goto('/');
    let reached = false;
    for (let i = 0; i < 6 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'masthead-search');
    }
    expect(reached, 'the masthead search box is among the first things Tab reaches').toBe(true);
    await page.keyboard.type('lighthouse');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('search', { name: 'Site search' }).getByRole('button', { name: 'Search' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=lighthouse$/);
    await expect(summary(page)).toContainText('“lighthouse”');
  });

  test('has no serious accessibility problems, with results and with filters open', async ({ page }) => {
    test.slow(); // Two axe runs; on two busy cores they can take most of a minute.
    await page.goto('/search?q=harbour');
    await expectNoSeriousA11yViolations(page, 'search results');
    await page.goto('/search?q=harbour&from=2020-01-01');
    await expect(page.getByRole('combobox', { name: 'Section' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'search results with filters open');
  });

  test('fits a narrow screen without scrolling sideways', async ({ page }) => {
    await page.goto('/search?q=harbour');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await page.locator('#masthead-search').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('searches and filters with the plain form', async ({ page }) => {
    await page.goto('/search');
    await expect(summary(page)).toHaveText('Type a word or two to search every published article.');
    const form = page.getByRole('search', { name: 'Search articles' });
    await form.getByRole('searchbox', { name: 'Search for' }).fill('harbour');
    await form.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(summary(page)).toHaveText(/results? for “harbour”/);
    const all = await results(page).getByRole('listitem').count();

    // The filters sit in a <details>, which opens without script too.
    await form.getByText('Filters: section, author, dates').click();
    const section = form.getByRole('combobox', { name: 'Section' });
    const options = await section.locator('option').allTextContents();
    const sectionName = options[1]!;
    await section.selectOption({ label: sectionName });
    await form.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/section=/);
    await expect(form.getByRole('combobox', { name: 'Section' })).toHaveValue(/[a-z]/);
    const filtered = results(page).getByRole('listitem');
    if ((await filtered.count()) > 0) {
      for (const kicker of await filtered.locator('.kicker').allTextContents()) expect(kicker).toBe(sectionName);
      expect(await filtered.count()).toBeLessThanOrEqual(all);
    } else {
      await expect(summary(page)).toHaveText(/No results/);
    }
  });
});

test.describe('what people type', () => {
  test('falls back to words that begin with the query, and says so', async ({ page }) => {
    await page.goto('/search?q=harbo');
    await expect(page.getByText('No article contains “harbo” exactly')).toBeVisible();
    await expect(results(page).getByRole('listitem').first()).toBeVisible();
  });

  test('explains an empty result', async ({ page }) => {
    await page.goto('/search?q=xylophonist');
    await expect(summary(page)).toHaveText('No results for “xylophonist”');
    await expect(page.getByText('Check the spelling')).toBeVisible();
  });

  test('answers odd input with a page, never an error @once', async ({ page }) => {
    const cases = ['"', 'OR', '-', '-budget', 'the', '🌊 harbour', 'Ελλάδα 東京 harbour', "'; DROP TABLE articles; --", 'harbour\u0000wall', 'a:* & !( | <->', '%'];
    for (const q of cases) {
      const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
      expect(response!.status(), q).toBe(200);
      await expect(summary(page), q).toBeVisible();
    }
    const odd = await page.goto('/search?q=%E0%A4%A&section=%00&from=2024-13-45&to=yesterday&page=-3&author=nobody');
    expect(odd!.status()).toBe(200);
    await expect(page.getByText('is not a date we can read').first()).toBeVisible();
  });

  test('trims a very long query and says so @once', async ({ page }) => {
    const response = await page.goto(`/search?q=${encodeURIComponent('harbour '.repeat(1250))}`);
    expect(response!.status()).toBe(200);
    await expect(page.getByText('Your search was very long, so we searched for its first 200 characters.')).toBeVisible();
    await expect(results(page).getByRole('listitem').first()).toBeVisible();
  });

  test('shows markup that people type as text @once', async ({ page }) => {
    let dialog = false;
    page.on('dialog', async (d) => {
      dialog = true;
      await d.dismiss();
    });
    await page.goto(`/search?q=${encodeURIComponent('<img src=x onerror=alert(1)> harbour')}`);
    await expect(summary(page)).toContainText('<img src=x onerror=alert(1)>');
    await expect(page.locator('main img[src="x"]')).toHaveCount(0);
    expect(dialog).toBe(false);
  });
});
