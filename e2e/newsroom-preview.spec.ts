import { expect, test } from '@playwright/test';
import { createDraft, fillStandfirst, staffPage, typeBody, unique, waitSaved } from './support/newsroom';

test.describe.configure({ timeout: 120_000 });

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
