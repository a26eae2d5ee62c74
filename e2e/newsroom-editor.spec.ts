import { expect, test } from '@playwright/test';
import { createDraft, saveState, staffPage, typeBody, unique, waitSaved } from './support/newsroom';

test.describe.configure({ timeout: 120_000 });

test('autosave survives a reload', async ({ browser }) => {
  const page = await staffPage(browser, 'author');
  await createDraft(page, unique('Autosave survives a reload'));
  await typeBody(page, 'Typed once, kept for good.');
  await expect(saveState(page)).toHaveText(/Unsaved changes|Saving…|Saved at/);
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('body-editor')).toContainText('Typed once, kept for good.');
  await page.context().close();
});

test('offline, changes are kept in this browser and saved when the page comes back', async ({ browser }) => {
  const page = await staffPage(browser, 'author', 1);
  const id = await createDraft(page, unique('Written on a train'));
  // This tab never reaches the server again (not even in the moment it closes), so what comes
  // back below can only have come from the copy kept in the browser.
  await page.route('**/*', (route) => (route.request().method() === 'POST' ? route.abort() : route.continue()));
  await page.context().setOffline(true);
  await typeBody(page, 'Filed from the tunnel.');
  await expect(saveState(page)).toHaveText('Offline: changes kept in this browser');
  // Closing the tab while offline loses nothing: the copy in this browser comes back.
  await page.close();
  await page.context().setOffline(false);
  const again = await page.context().newPage();
  await again.goto(`/dashboard/articles/${id}`);
  await expect(again.getByText('Unsaved changes from this browser were restored.')).toBeVisible();
  await expect(again.getByTestId('body-editor')).toContainText('Filed from the tunnel.');
  await waitSaved(again);
  await again.reload();
  await expect(again.getByTestId('body-editor')).toContainText('Filed from the tunnel.');
  await again.context().close();
});

test('two editors save the same article: the second sees a conflict with both versions, nothing is overwritten', async ({ browser }) => {
  const first = await staffPage(browser, 'editor', 0);
  const id = await createDraft(first, unique('Two editors one story'));
  const second = await staffPage(browser, 'editor', 1);
  await second.goto(`/dashboard/articles/${id}`);
  await expect(second.getByText(/is also editing this article/)).toBeVisible({ timeout: 20_000 });

  await typeBody(first, 'The first editor’s paragraph.');
  await waitSaved(first);
  await typeBody(second, 'The second editor’s paragraph.');
  await expect(second.getByRole('heading', { name: 'Someone else saved this article' })).toBeVisible({ timeout: 20_000 });
  await expect(second.getByTestId('conflict-theirs')).toContainText('The first editor’s paragraph.');
  await expect(second.getByTestId('conflict-mine')).toContainText('The second editor’s paragraph.');
  // Nothing was overwritten: the first editor's text is what is stored.
  await first.reload();
  await expect(first.getByTestId('body-editor')).toContainText('The first editor’s paragraph.');
  await expect(first.getByTestId('body-editor')).not.toContainText('The second editor’s paragraph.');
  // The second editor chooses to keep their version, knowingly.
  await second.getByRole('button', { name: 'Keep my version' }).click();
  await waitSaved(second);
  await first.reload();
  await expect(first.getByTestId('body-editor')).toContainText('The second editor’s paragraph.');
  await first.context().close();
  await second.context().close();
});

test('a revision shows its diff and can be restored', async ({ browser }) => {
  const page = await staffPage(browser, 'author', 2);
  const id = await createDraft(page, unique('Revisions can be restored'));
  await typeBody(page, 'Good first draft.');
  await waitSaved(page);
  const body = page.getByTestId('body-editor');
  await body.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Regrettable rewrite.');
  await waitSaved(page);
  await page.getByRole('link', { name: 'Revisions' }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/articles/${id}/revisions`));
  await expect(page.getByTestId('revision-diff').locator('ins')).toContainText('Regrettable rewrite.');
  await expect(page.getByTestId('revision-diff').locator('del')).toContainText('Good first draft.');
  await page.getByRole('link', { name: 'Version 2', exact: true }).click();
  await page.getByRole('button', { name: 'Restore version 2' }).click();
  await expect(page.getByText('Restored: that revision is now the latest version.')).toBeVisible();
  await page.getByRole('link', { name: /Back to/ }).click();
  await expect(page.getByTestId('body-editor')).toContainText('Good first draft.');
  await expect(page.getByTestId('body-editor')).not.toContainText('Regrettable rewrite.');
  await page.context().close();
});

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{font-family:"Comic Sans MS"}</style></head><body>
<!--StartFragment--><h1>Harbour report</h1>
<p class=MsoNormal><span style='font-family:"Comic Sans MS";color:red'>The harbour master spoke <b>at length</b>. Read <a href="https://example.org/report" style="color:blue">the full report</a>.<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]>Dredging starts in June</p>
<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;</span></span><![endif]>Two berths close for a week</p>
<blockquote><p>We have waited long enough.</p></blockquote>
<img src="https://tracker.example/pixel.gif" width="1" height="1"><script>window.pwned = true</script><font face="Wingdings">kept words</font><!--EndFragment--></body></html>`;

test('HTML pasted from a word processor keeps structure and drops the rest', async ({ browser }) => {
  const page = await staffPage(browser, 'editor');
  await createDraft(page, unique('Pasted from Word'));
  const body = page.getByTestId('body-editor');
  await body.click();
  await body.evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'fallback text');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, WORD_HTML);
  await expect(body.locator('h2')).toHaveText('Harbour report');
  await expect(body.locator('strong')).toHaveText('at length');
  await expect(body.locator('a[href="https://example.org/report"]')).toHaveText('the full report');
  await expect(body.locator('ul > li')).toHaveText(['Dredging starts in June', 'Two berths close for a week']);
  await expect(body.locator('blockquote')).toContainText('We have waited long enough.');
  await expect(body).toContainText('kept words');
  const html = await body.innerHTML();
  expect(html).not.toMatch(/style=|font-family|Comic Sans|<font|tracker\.example|<script|color:/i);
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('body-editor').locator('ul > li')).toHaveCount(2);
  await page.context().close();
});

