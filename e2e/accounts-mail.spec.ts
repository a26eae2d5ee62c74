import { expect, test, type Browser, type Page } from '@playwright/test';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { freshData, startApp, type AppServer } from '../scripts/app-server.mjs';

// A real first start and the ways back into an account, on a server of this test's own: a fresh
// database with no demo (SEED_DEMO=false, as on a real database server), e-mail going to a real
// SMTP server on loopback that this test starts and reads. Issue 11, items 4 and 6.

test.describe('a newsroom from its first start @once', () => {
  test.setTimeout(300_000);
  const port = Number(process.env.E2E_PORT ?? 3100) + 11;
  const base = `http://localhost:${port}`;
  let app: AppServer | undefined;
  let drop: (() => Promise<void>) | undefined;
  let smtp: SMTPServer | undefined;
  const inbox: ParsedMail[] = [];

  test.beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, _session, callback) {
        simpleParser(stream).then((mail) => {
          inbox.push(mail);
          callback();
        }, callback);
      },
    });
    await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    const data = await freshData('e2e_accounts');
    drop = data.drop;
    app = await startApp({
      port,
      databaseUrl: data.databaseUrl,
      pgliteDir: data.pgliteDir,
      env: { SEED_DEMO: 'false', SITE_URL: base, SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_FROM: 'Newsroom <newsroom@example.test>' },
    });
  });
  test.afterAll(async () => {
    await app?.stop();
    await drop?.();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  });

  /** The link in the newest message to `to`, once it has arrived. */
  async function linkMailedTo(to: string, path: string): Promise<string> {
    let link = '';
    await expect
      .poll(() => {
        const mail = inbox.filter((m) => m.to && 'text' in m.to && m.to.text === to).at(-1);
        link = mail?.text?.match(new RegExp(`${base}${path}[A-Za-z0-9_-]+`))?.[0] ?? '';
        return link;
      }, { timeout: 15_000, message: `a message to ${to} with an absolute ${path} link` })
      .not.toBe('');
    return link;
  }

  async function signIn(page: Page, email: string, password: string) {
    await page.goto(`${base}/signin`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${base}/dashboard`);
  }

  async function signedInPage(browser: Browser, email: string, password: string) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, email, password);
    return page;
  }

  test('no demo accounts; the set-up link makes the first admin, once; invitations and resets arrive by e-mail; the profile changes name, bio, password and sessions', async ({ browser, request }) => {
    // An empty database server has no public demo password.
    const demo = await request.post(`${base}/api/auth/login`, { headers: { Accept: 'application/json', Origin: base }, form: { email: 'admin@example.org', password: 'broadsheet-demo-2026' }, failOnStatusCode: false });
    expect(demo.status()).toBe(401);

    // The first admin, from the one-time link in the log.
    const setupLine = app!.output.find((line) => line.includes('auth.setup_link'));
    expect(setupLine, 'the start-up log prints a set-up link').toBeTruthy();
    const setupLink = setupLine!.match(new RegExp(`${base}/signin/setup/[A-Za-z0-9_-]+`))![0];
    const admin = await (await browser.newContext()).newPage();
    await admin.goto(setupLink);
    await admin.getByLabel('Your name').fill('Ada Admin');
    await admin.getByLabel('E-mail address').fill('ada@example.test');
    await admin.getByLabel('Password').fill('password');
    await admin.getByRole('button', { name: 'Create the admin account' }).click();
    await expect(admin.getByRole('status')).toHaveText('That password is one of the most common ones; choose another.');
    await expect(admin.getByLabel('Your name')).toHaveValue('Ada Admin');
    await admin.getByLabel('Password').fill('the first admin of all');
    await admin.getByRole('button', { name: 'Create the admin account' }).click();
    await expect(admin).toHaveURL(/\/signin\?email=/);
    await signIn(admin, 'ada@example.test', 'the first admin of all');
    const again = await (await browser.newContext()).newPage();
    await again.goto(setupLink);
    await expect(again.getByRole('heading', { name: 'This set-up link cannot be used' })).toBeVisible();

    // An invitation goes out by e-mail with an absolute link.
    await admin.goto(`${base}/dashboard/staff`);
    const invite = admin.getByRole('region', { name: 'Invite someone' });
    await invite.getByLabel('Name').fill('Rhys Reporter');
    await invite.getByLabel('Email').fill('rhys@example.test');
    await invite.getByLabel('Role').selectOption('author');
    await invite.getByRole('button', { name: 'Create invitation link' }).click();
    await expect(invite.getByRole('status')).toHaveText('Invitation e-mailed to rhys@example.test.');
    const inviteLink = await linkMailedTo('rhys@example.test', '/signin/invite/');
    const rhys = await (await browser.newContext()).newPage();
    await rhys.goto(inviteLink);
    await rhys.getByLabel('Password').fill('rhys writes the news');
    await rhys.getByRole('button', { name: 'Create my account' }).click();
    await expect(rhys).toHaveURL(/\/signin\?email=/);

    // Forgotten password: a single-use link by e-mail.
    await rhys.goto(`${base}/signin`);
    await rhys.getByRole('link', { name: 'Forgotten your password?' }).click();
    await rhys.getByLabel('Email').fill('rhys@example.test');
    await rhys.getByRole('button', { name: 'Send me a link' }).click();
    await expect(rhys.getByRole('status')).toContainText('a link to set a new password is on its way');
    const resetLink = await linkMailedTo('rhys@example.test', '/signin/reset/');
    await rhys.goto(resetLink);
    await rhys.getByLabel('New password', { exact: true }).fill('a brand new passphrase');
    await rhys.getByLabel('New password again').fill('a brand new passphrase');
    await rhys.getByRole('button', { name: 'Set my new password' }).click();
    await expect(rhys).toHaveURL(/\/signin\?reset=1/);
    await expect(rhys.getByText('Your new password is set: sign in with it.')).toBeVisible();
    await signIn(rhys, 'rhys@example.test', 'a brand new passphrase');
    const reused = await (await browser.newContext()).newPage();
    await reused.goto(resetLink);
    await expect(reused.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();

    // The profile: name and bio; the password, with the current one; every other session.
    const elsewhere = await signedInPage(browser, 'rhys@example.test', 'a brand new passphrase');
    await rhys.getByRole('link', { name: 'Your profile' }).click();
    await rhys.getByLabel('Name', { exact: true }).fill('Rhys Reporter-Jones');
    await rhys.getByLabel('Bio', { exact: true }).fill('Covers the harbour and the council.');
    await rhys.getByRole('button', { name: 'Save profile' }).click();
    await expect(rhys.getByRole('status').filter({ hasText: 'Profile saved.' })).toBeVisible();
    await rhys.reload();
    await expect(rhys.getByLabel('Name', { exact: true })).toHaveValue('Rhys Reporter-Jones');
    await expect(rhys.getByLabel('Bio', { exact: true })).toHaveValue('Covers the harbour and the council.');

    const password = rhys.getByRole('region', { name: 'Password' });
    await password.getByLabel('Current password').fill('not my password at all');
    await password.getByLabel('New password', { exact: true }).fill('another new passphrase');
    await password.getByLabel('New password again').fill('another new passphrase');
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect(password.getByRole('status')).toHaveText('That is not your current password.');
    await password.getByLabel('Current password').fill('a brand new passphrase');
    await password.getByLabel('New password', { exact: true }).fill('another new passphrase');
    await password.getByLabel('New password again').fill('another new passphrase');
    await password.getByRole('button', { name: 'Change password' }).click();
    await expect(rhys.getByRole('status').filter({ hasText: 'Password changed.' })).toHaveText('Password changed. You are still signed in here; every other session has ended.');
    // This session goes on; the other one has ended.
    await rhys.goto(`${base}/dashboard`);
    await expect(rhys).toHaveURL(`${base}/dashboard`);
    await elsewhere.goto(`${base}/dashboard`);
    await expect(elsewhere).toHaveURL(/\/signin/);

    const later = await signedInPage(browser, 'rhys@example.test', 'another new passphrase');
    await rhys.goto(`${base}/dashboard/profile`);
    await rhys.getByRole('button', { name: 'Sign out everywhere else' }).click();
    await expect(rhys.getByRole('status').filter({ hasText: 'Every other session has ended.' })).toBeVisible();
    await later.goto(`${base}/dashboard`);
    await expect(later).toHaveURL(/\/signin/);
    await rhys.goto(`${base}/dashboard`);
    await expect(rhys).toHaveURL(`${base}/dashboard`);
  });
});
