import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import sharp from 'sharp';
import { startApp } from '../scripts/app-server.mjs';
import { startFleet } from '../scripts/fleet.mjs';
import { varnishInstalled } from '../scripts/varnish.mjs';
import { DEMO_STAFF } from '../db/seed';
import { createDraft, fillStandfirst, ownAddress, signIn, unique, waitSaved } from './support/newsroom';

// Several instances, one newspaper (docs/decisions/2026-12-01-several-instances.md): two `next
// start` of this build on one fresh PostgreSQL database, media in s3rver, Varnish in front with
// a director over both (scripts/fleet.mjs). Changes are made through instance A in a real browser;
// readers read through B and through Varnish, and must see each change at once.
//
// Runs in the PostgreSQL pass only (a fleet needs a database server: PGlite is one process).

const serverUrl = process.env.DATABASE_URL;
// The PGlite pass skips this file: a fleet needs a database server. CI's PostgreSQL pass runs it,
// and .ci/run installs Varnish, so the second skip only applies on a machine without it.
test.skip(!serverUrl, 'a fleet runs on PostgreSQL (set DATABASE_URL)');
test.skip(!varnishInstalled, 'Varnish is not installed');
test.describe.configure({ mode: 'serial', timeout: 180_000 });

type Fleet = Awaited<ReturnType<typeof startFleet>>;
let fleet: Fleet;
let A: string;
let B: string;
let V: string;
let sql: postgres.Sql;
const PORT = Number(process.env.FLEET_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 330);

test.beforeAll(async () => {
  test.setTimeout(300_000);
  fleet = await startFleet({ instances: 2, port: PORT, serverUrl, distDir: process.env.NEXT_DIST_DIR || '.next', env: { SCHEDULER_INTERVAL_MS: '3000' } });
  A = fleet.apps[0]!.url;
  B = fleet.apps[1]!.url;
  V = fleet.varnish!.url.replace('127.0.0.1', 'localhost');
  sql = postgres(fleet.databaseUrl, { max: 2, onnotice: () => {} });
});

test.afterEach(async ({}, testInfo) => {
  // What the instances said, when a test fails: the fleet's processes are not Playwright's.
  if (testInfo.status !== testInfo.expectedStatus && fleet) {
    for (const app of fleet.apps) await testInfo.attach(`log of ${app.url}`, { body: app.output.slice(-60).join('\n'), contentType: 'text/plain' });
    for (const app of fleet.apps) console.log(`── ${app.url} (exited: ${JSON.stringify(app.exited())}) ──\n${app.output.slice(-15).join('\n')}`);
  }
});

test.afterAll(async () => {
  await sql?.end({ timeout: 5 });
  // The instance the last test restarted is not among the fleet's own.
  await fleet?.apps[1]?.stop();
  await fleet?.stop();
});

const text = async (request: APIRequestContext, url: string) => (await request.get(url, { failOnStatusCode: false })).text();
const statusOf = async (request: APIRequestContext, url: string) => (await request.get(url, { failOnStatusCode: false, maxRedirects: 0 })).status();
const soon = { timeout: 5000, intervals: [100, 200, 300] };

/** A page signed in as the demo editor on instance A. */
async function editorOnA(browser: import('@playwright/test').Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: A });
  await ownAddress(context);
  const page = await context.newPage();
  await signIn(page, DEMO_STAFF.find((s) => s.role === 'editor')!.email);
  return page;
}

/** Publishes a new story through A; returns its id and path. */
async function publishOnA(page: Page, headline: string): Promise<{ id: number; path: string }> {
  const id = await createDraft(page, headline);
  await fillStandfirst(page, 'Told first on one instance, read on the other.');
  await waitSaved(page);
  await page.getByRole('button', { name: 'Publish now' }).click();
  await expect(page.getByText('Published.', { exact: true })).toBeVisible();
  const path = (await page.getByRole('link', { name: 'View live' }).getAttribute('href'))!;
  return { id, path };
}

