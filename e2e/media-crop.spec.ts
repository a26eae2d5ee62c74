import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { createDraft, fillStandfirst, staffPage, typeBody, unique, waitSaved } from './support/newsroom';

// Issue 16: an editor crops a library image with the number fields (no drag needed), and the
// reader page already showing it serves the cropped picture at once: its width and height
// attributes, the file behind them and the link preview all come from the crop. The original stays.

test.describe.configure({ timeout: 180_000 });

/** Left half red, right half blue: whatever a reader is sent shows which part it came from. */
async function halves(): Promise<Buffer> {
  const left = await sharp({ create: { width: 800, height: 1000, channels: 3, background: '#e01010' } }).png().toBuffer();
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#2060d0' } }).composite([{ input: left, left: 0, top: 0 }]).jpeg({ quality: 90 }).toBuffer();
}

const leadPicture = (page: Page) => page.locator('.article__figure img').first();

test('an editor crops an image with the number fields and the reader page using it serves the cropped size @once', async ({ browser }) => {
  const page = await staffPage(browser, 'editor');
  const alt = unique('Two halves of the harbour wall');
  await page.goto('/dashboard/media');
  await page.getByLabel('Choose images').setInputFiles([{ name: 'halves.jpg', mimeType: 'image/jpeg', buffer: await halves() }]);
  await expect(page.getByRole('list', { name: 'Uploads' }).getByText(/Uploaded\./)).toBeVisible({ timeout: 60_000 });
  const item = page.getByRole('list', { name: 'Images' }).getByRole('listitem').first();
  await expect(item.getByText('1600×1000, jpeg')).toBeVisible();
  await item.getByLabel('Alt text').fill(alt);
  await item.getByRole('button', { name: 'Save details' }).click();
  await expect(item.getByText('Saved.')).toBeVisible();
  const mediaPage = (await item.getByRole('link', { name: /Focal point, use and delete/ }).getAttribute('href'))!;

  // A published story featuring it, read once so its page is in the cache.
  await createDraft(page, unique('Harbour wall repairs'));
  await fillStandfirst(page, 'The wall is mended in two colours.');
  await page.getByLabel('Image', { exact: true }).selectOption({ label: alt });
  await typeBody(page, 'Work on the harbour wall finished this week.');
  await waitSaved(page);
  await page.getByRole('button', { name: 'Publish now' }).click();
  const anyway = page.getByRole('button', { name: 'Publish anyway' });
  const published = page.getByText('Published.', { exact: true });
  await expect(published.or(anyway)).toBeVisible();
  if (await anyway.isVisible()) await anyway.click();
  await expect(published).toBeVisible();
  const articlePath = (await page.getByRole('link', { name: 'View live' }).getAttribute('href'))!;
  const reader = await browser.newPage();
  await reader.goto(articlePath);
  await expect(leadPicture(reader)).toHaveAttribute('width', '1600');
  await expect(leadPicture(reader)).toHaveAttribute('height', '1000');

  // The crop tool: past the right edge is refused, says why, and keeps what was typed.
  await page.goto(mediaPage);
  const crop = page.getByRole('region', { name: 'Crop' });
  await expect(crop.getByText('Not cropped: readers see the full picture.')).toBeVisible();
  // With a mouse: drag across the picture to draw the rectangle; the fields follow.
  const area = (await page.locator('.crop-form__area').boundingBox())!;
  await page.mouse.move(area.x + area.width * 0.1, area.y + area.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(area.x + area.width * 0.35, area.y + area.height * 0.4, { steps: 4 });
  await page.mouse.move(area.x + area.width * 0.6, area.y + area.height * 0.7, { steps: 4 });
  await page.mouse.up();
  const near = async (label: string, value: number) => expect(Math.abs(Number(await crop.getByLabel(label).inputValue()) - value)).toBeLessThanOrEqual(16);
  await near('Left edge (px)', 160);
  await near('Top edge (px)', 100);
  await near('Width (px)', 800);
  await near('Height (px)', 600);
  // With the keyboard: the rectangle takes focus; arrows move it, Shift+arrows resize it (20 px steps here).
  await crop.getByLabel('Left edge (px)').fill('100');
  await crop.getByLabel('Width (px)').fill('800');
  await crop.getByRole('group', { name: /^Crop area/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(crop.getByLabel('Left edge (px)')).toHaveValue('120');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(crop.getByLabel('Width (px)')).toHaveValue('780');
  await crop.getByLabel('Left edge (px)').fill('1000');
  await crop.getByLabel('Top edge (px)').fill('100');
  await crop.getByLabel('Width (px)').fill('800');
  await crop.getByLabel('Height (px)').fill('600');
  await crop.getByRole('button', { name: 'Save crop' }).click();
  await expect(crop.getByRole('status')).toHaveText('The crop goes past the right edge: left 1000 + width 800 is more than the picture’s 1600 px.');
  await expect(crop.getByLabel('Width (px)')).toHaveValue('800');
  await expect(crop.getByLabel('Left edge (px)')).toHaveValue('1000');
  await expect(crop.getByLabel('Width (px)')).toHaveAttribute('aria-invalid', 'true');

  // The right half's middle, 4:3: 600×450 from (900, 200).
  await crop.getByLabel('Shape').selectOption('4:3');
  await crop.getByLabel('Left edge (px)').fill('900');
  await crop.getByLabel('Top edge (px)').fill('200');
  await crop.getByLabel('Width (px)').fill('600');
  await expect(crop.getByLabel('Height (px)')).toHaveValue('450');
  await expect(crop.getByText('Readers get 600×450 px')).toBeVisible();
  await crop.getByRole('button', { name: 'Save crop' }).click();
  await expect(crop.getByRole('status')).toHaveText('Crop saved.');
  await page.reload();
  await expect(page.getByRole('region', { name: 'Crop' }).getByText('Cropped to 600×450 px from 900, 200.')).toBeVisible();

  // The reader page: the cropped size in its attributes, the cropped file behind them, no red.
  await reader.reload();
  const img = leadPicture(reader);
  await expect(img).toHaveAttribute('width', '600');
  await expect(img).toHaveAttribute('height', '450');
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
  const chosen = await img.evaluate((el: HTMLImageElement) => new URL(el.currentSrc).pathname);
  const fallback = (await img.getAttribute('src'))!;
  expect(chosen).toMatch(/-c[a-z0-9]{6,}(-\d+)?\.(avif|webp|jpg)$/);
  for (const src of [chosen, fallback]) {
    const file = await reader.request.get(src);
    expect(file.status()).toBe(200);
    const bytes = await file.body();
    const meta = await sharp(bytes).metadata();
    expect(Math.abs(meta.width! / meta.height! - 4 / 3), `${src} has the crop's shape`).toBeLessThan(0.01);
    expect((await sharp(bytes).stats()).channels[0]!.max, `${src} holds nothing from outside the crop`).toBeLessThan(200);
  }
  expect((await sharp(await (await reader.request.get(fallback)).body()).metadata()).width).toBe(600);

  // The link preview: cut from the crop, in its own shape.
  const og = (await reader.locator('meta[property="og:image"]').first().getAttribute('content'))!;
  expect(new URL(og).pathname).toMatch(/^\/og\/crop\/16x9[^/]*\/media\/.+-c[a-z0-9]{6,}\.jpg$/);
  const preview = await sharp(await (await reader.request.get(new URL(og).pathname)).body()).metadata();
  expect([preview.width, preview.height]).toEqual([600, 338]);

  // Reset: the whole picture again, from the kept original.
  await page.getByRole('region', { name: 'Crop' }).getByRole('button', { name: 'Reset to the full picture' }).click();
  await expect(page.getByRole('region', { name: 'Crop' }).getByRole('status')).toHaveText('Showing the full picture again.');
  await reader.reload();
  await expect(leadPicture(reader)).toHaveAttribute('width', '1600');
  await expect(leadPicture(reader)).toHaveAttribute('height', '1000');
  await reader.close();
  await page.context().close();
});
