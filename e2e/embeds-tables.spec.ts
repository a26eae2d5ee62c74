import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page, type Request } from '@playwright/test';
import { expectNoSeriousA11yViolations, FIXTURES } from './support/helpers';
import { createDraft, fillStandfirst, staffPage, unique, waitSaved } from './support/newsroom';

// Embeds (issue 14) and tables (issue 16): a pasted video address becomes an embed block, readers
// meet a placeholder that loads nothing from the provider until they click, the page's policy
// allows exactly the providers it embeds, and a table pasted from Word stays a table.

test.describe.configure({ timeout: 120_000 });

const WORD_TABLE = readFileSync(join(import.meta.dirname, '../test/fixtures/word-table.html'), 'utf8');

/** Every request the page makes to anywhere but the test server. */
function thirdPartyRequests(page: Page, origin: string): string[] {
  const seen: string[] = [];
  page.on('request', (r: Request) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:')) seen.push(r.url());
  });
  return seen;
}

async function paste(page: Page, data: Record<string, string>) {
  await page.getByTestId('body-editor').evaluate((el, entries) => {
    const clipboard = new DataTransfer();
    for (const [type, value] of Object.entries(entries)) clipboard.setData(type, value);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, data);
}

const frameSrc = (csp: string | undefined) => /frame-src ([^;]*)/.exec(csp ?? '')?.[1] ?? null;

test('the demo story shows placeholders, loads nothing from a provider until asked, and its policy allows exactly its providers', async ({ page, baseURL, request }) => {
  const outside = thirdPartyRequests(page, new URL(baseURL!).origin);
  const response = await page.goto(FIXTURES.embedArticlePath);
  expect(response!.status()).toBe(200);
  const csp = response!.headers()['content-security-policy'];
  expect(frameSrc(csp)!.split(' ').sort()).toEqual(["'self'", 'https://mastodon.social', 'https://www.openstreetmap.org', 'https://www.youtube-nocookie.com'].sort());

  // Found by its caption, which stays when the placeholder gives way to the frame.
  const video = page.getByRole('figure').filter({ hasText: 'Quillhaven pull clear under the North Quay wall.' });
  await expect(video).toContainText('YouTube video');
  await expect(video).toContainText('The harbour mile: the last two hundred metres');
  await expect(video.getByRole('link', { name: 'Watch it on YouTube' })).toHaveAttribute('href', 'https://www.youtube.com/watch?v=PortEllery1');
  await expect(video).toContainText('Quillhaven pull clear under the North Quay wall. Video: Port Ellery Gig Club');
  await expect(page.getByRole('figure').filter({ hasText: 'Port Ellery lifeboat station thanks the crews' })).toContainText('Mastodon post');
  await expect(page.getByRole('button', { name: 'Load the map from OpenStreetMap' })).toBeVisible();
  await expect(page.locator('iframe')).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'an article with embeds and a table');
  await page.waitForLoadState('networkidle');
  expect(outside, 'requests to third parties before any click').toEqual([]);

  // The reader asks for the video: only then is the provider's frame requested, and the policy lets it load.
  await page.route('https://www.youtube-nocookie.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>player</title><p>Player stand-in</p>' }));
  await video.getByRole('button', { name: 'Load the video from YouTube' }).click();
  const frame = video.locator('iframe');
  await expect(frame).toHaveAttribute('title', 'The harbour mile: the last two hundred metres');
  await expect(frame).toBeFocused();
  await expect(page.frameLocator('iframe').getByText('Player stand-in')).toBeVisible();
  expect(outside).toEqual(['https://www.youtube-nocookie.com/embed/PortEllery1']);

  // A story without embeds allows no frames from anyone.
  const plain = await request.get(FIXTURES.oldArticlePath);
  expect(plain.status()).toBe(200);
  expect(plain.headers()['content-security-policy']).not.toMatch(/youtube|frame-src/);
});

test('the demo table is an accessible table that scrolls sideways on a 360 px phone', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  await page.goto(FIXTURES.embedArticlePath);
  const table = page.getByRole('table', { name: 'Harbour mile, women’s race: the first four' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['Place', 'Crew', 'Time']);
  await expect(table.locator('th[scope="col"]')).toHaveCount(3);
  await expect(table.getByRole('row')).toHaveCount(5);
  // The page itself never scrolls sideways; the table's own region does, and takes keyboard focus.
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(pageWidth).toBeLessThanOrEqual(360);
  const region = page.getByRole('region', { name: 'Harbour mile, women’s race: the first four' });
  await expect(region).toHaveCSS('overflow-x', 'auto');
  await expect(region).toHaveAttribute('tabindex', '0');
  await context.close();
});

test('without JavaScript an embed is a plain link and nothing loads', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(FIXTURES.embedArticlePath);
  const video = page.getByRole('figure').filter({ hasText: 'The harbour mile: the last two hundred metres' });
  await expect(video.getByRole('link', { name: 'Watch it on YouTube' })).toHaveAttribute('href', 'https://www.youtube.com/watch?v=PortEllery1');
  await expect(page.getByRole('button', { name: /^Load the/ })).toHaveCount(0);
  await expect(page.locator('iframe')).toHaveCount(0);
  await context.close();
});

