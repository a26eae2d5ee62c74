import { expect, test, type Browser, type Page } from '@playwright/test';
import { inviteStaff, ownAddress, signIn, staffPage, unique } from './support/newsroom';

// Accounts that survive real life (issue 11, items 5 and 6): sign-in throttling that a stranger
// cannot turn against a known device, password reset by e-mail, the profile page, invitations.

const PASSWORD = 'a long enough passphrase';

/** A new author account, made through an invitation, so locking it out disturbs no other test. */
async function newAccount(browser: Browser): Promise<{ name: string; email: string }> {
  const admin = await staffPage(browser, 'admin');
  const name = unique('Known Device');
  const email = `${name.split(' ').at(-1)}@example.net`;
  const link = await inviteStaff(admin, { name, email, role: 'author' });
  const page = await admin.context().browser()!.newPage();
  await page.goto(link);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page).toHaveURL(/\/signin\?email=/);
  await page.context().close();
  await admin.context().close();
  return { name, email };
}

async function signInByForm(page: Page, email: string, password: string) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a stranger’s failures do not lock a journalist out of a device that signed in before @once', async ({ browser, playwright, baseURL }) => {
  const { email } = await newAccount(browser);
  const known = await browser.newContext();
  await ownAddress(known);
  const page = await known.newPage();
  await signIn(page, email, PASSWORD);
  await known.clearCookies({ name: /authjs/ });

  // A stranger guesses from a dozen addresses until the account is paused for unknown devices.
  const stranger = await playwright.request.newContext({ baseURL });
  const guess = (address: string, password = 'wrong password') =>
    stranger.post('/api/auth/login', { headers: { Accept: 'application/json', 'x-forwarded-for': address, Origin: baseURL! }, form: { email, password }, failOnStatusCode: false });
  for (let i = 1; i <= 10; i++) expect((await guess(`203.0.113.${100 + i}`)).status()).toBe(401);
  const refused = await guess('203.0.113.150', PASSWORD);
  expect(refused.status()).toBe(429);
  expect((await refused.json()).error).toMatch(/^Too many failed attempts\. For your security, signing in is paused: try again in 10 minutes\.$/);

  // The journalist's own browser still signs in, typo first.
  await signInByForm(page, email, 'a typo in the passphrase');
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toHaveText('That e-mail address and password do not match an account.');
  await signInByForm(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await stranger.dispose();
  await known.close();
});
