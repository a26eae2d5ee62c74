import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoSeriousA11yViolations } from './support/helpers';
import { createDraft, ownAddress, signIn, demoStaff, unique } from './support/newsroom';

// The newsroom in dark mode: axe's contrast rule (with the rest of WCAG AA) on the pages staff use
// most, and the primary button's own text-on-background ratio measured here as well, because that
// ratio (1.83:1, white on light blue) is the failure that was reported and axe skips some buttons
// (disabled ones, ones it cannot see the background of). Colours, not layout: one viewport (@once).

test.describe.configure({ timeout: 120_000 });
test.use({ colorScheme: 'dark' });

/** WCAG 2 contrast ratio of an element's text colour against its own background colour. */
async function textContrast(button: Locator): Promise<{ ratio: number; color: string; background: string }> {
  return button.evaluate((el) => {
    // Computed colours arrive as rgb()/rgba() or, from color-mix(), as color(srgb r g b).
    const channels = (css: string): number[] => {
      const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(css);
      if (srgb) return srgb.slice(1, 4).map(Number);
      const rgb = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)/.exec(css);
      if (!rgb) throw new Error(`unreadable colour ${css}`);
      return rgb.slice(1, 4).map((v) => Number(v) / 255);
    };
    const luminance = (css: string) => {
      const [r, g, b] = channels(css).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const style = getComputedStyle(el);
    const [a, b] = [luminance(style.color), luminance(style.backgroundColor)].sort((x, y) => y - x);
    return { ratio: (a! + 0.05) / (b! + 0.05), color: style.color, background: style.backgroundColor };
  });
}

async function expectReadablePrimary(page: Page, name: RegExp) {
  const button = page.locator('.button--primary').filter({ hasText: name }).first();
  await expect(button).toBeVisible();
  const { ratio, color, background } = await textContrast(button);
  expect(ratio, `contrast of ${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
}

test('the sign-in page meets WCAG AA contrast in dark mode @once', async ({ page, context }) => {
  await ownAddress(context);
  await page.goto('/signin');
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
  await expectReadablePrimary(page, /Sign in/);
  await expectNoSeriousA11yViolations(page, 'the sign-in page (dark)');
});

test('the article editor meets WCAG AA contrast in dark mode @once', async ({ page, context }) => {
  await ownAddress(context);
  await signIn(page, demoStaff('editor').email);
  await createDraft(page, unique('Dark mode contrast'));
  await expectReadablePrimary(page, /Publish now/);
  await expectNoSeriousA11yViolations(page, 'the article editor (dark)');
  // The link dialog is drawn in the top layer with its own colours: checked open, too.
  await page.getByTestId('body-editor').click();
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Add a link' })).toBeVisible();
  await expectReadablePrimary(page, /Apply/);
  await expectNoSeriousA11yViolations(page, 'the link dialog (dark)');
});

test('comment moderation meets WCAG AA contrast in dark mode @once', async ({ page, context }) => {
  await ownAddress(context);
  await signIn(page, demoStaff('editor').email, undefined, '/dashboard/comments');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  // The current status tab is a primary button, there whether or not anything is pending.
  await expectReadablePrimary(page, /Pending/);
  await expectNoSeriousA11yViolations(page, 'comment moderation (dark)');
});
