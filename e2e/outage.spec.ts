import { expect, test } from '@playwright/test';
import { createFreshDatabase, startApp, type AppServer, type FreshDatabase } from '../scripts/app-server.mjs';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';

// When the database becomes unreachable, pages already in the cache are still served (stale if
// error, docs/decisions/2026-12-01-stale-if-error.md); a page that must be rendered from the
// database answers a 503 page with a plain message and Retry-After, as does the comment endpoint
// (the plain form's page keeps what the reader typed); monitors get 503 from /api/health, the
// outage is logged once, and the site recovers by itself when the database is back. This needs its own server (the shared one must keep its database), talking
// to PostgreSQL through a proxy this test can cut: so it runs on the PostgreSQL run only.

test.describe('when the database is unreachable @once', () => {
  test.skip(!process.env.DATABASE_URL, 'needs PostgreSQL (DATABASE_URL): the embedded database lives inside the server process and cannot be cut off from it');
  test.setTimeout(240_000);

  let database: FreshDatabase | undefined;
  let proxy: TcpProxy | undefined;
  let app: AppServer | undefined;

  test.afterAll(async () => {
    await app?.stop();
    await proxy?.close();
    await database?.drop();
  });

  test('cached pages are still served, uncached pages, comments and /api/health answer 503, the outage is logged once, and the site recovers without a restart', async ({ page, request }) => {
    const serverUrl = new URL(process.env.DATABASE_URL!);
    database = await createFreshDatabase(process.env.DATABASE_URL!, 'broadsheet_e2e_outage');
    proxy = await startTcpProxy({ host: serverUrl.hostname, port: Number(serverUrl.port || 5432) });
    const viaProxy = new URL(database.url);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    app = await startApp({
      port: Number(process.env.E2E_PORT ?? 3100) + 1,
      databaseUrl: viaProxy.toString(),
      env: { DB_CONNECT_TIMEOUT: '2', DB_HEALTH_TIMEOUT_MS: '1500' },
    });
    const base = app.url;
    const health = async () => (await request.get(`${base}/api/health`, { failOnStatusCode: false })).status();

    // Up: the front page and an article.
    const front = await request.get(`${base}/`);
    expect(front.status()).toBe(200);
    const articlePaths = [...new Set([...(await front.text()).matchAll(/href="(\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+)"/g)].map((m) => m[1]!))];
    const [articlePath, unvisitedPath] = articlePaths;
    expect(unvisitedPath, 'two article links on the front page').toBeTruthy();
    const article = await request.get(`${base}${articlePath}`);
    expect(article.status()).toBe(200);
    const articleHtml = await article.text();
    const headline = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(articleHtml)?.[1]?.replace(/<[^>]+>/g, '').trim();
    expect(headline, 'the article’s headline').toBeTruthy();
    const articleId = /name="articleId" value="(\d+)"/.exec(articleHtml)?.[1] ?? '1';
    // A second request is answered from Next's cache: that is what "visited before" means here.
    expect((await request.get(`${base}${articlePath}`)).headers()['x-nextjs-cache']).toMatch(/HIT|STALE/);
    expect(await health()).toBe(200);

    // Down.
    const linesBefore = app.output.length;
    await proxy.cut();
    await expect.poll(health, { timeout: 20_000, message: '/api/health notices the outage' }).toBe(503);
    // Visited before the outage: still served, with their content.
    const frontDuring = await request.get(`${base}/`, { failOnStatusCode: false, maxRedirects: 0 });
    expect(frontDuring.status(), 'the front page, cached').toBe(200);
    expect(await frontDuring.text()).toContain(`href="${articlePath}"`);
    const articleDuring = await request.get(`${base}${articlePath}`, { failOnStatusCode: false, maxRedirects: 0 });
    expect(articleDuring.status(), 'a visited article, cached').toBe(200);
    expect(await articleDuring.text()).toContain(headline);
    // Never visited: they must be rendered from the database, so they answer the 503 page.
    for (const path of [unvisitedPath!, '/search?q=harbour']) {
      const response = await request.get(`${base}${path}`, { failOnStatusCode: false, maxRedirects: 0 });
      expect(response.status(), path).toBe(503);
      expect(response.headers()['retry-after'], path).toBeTruthy();
      expect(await response.text(), path).toContain('We’ll be back in a moment');
    }
    // A section that does not exist is known from the cached list of sections: an honest 404.
    expect((await request.get(`${base}/no-such-section`, { failOnStatusCode: false, maxRedirects: 0 })).status()).toBe(404);
    const shown = await page.goto(`${base}${unvisitedPath}`);
    expect(shown?.status()).toBe(503);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We’ll be back in a moment');
    await expect(page.getByText(/cannot reach/)).toBeVisible();
    const cached = await page.goto(`${base}${articlePath}`);
    expect(cached?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline!);

    // A comment: 503 with Retry-After and a message, never an empty 500.
    const typed = { articleId, parentId: '', formToken: 'a-form-token', name: 'Outage Reader', email: 'outage.reader@example.org', comment: 'Typed while the archive was down <b>kept</b>.' };
    const island = await request.post(`${base}/api/comments`, { data: typed, failOnStatusCode: false });
    expect(island.status(), 'the island’s JSON post').toBe(503);
    expect(island.headers()['retry-after']).toBeTruthy();
    expect((await island.json()).error).toMatch(/cannot reach its archive/);
    const plain = await request.post(`${base}/api/comments`, { form: typed, failOnStatusCode: false, maxRedirects: 0 });
    expect(plain.status(), 'the no-JavaScript form post').toBe(503);
    expect(plain.headers()['retry-after']).toBeTruthy();
    expect(plain.headers()['content-type']).toMatch(/^text\/html/);
    // What the reader typed comes back in a form they can send again (and nowhere in a URL).
    await page.setContent(await plain.text());
    await expect(page.getByRole('alert')).toContainText('cannot reach its archive');
    await expect(page.getByLabel('Name')).toHaveValue(typed.name);
    await expect(page.getByLabel('Email')).toHaveValue(typed.email);
    await expect(page.getByLabel('Comment')).toHaveValue(typed.comment);
    expect(plain.headers()['location']).toBeUndefined();
    const outageLog = app.output.slice(linesBefore).filter((line) => line.includes('db.unreachable'));
    expect(outageLog, 'one log line for the whole outage, not one per request').toHaveLength(1);

    // Back: no restart, the site serves again within a few seconds.
    proxy.restore();
    await expect.poll(health, { timeout: 30_000, message: '/api/health notices the recovery' }).toBe(200);
    await expect.poll(async () => (await request.get(`${base}/`, { failOnStatusCode: false })).status(), { timeout: 15_000 }).toBe(200);
    expect((await request.get(`${base}${articlePath}`)).status()).toBe(200);
    expect(app.output.slice(linesBefore).some((line) => line.includes('db.recovered'))).toBe(true);
    expect(app.exited(), 'the server kept running').toBeNull();
  });
});
