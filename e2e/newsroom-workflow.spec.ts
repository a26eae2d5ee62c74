import { expect, test } from '@playwright/test';
// Several people in several browsers per test: allow for a busy two-core machine.
import { createDraft, fillStandfirst, inviteStaff, signIn, staffPage, typeBody, unique, waitSaved } from './support/newsroom';

test.describe.configure({ timeout: 180_000 });

test('a contributor writes and submits, an editor reviews and publishes, a reader sees it', async ({ browser, page: reader }) => {
  const headline = unique('Ferry timetable changes from May');
  const writer = await staffPage(browser, 'contributor');
  const id = await createDraft(writer, headline);
  await fillStandfirst(writer, 'Earlier sailings and a new Sunday service.');
  await typeBody(writer, 'The first ferry will leave at six in the morning from next month.');
  await waitSaved(writer);
  // A contributor cannot publish: there is no button, and the server would refuse anyway.
  await expect(writer.getByRole('button', { name: 'Publish now' })).toHaveCount(0);
  await writer.getByRole('button', { name: 'Submit for review' }).click();
  await expect(writer.getByText('Submitted for review.')).toBeVisible();

  const editor = await staffPage(browser, 'editor');
  await editor.goto('/dashboard');
  await expect(editor.getByRole('region', { name: 'Waiting for review' }).getByRole('link', { name: headline })).toBeVisible();
  await editor.goto('/dashboard/articles?status=in_review');
  await editor.getByRole('link', { name: headline }).click();
  await editor.waitForURL(new RegExp(`/dashboard/articles/${id}$`), { timeout: 30_000 });
  await editor.getByRole('button', { name: 'Publish now' }).click();
  await expect(editor.getByText('Published.', { exact: true })).toBeVisible();
  const live = editor.getByRole('link', { name: 'View live' });
  const path = await live.getAttribute('href');
  expect(path).toMatch(/^\/news\/\d{4}\/\d{2}\/\d{2}\/ferry-timetable-changes-from-may/);

  await reader.goto('/', { waitUntil: 'domcontentloaded' });
  await reader.getByRole('link', { name: headline }).first().click();
  await expect(reader).toHaveURL(new RegExp(`${path}$`));
  await expect(reader.getByRole('heading', { level: 1, name: headline })).toBeVisible();
  await expect(reader.getByText('The first ferry will leave at six in the morning from next month.')).toBeVisible();
  await reader.goto('/news', { waitUntil: 'domcontentloaded' });
  await expect(reader.getByRole('link', { name: headline }).first()).toBeVisible();
  await writer.context().close();
  await editor.context().close();
});

test('a forged publish request from a contributor gets 403 and changes nothing @once', async ({ browser, baseURL }) => {
  // The contributor's own article, waiting for review.
  const writer = await staffPage(browser, 'contributor', 1);
  const theirs = await createDraft(writer, unique('Contributor story under review'));
  await fillStandfirst(writer, 'Waiting for an editor.');
  await waitSaved(writer);
  await writer.getByRole('button', { name: 'Submit for review' }).click();
  await expect(writer.getByText('Submitted for review.')).toBeVisible();

  // Capture a genuine "publish" server-action request made by an editor on another article.
  const editor = await staffPage(browser, 'editor', 1);
  const mine = await createDraft(editor, unique('Editor story published normally'));
  await fillStandfirst(editor, 'Published by an editor.');
  await waitSaved(editor);
  const captured = editor.waitForRequest((r) => r.method() === 'POST' && Boolean(r.headers()['next-action']) && (r.postData() ?? '').includes('"publish"'));
  await editor.getByRole('button', { name: 'Publish now' }).click();
  const request = await captured;
  await expect(editor.getByText('Published.', { exact: true })).toBeVisible();

  // Replay it with the contributor's cookies, aimed at the contributor's article.
  const forged = await writer.context().request.post(request.url(), {
    headers: { 'next-action': request.headers()['next-action']!, 'content-type': request.headers()['content-type'] ?? 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: baseURL! },
    data: (request.postData() ?? '').replace(`"articleId":${mine}`, `"articleId":${theirs}`),
    failOnStatusCode: false,
  });
  expect(forged.status()).toBe(403);
  await writer.goto(`/dashboard/articles/${theirs}`);
  await expect(writer.locator('.editor__status .badge')).toHaveText('In review');
  // The same request from the editor's own session is allowed: the check is the role, not the request.
  const allowed = await editor.context().request.post(request.url(), {
    headers: { 'next-action': request.headers()['next-action']!, 'content-type': request.headers()['content-type'] ?? 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: baseURL! },
    data: (request.postData() ?? '').replace(`"articleId":${mine}`, `"articleId":${theirs}`),
    failOnStatusCode: false,
  });
  expect(allowed.status()).toBe(200);
  await writer.goto(`/dashboard/articles/${theirs}`);
  await expect(writer.locator('.editor__status .badge')).toHaveText('Published');
  await writer.context().close();
  await editor.context().close();
});

