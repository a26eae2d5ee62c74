import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { staffPage } from './support/newsroom';

test.describe.configure({ timeout: 120_000 });

async function photo(width: number, height: number): Promise<Buffer> {
  // Noise compresses badly, so the file is big enough for the progress bar to move.
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 95 })
    .withExif({ IFD0: { Artist: 'Private Person', Copyright: 'GPS notes here' } })
    .toBuffer();
}

test('uploading several images shows a progress bar per file and the library gets them without metadata', async ({ browser }) => {
  const page = await staffPage(browser, 'author');
  await page.goto('/dashboard/media');
  const big = await photo(1800, 1200);
  await page.getByLabel('Choose images').setInputFiles([
    { name: 'quay-at-dawn.jpg', mimeType: 'image/jpeg', buffer: big },
    { name: 'notes.txt', mimeType: 'image/png', buffer: Buffer.from('definitely not an image, whatever the type says') },
  ]);
  const uploads = page.getByRole('list', { name: 'Uploads' });
  await expect(uploads.getByRole('progressbar', { name: 'Upload progress for quay-at-dawn.jpg' })).toBeVisible();
  // Twelve derivatives (AVIF, WebP, JPEG) of a noisy photo take seconds on shared cores.
  await expect(uploads.getByText(/Uploaded\./)).toBeVisible({ timeout: 60_000 });
  await expect(uploads.getByRole('progressbar', { name: 'Upload progress for quay-at-dawn.jpg' })).toHaveAttribute('value', '100');
  await expect(uploads.getByText('“notes.txt” is not a JPEG, PNG, WebP, AVIF or GIF image.')).toBeVisible();

  const item = page.getByRole('list', { name: 'Images' }).getByRole('listitem').first();
  await expect(item.getByText('1800×1200, jpeg')).toBeVisible();
  await expect(item.getByText('Needed before this image can appear in a published article.')).toBeVisible();
  const src = (await item.locator('img').getAttribute('src'))!;
  const served = await page.context().request.get(src);
  expect(served.status()).toBe(200);
  const bytes = await served.body();
  expect(bytes.includes(Buffer.from('Private Person'))).toBe(false);
  expect((await sharp(bytes).metadata()).exif).toBeUndefined();
  await item.getByLabel('Alt text').fill('Fishing boats at the quay at dawn');
  await item.getByRole('button', { name: 'Save details' }).click();
  await expect(item.getByText('Saved.')).toBeVisible();
  await page.context().close();
});

test('an upload over 15 MB is refused with a clear message @once', async ({ browser, baseURL }) => {
  const page = await staffPage(browser, 'editor');
  const huge = Buffer.alloc(16 * 1024 * 1024, 0xff);
  huge[0] = 0xff;
  huge[1] = 0xd8;
  huge[2] = 0xff;
  // With the Origin a browser sends: a cookie-bearing POST without one is refused first (403).
  const response = await page.context().request.post('/api/media', { headers: { origin: baseURL! }, multipart: { file: { name: 'huge.jpg', mimeType: 'image/jpeg', buffer: huge } }, failOnStatusCode: false });
  expect(response.status()).toBe(413);
  expect((await response.json()).error).toMatch(/larger than 15 MB/);
  await page.context().close();
});
