import { expect, test } from '@playwright/test';
import { createDraft, fillStandfirst, staffPage, typeBody, unique, waitSaved } from './support/newsroom';

test.describe.configure({ timeout: 120_000 });

function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

test('an author schedules an article and it publishes on time, with nobody visiting (real seconds) @once', async ({ browser, request }) => {
  const page = await staffPage(browser, 'author');
  const headline = unique('Scheduled harbour festival announcement');
  await createDraft(page, headline);
  await fillStandfirst(page, 'The festival returns in August.');
  await typeBody(page, 'Boats, music and food on the quay.');
  await waitSaved(page);
  const due = new Date(Date.now() + 12_000);
  // The browser runs in the test machine's time zone, as the form does.
  await page.getByLabel(/Publish at/).fill(localInput(due));
  await page.getByRole('button', { name: 'Schedule' }).click();
  await expect(page.getByText(/^Scheduled for /).first()).toBeVisible();
  await page.context().close();

  // Nobody visits the front page until the article is due.
  const front = () => request.get('/').then((r) => r.text());
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, due.getTime() - Date.now() - 2000)));
  expect(await front()).not.toContain(headline);
  await expect.poll(front, { timeout: due.getTime() - Date.now() + 6000, intervals: [250] }).toContain(headline);
  // On time: within a few seconds of the due time, not at the next fixed interval.
  expect(Date.now() - due.getTime()).toBeLessThan(5000);
});

test('an embargo stops publishing before its time', async ({ browser }) => {
  const page = await staffPage(browser, 'editor');
  await createDraft(page, unique('Embargoed figures'));
  await fillStandfirst(page, 'Figures due tomorrow.');
  await page.getByLabel(/Embargo until/).fill(localInput(new Date(Date.now() + 86_400_000)).slice(0, 16));
  await waitSaved(page);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByText(/under embargo until/)).toBeVisible();
  await expect(page.locator('.editor__status .badge')).toHaveText('Draft');
  await page.context().close();
});

test('the checklist warns before publishing, and the warning can be overridden', async ({ browser }) => {
  const page = await staffPage(browser, 'editor', 1);
  await createDraft(page, unique('Quote from TK to follow'));
  await typeBody(page, 'Story without a standfirst yet.');
  await waitSaved(page);
  await page.getByRole('button', { name: 'Publish now' }).click();
  const problems = page.locator('.notice--error');
  await expect(problems).toContainText('No "TK" placeholders are left in the text');
  await expect(problems).toContainText('The article has a description');
  await page.getByRole('button', { name: 'Publish anyway' }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible();
  await page.context().close();
});

test('moving a published article refreshes its pages and the old URL redirects @once', async ({ browser, request }) => {
  const page = await staffPage(browser, 'editor');
  const headline = unique('Bridge reopening date set');
  await createDraft(page, headline);
  await fillStandfirst(page, 'Cars from Monday.');
  await waitSaved(page);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible();
  const oldPath = (await page.getByRole('link', { name: 'View live' }).getAttribute('href'))!;
  expect((await request.get(oldPath)).status()).toBe(200);
  expect(await (await request.get('/news')).text()).toContain(headline);
  await page.getByLabel('Section').selectOption({ label: 'Business' });
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByTestId('save-state')).toHaveText(/Saved at/);
  const newPath = (await page.getByRole('link', { name: 'View live' }).getAttribute('href'))!;
  expect(newPath).toMatch(/^\/business\//);
  const moved = await request.get(oldPath, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(moved.headers().location).toContain(newPath);
  expect(await (await request.get('/business')).text()).toContain(headline);
  expect(await (await request.get('/news')).text()).not.toContain(headline);
  await page.getByRole('button', { name: 'Withdraw…' }).click();
  await page.getByLabel(/Reason for withdrawal/).fill('Moved in error; withdrawn while we check it.');
  await page.getByRole('button', { name: 'Withdraw the story' }).click();
  await expect(page.getByText(/Withdrawn/).first()).toBeVisible();
  expect((await request.get(newPath, { maxRedirects: 0 })).status()).toBe(410);
  expect(await (await request.get('/')).text()).not.toContain(headline);
  await page.context().close();
});

test('a correction shows on the article and on /corrections', async ({ browser, page: reader }) => {
  const page = await staffPage(browser, 'admin');
  const headline = unique('Council budget approved');
  await createDraft(page, headline);
  await fillStandfirst(page, 'The vote was close.');
  await waitSaved(page);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible();
  const path = (await page.getByRole('link', { name: 'View live' }).getAttribute('href'))!;
  const text = `The vote was 21 to 19, not 20 to 19 as first reported (${Date.now()}).`;
  await page.getByLabel('Text shown to readers').fill(text);
  await page.getByRole('button', { name: 'Publish correction' }).click();
  await expect(page.getByText(/Correction published/)).toBeVisible();
  await reader.goto(path);
  await expect(reader.getByText(text)).toBeVisible();
  await expect(reader.getByText(/Updated/).first()).toBeVisible();
  await reader.goto('/corrections');
  await expect(reader.getByText(text)).toBeVisible();
  await page.context().close();
});