test('lower roles get 403 from pages above their role @once', async ({ browser }) => {
  const writer = await staffPage(browser, 'contributor');
  for (const path of ['/dashboard/media', '/dashboard/sections', '/dashboard/staff', '/dashboard/settings', '/dashboard/audit']) {
    const response = await writer.goto(path);
    expect(response!.status(), path).toBe(403);
  }
  // With the Origin a browser sends, so the 403 is the role's, not the missing Origin's.
  const upload = await writer.context().request.post('/api/media', { headers: { origin: new URL(writer.url()).origin }, multipart: { file: { name: 'x.png', mimeType: 'image/png', buffer: Buffer.from('x') } }, failOnStatusCode: false });
  expect(upload.status()).toBe(403);
  const author = await staffPage(browser, 'author');
  expect((await author.goto('/dashboard/staff'))!.status()).toBe(403);
  expect((await author.goto('/dashboard/media'))!.status()).toBe(200);
  await writer.context().close();
  await author.context().close();
});

test('deactivating someone or changing their role takes effect on their very next request @once', async ({ browser }) => {
  const admin = await staffPage(browser, 'admin');
  const name = unique('Temporary Reporter');
  const email = `${name.split(' ').at(-1)}@example.net`;
  const link = await inviteStaff(admin, { name, email, role: 'author' });

  const newcomer = await browser.newContext();
  const page = await newcomer.newPage();
  await page.goto(link);
  await page.getByLabel('Password').fill('a long enough passphrase');
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/signin\?email=/);
  await signIn(page, email, 'a long enough passphrase', '/dashboard/media');
  await expect(page.getByRole('heading', { name: 'Media library' })).toBeVisible();
  // The invitation works once.
  const again = await browser.newPage();
  await again.goto(link);
  await expect(again.getByRole('heading', { name: 'This invitation cannot be used' })).toBeVisible();

  await admin.reload();
  const card = admin.getByRole('region', { name });
  await card.getByLabel(`Role of ${name}`).selectOption('contributor');
  await card.getByRole('button', { name: 'Change role' }).click();
  await expect(card.getByText('Role changed.')).toBeVisible();
  const after = await page.goto('/dashboard/media');
  expect(after!.status() === 403 || page.url().includes('/signin')).toBe(true);

  await signIn(page, email, 'a long enough passphrase', '/dashboard/articles');
  await admin.reload();
  await admin.getByRole('region', { name }).getByRole('button', { name: 'Deactivate' }).click();
  await expect(admin.getByRole('region', { name }).getByText(/Deactivated/).first()).toBeVisible();
  await page.goto('/dashboard/articles');
  await expect(page).toHaveURL(/\/signin/);
  await newcomer.close();
  await again.context().close();
  await admin.context().close();
});
