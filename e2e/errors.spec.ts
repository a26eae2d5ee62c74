import { expect, test } from '@playwright/test';
import { FIXTURES, getRaw } from './support/helpers';

// Status codes, headers and caching: what browsers, crawlers, caches and old links rely on. They
// do not depend on the viewport, so they run once (@once: desktop project only).

const NOT_FOUND_TEXT = 'We couldn’t find that page';

/** The text of the page's h1 in server-rendered HTML (the RSC payload after it repeats other pages' text). */
const h1Of = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '').trim();

test.describe('unknown and odd addresses answer 404, never 500 @once', () => {
  const tenKb = 'a'.repeat(10 * 1024);
  const section = FIXTURES.sectionSlug;
  const cases: [string, string][] = [
    ['an unknown section', '/no-such-section'],
    ['an unknown article', `/${section}/2024/02/30/no-such-story`],
    ['an unknown article in an unknown section', '/no-such-section/2024/01/01/no-such-story'],
    ['an unknown author', '/author/nobody-by-this-name'],
    ['an unknown tag', '/tag/no-such-topic'],
    ['an unknown fixed page', '/pages/nothing-here'],
    ['an unknown edition', '/edition/yesterday'],
    ['a draft, by its slug', `/${section}/2024/01/01/${FIXTURES.draftSlug}`],
    ['a 10 KB section slug', `/${tenKb}`],
    ['a 10 KB article slug', `/${section}/2024/01/01/${tenKb}`],
    ['a 10 KB author slug', `/author/${tenKb}`],
    ['a NUL byte as a section', '/%00'],
    ['a NUL byte in a tag', '/tag/a%00b'],
    ['a NUL byte in an article slug', `/${section}/2024/01/01/a%00b`],
    ['an encoded path traversal', '/..%2f..%2fetc%2fpasswd'],
    ['an encoded path traversal in an author', '/author/..%2f..%2fetc%2fpasswd'],
    ['an encoded path traversal in a tag', '/tag/..%2fadmin'],
    ['an emoji section', `/${encodeURIComponent('📰')}`],
    ['an emoji author', `/author/${encodeURIComponent('🦊-fox')}`],
    ['an emoji article slug', `/${section}/2024/01/01/${encodeURIComponent('🗞')}`],
    ['upper case', `/${section.toUpperCase()}`],
    ['a malformed cursor', `/${section}/before/not-a-cursor`],
    ['a negative cursor', `/${section}/before/-1-5`],
    ['an enormous cursor', `/${section}/before/99999999999999999999-1`],
    ['a cursor with an id out of range', `/${section}/before/1700000000000-99999999999`],
    ['a cursor past the oldest story', `/${section}/before/1-1`],
    ['a malformed author cursor', `/author/${FIXTURES.authorSlug}/before/abc`],
    ['a malformed tag cursor', `/tag/${FIXTURES.tagSlug}/before/%00`],
    ['a cursor in an unknown section', '/no-such-section/before/1700000000000-1'],
    ['replying to an unknown comment', '/comments/reply/999999999'],
    ['replying to a malformed comment id', '/comments/reply/abc'],
    ['more comments of an unknown article', '/comments/999999/after/1-1'],
    ['more comments after a malformed cursor', '/comments/1/after/not-a-cursor'],
  ];
  for (const [what, path] of cases) {
    test(`${what}: 404`, async ({ request }) => {
      const response = await getRaw(request, path);
      expect(response.status(), path.slice(0, 120)).toBe(404);
      // The designed page, in the HTML itself: readers without JavaScript and crawlers see it.
      expect(h1Of(await response.text()), path.slice(0, 120)).toBe(NOT_FOUND_TEXT);
    });
  }

  test('the 404 page is the designed one, inside the site, in a browser', async ({ page }) => {
    const response = await page.goto('/no-such-section');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(NOT_FOUND_TEXT);
    await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Go to the front page' })).toBeVisible();
  });

  test('the 404 page is complete without JavaScript: its heading and title are in the HTML', async ({ request }) => {
    // Next renders notFound() from an on-demand (ISR) route as an empty error shell and leaves the
    // page to client-side rendering (vercel/next.js#95613); the proxy answers these addresses
    // with a page rendered per request instead (lib/reader-routes.ts).
    for (const path of ['/no-such-section', '/author/nobody-by-this-name', `/${section}/2024/01/01/no-such-story`]) {
      const html = await (await getRaw(request, path)).text();
      expect(h1Of(html), `h1 of ${path}`).toBe(NOT_FOUND_TEXT);
      expect(/<title>[^<]+<\/title>/.test(html), `<title> of ${path}`).toBe(true);
    }
  });

  test('malformed ?page= parameters on a section are ignored or refused, never a 500', async ({ request }) => {
    for (const query of ['?page=-1', '?page=abc', '?page=99999999', '?page=%00', `?page=${'9'.repeat(400)}`]) {
      const status = (await getRaw(request, `/${section}${query}`)).status();
      expect([200, 404], `/${section}${query}`).toContain(status);
    }
  });
});