test('two instances starting together on an empty database migrate it once and seed it once @once', async () => {
  const journal = JSON.parse(fs.readFileSync(path.join('db', 'migrations', 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  const [migrations] = await sql`select count(*)::int as n from drizzle.__drizzle_migrations`;
  expect(migrations!.n).toBe(journal.entries.length);
  const [people] = await sql`select count(*)::int as n from staff`;
  expect(people!.n).toBe(DEMO_STAFF.length);
  const seeded = fleet.apps.flatMap((app) => app.output.filter((line) => line.includes('"event":"db.seeded"')));
  expect(seeded).toHaveLength(1);
  for (const app of fleet.apps) expect(app.output.filter((line) => /"level":(50|60)/.test(line)), `errors in ${app.url}`).toEqual([]);
});

test('publish, correct, retitle and withdraw through A are seen at once through B and through Varnish @once', async ({ browser, request }) => {
  const page = await editorOnA(browser);
  // Both instances and Varnish hold the front page before the change.
  for (const base of [A, B, V]) await text(request, `${base}/`);
  expect((await request.get(`${V}/`)).headers()['x-cache']).toBe('HIT');

  const headline = unique('Harbour wall repairs begin');
  let { path: story } = await publishOnA(page, headline);
  for (const base of [B, V]) await expect.poll(() => text(request, `${base}/`), { ...soon, message: `front page via ${base}` }).toContain(headline);
  for (const base of [B, V]) await expect.poll(() => statusOf(request, `${base}${story}`), soon).toBe(200);

  // A correction.
  const correction = `The repairs cost £2.1m, not £1.2m as first reported (${Date.now()}).`;
  await page.getByLabel('Text shown to readers').fill(correction);
  await page.getByRole('button', { name: 'Publish correction' }).click();
  await expect(page.getByText(/Correction published/)).toBeVisible();
  for (const base of [B, V]) await expect.poll(() => text(request, `${base}${story}`), { ...soon, message: `correction via ${base}` }).toContain(correction);

  // A new headline.
  const retitled = unique('Harbour wall repairs begin a week early');
  await page.getByLabel('Headline').fill(retitled);
  await page.getByRole('button', { name: 'Update' }).click();
  await expect(page.getByTestId('save-state')).toHaveText(/Saved at/);
  // The address may follow the new headline; the old one then answers 301 to it.
  story = (await page.getByRole('link', { name: 'View live' }).getAttribute('href'))!;
  for (const base of [B, V]) {
    await expect.poll(() => text(request, `${base}${story}`), { ...soon, message: `headline via ${base}` }).toContain(retitled);
    await expect.poll(() => text(request, `${base}/`), soon).toContain(retitled);
  }

  // Withdrawn: gone everywhere.
  await page.getByRole('button', { name: 'Withdraw…' }).click();
  await page.getByLabel(/Reason for withdrawal/).fill('Withdrawn while the figures are checked.');
  await page.getByRole('button', { name: 'Withdraw the story' }).click();
  await expect(page.getByText('Withdrawn: readers now get')).toBeVisible();
  for (const base of [B, V]) {
    await expect.poll(() => statusOf(request, `${base}${story}`), { ...soon, message: `withdrawn via ${base}` }).toBe(410);
    await expect.poll(() => text(request, `${base}/`), soon).not.toContain(retitled);
  }
  await page.context().close();
});

test('a change to one article purges its pages from Varnish and not an unrelated section page @once', async ({ browser, request }) => {
  const page = await editorOnA(browser);
  const { path: story } = await publishOnA(page, unique('Ferry timetable changes'));
  // A section the story is not in, and the story itself, both cached in Varnish.
  const other = '/sport';
  for (const url of [other, story]) {
    await request.get(`${V}${url}`);
    await expect.poll(async () => (await request.get(`${V}${url}`)).headers()['x-cache'], soon).toBe('HIT');
  }
  const correction = `The 7.15 sailing moves to 7.40 (${Date.now()}).`;
  await page.getByLabel('Text shown to readers').fill(correction);
  await page.getByRole('button', { name: 'Publish correction' }).click();
  await expect(page.getByText(/Correction published/)).toBeVisible();
  await expect.poll(() => text(request, `${V}${story}`), soon).toContain(correction);
  expect((await request.get(`${V}${other}`)).headers()['x-cache'], 'the unrelated section page stayed cached').toBe('HIT');
  await page.context().close();
});

test('a comment approved on A shows on B @once', async ({ browser, request }) => {
  const [article] = await sql`select id, path from articles where status = 'published' and path is not null and comment_mode = 'open' order by published_at desc limit 1`;
  expect(article, 'the demo has a published story open for comments').toBeTruthy();
  const words = `Good to see the lifeboat crew thanked at last (${Date.now()}).`;
  await sql`insert into comments (article_id, author_name, author_email, body, status) values (${article!.id}, 'Fleet Reader', 'fleet-reader@example.net', ${words}, 'pending')`;
  await text(request, `${B}${article!.path}`);
  const page = await editorOnA(browser);
  await page.goto(`/dashboard/comments?status=pending&q=${encodeURIComponent(words)}`);
  await page.getByRole('listitem').filter({ hasText: words }).getByRole('button', { name: 'Approve comment by Fleet Reader' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 comment approved.' })).toBeVisible();
  await expect.poll(() => text(request, `${B}${article!.path}`), soon).toContain(words);
  await page.context().close();
});

test('signed in through A, the dashboard works through B, and a form A rendered is accepted by B @once', async ({ browser }) => {
  const page = await editorOnA(browser);
  const id = await createDraft(page, unique('Lighthouse keepers reunion'));
  // The session cookie A set is honoured by B (one AUTH_SECRET).
  await page.goto(`${B}/dashboard/articles/${id}`);
  await expect(page.getByLabel('Headline')).toHaveValue(/Lighthouse keepers reunion/);
  // Back on A's page, every server action is sent to B instead: B decrypts what A encrypted.
  await page.goto(`${A}/dashboard/articles/${id}`);
  let sentToB = 0;
  await page.route(`${A}/**`, async (route) => {
    const req = route.request();
    if (req.method() !== 'POST' || !req.headers()['next-action']) return route.continue();
    sentToB += 1;
    // As a load balancer would: the same public origin, another instance behind it.
    const response = await route.fetch({ url: req.url().replace(A, B), headers: { ...req.headers(), origin: B, referer: (req.headers().referer ?? '').replace(A, B) } });
    await route.fulfill({ response });
  });
  await fillStandfirst(page, 'Saved by the other instance.');
  await waitSaved(page);
  expect(sentToB).toBeGreaterThan(0);
  const [row] = await sql`select standfirst from articles where id = ${id}`;
  expect(row!.standfirst).toBe('Saved by the other instance.');
  await page.context().close();
});

test('an image uploaded through A, and its crops, are served the same by B @once', async ({ browser }) => {
  const page = await editorOnA(browser);
  const picture = await sharp({ create: { width: 900, height: 600, channels: 3, background: { r: 20, g: 90, b: 140 } } }).jpeg().toBuffer();
  const uploaded = await page.context().request.post(`${A}/api/media`, { headers: { origin: A }, multipart: { file: { name: 'quay.jpg', mimeType: 'image/jpeg', buffer: picture } } });
  expect(uploaded.status()).toBe(201);
  const { src } = (await uploaded.json()) as { src: string };
  const fromA = await page.context().request.get(`${A}${src}`);
  const fromB = await page.context().request.get(`${B}${src}`);
  expect(fromB.status()).toBe(200);
  expect(Buffer.compare(await fromA.body(), await fromB.body())).toBe(0);
  const crop = await page.context().request.get(`${B}/og/crop/16x9${src}`);
  expect(crop.status()).toBe(200);
  const meta = await sharp(await crop.body()).metadata();
  expect(Math.round((meta.width! / meta.height!) * 9)).toBe(16);
  await page.context().close();
});

test('with both schedulers running, a story coming due is published once and shows everywhere @once', async ({ browser, request }) => {
  const page = await editorOnA(browser);
  const headline = unique('Tide gauge back online');
  const id = await createDraft(page, headline);
  await fillStandfirst(page, 'Published by whichever scheduler gets there first.');
  await waitSaved(page);
  // Due in a few seconds: set straight in the database, as the form's schedule does, and wake nobody.
  await sql`update articles set status = 'scheduled', published_at = now() + interval '4 seconds' where id = ${id}`;
  for (const base of [B, V]) await expect.poll(() => text(request, `${base}/`), { timeout: 60_000, intervals: [500] }).toContain(headline);
  const published = await sql`select count(*)::int as n from audit_log where action = 'article.publish' and subject = ${`article:${id}`}`;
  expect(published[0]!.n).toBe(1);
  await page.context().close();
});

test('a forged or replayed invalidation notice changes nothing @once', async ({ request }) => {
  const status = async () => ((await (await request.get(`${B}/api/health`)).json()) as { invalidation: { applied: number; settling: boolean } }).invalidation;
  const health = async () => (await status()).applied;
  // The last test's story is expired a second time a second after it was applied
  // (INVALIDATION_SETTLE_MS): let that happen before the front page is cached for this test.
  await expect.poll(async () => (await status()).settling, soon).toBe(false);
  await text(request, `${B}/`);
  await expect.poll(async () => (await request.get(`${B}/`)).headers()['x-nextjs-cache'], soon).toBe('HIT');
  const before = await health();
  await sql`select pg_notify('broadsheet_invalidation', ${String(before)})`;
  await sql`select pg_notify('broadsheet_invalidation', '999999999')`;
  await sql`select pg_notify('broadsheet_invalidation', 'front-page all')`;
  await new Promise((r) => setTimeout(r, 1000));
  expect(await health()).toBe(before);
  expect((await status()).settling, 'nothing was applied, so nothing is to be expired again').toBe(false);
  expect((await request.get(`${B}/`)).headers()['x-nextjs-cache'], 'the front page stayed cached').toBe('HIT');
});

test('an instance that loses its listening connection logs it once, reconnects and catches up; one killed and restarted misses nothing @once', async ({ browser, request }) => {
  const b = fleet.apps[1]!;
  // Cut every LISTEN connection: both instances lose theirs.
  await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'listen%'`;
  await expect.poll(() => b.output.filter((l) => l.includes('"event":"invalidation.reconnected"')).length, { timeout: 20_000 }).toBe(1);
  expect(b.output.filter((l) => l.includes('"event":"invalidation.listener-lost"'))).toHaveLength(1);

  const page = await editorOnA(browser);
  const { path: story } = await publishOnA(page, unique('Pier lights switched on'));
  await expect.poll(() => statusOf(request, `${B}${story}`), soon).toBe(200);

  // B stops; a correction is made through A meanwhile; B comes back on its port.
  await text(request, `${B}${story}`);
  await b.stop();
  const correction = `The lights run until midnight (${Date.now()}).`;
  await page.getByLabel('Text shown to readers').fill(correction);
  await page.getByRole('button', { name: 'Publish correction' }).click();
  await expect(page.getByText(/Correction published/)).toBeVisible();
  const restarted = await startApp({ port: b.port, distDir: process.env.NEXT_DIST_DIR || '.next', databaseUrl: fleet.databaseUrl, env: fleet.env });
  fleet.apps[1] = restarted;
  await expect.poll(() => text(request, `${B}${story}`), soon).toContain(correction);
  await expect.poll(() => text(request, `${V}${story}`), soon).toContain(correction);
  await page.context().close();
});
