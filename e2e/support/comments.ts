// Helpers for the comment specs (e2e/comments-*.spec.ts).
import { expect, type APIRequestContext, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../db/seed';

const found = new Map<string, string>();

/** The first article linked from the front page whose HTML passes `test`, remembered under `key`. */
async function frontPageArticle(request: APIRequestContext, key: string, test: (html: string) => boolean): Promise<string> {
  const known = found.get(key);
  if (known) return known;
  const front = await (await request.get('/')).text();
  const paths = [...new Set([...front.matchAll(/href="(\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+)"/g)].map((m) => m[1]!))];
  for (const path of paths) {
    if (test(await (await request.get(path)).text())) {
      found.set(key, path);
      return path;
    }
  }
  throw new Error(`No article on the front page ${key}`);
}

const MORE_COMMENTS = /href="\/comments\/\d+\/after\//;

/**
 * A live article that takes comments and already has approved ones (so there is something to reply
 * to), with a thread that fits on its first page: a comment approved there shows in the article's
 * own HTML, not on a later page of the thread.
 */
export const articleOpenForComments = (request: APIRequestContext) =>
  frontPageArticle(
    request,
    'takes comments and has a one-page thread',
    (html) => html.includes('class="comment-form"') && html.includes('class="comment comment--depth-0"') && !MORE_COMMENTS.test(html),
  );

/** An article whose thread is longer than a page (the demo has one), found by its "More comments" link. */
export const articleWithLongThread = (request: APIRequestContext) =>
  frontPageArticle(request, 'has more than a page of comments', (html) => MORE_COMMENTS.test(html));

/**
 * Every test posts from its own client address (the e2e server trusts X-Forwarded-For from
 * loopback, see playwright.config.ts), so the per-address flood limit keeps tests apart.
 */
export async function useOwnAddress(context: BrowserContext): Promise<string> {
  const address = `198.18.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
  return address;
}

export const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.net`;

/** Scrolls to the comments and waits for the island to take over from the plain form. */
export async function openIsland(page: Page): Promise<void> {
  await page.locator('#comments').scrollIntoViewIfNeeded();
  await expect(page.getByRole('checkbox', { name: /Save my name and email/ })).toBeVisible();
}

export const field = (page: Page, name: 'Name' | 'Email' | 'Comment') => page.getByRole('textbox', { name, exact: true });

export async function fillComment(page: Page, values: { name: string; email: string; comment: string }): Promise<void> {
  await field(page, 'Name').fill(values.name);
  await field(page, 'Email').fill(values.email);
  await field(page, 'Comment').fill(values.comment);
}

export async function signInAsEditor(page: Page): Promise<void> {
  const editor = DEMO_STAFF.find((s) => s.role === 'editor')!;
  await page.goto('/signin?callbackUrl=%2Fdashboard%2Fcomments');
  await page.getByLabel('Email').fill(editor.email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.waitForURL(/\/dashboard/);
}