test.describe('moved and withdrawn articles @once', () => {
  test('an old article URL answers 301 to the current one, keeping the query string', async ({ request }) => {
    const response = await getRaw(request, FIXTURES.movedOldPath);
    expect(response.status()).toBe(301);
    expect(new URL(response.headers().location!, 'http://x').pathname).toBe(FIXTURES.movedCurrentPath);

    const withQuery = await getRaw(request, `${FIXTURES.movedOldPath}?ref=newsletter`);
    expect(withQuery.status()).toBe(301);
    expect(withQuery.headers().location).toContain(`${FIXTURES.movedCurrentPath}?ref=newsletter`);

    const target = await getRaw(request, FIXTURES.movedCurrentPath);
    expect(target.status()).toBe(200);
  });

  test('a reader following an old link lands on the article', async ({ page }) => {
    await page.goto(FIXTURES.movedOldPath);
    await expect(page).toHaveURL(new RegExp(`${FIXTURES.movedCurrentPath}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('a withdrawn article answers 410 Gone with a page that says so', async ({ request }) => {
    const response = await getRaw(request, FIXTURES.withdrawnPath);
    expect(response.status()).toBe(410);
    expect(h1Of(await response.text())).toMatch(/withdrawn/i);
  });
});

test.describe('headers @once', () => {
  const pages = () => ['/', `/${FIXTURES.sectionSlug}`, FIXTURES.correctedArticlePath, `/author/${FIXTURES.authorSlug}`, `/tag/${FIXTURES.tagSlug}`];

  test('every response carries the security headers and no X-Powered-By', async ({ request }) => {
    const paths = [...pages(), '/no-such-section', '/api/health', FIXTURES.withdrawnPath, '/favicon.ico'];
    // A script from the build and a file from public/ too.
    const html = await (await getRaw(request, FIXTURES.correctedArticlePath)).text();
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1];
    expect(script, 'the article page loads a script').toBeTruthy();
    paths.push(script!);
    const image = /<img[^>]+src="(\/[^"]+)"/.exec(html)?.[1];
    if (image) paths.push(image);

    for (const path of paths) {
      const response = await getRaw(request, path);
      const h = response.headers();
      const where = `${path} (${response.status()})`;
      expect(response.status(), where).toBeLessThan(500);
      const csp = h['content-security-policy'] ?? '';
      expect(csp, `CSP on ${where}`).toContain("default-src 'self'");
      expect(csp, `CSP on ${where}`).toContain("frame-ancestors 'self'");
      expect(csp, `CSP on ${where}`).not.toContain('unsafe-eval');
      expect(csp, `CSP on ${where}`).toContain("object-src 'none'");
      expect(h['x-content-type-options'], where).toBe('nosniff');
      expect(h['referrer-policy'], where).toBe('strict-origin-when-cross-origin');
      expect(h['x-powered-by'], where).toBeUndefined();
    }
  });

  test('HSTS is sent when the site is reached over https (behind a proxy), not over plain http', async ({ request }) => {
    expect((await getRaw(request, '/')).headers()['strict-transport-security']).toBeUndefined();
    const https = await getRaw(request, '/', { 'x-forwarded-proto': 'https' });
    expect(https.headers()['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  });

  test('reader pages may be cached by shared caches and set no cookies', async ({ request }) => {
    for (const path of pages()) {
      // Twice: the first visit renders the page, the second comes from the cache.
      for (const visit of ['first', 'second']) {
        const response = await getRaw(request, path);
        const where = `${path} (${visit} visit)`;
        expect(response.status(), where).toBe(200);
        const cacheControl = response.headers()['cache-control'] ?? '';
        expect(cacheControl, where).toMatch(/s-maxage=\d+/);
        expect(cacheControl, where).not.toMatch(/private|no-store/);
        expect(response.headers()['set-cookie'], where).toBeUndefined();
        expect(response.headers()['vary'] ?? '', where).not.toMatch(/cookie/i);
      }
    }
  });

  test('the same reader page is byte-for-byte the same for a signed-out reader and one sending cookies', async ({ request }) => {
    const path = FIXTURES.correctedArticlePath;
    await getRaw(request, path); // Warm the cache.
    const plain = await (await getRaw(request, path)).text();
    const withCookies = await (await getRaw(request, path, { cookie: 'authjs.session-token=not-a-real-session; theme=dark' })).text();
    expect(withCookies).toBe(plain);
  });
});
