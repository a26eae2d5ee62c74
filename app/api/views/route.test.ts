import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/connection';
import { siteSettings } from '@/db/schema';
import { makeArticle, makeSection } from '@/db/test-fixtures';
import { closeTestDatabase, openTestDatabase } from '@/db/testing';
import { viewBuffer } from '@/server/views/buffer';
import { GET, POST } from './route';

// The page-view beacon over HTTP (the handler called with real Requests, on a real database): a
// browser's view is counted, a bot's is not, a reader who opts out is not, and nothing about the
// reader ends up anywhere in the database or in a cookie.

let db: Db;
let articleId: number;

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const rowsOf = <T>(r: unknown) => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];

function beacon(body: string, headers: Record<string, string> = {}) {
  return POST(
    new Request('http://news.test/api/views', {
      method: 'POST',
      headers: { 'content-type': 'text/plain;charset=UTF-8', host: 'news.test', 'user-agent': BROWSER, 'sec-fetch-site': 'same-origin', ...headers },
      body,
    }),
  );
}

async function counted(id = articleId): Promise<number> {
  await viewBuffer().flush();
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select coalesce(sum(views), 0)::int as n from article_views_hourly where article_id = ${id}`));
  return row!.n;
}

beforeAll(async () => {
  db = (await openTestDatabase()).db;
  await db.insert(siteSettings).values({ id: 1, name: 'Test Gazette', timeZone: 'Europe/London' });
  const section = await makeSection(db, 'news');
  articleId = (await makeArticle(db, { slug: 'lighthouse-reopens', section })).id;
});
afterAll(closeTestDatabase);

describe('the view beacon', () => {
  it('counts a browser’s view, answers 204 with no cookie, and is never cached', async () => {
    const before = await counted();
    const response = await beacon(`a=${articleId}&r=www.search.example`);
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await counted()).toBe(before + 1);
  });

  it('does not count bots, scripts, headless browsers or a missing user agent', async () => {
    const before = await counted();
    for (const ua of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm) Chrome/116.0 Safari/537.36',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'curl/8.5.0',
      'python-requests/2.32.3',
      '',
    ]) {
      const response = await beacon(`a=${articleId}`, { 'user-agent': ua });
      expect(response.status).toBe(204);
    }
    expect(await counted()).toBe(before);
  });

  it('does not count a reader who sends Do Not Track or Global Privacy Control, or a signed-in newsroom browser', async () => {
    const before = await counted();
    await beacon(`a=${articleId}`, { dnt: '1' });
    await beacon(`a=${articleId}`, { 'sec-gpc': '1' });
    await beacon(`a=${articleId}`, { cookie: 'authjs.session-token=abc.def' });
    expect(await counted()).toBe(before);
  });

  it('refuses what is not a view report with a plain message, and another site’s pages with 403', async () => {
    for (const body of ['', 'a=', 'a=abc', 'a=-4', 'a=99999999999', `a=${'1'.repeat(700)}`]) {
      const response = await beacon(body);
      expect([400, 413]).toContain(response.status);
      expect(await response.text()).toMatch(/article|view report/i);
    }
    const foreign = await beacon(`a=${articleId}`, { 'sec-fetch-site': 'cross-site' });
    expect(foreign.status).toBe(403);
    expect((await GET()).status).toBe(405);
  });

  it('stores nothing personal: no address, browser name, cookie or page address in any audience row', async () => {
    const secrets = { ua: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0 UniqueBrowserMarker', address: '203.0.113.77', cookie: 'reader-cookie-value-xyz' };
    await beacon(`a=${articleId}&r=${encodeURIComponent('https://www.friendly.example:8443/some/page?user=alice')}`, {
      'user-agent': secrets.ua,
      'x-forwarded-for': secrets.address,
      'x-real-ip': secrets.address,
      cookie: `pref=${secrets.cookie}`,
    });
    await beacon(`a=${articleId}&r=198.51.100.23`);
    await beacon(`a=${articleId}&r=news.test`);
    await viewBuffer().flush();
    const dump = JSON.stringify(
      await Promise.all(
        ['article_views_hourly', 'article_views_daily', 'referrer_views_hourly', 'referrer_views_daily'].map(async (t) => rowsOf(await db.execute(sql.raw(`select * from ${t}`)))),
      ),
    );
    for (const secret of [...Object.values(secrets), 'UniqueBrowserMarker', 'alice', '/some/page', '198.51.100.23', '8443']) expect(dump).not.toContain(secret);
    const domains = rowsOf<{ domain: string }>(await db.execute(sql`select domain from referrer_views_hourly order by domain`)).map((r) => r.domain);
    // The host only, without "www."; a numeric address kept as "none"; our own host as internal.
    expect(domains).toEqual(expect.arrayContaining(['friendly.example', 'search.example', '', '(internal)']));
  });
});
