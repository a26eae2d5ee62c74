import { expect, test, type APIRequestContext } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { freshData, startApp, type AppServer } from '../scripts/app-server.mjs';
import { startS3rver, type S3rverHandle } from '../scripts/s3rver.mjs';
import { staffPage } from './support/newsroom';

// Media in shared storage (issue 12; docs/decisions/2026-12-01-media-storage.md), on servers of
// this test's own pointed at an S3-compatible server it starts (s3rver): an image uploaded through
// one instance is served by another (two instances on PostgreSQL; one on the embedded database,
// which one process owns), and while the store is down the editor is told the upload was not
// saved, the library gains nothing, and readers get a 503 they may retry, until the store is back.

test.describe('media in an S3 bucket @once', () => {
  test.setTimeout(300_000);
  const base = Number(process.env.E2E_PORT ?? 3100) + 31;
  const apps: AppServer[] = [];
  let s3: S3rverHandle | undefined;
  let s3Dir = '';
  let drop: (() => Promise<void>) | undefined;

  test.beforeAll(async () => {
    s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-media-s3-'));
    s3 = await startS3rver({ port: base + 2, dir: s3Dir });
    const data = await freshData('e2e_media');
    drop = data.drop;
    const ports = data.databaseUrl ? [base, base + 1] : [base];
    for (const port of ports) apps.push(await startApp({ port, databaseUrl: data.databaseUrl, pgliteDir: data.pgliteDir, env: { ...s3.env, SITE_URL: `http://localhost:${port}` } }));
  });
  test.afterAll(async () => {
    for (const app of apps) await app.stop();
    await s3?.stop();
    await drop?.();
    fs.rmSync(s3Dir, { recursive: true, force: true });
  });

  async function fetchImage(request: APIRequestContext, url: string) {
    const response = await request.get(url, { failOnStatusCode: false });
    return { status: response.status(), headers: response.headers(), body: await response.body() };
  }

  test('an upload through one instance is served by every one; with the store down the editor is told and nothing is added', async ({ browser, request }) => {
    const [first, second = first] = apps as [AppServer, AppServer?];
    const page = await staffPage(browser, 'editor', 0, { baseURL: first!.url });
    await page.goto('/dashboard/media');
    const library = page.getByRole('list', { name: 'Images' }).getByRole('listitem');
    const before = await library.count();
    const photo = await sharp({ create: { width: 1400, height: 900, channels: 3, background: '#3a6f8f' } }).jpeg().toBuffer();
    await page.getByLabel('Choose images').setInputFiles([{ name: 'lighthouse.jpg', mimeType: 'image/jpeg', buffer: photo }]);
    const uploads = page.getByRole('list', { name: 'Uploads' });
    await expect(uploads.getByText(/Uploaded\./)).toBeVisible({ timeout: 30_000 });
    await page.reload();
    await expect(library).toHaveCount(before + 1);
    const src = (await library.first().locator('img').getAttribute('src'))!;
    expect(src).toMatch(/^\/media\//);

    // Every instance answers with the same bytes, ETag and a year of immutable caching.
    const fromFirst = await fetchImage(request, `${first!.url}${src}`);
    const fromSecond = await fetchImage(request, `${second!.url}${src}`);
    expect([fromFirst.status, fromSecond.status]).toEqual([200, 200]);
    expect(Buffer.compare(fromFirst.body, fromSecond.body)).toBe(0);
    expect(fromSecond.headers.etag).toBe(fromFirst.headers.etag);
    expect(fromSecond.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect((await sharp(fromSecond.body).metadata()).width).toBeGreaterThan(0);

    // The store goes away.
    await s3!.stop();
    await page.getByLabel('Choose images').setInputFiles([{ name: 'harbour-wall.jpg', mimeType: 'image/jpeg', buffer: photo }]);
    await expect(uploads.getByText('“harbour-wall.jpg” was not saved: the image store is not answering just now. Nothing was added to the library; try again in a minute.')).toBeVisible({ timeout: 30_000 });
    const down = await fetchImage(request, `${second!.url}${src}`);
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBe('30');
    expect(down.headers['cache-control']).toBe('no-store');
    expect(down.body.toString()).not.toMatch(/at .*\.js:\d+/);
    await page.reload();
    await expect(library).toHaveCount(before + 1);

    // And comes back with everything it held.
    s3 = await startS3rver({ port: base + 2, dir: s3Dir });
    const back = await fetchImage(request, `${second!.url}${src}`);
    expect(back.status).toBe(200);
    expect(Buffer.compare(back.body, fromFirst.body)).toBe(0);
    await page.context().close();
  });
});
