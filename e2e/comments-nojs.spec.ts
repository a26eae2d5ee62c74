import { expect, test, type APIRequestContext } from '@playwright/test';
import { articleOpenForComments, articleWithLongThread, field, useOwnAddress, uniqueEmail } from './support/comments';
import { expectNoSeriousA11yViolations } from './support/helpers';

// Commenting with JavaScript switched off: the plain form posts, lands on a page that says the
// comment was received, and every refusal shows the reason with the typed text still there.

test.use({ javaScriptEnabled: false });

test.beforeEach(async ({ context }) => {
  await useOwnAddress(context);
});

test.describe('commenting without JavaScript', () => {
  test('shows the approved comments and the form in the article HTML', async ({ page, request }) => {
    const path = await articleOpenForComments(request);
    await page.goto(path);
    const comments = page.locator('#comments');
    await expect(comments.getByRole('heading', { name: /\d+ comments?/ })).toBeVisible();
    await expect(comments.getByRole('listitem').first()).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Leave a Reply' })).toBeVisible();
    for (const name of ['Name', 'Email', 'Comment'] as const) await expect(field(page, name)).toHaveAttribute('required', '');
  });

  test('pages through a long thread with "More comments", each comment once', async ({ page, request }) => {
    await page.goto(await articleWithLongThread(request));
    const ids = async () => page.locator('#comments li.comment, main li.comment').evaluateAll((items) => items.map((li) => li.id));
    const first = await ids();
    expect(first.length).toBeGreaterThan(0);
    await page.getByRole('link', { name: 'More comments' }).click();
    await expect(page).toHaveURL(/\/comments\/\d+\/after\/[^/]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/\d+ comments/);
    const second = await ids();
    expect(second.length).toBeGreaterThan(0);
    expect(second.filter((id) => first.includes(id))).toEqual([]);
    await expect(page.getByRole('link', { name: /^Back to/ })).toBeVisible();
  });

  test('posts a comment and lands on a page saying it was received', async ({ page, request }) => {
    const path = await articleOpenForComments(request);
    await page.goto(path);
    const text = `Posted with scripts off ${Date.now()}`;
    await field(page, 'Name').fill('Plain Reader');
    await field(page, 'Email').fill(uniqueEmail('nojs'));
    await field(page, 'Comment').fill(text);
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page).toHaveURL(/\/comments\/received\?c=/);
    await expect(page.getByRole('heading', { name: 'Thank you: your comment was received' })).toBeVisible();
    await expect(page.getByText('Your comment is awaiting moderation.').first()).toBeVisible();
    await expect(page.getByText(text)).toBeVisible();
    await page.getByRole('link', { name: /^Back to/ }).click();
    await expect(page).toHaveURL(new RegExp(`${path}#comments$`));
  });

  test('replies through the plain reply page', async ({ page, request }) => {
    const path = await articleOpenForComments(request);
    await page.goto(path);
    const replyLink = page.locator('#comments').getByRole('link', { name: /^Reply to / }).first();
    const parentName = ((await replyLink.textContent()) ?? '').replace(/^Reply to /, '').trim();
    await replyLink.click();
    await expect(page.getByRole('heading', { level: 1, name: `Reply to ${parentName}` })).toBeVisible();
    const text = `A plain reply ${Date.now()}`;
    await field(page, 'Name').fill('Plain Replier');
    await field(page, 'Email').fill(uniqueEmail('nojs-reply'));
    await field(page, 'Comment').fill(text);
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('heading', { name: 'Thank you: your comment was received' })).toBeVisible();
    await expect(page.getByText(text)).toBeVisible();
  });

  test('the same form sent twice (a reload, a second click) makes one comment @once', async ({ request }) => {
    const path = await articleOpenForComments(request);
    const html = await (await request.get(path)).text();
    const form = {
      articleId: /name="articleId" value="(\d+)"/.exec(html)![1]!,
      parentId: '',
      formToken: /name="formToken" value="([^"]+)"/.exec(html)![1]!,
      name: 'Double Sender',
      email: uniqueEmail('nojs-twice'),
      comment: `Sent twice ${Date.now()}`,
      homepage: '',
    };
    const send = () => request.post('/api/comments', { form, maxRedirects: 0, headers: { 'x-forwarded-for': '198.19.7.7' } });
    const [a, b] = [await send(), await send()];
    expect(a.status()).toBe(303);
    expect(b.status()).toBe(303);
    expect(b.headers().location).toBe(a.headers().location);
  });

  test('a duplicate and a post too soon each show the reason, keeping the typed text', async ({ page, request }) => {
    const path = await articleOpenForComments(request);
    const email = uniqueEmail('nojs-errors');
    const text = `Said twice without scripts ${Date.now()}`;
    const post = async (comment: string, freshToken = false) => {
      await page.goto(path);
      await field(page, 'Name').fill('Plain Repeater');
      await field(page, 'Email').fill(email);
      await field(page, 'Comment').fill(comment);
      if (freshToken) {
        // As if the page had been loaded again later: a newer form, the same words.
        const articleId = await page.locator('input[name="articleId"]').inputValue();
        const token = (await (await request.get(`/api/comments?article=${articleId}`)).json()).formToken as string;
        await page.locator('input[name="formToken"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), token);
      }
      await page.getByRole('button', { name: 'Post Comment' }).click();
    };
    await post(text);
    await expect(page.getByRole('heading', { name: 'Thank you: your comment was received' })).toBeVisible();

    // Straight away (within the 15-second flood interval): something new is too soon.
    await post(`${text} (a new thought)`);
    await expect(page.getByRole('heading', { name: 'Your comment was not posted' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(/Please wait \d+ seconds? and try again/);
    await expect(field(page, 'Comment')).toHaveValue(`${text} (a new thought)`);
    await expect(field(page, 'Name')).toHaveValue('Plain Repeater');
    await expect(field(page, 'Email')).toHaveValue(email);
    // The kept form can be sent again from the error page itself.
    await expect(page.getByRole('button', { name: 'Post Comment' })).toBeVisible();
    await expect(page.getByRole('link', { name: /^Back to/ })).toHaveAttribute('href', `${path}#comments`);

    // The same words again, from a newer copy of the form: a duplicate, whenever it is sent.
    await post(text, true);
    await expect(page.getByRole('heading', { name: 'Your comment was not posted' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('Duplicate comment');
    await expect(field(page, 'Comment')).toHaveValue(text);
  });

  test('explains a bad e-mail address on the error page, keeping the text (the browser check bypassed)', async ({ page, request }) => {
    const path = await articleOpenForComments(request);
    await page.goto(path);
    const text = `Bad address kept ${Date.now()}`;
    // A browser that does not check the field types (or a form filled by other means).
    await page.locator('form.comment-form').evaluate((form) => form.setAttribute('novalidate', ''));
    await field(page, 'Name').fill('Typo Person');
    await field(page, 'Email').fill('typo-at-example.net');
    await field(page, 'Comment').fill(text);
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('alert')).toContainText('valid email address');
    await expect(field(page, 'Comment')).toHaveValue(text);
    await expect(field(page, 'Email')).toHaveValue('typo-at-example.net');
    await expect(field(page, 'Email')).toHaveAttribute('aria-invalid', 'true');
  });

  test('the refusal page is a page of the site, rendered for this reader only and kept out of caches and search engines', async ({ page, request }) => {
    const address = await refusalAddress(request);
    const response = await page.goto(address);
    // The reader's mistake is a 4xx on the page that shows it, not a 200 (the proxy gives it the refusal's status).
    expect(response?.status()).toBe(400);
    expect(response?.headers()['cache-control']).toMatch(/no-store/);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
    await expect(page.getByRole('heading', { level: 1, name: 'Your comment was not posted' })).toBeVisible();
    await expect(field(page, 'Email')).toHaveValue('kept-at-example.net');
    await expect(field(page, 'Name')).toHaveValue('Kept Reader');
    // The same address again (a reload) shows the same page; nothing is posted again.
    await page.reload();
    await expect(field(page, 'Email')).toHaveValue('kept-at-example.net');
  });

  test('an expired or mistyped refusal address answers 410 with the expired notice @once', async ({ request }) => {
    const address = await refusalAddress(request);
    const mistyped = `${address.slice(0, -1)}${address.endsWith('A') ? 'B' : 'A'}`;
    const response = await request.get(mistyped, { failOnStatusCode: false });
    expect(response.status()).toBe(410);
    expect(await response.text()).toContain('Comment form expired');
  });
});

/** Posts a plain form with a mistake in it, as a browser without JavaScript would, and returns where the refusal is shown. */
async function refusalAddress(request: APIRequestContext): Promise<string> {
  const path = await articleOpenForComments(request);
  const html = await (await request.get(path)).text();
  const refused = await request.post('/api/comments', {
    form: {
      articleId: /name="articleId" value="(\d+)"/.exec(html)![1]!,
      parentId: '',
      formToken: /name="formToken" value="([^"]+)"/.exec(html)![1]!,
      name: 'Kept Reader',
      email: 'kept-at-example.net',
      comment: `Kept on a page of the site ${Date.now()}`,
      homepage: '',
    },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(303);
  const location = refused.headers().location!;
  expect(location).toMatch(/^\/comments\/not-posted\/[A-Za-z0-9_-]{32}$/);
  return location;
}

test.describe('the refusal page', () => {
  // axe runs in the page: this scan needs JavaScript, the page itself does not.
  test.use({ javaScriptEnabled: true });
  test('has no serious accessibility violations', async ({ page, request }) => {
    await page.goto(await refusalAddress(request));
    // Next's route announcer is an alert too once scripts run.
    await expect(page.getByRole('alert').filter({ hasText: 'valid email address' })).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'the comment refusal page');
  });
});