test('an editor pastes a YouTube address and a Word table; readers get the embed with its caption and a real table', async ({ browser, page: reader, baseURL }) => {
  const page = await staffPage(browser, 'editor');
  const id = await createDraft(page, unique('Lifeboat launch on film'));
  await fillStandfirst(page, 'The new boat on the water for the first time.');
  const body = page.getByTestId('body-editor');
  await body.click();
  await page.keyboard.type('The launch, as it happened:');
  await page.keyboard.press('Enter');
  await paste(page, { 'text/plain': 'https://youtu.be/Lb7aunch_0Q' });
  const block = body.getByTestId('editor-embed');
  await expect(block).toContainText('YouTube: Video on YouTube');
  await expect(block).toContainText('https://www.youtube.com/watch?v=Lb7aunch_0Q');
  await block.click();
  await page.getByLabel('Embed title').fill('The new lifeboat’s first launch');
  await page.getByLabel('Embed caption').fill('Down the slipway at high water.');
  await page.getByLabel('Embed credit').fill('Video: Port Ellery RNLI');
  await expect(block).toContainText('YouTube: The new lifeboat’s first launch');
  await expectNoSeriousA11yViolations(page, 'the editor with an embed block selected');

  // An address no pattern knows stays an ordinary link.
  await body.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Not a video: ');
  await paste(page, { 'text/plain': 'https://www.youtube.com.example.net/watch?v=Lb7aunch_0Q' });
  await expect(body.getByTestId('editor-embed')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await paste(page, { 'text/html': WORD_TABLE, 'text/plain': 'Ticket\tSingle\tReturn' });
  const table = body.locator('table');
  await expect(table.locator('th')).toHaveText(['Ticket', 'Single', 'Return']);
  await expect(table.locator('td')).toHaveText(['Adult', '£4.20', '£7.50', 'Child under 16', 'Free with a paying adult']);
  await table.locator('td').first().click();
  await expect(page.getByLabel('Table caption')).toHaveValue('Table 1: Summer fares, Port Ellery to Gannet Sands');
  await expectNoSeriousA11yViolations(page, 'the editor with a table');
  expect(await table.innerHTML()).not.toMatch(/mso-|onclick|style="width/);
  await waitSaved(page);

  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible();
  const path = (await page.getByRole('link', { name: 'View live' }).getAttribute('href'))!;

  const outside = thirdPartyRequests(reader, new URL(baseURL!).origin);
  const response = await reader.goto(path);
  expect(frameSrc(response!.headers()['content-security-policy'])).toBe("'self' https://www.youtube-nocookie.com");
  const embed = reader.getByRole('figure').filter({ hasText: 'The new lifeboat’s first launch' });
  await expect(embed).toContainText('Down the slipway at high water. Video: Port Ellery RNLI');
  await expect(embed.getByRole('button', { name: 'Load the video from YouTube' })).toBeVisible();
  await expect(reader.getByRole('link', { name: 'https://www.youtube.com.example.net/watch?v=Lb7aunch_0Q' })).toBeVisible();
  const readerTable = reader.getByRole('table', { name: 'Table 1: Summer fares, Port Ellery to Gannet Sands' });
  await expect(readerTable.getByRole('columnheader')).toHaveText(['Ticket', 'Single', 'Return']);
  await expect(readerTable.getByRole('cell', { name: 'Free with a paying adult' })).toHaveAttribute('colspan', '2');
  await expect(reader.getByText('Cell ACell B')).toHaveCount(0);
  await reader.waitForLoadState('networkidle');
  expect(outside).toEqual([]);

  // The staff preview shows them as readers will, its policy allowing the providers' frames.
  const preview = await page.goto(`/preview/article/${id}`);
  expect(frameSrc(preview!.headers()['content-security-policy'])).toContain('https://www.youtube-nocookie.com');
  await expect(page.getByRole('button', { name: 'Load the video from YouTube' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Table 1: Summer fares, Port Ellery to Gannet Sands' })).toBeVisible();
  // The revision history has their words, cells kept apart.
  await page.goto(`/dashboard/articles/${id}/revisions`);
  await expect(page.getByRole('main')).toContainText('The new lifeboat’s first launch');
  await expect(page.getByRole('main')).toContainText('Free with a paying adult');

  // Reopened in the editor, the embed and the table are as they were saved.
  await page.goto(`/dashboard/articles/${id}`);
  await expect(page.getByTestId('editor-embed')).toContainText('YouTube: The new lifeboat’s first launch');
  await expect(page.getByTestId('body-editor').locator('th')).toHaveCount(3);
  await page.context().close();
});

test('a table past the size limit is refused with a message saying the limit, and nothing is lost from the editor', async ({ browser }) => {
  const page = await staffPage(browser, 'author');
  await createDraft(page, unique('Every tide of the year'));
  const rows = Array.from({ length: 201 }, (_, i) => `<tr><td><p class=MsoNormal>Day ${i + 1}<o:p></o:p></p></td><td>06:${String(i % 60).padStart(2, '0')}</td></tr>`).join('');
  await page.getByTestId('body-editor').click();
  await paste(page, { 'text/html': `<table class=MsoTableGrid>${rows}</table>`, 'text/plain': 'Day 1' });
  await expect(page.getByText('A table can have at most 200 rows: put a longer one in a linked file.')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByTestId('body-editor').locator('tr')).toHaveCount(201);
  await expect(page.getByTestId('save-state')).not.toHaveText(/Saved at/);
  await page.context().close();
});
