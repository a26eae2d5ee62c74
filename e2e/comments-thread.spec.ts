import { expect, test } from '@playwright/test';
import { expectNoSeriousA11yViolations, FIXTURES } from './support/helpers';
import { articleOpenForComments, articleWithLongThread, field, fillComment, openIsland, signInAsEditor, uniqueEmail, useOwnAddress } from './support/comments';
import { staffPage } from './support/newsroom';

// The comment thread under an article, as readers use it with JavaScript, at phone and desktop
// sizes: posting, replying, their own pending comment, approval in the newsroom, and every error
// keeping what they typed.

test.beforeEach(async ({ context }) => {
  await useOwnAddress(context);
});

test.describe('a reader commenting', () => {
  test('posts, sees their own comment awaiting moderation (nobody else does), and sees it appear for everyone once an editor approves it', async ({ page, browser, request }, testInfo) => {
    // Three browsers (the commenter, another reader, an editor) on two shared cores.
    test.slow();
    const path = await articleOpenForComments(request);
    const text = `Thoughtful remark ${testInfo.project.name} ${Date.now()}`;
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Leave a Reply' })).toBeVisible();
    await openIsland(page);
    await expect(page.getByText('Your email address will not be published. Required fields are marked')).toBeVisible();
    await expect(page.getByRole('link', { name: 'How we handle your data' })).toHaveAttribute('href', '/privacy');
    await fillComment(page, { name: 'Wren Tester', email: uniqueEmail('first'), comment: text });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'awaiting moderation' })).toBeVisible();
    const mine = page.getByRole('listitem').filter({ hasText: text });
    await expect(mine.getByText('Your comment is awaiting moderation.')).toBeVisible();
    await expect(field(page, 'Comment')).toHaveValue('');

    // Still there after a reload: this browser remembers its own submissions.
    await page.reload();
    await openIsland(page);
    await expect(page.getByRole('listitem').filter({ hasText: text }).getByText('Your comment is awaiting moderation.')).toBeVisible();

    // Another reader sees nothing of it, in the HTML or the island.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(path);
    await openIsland(otherPage);
    await expect(otherPage.getByText(text)).toHaveCount(0);
    expect(await (await request.get(path)).text()).not.toContain(text);

    // An editor approves it in the newsroom.
    const editorContext = await browser.newContext();
    const editor = await editorContext.newPage();
    await signInAsEditor(editor);
    await editor.goto(`/dashboard/comments?status=pending&q=${encodeURIComponent(text)}`);
    const item = editor.getByRole('listitem').filter({ hasText: text });
    await expect(item.getByText('First-time commenter')).toBeVisible();
    await item.getByRole('button', { name: 'Approve comment by Wren Tester' }).click();
    await expect(editor.getByRole('status').filter({ hasText: '1 comment approved.' })).toBeVisible();
    await editorContext.close();

    // Within a second it is in the article's HTML and the other reader's thread.
    await expect
      .poll(async () => (await request.get(path)).text(), { timeout: 5000, intervals: [250, 250, 500] })
      .toContain(text);
    await otherPage.reload();
    await expect(otherPage.locator('#comments').getByText(text)).toBeVisible();
    await openIsland(otherPage);
    await expect(otherPage.getByRole('listitem').filter({ hasText: text }).getByText('awaiting moderation')).toHaveCount(0);
    await other.close();
  });

  test('replies to a comment and cancels a reply', async ({ page, request }) => {
    const path = await articleOpenForComments(request);
    await page.goto(path);
    await openIsland(page);
    const firstReply = page.getByRole('button', { name: /^Reply to / }).first();
    const parentName = ((await firstReply.textContent()) ?? '').replace(/^Reply to /, '').trim();
    await firstReply.click();
    await expect(page.getByRole('heading', { name: `Reply to ${parentName}` })).toBeVisible();
    await expect(field(page, 'Comment')).toBeFocused();
    await page.getByRole('button', { name: 'Cancel reply' }).click();
    await expect(page.getByRole('heading', { name: 'Leave a Reply' })).toBeVisible();
    await expect(firstReply).toBeFocused();

    await firstReply.click();
    const text = `A reply ${Date.now()}`;
    await fillComment(page, { name: 'Replying Reader', email: uniqueEmail('reply'), comment: text });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    const reply = page.getByRole('listitem').filter({ hasText: text });
    await expect(reply.getByText('Your comment is awaiting moderation.')).toBeVisible();
    await expect(reply.getByText(`In reply to ${parentName}`)).toBeVisible();
    await expect(reply).toHaveClass(/comment--depth-[1-9]/);
  });

  test('keeps the typed text through a validation error, a duplicate and a flood, each explained', async ({ page, request }) => {
    const path = await articleOpenForComments(request);
    await page.goto(path);
    await openIsland(page);
    const text = `Kept through errors ${Date.now()}`;
    const email = uniqueEmail('errors');

    await fillComment(page, { name: 'Error Tester', email: 'not-an-address', comment: text });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'valid email address' })).toBeVisible();
    await expect(field(page, 'Email')).toHaveAttribute('aria-invalid', 'true');
    await expect(field(page, 'Comment')).toHaveValue(text);

    await field(page, 'Email').fill(email);
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'awaiting moderation' })).toBeVisible();

    // The same again: a duplicate (409), text kept.
    await field(page, 'Comment').fill(text);
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Duplicate comment' })).toBeVisible();
    await expect(field(page, 'Comment')).toHaveValue(text);

    // Something new straight away: too soon (429), saying when to try again.
    await field(page, 'Comment').fill(`${text}, and more`);
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('alert').filter({ hasText: /Please wait \d+ seconds? and try again/ })).toBeVisible();
    await expect(field(page, 'Comment')).toHaveValue(`${text}, and more`);
    await expect(field(page, 'Name')).toHaveValue('Error Tester');
  });

  test('remembers name and e-mail only when asked to', async ({ page, request }) => {
    const path = await articleOpenForComments(request);
    const email = uniqueEmail('remember');
    await page.goto(path);
    await openIsland(page);
    await expect(page.getByRole('checkbox', { name: /Save my name and email/ })).not.toBeChecked();
    await fillComment(page, { name: 'Remembered Reader', email, comment: `Remember me ${Date.now()}` });
    await page.getByRole('checkbox', { name: /Save my name and email/ }).check();
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'awaiting moderation' })).toBeVisible();
    await page.reload();
    await openIsland(page);
    await expect(field(page, 'Name')).toHaveValue('Remembered Reader');
    await expect(field(page, 'Email')).toHaveValue(email);
  });

  test('follows a permalink to a comment, highlighted, and switches the order', async ({ page, request }) => {
    const path = await articleOpenForComments(request);
    const html = await (await request.get(path)).text();
    const ids = [...html.matchAll(/id="comment-(\d+)"/g)].map((m) => m[1]!);
    const last = ids.at(-1)!;
    await page.goto(`${path}#comment-${last}`);
    const target = page.locator(`#comment-${last}`);
    await expect(target).toHaveClass(/comment--highlight/);
    await expect(target).toBeInViewport();

    const items = page.locator('.comment-list > li');
    const firstOldest = await items.first().getAttribute('id');
    await page.getByRole('button', { name: 'Newest first' }).click();
    await expect(page.getByRole('button', { name: 'Newest first' })).toHaveAttribute('aria-pressed', 'true');
    await expect(items.first()).not.toHaveAttribute('id', firstOldest!);
    // Times read as "… ago" and the exact time is there too.
    await expect(items.first().locator('time')).toHaveText(/ago|yesterday|just now|\d{4}/);
    await expect(items.first().locator('.comment__permalink')).toHaveAttribute('title', /\d{4}/);
  });

  test('loads the rest of a long thread with "Load more comments", each comment once', async ({ page, request }) => {
    await page.goto(await articleWithLongThread(request));
    await openIsland(page);
    const comments = page.locator('#comments li.comment');
    const before = await comments.count();
    expect(before).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Load more comments' }).click();
    await expect.poll(() => comments.count()).toBeGreaterThan(before);
    await expect(page.getByRole('button', { name: 'Load more comments' })).toHaveCount(0);
    const ids = await comments.evaluateAll((items) => items.map((li) => li.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('makes links in comments clickable, with rel="nofollow ugc noopener"', async ({ page, request }) => {
    // A comment with a link is held (first-time), so the commenter's own view shows it.
    const path = await articleOpenForComments(request);
    await page.goto(path);
    await openIsland(page);
    const text = `See https://example.org/report-${Date.now()} for the figures.`;
    await fillComment(page, { name: 'Link Poster', email: uniqueEmail('link'), comment: text });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    const link = page.getByRole('listitem').filter({ hasText: 'for the figures' }).getByRole('link', { name: /example\.org\/report-/ });
    await expect(link).toHaveAttribute('rel', 'nofollow ugc noopener');
    await expect(link).toHaveAttribute('href', /^https:\/\/example\.org\/report-\d+$/);
  });
});

test.describe('typing before the island takes over', () => {
  test('every keystroke typed into the plain form survives the swap to the island, with the focus and the caret', async ({ page, request }) => {
    // Ten fresh page loads, each typing for about a second.
    test.slow();
    const path = await articleOpenForComments(request);
    const start = 'Typed as the thread wakes';
    const back = 5;
    const insert = 'up!';
    const expected = `${start.slice(0, -back)}${insert}${start.slice(-back)}`;
    const caret = start.length - back + insert.length;
    const islandIsUp = () => page.evaluate(() => Boolean(document.getElementById('comment-remember')));
    let swappedWhileTyping = 0;
    for (let attempt = 1; attempt <= 10; attempt++) {
      await page.goto(path);
      // Clicking scrolls the form into view, which starts the island; typing starts at once, at
      // 40 ms a key, with the caret moved back into the text half-way, as a person correcting does.
      await page.locator('#comment-text').click();
      const upBefore = await islandIsUp();
      await page.keyboard.type(start, { delay: 40 });
      for (let i = 0; i < back; i++) await page.keyboard.press('ArrowLeft', { delay: 40 });
      await page.keyboard.type(insert, { delay: 40 });
      if (!upBefore && (await islandIsUp())) swappedWhileTyping++;
      await expect(page.getByRole('checkbox', { name: /Save my name and email/ })).toBeAttached();
      const state = await page.evaluate(() => {
        const el = document.getElementById('comment-text') as HTMLTextAreaElement;
        return { value: el.value, focused: document.activeElement === el, start: el.selectionStart, end: el.selectionEnd, forms: document.querySelectorAll('#comments form').length };
      });
      expect(state, `try ${attempt}`).toEqual({ value: expected, focused: true, start: caret, end: caret, forms: 1 });
    }
    // The test means something only if the swap did land in the middle of typing.
    test.info().annotations.push({ type: 'swapped while typing', description: `${swappedWhileTyping} of 10` });
    expect(swappedWhileTyping, 'tries in which the island took over while the reader was typing').toBeGreaterThan(0);
  });
});

test.describe('accessibility', () => {
  test('the thread and the form, also in an error state, have no serious violations', async ({ page, request }) => {
    // axe reads the whole article page: slow on two shared cores.
    test.slow();
    const path = await articleOpenForComments(request);
    await page.goto(path);
    await openIsland(page);
    await fillComment(page, { name: 'Axe Reader', email: 'not-an-address', comment: 'Checking the form.' });
    await page.getByRole('button', { name: 'Post Comment' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'valid email address' })).toBeVisible();
    await page.getByRole('button', { name: /^Reply to / }).first().click();
    await expectNoSeriousA11yViolations(page, 'the comment thread');
  });
});

test.describe('a closed thread', () => {
  test('says "Comments are closed" and offers no form', async ({ page, request }) => {
    await page.goto(FIXTURES.oldArticlePath);
    await expect(page.locator('#comments').getByText('Comments are closed')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Leave a Reply' })).toHaveCount(0);
    await page.locator('#comments').scrollIntoViewIfNeeded();
    await expect(page.locator('#comments').getByText('Comments are closed')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Comment', exact: true })).toHaveCount(0);
    const html = await (await request.get(FIXTURES.oldArticlePath)).text();
    const articleId = /articleId\\?":(\d+)/.exec(html)?.[1];
    expect(articleId, 'the island is given the article id').toBeTruthy();
    const res = await request.post('/api/comments', { data: { articleId: Number(articleId), name: 'Late', email: 'late@example.net', comment: 'Too late?', formToken: 'x' } });
    expect(res.status()).toBe(403);
    expect((await res.json()).error).toBe('Comments are closed');
  });
});

test.describe('comments in the dashboard for authors', () => {
  test('an author finds the comments on their own articles from the menu, to read, not to moderate', async ({ browser }) => {
    const page = await staffPage(browser, 'author');
    await page.getByRole('navigation', { name: 'Newsroom' }).getByRole('link', { name: 'Comments' }).click();
    await expect(page).toHaveURL(/\/dashboard\/comments/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comments on your articles');
    await expect(page.getByRole('link', { name: 'Bans' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Approve|Spam|Trash)/ })).toHaveCount(0);
    await page.context().close();
  });
});
