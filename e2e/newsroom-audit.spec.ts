import { expect, test } from '@playwright/test';
import { createDraft, demoStaff, fillStandfirst, ownAddress, staffPage, unique, waitSaved } from './support/newsroom';

// The audit log as an admin reads it: names, headlines and plain words; a filter by person,
// article, action and day; the same rows as a CSV file that only admins can download.

test.describe.configure({ timeout: 120_000 });

test('the audit log shows an edit to a live story in words, filters to it, and exports it as CSV for admins only', async ({ browser, baseURL }) => {
  const editor = await staffPage(browser, 'editor');
  const headline = unique('Harbour fees rise');
  const id = await createDraft(editor, headline);
  await fillStandfirst(editor, 'From April.');
  await waitSaved(editor);
  await editor.getByRole('button', { name: 'Publish now' }).click();
  await expect(editor.getByText('Published.', { exact: true })).toBeVisible();
  await editor.getByLabel('Standfirst').fill('From April, by five per cent.');
  await editor.getByRole('button', { name: 'Update' }).click();
  await waitSaved(editor);
  // The editor may not export the log, whatever the link says.
  expect((await editor.request.get('/dashboard/audit/export')).status()).toBe(403);
  await editor.context().close();

  // A failed sign-in is logged too, against the account.
  const stranger = await browser.newContext();
  await ownAddress(stranger);
  const failed = await stranger.request.post('/api/auth/login', {
    form: { email: demoStaff('author', 1).email, password: 'not the password' },
    headers: { Origin: baseURL!, Accept: 'application/json' },
    failOnStatusCode: false,
  });
  expect(failed.status()).toBe(401);
  await stranger.close();

  const admin = await staffPage(browser, 'admin');
  await admin.goto(`/dashboard/audit?article=${id}`);
  const row = admin.getByRole('row').filter({ hasText: 'edited a published article' });
  await expect(row).toContainText(headline);
  await expect(row).toContainText(demoStaff('editor').name);
  await expect(row).toContainText('Changed: standfirst.');
  await expect(admin.getByRole('cell', { name: /^article:\d+$/ })).toHaveCount(0);

  await admin.goto('/dashboard/audit');
  await admin.getByLabel('Action').selectOption({ label: 'Failed to sign in' });
  await admin.getByRole('button', { name: 'Filter' }).click();
  await expect(admin.getByRole('row').filter({ hasText: demoStaff('author', 1).name }).first()).toBeVisible();

  // Nonsense in the filter: said plainly, kept in the box, no error page.
  await admin.goto('/dashboard/audit?article=the-big-one');
  await expect(admin.getByRole('alert').filter({ hasText: 'Give the article’s number' })).toBeVisible();
  await expect(admin.getByLabel(/^Article/)).toHaveValue('the-big-one');

  const csv = await admin.request.get(`/dashboard/audit/export?article=${id}`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const text = await csv.text();
  expect(text).toContain('"edited a published article"');
  expect(text).toContain(`"${headline}"`);
  expect((await admin.request.get('/dashboard/audit/export?from=yesterday')).status()).toBe(400);
  await admin.context().close();
});
