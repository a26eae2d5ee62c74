import { expect, test } from '@playwright/test';
import { createDraft, fillStandfirst, staffPage, typeBody, unique, waitSaved } from './support/newsroom';

// Safety nets on the irreversible: withdrawing a story asks for confirmation and a reason, which
// readers then find on the corrections page; a withdrawn story can be brought back as a draft.

test.describe.configure({ timeout: 120_000 });

test('withdrawing asks for a reason, refuses an empty one keeping what was typed, and the reason shows on /corrections', async ({ browser, page: reader }) => {
  const page = await staffPage(browser, 'editor');
  const headline = unique('Ferry timetable changes');
  const bodyText = `Secret body text ${Date.now()}`;
  await createDraft(page, headline);
  await fillStandfirst(page, 'New times from Monday.');
  await typeBody(page, bodyText);
  await waitSaved(page);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible();
  const path = (await page.getByRole('link', { name: 'View live' }).getAttribute('href'))!;

  // One click only opens the confirmation: the story is still live.
  await page.getByRole('button', { name: 'Withdraw…' }).click();
  await expect(page.getByRole('group', { name: 'Withdraw this story?' })).toBeVisible();
  expect((await reader.request.get(path, { maxRedirects: 0 })).status()).toBe(200);

  // Only spaces: refused with a plain message, the box keeps what was typed, nothing changes.
  const reason = page.getByLabel(/Reason for withdrawal/);
  await reason.fill('   ');
  await page.getByRole('button', { name: 'Withdraw the story' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Say why the story is being withdrawn' })).toBeVisible();
  await expect(reason).toHaveValue('   ');
  expect((await reader.request.get(path, { maxRedirects: 0 })).status()).toBe(200);

  const why = `The timetable came from a draft the ferry company later changed (${Date.now()}).`;
  await reason.fill(why);
  await page.getByRole('button', { name: 'Withdraw the story' }).click();
  await expect(page.getByText(/^Withdrawn: readers now get/)).toBeVisible();
  expect((await reader.request.get(path, { maxRedirects: 0 })).status()).toBe(410);

  // The 410 page's promise is kept: the corrections page names the story, dates it, says why.
  await reader.goto('/corrections');
  const entry = reader.getByRole('listitem').filter({ hasText: why });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText(headline);
  await expect(entry).toContainText(/Withdrawn, \d/);
  await expect(entry.getByRole('link')).toHaveCount(0);
  await expect(reader.getByText(bodyText)).toHaveCount(0);

  // And it can be undone: back to a draft.
  await page.getByRole('button', { name: 'Restore as a draft' }).click();
  await expect(page.getByText(/^Restored as a draft/)).toBeVisible();
  await expect(page.locator('.editor__status .badge')).toHaveText('Draft');
  await page.context().close();
});
