import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, FIXTURES } from './support/helpers';

// An axe scan of each kind of reader page, at both viewports, and the main ones in dark mode: no serious
// or critical violations (WCAG 2.2 A and AA rules, contrast included, plus axe's best practices).

const pageTypes = () =>
  [
    ['the front page', '/', 200],
    ['a section page', `/${FIXTURES.sectionSlug}`, 200],
    ['an article', FIXTURES.correctedArticlePath, 200],
    ['a wire story', FIXTURES.wireArticlePath, 200],
    ['an old article with an age notice', FIXTURES.oldArticlePath, 200],
    ['an author page', `/author/${FIXTURES.authorSlug}`, 200],
    ['a tag page', `/tag/${FIXTURES.tagSlug}`, 200],
    ['the 404 page', '/no-such-section', 404],
    ['the 410 page', FIXTURES.withdrawnPath, 410],
  ] as const;

test.describe('accessibility', () => {
  for (const [what, path, status] of pageTypes()) {
    test(`${what} has no serious or critical violations`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(status);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expectNoSeriousA11yViolations(page, `${what} (${path})`);
    });
  }
});

// Dark mode changes colours, not layout: one viewport is enough for its contrast.
test.describe('accessibility in dark mode @once', () => {
  test.use({ colorScheme: 'dark' });
  for (const [what, path, status] of pageTypes().filter(([what]) => ['the front page', 'an article', 'an author page', 'the 404 page'].includes(what))) {
    test(`${what} has no serious or critical violations`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(status);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      await expectNoSeriousA11yViolations(page, `${what} (${path}, dark)`);
    });
  }
});

test('pages declare their language and have a title @once', async ({ page }) => {
  for (const [, path] of pageTypes()) {
    await page.goto(path);
    expect(await page.locator('html').getAttribute('lang'), path).toMatch(/^[a-z]{2}(-[A-Z]{2})?$/);
    expect((await page.title()).length, `title of ${path}`).toBeGreaterThan(3);
  }
});

test('landmarks: a banner, one main, a footer and the sections navigation', async ({ page }) => {
  await page.goto(FIXTURES.correctedArticlePath);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
});
