import { expect, test } from '@playwright/test';
import { FIXTURES } from './support/helpers';
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

test('restoring an old revision of a live story leaves the live page unchanged until someone clicks Update', async ({ browser, request }) => {
  const page = await staffPage(browser, 'editor');
  const headline = unique('Lifeboat station opens');
  const late = ` A late sentence ${Date.now()}.`;
  await createDraft(page, headline);
  await fillStandfirst(page, 'The crew moves in on Friday.');
  await typeBody(page, 'The station opened on time.');
  await waitSaved(page);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible();
  const path = (await page.getByRole('link', { name: 'View live' }).getAttribute('href'))!;
  await typeBody(page, late);
  await page.getByRole('button', { name: 'Update' }).click();
  await waitSaved(page);
  const live = () => request.get(path).then((r) => r.text());
  expect(await live()).toContain(late.trim());

  // The version before the update, from the revisions page.
  const id = page.url().split('/').at(-1)!;
  await page.goto(`/dashboard/articles/${id}/revisions`);
  await page.getByRole('list', { name: 'All revisions, newest first' }).getByRole('link').nth(1).click();
  await page.getByRole('link', { name: /^Open version \d+ in the editor$/ }).click();
  await expect(page.getByText(/is in the editor, not published: the live page is unchanged until you click Update/)).toBeVisible();
  await expect(page.getByTestId('body-editor')).not.toContainText(late.trim());
  expect(await live()).toContain(late.trim());

  // Published only when someone chooses to.
  await page.getByRole('button', { name: 'Update' }).click();
  await waitSaved(page);
  await expect.poll(live).not.toContain(late.trim());
  await page.context().close();
});

test('the 410 page’s promise holds for the demo’s withdrawn story: /corrections says when and why @once', async ({ page }) => {
  const gone = await page.goto(FIXTURES.withdrawnPath);
  expect(gone?.status()).toBe(410);
  await page.getByRole('link', { name: 'See our corrections' }).click();
  const entry = page.getByRole('listitem').filter({ hasText: FIXTURES.withdrawnHeadline });
  await expect(entry).toContainText(/Withdrawn, \d/);
  await expect(entry).toContainText('We withdrew the story while we check it.');
});
