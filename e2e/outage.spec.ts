import { expect, test } from '@playwright/test';
import { createFreshDatabase, startApp, type AppServer, type FreshDatabase } from '../scripts/app-server.mjs';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy';

// When the database becomes unreachable, readers get a 503 page with a plain message, monitors
// get 503 from /api/health, the outage is logged once, and the site recovers by itself when the
// database is back. This needs its own server (the shared one must keep its database), talking
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

  test('pages and /api/health answer 503, the outage is logged once, and the site recovers without a restart', async ({ page, request }) => {
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
    const articlePath = /href="(\/[a-z0-9-]+\/\d{4}\/\d{2}\/\d{2}\/[a-z0-9-]+)"/.exec(await front.text())?.[1];
    expect(articlePath, 'an article link on the front page').toBeTruthy();
    expect((await request.get(`${base}${articlePath}`)).status()).toBe(200);
    expect(await health()).toBe(200);

    // Down.
    const linesBefore = app.output.length;
    await proxy.cut();
    await expect.poll(health, { timeout: 20_000, message: '/api/health notices the outage' }).toBe(503);
    for (const path of ['/', articlePath!, '/no-such-section']) {
      const response = await request.get(`${base}${path}`, { failOnStatusCode: false, maxRedirects: 0 });
      expect(response.status(), path).toBe(503);
      expect(response.headers()['retry-after'], path).toBeTruthy();
      expect(await response.text(), path).toContain('We’ll be back in a moment');
    }
    const shown = await page.goto(`${base}${articlePath}`);
    expect(shown?.status()).toBe(503);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We’ll be back in a moment');
    await expect(page.getByText(/cannot reach/)).toBeVisible();
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
