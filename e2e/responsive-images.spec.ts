import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { expectNoSeriousA11yViolations, FIXTURES } from './support/helpers';
import { staffPage } from './support/newsroom';

test.describe.configure({ timeout: 120_000 });

/** Bytes of every image response the page receives, by URL path. */
function countImages(page: Page): Map<string, number> {
  const fetched = new Map<string, number>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'image') return;
    const body = await response.body().catch(() => null);
    if (body) fetched.set(new URL(response.url()).pathname, body.length);
  });
  return fetched;
}

test('on a 360 px phone an article’s pictures come from small AVIF or WebP derivatives, far lighter than the originals @once', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const fetched = countImages(page);
  // A demo story with a lead picture and a figure in its text.
  await page.goto(FIXTURES.correctedArticlePath);
  const figure = page.locator('.article__figure img');
  await expect(figure).toBeVisible();
  await expect(figure).toHaveAttribute('fetchpriority', 'high');
  await expect(figure).not.toHaveAttribute('loading', 'lazy');
  // Only the lead picture is fetched first; the rest wait until they come near the screen.
  expect(await page.locator('main img[fetchpriority="high"]').count()).toBe(1);
  for (const img of await page.locator('main img:not(.article__figure img)').all()) await expect(img).toHaveAttribute('loading', 'lazy');
  expect(await page.locator('link[rel="preload"][as="image"]').count(), 'no image preloads').toBe(0);

  // Every picture in the story, scrolled into view so the lazy ones load too.
  const pictures = page.locator('main article picture img');
  expect(await pictures.count()).toBeGreaterThan(0);
  for (const img of await pictures.all()) {
    await img.scrollIntoViewIfNeeded();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  }
  const shown = await pictures.evaluateAll((els) => (els as HTMLImageElement[]).map((el) => ({ original: new URL(el.src).pathname, chosen: new URL(el.currentSrc).pathname })));
  let originals = 0;
  let sent = 0;
  const counted = new Set<string>();
  for (const { original, chosen } of shown) {
    expect(chosen, `${original} is shown from a derivative`).not.toBe(original);
    expect(chosen).toMatch(/^\/media\/.+-\d+\.(avif|webp)$/);
    const full = await context.request.get(original);
    expect(full.status()).toBe(200);
    await expect.poll(() => fetched.get(chosen) ?? 0).toBeGreaterThan(0);
    // The same picture twice (lead and figure) is fetched once.
    if (!counted.has(chosen)) sent += fetched.get(chosen)!;
    if (!counted.has(original)) originals += (await full.body()).length;
    counted.add(chosen).add(original);
    // The derivative is no wider than the screen needs at two device pixels (360 × 2, next width up).
    expect((await sharp(await (await context.request.get(chosen)).body()).metadata()).width).toBeLessThanOrEqual(1024);
  }
  for (const [path] of fetched) expect(shown.some((s) => s.original === path), `the original ${path} is never fetched`).toBe(false);
  test.info().annotations.push({ type: 'image bytes', description: `${shown.length} pictures: ${sent} bytes fetched; originals ${originals} bytes` });
  expect(sent).toBeLessThan(originals / 2);
  await context.close();
});

async function photo(width: number, height: number): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = ((i * 2654435761) >>> 26) + ((i / (width * 3)) % 200);
  return sharp(raw, { raw: { width, height, channels: 3 } }).blur(1).jpeg({ quality: 88 }).toBuffer();
}

test('an editor sets an image’s focal point, is told where a used image appears, and deletes an unused one', async ({ browser }) => {
  const page = await staffPage(browser, 'editor');
  await page.goto('/dashboard/media');
  await page.getByLabel('Choose images').setInputFiles([{ name: 'breakwater.jpg', mimeType: 'image/jpeg', buffer: await photo(1400, 900) }]);
  await expect(page.getByRole('list', { name: 'Uploads' }).getByText(/Uploaded\./)).toBeVisible({ timeout: 30_000 });
  const newest = page.getByRole('list', { name: 'Images' }).getByRole('listitem').first();
  await expect(newest.getByText('1400×900, jpeg')).toBeVisible();
  await newest.getByRole('link', { name: /Focal point, use and delete/ }).click();

  await expect(page.getByRole('heading', { name: 'Used in' })).toBeVisible();
  await expect(page.getByText('Not used in any article.')).toBeVisible();
  await expect(page.getByRole('list', { name: 'Sizes readers are sent' }).getByText(/^AVIF 1024 px/)).toBeVisible();
  // Outside the picture: the browser holds the form back (the server says the same without it:
  // lib/media-variants.test.ts), and what was typed stays.
  await page.getByLabel('Focal point from the left (%)').fill('150');
  await page.getByRole('button', { name: 'Save focal point' }).click();
  expect(await page.getByLabel('Focal point from the left (%)').evaluate((el: HTMLInputElement) => el.validity.rangeOverflow)).toBe(true);
  await expect(page.getByRole('status').filter({ hasText: 'Focal point saved.' })).toHaveCount(0);
  await expect(page.getByLabel('Focal point from the left (%)')).toHaveValue('150');
  await page.getByLabel('Focal point from the left (%)').fill('20');
  await page.getByLabel('Focal point from the top (%)').fill('70');
  await page.getByRole('button', { name: 'Save focal point' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Focal point saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Focal point from the left (%)')).toHaveValue('20');
  await expect(page.getByLabel('Focal point from the top (%)')).toHaveValue('70');
  await expectNoSeriousA11yViolations(page, 'an image’s page in the media library');

  const mediaUrl = page.url();
  const files = await page.locator('.focal-form__picker img').getAttribute('src');
  await page.getByRole('button', { name: 'Delete this image' }).click();
  await expect(page).toHaveURL(/\/dashboard\/media\?deleted=/);
  await expect(page.getByRole('status').filter({ hasText: 'The image was deleted.' })).toBeVisible();
  expect((await page.context().request.get(mediaUrl, { failOnStatusCode: false })).status()).toBe(404);
  expect((await page.context().request.get(files!, { failOnStatusCode: false })).status()).toBe(404);

  // A demo picture features a published story: its page says so, and Delete is refused with the list.
  const oldest = page.getByRole('list', { name: 'Images' }).getByRole('listitem').last();
  await oldest.getByRole('link', { name: /Focal point, use and delete/ }).click();
  const usedIn = page.getByRole('list', { name: 'Used in' });
  await expect(usedIn.getByRole('listitem').first()).toContainText(/published|draft|in review|scheduled|withdrawn/);
  const listed = await usedIn.getByRole('listitem').count();
  await page.getByRole('button', { name: 'Delete this image' }).click();
  await expect(page.getByText(/This image is used by (an article|\d+ articles); remove it from (that article|them) first\. Nothing was deleted\./)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Articles using this image' }).getByRole('listitem')).toHaveCount(listed);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Used in' })).toBeVisible();
  await page.context().close();
});
