import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { makeZip } from '../test/support/zip-writer';
import { expectNoSeriousA11yViolations } from './support/helpers';
import { staffPage } from './support/newsroom';

// The dashboard's door into the WordPress import: an admin uploads the export and the uploads
// folder as a zip (made here from the fixture folder), sees the dry run, maps an author and a
// category, starts the run, watches it finish in the background, and a reader then finds the
// imported article with its picture and its comments. A file that is not an export is refused
// with the reader's message and a 400, and no run is made. The uploaded files are never served.

const fixtures = path.resolve(import.meta.dirname, '../test/fixtures/wordpress');

async function uploadsZip(file: string): Promise<void> {
  const root = path.join(fixtures, 'uploads');
  const entries = [];
  for (const e of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    entries.push({ name: `uploads/${path.relative(root, full)}`, data: await readFile(full) });
  }
  await writeFile(file, makeZip(entries));
}

test('an admin imports a WordPress export with its uploads from the dashboard, and a reader sees the article, its picture and its comments', async ({ browser, request }, testInfo) => {
  test.setTimeout(180_000);
  const zip = testInfo.outputPath('uploads.zip');
  await uploadsZip(zip);
  const admin = await staffPage(browser, 'admin');
  await admin.goto('/dashboard/imports');
  await admin.getByRole('link', { name: 'New import' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'New import from WordPress' })).toBeVisible();
  await expectNoSeriousA11yViolations(admin, 'new import: upload');
  await admin.getByLabel('WordPress export (WXR)').setInputFiles(path.join(fixtures, 'harbour-gazette.xml'));
  await admin.getByLabel('Uploads folder, as an archive (optional)').setInputFiles(zip);
  await admin.getByRole('button', { name: 'Upload and check' }).click();

  // The dry run.
  await expect(admin.getByRole('heading', { name: 'Dry run: The Harbour Gazette' })).toBeVisible({ timeout: 30_000 });
  const counts = admin.getByRole('table', { name: 'What the import would make' });
  await expect(counts.getByRole('row', { name: 'Posts' }).getByRole('cell')).toHaveText('8');
  await expect(counts.getByRole('row', { name: 'Comments' }).getByRole('cell')).toHaveText('6');
  await expect(counts.getByRole('row', { name: 'Images to import' }).getByRole('cell')).toHaveText('2');
  await expect(admin.getByText('uploads: uploads.zip')).toBeVisible();
  await expectNoSeriousA11yViolations(admin, 'new import: dry run and mapping');
  const token = new URL(admin.url()).searchParams.get('upload')!;
  expect(token).toMatch(/^[a-f0-9]{32}$/);
  // What was uploaded sits in the media store's private prefix, and /media never serves it.
  for (const key of ['0-0.part', '1-0.part', 'manifest.json']) expect((await request.get(`/media/import-private/${token}/${key}`)).status()).toBe(404);

  // The mapping: one author only as a byline, the Council sub-category (under Local News) a section.
  await admin.getByLabel(/^Author The News Desk \(deskeditor, \d+ posts\)/).selectOption('byline');
  await admin.getByLabel('Byline text for deskeditor (if byline text only)').fill('Gazette Desk');
  const council = admin.getByLabel('Category Local News › Council (1 posts)');
  await expect(council).toHaveValue('topic');
  await council.selectOption('section');
  await admin.getByRole('button', { name: 'Start the import' }).click();

  // Progress, then the report, without reloading by hand.
  await expect(admin).toHaveURL(/\/dashboard\/imports\?run=\d+/);
  const runId = Number(new URL(admin.url()).searchParams.get('run'));
  await expect(admin.getByRole('heading', { name: `Import #${runId}: report` })).toBeVisible();
  await expect(admin.getByText(/old addresses answer 301 to their live page/)).toBeVisible({ timeout: 90_000 });
  await expect(admin.getByRole('row', { name: new RegExp(`#${runId}.*Finished`) })).toBeVisible();
  const run = await admin.evaluate(() => document.body.innerText);
  expect(run).toContain('gazette.example');

  // The mapping was used: the Council post lives in a section of its own, the desk's post carries the byline.
  const items = admin.getByRole('table', { name: /Posts and pages/ });
  const lighthouse = items.getByRole('row', { name: /Lighthouse keepers return to Gull Point/ });
  const href = await lighthouse.getByRole('link').getAttribute('href');
  expect(href).toBeTruthy();
  const councilHref = await items.getByRole('row', { name: /Council votes on mooring fees/ }).getByRole('link').getAttribute('href');
  expect(councilHref).toMatch(/^\/council\//);
  await admin.context().close();

  // A reader: the article, its picture from the uploads archive, and its comment thread.
  const reader = await browser.newPage();
  await reader.goto(href!);
  await expect(reader.getByRole('heading', { level: 1, name: 'Lighthouse keepers return to Gull Point after forty years' })).toBeVisible();
  const picture = reader.locator('article img[src*="/media/"]').first();
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  await expect(reader.getByText('My grandfather kept that light.')).toBeVisible();
  await reader.goto(councilHref!);
  await expect(reader.getByRole('heading', { level: 1, name: 'Council votes on mooring fees' })).toBeVisible();
  await expect(reader.getByText('Gazette Desk').first()).toBeVisible();
  await reader.close();
});

test('a file that is not a WordPress export is refused with its line, with a 400, and no import is made', async ({ browser }) => {
  const admin = await staffPage(browser, 'admin');
  await admin.goto('/dashboard/imports');
  const before = await admin.getByRole('table', { name: 'Imports, newest first' }).getByRole('row').count().catch(() => 0);
  await admin.goto('/dashboard/imports/new');
  await admin.getByLabel('WordPress export (WXR)').setInputFiles(path.join(fixtures, 'not-wxr.xml'));
  const answer = admin.waitForResponse((r) => r.url().endsWith('/api/imports/uploads') && r.request().method() === 'POST' && (r.request().postData() ?? '').includes('"check"'));
  await admin.getByRole('button', { name: 'Upload and check' }).click();
  expect((await answer).status()).toBe(400);
  await expect(admin.getByRole('status').filter({ hasText: /Cannot read the export: not-wxr\.xml.*line \d+.*Nothing was imported/ })).toBeVisible();
  await expect(admin).toHaveURL(/\/dashboard\/imports\/new$/);
  await admin.goto('/dashboard/imports');
  const after = await admin.getByRole('table', { name: 'Imports, newest first' }).getByRole('row').count().catch(() => 0);
  expect(after).toBe(before);
  await admin.context().close();
});
