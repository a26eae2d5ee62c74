import { expect, test } from '@playwright/test';
import { demoStaff, ownAddress, signIn, unique } from './support/newsroom';

test.beforeEach(async ({ context }) => {
  await ownAddress(context);
});

test('signed out, /dashboard leads to a sign-in form and back to the page asked for', async ({ page }) => {
  await page.goto('/dashboard/articles?status=draft');
  await expect(page).toHaveURL(/\/signin\?callbackUrl=/);
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
  await page.getByLabel('Email').fill(demoStaff('author').email);
  await page.getByLabel('Password').fill('broadsheet-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/dashboard\/articles\?status=draft$/);
  await expect(page.getByRole('heading', { name: 'Articles' })).toBeVisible();
});

test('a wrong password and an unknown e-mail get the same message, and the e-mail stays typed', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(demoStaff('editor').email);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const message = page.getByRole('alert').filter({ hasText: 'do not match' });
  await expect(message).toHaveText('That e-mail address and password do not match an account.');
  await expect(page.getByLabel('Email')).toHaveValue(demoStaff('editor').email);
  await page.getByLabel('Email').fill('nobody-here@example.org');
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(message).toHaveText('That e-mail address and password do not match an account.');
});

test('after sign-in the person only ever lands on this site @once', async ({ page, baseURL }) => {
  await page.goto('/signin?callbackUrl=https%3A%2F%2Fevil.example%2Fsteal');
  await page.getByLabel('Email').fill(demoStaff('author').email);
  await page.getByLabel('Password').fill('broadsheet-demo-2026');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${baseURL}/dashboard`);
});

test('throttling: five failures per account and address, ten per account from unknown devices, fifty per address, then 429 with a message @once', async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  const attempt = (email: string, address: string, password = 'wrong password') =>
    request.post('/api/auth/login', { headers: { Accept: 'application/json', 'x-forwarded-for': address, Origin: baseURL! }, form: { email, password }, failOnStatusCode: false });
  // One account from one address: five typos lock that pair only.
  const account = `${unique('locked').replace(' ', '-')}@example.org`;
  for (let i = 1; i <= 5; i++) expect((await attempt(account, '203.0.113.1')).status()).toBe(401);
  const pair = await attempt(account, '203.0.113.1');
  expect(pair.status()).toBe(429);
  expect((await pair.json()).error).toMatch(/try again in 10 minutes/);
  // The same account from other addresses: ten failures in all lock it for every unknown device.
  for (let i = 2; i <= 6; i++) expect((await attempt(account, `203.0.113.${i}`)).status()).toBe(401);
  const locked = await attempt(account, '203.0.113.99');
  expect(locked.status()).toBe(429);
  expect((await locked.json()).error).toMatch(/try again in 10 minutes/);
  // One address, failures against fifty accounts: then that address is paused.
  const address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
  for (let i = 1; i <= 50; i++) expect((await attempt(`someone${i}-${Date.now()}@example.org`, address)).status()).toBe(401);
  // Even the right password is refused from that address while the lock lasts.
  expect((await attempt(demoStaff('admin').email, address, 'broadsheet-demo-2026')).status()).toBe(429);
  await request.dispose();
});

test('cross-site sign-in posts are refused @once', async ({ request }) => {
  const response = await request.post('/api/auth/login', { headers: { Origin: 'https://evil.example' }, form: { email: 'a@example.org', password: 'whatever-it-is' }, failOnStatusCode: false });
  expect(response.status()).toBe(403);
});

test('signing out ends the session on the next request, even for a copied cookie @once', async ({ page, browser }) => {
  await signIn(page, demoStaff('contributor', 1).email);
  const cookies = await page.context().cookies();
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const other = await copy.newPage();
  await other.goto('/dashboard');
  await expect(other.getByRole('heading', { name: /Good to see you/ })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin/);
  await other.goto('/dashboard/articles');
  await expect(other).toHaveURL(/\/signin/);
  await copy.close();
});

test('the dashboard is never indexed and never cached', async ({ page }) => {
  await signIn(page, demoStaff('author').email);
  const response = await page.goto('/dashboard');
  expect(response!.headers()['cache-control']).toMatch(/no-store|private|no-cache/);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
});