test('leaving with unsaved changes warns', async ({ browser }) => {
  const page = await staffPage(browser, 'admin');
  await createDraft(page, unique('Do not lose this'));
  await typeBody(page, 'Half a sentence');
  let warned = false;
  page.on('dialog', async (dialog) => {
    warned = dialog.type() === 'beforeunload';
    await dialog.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => warned).toBe(true);
  await page.context().close();
});

// Seeded stories (db/seed-content.ts, "harbour-repairs") whose bodies carry a quote with its
// source, written straight into the database as the seed does, not through the editor. One per
// project, so the desktop and phone runs never edit the same article at once.
const CITED_STORY: Record<string, string> = {
  desktop: 'Quillhaven breakwater to be rebuilt in £1.6m scheme',
  phone: 'Council approves £4.2m repair of North Quay wall after winter storms',
};

test('a quote keeps its source through an edit, and the source can be changed', async ({ browser, page: reader }, testInfo) => {
  const headline = CITED_STORY[testInfo.project.name] ?? CITED_STORY.desktop!;
  const page = await staffPage(browser, 'editor', testInfo.project.name === 'phone' ? 1 : 0);
  await page.goto(`/dashboard/articles?q=${encodeURIComponent(headline)}`);
  await page.getByRole('link', { name: headline, exact: true }).click();
  await page.waitForURL(/\/dashboard\/articles\/\d+$/);
  const body = page.getByTestId('body-editor');
  const source = page.getByLabel('Quote source');

  // The source is there to see and edit as soon as the cursor is in the quote.
  await expect(source).toHaveCount(0);
  await body.locator('blockquote').first().click();
  await expect(source).toBeVisible();
  const original = await source.inputValue();
  expect(original).toMatch(/harbour master/);

  // Any edit elsewhere in the body, then Update: the source is still there for readers.
  const sentence = `Work on the moorings is on schedule (${Date.now().toString(36)}).`;
  await body.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(sentence);
  await page.getByRole('button', { name: 'Update' }).click();
  await waitSaved(page);
  const path = (await page.getByRole('link', { name: 'View live' }).getAttribute('href'))!;
  await reader.goto(path, { waitUntil: 'domcontentloaded' });
  await expect(reader.getByText(sentence)).toBeVisible();
  await expect(reader.getByRole('figure', { name: original })).toBeVisible();

  // A new source, typed in the field, is what readers see next.
  const changed = `Harbour master’s office, in a statement (${Date.now().toString(36)})`;
  await body.locator('blockquote').first().click();
  await source.fill(changed);
  await page.getByRole('button', { name: 'Update' }).click();
  await waitSaved(page);
  await reader.goto(path, { waitUntil: 'domcontentloaded' });
  await expect(reader.getByRole('figure', { name: changed })).toBeVisible();
  await expect(reader.getByRole('figure', { name: original })).toHaveCount(0);

  // And the editor opens with it next time.
  await page.reload();
  await body.locator('blockquote').first().click();
  await expect(source).toHaveValue(changed);
  await page.context().close();
});

test('a link is added in the link dialog, a javascript: address is refused, and Escape closes it', async ({ browser }) => {
  const page = await staffPage(browser, 'author', 3);
  await createDraft(page, unique('Links from a dialog'));
  const body = page.getByTestId('body-editor');
  await typeBody(page, 'Read the harbour report');
  // Select "harbour report", the last fourteen characters.
  for (let i = 0; i < 'harbour report'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a link' });
  await expect(dialog).toBeVisible();
  const address = dialog.getByLabel('Link address');
  await expect(address).toBeFocused();

  // A script address is refused with a message, and nothing is linked.
  await address.fill('javascript:alert(document.cookie)');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Only web (http:// or https://) and e-mail (mailto:) links are allowed.');
  await expect(dialog).toBeVisible();
  await expect(body.locator('a')).toHaveCount(0);

  await address.fill('https://example.org/harbour-report');
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog).toBeHidden();
  await expect(body).toBeFocused();
  await expect(body.locator('a[href="https://example.org/harbour-report"]')).toHaveText('harbour report');

  // Escape closes the dialog without changing the link, and the editor has the focus again.
  await body.locator('a').click();
  await page.getByRole('button', { name: 'Link', exact: true }).click();
  const edit = page.getByRole('dialog', { name: 'Edit link' });
  await expect(edit.getByLabel('Link address')).toHaveValue('https://example.org/harbour-report');
  await page.keyboard.press('Escape');
  await expect(edit).toBeHidden();
  await expect(body).toBeFocused();

  // The saved body has the link.
  await waitSaved(page);
  await page.reload();
  await expect(page.getByTestId('body-editor').locator('a[href="https://example.org/harbour-report"]')).toHaveText('harbour report');
  await page.context().close();
});
