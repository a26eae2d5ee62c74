import { expect, test } from '@playwright/test';
import { FIXTURES } from './support/helpers';
import { createDraft, fillStandfirst, staffPage, typeBody, unique, waitSaved } from './support/newsroom';

test.describe.configure({ timeout: 120_000 });

function localInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

test('staff preview a draft as readers will see it, at phone and desktop widths', async ({ browser }) => {
  const page = await staffPage(browser, 'contributor');
  const headline = unique('Preview of a draft');
  const id = await createDraft(page, headline);
  await typeBody(page, 'Only staff can see this yet.');
  await waitSaved(page);
  await page.goto(`/dashboard/preview/${id}?width=phone`);
  const frame = page.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1, name: headline })).toBeVisible();
  await expect(frame.getByText('Preview: this article is a draft.')).toBeVisible();
  // A draft has never been out: its dateline must not claim a publication time.
  await expect(frame.locator('.article__dates')).toHaveText('Not yet published');
  await page.getByRole('link', { name: 'Desktop width' }).click();
  await expect(page.locator('iframe')).toHaveAttribute('title', /1280 pixels/);
  // Signed out, the staff preview is not available.
  const anonymous = await browser.newPage();
  await anonymous.goto(`/preview/article/${id}`);
  await expect(anonymous).toHaveURL(/\/signin/);
  await anonymous.context().close();
  await page.context().close();
});

test('a secret preview link works signed out, and stops working once revoked', async ({ browser }) => {
  const page = await staffPage(browser, 'author');
  const headline = unique('Shared preview story');
  await createDraft(page, headline);
  await fillStandfirst(page, 'For the source to check.');
  await waitSaved(page);
  await page.getByRole('button', { name: /Create a secret preview link/ }).click();
  const url = await page.getByLabel('Share this link; it is shown only now:').inputValue();
  expect(url).toMatch(/\/preview\/[A-Za-z0-9_-]{20,}$/);

  const outsider = await browser.newContext();
  const reader = await outsider.newPage();
  const response = await reader.goto(url);
  expect(response!.status()).toBe(200);
  await expect(reader.getByRole('heading', { level: 1, name: headline })).toBeVisible();
  await expect(reader.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);

  await page.reload();
  await page.getByRole('button', { name: 'Revoke' }).first().click();
  await expect(page.getByText(/revoked/).first()).toBeVisible();
  const after = await reader.goto(url);
  expect(after!.status()).toBe(404);
  await expect(reader.getByText(headline)).toHaveCount(0);
  await outsider.close();
  await page.context().close();
});

test('a scheduled story’s preview says when it goes out; a live article still says when it was published', async ({ browser, page }) => {
  const staff = await staffPage(browser, 'author');
  const headline = unique('Preview of a scheduled story');
  const id = await createDraft(staff, headline);
  await fillStandfirst(staff, 'Out tomorrow morning.');
  await typeBody(staff, 'The ferry timetable changes.');
  await waitSaved(staff);
  // The browser runs in the test machine's time zone, as the form does.
  await staff.getByLabel(/Publish at/).fill(localInput(new Date(Date.now() + 86_400_000)));
  await staff.getByRole('button', { name: 'Schedule' }).click();
  await expect(staff.getByText(/^Scheduled for /).first()).toBeVisible();
  await staff.goto(`/dashboard/preview/${id}`);
  const frame = staff.frameLocator('iframe');
  await expect(frame.getByRole('heading', { level: 1, name: headline })).toBeVisible();
  await expect(frame.locator('.article__dates')).toHaveText(/^Scheduled for \w+, \d{1,2} \w+ \d{4}, \d\d:\d\d /);
  await staff.context().close();

  // The reader page itself keeps its "Published" dateline.
  await page.goto(FIXTURES.correctedArticlePath);
  await expect(page.locator('.article__dates')).toHaveText(/^Published \w+, \d{1,2} \w+ \d{4}/);
});
