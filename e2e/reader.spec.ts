import { expect, test } from '@playwright/test';
import { ARTICLE_URL, FIXTURES, firstArticleHref, focused, getRaw } from './support/helpers';

// What a reader relies on, at a desktop and a phone viewport: finding stories by following the
// paper's own links, reading an article in full, and the details that make it trustworthy.

test.describe('a reader finding their way', () => {
  test('goes from the front page to a section, an article, its author and one of its topics', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(page.getByRole('region', { name: 'Lead story' }).getByRole('link').first()).toBeVisible();

    // The section, from the masthead's navigation.
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const sectionLink = nav.getByRole('link').filter({ hasNotText: 'Home' }).first();
    const sectionName = (await sectionLink.textContent())!.trim();
    await sectionLink.click();
    await expect(page).toHaveURL(/^http:\/\/[^/]+\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(sectionName);
    const stories = page.getByRole('list', { name: `${sectionName} stories` });
    await expect(stories.getByRole('listitem').first()).toBeVisible();

    // An article with a staff byline and topics (wire stories have neither).
    const articleLink = stories.getByRole('link').first();
    const headline = (await articleLink.textContent())!.trim();
    await articleLink.click();
    await expect(page).toHaveURL(ARTICLE_URL);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
    await expect(page.getByRole('link', { name: sectionName, exact: true }).first()).toBeVisible();

    let authorLink = page.locator('.byline').getByRole('link').first();
    if ((await authorLink.count()) === 0 || (await page.getByRole('navigation', { name: 'Topics' }).count()) === 0) {
      // A wire story (no staff byline), or one another test has just published without topics:
      // take the fixture article, which has an author and topics.
      await page.goto(FIXTURES.correctedArticlePath);
      authorLink = page.locator('.byline').getByRole('link').first();
    }
    const articleUrl = page.url();
    const authorName = (await authorLink.textContent())!.trim();
    await authorLink.click();
    await expect(page).toHaveURL(/\/author\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(authorName);
    await expect(page.getByRole('list', { name: `Stories by ${authorName}` }).getByRole('listitem').first()).toBeVisible();

    // Back to the article, then one of its topics.
    await page.goto(articleUrl);
    const topics = page.getByRole('navigation', { name: 'Topics' });
    const topicLink = topics.getByRole('link').first();
    const topicName = (await topicLink.textContent())!.trim();
    await topicLink.click();
    await expect(page).toHaveURL(/\/tag\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(topicName);
    await expect(page.getByRole('list', { name: `Stories about ${topicName}` }).getByRole('listitem').first()).toBeVisible();
  });

  test('pages back through a section with "Older stories" without seeing a story twice', async ({ page }) => {
    await page.goto(`/${FIXTURES.sectionSlug}`);
    const list = page.getByRole('main').getByRole('list').first();
    const first = await list.getByRole('heading').allTextContents();
    expect(first.length).toBeGreaterThan(0);
    const older = page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Older stories' });
    test.skip((await older.count()) === 0, `section ${FIXTURES.sectionSlug} has a single page of stories in the demo content`);
    await older.click();
    await expect(page).toHaveURL(new RegExp(`/${FIXTURES.sectionSlug}/before/[0-9]+-[0-9]+$`));
    const second = await page.getByRole('main').getByRole('list').first().getByRole('heading').allTextContents();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((h) => first.includes(h))).toEqual([]);
  });
});

test.describe('an article', () => {
  test('has the headline as its only h1, a standfirst, a kicker and dates in <time datetime>', async ({ page }) => {
    await page.goto(FIXTURES.correctedArticlePath);
    const h1 = page.locator('h1');
    await expect(h1).toHaveCount(1);
    await expect(page).toHaveTitle(new RegExp((await h1.textContent())!.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').slice(0, 40)));
    await expect(page.locator('.article__standfirst')).not.toBeEmpty();
    await expect(page.locator('.article__header .kicker').getByRole('link')).toHaveAttribute('href', /^\/[a-z0-9-]+$/);
    const times = page.locator('.article__dates time');
    await expect(times.first()).toBeVisible();
    for (const time of await times.all()) {
      const datetime = await time.getAttribute('datetime');
      expect(datetime, 'a machine-readable datetime').toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect(Number.isNaN(Date.parse(datetime!))).toBe(false);
      await expect(time).toHaveText(/\d{4}/);
    }
  });

  test('links its byline to the author pages', async ({ page }) => {
    await page.goto(FIXTURES.correctedArticlePath);
    const byline = page.locator('.article__meta .byline');
    await expect(byline).toContainText(/^By /);
    const links = byline.getByRole('link');
    expect(await links.count()).toBeGreaterThan(0);
    for (const link of await links.all()) await expect(link).toHaveAttribute('href', /^\/author\/[a-z0-9-]+$/);
  });

  test('on a wire story, shows the collective byline and the wire credit line, e.g. "ab/cd (AP, Reuters)"', async ({ page }) => {
    await page.goto(FIXTURES.wireArticlePath);
    await expect(page.locator('.wire-credit')).toHaveText(/^[a-z]{1,4}(\/[a-z]{1,4})* \([^()]+\)$/i);
    await expect(page.locator('.article__meta .byline')).not.toBeEmpty();
  });

  test('shows its corrections, each dated', async ({ page }) => {
    await page.goto(FIXTURES.correctedArticlePath);
    const box = page.getByRole('complementary', { name: 'Corrections and clarifications' });
    await expect(box).toBeVisible();
    const items = box.getByRole('listitem');
    expect(await items.count()).toBeGreaterThan(0);
    for (const item of await items.all()) {
      await expect(item).toContainText(/Correction|Clarification|Update/);
      await expect(item.locator('time[datetime]')).toHaveCount(1);
    }
  });

  test('older than a year, says how old it is; a new one does not', async ({ page }) => {
    await page.goto(FIXTURES.oldArticlePath);
    await expect(page.getByRole('note')).toHaveText(/^This article is more than (1 year|\d+ years) old$/);
    await page.goto(FIXTURES.correctedArticlePath);
    await expect(page.getByText(/This article is more than/)).toHaveCount(0);
  });

  test('shows its images with text alternatives and lays out without sideways scrolling', async ({ page }) => {
    await page.goto(FIXTURES.correctedArticlePath);
    for (const img of await page.getByRole('main').locator('img').all()) {
      expect(await img.getAttribute('alt'), 'every image has an alt attribute').not.toBeNull();
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'page wider than the viewport').toBeLessThanOrEqual(1);
  });
});

test.describe('staff contact addresses', () => {
  test('can be read by people on article and author pages but are not in the HTML as an address or mailto', async ({ page, request }) => {
    const authorPath = `/author/${FIXTURES.authorSlug}`;
    for (const path of [FIXTURES.correctedArticlePath, authorPath]) {
      await page.goto(path);
      const address = page.locator('.staff-email').first();
      await expect(address).toBeVisible();
      // What a person sees: local part, an "@" drawn by CSS, the domain.
      const shown = await address.evaluate((el) =>
        Array.from(el.querySelectorAll(':scope > [aria-hidden="true"]'))
          .map((part) => (part.textContent ?? '') + (getComputedStyle(part, '::before').content.replace(/^"|"$/g, '').replace(/^none$/, '')))
          .join(''),
      );
      expect(shown).toMatch(/^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/i);
      // What a screen reader hears: the address spelt out, not the visual pieces.
      expect(await address.evaluate((el) => el.querySelector('.visually-hidden')?.textContent ?? '')).toMatch(/^[a-z0-9._%+-]+ at [a-z0-9 -]+ dot [a-z]{2,}$/i);

      // What a harvester reading the source finds: nothing.
      const html = await (await getRaw(request, path)).text();
      expect(html).not.toContain('mailto:');
      expect(html.match(/[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}/gi) ?? []).toEqual([]);
      expect(html).not.toContain(shown);
    }
  });
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an article is complete: headline, standfirst, byline, body, dates and topics', async ({ page }) => {
    await page.goto(FIXTURES.correctedArticlePath);
    // Proof that the page's own scripts did not run: Next's inline bootstrap never defined this.
    expect(await page.evaluate(() => typeof (window as unknown as { __next_f?: unknown }).__next_f)).toBe('undefined');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.article__standfirst')).toBeVisible();
    await expect(page.locator('.article__meta .byline')).toBeVisible();
    const paragraphs = page.locator('.article-body p');
    expect(await paragraphs.count()).toBeGreaterThan(2);
    await expect(paragraphs.first()).toBeVisible();
    await expect(page.locator('.article__dates time').first()).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Topics' }).getByRole('link').first()).toBeVisible();
  });

  test('the front page and a section list their stories, and links lead to articles', async ({ page }) => {
    await page.goto('/');
    const href = await firstArticleHref(page);
    await page.goto(`/${FIXTURES.sectionSlug}`);
    await expect(page.getByRole('main').getByRole('listitem').first()).toBeVisible();
    await page.getByRole('main').getByRole('link').filter({ hasText: /\w/ }).first().click();
    await expect(page).toHaveURL(ARTICLE_URL);
    await page.goto(href);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
});

test.describe('the masthead by keyboard', () => {
  test('Tab reaches the skip link first, then the section links, each with a visible focus ring', async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skip = await focused(page);
    expect(skip?.text).toBe('Skip to content');
    expect(skip?.inViewport, 'the skip link shows when focused').toBe(true);
    expect(skip?.focusVisible).toBe(true);

    const sectionLinks = await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(sectionLinks.length).toBeGreaterThan(3);

    // Tab through the masthead: the site name, then every section link in order.
    const reached: string[] = [];
    for (let i = 0; i < sectionLinks.length + 3 && reached.length < sectionLinks.length; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      expect(now, 'something has focus').not.toBeNull();
      if (!now!.inSectionsNav) {
        expect(reached, 'focus left the section links before reaching them all').toEqual([]);
        continue;
      }
      expect(now!.focusVisible, `focus on ${now!.text} is visible`).toBe(true);
      expect(now!.outline || now!.boxShadow, `focus ring on ${now!.text}`).not.toBe('');
      expect(now!.inViewport, `${now!.text} scrolled into view`).toBe(true);
      reached.push(now!.href ?? '');
    }
    expect(reached).toEqual(sectionLinks);

    // Enter follows the focused section link.
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`${sectionLinks.at(-1)}$`));
  });

  test('the skip link moves focus to the main content', async ({ page }) => {
    await page.goto(FIXTURES.correctedArticlePath);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });
});

test.describe('the server', () => {
  test('answers /api/health with 200 while the database is up @once', async ({ request }) => {
    const response = await getRaw(request, '/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', database: 'up' });
    expect(response.headers()['cache-control']).toContain('no-store');
  });
});
