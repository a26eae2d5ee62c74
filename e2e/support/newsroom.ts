// Helpers for the newsroom specs (e2e/newsroom-*.spec.ts).
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../db/seed';

export type Role = 'admin' | 'editor' | 'author' | 'contributor';

/** The demo staff member of a role; `which` picks the second one of the role where there are two. */
export function demoStaff(role: Role, which = 0) {
  const people = DEMO_STAFF.filter((s) => s.role === role);
  return people[which % people.length]!;
}

export const unique = (label: string) => `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Each test signs in from its own client address, so no test's failures throttle another's. */
export async function ownAddress(context: BrowserContext): Promise<string> {
  const address = `198.19.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': address });
  return address;
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, goto = '/dashboard'): Promise<void> {
  await page.goto(goto);
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname.startsWith(new URL(goto, 'http://x').pathname));
}

/** A new browser context signed in as a demo staff member. */
export async function staffPage(browser: Browser, role: Role, which = 0, options: Parameters<Browser['newContext']>[0] = {}): Promise<Page> {
  const context = await browser.newContext(options);
  await ownAddress(context);
  const page = await context.newPage();
  await signIn(page, demoStaff(role, which).email);
  return page;
}

/** Creates a draft through the form and returns its id, with the editor open. */
export async function createDraft(page: Page, headline: string, section = 'News'): Promise<number> {
  await page.goto('/dashboard/articles/new');
  await page.getByLabel('Headline').fill(headline);
  await page.getByLabel('Section').selectOption({ label: section });
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/\/dashboard\/articles\/\d+$/);
  await expect(page.getByTestId('body-editor')).toBeVisible();
  return Number(page.url().split('/').at(-1));
}

export const saveState = (page: Page) => page.getByTestId('save-state');

export async function waitSaved(page: Page): Promise<void> {
  await expect(saveState(page)).toHaveText(/Saved at \d\d:\d\d/, { timeout: 20_000 });
}

/** Types into the body editor at its end. */
export async function typeBody(page: Page, text: string): Promise<void> {
  const body = page.getByTestId('body-editor');
  await body.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.type(text);
}

/** Fills in what the checklist asks for (standfirst), so publishing needs no override. */
export async function fillStandfirst(page: Page, text: string): Promise<void> {
  await page.getByLabel('Standfirst').fill(text);
}

/** Section names in the demo newspaper, as the editor's select shows them. */
export async function firstSectionName(page: Page): Promise<string> {
  await page.goto('/dashboard/articles/new');
  const options = await page.getByLabel('Section').locator('option').allTextContents();
  return options.find((o) => o !== 'Choose later')!;
}

/**
 * Invites someone from the admin's staff page (already signed in as an admin) and returns the
 * invitation link the page shows when no SMTP server is configured.
 */
export async function inviteStaff(admin: Page, person: { name: string; email: string; role: Role }): Promise<string> {
  await admin.goto('/dashboard/staff');
  const invite = admin.getByRole('region', { name: 'Invite someone' });
  await invite.getByLabel('Name').fill(person.name);
  await invite.getByLabel('Email').fill(person.email);
  await invite.getByLabel('Role').selectOption(person.role);
  await invite.getByRole('button', { name: 'Create invitation link' }).click();
  return (await invite.getByRole('status').textContent())!.match(/\/signin\/invite\/[A-Za-z0-9_-]+/)![0];
}
